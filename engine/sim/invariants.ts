/**
 * What must hold in the world after every step. Tests run these after each
 * event (SimOptions.observe); each broken rule comes back as a sentence.
 */
import { UNIT_STATES } from '../machines/unit.js';
import type { Capability } from '../scenario/schema.js';
import type { Sim } from './sim.js';
import type { Trip } from './world.js';

const ATTACHED = new Set(['mobilising', 'en_route', 'blocked', 'on_scene']);
const AT_BASE = new Set(['available', 'resting']);
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

export function checkInvariants(sim: Sim): string[] {
  const bad: string[] = [];
  const w = sim.world;
  const model = sim.model;

  // people are conserved in every area
  for (const a of model.scenario.areas) {
    const p = w.areas[a.id].people;
    const parts = [p.unaffected, p.at_risk, p.moving, p.sheltered, p.rescued, p.lost];
    if (parts.some((x) => x < 0 || !Number.isInteger(x))) bad.push(`area ${a.id}: a people count is negative or fractional ${JSON.stringify(p)}`);
    const sum = parts.reduce((s, x) => s + x, 0);
    if (sum !== a.population) bad.push(`area ${a.id}: people add up to ${sum}, not the population ${a.population}`);
  }

  // each unit is in one state and one place, attached to at most one incident
  const seenIn = new Map<string, string>();
  for (const inc of w.incidents) {
    const iid = inc.id;
    for (const uid of inc.assigned) {
      if (seenIn.has(uid)) bad.push(`unit ${uid} is assigned to both ${seenIn.get(uid)} and ${iid}`);
      seenIn.set(uid, iid);
    }
    // people are reached only as the work goes on, and none is found alive who was not reached
    if (!(inc.reached >= 0 && inc.reached <= 1 + 1e-9 && inc.saved >= 0 && inc.saved <= inc.reached + 1e-9)) {
      bad.push(`incident ${iid}: reached ${inc.reached} and saved ${inc.saved} are not 0 <= saved <= reached <= 1`);
    }
    const onScene: Partial<Record<Capability, number>> = {};
    for (const uid of inc.assigned) {
      if (w.units[uid].m.value !== 'on_scene') continue;
      const caps = model.unit.get(uid)!.capabilities;
      for (const c of Object.keys(caps) as Capability[]) onScene[c] = (onScene[c] ?? 0) + caps[c]!;
    }
    for (const c of new Set([...Object.keys(onScene), ...Object.keys(inc.on_scene)]) as Set<Capability>) {
      if (!near(onScene[c] ?? 0, inc.on_scene[c] ?? 0)) bad.push(`incident ${iid}: ${c} on scene is ${inc.on_scene[c]}, but its units on scene give ${onScene[c] ?? 0}`);
    }
  }
  for (const [uid, u] of Object.entries(w.units)) {
    const state = u.m.value as string;
    if (!(UNIT_STATES as readonly string[]).includes(state)) bad.push(`unit ${uid} is in no known state (${JSON.stringify(u.m.value)})`);
    const attached = ATTACHED.has(state);
    if (attached && !u.incident) bad.push(`unit ${uid} is ${state} but has no incident`);
    if (attached && u.incident && seenIn.get(uid) !== u.incident && sim.incident(u.incident)) bad.push(`unit ${uid} is ${state} for ${u.incident}, which does not list it`);
    if (!attached && seenIn.has(uid)) bad.push(`unit ${uid} is ${state} but still assigned to ${seenIn.get(uid)}`);
    if (AT_BASE.has(state)) {
      const base = model.basePlace.get(uid)!;
      if (!near(u.x, base.x) || !near(u.y, base.y) || u.node !== base.node) bad.push(`unit ${uid} is ${state} away from its base`);
    }
    if (state === 'on_scene' && u.incident && sim.incident(u.incident)) {
      const inc = sim.incident(u.incident)!;
      if (!near(u.x, inc.x) || !near(u.y, inc.y)) bad.push(`unit ${uid} is on scene away from ${u.incident}`);
    }
    if ((state === 'en_route' || state === 'returning') && (!u.leg || u.leg.t0 < 0 || u.leg.t0 > w.t)) bad.push(`unit ${uid} is ${state} with no trip under way`);
  }

  // a road closed by order is closed whatever the hazard made of it, and only such a road keeps what lies under it
  for (const [id, r] of Object.entries(w.roads)) {
    if (r.closed_by !== undefined && (r.status !== 'cut' || r.under === undefined)) bad.push(`road ${id} is closed by order of ${r.closed_by} but ${r.status}${r.under ? '' : ', with nothing kept under the order'}`);
    if (r.closed_by === undefined && r.under !== undefined) bad.push(`road ${id} keeps a state under an order nobody gave`);
  }

  // a shelter holds no more than its capacity, counting the places held for people on their way; those places are
  // the people on the road to it, and everyone a zone counts as sheltered is in a shelter
  const headed = new Map<string, number>();
  let sheltered = 0;
  for (const [id, z] of Object.entries(w.zones)) {
    let onRoad = 0;
    for (const [sid, n] of Object.entries(z.moving_to)) {
      if (!(Number.isInteger(n) && n > 0)) bad.push(`zone ${id}: ${n} people on the road to shelter ${sid}`);
      if (!w.shelters[sid]) bad.push(`zone ${id}: people on the road to shelter ${sid}, which does not exist`);
      headed.set(sid, (headed.get(sid) ?? 0) + n);
      onRoad += n;
    }
    if (onRoad !== z.moving) bad.push(`zone ${id}: ${z.moving} people moving, but ${onRoad} on the road to its shelters`);
    // the groups on the road are the people moving to each shelter: each on its way, due after it set off and not yet
    // arrived, with its arrival in the queue; or stranded since it set off, with no arrival due
    const spec = model.scenario.evacuation.zones.find((x) => x.id === id);
    const byGroups = new Map<string, number>();
    for (const g of z.on_road) {
      byGroups.set(g.shelter, (byGroups.get(g.shelter) ?? 0) + g.n);
      if (!(Number.isInteger(g.n) && g.n > 0 && g.t0 <= w.t)) bad.push(`zone ${id}: a group of ${g.n} to ${g.shelter} set off at ${g.t0} s, at ${w.t} s`);
      if (g.stranded_t === undefined) {
        if (!(g.arrive_t >= g.t0 && g.arrive_t >= w.t)) bad.push(`zone ${id}: a group of ${g.n} to ${g.shelter} set off at ${g.t0} s, due at ${g.arrive_t} s, at ${w.t} s`);
        if (!sim.queue.has(g.seq)) bad.push(`zone ${id}: a group of ${g.n} to ${g.shelter} due at ${g.arrive_t} s has no arrival in the queue (seq ${g.seq})`);
      } else if (!(g.arrive_t === -1 && g.seq === -1 && g.t0 <= g.stranded_t && g.stranded_t <= w.t)) {
        bad.push(`zone ${id}: a group of ${g.n} to ${g.shelter} stranded since ${g.stranded_t} s (set off at ${g.t0} s) is due at ${g.arrive_t} s (seq ${g.seq})`);
      }
      if (spec && !spec.shelters.includes(g.shelter)) bad.push(`zone ${id}: a group of ${g.n} is on the road to ${g.shelter}, not one of the zone's shelters`);
      bad.push(...wayProblems(sim, id, g));
    }
    for (const sid of new Set([...Object.keys(z.moving_to), ...byGroups.keys()])) {
      if ((byGroups.get(sid) ?? 0) !== (z.moving_to[sid] ?? 0)) bad.push(`zone ${id}: ${z.moving_to[sid] ?? 0} people on the road to ${sid}, but its groups on the road there hold ${byGroups.get(sid) ?? 0}`);
    }
    // everyone of the zone is somewhere: still there, on the road, sheltered or caught
    if (spec && z.remaining + z.moving + z.sheltered + z.caught !== spec.population) bad.push(`zone ${id}: ${z.remaining} left, ${z.moving} moving, ${z.sheltered} sheltered and ${z.caught} caught make not its ${spec.population} people`);
    sheltered += z.sheltered;
  }
  let occupied = 0;
  for (const [id, s] of Object.entries(w.shelters)) {
    if (![s.occupancy, s.incoming].every((x) => Number.isInteger(x) && x >= 0)) bad.push(`shelter ${id}: occupancy ${s.occupancy} or incoming ${s.incoming} is negative or fractional`);
    if (s.occupancy + s.incoming > s.capacity) bad.push(`shelter ${id}: ${s.occupancy} in it and ${s.incoming} on their way, over its capacity ${s.capacity}`);
    if (s.incoming !== (headed.get(id) ?? 0)) bad.push(`shelter ${id}: holds ${s.incoming} places for people on their way, but ${headed.get(id) ?? 0} are on the road to it`);
    if (s.m.value === 'full' && s.occupancy + s.incoming !== s.capacity) bad.push(`shelter ${id} is full with ${s.occupancy} in it and ${s.incoming} on their way, of ${s.capacity}`);
    occupied += s.occupancy;
  }
  if (occupied !== sheltered) bad.push(`shelters hold ${occupied} people, but the zones count ${sheltered} sheltered`);

  // bounds
  const limits = model.scenario.limits;
  if (sim.queue.size > limits.max_queue) bad.push(`queue holds ${sim.queue.size} events, over the bound ${limits.max_queue}`);
  return bad;
}

