/**
 * Evacuation flows: once a zone is ordered and warned, people leave in
 * steps, as many as the zone's own transport moves in a step (slower with
 * more vulnerable people) and as the open shelters have room for (capacity
 * in people, and floor space at m2_per_person). People on the road this step
 * are in shelter the next. When the hazard arrives, whoever is still in the
 * zone is at risk.
 */
import type { StepAction } from '../machines/stepper.js';
import * as Incidents from './incidents.js';
import type { Sim } from './sim.js';

export function onZoneStep(sim: Sim, id: string, before: string, actions: StepAction[]): void {
  const z = sim.world.zones[id];
  const custom = sim.runActions('zone', id, z.timers, actions);
  const state = z.m.value as string;
  if (state !== before) sim.emit({ t: sim.now, type: 'zone.state', id, state, ...(state === 'ordered' ? { by: z.m.context.ordered_by } : {}) });
  for (let i = 0; i < custom.length; i++) {
    const a = custom[i];
    if (a.type === 'advance') advance(sim, id);
    else if (a.type === 'struck') caught(sim, id);
  }
}

/** Room left in a shelter, in people. */
export function room(sim: Sim, shelterId: string): number {
  const s = sim.world.shelters[shelterId];
  if (s.m.value !== 'open') return 0;
  return Math.max(0, s.capacity - s.occupancy);
}

function advance(sim: Sim, id: string): void {
  const spec = sim.model.scenario.evacuation.zones.find((z) => z.id === id)!;
  const z = sim.world.zones[id];
  const people = sim.world.areas[spec.area].people;
  // last step's travellers arrive
  if (z.moving > 0) {
    z.sheltered += z.moving;
    people.moving -= z.moving;
    people.sheltered += z.moving;
    z.moving = 0;
  }
  const step_s = z.m.context.step_s as number;
  const perStep = Math.max(1, Math.floor((spec.rate_people_per_hour * step_s * (1 - 0.5 * spec.vulnerable_share)) / 3600));
  let batch = Math.min(z.remaining, perStep);
  let placed = 0;
  for (const sid of spec.shelters) {
    if (batch <= 0) break;
    const take = Math.min(batch, room(sim, sid));
    if (take <= 0) continue;
    const s = sim.world.shelters[sid];
    s.occupancy += take;
    sim.emit({ t: sim.now, type: 'shelter.occupancy', id: sid, occupancy: s.occupancy, capacity: s.capacity });
    if (s.occupancy >= s.capacity) sim.sendShelter(sid, 'FULL');
    batch -= take;
    placed += take;
  }
  z.remaining -= placed;
  z.moving = placed;
  people.unaffected -= placed;
  people.moving += placed;
  sim.emit({ t: sim.now, type: 'zone.progress', id, remaining: z.remaining, moving: z.moving, sheltered: z.sheltered, ...(placed === 0 && z.remaining > 0 ? { stalled: true } : {}) });
  if (z.remaining === 0 && z.moving === 0) sim.send('zone', id, { type: 'CLEARED' });
}

export function strike(sim: Sim, zoneId: string): void {
  sim.send('zone', zoneId, { type: 'STRUCK' });
}

function caught(sim: Sim, id: string): void {
  const spec = sim.model.scenario.evacuation.zones.find((z) => z.id === id)!;
  const z = sim.world.zones[id];
  const people = sim.world.areas[spec.area].people;
  // those already on the road make it out
  if (z.moving > 0) {
    z.sheltered += z.moving;
    people.moving -= z.moving;
    people.sheltered += z.moving;
    z.moving = 0;
  }
  const n = z.remaining;
  z.caught = n;
  z.remaining = 0;
  sim.emit({ t: sim.now, type: 'zone.struck', id, caught: n });
  sim.emit({ t: sim.now, type: 'zone.progress', id, remaining: 0, moving: 0, sheltered: z.sheltered });
  if (n === 0) return;
  if (spec.if_caught) {
    const place = Incidents.placeOf(sim, spec.area, spec.node ?? null, spec.coords ?? null);
    Incidents.create(sim, { id: `${id}-caught`, kind: spec.if_caught, area: spec.area, node: place.node, x: place.x, y: place.y, people: n }, sim.rng.get(`incident/${id}-caught`));
  } else {
    people.unaffected -= n;
    people.at_risk += n;
  }
}
