/**
 * The situation board: what a seat at the table sees at the current stop,
 * as plain text in Vietnamese or English. Scenario texts are shown as
 * written (in the language asked for, else the other) and made safe for a
 * terminal; ids are shown next to names so they can be typed. Also the feed
 * of what happened since the last stop, and the end-of-exercise summary.
 */
import { formatClock, formatDuration } from '../scenario/duration.js';
import { NEVER_S } from '../machines/never.js';
import type { Text } from '../scenario/schema.js';
import type { Lang } from '../scenario/text.js';
import { withUnit } from '../scenario/unit-words.js';
import type { Summary } from '../review/metrics.js';
import { strandedAtEnd } from '../review/stranded.js';
import { unreachedIncidents } from '../review/unreached.js';
import { objectiveBounds, objectiveValue } from '../review/words.js';
import type { Decision } from '../sim/decisions.js';
import { strandedOf } from '../sim/evacuation.js';
import * as Incidents from '../sim/incidents.js';
import { hazardOf } from '../sim/routing.js';
import { HAZARD_TICK_S, type Sim } from '../sim/sim.js';
import type { IncidentW } from '../sim/world.js';
import { m, mn, type MsgKey } from './messages.js';
import { cell, clippedCell, count, len, num, say, wallClock, wrap } from './text.js';
import { CONTROLLER, received, visibleAreas, visibleIncidents, visibleUnits, waitingDecisions } from './view.js';
import { commandLine } from './describe.js';

const WIDTH = 100;
/** The widest a name column of the board gets (Vietnamese names run long: 'Các khu chung cư cũ phường Trường Vinh'); longer names are cut, beside their whole id. */
const NAME_COLUMN = 42;
const clock = formatClock;

export interface BoardInput {
  sim: Sim;
  seat: string;
  /** the stop: everything before it has happened; orders given now are carried out at it */
  t: number;
  lang: Lang;
  /** orders given at this stop, not yet carried out */
  pending: Decision[];
  /** messages delivered at or after this time are marked new */
  newSince: number;
  paused: boolean;
}

/** A duration for people: "29 min", "1 h 30 min". */
export function span(s: number, lang: Lang): string {
  const mins = Math.max(0, Math.round(s / 60));
  const h = Math.floor(mins / 60), mi = mins % 60;
  if (h === 0) return m(lang, 'dur.min', { n: mi });
  if (mi === 0) return m(lang, 'dur.h', { n: h });
  return m(lang, 'dur.hmin', { h, min: mi });
}

export function seatName(sim: Sim, seat: string, lang: Lang): string {
  if (seat === CONTROLLER) return m(lang, 'seat.controller');
  const r = sim.model.role.get(seat);
  return r ? say(r.name, lang) : seat;
}

export function areaName(sim: Sim, id: string, lang: Lang): string {
  const a = sim.model.area.get(id);
  return a ? say(a.name, lang) : id;
}

function nodeName(sim: Sim, id: string | null, lang: Lang): string | undefined {
  if (id === null) return undefined;
  const n = sim.model.scenario.travel.nodes.find((x) => x.id === id);
  return n ? (n.name !== undefined ? say(n.name, lang) : n.id) : id;
}

export function incidentName(sim: Sim, id: string, kind: string, lang: Lang): string {
  const scripted = sim.model.scenario.incidents.find((i) => i.id === id);
  if (scripted?.name !== undefined) return say(scripted.name, lang);
  const k = sim.model.kind.get(kind);
  return k ? say(k.name, lang) : kind;
}

export function unitName(sim: Sim, id: string, lang: Lang): string {
  const u = sim.model.unit.get(id);
  return u?.name !== undefined ? say(u.name, lang) : id;
}

function capList(caps: Record<string, number | undefined>, lang: Lang): string {
  const parts = Object.entries(caps).filter(([, v]) => v !== undefined && v > 0).map(([c, v]) => `${m(lang, `cap.${c}` as MsgKey)} ${num(v!, lang)}`);
  return parts.length ? parts.join(', ') : m(lang, 'board.nothing');
}

