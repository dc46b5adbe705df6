/**
 * What one seat at the table can see: a trainee role sees its own area (and
 * the areas it supports, and any other area that has asked for support where
 * it may send units), its own units and the messages addressed to it; the
 * controller sees everything. Pure reads of the Sim; nothing here
 * changes the world.
 */
import { CONTROLLER } from '../sim/commands.js';
import { sendsSupportTo } from '../sim/model.js';
import type { Sim } from '../sim/sim.js';
import type { Inject } from '../scenario/schema.js';
import { allInjects } from '../sim/world-ops.js';
import * as Incidents from '../sim/incidents.js';

export { CONTROLLER };

/**
 * Areas a seat watches, each with the time it came into view: the role's area
 * and everything under it and the areas its `supports:` names from the start;
 * an area that has asked for support, where the role sends support by the rule
 * the engine dispatches by (with no `supports:`, anywhere asked), from its
 * request on (a request stands once made). A neighbour's call the chair may
 * answer is on the chair's board, and what happened there before the call is not.
 */
export function areasInView(sim: Sim, seat: string): Map<string, number> {
  const out = new Map<string, number>();
  const areas = sim.model.scenario.areas.map((a) => a.id);
  if (seat === CONTROLLER) return new Map(areas.map((a) => [a, 0]));
  const role = sim.model.role.get(seat);
  if (!role) return out;
  const roots = [role.area, ...role.supports];
  for (const a of areas) {
    const asked = sim.world.areas[a].support_t;
    if (roots.some((r) => sim.model.contains(r, a))) out.set(a, 0);
    else if (asked >= 0 && sendsSupportTo(role, a)) out.set(a, asked);
  }
  return out;
}

/** Areas a seat watches now (see areasInView). */
export function visibleAreas(sim: Sim, seat: string): Set<string> {
  return new Set(areasInView(sim, seat).keys());
}

/** Units a seat follows: the ones it commands, and any other unit sent to an incident it can see. */
export function visibleUnits(sim: Sim, seat: string): { id: string; own: boolean }[] {
  const ids = Object.keys(sim.world.units);
  if (seat === CONTROLLER) return ids.map((id) => ({ id, own: true }));
  const areas = visibleAreas(sim, seat);
  const out: { id: string; own: boolean }[] = [];
  for (const id of ids) {
    const own = sim.model.commander.get(id) === seat;
    const u = sim.world.units[id];
    const inc = u.incident ? sim.incident(u.incident) : undefined;
    if (own || (inc && areas.has(inc.area))) out.push({ id, own });
  }
  return out;
}

export interface Waiting {
  inject: Inject;
  delivered_t: number;
  deadline_t: number;
}

/** Decision points delivered to a role (or, for the controller, to anyone) and not yet answered or expired. */
export function waitingDecisions(sim: Sim, seat: string): Waiting[] {
  const out: Waiting[] = [];
  for (const spec of allInjects(sim)) {
    if (!spec.decision) continue;
    if (seat !== CONTROLLER && spec.to !== seat) continue;
    const w = sim.world.injects[spec.id];
    if (w.m.value !== 'delivered') continue;
    out.push({ inject: spec, delivered_t: w.delivered_t, deadline_t: w.delivered_t + spec.decision.deadline });
  }
  return out.sort((a, b) => a.deadline_t - b.deadline_t || a.inject.seq - b.inject.seq);
}

export interface Received {
  inject: Inject;
  t: number;
  state: string;
}

/** Messages (injects) delivered to a seat, oldest first. */
export function received(sim: Sim, seat: string): Received[] {
  const out: Received[] = [];
  for (const spec of allInjects(sim)) {
    if (seat !== CONTROLLER && spec.to !== seat) continue;
    const w = sim.world.injects[spec.id];
    if (w.delivered_t < 0) continue;
    out.push({ inject: spec, t: w.delivered_t, state: w.m.value as string });
  }
  return out.sort((a, b) => a.t - b.t || a.inject.seq - b.inject.seq);
}

/** Open incidents in the areas a seat watches, worst first. */
export function visibleIncidents(sim: Sim, seat: string) {
  const areas = visibleAreas(sim, seat);
  return sim.world.incidents.slice()
    .filter((i) => areas.has(i.area))
    .sort((a, b) => Number(Incidents.isOpen(b)) - Number(Incidents.isOpen(a)) || b.severity - a.severity || b.people - a.people || a.seq - b.seq);
}
