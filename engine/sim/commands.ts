/**
 * Decisions: a command with a time, a role and an author, checked against
 * the world and the scenario's authority before anything changes. A refused
 * command is logged with its reason and changes nothing in the world; an
 * accepted one is logged, then carried out. Trainees, controllers, doctrine
 * and decision-point defaults all come through here, under the same rules.
 */
import { formatClock } from '../scenario/duration.js';
import { nearest } from '../scenario/issues.js';
import type { Inject } from '../scenario/schema.js';
import type { AnyCommand, Decision } from './decisions.js';
import * as Evacuation from './evacuation.js';
import * as Incidents from './incidents.js';
import { sendsSupportTo } from './model.js';
import { hazardOf } from './routing.js';
import type { Sim } from './sim.js';
import * as Units from './units.js';
import type { IncidentW, UnitW } from './world.js';
import * as World from './world-ops.js';

export const CONTROLLER = 'controller';
export const CONTROLLER_COMMANDS = new Set(['hold_inject', 'release_inject', 'add_inject', 'breakdown', 'repair']);

export type Check = { ok: true } | { ok: false; code: string; reason: string };

const refuse = (code: string, reason: string): Check => ({ ok: false, code, reason });
const OK: Check = { ok: true };

function suggest(word: string, ids: Iterable<string>): string {
  const n = nearest(word, ids);
  return n ? ` (did you mean '${n}'?)` : '';
}

const ATTACHED = new Set(['mobilising', 'en_route', 'blocked', 'on_scene']);