function hazardLine(sim: Sim, h: Sim['model']['scenario']['hazards'][number], t: number, lang: Lang, seen: Set<string>): string {
  const area = h.areas.find((a) => seen.has(a)) ?? h.areas[0];
  const v = sim.model.hazards.value(h, area, t);
  const n = sim.model.hazards.levelAt(h, area, t);
  const level = n === 0 ? m(lang, 'board.risk-none') : m(lang, 'board.risk', { risk: n });
  let alarm = '';
  if (h.alarms) {
    const reached = (['bd3', 'bd2', 'bd1'] as const).find((a) => v >= h.alarms![a]);
    alarm = reached ? ` (${m(lang, `alarm.${reached}`)})` : ` (${m(lang, 'alarm.none')})`;
  }
  const where = h.kind === 'typhoon' || h.areas.length === 1 ? areaName(sim, area, lang) : h.areas.filter((a) => seen.has(a)).map((a) => areaName(sim, a, lang)).join(', ');
  const value = `${withUnit(num(v, lang), h.unit, lang)}${alarm}`;
  if (h.forecast) return m(lang, 'board.hazard-forecast', { name: say(h.name, lang), value, where, risk: level, lead: hoursOf(h.forecast, lang) });
  return m(lang, 'board.hazard', { name: say(h.name, lang), value, where, risk: level });
}

/** A forecast's lead as bulletins give it: '36 h', '36 giờ' (compact notation when not whole hours). */
function hoursOf(seconds: number, lang: Lang): string {
  if (seconds % 3600 !== 0) return formatDuration(seconds);
  return `${num(seconds / 3600, lang)} ${lang === 'vi' ? 'giờ' : 'h'}`;
}

/**
 * An area's disaster risk level at a stop at `t`. A stop comes before t's events, so a hazard tick due at `t`
 * (T+00:00 among them) has not set it yet, while the hazard lines above give the values at `t`: the first board
 * said "risk level 4" for the typhoon beside the ward's "risk 0". Ticks alone set it, from the hazards alone.
 */
function riskAt(sim: Sim, area: string, t: number): number {
  if (sim.model.scenario.hazards.length === 0) return sim.world.areas[area].risk;
  return sim.model.hazards.riskLevels(Math.floor(t / HAZARD_TICK_S) * HAZARD_TICK_S).get(area) ?? 0;
}

