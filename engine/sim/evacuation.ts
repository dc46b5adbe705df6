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
 * says.
 *
 * On a road network a group keeps its way (Trip.way: nodes, edges, and the
 * seconds to each), so where it is follows from the time, as for a unit. When
 * a road changes (roadsChanged), groups re-plan as units on their way do: a
 * road ahead of them cut (by the hazard or closed by order) or slowed, or the
 * one they are on, re-routes them from where they are to the same shelter, on
 * to the end of their road or back to its start (back, when it is their road
 * that was cut), whichever arrives first; a road reopened or less slowed off
 * their way does so when it gives a quicker way. With no open way to their
 * shelter they are stranded: they go to the junction they can reach and wait
 * there, still on the road (moving, holding their places in the shelter, not
 * caught when the hazard reaches their zone), and any later change of the
 * roads tries again. Why wait rather than turn back home: the zone is where
 * the hazard will strike, the places they hold are theirs when they arrive,
 * and a unit a cut road stops does the same (`blocked`). Each change of way
 * is a `zone.trip` event; a change in how many are stranded, a `zone.progress`
 * with `stranded`. Without a network the straight line is never cut.
 */
import type { StepAction } from '../machines/stepper.js';
import * as Incidents from './incidents.js';
import { removeAt } from './lists.js';
import { roundTrip } from './model.js';
import type { Profile, RoadStatus } from './routing.js';
import { PRIO, type Sim } from './sim.js';
import type { Trip, TripWay, ZoneW } from './world.js';

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

/** People of a zone stranded on the road: no open way to their shelter from where they are. */
export function strandedOf(z: ZoneW): number {
  let n = 0;
  for (const g of z.on_road) if (g.stranded_t !== undefined) n += g.n;
  return n;
}