/** Check a decision against the world now, without changing anything (no random draws either). */
export function check(sim: Sim, d: Decision): Check {
  const { model, world } = sim;
  const c = d.cmd as AnyCommand & Record<string, any>;
  const controllerCmd = CONTROLLER_COMMANDS.has(c.do);
  if (controllerCmd) {
    if (d.role !== CONTROLLER) return refuse('no-authority', `only the controller may ${c.do.replace('_', ' ')}`);
  } else if (!model.role.has(d.role)) {
    return refuse('unknown-role', `no role '${d.role}'${suggest(d.role, model.role.keys())}`);
  }
  const role = model.role.get(d.role);
  const within = (area: string) => role !== undefined && model.contains(role.area, area);

  switch (c.do) {
    case 'dispatch': {
      const spec = model.unit.get(c.unit);
      if (!spec) return refuse('unknown-unit', `no unit '${c.unit}'${suggest(c.unit, model.unit.keys())}`);
      const inc = sim.incident(c.incident);
      if (!inc) return refuse('unknown-incident', `no open incident '${c.incident}'${suggest(c.incident, world.incidents.map((i) => i.id))}`);
      if (!Incidents.isOpen(inc)) return refuse('incident-closed', `incident '${c.incident}' is already ${(inc.m.value as any).lifecycle}`);
      if (model.commander.get(c.unit) !== d.role) return refuse('no-authority', `role '${d.role}' does not command unit '${c.unit}' (it answers to '${model.commander.get(c.unit)}')`);
      const state = world.units[c.unit].m.value as string;
      if (state !== 'available') {
        const u = world.units[c.unit];
        // already on its way to (or at) that incident: the order finds it so (doctrine sent it before a default
        // ordered the same), not a unit busy elsewhere
        if (u.incident === c.incident) return refuse('no-change', `unit '${c.unit}' is already ${state.replace(/_/g, ' ')} for incident '${c.incident}'`);
        return refuse('unit-busy', `unit '${c.unit}' is ${state.replace(/_/g, ' ')}${u.incident ? ` (incident '${u.incident}')` : ''}`);
      }
      const need = Incidents.needOf(sim, inc) as Record<string, number | undefined>;
      let useful = false;
      for (const k in spec.capabilities) if ((need[k] ?? 0) > 0) { useful = true; break; }
      if (!useful) return refuse('no-capability', `unit '${c.unit}' has none of the capabilities incident '${c.incident}' needs (${Object.keys(need).join(', ')})`);
      // four on-the-spot: the area's own forces act first; others come only once it asks
      if (spec.home !== inc.area && !spec.responds_anywhere) {
        if (world.areas[inc.area].support_t < 0) return refuse('no-request', `'${c.unit}' belongs to '${spec.home}', not '${inc.area}': outside forces go only after '${inc.area}' requests support (four on-the-spot)`);
        if (role && !sendsSupportTo(role, inc.area)) return refuse('no-authority', `role '${d.role}' does not send support to '${inc.area}' (it supports ${role.supports.join(', ')})`);
      }
      if (Units.timeTo(sim, c.unit, inc) === Infinity) return refuse('no-route', `no open road from '${c.unit}' to incident '${c.incident}'`);
      return OK;
    }
    case 'recall': {
      if (!model.unit.has(c.unit)) return refuse('unknown-unit', `no unit '${c.unit}'${suggest(c.unit, model.unit.keys())}`);
      if (model.commander.get(c.unit) !== d.role) return refuse('no-authority', `role '${d.role}' does not command unit '${c.unit}'`);
      const state = world.units[c.unit].m.value as string;
      if (!ATTACHED.has(state)) return refuse('not-deployed', `unit '${c.unit}' is ${state.replace(/_/g, ' ')}, not deployed`);
      return OK;
    }
    case 'evacuate': {
      const spec = model.scenario.evacuation.zones.find((z) => z.id === c.zone);
      if (!spec) return refuse('unknown-zone', `no evacuation zone '${c.zone}'${suggest(c.zone, model.scenario.evacuation.zones.map((z) => z.id))}`);
      if (!within(spec.area)) return refuse('no-authority', `role '${d.role}' has no authority in '${spec.area}'`);
      if (world.zones[c.zone].m.value !== 'idle') return refuse('no-change', `zone '${c.zone}' is already ${world.zones[c.zone].m.value}`);
      return OK;
    }
    case 'open_shelter': {
      const spec = model.scenario.evacuation.shelters.find((s) => s.id === c.shelter);
      if (!spec) return refuse('unknown-shelter', `no shelter '${c.shelter}'${suggest(c.shelter, model.scenario.evacuation.shelters.map((s) => s.id))}`);
      if (!within(spec.area)) return refuse('no-authority', `role '${d.role}' has no authority in '${spec.area}'`);
      if (world.shelters[c.shelter].m.value !== 'closed') return refuse('no-change', `shelter '${c.shelter}' is already ${world.shelters[c.shelter].m.value}`);
      return OK;
    }
    case 'declare_level': {
      if (!model.area.has(c.area)) return refuse('unknown-area', `no area '${c.area}'${suggest(c.area, model.area.keys())}`);
      const current = world.areas[c.area].level.context.level as number;
      if (current === c.level) return refuse('no-change', `'${c.area}' is already at civil-defence level ${c.level}`);
      const mayDeclare = (l: number) => role!.declares.includes(l);
      if (c.level > 0 && !mayDeclare(c.level)) return refuse('no-authority', `role '${d.role}' may not declare level ${c.level}${role!.declares.length ? ` (it may declare ${role!.declares.join(', ')})` : ''}: the law names who declares each level`);
      if (c.level === 0 && !mayDeclare(current)) return refuse('no-authority', `role '${d.role}' may not end level ${current}`);
      if (!within(c.area)) return refuse('no-authority', `role '${d.role}' has no authority in '${c.area}'`);
      return OK;
    }
    case 'request_support': {
      if (!model.area.has(c.area)) return refuse('unknown-area', `no area '${c.area}'${suggest(c.area, model.area.keys())}`);
      if (!within(c.area)) return refuse('no-authority', `role '${d.role}' does not speak for '${c.area}'`);
      if (world.areas[c.area].support_t >= 0) return refuse('no-change', `'${c.area}' has already requested support`);
      return OK;
    }
    case 'close_road':
    case 'open_road': {
      const e = model.travel.edgeById(c.edge);
      if (!e) return refuse('unknown-road', `no road '${c.edge}'${suggest(c.edge, model.scenario.travel.edges.map((x) => x.id))}`);
      const areas = [e.from, e.to].map((n) => model.scenario.travel.nodes.find((x) => x.id === n)?.area).filter((a): a is string => a !== undefined);
      const high = role!.tier === 'province' || role!.tier === 'national';
      if (!high && !areas.some(within)) return refuse('no-authority', `road '${c.edge}' is outside '${d.role}''s area`);
      const road = world.roads[c.edge];
      const hazard = hazardOf(road);
      if (c.do === 'close_road') {
        if (road.closed_by !== undefined) return refuse('no-change', `road '${c.edge}' is already closed by order of '${road.closed_by}'`);
        if (road.status === 'cut') return refuse('no-change', `road '${c.edge}' is already cut`);
        return OK;
      }
      if (road.status === 'open') return refuse('no-change', `road '${c.edge}' is already open`);
      // an order lifts an order's closure; it does not clear a slide or mend a washed-out road
      if (road.closed_by === undefined) return refuse('hazard-road', `road '${c.edge}' is ${hazard.status === 'cut' ? 'cut' : 'slowed'} by the hazard, not closed by an order: no order reopens it (it opens when the scenario clears it)`);
      if (hazard.status === 'cut') return refuse('hazard-road', `road '${c.edge}', closed by order of '${road.closed_by}', has since been cut by the hazard: lifting the order would not open it`);
      return OK;
    }
    case 'sea_ban':
    case 'public_info': {
      if (!model.area.has(c.area)) return refuse('unknown-area', `no area '${c.area}'${suggest(c.area, model.area.keys())}`);
      // before authority: nobody, whatever their authority, can keep boats in port where there is no sea
      if (c.do === 'sea_ban' && !model.hasCoast(c.area)) return refuse('no-coast', noCoastReason(sim, c.area, role?.area));
      // nor tell the public nothing: an empty statement denies no rumour
      if (c.do === 'public_info' && blank(c.message)) return refuse('empty-message', 'the statement is empty: write what the public is to be told');
      if (!within(c.area)) return refuse('no-authority', `role '${d.role}' has no authority in '${c.area}'`);
      if (c.do === 'sea_ban' && world.areas[c.area].sea_ban) return refuse('no-change', `a sea ban is already in force for '${c.area}'`);
      return OK;
    }
    case 'answer': {
      const spec = sim.injectSpec(c.inject);
      if (!spec) return refuse('unknown-inject', `no inject '${c.inject}'`);
      if (!spec.decision) return refuse('no-decision', `inject '${c.inject}' asks for no decision`);
      if (spec.to !== d.role) return refuse('no-authority', `inject '${c.inject}' is addressed to '${spec.to}', not '${d.role}'`);
      const state = world.injects[c.inject].m.value;
      if (state === 'scheduled' && spec.at !== undefined && spec.at >= sim.now) {
        // decisions of an instant come before its injects: an answer can only follow the delivery
        return refuse('not-waiting', `inject '${c.inject}' is delivered at ${formatClock(spec.at)}, after the decisions of that instant: answer it from ${formatClock(spec.at + 60)} (or ${formatClock(spec.at + 1)})`);
      }
      if (state !== 'delivered') return refuse('not-waiting', `inject '${c.inject}' is ${state}, not waiting for an answer`);
      if (!spec.decision.options.some((o) => o.id === c.option)) return refuse('unknown-option', `'${c.option}' is not an option of '${c.inject}' (options: ${spec.decision.options.map((o) => o.id).join(', ')})`);
      return OK;
    }
    case 'hold_inject':
    case 'release_inject': {
      const w = world.injects[c.inject];
      if (!w) return refuse('unknown-inject', `no inject '${c.inject}'${suggest(c.inject, Object.keys(world.injects))}`);
      if (c.do === 'hold_inject' && w.m.value !== 'scheduled') return refuse('no-change', `inject '${c.inject}' is ${w.m.value}; only a scheduled inject can be held`);
      if (c.do === 'release_inject' && w.m.value !== 'held') return refuse('no-change', `inject '${c.inject}' is not held`);
      return OK;
    }
    case 'breakdown':
    case 'repair': {
      if (!model.unit.has(c.unit)) return refuse('unknown-unit', `no unit '${c.unit}'${suggest(c.unit, model.unit.keys())}`);
      const state = world.units[c.unit].m.value as string;
      if (c.do === 'repair' && state !== 'out_of_service') return refuse('no-change', `unit '${c.unit}' is not out of service`);
      if (c.do === 'breakdown' && (state === 'out_of_service' || state === 'resting')) return refuse('no-change', `unit '${c.unit}' is ${state.replace(/_/g, ' ')}`);
      return OK;
    }
    case 'add_inject': {
      const spec = c.inject as Inject;
      if (world.injects[spec.id]) return refuse('duplicate-id', `an inject '${spec.id}' exists already`);
      if (!model.role.has(spec.to)) return refuse('unknown-role', `no role '${spec.to}'${suggest(spec.to, model.role.keys())}`);
      return OK;
    }
  }
  return refuse('unknown-command', `unknown command '${(c as any).do}'`);
}

