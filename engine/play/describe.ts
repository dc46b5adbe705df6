/**
 * Saying what happened: a command written back the way it is typed, and the
 * feed of events since the last stop, filtered to what a seat would hear
 * about, in the seat's language.
 */
import { formatClock } from '../scenario/duration.js';
import { AnswerOrders, type AnswerOrder } from '../review/answer-orders.js';
import { isInjectSpec } from '../review/inject-spec.js';
import type { LogEvent } from '../review/metrics.js';
import type { Lang } from '../scenario/text.js';
import type { AnyCommand } from '../sim/decisions.js';
import type { Sim } from '../sim/sim.js';
import { allInjects } from '../sim/world-ops.js';
import { areaName, incidentName, seatName } from './board.js';
import { m, mn, type MsgKey } from './messages.js';
import { count, num, oneLine, say } from './text.js';
import { areasInView, CONTROLLER } from './view.js';

const clock = formatClock;

/** The typed form of a command: what `help` teaches and what the board lists as orders. */
export function commandLine(cmd: AnyCommand): string {
  const c = cmd as AnyCommand & Record<string, any>;
  switch (c.do) {
    case 'dispatch': return `dispatch ${c.unit} to ${c.incident}`;
    case 'recall': return `recall ${c.unit}`;
    case 'evacuate': return `evacuate ${c.zone}`;
    case 'open_shelter': return `open shelter ${c.shelter}`;
    case 'declare_level': return `declare level ${c.level} in ${c.area}`;
    case 'request_support': return `request support for ${c.area}`;
    case 'close_road': return `close road ${c.edge}`;
    case 'open_road': return `open road ${c.edge}`;
    case 'sea_ban': return `sea ban in ${c.area}`;
    case 'public_info': return `public info in ${c.area} "${oneLine(typeof c.message === 'string' ? c.message : c.message.vi ?? c.message.en ?? '')}"`;
    case 'answer': return `answer ${c.inject} ${c.option}`;
    case 'hold_inject': return `hold ${c.inject}`;
    case 'release_inject': return `release ${c.inject}`;
    case 'breakdown': return `breakdown ${c.unit}`;
    case 'repair': return `repair ${c.unit}`;
    case 'add_inject': {
      const i = c.inject;
      const text = (x: unknown) => oneLine(typeof x === 'string' ? x : (x as any)?.vi ?? (x as any)?.en ?? '');
      const subject = text(i.subject), message = text(i.message);
      return `inject ${i.to}${i.at !== undefined ? ` at ${clock(i.at)}` : ''} "${subject === message ? subject : `${subject} | ${message}`}"`;
    }
  }
  return String((cmd as { do: string }).do);
}

type Ev = Record<string, any> & { t: number; type: string };

/**
 * The events since the last stop that this seat hears about, one line each.
 * Messages themselves are on the board; here are their consequences.
 */