/** The board for one seat at the current stop. */
export function renderBoard(b: BoardInput): string {
  const { sim, seat, t, lang } = b;
  const s = sim.model.scenario;
  const out: string[] = [];
  const head = ` ${clock(t)} · ${wallClock(s.start, t)} · ${seatName(sim, seat, lang)} (${seat}) `;
  out.push(`═══${head}${'═'.repeat(Math.max(3, WIDTH - 3 - len(head)))}`);
  out.push(m(lang, 'board.subtitle', { title: say(s.title, lang), seed: sim.opts.seed, end: clock(sim.opts.until) }));
  if (b.paused) out.push(m(lang, 'board.paused'));
  if (sim.finished) out.push(m(lang, 'board.ended', { t: clock(sim.opts.until) }));

  // hazards and areas
  const areas = visibleAreas(sim, seat);
  const hazards = s.hazards.filter((h) => h.areas.some((a) => areas.has(a)));
  if (hazards.length) {
    out.push(m(lang, 'board.hazards'));
    for (const h of hazards) out.push(`  ${hazardLine(sim, h, t, lang, areas)}`);
  }
  out.push(m(lang, 'board.areas'));
  const areaRows = s.areas.filter((a) => areas.has(a.id));
  const nameW = Math.min(28, Math.max(...areaRows.map((a) => len(say(a.name, lang)))) + 2);
  for (const a of areaRows) {
    const w = sim.world.areas[a.id];
    const flags: string[] = [];
    if (w.isolated) flags.push(m(lang, 'area.isolated'));
    if (w.stock_out) flags.push(m(lang, 'area.stock-out'));
    else if (w.isolated && w.stock_pd >= 0 && a.population > 0) {
      const left = Math.max(0, w.stock_pd - (a.population * (t - w.isolated_t)) / 86_400) / a.population;
      const days = num(left, lang);
      flags.push(m(lang, days === '1' ? 'area.stock-1' : 'area.stock', { days }));
    }
    if (w.support_t >= 0) flags.push(m(lang, 'area.support', { t: clock(w.support_t) }));
    if (w.sea_ban) flags.push(m(lang, 'area.sea-ban'));
    if (w.short) flags.push(m(lang, 'area.short'));
    const level = w.level.context.level as number;
    out.push(`  ${cell(say(a.name, lang), nameW)}${cell(a.id, 16)}${m(lang, 'area.risk', { risk: riskAt(sim, a.id, t) })}  ${m(lang, 'area.level', { level })}${flags.length ? `  · ${flags.join(' · ')}` : ''}`);
  }

  // roads that are not open
  const roads = s.travel.edges.filter((e) => sim.world.roads[e.id].status !== 'open');
  if (s.travel.edges.length) {
    if (roads.length === 0) out.push(`${m(lang, 'board.roads')}  ${m(lang, 'road.all-open')}`);
    else {
      out.push(m(lang, 'board.roads'));
      for (const e of roads) {
        const st = sim.world.roads[e.id];
        const status = st.closed_by !== undefined ? m(lang, hazardOf(st).status === 'cut' ? 'road.closed-by-cut' : 'road.closed-by', { by: seatName(sim, st.closed_by, lang) })
          : st.status === 'cut' ? m(lang, 'road.cut') : m(lang, 'road.degraded', { factor: num(st.factor, lang) });
        out.push(`  ${cell(e.id, 14)}${e.name !== undefined ? say(e.name, lang) : `${e.from} - ${e.to}`}: ${status}`);
      }
    }
  }

  // incidents
  const incidents = visibleIncidents(sim, seat);
  out.push(m(lang, 'board.incidents'));
  if (incidents.length === 0) out.push(`  ${m(lang, 'board.none')}`);
  for (const inc of incidents) {
    const phase = (inc.m.value as Record<string, string>).lifecycle;
    out.push(`  ${inc.id}  ${incidentName(sim, inc.id, inc.kind, lang)} · ${areaName(sim, inc.area, lang)} · ${m(lang, `phase.${phase}` as MsgKey)} · ${m(lang, 'inc.severity', { n: inc.severity })} · ${mn(lang, 'inc.people', inc.people, { n: count(inc.people, lang) })}`);
    if (Incidents.isOpen(inc)) {
      const sent = inc.assigned.map((u) => `${u} (${m(lang, `unit.${sim.world.units[u].m.value as string}` as MsgKey)})`);
      out.push(`      ${m(lang, 'inc.need', { need: capList(Incidents.needOf(sim, inc), lang), have: capList(inc.on_scene, lang) })}${sent.length ? ` · ${m(lang, 'inc.sent', { units: sent.join(', ') })}` : ` · ${noneThere(inc, lang)}`}`);
    }
  }

  // units
  const units = visibleUnits(sim, seat);
  const own = units.filter((u) => u.own), others = units.filter((u) => !u.own);
  for (const [list, key] of [[own, seat === CONTROLLER ? 'board.units' : 'board.units.own'], [others, 'board.units.others']] as const) {
    if (list.length === 0 && key !== 'board.units.own') continue;
    out.push(m(lang, key));
    if (list.length === 0) out.push(`  ${m(lang, 'board.none')}`);
    const idW = Math.max(...list.map((u) => u.id.length), 0) + 2;
    const nameW2 = Math.min(NAME_COLUMN, Math.max(...list.map((u) => len(unitName(sim, u.id, lang))), 0) + 2);
    for (const { id } of list) out.push(`  ${cell(id, idW)}${clippedCell(unitName(sim, id, lang), nameW2)}${unitStatus(sim, id, lang)}`);
  }

  // evacuation
  const zones = s.evacuation.zones.filter((z) => areas.has(z.area));
  const shelters = s.evacuation.shelters.filter((x) => areas.has(x.area));
  if (zones.length || shelters.length) {
    out.push(m(lang, 'board.evacuation'));
    // columns as for units: id, name (the id again when the scenario gives none), state
    const placeName = (p: { id: string; name?: Text }) => (p.name !== undefined ? say(p.name, lang) : p.id);
    const places = [...zones, ...shelters];
    const idW = Math.max(...places.map((p) => p.id.length)) + 2;
    const nameW = Math.min(NAME_COLUMN, Math.max(...places.map((p) => len(placeName(p)))) + 2);
    const row = (p: (typeof places)[number], status: string) => `  ${cell(p.id, idW)}${clippedCell(placeName(p), nameW)}${status}`;
    for (const z of zones) {
      const w = sim.world.zones[z.id];
      const st = w.m.value as string;
      // the engine closes a zone when the hazard reaches it: with people caught that is no "done" evacuation
      const struck = st === 'done' && w.caught > 0;
      const parts = [m(lang, struck ? 'zone.struck' : (`zone.${st}` as MsgKey))];
      if (st !== 'idle') parts.push(m(lang, 'zone.progress', { sheltered: count(w.sheltered, lang), moving: count(w.moving, lang), remaining: count(w.remaining, lang) }));
      else parts.push(mn(lang, 'zone.people', z.population, { n: count(z.population, lang) }));
      // stalled with the roads to every shelter with room cut: the counts alone do not say why nobody moves
      if (w.cut) parts.push(m(lang, 'zone.cut'));
      // people on the way a cut road left with no way on to their shelter (engine 0.8.0): they wait where they are
      const stranded = strandedOf(w);
      if (stranded > 0) parts.push(mn(lang, 'zone.stranded', stranded, { n: count(stranded, lang) }));
      if (w.caught > 0) parts.push(m(lang, 'zone.caught', { n: count(w.caught, lang) }));
      if (z.hazard_arrives !== undefined) parts.push(m(lang, t > z.hazard_arrives ? 'zone.hazard-came' : 'zone.hazard', { t: clock(z.hazard_arrives) }));
      out.push(row(z, parts.join(' · ')));
    }
    for (const x of shelters) {
      const w = sim.world.shelters[x.id];
      // the places held for people on the road to it, while there are some: a shelter full with half its people still coming
      const taken = w.incoming > 0 ? m(lang, 'shelter.occupancy-incoming', { occupancy: count(w.occupancy, lang), capacity: count(w.capacity, lang), incoming: count(w.incoming, lang) }) : m(lang, 'shelter.occupancy', { occupancy: count(w.occupancy, lang), capacity: count(w.capacity, lang) });
      out.push(row(x, `${m(lang, `shelter.${w.m.value as string}` as MsgKey)} · ${taken}`));
    }
  }

  // messages
  out.push(m(lang, 'board.messages'));
  const msgs = received(sim, seat);
  if (msgs.length === 0) out.push(`  ${m(lang, 'board.none-yet')}`);
  for (const r of msgs) {
    const fresh = r.t >= b.newSince;
    out.push(...messageLines(sim, r, lang, fresh, seat === CONTROLLER));
  }

  // decisions waiting
  const waiting = waitingDecisions(sim, seat);
  if (waiting.length) {
    out.push(m(lang, 'board.decisions'));
    for (const wd of waiting) {
      const d = wd.inject.decision!;
      const given = b.pending.find((p) => p.cmd.do === 'answer' && (p.cmd as { inject: string }).inject === wd.inject.id);
      const left = wd.deadline_t - t;
      out.push(`  ${wd.inject.id}  "${say(wd.inject.subject, lang)}"${seat === CONTROLLER ? ` → ${wd.inject.to}` : ''} · ${left > 0 ? m(lang, 'dec.by', { t: clock(wd.deadline_t), left: span(left, lang) }) : m(lang, 'dec.due', { t: clock(wd.deadline_t) })}`);
      const optW = Math.max(...d.options.map((o) => o.id.length)) + 2;
      for (const o of d.options) out.push(`      ${cell(o.id, optW)}${say(o.label, lang)}${o.id === d.default ? `  ${m(lang, 'dec.default')}` : ''}`);
      if (given) out.push(`      ${m(lang, 'dec.given', { option: (given.cmd as { option: string }).option, t: clock(t) })}`);
      // at the deadline minute the default is taken before any order, so an answer would be refused
      else if (seat !== CONTROLLER && left > 0) out.push(`      ${m(lang, 'dec.how', { line: `answer ${wd.inject.id} <${m(lang, 'arg.option')}>` })}`);
    }
  }

  // the MSEL, for the controller
  if (seat === CONTROLLER) {
    out.push(m(lang, 'board.msel'));
    const specs = [...s.injects, ...(sim.world.added_injects as typeof s.injects)];
    for (const spec of specs.slice().sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1))) {
      const w = sim.world.injects[spec.id];
      const when = w.added
        ? m(lang, 'msel.adhoc', { t: clock(spec.at ?? w.delivered_t) })
        : spec.at !== undefined ? m(lang, 'msel.at', { t: clock(spec.at) })
          : spec.contingency ? m(lang, 'msel.contingency', { for: spec.contingency.for, after: formatDuration(spec.contingency.after) })
            : m(lang, 'msel.condition');
      const state = w.m.value as string;
      // a contingency whose expected action was taken in time is never sent
      const chased = spec.contingency ? sim.world.injects[spec.contingency.for] : undefined;
      const skipped = state === 'scheduled' && chased !== undefined && chased.delivered_t >= 0 && chased.done_t >= 0 && chased.done_t < chased.delivered_t + spec.contingency!.after && t > chased.delivered_t + spec.contingency!.after;
      const st = skipped ? m(lang, 'msel.skipped') : m(lang, `inject.${state}` as MsgKey) + (state === 'delivered' ? ` ${clock(w.delivered_t)}` : '');
      out.push(`  #${cell(String(spec.seq), 4)}${cell(spec.id, 20)}→ ${cell(spec.to, 16)}${cell(st, 22)}${when}`);
    }
  }

  // a trainee sees the orders of their own seat; the controller's hidden moves stay hidden
  const orders = b.pending.filter((d) => seat === CONTROLLER || d.role === seat);
  if (orders.length) {
    out.push(m(lang, 'board.orders', { t: clock(t) }));
    for (const d of orders) out.push(`  ${d.role}: ${commandLine(d.cmd)}`);
  }
  return out.join('\n');
}

