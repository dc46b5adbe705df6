/**
 * Evacuation flows: once a zone is ordered and warned, people leave in
 * steps, as many as the zone's own transport moves in a step (slower with
 * more vulnerable people) and as the open shelters have room for (capacity
 * in people, and floor space at m2_per_person). People on the road this step
 * hold their places in the shelter they are headed to (its `incoming`, so no
 * one else is sent to the same places) and are in it (its `occupancy`) the
 * next step, or when the hazard reaches their zone. A shelter is full, and
 * takes no one new, once the people in it and on their way fill it. When the
 * hazard arrives, whoever is still in the zone is at risk.
 */
import type { StepAction } from '../machines/stepper.js';
import * as Incidents from './incidents.js';
import type { Sim } from './sim.js';
import type { People, ZoneW } from './world.js';

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

/** Room left in a shelter, in people: its capacity less the people in it and the places held for people on their way. */
export function room(sim: Sim, shelterId: string): number {
  const s = sim.world.shelters[shelterId];
  if (s.m.value !== 'open') return 0;
  return Math.max(0, s.capacity - s.occupancy - s.incoming);
}

/** The zone's people on the road reach their shelters (their held places become occupied); returns the shelters they reached. */
function arrive(sim: Sim, z: ZoneW, people: People): Set<string> {
  const reached = new Set<string>();
  if (z.moving === 0) return reached;
  for (const [sid, n] of Object.entries(z.moving_to)) {
    const s = sim.world.shelters[sid];
    s.incoming -= n;
    s.occupancy += n;
    reached.add(sid);
  }
  z.moving_to = {};
  z.sheltered += z.moving;
  people.moving -= z.moving;
  people.sheltered += z.moving;
  z.moving = 0;
  return reached;
}

function occupancyEvent(sim: Sim, sid: string): void {
  const s = sim.world.shelters[sid];
  sim.emit({ t: sim.now, type: 'shelter.occupancy', id: sid, occupancy: s.occupancy, incoming: s.incoming, capacity: s.capacity });
}

function advance(sim: Sim, id: string): void {
  const spec = sim.model.scenario.evacuation.zones.find((z) => z.id === id)!;
  const z = sim.world.zones[id];
  const people = sim.world.areas[spec.area].people;
  // last step's travellers arrive (the places they held become theirs: the room left is the same)
  const reached = arrive(sim, z, people);
  const step_s = z.m.context.step_s as number;
  const perStep = Math.max(1, Math.floor((spec.rate_people_per_hour * step_s * (1 - 0.5 * spec.vulnerable_share)) / 3600));
  let batch = Math.min(z.remaining, perStep);
  let placed = 0;
  const sent = new Map<string, number>();
  for (const sid of spec.shelters) {
    if (batch <= 0) break;
    const take = Math.min(batch, room(sim, sid));
    if (take <= 0) continue;
    sim.world.shelters[sid].incoming += take;
    sent.set(sid, take);
    batch -= take;
    placed += take;
  }
  // one occupancy event for each shelter people reached or set off to, in the zone's order of shelters; a shelter
  // the people in it and on their way now fill is full to anyone else
  for (const sid of spec.shelters) {
    const take = sent.get(sid);
    if (take === undefined && !reached.has(sid)) continue;
    if (take !== undefined) z.moving_to[sid] = take;
    occupancyEvent(sim, sid);
    const s = sim.world.shelters[sid];
    if (take !== undefined && s.occupancy + s.incoming >= s.capacity) sim.sendShelter(sid, 'FULL');
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
  // those already on the road make it out: they are in their shelters now
  const reached = arrive(sim, z, people);
  for (const sid of spec.shelters) if (reached.has(sid)) occupancyEvent(sim, sid);
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