/**
 * A group's way on a road network (engine 0.8.0): it has one; its times go forward from a start no later than now;
 * on its way, it ends at the shelter when the group is due, and no road ahead of where it is now is cut (the road it
 * is on may be: it is driving back along it); stranded, no open road leads from where it waits to its shelter, nor
 * to another of its zone's open shelters with room (it would have turned to that one).
 */
function wayProblems(sim: Sim, zoneId: string, g: Trip): string[] {
  const model = sim.model;
  const from = model.zonePlace.get(zoneId), to = model.shelterPlace.get(g.shelter);
  if (!model.travel.network || !from || !to || from.node === null || to.node === null) return g.way ? [`zone ${zoneId}: a group to ${g.shelter} has a way where it goes in a straight line`] : [];
  const way = g.way;
  const what = `zone ${zoneId}: a group of ${g.n} to ${g.shelter} (set off at ${g.t0} s)`;
  if (!way) return [`${what} has no way on the road network`];
  const bad: string[] = [];
  const n = way.nodes.length;
  if (n === 0 || way.cum_s.length !== n || way.edges.length !== n - 1) bad.push(`${what}: its way has ${n} nodes, ${way.edges.length} roads and ${way.cum_s.length} times`);
  for (let k = 1; k < way.cum_s.length; k++) if (!(Number.isInteger(way.cum_s[k]) && way.cum_s[k] >= way.cum_s[k - 1])) bad.push(`${what}: its way's times go back (${way.cum_s.join(', ')})`);
  if (way.t0 > sim.world.t) bad.push(`${what}: its way begins at ${way.t0} s, after now`);
  if (bad.length) return bad;
  const last = way.nodes[n - 1];
  if (g.stranded_t === undefined) {
    if (last !== to.node) bad.push(`${what}: its way ends at ${last}, not at the shelter's ${to.node}`);
    if (way.t0 + way.cum_s[n - 1] !== g.arrive_t) bad.push(`${what}: its way ends at ${way.t0 + way.cum_s[n - 1]} s, but it is due at ${g.arrive_t} s`);
    // the roads ahead of where it is now (past the one it is on)
    const elapsed = sim.world.t - way.t0;
    let i = 0;
    while (i + 1 < n && way.cum_s[i + 1] <= elapsed) i++;
    const ahead = elapsed - way.cum_s[i] > 0 ? i + 1 : i;
    for (let k = ahead; k < way.edges.length; k++) if (sim.world.roads[way.edges[k]]?.status === 'cut') bad.push(`${what}: road ${way.edges[k]} ahead of it is cut`);
  } else if (model.travel.route(model.evacueesOf(zoneId), last, to.node, sim.world.roads, sim.world.road_version) !== null) {
    bad.push(`${what} is stranded at ${last}, but an open road leads from there to its shelter`);
  } else {
    // nor to another of its zone's shelters with room (it would have gone there instead)
    for (const sid of model.scenario.evacuation.zones.find((z) => z.id === zoneId)?.shelters ?? []) {
      const s = sim.world.shelters[sid], node = model.shelterPlace.get(sid)?.node;
      if (sid === g.shelter || s.m.value !== 'open' || s.capacity - s.occupancy - s.incoming <= 0 || node === null || node === undefined) continue;
      if (model.travel.route(model.evacueesOf(zoneId), last, node, sim.world.roads, sim.world.road_version) !== null) bad.push(`${what} is stranded at ${last}, but an open road leads from there to shelter ${sid}, which has room for ${s.capacity - s.occupancy - s.incoming}`);
    }
  }
  return bad;
}