function unitStatus(sim: Sim, id: string, lang: Lang): string {
  const u = sim.world.units[id];
  const state = u.m.value as string;
  const parts = [m(lang, `unit.${state}` as MsgKey)];
  if (u.incident) parts.push(m(lang, 'unit.for', { incident: u.incident }));
  if (state === 'en_route' && u.leg && u.leg.t0 >= 0) parts.push(m(lang, 'unit.eta', { t: clock(u.leg.t0 + u.leg.travel_s) }));
  else if (state === 'returning' && u.m.context.return_s >= NEVER_S) {
    // no open road home: it waits where it is
    const place = nodeName(sim, u.node, lang);
    parts.push(m(lang, 'unit.no-way-home', { place: place ?? '?' }));
  } else if (state === 'returning' && u.leg && u.leg.t0 >= 0) parts.push(m(lang, 'unit.back', { t: clock(u.leg.t0 + u.leg.travel_s) }));
  else if (state !== 'en_route' && state !== 'returning') {
    const place = nodeName(sim, u.node, lang);
    if (place) parts.push(m(lang, 'unit.at', { place }));
  }
  return parts.join(' · ');
}

/** One received message: a header line, the text wrapped (new ones in full), and what became of a decision point. */
export function messageLines(sim: Sim, r: { inject: import('../scenario/schema.js').Inject; t: number }, lang: Lang, full: boolean, showTo: boolean, fresh = full): string[] {
  const spec = r.inject;
  const from = typeof spec.from === 'string' && sim.model.role.has(spec.from) ? seatName(sim, spec.from, lang) : say(spec.from, lang);
  const mark = fresh ? m(lang, 'msg.new') : ' '.repeat(len(m(lang, 'msg.new')));
  const head = m(lang, 'msg.head', { t: clock(r.t), seq: spec.seq, method: m(lang, `method.${spec.method}` as MsgKey), from, subject: say(spec.subject, lang) });
  const out = [`  ${mark} ${head}${showTo ? ` → ${spec.to}` : ''}`];
  const indent = ' '.repeat(len(mark) + 5);
  if (full) out.push(...wrap(say(spec.message, lang), WIDTH - indent.length, indent).map((l, i) => (i === 0 ? indent + l : l)));
  if (spec.decision) {
    const w = sim.world.injects[spec.id];
    const state = w.m.value as string;
    const label = (id: string) => {
      const o = spec.decision!.options.find((x) => x.id === id);
      return o ? `${id} (${say(o.label, lang)})` : id;
    };
    const deadline = clock(w.delivered_t + spec.decision.deadline);
    if (state === 'answered') out.push(indent + m(lang, 'msg.answered', { option: label(String(w.m.context.option)), by: String(w.m.context.by) }));
    else if (state === 'expired') out.push(indent + m(lang, 'msg.expired', { t: deadline, option: label(spec.decision.default) }));
    else if (state === 'delivered') out.push(indent + m(lang, 'msg.waiting', { t: deadline }));
  }
  return out;
}