/**
 * Why a sea ban in `area` makes no sense, and what to do instead: the coastal
 * areas the role may ban the sea in (or, with none, that the scenario marks
 * coasts with `coast: true`).
 */
function noCoastReason(sim: Sim, area: string, roleArea: string | undefined): string {
  const { model } = sim;
  const coastal = model.scenario.areas.filter((a) => a.coast === true).map((a) => a.id);
  const yours = roleArea === undefined ? [] : coastal.filter((a) => model.contains(roleArea, a));
  const instead = yours.length > 0 ? `order the sea ban for a coastal area instead (${yours.join(', ')})`
    : coastal.length > 0 ? `a sea ban is for a coastal area (${coastal.join(', ')}), and none is within this role's area`
    : 'no area in this scenario has a coast';
  return `'${area}' has no coast, so there are no boats to keep in port: ${instead}; if '${area}' does border the sea, mark it \`coast: true\` in the scenario`;
}

/**
 * Check, log and carry out a decision. Returns whether it was accepted.
 *
 * `order`: the decision is an order of the option an answer chose. When
 * doctrine answered (or the default applied at the deadline), an order that
 * finds the thing already so is left out: nothing is logged, as doctrine
 * everywhere else orders only what still needs doing (it requests support
 * only where none was requested, carries out an inject's expected action
 * only when it is not done yet), and nobody decided it, so there is no
 * refusal to count. A person's answer is carried out as given: its order
 * that changed nothing is logged (`drill run` and the report say so).
 */
