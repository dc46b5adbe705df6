/**
 * Evacuation flows: once a zone is ordered and warned, people leave in
 * steps, as many as the zone's own transport moves in a step (slower with
 * more vulnerable people) and as the open shelters they can reach have room
 * for (capacity in people, and floor space at m2_per_person).
 *
 * They travel at the evacuees' speed (evacuation.speed_kmh) from the zone's
 * place to the shelter's: by the road network on the roads open when they set
 * off, or in a straight line (times detour) without one. A shelter no open
 * road leads to is passed over; a zone with people waiting, none of whom can
 * go, is stalled, and says `cut` when a shelter with room is there but cut off.
 * On the road they hold their places in the shelter (its `incoming`, so no
 * one else is sent to the same places) and are in it (its `occupancy`) when
 * their trip is over (a queue event then; a trip of no length: at once). A
 * shelter is full, and takes no one new, once the people in it and on their
 * way fill it.
 *
 * When the hazard arrives, whoever is still in the zone is at risk; those on
 * the road have left it and go on to their shelters, arriving when their trip
 * says. A road cut after a group set off does not stop it (the engine keeps
 * no position along the way for evacuees, as it does for units).
 */
import type { StepAction } from '../machines/stepper.js';
import * as Incidents from './incidents.js';
import { removeAt } from './lists.js';
import { PRIO, type Sim } from './sim.js';

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

function occupancyEvent(sim: Sim, sid: string): void {
  const s = sim.world.shelters[sid];
  sim.emit({ t: sim.now, type: 'shelter.occupancy', id: sid, occupancy: s.occupancy, incoming: s.incoming, capacity: s.capacity });
}

function progressEvent(sim: Sim, id: string, extra?: { stalled: true; cut?: true }): void {
  const z = sim.world.zones[id];
  sim.emit({ t: sim.now, type: 'zone.progress', id, remaining: z.remaining, moving: z.moving, sheltered: z.sheltered, ...extra });
}

function advance(sim: Sim, id: string): void {
  const spec = sim.model.scenario.evacuation.zones.find((z) => z.id === id)!;
  const z = sim.world.zones[id];
  // everyone has set off: nothing for the step to move, and those on the road say their arrival themselves
  if (z.remaining === 0 && z.moving > 0) return;
  const people = sim.world.areas[spec.area].people;
  const step_s = z.m.context.step_s as number;
  const perStep = Math.max(1, Math.floor((spec.rate_people_per_hour * step_s * (1 - 0.5 * spec.vulnerable_share)) / 3600));
  let batch = Math.min(z.remaining, perStep);
  let placed = 0, onRoad = 0;
  let cut = false;
  const sent = new Set<string>();
  for (const sid of spec.shelters) {
    if (batch <= 0) break;
    const free = room(sim, sid);
    if (free <= 0) continue;
    const trip_s = sim.model.tripSeconds(id, sid, sim.world.roads, sim.world.road_version);
    if (trip_s === null) { cut = true; continue; }
    const take = Math.min(batch, free);
    const s = sim.world.shelters[sid];
    if (trip_s === 0) {
      // the shelter is where the zone is: in it at once
      s.occupancy += take;
      z.sheltered += take;
    } else {
      s.incoming += take;
      z.moving_to[sid] = (z.moving_to[sid] ?? 0) + take;
      z.on_road.push({ shelter: sid, n: take, t0: sim.now, arrive_t: sim.now + trip_s });
      sim.schedule(sim.now + trip_s, PRIO.world, { k: 'evac', zone: id, shelter: sid, n: take });
      onRoad += take;
    }
    sent.add(sid);
    batch -= take;
    placed += take;
  }
  z.remaining -= placed;
  z.moving += onRoad;
  people.unaffected -= placed;
  people.moving += onRoad;
  people.sheltered += placed - onRoad;
  // one occupancy event for each shelter people set off to, in the zone's order of shelters; a shelter the people
  // in it and on their way now fill is full to anyone else
  for (const sid of spec.shelters) {
    if (!sent.has(sid)) continue;
    occupancyEvent(sim, sid);
    const s = sim.world.shelters[sid];
    if (s.occupancy + s.incoming >= s.capacity) sim.sendShelter(sid, 'FULL');
  }
  // nobody could go: every shelter with room was cut off (cut), or none had room
  const stalled = placed === 0 && z.remaining > 0;
  if (stalled && cut) z.cut = true;
  else delete z.cut;
  progressEvent(sim, id, stalled ? (cut ? { stalled: true, cut: true } : { stalled: true }) : undefined);
  if (z.remaining === 0 && z.moving === 0) sim.send('zone', id, { type: 'CLEARED' });
}

/** A group of a zone's people reaches its shelter: the places it held become its own. */
export function arrive(sim: Sim, zoneId: string, shelterId: string, n: number): void {
  const z = sim.world.zones[zoneId];
  const i = z.on_road.findIndex((g) => g.shelter === shelterId && g.n === n && g.arrive_t === sim.now);
  if (i < 0) throw new Error(`drillsim engine: zone ${zoneId} has no group of ${n} due at shelter ${shelterId} at ${sim.now} s`);
  removeAt(z.on_road, i);
  const left = z.moving_to[shelterId] - n;
  if (left > 0) z.moving_to[shelterId] = left;
  else delete z.moving_to[shelterId];
  z.moving -= n;
  z.sheltered += n;
  const s = sim.world.shelters[shelterId];
  s.incoming -= n;
  s.occupancy += n;
  const people = sim.world.areas[sim.model.scenario.evacuation.zones.find((x) => x.id === zoneId)!.area].people;
  people.moving -= n;
  people.sheltered += n;
  occupancyEvent(sim, shelterId);
  progressEvent(sim, zoneId);
  if (z.remaining === 0 && z.moving === 0) sim.send('zone', zoneId, { type: 'CLEARED' });
}

export function strike(sim: Sim, zoneId: string): void {
  sim.send('zone', zoneId, { type: 'STRUCK' });
}

function caught(sim: Sim, id: string): void {
  const spec = sim.model.scenario.evacuation.zones.find((z) => z.id === id)!;
  const z = sim.world.zones[id];
  const people = sim.world.areas[spec.area].people;
  // those on the road have left the zone: they go on to their shelters, and arrive when their trips say
  const n = z.remaining;
  delete z.cut;
  z.caught = n;
  z.remaining = 0;
  sim.emit({ t: sim.now, type: 'zone.struck', id, caught: n });
  progressEvent(sim, id);
  if (n === 0) return;
  if (spec.if_caught) {
    const place = Incidents.placeOf(sim, spec.area, spec.node ?? null, spec.coords ?? null);
    Incidents.create(sim, { id: `${id}-caught`, kind: spec.if_caught, area: spec.area, node: place.node, x: place.x, y: place.y, people: n }, sim.rng.get(`incident/${id}-caught`));
  } else {
    people.unaffected -= n;
    people.at_risk += n;
  }
}