/** The hot-wash summary at the end: people, response, objectives (rated P/S/M/U). */
export function renderSummary(sim: Sim, s: Summary, lang: Lang, events: readonly string[] = sim.log?.lines ?? []): string {
  const out: string[] = [m(lang, 'sum.title', { t: clock(s.t_end) })];
  out.push(`  ${m(lang, 'sum.incidents', { reported: count(s.incidents.reported, lang), contained: count(s.incidents.contained, lang), resolved: count(s.incidents.resolved, lang) })}`);
  // shelters only where the scenario has some people in them, as `drill run` prints it
  const evacuated = s.people.evacuated ? m(lang, 'sum.evacuated', { evacuated: count(s.people.evacuated, lang) }) : '';
  // people who set off and were left stranded on the road by a cut road (engine 0.8.0): in no other figure
  const stranded = strandedAtEnd(events);
  out.push(`  ${m(lang, 'sum.people', { at_risk: count(s.people.at_risk, lang), rescued: count(s.people.rescued, lang), lost: count(s.people.lost, lang), still: count(s.people.still_at_risk, lang) })}${evacuated}${stranded ? mn(lang, 'sum.stranded', stranded, { n: count(stranded, lang) }) : ''}`);
  // the mean leaves out the incidents nobody reached: say how many there were
  const reached = s.response.mean_first_on_scene_s === null ? m(lang, 'sum.no-response') : m(lang, 'sum.response', { mean: span(s.response.mean_first_on_scene_s, lang), max: span(s.response.max_first_on_scene_s!, lang) });
  const u = unreachedIncidents(events);
  const unreachedPeople = m(lang, u.people === 1 ? 'sum.persons-1' : 'sum.persons', { n: count(u.people, lang) });
  out.push(`  ${reached}${u.n ? `; ${m(lang, u.n === 1 ? 'sum.unreached-1' : 'sum.unreached', { n: u.n, people: unreachedPeople })}` : ''}`);
  const decisionEvents = events.filter((l) => l.includes('"type":"decision"')).map((l) => JSON.parse(l) as { type: string; author?: string; do?: string; inject?: string; option?: string }).filter((e) => e.type === 'decision');
  // an answer's order that found the thing already so is no refusal: said apart, only when there was one
  const nc = s.decisions.no_change;
  out.push(`  ${nc ? mn(lang, 'sum.decisions-nc', nc, { taken: s.decisions.taken, refused: s.decisions.refused }) : m(lang, 'sum.decisions', { taken: s.decisions.taken, refused: s.decisions.refused })}`);
  // a trainee reads "16 taken, 0 refused" as their own count: say whose they were, and that refusals at the prompt are not in it
  const ours = decisionEvents.filter((e) => e.author === 'trainee' || e.author === 'controller');
  const people = ours.length;
  // the run counts an answer and each order it carries as decisions taken, the decisions file only what was typed:
  // where an answer here carried an order, say so, or "2 at this table" beside "1 decision" reads as a mistake
  const specs = [...sim.model.scenario.injects, ...(sim.world.added_injects as typeof sim.model.scenario.injects)];
  const carried = ours.some((e) => e.do === 'answer' && (specs.find((i) => i.id === e.inject)?.decision?.options.find((o) => o.id === e.option)?.commands.length ?? 0) > 0);
  out.push(`    ${m(lang, 'sum.decisions-whose', { people, doctrine: decisionEvents.length - people, carried: carried ? m(lang, 'sum.decisions-carried') : '' })}`);
  if (s.objectives.length) {
    const met = s.objectives.filter((o) => o.met).length;
    const nt = s.objectives.filter((o) => o.rating === null).length;
    out.push(`  ${nt === 0 ? m(lang, 'sum.objectives', { met, n: s.objectives.length }) : m(lang, 'sum.objectives-nt', { met, tested: s.objectives.length - nt, nt })}`);
    for (const o of s.objectives) {
      const spec = sim.model.scenario.objectives.find((x) => x.id === o.id);
      // the objective's own words for the trainee, then what the run measured and whether that met it (drill run's value)
      const value = () => objectiveValue(o.metric, o.value, lang, spec ? objectiveBounds(spec) : []);
      const result = o.rating === null ? ` (${m(lang, 'sum.not-tested')})` : ` · ${m(lang, o.met ? 'sum.objective-met' : 'sum.objective-not-met', { value: value() })}`;
      out.push(`    ${o.rating ?? '-'}  ${o.id}: ${spec ? say(spec.text, lang) : ''}${result}`);
    }
    out.push(`    ${m(lang, 'sum.ratings')}`);
  }
  return out.join('\n');
}

/**
 * An open incident nobody is assigned to now: never reached yet, or reached and left (a shift over, a unit called
 * away). 'Nobody sent yet' of one a unit worked at for eight hours sent the trainee looking for an order never given.
 */
function noneThere(inc: IncidentW, lang: Lang): string {
  return inc.first_on_scene_t < 0 ? m(lang, 'inc.none-sent') : m(lang, 'inc.none-now', { t: clock(inc.first_on_scene_t) });
}