export function executeDecision(sim: Sim, d: Decision, order = false): boolean {
  const c = d.cmd as AnyCommand & Record<string, any>;
  const verdict = check(sim, d);
  if (!verdict.ok) {
    if (order && verdict.code === 'no-change' && (d.author === 'doctrine' || d.author === 'default')) return false;
    sim.opts.onRefused?.(sim, d, verdict.code);
    sim.emit({ t: sim.now, type: 'decision.refused', author: d.author, role: d.role, ...c, code: verdict.code, reason: verdict.reason });
    return false;
  }
  sim.world.counts.decisions++;
  sim.emit({ t: sim.now, type: 'decision', author: d.author, role: d.role, ...c });
  apply(sim, d);
  World.noteAction(sim, d.role, c);
  return true;
}

/**
 * Log and carry out a dispatch by doctrine that its choice has already
 * checked against the world as it is now (Doctrine.best takes only units
 * check() would accept, at a finite time), so it is not checked twice. The
 * same event, counts and effects as executeDecision.
 */
export function executeCheckedDispatch(sim: Sim, role: string, unit: string, u: UnitW, inc: IncidentW): void {
  sim.world.counts.decisions++;
  const incident = inc.id;
  sim.emitDoctrineDispatch({ t: sim.now, type: 'decision', author: 'doctrine', role, do: 'dispatch', unit, incident });
  Units.dispatch(sim, unit, u, inc);
  // the command is built only when an inject may be waiting for it
  if (World.anyInjects(sim)) World.noteAction(sim, role, { do: 'dispatch', unit, incident });
}