export function feed(sim: Sim, events: Ev[], seat: string, incidentArea: ReadonlyMap<string, string>, lang: Lang): string[] {
  // an area that asked for support is heard of from its request on, not before
  const since = areasInView(sim, seat);
  const seen = (area: string | undefined, t: number) => area !== undefined && (since.get(area) ?? Infinity) <= t;
  const ctl = seat === CONTROLLER;
  const mine = (role: string | undefined) => ctl || role === seat;
  const unitSeen = (id: string) => ctl || sim.model.commander.get(id) === seat;
  const injectTo = (id: string) => allInjects(sim).find((i) => i.id === id)?.to ?? sim.injectSpec(id)?.to;
  const out: string[] = [];
  // an order an answer's option gave that found the thing already so is no refusal of the answer (answer-orders.ts)
  const orders = new AnswerOrders(allInjects(sim), isInjectSpec);
  let order: AnswerOrder | null = null;
  for (const [i, e] of events.entries()) {
    order = orders.observe(e as LogEvent, i);
    const line = describe(e);
    if (line) out.push(`  ${clock(e.t)}  ${line}`);
  }
  return out;

  function describe(e: Ev): string | undefined {
    switch (e.type) {
      case 'incident.reported':
        if (!seen(e.area, e.t)) return;
        return m(lang, 'feed.incident', { id: e.id, name: incidentName(sim, e.id, e.kind, lang), area: areaName(sim, e.area, lang), severity: e.severity, people: mn(lang, 'inc.people', e.people, { n: count(e.people, lang) }) });
      case 'incident.phase':
        if (!visibleIncident(e.id, e.t) || e.phase === 'assessed') return;
        return m(lang, 'feed.phase', { id: e.id, phase: m(lang, `phase.${e.phase}` as MsgKey) });
      case 'incident.severity':
        if (!visibleIncident(e.id, e.t)) return;
        return m(lang, 'feed.severity', { id: e.id, n: e.severity });
      case 'incident.people':
        if (!visibleIncident(e.id, e.t)) return undefined;
        return e.still_at_risk !== undefined ? m(lang, 'feed.people_end', { id: e.id, rescued: count(e.rescued, lang), lost: count(e.lost, lang), still: count(e.still_at_risk, lang) }) : m(lang, 'feed.people', { id: e.id, rescued: count(e.rescued, lang), lost: count(e.lost, lang) });
      case 'unit.state':
        if (!unitSeen(e.id)) return;
        return m(lang, 'feed.unit', { id: e.id, state: m(lang, `unit.${e.state}` as MsgKey) }) + (e.incident ? ` ${m(lang, 'unit.for', { incident: e.incident })}` : '');
      case 'road.status': {
        const edge = sim.model.scenario.travel.edges.find((x) => x.id === e.id);
        const name = edge?.name !== undefined ? say(edge.name, lang) : e.id;
        // a road closed (or reopened) by someone's order is not a road cut by a slide
        const by = typeof e.by === 'string' && !e.by.startsWith('rule:') ? seatName(sim, e.by, lang) : undefined;
        const status = by ? m(lang, e.status === 'cut' ? 'road.closed-by' : 'road.opened-by', { by })
          : e.status === 'cut' ? m(lang, 'road.cut') : e.status === 'open' ? m(lang, 'road.open') : m(lang, 'road.degraded', { factor: num(e.factor, lang) });
        return m(lang, 'feed.road', { id: e.id, name, status });
      }
      case 'area.isolated':
        if (!seen(e.id, e.t)) return;
        return m(lang, e.isolated ? 'feed.isolated' : 'feed.reconnected', { area: areaName(sim, e.id, lang) });
      case 'area.stock_out':
        if (!seen(e.id, e.t)) return;
        return m(lang, 'feed.stock-out', { area: areaName(sim, e.id, lang) });
      case 'area.risk':
        if (!seen(e.id, e.t)) return;
        return e.risk === 0 ? m(lang, 'feed.risk-none', { area: areaName(sim, e.id, lang) }) : m(lang, 'feed.risk', { area: areaName(sim, e.id, lang), risk: e.risk });
      case 'level':
        if (!seen(e.area, e.t)) return;
        return m(lang, 'feed.level', { area: areaName(sim, e.area, lang), level: e.level, by: seatName(sim, e.by, lang) });
      case 'support.requested':
        if (!seen(e.area, e.t) && !ctl && !(sim.model.role.get(seat)?.tier === 'province')) return;
        return m(lang, 'feed.support', { area: areaName(sim, e.area, lang), by: seatName(sim, e.by, lang) });
      case 'zone.state': {
        const z = sim.model.scenario.evacuation.zones.find((x) => x.id === e.id);
        if (!z || !seen(z.area, e.t)) return;
        // closed by the hazard with people still there: the next line says so; "evacuation: done" would not be true
        if (e.state === 'done' && events.some((x) => x.type === 'zone.struck' && x.id === e.id && x.t === e.t && x.caught > 0)) return;
        return m(lang, 'feed.zone', { id: e.id, state: m(lang, `zone.${e.state}` as MsgKey) });
      }
      case 'zone.struck': {
        const z = sim.model.scenario.evacuation.zones.find((x) => x.id === e.id);
        if (!z || !seen(z.area, e.t)) return;
        return mn(lang, 'feed.struck', e.caught, { id: e.id, caught: count(e.caught, lang) });
      }
      case 'zone.trip': {
        // a group of the zone on its way, re-routed by a road changed on it (to another of the zone's shelters when no
        // open road leads to its own), or stranded with no way on (engine 0.8.0)
        const z = sim.model.scenario.evacuation.zones.find((x) => x.id === e.id);
        if (!z || !seen(z.area, e.t)) return;
        if (e.stranded === true) {
          const node = sim.model.scenario.travel.nodes.find((x) => x.id === e.nodes[e.nodes.length - 1]);
          return mn(lang, 'feed.stranded', e.n, { n: count(e.n, lang), id: e.id, shelter: e.shelter, node: node?.name !== undefined ? say(node.name, lang) : node?.id ?? '?' });
        }
        if (typeof e.from_shelter === 'string') return mn(lang, 'feed.elsewhere', e.n, { n: count(e.n, lang), id: e.id, from: e.from_shelter, shelter: e.shelter, at: clock(e.t + e.travel_s) });
        return mn(lang, 'feed.rerouted', e.n, { n: count(e.n, lang), id: e.id, shelter: e.shelter, at: clock(e.t + e.travel_s) });
      }
      case 'shelter.state': {
        const x = sim.model.scenario.evacuation.shelters.find((s) => s.id === e.id);
        if (!x || !seen(x.area, e.t)) return;
        return m(lang, 'feed.shelter', { id: e.id, state: m(lang, e.state === 'open' && e.was === 'full' ? 'shelter.space' : `shelter.${e.state}` as MsgKey) });
      }
      case 'inject.delivered':
        if (!mine(e.to)) return;
        return m(lang, 'feed.message', { seq: e.seq, subject: say(sim.injectSpec(e.id)?.subject, lang) }) + (ctl ? ` → ${e.to}` : '');
      case 'inject.answered':
        if (!mine(injectTo(e.id))) return;
        return m(lang, 'feed.answered', { id: e.id, option: optionLabel(e.id, e.option), by: e.by });
      case 'inject.expired':
        if (!mine(injectTo(e.id))) return;
        return m(lang, 'feed.expired', { id: e.id, option: optionLabel(e.id, e.option) });
      case 'inject.state':
        return ctl ? m(lang, e.state === 'held' ? 'feed.held' : 'feed.released', { id: e.id }) : undefined;
      case 'inject.added':
        return ctl ? m(lang, 'feed.added', { id: e.id, to: e.to }) : undefined;
      case 'decision': {
        if (e.author === 'trainee' || e.author === 'controller') {
          if (!ctl && e.role !== seat) return;
          return m(lang, 'feed.done', { role: e.role, line: commandLine(cmdOf(e)) });
        }
        if (e.author === 'default') return mine(e.role) ? m(lang, 'feed.default-cmd', { line: commandLine(cmdOf(e)) }) : undefined;
        // doctrine: what other roles did that touches this seat's areas
        if (e.role === seat) return;
        if (!ctl && !touches(e)) return;
        return m(lang, 'feed.doctrine', { role: seatName(sim, e.role, lang), line: commandLine(cmdOf(e)) });
      }
      case 'decision.refused':
        if (!ctl && e.role !== seat) return;
        if (order && e.code === 'no-change') return m(lang, 'feed.order-no-change', { role: e.role, line: commandLine(cmdOf(e)), option: order.option, reason: m(lang, codeKey(e.code)) });
        return m(lang, 'feed.refused', { role: e.role, line: commandLine(cmdOf(e)), reason: m(lang, codeKey(e.code)) });
      case 'run.end':
        return m(lang, 'feed.end');
    }
    return undefined;
  }

  function visibleIncident(id: string, t: number): boolean {
    return ctl || seen(incidentArea.get(id), t);
  }

  function optionLabel(injectId: string, option: string): string {
    const o = sim.injectSpec(injectId)?.decision?.options.find((x) => x.id === option);
    return o ? `${option} (${say(o.label, lang)})` : option;
  }

  function touches(e: Ev): boolean {
    if (e.area && seen(e.area, e.t)) return true;
    if (e.incident && seen(incidentArea.get(e.incident), e.t)) return true;
    if (e.zone) return seen(sim.model.scenario.evacuation.zones.find((z) => z.id === e.zone)?.area, e.t);
    if (e.unit) return sim.model.commander.get(e.unit) === seat;
    return false;
  }
}

/** The short, general wording of a refusal code (the full reason is given at the prompt). */
export function codeKey(code: string): MsgKey {
  const key = `code.${code}`;
  return (KNOWN_CODES.has(code) ? key : 'code.other') as MsgKey;
}

export const REFUSAL_CODES = [
  'unknown-role', 'unknown-unit', 'unknown-incident', 'incident-closed', 'no-authority', 'unit-busy', 'no-capability', 'no-request', 'no-route',
  'not-deployed', 'unknown-zone', 'no-change', 'unknown-shelter', 'unknown-area', 'unknown-road', 'unknown-inject', 'no-decision', 'not-waiting',
  'unknown-option', 'duplicate-id', 'unknown-command', 'no-coast', 'hazard-road', 'empty-message',
] as const;
const KNOWN_CODES = new Set<string>(REFUSAL_CODES);

function cmdOf(e: Ev): AnyCommand {
  const { t: _t, type: _type, author: _a, role: _r, code: _c, reason: _re, ...cmd } = e;
  return cmd as AnyCommand;
}