function progressEvent(sim: Sim, id: string, extra?: { stalled: true; cut?: true }): void {
  const z = sim.world.zones[id];
  const stranded = strandedOf(z);
  sim.emit({ t: sim.now, type: 'zone.progress', id, remaining: z.remaining, moving: z.moving, sheltered: z.sheltered, ...(stranded > 0 ? { stranded } : {}), ...extra });
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
    const trip = sim.model.trip(id, sid, sim.world.roads, sim.world.road_version);
    if (trip === null) { cut = true; continue; }
    const trip_s = trip.trip_s;
    const take = Math.min(batch, free);
    const s = sim.world.shelters[sid];
    if (trip_s === 0) {
      // the shelter is where the zone is: in it at once
      s.occupancy += take;
      z.sheltered += take;
    } else {
      s.incoming += take;
      z.moving_to[sid] = (z.moving_to[sid] ?? 0) + take;
      const seq = sim.schedule(sim.now + trip_s, PRIO.world, { k: 'evac', zone: id, shelter: sid, n: take });
      const g: Trip = { shelter: sid, n: take, t0: sim.now, arrive_t: sim.now + trip_s, seq };
      // the way itself, kept so that a road cut ahead of them can re-route them from where they are
      if (trip.route) g.way = { t0: sim.now, nodes: trip.route.nodes, edges: trip.route.edges, cum_s: cumulative(sim, sim.model.evacueesOf(id), trip.route.edges, 0) };
      z.on_road.push(g);
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
  // the group whose event this is: due now, and its event no longer pending (another alike may be due now too)
  const i = z.on_road.findIndex((g) => g.shelter === shelterId && g.n === n && g.arrive_t === sim.now && g.stranded_t === undefined && !sim.queue.has(g.seq));
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

// ------------------------------------------------------------ roads changed

/** Seconds to each node of a route from its start (at `start_s`), for evacuees (`profile`: their zone's) on the roads as they are now, rounded up as trips are. */
function cumulative(sim: Sim, profile: Profile, edges: readonly string[], start_s: number): number[] {
  const travel = sim.model.travel;
  const out = [start_s];
  let acc = 0;
  // summed in the route's order from 0, as the shortest-path tree sums it: the last is the route's own time
  for (const id of edges) {
    acc += travel.edgeTime(travel.edgeById(id)!, profile, sim.world.roads[id]);
    out.push(start_s + roundTrip(acc));
  }
  return out;
}

/** Where a group is along its way now: the index of the last node passed and the seconds since. */
function whereOn(way: TripWay, now: number): { i: number; since_s: number } {
  const elapsed = now - way.t0;
  let i = 0;
  while (i + 1 < way.cum_s.length && way.cum_s[i + 1] <= elapsed) i++;
  return { i, since_s: elapsed - way.cum_s[i] };
}

/** The road a group is part-way along, from a to b as it goes, with its time and the seconds done of it. */
interface OnRoad { a: string; b: string; edge: string; road_s: number; done_s: number }

function onRoad(way: TripWay, at: { i: number; since_s: number }): OnRoad | null {
  if (!(at.since_s > 0) || at.i + 1 >= way.nodes.length) return null;
  const i = at.i;
  return { a: way.nodes[i], b: way.nodes[i + 1], edge: way.edges[i], road_s: way.cum_s[i + 1] - way.cum_s[i], done_s: at.since_s };
}

/** Seconds for evacuees to cross a road as it is, or as it was. */
function edgeSeconds(sim: Sim, profile: Profile, edge: string, status: RoadStatus | undefined): number {
  const e = sim.model.travel.edgeById(edge);
  return e ? sim.model.travel.edgeTime(e, profile, status) : Infinity;
}

/** The road a group is on, re-timed when it is the one that changed: the rest of it (and the part behind) at the new speed. */
function retimed(sim: Sim, profile: Profile, r: OnRoad, changed: string, was: RoadStatus | undefined): OnRoad {
  if (r.edge !== changed) return r;
  const before = edgeSeconds(sim, profile, changed, was), now = edgeSeconds(sim, profile, changed, sim.world.roads[changed]);
  if (!(before > 0 && before < Infinity && now < Infinity) || now === before) return r;
  const road_s = Math.round(r.road_s * (now / before));
  return { ...r, road_s, done_s: Math.min(road_s, Math.round(r.done_s * (now / before))) };
}

/**
 * Which ways a group part-way along a road may take (false: on to its end, true: back to its start), as a unit
 * does: either, unless its road is cut; back, if its road is the one just cut; on, along a road cut before (it is
 * going back along it already).
 */
function turnsOn(sim: Sim, r: OnRoad, changed: string): boolean[] {
  if (sim.world.roads[r.edge]?.status !== 'cut') return [false, true];
  return r.edge === changed ? [true] : [false];
}

/** The quickest way from where a group is to its shelter's node: the seconds (unrounded), the way and the time it begins part-way. */
interface Plan { time_s: number; way: TripWay }

function planFrom(sim: Sim, profile: Profile, target: string, r: OnRoad | null, node: string, turns: readonly boolean[]): Plan | null {
  const travel = sim.model.travel, roads = sim.world.roads, version = sim.world.road_version;
  if (r === null) {
    const route = travel.route(profile, node, target, roads, version);
    if (route === null) return null;
    return { time_s: route.time_s, way: { t0: sim.now, nodes: route.nodes, edges: route.edges, cum_s: cumulative(sim, profile, route.edges, 0) } };
  }
  let best: Plan | null = null;
  for (const back of turns) {
    const rem_s = back ? r.done_s : r.road_s - r.done_s;
    const route = travel.route(profile, back ? r.a : r.b, target, roads, version);
    if (route === null) continue;
    const time_s = rem_s + route.time_s;
    if (best !== null && best.time_s <= time_s) continue;
    const first = back ? [r.b, r.a] : [r.a, r.b];
    best = { time_s, way: { t0: sim.now, nodes: [...first, ...route.nodes.slice(1)], edges: [r.edge, ...route.edges], cum_s: [rem_s - r.road_s, ...cumulative(sim, profile, route.edges, rem_s)] } };
  }
  return best;
}

/** Seconds left on a group's way as it stands, measured as a new way is: the rest of its road, then the roads after it now. */
function staySeconds(sim: Sim, profile: Profile, way: TripWay, i: number, r: OnRoad | null): number {
  let s = r ? r.road_s - r.done_s : 0;
  for (let k = r ? i + 1 : i; k < way.edges.length; k++) s += edgeSeconds(sim, profile, way.edges[k], sim.world.roads[way.edges[k]]);
  return s;
}

/** Passed as the road changed when none did: stranded groups trying again after a shelter gained room. */
const NO_ROAD = '';

/**
 * After a road changes: each group of a zone's people on the road re-plans as a unit on its way does (see the
 * header), in the zones' order and each zone's groups' order; a zone whose stranded count changed says so. Places
 * a group gave up at its shelter, turning to another, may let a group stranded before it go there: they try again.
 */
export function roadsChanged(sim: Sim, changed: string, was: RoadStatus | undefined): void {
  if (!sim.model.travel.network) return;
  let released = false;
  for (const spec of sim.model.scenario.evacuation.zones) {
    const z = sim.world.zones[spec.id];
    if (z.on_road.length === 0) continue;
    const before = strandedOf(z);
    // over a copy: a group that splits puts its parts after it, on their ways already
    for (const g of z.on_road.slice()) if (g.way && regroup(sim, spec.id, g, g.way, changed, was)) released = true;
    if (strandedOf(z) !== before) progressEvent(sim, spec.id);
  }
  if (released) retryStranded(sim);
}

/**
 * Stranded groups try again, with no road changed: a shelter of their zone has room that had none (places given
 * up by a group that turned elsewhere, or a shelter opened). Each pass after the first follows one in which some of
 * the stranded went on, so the passes end.
 */
export function retryStranded(sim: Sim): void {
  if (!sim.model.travel.network) return;
  for (let again = true; again;) {
    again = false;
    for (const spec of sim.model.scenario.evacuation.zones) {
      const z = sim.world.zones[spec.id];
      if (!z.on_road.some((g) => g.stranded_t !== undefined)) continue;
      const before = strandedOf(z);
      for (const g of z.on_road.slice()) if (g.way && g.stranded_t !== undefined && regroup(sim, spec.id, g, g.way, NO_ROAD, undefined)) again = true;
      if (strandedOf(z) !== before) progressEvent(sim, spec.id);
    }
  }
}

/** Re-plans a group after a road changed (see the header); true when some of it gave up its places to go to another shelter. */
function regroup(sim: Sim, zoneId: string, g: Trip, way: TripWay, changed: string, was: RoadStatus | undefined): boolean {
  const profile = sim.model.evacueesOf(zoneId);
  const stranded = g.stranded_t !== undefined;
  const at = whereOn(way, sim.now);
  let road = onRoad(way, at);
  // on its way: a change to a road ahead (or the one it is on) re-plans it; a road made quicker off its way, only
  // when that gives a quicker way (a tie keeps the way it is on). Stranded: any change may have opened a way.
  let stay = Infinity;
  if (!stranded && !way.edges.slice(at.i).includes(changed)) {
    if (!(edgeSeconds(sim, profile, changed, sim.world.roads[changed]) < edgeSeconds(sim, profile, changed, was))) return false;
    stay = staySeconds(sim, profile, way, at.i, road);
  }
  if (road) road = retimed(sim, profile, road, changed, was);
  const target = sim.model.shelterPlace.get(g.shelter)!.node!;
  const turns = road ? turnsOn(sim, road, changed) : [];
  const node = way.nodes[at.i];
  const plan = planFrom(sim, profile, target, road, node, turns);
  if (stay < Infinity && !(plan && plan.time_s < stay)) return false;
  if (plan) {
    if (g.seq >= 0) sim.queue.cancel(g.seq);
    setOff(sim, zoneId, g, plan.way);
    tripEvent(sim, zoneId, g);
    return false;
  }
  // no way to its own shelter: to the zone's others, as advance picks them, as many as each has room for
  const from = g.shelter, n = g.n;
  const parts = elsewhere(sim, zoneId, from, n, profile, road, node, turns);
  const moved = parts.reduce((k, p) => k + p.n, 0);
  if (moved > 0) turnElsewhere(sim, zoneId, g, parts);
  if (moved < n) strand(sim, zoneId, g, way, at, road, turns, stranded, changed);
  if (moved > 0) shelterEvents(sim, zoneId, from, parts);
  return moved > 0;
}

/** Some of a group bound for another shelter: how many, where to, and the way there. */
interface Part { shelter: string; n: number; way: TripWay }

/**
 * Where a group of n with no open way to its own shelter may go instead: the zone's other shelters in the zone's
 * order (as advance takes them), each open, with room (`room`) and an open way from where the group is, taking as
 * many as it has room for until all are placed; the rest (none, when the first has room for all) have nowhere.
 */
function elsewhere(sim: Sim, zoneId: string, own: string, n: number, profile: Profile, road: OnRoad | null, node: string, turns: readonly boolean[]): Part[] {
  const spec = sim.model.scenario.evacuation.zones.find((z) => z.id === zoneId)!;
  const parts: Part[] = [];
  let left = n;
  for (const sid of spec.shelters) {
    if (left <= 0) break;
    if (sid === own) continue;
    const free = room(sim, sid);
    const target = sim.model.shelterPlace.get(sid)?.node;
    if (free <= 0 || target === null || target === undefined) continue;
    const plan = planFrom(sim, profile, target, road, node, turns);
    if (plan === null) continue;
    const take = Math.min(left, free);
    parts.push({ shelter: sid, n: take, way: plan.way });
    left -= take;
  }
  return parts;
}

/**
 * Part (or all) of a group turns to other shelters: it gives up its places at its own (the rest, if any, keep
 * theirs) and holds them at each it goes to. When all of it goes, the group itself takes the first part; any other
 * part is a new group after it in the zone's groups, set off when it did.
 */
function turnElsewhere(sim: Sim, zoneId: string, g: Trip, parts: readonly Part[]): void {
  const z = sim.world.zones[zoneId];
  const from = g.shelter;
  const moved = parts.reduce((n, p) => n + p.n, 0);
  const whole = moved === g.n;
  // the places given up at its own shelter
  sim.world.shelters[from].incoming -= moved;
  const left = z.moving_to[from] - moved;
  if (left > 0) z.moving_to[from] = left;
  else delete z.moving_to[from];
  let at = z.on_road.indexOf(g) + 1;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    let h: Trip;
    if (whole && k === 0) {
      if (g.seq >= 0) sim.queue.cancel(g.seq);
      h = g;
      h.shelter = p.shelter;
      h.n = p.n;
    } else {
      h = { shelter: p.shelter, n: p.n, t0: g.t0, arrive_t: -1, seq: -1 };
      z.on_road.splice(at++, 0, h);
    }
    sim.world.shelters[p.shelter].incoming += p.n;
    z.moving_to[p.shelter] = (z.moving_to[p.shelter] ?? 0) + p.n;
    setOff(sim, zoneId, h, p.way);
    tripEvent(sim, zoneId, h, from);
  }
  if (!whole) g.n -= moved;
}

/**
 * The shelters a group's turning changed, in the zone's order: each says its occupancy; the one given up, full
 * only for the places now given up, has room again (SPACE); one the new places fill is full (FULL), as advance has it.
 */
function shelterEvents(sim: Sim, zoneId: string, from: string, parts: readonly Part[]): void {
  const spec = sim.model.scenario.evacuation.zones.find((z) => z.id === zoneId)!;
  for (const sid of spec.shelters) {
    const to = parts.some((p) => p.shelter === sid);
    if (sid !== from && !to) continue;
    occupancyEvent(sim, sid);
    const s = sim.world.shelters[sid];
    if (s.occupancy + s.incoming >= s.capacity) sim.sendShelter(sid, 'FULL');
    else if (s.m.value === 'full') sim.sendShelter(sid, 'SPACE');
  }
}

/** A group (or the rest of one) on its way along `way` from now: its arrival scheduled, stranded no more. */
function setOff(sim: Sim, zoneId: string, g: Trip, way: TripWay): void {
  g.way = way;
  g.arrive_t = sim.now + way.cum_s[way.cum_s.length - 1];
  g.seq = sim.schedule(g.arrive_t, PRIO.world, { k: 'evac', zone: zoneId, shelter: g.shelter, n: g.n });
  delete g.stranded_t;
}

/** No way on to any shelter: the group (or what is left of it) goes to the junction it can reach and waits there. */
function strand(sim: Sim, zoneId: string, g: Trip, way: TripWay, at: { i: number }, road: OnRoad | null, turns: readonly boolean[], stranded: boolean, changed: string): void {
  // stranded already, with still no way on: only a change to the road it is on to its junction (slowed, or cut,
  // which turns it back) changes where it waits or when it gets there
  if (stranded && (road === null || road.edge !== changed)) return;
  // to the junction it can reach (back, when its own road is the one just cut), there to wait
  if (g.seq >= 0) sim.queue.cancel(g.seq);
  if (road) {
    const back = turns.length === 1 && turns[0];
    const rem_s = back ? road.done_s : road.road_s - road.done_s;
    g.way = { t0: sim.now, nodes: back ? [road.b, road.a] : [road.a, road.b], edges: [road.edge], cum_s: [rem_s - road.road_s, rem_s] };
  } else {
    g.way = { t0: sim.now, nodes: [way.nodes[at.i]], edges: [], cum_s: [0] };
  }
  g.arrive_t = -1;
  g.seq = -1;
  if (!stranded) g.stranded_t = sim.now;
  tripEvent(sim, zoneId, g);
}

/**
 * A group's new way: to its shelter (due at its arrival), with `from_shelter` when that is not the shelter it was
 * bound for; or stranded, to the junction where it waits.
 */
function tripEvent(sim: Sim, zoneId: string, g: Trip, from?: string): void {
  const way = g.way!;
  sim.emit({
    t: sim.now, type: 'zone.trip', id: zoneId, shelter: g.shelter, ...(from !== undefined ? { from_shelter: from } : {}), n: g.n, set_off: g.t0,
    ...(g.stranded_t !== undefined ? { stranded: true } : { travel_s: g.arrive_t - sim.now }), nodes: way.nodes, cum_s: way.cum_s,
  });
}