function apply(sim: Sim, d: Decision): void {
  const c = d.cmd as AnyCommand & Record<string, any>;
  const w = sim.world;
  switch (c.do) {
    case 'dispatch': {
      Units.dispatch(sim, c.unit, w.units[c.unit], sim.incident(c.incident)!);
      return;
    }
    case 'recall': return Units.recall(sim, c.unit);
    case 'evacuate': {
      sim.send('zone', c.zone, { type: 'ORDER', by: d.role });
      if (sim.model.scenario.doctrine.open_shelters) {
        const zone = sim.model.scenario.evacuation.zones.find((z) => z.id === c.zone)!;
        let opened = false;
        for (const s of zone.shelters) if (w.shelters[s].m.value === 'closed' && sim.sendShelter(s, 'OPEN')) opened = true;
        // a shelter opened may be where people stranded on the road can go instead
        if (opened) Evacuation.retryStranded(sim);
      }
      return;
    }
    case 'open_shelter': if (sim.sendShelter(c.shelter, 'OPEN')) Evacuation.retryStranded(sim); return;
    case 'declare_level': {
      sim.sendLevel(c.area, { type: 'DECLARE', level: c.level, by: d.role });
      sim.emit({ t: sim.now, type: 'level', area: c.area, level: c.level, by: d.role });
      w.dirty = true;
      return;
    }
    case 'request_support': {
      const a = w.areas[c.area];
      a.support_t = sim.now;
      a.support_by = d.role;
      sim.emit({ t: sim.now, type: 'support.requested', area: c.area, by: d.role });
      w.dirty = true;
      return;
    }
    case 'close_road': return World.setRoad(sim, c.edge, 'cut', 0, d.role, true);
    case 'open_road': return World.setRoad(sim, c.edge, 'open', 1, d.role, true);
    case 'sea_ban': w.areas[c.area].sea_ban = true; return;
    case 'public_info': return;
    case 'answer': {
      const spec = sim.injectSpec(c.inject)!;
      sim.send('inject', c.inject, { type: 'ANSWER', option: c.option, by: d.role });
      sim.emit({ t: sim.now, type: 'inject.answered', id: c.inject, option: c.option, by: d.role });
      World.markDone(sim, c.inject, d.role);
      const option = spec.decision!.options.find((o) => o.id === c.option)!;
      for (const cmd of option.commands) executeDecision(sim, { at: sim.now, role: d.role, author: d.author, cmd }, true);
      return;
    }
    case 'hold_inject': sim.send('inject', c.inject, { type: 'HOLD' }); return;
    case 'release_inject': {
      sim.send('inject', c.inject, { type: 'RELEASE' });
      const spec = sim.injectSpec(c.inject)!;
      if (spec.at !== undefined && spec.at <= sim.now) World.injectDue(sim, c.inject);
      else if (spec.when) World.checkConditions(sim);
      return;
    }
    case 'add_inject': return World.addInject(sim, c.inject as Inject);
    case 'breakdown': sim.send('unit', c.unit, { type: 'BREAKDOWN' }); return;
    case 'repair': return Units.repair(sim, c.unit);
  }
}

/** A text with no words in any language. */
function blank(t: Inject['message'] | undefined): boolean {
  if (t === undefined) return true;
  return typeof t === 'string' ? t.trim() === '' : !(t.vi?.trim() || t.en?.trim());
}
