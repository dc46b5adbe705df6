/**
 * Units in the world: planning a trip (mobilisation drawn from the unit's own
 * stream, route on the current roads, travel variability), following the
 * machine's state changes with positions and legs, joining and leaving the
 * incident's capacity, and re-routing when roads change.
 */
import { sample, sampleSeconds } from '../core/distributions.js';
import { NEVER_S } from '../machines/never.js';
import type { StepAction } from '../machines/stepper.js';
import type { Capability } from '../scenario/schema.js';
import * as Incidents from './incidents.js';
import { removeAt } from './lists.js';
import type { Sim } from './sim.js';
import type { Profile, RoadStatus } from './routing.js';
import type { IncidentW, Leg, UnitW } from './world.js';

const ATTACHED = new Set(['mobilising', 'en_route', 'blocked', 'on_scene']);

export interface TripPlan {
  mobilise_s: number;
  travel_s: number;
  return_s: number;
  leg: Leg;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Nominal travel (no variability) between two places for a unit, or null when no open road. */
export function nominal(
  sim: Sim, unitId: string, from: { node: string | null; x: number; y: number }, to: { node: string | null; x: number; y: number },
  profile = sim.model.profile.get(unitId)!,
): { time_s: number; km: number; nodes: string[] | undefined; edges: string[] | undefined } | null {
  const model = sim.model;
  // the route itself: its fields are read, never written out
  if (model.travel.network && from.node !== null && to.node !== null) return model.travel.route(profile, from.node, to.node, sim.world.roads, sim.world.road_version);
  const km = model.travel.straightKm(from.x, from.y, to.x, to.y);
  const time_s = model.travel.straightTime(profile, km);
  if (!(time_s < Infinity)) return null;
  return { time_s, km: km * model.scenario.travel.detour, nodes: undefined, edges: undefined };
}

/** Seconds a unit would need to reach a place now (for choosing the nearest); Infinity if it cannot. */
export function timeTo(sim: Sim, unitId: string, to: { node: string | null; x: number; y: number }): number {
  const u = sim.world.units[unitId];
  const model = sim.model;
  if (!model.travel.network || u.node === null || to.node === null) {
    // the straight-line case of nominal(), without building its result (doctrine and checks ask this for every dispatch)
    const t = model.travel.straightTime(model.profile.get(unitId)!, model.travel.straightKm(u.x, u.y, to.x, to.y));
    return t < Infinity ? t : Infinity;
  }
  const n = nominal(sim, unitId, u, to);
  return n ? n.time_s : Infinity;
}

/**
 * What `route` reads of a way between two places: nominal() without a new object per call (a trip plans two
 * ways and a return one; a batch plans millions). A network route's nodes and edges are the route's own.
 */
interface Way { time_s: number; km: number; nodes: string[] | undefined; edges: string[] | undefined }

/** nominal() written into `out`; returns false (out then unspecified) when no open road. */
function wayInto(sim: Sim, from: { node: string | null; x: number; y: number }, to: { node: string | null; x: number; y: number }, profile: Profile, out: Way): boolean {
  const model = sim.model;
  if (model.travel.network && from.node !== null && to.node !== null) {
    const r = model.travel.route(profile, from.node, to.node, sim.world.roads, sim.world.road_version);
    if (!r) return false;
    out.time_s = r.time_s; out.km = r.km; out.nodes = r.nodes; out.edges = r.edges;
    return true;
  }
  const km = model.travel.straightKm(from.x, from.y, to.x, to.y);
  const time_s = model.travel.straightTime(profile, km);
  if (!(time_s < Infinity)) return false;
  out.time_s = time_s; out.km = km * model.scenario.travel.detour; out.nodes = undefined; out.edges = undefined;
  return true;
}

/** scratch ways of plan() and goHome() (neither nests in the other: both finish before any machine steps) */
const OUT: Way = { time_s: 0, km: 0, nodes: undefined, edges: undefined };
const BACK: Way = { time_s: 0, km: 0, nodes: undefined, edges: undefined };

/** plan()'s result: one object, rewritten by every plan (read it before planning again) */
const TRIP: TripPlan = { mobilise_s: 0, travel_s: 0, return_s: 0, leg: null as unknown as Leg };

/**
 * Plan a dispatch: draws the mobilisation delay and the travel variability from the unit's streams. The plan is
 * shared (rewritten by the next call): read it before planning again.
 */
export function plan(sim: Sim, unitId: string, u: UnitW, inc: IncidentW): TripPlan | null {
  const { spec, profile, base } = sim.model.unitInfo.get(unitId)!;
  const out = OUT;
  if (!wayInto(sim, u, inc, profile, out)) return null;
  const return_s = wayInto(sim, inc, base, profile, BACK) ? Math.round(BACK.time_s) : NEVER_S;
  const mobilise_s = spec.mobilisation.kind === 'fixed' ? Math.max(0, Math.round(spec.mobilisation.value)) : sampleSeconds(spec.mobilisation, sim.stream(unitId, 'mobilise'));
  const v = sim.model.scenario.travel.variability;
  const factor = v ? Math.max(0, sample(v, sim.stream(unitId, 'travel'))) : 1;
  const travel_s = Math.round(out.time_s * factor);
  const leg: Leg = out.nodes
    ? { t0: -1, nodes: out.nodes, edges: out.edges, cum_s: cumulative(sim, unitId, out.edges!, factor), travel_s, km: round4(out.km) }
    : { t0: -1, from: [u.x, u.y], to: [inc.x, inc.y], travel_s, km: round4(out.km) };
  const trip = TRIP;
  trip.mobilise_s = mobilise_s; trip.travel_s = travel_s; trip.return_s = return_s; trip.leg = leg;
  return trip;
}

function cumulative(sim: Sim, unitId: string, edges: string[], factor: number): number[] {
  const profile = sim.model.profile.get(unitId)!;
  const out = [0];
  let acc = 0;
  for (const id of edges) {
    acc += sim.model.travel.edgeTime(sim.model.travel.edgeById(id)!, profile, sim.world.roads[id]) * factor;
    out.push(Math.round(acc));
  }
  return out;
}

/** Where along its leg a unit is now: the last node passed and the seconds spent since. */
function positionOnLeg(sim: Sim, u: UnitW): { node: string | null; x: number; y: number; since_s: number; next: number } {
  const leg = u.leg;
  if (!leg || leg.t0 < 0) return { node: u.node, x: u.x, y: u.y, since_s: 0, next: 0 };
  const elapsed = sim.now - leg.t0;
  if (leg.nodes && leg.cum_s) {
    let i = 0;
    while (i + 1 < leg.cum_s.length && leg.cum_s[i + 1] <= elapsed) i++;
    const node = leg.nodes[i];
    const [x, y] = sim.model.travel.nodeXY[sim.model.travel.nodeIndex.get(node)!];
    return { node, x, y, since_s: elapsed - leg.cum_s[i], next: i };
  }
  const f = leg.travel_s > 0 ? Math.min(1, elapsed / leg.travel_s) : 1;
  return { node: null, x: leg.from![0] + (leg.to![0] - leg.from![0]) * f, y: leg.from![1] + (leg.to![1] - leg.from![1]) * f, since_s: 0, next: 0 };
}

/**
 * Cut roads and part-way units. A unit part-way along a road when a road on
 * its way is cut goes on to the road's end, or back to its start when that
 * road itself is cut, and plans from there (whichever way arrives first);
 * with no way on, it waits there (`blocked`). Its leg then begins part-way
 * along that road (the node it left from has a negative time), so the
 * position, the remaining time and the board's times all follow from the leg
 * (t0 + cum_s) as for any other trip. On a cut road a unit goes one way only:
 * back, once the cut is known, and on that way after.
 */
interface OnRoad { a: string; b: string; edge: string; road_s: number; done_s: number }

/** The road a unit is part-way along now (on its way, or to the junction where it will wait), or null when at a node. */
function onRoad(sim: Sim, u: UnitW): OnRoad | null {
  const leg = u.leg;
  if (!leg || leg.t0 < 0 || !leg.nodes || !leg.edges || !leg.cum_s) return null;
  const pos = positionOnLeg(sim, u);
  if (!(pos.since_s > 0) || pos.next + 1 >= leg.nodes.length) return null;
  const i = pos.next;
  return { a: leg.nodes[i], b: leg.nodes[i + 1], edge: leg.edges[i], road_s: leg.cum_s[i + 1] - leg.cum_s[i], done_s: pos.since_s };
}

/**
 * The one-road leg to the end of the unit's road (or back to its start), from
 * now: its first node was passed before now, so its time is negative (t0 stays
 * a real time, never the -1 of a trip not yet begun).
 */
function toJunction(sim: Sim, r: OnRoad, back: boolean): { leg: Leg; node: string; rem_s: number } {
  const rem_s = back ? r.done_s : r.road_s - r.done_s;
  const km = (sim.model.travel.edgeById(r.edge)?.length_km ?? 0) * (r.road_s > 0 ? rem_s / r.road_s : 0);
  return {
    leg: { t0: sim.now, nodes: back ? [r.b, r.a] : [r.a, r.b], edges: [r.edge], cum_s: [rem_s - r.road_s, rem_s], travel_s: rem_s, km: round4(km) },
    node: back ? r.a : r.b,
    rem_s,
  };
}

/** A leg that goes on from the end of `first` along a route planned from its last node (the route's times from 0). */
function joined(first: Leg, route: { nodes: string[]; edges: string[]; cum_s: number[]; km: number }, travel_s: number, now: number): Leg {
  const end = first.cum_s![first.cum_s!.length - 1];
  const cum_s = first.cum_s!.slice();
  for (let i = 1; i < route.cum_s.length; i++) cum_s.push(end + route.cum_s[i]);
  // first.km is from first.t0 (where its time is 0) to its end: count only what is left of it now
  const left = end > 0 ? Math.max(0, Math.min(1, (first.t0 + end - now) / end)) : 0;
  return { t0: first.t0, nodes: [...first.nodes!, ...route.nodes.slice(1)], edges: [...first.edges!, ...route.edges], cum_s, travel_s: now - first.t0 + travel_s, km: round4(first.km * left + route.km) };
}

/** Seconds a blocked unit still needs to reach the junction it waits at. */
function waitLeft(sim: Sim, u: UnitW): number {
  const leg = u.leg;
  return leg && leg.t0 >= 0 && leg.cum_s ? Math.max(0, leg.t0 + leg.cum_s[leg.cum_s.length - 1] - sim.now) : 0;
}

/** The trip from a blocked unit's junction (still on its way there, or there already). */
function fromWait(sim: Sim, id: string, u: UnitW, n: { nodes?: string[]; edges?: string[]; km: number }, travel_s: number): Leg | null {
  if (!n.nodes) return null;
  const route = { nodes: n.nodes, edges: n.edges!, cum_s: cumulative(sim, id, n.edges!, 1), km: n.km };
  if (waitLeft(sim, u) > 0) return joined(u.leg!, route, travel_s, sim.now);
  return { t0: sim.now, ...route, travel_s, km: round4(n.km) };
}

/**
 * The way home of a unit part-way along a road (on its way, or on its way to
 * the junction where it will wait): on to the road's end, or turned round if
 * that is sooner and the road is not cut.
 */
function homeFromRoad(sim: Sim, id: string, u: UnitW): { return_s: number; leg: Leg; node: string; x: number; y: number } | null {
  const r = onRoad(sim, u);
  if (!r) return null;
  const way = viaJunction(sim, id, r, sim.world.roads[r.edge]?.status === 'cut' ? [false] : [false, true], sim.model.basePlace.get(id)!);
  return way && { return_s: way.time_s, leg: way.leg, node: way.node, x: way.x, y: way.y };
}

/**
 * The quickest way from a unit part-way along a road to a place: on to the road's end or back to its start
 * (`turns`: false on, true back), then the best route from there; null when no way is open.
 */
function viaJunction(sim: Sim, id: string, r: OnRoad, turns: readonly boolean[], to: { node: string | null; x: number; y: number }): { time_s: number; leg: Leg; node: string; x: number; y: number } | null {
  let best: ReturnType<typeof viaJunction> = null;
  for (const turn of turns) {
    const j = toJunction(sim, r, turn);
    const [x, y] = sim.model.travel.nodeXY[sim.model.travel.nodeIndex.get(j.node)!];
    const n = nominal(sim, id, { node: j.node, x, y }, to);
    if (!n || !n.nodes) continue;
    const time_s = Math.round(j.rem_s + n.time_s);
    if (best && best.time_s <= time_s) continue;
    best = { time_s, leg: joined(j.leg, { nodes: n.nodes, edges: n.edges!, cum_s: cumulative(sim, id, n.edges!, 1), km: n.km }, time_s, sim.now), node: j.node, x, y };
  }
  return best;
}

/**
 * The ways a unit part-way along a road may take when road `changed` changes: either, unless its road is cut;
 * back, if its road is the one just cut; on, along a road cut before (it is on its way back already).
 */
function turnsOn(sim: Sim, r: OnRoad, changed: string): boolean[] {
  if (sim.world.roads[r.edge]?.status !== 'cut') return [false, true];
  return r.edge === changed ? [true] : [false];
}

/**
 * Seconds until a unit sent to an incident is on scene, as its machine and leg have it now: what is left of its
 * mobilisation and its trip (0 on scene; Infinity when it has no way there, or is not on its way).
 */
export function onSceneIn(sim: Sim, u: UnitW): number {
  const state = u.m.value;
  if (state === 'on_scene') return 0;
  const c = u.m.context;
  if (state === 'mobilising') return c.travel_s >= NEVER_S ? Infinity : Math.max(0, u.since + c.mobilise_s - sim.now) + c.travel_s;
  if (state === 'en_route') return u.leg !== null && u.leg.t0 >= 0 ? Math.max(0, u.leg.t0 + u.leg.travel_s - sim.now) : Math.max(0, u.since + c.travel_s - sim.now);
  return Infinity;
}

/** Return time from where the unit is now (recall on the way). */
export function returnFromHere(sim: Sim, unitId: string): number {
  const u = sim.world.units[unitId];
  const state = u.m.value as string;
  if (state === 'en_route' || state === 'blocked') {
    const way = homeFromRoad(sim, unitId, u);
    if (way) return way.return_s;
  }
  const pos = state === 'blocked' ? { node: u.node, x: u.x, y: u.y, since_s: 0 } : positionOnLeg(sim, u);
  const back = nominal(sim, unitId, pos, sim.model.basePlace.get(unitId)!);
  return back ? Math.round(back.time_s + pos.since_s) : NEVER_S;
}

// ------------------------------------------------------------ following the machine

export function onStep(sim: Sim, id: string, u: UnitW, before: string, actions: StepAction[]): void {
  const custom = sim.runActions('unit', id, u.timers, actions);
  const state = u.m.value as string;
  const incident = u.incident;
  if (state !== before) {
    u.since = sim.now;
    if (state === 'available' || before === 'available') sim.doctrine.unitFree(id, state === 'available');
    if (state === 'blocked' || before === 'blocked') sim.doctrine.unitBlocked(id, state === 'blocked');
    if (state === 'en_route') depart(sim, u);
    else if (state === 'blocked') {
      // not yet set out (no route when mobilised): it waits where it is; on the way, roadsChanged has set where it waits
      if (u.leg && u.leg.t0 < 0) u.leg = null;
      // it no longer counts for its incident's need (Incidents.shortfallInto): doctrine looks again
      if (incident && sim.incident(incident)) Incidents.markNeedy(sim, incident);
    } else if (state === 'returning') goHome(sim, id, u, before);
    else if (state === 'out_of_service') stopWhereItIs(sim, u);
    else if (state === 'available' || state === 'resting') {
      const base = sim.model.basePlace.get(id)!;
      u.node = base.node; u.x = base.x; u.y = base.y; u.leg = null;
      if (state === 'available') sim.world.dirty = true;
    }
    // no log: nothing reads unit movements but the metrics' busy times, told directly (no event built)
    if (!sim.recordUnits) sim.metrics.unitState(id, state, sim.now);
    // travel_s is the time left (a leg begun before now, see onRoad, counts from its start)
    else if (state === 'en_route' && incident) sim.emitUnitState(id, state, incident, u.leg ? u.leg.t0 + u.leg.travel_s - sim.now : 0);
    else if (state === 'en_route' || state === 'returning') sim.emitUnitState(id, state, undefined, u.m.context.return_s >= NEVER_S && state === 'returning' ? NEVER_S : u.leg ? u.leg.t0 + u.leg.travel_s - sim.now : 0);
    else if (ATTACHED.has(state) && incident) sim.emitUnitState(id, state, incident, undefined);
    else sim.emitUnitState(id, state, undefined, undefined);
    if (state === 'en_route' || state === 'returning') emitRoute(sim, id, u);
  }
  for (let i = 0; i < custom.length; i++) {
    const a = custom[i];
    if (a.type === 'arrived') arrived(sim, id, u);
    else if (a.type === 'left_scene') leftScene(sim, id, u);
  }
  if (state !== before && ATTACHED.has(before) && !ATTACHED.has(state)) detach(sim, id, u);
}

/**
 * A unit broken down on its way stays where it was on the road (shown there), its last node passed kept for
 * routing and the road it is on kept in `stop`: repaired, it drives home from there (see repair).
 */
function stopWhereItIs(sim: Sim, u: UnitW): void {
  const leg = u.leg;
  if (!leg || leg.t0 < 0) { u.leg = null; return; }
  const pos = positionOnLeg(sim, u);
  u.node = pos.node; u.x = pos.x; u.y = pos.y;
  if (leg.nodes && leg.edges && leg.cum_s && pos.next + 1 < leg.nodes.length && pos.since_s > 0) {
    const b = leg.nodes[pos.next + 1];
    const [bx, by] = sim.model.travel.nodeXY[sim.model.travel.nodeIndex.get(b)!];
    const span = leg.cum_s[pos.next + 1] - leg.cum_s[pos.next];
    const f = span > 0 ? Math.min(1, pos.since_s / span) : 0;
    u.x = round4(pos.x + (bx - pos.x) * f); u.y = round4(pos.y + (by - pos.y) * f);
    if (f < 1) {
      const edge = leg.edges[pos.next];
      u.stop = sim.world.roads[edge]?.status === 'cut' ? { a: pos.node!, b, edge, road_s: span, done_s: pos.since_s, turned: true } : { a: pos.node!, b, edge, road_s: span, done_s: pos.since_s };
    }
  }
  u.leg = null;
}

/**
 * The ways a unit broken down part-way along a road may go once repaired: either, unless the road is cut; if it
 * is, away from the cut: on, when it was cut already when the unit broke down (it was driving away from it), else back.
 */
function stopTurns(sim: Sim, stop: NonNullable<UnitW['stop']>): boolean[] {
  if (sim.world.roads[stop.edge]?.status !== 'cut') return [false, true];
  return stop.turned ? [false] : [true];
}

/** Seconds home from where an out-of-service unit stands (0: at its base; NEVER_S: no open road). */
function returnFromStop(sim: Sim, id: string, u: UnitW): number {
  if (u.stop) {
    const way = viaJunction(sim, id, u.stop, stopTurns(sim, u.stop), sim.model.basePlace.get(id)!);
    return way ? way.time_s : NEVER_S;
  }
  const back = nominal(sim, id, u, sim.model.basePlace.get(id)!);
  return back ? Math.round(back.time_s) : NEVER_S;
}

/** Repair a unit out of service: it drives home from where it broke down (at its base, it is available at once). */
export function repair(sim: Sim, unitId: string): void {
  sim.send('unit', unitId, { type: 'REPAIR', return_s: returnFromStop(sim, unitId, sim.world.units[unitId]) });
}

/** Times less `by` (a function of its own: a closure in emitRoute would cost a context at every call, logged or not). */
function shifted(cum_s: number[], by: number): number[] {
  return cum_s.map((c) => c - by);
}

function emitRoute(sim: Sim, id: string, u: UnitW): void {
  const leg = u.leg;
  if (!leg || !sim.recordUnits) return;
  // a leg begun before now (part-way along its first road) gives its times from now: the first is negative
  if (leg.nodes) sim.emit({ t: sim.now, type: 'unit.route', id, nodes: leg.nodes, cum_s: leg.t0 < sim.now ? shifted(leg.cum_s!, sim.now - leg.t0) : leg.cum_s, km: leg.km });
  else {
    const from = leg.from!, to = leg.to!;
    sim.emitStraightRoute(id, round4(from[0]), round4(from[1]), round4(to[0]), round4(to[1]), leg.travel_s, leg.km);
  }
}

function depart(sim: Sim, u: UnitW): void {
  if (u.leg && u.leg.t0 < 0) {
    u.leg.t0 = sim.now;
    u.leg.travel_s = u.m.context.travel_s;
  }
  u.trips++;
}

function goHome(sim: Sim, id: string, u: UnitW, before: string): void {
  const base = sim.model.basePlace.get(id)!;
  const travel_s = u.m.context.return_s;
  const stop = u.stop;
  if (stop) delete u.stop;
  const way = before === 'en_route' || before === 'blocked' ? homeFromRoad(sim, id, u)
    : before === 'out_of_service' && stop ? viaJunction(sim, id, stop, stopTurns(sim, stop), base) : null;
  if (!way && before === 'out_of_service' && stop) {
    // repaired with no open road home: to the end of its road it may take, there to wait (see rehome)
    const j = toJunction(sim, stop, stopTurns(sim, stop)[0]);
    const [x, y] = sim.model.travel.nodeXY[sim.model.travel.nodeIndex.get(j.node)!];
    u.node = j.node; u.x = x; u.y = y; u.leg = j.leg;
    return;
  }
  if (way) {
    // the node where it leaves the road it is on (where it stands, should anything stop it)
    u.node = way.node; u.x = way.x; u.y = way.y; u.leg = way.leg;
    return;
  }
  const road = before === 'en_route' || before === 'blocked' ? onRoad(sim, u) : null;
  if (road) {
    // turned back part-way along a road with no open way home: back to the road's start (on, if its road is
    // cut), there to wait (see rehome); put at the node it last passed, it jumped back along the road at once
    const j = toJunction(sim, road, sim.world.roads[road.edge]?.status !== 'cut');
    const [x, y] = sim.model.travel.nodeXY[sim.model.travel.nodeIndex.get(j.node)!];
    u.node = j.node; u.x = x; u.y = y; u.leg = j.leg;
    return;
  }
  // where it stands (the unit itself, no copy), or where it is along its leg
  const pos = before === 'on_scene' || before === 'blocked' || before === 'out_of_service' ? u : positionOnLeg(sim, u);
  const back = wayInto(sim, pos, base, sim.model.profile.get(id)!, BACK) ? BACK : null;
  u.node = pos.node; u.x = pos.x; u.y = pos.y;
  if (back && back.nodes) {
    u.leg = { t0: sim.now, nodes: back.nodes, edges: back.edges, cum_s: cumulative(sim, id, back.edges!, 1), travel_s, km: round4(back.km) };
  } else if (!back && pos.node !== null && sim.model.travel.network) {
    // no open road home: it waits where it is (see rehome) until one opens
    u.leg = { t0: sim.now, nodes: [pos.node], edges: [], cum_s: [0], travel_s: 0, km: 0 };
  } else {
    u.leg = { t0: sim.now, from: [pos.x, pos.y], to: [base.x, base.y], travel_s, km: round4(back?.km ?? 0) };
  }
}

function arrived(sim: Sim, id: string, u: UnitW): void {
  const inc = u.incident ? sim.incident(u.incident) : undefined;
  u.leg = null;
  if (!inc) return;
  u.node = inc.node; u.x = inc.x; u.y = inc.y;
  const caps = sim.model.unit.get(id)!.capabilities;
  // for-in, not Object.keys: the same order, no array per arrival
  for (const k in caps) {
    const c = k as Capability;
    inc.on_scene[c] = (inc.on_scene[c] ?? 0) + caps[c]!;
  }
  Incidents.progress(sim, inc);
}

function leftScene(sim: Sim, id: string, u: UnitW): void {
  const inc = u.incident ? sim.incident(u.incident) : undefined;
  if (!inc) return;
  const caps = sim.model.unit.get(id)!.capabilities;
  for (const k in caps) {
    const c = k as Capability;
    const left = (inc.on_scene[c] ?? 0) - caps[c]!;
    if (left > 1e-9) inc.on_scene[c] = left;
    else delete inc.on_scene[c];
  }
  Incidents.progress(sim, inc);
}

function detach(sim: Sim, id: string, u: UnitW): void {
  const inc = u.incident ? sim.incident(u.incident) : undefined;
  u.incident = null;
  if (!inc) return;
  const i = inc.assigned.indexOf(id);
  if (i >= 0) removeAt(inc.assigned, i);
  if (Incidents.isOpen(inc)) Incidents.markNeedy(sim, inc.id);
}

/** Plan the trip and send a dispatched unit on its way (the command has checked everything, a route included). */
export function dispatch(sim: Sim, unitId: string, u: UnitW, inc: IncidentW): void {
  const p = plan(sim, unitId, u, inc)!;
  u.incident = inc.id;
  u.leg = p.leg;
  // the first unit as a literal: a first push onto [] would allocate room for 16
  if (inc.assigned.length === 0) inc.assigned = [unitId];
  else inc.assigned.push(unitId);
  // one event object for every dispatch: the machine reads it during the step and keeps nothing of it
  const e = DISPATCH;
  e.incident = inc.id; e.mobilise_s = p.mobilise_s; e.travel_s = p.travel_s; e.return_s = p.return_s;
  sim.sendTo('unit', unitId, u, e);
}

const DISPATCH = { type: 'DISPATCH' as const, incident: '', mobilise_s: 0, travel_s: 0, return_s: 0 };

export function recall(sim: Sim, unitId: string): void {
  sim.send('unit', unitId, { type: 'RECALL', return_s: returnFromHere(sim, unitId) });
}

// ------------------------------------------------------------ roads changed

/** Did the change make the road quicker for this unit (reopened, or less slowed)? */
function quickerFor(sim: Sim, unitId: string, edge: string, was: RoadStatus | undefined): boolean {
  const e = sim.model.travel.edgeById(edge);
  if (!e) return false;
  const profile = sim.model.profile.get(unitId)!;
  return sim.model.travel.edgeTime(e, profile, sim.world.roads[edge]) < sim.model.travel.edgeTime(e, profile, was);
}

/** Seconds along these roads as they are now, at the unit's nominal speed (the measure routes are chosen by). */
function along(sim: Sim, unitId: string, edges: readonly string[]): number {
  const profile = sim.model.profile.get(unitId)!;
  let s = 0;
  for (const id of edges) s += sim.model.travel.edgeTime(sim.model.travel.edgeById(id)!, profile, sim.world.roads[id]);
  return s;
}

/**
 * Seconds left on a unit's own way, measured as a new way would be: the rest of the road it is on as its leg has
 * it, then the roads after it at nominal speed. A road made quicker elsewhere re-routes the unit only when a new way
 * beats this (a tie keeps the way it is on).
 */
function stayTime(sim: Sim, unitId: string, u: UnitW, road: OnRoad | null, next: number): number {
  const edges = u.leg!.edges!;
  return road ? Math.round(road.road_s - road.done_s + along(sim, unitId, edges.slice(next + 1))) : Math.round(along(sim, unitId, edges.slice(next)));
}

/**
 * How much longer (or shorter) the changed road now takes a unit than it did: the part of it still ahead of a
 * unit on it takes that much more (or less) time. 1 when either time is not finite (a cut road: see roadsChanged).
 */
function retimed(sim: Sim, unitId: string, edge: string, was: RoadStatus | undefined): number {
  const e = sim.model.travel.edgeById(edge);
  if (!e) return 1;
  const profile = sim.model.profile.get(unitId)!;
  const before = sim.model.travel.edgeTime(e, profile, was), now = sim.model.travel.edgeTime(e, profile, sim.world.roads[edge]);
  return before > 0 && before < Infinity && now < Infinity ? now / before : 1;
}

/** The road a unit is on, re-timed when it is the one that changed: the rest of it (and the part behind, should the unit turn back) at the new speed. */
function retimedRoad(sim: Sim, unitId: string, r: OnRoad, changed: string, was: RoadStatus | undefined): OnRoad {
  if (r.edge !== changed) return r;
  const f = retimed(sim, unitId, changed, was);
  if (f === 1) return r;
  const road_s = Math.round(r.road_s * f);
  return { ...r, road_s, done_s: Math.min(road_s, Math.round(r.done_s * f)) };
}

/**
 * A unit on its way home when a road changes: any change to a road ahead or to the one it is on re-routes it
 * home from the end of the road it is on (or back to its start, as units on their way out do), and so does a road
 * made quicker off its way when that gives a quicker way home; with no way home it waits at the junction it
 * reaches (its time home NEVER_S), and any later change of the roads tries again.
 */
function rehome(sim: Sim, id: string, u: UnitW, changed: string, was: RoadStatus | undefined): void {
  const waiting = u.m.context.return_s >= NEVER_S;
  let road = onRoad(sim, u);
  // a road made quicker off its way home: it changes way only for a quicker one
  let stay = Infinity;
  if (!waiting) {
    const next = positionOnLeg(sim, u).next;
    if (!u.leg!.edges!.slice(next).includes(changed)) {
      if (!quickerFor(sim, id, changed, was)) return;
      stay = stayTime(sim, id, u, road, next);
    }
  }
  if (road) road = retimedRoad(sim, id, road, changed, was);
  const base = sim.model.basePlace.get(id)!;
  let best: { leg: Leg; return_s: number } | null = null;
  if (road) {
    const turns = turnsOn(sim, road, changed);
    const way = viaJunction(sim, id, road, turns, base);
    if (stay < Infinity && !(way && way.time_s < stay)) return;
    if (way) best = { leg: way.leg, return_s: way.time_s };
    else {
      if (waiting) return;
      const j = toJunction(sim, road, turns.length === 1 && turns[0]);
      const [x, y] = sim.model.travel.nodeXY[sim.model.travel.nodeIndex.get(j.node)!];
      u.node = j.node; u.x = x; u.y = y; u.leg = j.leg;
      sim.send('unit', id, { type: 'RETURN_ROUTE', return_s: NEVER_S });
      emitRoute(sim, id, u);
      return;
    }
  } else {
    // at a node: where it stands (waiting there, or passing it)
    const pos = waiting ? { node: u.node, x: u.x, y: u.y } : positionOnLeg(sim, u);
    if (pos.node === null) return;
    const n = nominal(sim, id, pos, base);
    if (stay < Infinity && !(n && n.nodes && Math.round(n.time_s) < stay)) return;
    if (!n || !n.nodes) {
      if (waiting) return;
      u.node = pos.node; u.x = pos.x; u.y = pos.y;
      u.leg = { t0: sim.now, nodes: [pos.node], edges: [], cum_s: [0], travel_s: 0, km: 0 };
      sim.send('unit', id, { type: 'RETURN_ROUTE', return_s: NEVER_S });
      emitRoute(sim, id, u);
      return;
    }
    u.node = pos.node; u.x = pos.x; u.y = pos.y;
    const return_s = Math.round(n.time_s);
    best = { leg: { t0: sim.now, nodes: n.nodes, edges: n.edges, cum_s: cumulative(sim, id, n.edges!, 1), travel_s: return_s, km: round4(n.km) }, return_s };
  }
  u.leg = best.leg;
  sim.send('unit', id, { type: 'RETURN_ROUTE', return_s: best.return_s });
  emitRoute(sim, id, u);
}

/**
 * After a road changes: blocked units try again; units whose way ahead changed re-route, and so do units a road
 * made quicker elsewhere gives a quicker way; return times refresh.
 */
export function roadsChanged(sim: Sim, changed: string, was?: RoadStatus): void {
  const rerouted: UnitW[] = [];
  for (const id of Object.keys(sim.world.units)) {
    const u = sim.world.units[id];
    const state = u.m.value as string;
    if (state === 'blocked' && u.incident) {
      // still driving to the junction where it waits, along the road that changed: the rest of it at the new speed
      const road = onRoad(sim, u);
      if (road) {
        const now = retimedRoad(sim, id, road, changed, was);
        if (now !== road) u.leg = toJunction(sim, now, false).leg;
      }
      const inc = sim.incident(u.incident);
      if (!inc) continue;
      const n = nominal(sim, id, { node: u.node, x: u.x, y: u.y }, inc);
      if (!n) continue;
      const travel_s = Math.round(waitLeft(sim, u) + n.time_s);
      u.leg = fromWait(sim, id, u, n, travel_s);
      const back = nominal(sim, id, inc, sim.model.basePlace.get(id)!);
      sim.send('unit', id, { type: 'REROUTE', travel_s, return_s: back ? Math.round(back.time_s) : NEVER_S });
    } else if (state === 'mobilising' && u.incident && u.m.context.travel_s >= NEVER_S) {
      // no route when last planned: any change may have opened one
      const inc = sim.incident(u.incident);
      if (!inc) continue;
      const n = nominal(sim, id, { node: u.node, x: u.x, y: u.y }, inc);
      if (!n) continue;
      const travel_s = Math.round(n.time_s);
      u.leg = n.nodes ? { t0: -1, nodes: n.nodes, edges: n.edges, cum_s: cumulative(sim, id, n.edges!, 1), travel_s, km: round4(n.km) } : { t0: -1, from: [u.x, u.y], to: [inc.x, inc.y], travel_s, km: round4(n.km) };
      const back = nominal(sim, id, inc, sim.model.basePlace.get(id)!);
      sim.send('unit', id, { type: 'REROUTE', travel_s, return_s: back ? Math.round(back.time_s) : NEVER_S });
      rerouted.push(u);
    } else if ((state === 'en_route' || state === 'mobilising') && u.incident && u.leg?.edges) {
      let road = state === 'en_route' ? onRoad(sim, u) : null;
      // any change to a road on its way re-plans it (a cut or slowed road, or one back to speed: the leg's times
      // are the old ones); a road made quicker off its way, only when that gives a quicker way
      const pos = positionOnLeg(sim, u);
      let stay = Infinity;
      if (!u.leg.edges.slice(pos.next).includes(changed)) {
        if (!quickerFor(sim, id, changed, was)) continue;
        stay = stayTime(sim, id, u, road, pos.next);
      }
      const inc = sim.incident(u.incident);
      if (!inc) continue;
      if (road) road = retimedRoad(sim, id, road, changed, was);
      if (road) {
        // on to the road's end unless that road is the one cut; back to its start if that is sooner or the only way;
        // on a road cut before, the unit is already on its way back: on that way only
        const turns = turnsOn(sim, road, changed);
        const best = viaJunction(sim, id, road, turns, inc);
        if (stay < Infinity && !(best && best.time_s < stay)) continue;
        const back = nominal(sim, id, inc, sim.model.basePlace.get(id)!);
        const return_s = back ? Math.round(back.time_s) : NEVER_S;
        if (best) {
          u.leg = best.leg;
          sim.send('unit', id, { type: 'REROUTE', travel_s: best.time_s, return_s });
          emitRoute(sim, id, u);
          rerouted.push(u);
        } else {
          // no way on: to the junction it can reach, there to wait (back, when its own road is the one just cut)
          const j = toJunction(sim, road, turns.length === 1 && turns[0]);
          const [x, y] = sim.model.travel.nodeXY[sim.model.travel.nodeIndex.get(j.node)!];
          u.node = j.node; u.x = x; u.y = y; u.leg = j.leg;
          sim.send('unit', id, { type: 'REROUTE', travel_s: NEVER_S, return_s });
          emitRoute(sim, id, u);
        }
        continue;
      }
      const n = nominal(sim, id, pos, inc);
      if (stay < Infinity && !(n && n.nodes && Math.round(n.time_s) < stay)) continue;
      const back = nominal(sim, id, inc, sim.model.basePlace.get(id)!);
      const return_s = back ? Math.round(back.time_s) : NEVER_S;
      if (!n) {
        // at a node (or not yet set out): it waits there
        if (state === 'en_route') { u.node = pos.node; u.x = pos.x; u.y = pos.y; u.leg = null; }
        sim.send('unit', id, { type: 'REROUTE', travel_s: NEVER_S, return_s });
        continue;
      }
      const travel_s = Math.round(n.time_s);
      u.leg = { t0: state === 'en_route' ? sim.now : -1, nodes: n.nodes, edges: n.edges, cum_s: cumulative(sim, id, n.edges!, 1), travel_s, km: round4(n.km) };
      sim.send('unit', id, { type: 'REROUTE', travel_s, return_s });
      if (state === 'en_route') emitRoute(sim, id, u);
      rerouted.push(u);
    } else if (state === 'returning' && u.leg?.edges) {
      rehome(sim, id, u, changed, was);
    } else if (state === 'on_scene' && u.incident) {
      const back = nominal(sim, id, { node: u.node, x: u.x, y: u.y }, sim.model.basePlace.get(id)!);
      const return_s = back ? Math.round(back.time_s) : NEVER_S;
      if (return_s !== u.m.context.return_s) sim.send('unit', id, { type: 'RETURN_ROUTE', return_s });
    }
  }
  // a unit re-routed the long way round may now be far: doctrine looks at its incident again, and sends a free unit
  // much sooner on scene as well (Doctrine.farGapInto); before, only a dispatch or a change to the incident did
  for (const u of rerouted) if (u.incident && sim.doctrine.isFar(u)) Incidents.markNeedy(sim, u.incident);
  // units on their way keep the time home from the scene right for the roads as they are now (their machine leaves
  // the scene with it); those re-routed above already have it
  for (const id of Object.keys(sim.world.units)) {
    const u = sim.world.units[id];
    const state = u.m.value as string;
    if (!u.incident || !(state === 'mobilising' || state === 'en_route' || state === 'blocked')) continue;
    const inc = sim.incident(u.incident);
    if (!inc) continue;
    const back = nominal(sim, id, inc, sim.model.basePlace.get(id)!);
    const return_s = back ? Math.round(back.time_s) : NEVER_S;
    if (return_s !== u.m.context.return_s) sim.send('unit', id, { type: 'RETURN_ROUTE', return_s });
  }
}
