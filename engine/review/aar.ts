/**
 * The after-action report and improvement plan (AAR/IP, HSEEP shape) as
 * data: overview, timeline of key events, each objective and core capability
 * with its rating and evidence, strengths and areas for improvement drawn
 * from the figures, and the improvement plan. No language here: texts are
 * message keys with typed parameters, and the renderers (render-md.ts,
 * render-html.ts) put them into words with the catalogue (messages.ts).
 */
import type { Inject, Objective, Scenario } from '../scenario/schema.js';
import { sha256Hex } from '../core/hash.js';
import { chainOf } from '../sim/log.js';
import { Model } from '../sim/model.js';
import { variedField, type RunLog } from '../sim/run.js';
import type { Evidence } from './evidence.js';
import type { LogEvent, ObjectiveResult, Rating } from './metrics.js';
import { openAtEnd } from './decision-metrics.js';
import { endOf, reviewEvents, type Review } from './review.js';
import { summaryAgrees } from './summary-form.js';
import { headAgrees } from './head-agrees.js';
import { sessionAgrees } from './session-agrees.js';
import { durationNear, metricParam, objectiveBounds, type P } from './words.js';

export type CapabilityElement = 'planning' | 'organization' | 'equipment' | 'training' | 'exercises';

export interface Finding {
  /** message key of the finding, with its parameters */
  key: string;
  params: Record<string, P>;
  capability: string | null;
  element: CapabilityElement | null;
  /** role id responsible, when the run can tell */
  org: string | null;
  /** a corrective action the run can support with figures (message key), else left to the reviewer */
  action: { key: string; params: Record<string, P> } | null;
  evidence: Evidence[];
  /** when the role's act fell due (s since T0), where the run can tell: a role a trainee took over part-way was doctrine's before */
  due?: number;
  /** the role's join time (a fork), when the act fell due before it: doctrine played the role then, not the trainee */
  doctrine_until?: number;
}

export interface TimelineRow { index: number; t: number; event: LogEvent }

export interface ObjectiveRow { spec: Objective; result: ObjectiveResult; evidence: Evidence[] }

/** rating null: none of its objectives was tested in the run */
export interface CapabilityRow { name: string; rating: Rating | null; objectives: string[] }

export interface Aar {
  scenario: Scenario;
  run: { seed: number; engine: string; until: number; players: string[]; events: number; hash: string; decisions: number; scenario_hash: string; session_t: number | null;
    /** decisions given (a decisions file) for after a stop (--until): in the log, never played */
    after_stop: { n: number; first: number } | null;
    /** the parameter the scenario was played with changed (`drill run --vary`), or null: as run.start records it (a head edited by hand is warned of) */
    varied: { key: string; value: string } | null };
  integrity: { summary_agrees: boolean; hash_ok: boolean; scenario_ok: boolean; /** the seed, end and players at the log's head are those of its first event (whose seed is `recorded_seed`) */ head_ok: boolean; /** a play session's save time (`session.t`) agrees with its events, keyframes and summary (true when the log is no session) */ session_ok: boolean; recorded_seed: unknown };
  overview: {
    forces: { owner: string; units: string[]; crew: number }[];
    capabilities: string[];
    trainee_roles: string[];
    /** trainee roles taken over from doctrine part-way (a fork): role -> from when */
    joined: Record<string, number>;
    doctrine_roles: string[];
  };
  timeline: TimelineRow[];
  /** events left out of the timeline when it was cut to its bound */
  timeline_cut: number;
  objectives: ObjectiveRow[];
  capabilities: CapabilityRow[];
  strengths: Finding[];
  improvements: Finding[];
  review: Review;
}

/** Event types a reader of the timeline needs; the rest (movements, steps) stay in the figures and charts. */
const KEY_EVENTS = new Set([
  'inject.delivered', 'inject.expired', 'inject.added', 'decision', 'decision.refused', 'incident.reported', 'incident.people',
  'level', 'support.requested', 'zone.state', 'zone.struck', 'zone.trip', 'road.status', 'area.isolated', 'area.stock_out', 'area.short',
]);
const TIMELINE_MAX = 400;
/** the role (and author) exercise control speaks as (engine/sim/commands.ts CONTROLLER) */
const CONTROLLER = 'controller';
const RATING_ORDER: Rating[] = ['P', 'S', 'M', 'U'];

const ELEMENT_OF_METRIC: Record<string, CapabilityElement> = {
  evacuated_share: 'planning', first_on_scene_s: 'organization', contained_s: 'organization', mean_response_s: 'organization',
  people_lost: 'organization', rescued_share: 'organization', level_declared_s: 'training', support_requested_s: 'training',
  decision_latency_s: 'training', shelter_peak_share: 'equipment', resolved_share: 'organization', stock_days_min: 'equipment',
};

function isKey(e: LogEvent): boolean {
  if (!KEY_EVENTS.has(e.type)) return e.type === 'incident.phase' && e.phase !== 'assessed' || e.type === 'shelter.state' && e.state === 'full';
  if (e.type === 'zone.state') return e.state !== 'moving';
  return true;
}

export function buildAar(log: RunLog, scenario: Scenario, events: LogEvent[]): Aar {
  const review = reviewEvents(scenario, events, endOf(log));
  const summary_agrees = summaryAgrees(log.summary, review.summary);
  const hash_ok = chainOf(log.events, (log.keyframes ?? []).map((k) => k.events)).hash === log.hash;
  const scenario_ok = sha256Hex(log.scenario.text) === log.scenario.hash;
  const head_ok = headAgrees(log, events[0]);
  const session_ok = sessionAgrees(log, events);

  const timeline: TimelineRow[] = [];
  let cut = 0;
  // a zone nobody ordered out goes to 'done' when the hazard reaches it: 'Evacuation of X over' would say one took
  // place; the 'hazard reaches X' row beside it says what happened
  const ordered = new Set<string>();
  events.forEach((e, index) => {
    if (!isKey(e)) return;
    if (e.type === 'zone.state' && e.state === 'ordered') ordered.add(String(e.id));
    if (e.type === 'zone.state' && e.state === 'done' && !ordered.has(String(e.id))) return;
    if (timeline.length < TIMELINE_MAX) timeline.push({ index, t: e.t, event: e });
    else cut++;
  });

  const objectives: ObjectiveRow[] = scenario.objectives.map((spec) => ({
    spec, result: review.summary.objectives.find((r) => r.id === spec.id)!, evidence: review.evidence.get(spec.id) ?? [],
  }));
  const capNames = [...new Set(scenario.objectives.map((o) => o.capability))];
  const capabilities: CapabilityRow[] = capNames.map((name) => {
    const rows = objectives.filter((o) => o.spec.capability === name);
    // the core capability is rated as its weakest objective tested: a reviewer may raise it with observations
    const rated = rows.map((o) => o.result.rating).filter((r): r is Rating => r !== null);
    const rating = rated.length === 0 ? null : rated.reduce<Rating>((w, r) => (RATING_ORDER.indexOf(r) > RATING_ORDER.indexOf(w) ? r : w), 'P');
    return { name, rating, objectives: rows.map((o) => o.spec.id) };
  });

  const owners = new Map<string, { units: string[]; crew: number }>();
  for (const u of scenario.units) {
    const o = owners.get(u.owner) ?? { units: [], crew: 0 };
    o.units.push(u.id);
    o.crew += u.crew;
    owners.set(u.owner, o);
  }
  const players = new Set(log.players);
  const { strengths, improvements } = findings(scenario, review, objectives);
  // a role doctrine played all run acted by the scenario's written plan: what it left undone is the plan's gap
  // (Planning), not a trainee's (Training)
  // so did one a trainee took over part-way (a fork) when the act fell due before the trainee joined: Mường Xén's dam
  // rumour due at T+06:00, the trainee in the chair from T+07:00, was read as the trainee's 1 h 30 min
  const joined = log.joined ?? {};
  for (const f of improvements) {
    if (f.org === null || f.org === CONTROLLER) continue;
    const from = joined[f.org];
    const before = from !== undefined && f.due !== undefined && f.due < from;
    if (before) f.doctrine_until = from;
    if (f.element === 'training' && (!players.has(f.org) || before)) f.element = 'planning';
  }
  return {
    scenario,
    run: { seed: log.seed, engine: log.engine, until: log.until, players: log.players, events: events.length, hash: log.hash, decisions: log.decisions.length, scenario_hash: log.scenario.hash, session_t: log.session?.t ?? null, after_stop: afterStop(log), varied: variedField(events[0]?.varied) ?? null },
    integrity: { summary_agrees, hash_ok, scenario_ok, head_ok, session_ok, recorded_seed: events[0]?.seed },
    overview: {
      forces: [...owners.entries()].map(([owner, v]) => ({ owner, ...v })),
      capabilities: capNames,
      trainee_roles: scenario.roles.filter((r) => players.has(r.id)).map((r) => r.id),
      joined: log.joined ?? {},
      doctrine_roles: scenario.roles.filter((r) => !players.has(r.id)).map((r) => r.id),
    },
    timeline, timeline_cut: cut, objectives, capabilities, strengths, improvements, review,
  };
}

// ------------------------------------------------------------ findings

const t = (v: number): P => ({ t: v });
const s = (v: number | null): P => ({ s: v });
const ref = (kind: 'zone' | 'unit' | 'role' | 'area' | 'shelter' | 'incident' | 'inject' | 'objective' | 'kind', id: string): P => ({ ref: kind, id });

/** The value of a metric in its own terms: a time since T0, a duration, a share, a count or days. */
export { metricParam } from './words.js';

function roleOfArea(sc: Scenario, area: string): string | null {
  return sc.roles.find((r) => r.area === area && r.declares.length > 0)?.id ?? sc.roles.find((r) => r.area === area)?.id ?? null;
}

/** The role that may declare `level` in an area: the nearest, from the area up its parents (legacy three tiers: the district declares level 1). */
function declarerOf(sc: Scenario, area: string, level: number): string | null {
  const seen = new Set<string>();
  for (let a: string | undefined = area; a !== undefined && !seen.has(a); a = sc.areas.find((x) => x.id === a)?.parent) {
    seen.add(a);
    const r = sc.roles.find((x) => x.area === a && x.declares.includes(level));
    if (r) return r.id;
  }
  return null;
}

function responsible(sc: Scenario, o: Objective): string | null {
  const of = o.criterion.of;
  if (of === undefined) return null;
  const zone = sc.evacuation.zones.find((z) => z.id === of);
  if (zone) return roleOfArea(sc, zone.area);
  const inj = sc.injects.find((i) => i.id === of);
  if (inj) return inj.to;
  const inc = sc.incidents.find((i) => i.id === of);
  if (inc) return roleOfArea(sc, inc.area);
  const shelter = sc.evacuation.shelters.find((x) => x.id === of);
  if (shelter) return roleOfArea(sc, shelter.area);
  if (sc.areas.some((a) => a.id === of)) return (o.criterion.metric === 'level_declared_s' ? declarerOf(sc, of, 1) : null) ?? roleOfArea(sc, of);
  return null;
}

/**
 * When what an objective asks for fell due (s since T0): its deadline, a level's or a request's time, an hour (its
 * threshold) from the incident's report or the inject's delivery; undefined for a figure of the whole run (people
 * lost, a mean wait), which no one moment decides.
 */
function dueOf(rv: Review, c: ObjectiveRow['spec']['criterion']): number | undefined {
  if (c.by !== undefined) return c.by;
  if (c.metric === 'level_declared_s' || c.metric === 'support_requested_s') return c.threshold;
  if (c.metric === 'first_on_scene_s' || c.metric === 'contained_s') {
    const i = rv.incidents.find((x) => x.id === c.of);
    return i ? i.reported_t + c.threshold : undefined;
  }
  if (c.metric === 'decision_latency_s') {
    const r = rv.injects.find((x) => x.id === c.of);
    return r && r.delivered_t !== null ? r.delivered_t + c.threshold : undefined;
  }
  return undefined;
}

/**
 * An objective not yet missed where the log ends, its time still running then (a session saved part-way, a run
 * stopped with --until): the first unit not yet on scene 20 minutes after the report, with 1 h allowed; no level
 * declared yet at T+03:30, due by T+04:00; 10 % of a zone in shelter at T+03:30 where 55 % is asked for by
 * T+05:00 (a share in shelter only grows). Its rating is the value as it stood (U), but the log cannot say it
 * was missed, so it is no area for improvement. Returns the time the criterion counts from (null for a time of
 * day or a deadline) and the limit (s since T0), or null.
 */
export function objectiveOpenAtEnd(rv: Review, o: Pick<ObjectiveRow, 'spec' | 'result'>): { from: number | null; by: number } | null {
  const c = o.spec.criterion;
  if (o.result.rating === null || o.result.met) return null;
  if (c.metric === 'evacuated_share') return c.comparator.startsWith('>') && c.by !== undefined && c.by > rv.t_end ? { from: null, by: c.by } : null;
  if (o.result.value !== null || !c.comparator.startsWith('<')) return null;
  if (c.metric === 'level_declared_s' || c.metric === 'support_requested_s') return c.threshold > rv.t_end ? { from: null, by: c.threshold } : null;
  let from: number | undefined;
  if (c.metric === 'first_on_scene_s') from = rv.incidents.find((i) => i.id === c.of && i.first_on_scene_s === null)?.reported_t;
  // dug out within 10 h of the report, read half an hour after it: as open as the first unit's hour
  else if (c.metric === 'contained_s') from = rv.incidents.find((i) => i.id === c.of && i.contained_s === null)?.reported_t;
  else if (c.metric === 'decision_latency_s') {
    const r = rv.injects.find((x) => x.id === c.of);
    from = r && r.done_t === null && !r.expired && !r.skipped ? r.delivered_t ?? undefined : undefined;
  }
  return from !== undefined && from + c.threshold > rv.t_end ? { from, by: from + c.threshold } : null;
}

/**
 * Is a criterion met at `t` met for good, whatever the run does after? A moment that has come (a level declared, a
 * request made, an inject answered, one incident reached or contained) or a share read at a deadline already
 * past; not a figure that may still grow or change (people lost, a worst or mean wait over many incidents).
 */
export function settledAt(sc: Scenario, t: number, c: ObjectiveRow['spec']['criterion']): boolean {
  switch (c.metric) {
    case 'level_declared_s': case 'support_requested_s': case 'decision_latency_s': return true;
    case 'first_on_scene_s': case 'contained_s': return c.of !== undefined && sc.incidents.some((i) => i.id === c.of);
    case 'evacuated_share': case 'resolved_share': return c.by !== undefined && c.by <= t;
    default: return false;
  }
}

function findings(sc: Scenario, rv: Review, objectives: ObjectiveRow[]): { strengths: Finding[]; improvements: Finding[] } {
  const strengths: Finding[] = [];
  const improvements: Finding[] = [];
  const f = (key: string, params: Record<string, P>, more: Partial<Finding> = {}): Finding => ({ key, params, capability: null, element: null, org: null, action: null, evidence: [], ...more });
  const capOf = (metric: string) => objectives.find((o) => o.spec.criterion.metric === metric)?.spec.capability ?? null;
  // a full shelter belongs to the capability of an evacuation objective whose zone it takes in, not to the first
  // evacuation objective's (the fishing fleet's, Public Information and Warning, for Cửa Lò's schools)
  const capOfShelter = (id: string) => objectives.find((o) => o.spec.criterion.metric === 'evacuated_share'
    && sc.evacuation.zones.some((z) => z.id === o.spec.criterion.of && z.shelters.includes(id)))?.spec.capability ?? capOf('evacuated_share');
  const capOfZone = (id: string) => objectives.find((o) => o.spec.criterion.metric === 'evacuated_share' && o.spec.criterion.of === id)?.spec.capability ?? capOf('evacuated_share');
  // no objective measuring them: HSEEP's capability for declaring a level and asking for support, as for such an order refused
  const capLevel = capOf('level_declared_s') ?? OPERATIONAL_COORDINATION;
  const capSupport = capOf('support_requested_s') ?? OPERATIONAL_COORDINATION;
  // a refused order belongs to the capability of the objective that measures what it would have done, or else to
  // HSEEP's for that kind of order (exercise control's own orders are no core capability: their element is Exercises)
  const capOfOrder = (cmd: string, args: Record<string, unknown>): string => {
    switch (cmd) {
      case 'dispatch': case 'recall': return capOf('first_on_scene_s') ?? capOf('people_lost') ?? OPERATIONAL_COORDINATION;
      case 'evacuate': return capOfZone(String(args.zone)) ?? 'Critical Transportation';
      case 'open_shelter': return capOfShelter(String(args.shelter)) ?? 'Mass Care Services';
      case 'declare_level': return capLevel;
      case 'request_support': return capSupport;
      case 'close_road': case 'open_road': return 'Critical Transportation';
      case 'public_info': case 'sea_ban': return 'Public Information and Warning';
      default: return OPERATIONAL_COORDINATION;
    }
  };
  // an inject's findings belong to the capability of its objectives, or else to that of the action it expected, as
  // for such an order refused (Trường Vinh's late evacuation order, Critical Transportation)
  const capOfInjectAction = (id: string): string | null => {
    const own = capOfInject(sc, rv, objectives, id);
    if (own !== null) return own;
    const e = injectSpec(sc, rv, id)?.expected;
    return e ? capOfOrder(e.do, e as Record<string, unknown>) : null;
  };

  // objectives: met without challenges is a strength; anything less is an area for improvement;
  // one not tested in the run (what it measures did not come about), or still open where the log ends, is neither
  // a log stopped before the scenario's end (a session saved part-way, drill run --until): a criterion read at the
  // end whose value may still change (people lost so far, the worst wait so far) is no strength yet
  const early = rv.t_end < sc.horizon;
  for (const o of objectives) {
    if (o.result.rating === null || objectiveOpenAtEnd(rv, o)) continue;
    const c = o.spec.criterion;
    if (early && o.result.rating === 'P' && !settledAt(sc, rv.t_end, c)) continue;
    const moment = c.metric === 'level_declared_s' || c.metric === 'support_requested_s';
    const base = { objective: ref('objective', o.spec.id), value: metricParam(c.metric, o.result.value, objectiveBounds(o.spec)), cmp: { msg: `${moment ? 'cmpt' : 'cmp'}.${c.comparator}`, params: {} } as P, target: metricParam(c.metric, c.threshold), rating: { rating: o.result.rating } as P };
    const more = { capability: o.spec.capability, element: ELEMENT_OF_METRIC[c.metric] ?? null, org: responsible(sc, o.spec), evidence: o.evidence, due: dueOf(rv, c) };
    if (o.result.rating === 'P') strengths.push(f('f.objective.met', base, more));
    // met its criterion and still below P: the line says what P needed, or the rating reads as unexplained
    else if (o.result.met) improvements.push(f('f.objective.met_below_p', { ...base, p: metricParam(c.metric, o.spec.rating.P) }, { ...more, action: evacuationAction(sc, rv, o) }));
    else improvements.push(f(o.result.value === null ? 'f.objective.never' : 'f.objective.short', base, { ...more, action: evacuationAction(sc, rv, o) }));
  }

  // evacuation: shelters that cannot hold the share an objective asks for
  for (const o of objectives) {
    const c = o.spec.criterion;
    if (c.metric !== 'evacuated_share' || c.of === undefined) continue;
    const zone = sc.evacuation.zones.find((z) => z.id === c.of);
    if (!zone) continue;
    const capacity = zone.shelters.reduce((sum, id) => sum + (rv.shelters.find((x) => x.id === id)?.capacity ?? 0), 0);
    const target = peopleForShare(c.threshold, c.comparator, zone.population);
    if (c.comparator.startsWith('>') && capacity < target) {
      improvements.push(f('f.shelter.too_small', { zone: ref('zone', zone.id), capacity: { n: capacity }, target: { n: target }, population: { n: zone.population } }, {
        capability: o.spec.capability, element: 'equipment', org: roleOfArea(sc, zone.area),
        action: { key: 'a.shelter.add', params: { missing: { n: target - capacity }, zone: ref('zone', zone.id) } },
      }));
    }
  }

  // injects that called for an action
  const onTime: P[] = [];
  const answered: P[] = [];
  for (const r of rv.injects) {
    if (!r.expects || r.delivered_t === null || r.already || r.skipped || openAtEnd(r, rv.t_end)) continue;
    const within = r.within_s;
    if (r.done_t === null) {
      improvements.push(f('f.inject.never', { inject: ref('inject', r.id), role: ref('role', r.to), delivered: t(r.delivered_t) }, {
        capability: capOfInjectAction(r.id), element: 'training', org: r.to, due: r.delivered_t + (within ?? 0),
        action: within !== null ? { key: 'a.inject.within', params: { within: s(within) } } : null,
      }));
    } else if (r.expired) {
      // the option by its label, as the inject offered it (its id where the scenario has no such option)
      const label = injectSpec(sc, rv, r.id)?.decision?.options.find((o) => o.id === r.option)?.label;
      improvements.push(f('f.inject.expired', { inject: ref('inject', r.id), role: ref('role', r.to), option: label !== undefined ? { text: label } : { raw: r.option ?? '' } }, {
        capability: capOfInjectAction(r.id), element: 'training', org: r.to, due: r.delivered_t + (within ?? 0),
      }));
    } else if (r.on_time === false) {
      // taken by another role than the one it came to (a neighbour's units, once the addressee's order was refused):
      // "Tri Lễ chair took the expected action after 5 h 15 min" credited the addressee with what it never did
      const other = r.done_by !== null && r.done_by !== r.to;
      improvements.push(f(other ? 'f.inject.late_other' : 'f.inject.late', { inject: ref('inject', r.id), role: ref('role', r.to), ...(other ? { by: ref('role', r.done_by!) } : {}), latency: within !== null && durationNear(r.latency_s, [within]) ? { s: r.latency_s, fine: true } : s(r.latency_s), within: s(within) }, {
        capability: capOfInjectAction(r.id), element: 'training', org: r.to, due: r.delivered_t + (within ?? 0),
        action: { key: 'a.inject.within', params: { within: s(within) } },
      }));
    } else if (r.on_time === true) {
      // an answer whose option orders nothing ("wait", "hold") came in time, but nothing was acted on
      const option = r.option !== null ? injectSpec(sc, rv, r.id)?.decision?.options.find((o) => o.id === r.option) : undefined;
      if (option && option.commands.length === 0) answered.push({ msg: 'f.inject.answer_item', params: { inject: ref('inject', r.id), option: { text: option.label } } });
      else onTime.push(ref('inject', r.id));
    }
  }
  if (onTime.length) strengths.push(f('f.inject.on_time', { n: { n: onTime.length }, list: { list: onTime } }));
  if (answered.length) strengths.push(f('f.inject.answered_in_time', { n: { n: answered.length }, list: { list: answered } }));

  // incidents: people lost, and incidents no unit ever reached (by the time a log stopped early, said so)
  const stop = early ? '_stopped' : '';
  const lostInc = rv.incidents.filter((i) => i.lost > 0).sort((a, b) => b.lost - a.lost || (a.id < b.id ? -1 : 1));
  for (const i of lostInc.slice(0, 5)) {
    improvements.push(f(i.first_on_scene_s === null ? `f.incident.lost_unreached${stop}` : 'f.incident.lost', { incident: ref('incident', i.id), lost: { n: i.lost }, people: { n: i.people }, first: s(i.first_on_scene_s), end: t(rv.t_end) }, {
      capability: capOf('people_lost') ?? capOf('first_on_scene_s'), element: 'organization', org: roleOfArea(sc, i.area),
      due: i.first_on_scene_s === null ? undefined : i.reported_t + i.first_on_scene_s,
    }));
  }
  // still at risk: the people of an unfinished incident who had survived the wait by the end
  const waiting = (i: (typeof rv.incidents)[number]) => i.people - i.rescued - i.lost;
  const open = rv.incidents.filter((i) => i.contained_s === null && waiting(i) > 0).sort((a, b) => waiting(b) - waiting(a) || (a.id < b.id ? -1 : 1));
  for (const i of open.slice(0, 5)) {
    improvements.push(f(`${i.first_on_scene_s === null ? 'f.incident.open_unreached' : 'f.incident.open'}${stop}`, { incident: ref('incident', i.id), people: { n: waiting(i) }, reported: t(i.reported_t), first: s(i.first_on_scene_s), end: t(rv.t_end) }, {
      capability: capOf('people_lost') ?? capOf('first_on_scene_s'), element: 'organization', org: roleOfArea(sc, i.area),
    }));
  }
  // incidents no unit reached, beyond those listed above
  const listed = new Set(open.slice(0, 5).map((i) => i.id));
  const unreached = rv.incidents.filter((i) => i.first_on_scene_s === null && !listed.has(i.id));
  if (unreached.length) {
    improvements.push(f(`${listed.size ? 'f.incident.unreached_other' : 'f.incident.unreached'}${stop}`, { end: t(rv.t_end), n: { n: unreached.length }, list: { list: unreached.slice(0, 8).map((i) => ref('incident', i.id)) } }, {
      capability: capOf('first_on_scene_s'), element: 'organization',
    }));
  }

  // units held up by cut roads
  for (const u of rv.units.filter((x) => x.blocked_s > 0).sort((a, b) => b.blocked_s - a.blocked_s)) {
    const cmd = sc.roles.find((r) => r.commands.includes(u.id))?.id ?? null;
    // no objective measures roads: HSEEP's capability for getting responders to the scene
    improvements.push(f('f.unit.blocked', { unit: ref('unit', u.id), blocked: s(u.blocked_s) }, { capability: 'Critical Transportation', element: 'planning', org: cmd }));
  }

  // shelters full; areas out of supplies
  // a shelter filling is the plan working when the zone's next open shelter takes the rest: only one that filled
  // with people of its zones left without a place anywhere (their evacuation stalled) is an issue
  for (const sh of rv.shelters.filter((x) => x.full_t !== null && x.overflow_t !== null && x.overflow_zone !== null)) {
    improvements.push(f('f.shelter.full', {
      shelter: ref('shelter', sh.id), at: t(sh.full_t!), capacity: { n: sh.capacity },
      zone: ref('zone', sh.overflow_zone!), left: { n: sh.overflow_people }, left_at: t(sh.overflow_t!),
    }, {
      capability: capOfShelter(sh.id), element: 'equipment', org: roleOfArea(sc, sh.area),
    }));
  }
  // a zone whose people waited with room in a shelter they could not reach: the roads, not the shelters, are why
  for (const z of rv.zones.filter((x) => x.cut_t !== null)) {
    improvements.push(f('f.zone.cut', { zone: ref('zone', z.id), at: t(z.cut_t!), left: { n: z.cut_people } }, {
      capability: capOfZone(z.id), element: 'planning', org: roleOfArea(sc, z.area),
      action: { key: 'a.zone.reachable', params: { zone: ref('zone', z.id) } },
    }));
  }
  // people who set off and were stranded on the road, a road on their way cut with no other open way on (engine
  // 0.8.0): the roads again, and the same remedy
  for (const z of rv.zones.filter((x) => x.stranded_t !== null)) {
    improvements.push(f(z.stranded_end > 0 ? `f.zone.stranded${stop}` : 'f.zone.stranded_then', { zone: ref('zone', z.id), at: t(z.stranded_t!), people: { n: z.stranded_people }, left: { n: z.stranded_end }, end: t(rv.t_end) }, {
      capability: capOfZone(z.id), element: 'planning', org: roleOfArea(sc, z.area),
      action: { key: 'a.zone.reachable', params: { zone: ref('zone', z.id) } },
    }));
  }
  // people a cut road turned to another of their zone's shelters, and the zone's evacuation came to no harm by the
  // roads: nobody stranded on the road, nobody left waiting behind cut roads, nobody caught. Where any of that
  // happened its own finding says so, and praise of the plan beside it would read as a contradiction
  for (const z of rv.zones.filter((x) => x.switched_t !== null && x.stranded_t === null && x.cut_t === null && !(x.caught !== null && x.caught > 0))) {
    strengths.push(f('f.zone.switched', {
      zone: ref('zone', z.id), at: t(z.switched_t!), people: { n: z.switched_people },
      from: { list: z.switched_from.map((id) => ref('shelter', id)) }, to: { list: z.switched_to.map((id) => ref('shelter', id)) },
    }, { capability: capOfZone(z.id) }));
  }
  for (const a of rv.areas) {
    if (a.stock_out_t !== null) improvements.push(f('f.stock.out', { area: ref('area', a.id), at: t(a.stock_out_t) }, { capability: SUPPLIES, element: 'equipment', org: roleOfArea(sc, a.id) }));
    else if (a.isolated_s > 0 && a.stock_days_left !== null && a.stock_days_left < 3) {
      // a log stopped early: what was left where it ends, not "at the end" of a run that went on
      improvements.push(f(`f.stock.low${stop}`, { area: ref('area', a.id), isolated: s(a.isolated_s), days: { days: a.stock_days_left }, end: t(rv.t_end) }, { capability: SUPPLIES, element: 'equipment', org: roleOfArea(sc, a.id) }));
    }
  }

  // civil-defence levels and support, against capacity exceeded
  // the scenario's own plan says how soon: doctrine's thresholds (a level within an hour when it sets none)
  const supportAfter = sc.doctrine.request_support_after;
  const declareAfter = sc.doctrine.declare_when_short ?? 3600;
  // prompt by the plan's clock is no strength where the exercise's own objective for it rated the same act below P
  // (Tà Cạ's support asked 30 min after its second shortfall, and "before T+04:00" rated S, read as both)
  const belowP = (metric: string, area: string) => objectives.some((o) => o.spec.criterion.metric === metric && o.spec.criterion.of === area
    && o.result.rating !== null && o.result.rating !== 'P');
  // a shortfall still open when the log ends lasted at least that long, not that long: "for 2 h" of a run stopped two
  // hours in read as a spell that had ended
  const lasted = (from: number, to: number | null): P => (to === null ? { msg: 'f.level.lasted_open', params: { d: s(rv.t_end - from) } } : s(to - from));
  for (const l of rv.levels) {
    if (l.first_short_t === null) continue;
    const declarer = declarerOf(sc, l.area, 1);
    const decl = l.declarations.find((d) => d.level >= 1);
    // timed from the shortfall it answered (level-metrics.ts): a first one support covered hours before is not it
    if (decl && decl.delay_s !== null && decl.short_since !== null) {
      const p = { area: ref('area', l.area), short: t(decl.short_since), at: t(decl.t), by: ref('role', decl.by), delay: s(decl.delay_s), level: { n: decl.level } };
      if (decl.delay_s > declareAfter) improvements.push(f('f.level.late', p, { capability: capLevel, element: 'training', org: decl.by, due: decl.short_since + declareAfter, action: { key: 'a.level.within', params: { within: s(declareAfter) } } }));
      else if (!belowP('level_declared_s', l.area)) strengths.push(f('f.level.prompt', p, { capability: capLevel }));
    }
    // a shortfall calls for a level only when it lasted longer than the plan gives for declaring one: one that
    // support covered sooner is the plan working. One before the declaration (not the one it answered) went unanswered.
    const unanswered = l.short.find(([from, to]) => (to ?? rv.t_end) - from > declareAfter
      && (!decl || from < decl.t && from !== decl.short_since));
    if (unanswered && declarer !== null) {
      const [from, to] = unanswered;
      improvements.push(f(decl ? 'f.level.never_then' : 'f.level.never', { area: ref('area', l.area), short: t(from), lasted: lasted(from, to), within: s(declareAfter) }, {
        capability: capLevel, element: 'training', org: declarer, due: from + declareAfter,
      }));
    } else if (unanswered && !decl) {
      // no role in the scenario may declare level 1 there (nor in an area above it): nobody failed to, the plan has
      // no one to; a gap in the plan, which is what an exercise is for finding, not a shortfall to leave unsaid
      const [from, to] = unanswered;
      improvements.push(f('f.level.no_declarer', { area: ref('area', l.area), short: t(from), lasted: lasted(from, to), within: s(declareAfter) }, {
        capability: capLevel, element: 'planning', org: null,
        action: { key: 'a.level.assign', params: { area: ref('area', l.area), level: { n: 1 } } },
      }));
    }
    if (l.support && l.support.delay_s !== null && l.support.short_since !== null) {
      const p = { area: ref('area', l.area), short: t(l.support.short_since), at: t(l.support.t), by: ref('role', l.support.by), delay: s(l.support.delay_s) };
      if (l.support.delay_s > supportAfter) improvements.push(f('f.support.late', p, { capability: capSupport, element: 'training', org: l.support.by, due: l.support.short_since + supportAfter, action: { key: 'a.support.within', params: { within: s(supportAfter) } } }));
      else if (!belowP('support_requested_s', l.area)) strengths.push(f('f.support.prompt', p, { capability: capSupport }));
    }
  }

  // orders refused: a trainee tried something the rules did not allow. Not an order an answer's option gave
  // that found the thing already so: the answer was taken, and there was nothing left for its order to do.
  // Exercise control's orders (author controller, even in a role doctrine plays) are exercise control's
  // issue (element Exercises), not the trainees'.
  for (const d of rv.decisions) {
    if (!d.refused || (d.author !== 'trainee' && d.author !== 'controller')) continue;
    if (d.order_of && d.refused.code === 'no-change') continue;
    const control = d.author === 'controller' && d.role !== CONTROLLER;
    const params: Record<string, P> = { role: ref('role', d.role), at: t(d.t), cmd: { cmd: d.do, args: d.args }, code: { code: d.refused.code, reason: d.refused.reason } };
    if (d.order_of) {
      const { inject, option } = d.order_of;
      const label = injectSpec(sc, rv, inject)?.decision?.options.find((o) => o.id === option)?.label;
      params.inject = ref('inject', inject);
      params.option = label !== undefined ? { text: label } : { raw: option };
    }
    const key = `f.decision.refused${control ? '_control' : ''}${d.order_of ? '_order' : ''}`;
    improvements.push(f(key, params, {
      capability: control ? null : capOfOrder(d.do, d.args), element: d.author === 'controller' ? 'exercises' : 'training', org: d.author === 'controller' ? CONTROLLER : d.role,
    }));
  }

  return { strengths, improvements };
}

/** HSEEP's core capability for coordinating the response: levels declared, support asked for, when no objective measures them */
const OPERATIONAL_COORDINATION = 'Operational Coordination';

/** HSEEP's core capability for an area's supplies running out: no objective measures them */
const SUPPLIES = 'Logistics and Supply Chain Management';

/** An inject's spec: the scenario's, or one exercise control added in play. */
function injectSpec(sc: Scenario, rv: Review, id: string): Inject | undefined {
  return sc.injects.find((i) => i.id === id) ?? rv.added.find((a) => a.spec.id === id)?.spec;
}

function capOfInject(sc: Scenario, rv: Review, objectives: ObjectiveRow[], id: string): string | null {
  const objs = injectSpec(sc, rv, id)?.objectives ?? [];
  return objectives.find((o) => objs.includes(o.spec.id))?.spec.capability ?? null;
}

/**
 * People a share of a zone's population comes to, as the criterion compares: at least 55 % of 1,400 is 770
 * (0.55 * 1400 is 770.0000000000001 in floating point: not 771), more than 50 % of 10 is 6.
 */
export function peopleForShare(share: number, comparator: string, population: number): number {
  const exact = Math.min(1, share) * population;
  const n = comparator === '>' ? Math.floor(exact + 1e-9) + 1 : Math.ceil(exact - 1e-9);
  return Math.min(population, Math.max(0, n));
}

/**
 * For an evacuation objective rated below P: when the order was needed for the share rated P (performed
 * without challenges: an objective rated S may have met its criterion, and the time for the criterion's share
 * would be no later than its order), from the zone's own rate (as the engine moves people: per step, slower
 * with more vulnerable people), its warning time, and the last group's trip to the zone's first shelter an open
 * road leads to with every road open (engine 0.7.0), before the objective's deadline or the hazard reaching the zone,
 * whichever came first in the run. None when the order came in time for that share: then
 * the order's time was not what fell short (a full shelter, say, which is a finding of its own).
 */
function evacuationAction(sc: Scenario, rv: Review, o: ObjectiveRow): Finding['action'] {
  const c = o.spec.criterion;
  if (c.metric !== 'evacuated_share' || c.of === undefined || !c.comparator.startsWith('>')) return null;
  const zone = sc.evacuation.zones.find((z) => z.id === c.of);
  if (!zone) return null;
  // the people must be out before the hazard reaches them, when it came before the deadline (a dike seeping at
  // T+18:00 into hamlets the objective reads at T+22:00): an order timed for the deadline would come after it
  const struck = rv.zones.find((z) => z.id === zone.id)?.struck_t ?? null;
  const by = c.by ?? rv.t_end;
  const early = struck !== null && struck < by;
  const deadline = early ? struck : by;
  const step = sc.evacuation.step;
  const perStep = Math.max(1, Math.floor((zone.rate_people_per_hour * step * (1 - 0.5 * zone.vulnerable_share)) / 3600));
  const share = Math.min(1, o.spec.rating.P);
  const target = peopleForShare(share, c.comparator, zone.population);
  // the last group sets off at the last step it takes, and is in the shelter when its trip is over
  const model = new Model(sc);
  let trip_s = 0;
  for (const sid of zone.shelters) {
    const trip = model.tripSeconds(zone.id, sid, {}, 0);
    if (trip !== null) { trip_s = trip; break; }
  }
  const needed_s = zone.warning + (Math.max(1, Math.ceil(target / perStep)) - 1) * step + trip_s;
  const latest = deadline - needed_s;
  const ordered = rv.zones.find((z) => z.id === zone.id)?.ordered_t ?? null;
  if (ordered !== null && ordered <= latest) return null;
  return {
    key: `a.evacuate.by${ordered === null ? '_never' : ''}${early ? '_struck' : ''}`,
    params: { zone: ref('zone', zone.id), latest: t(latest), ...(early ? { struck: t(struck) } : {}), ordered: ordered === null ? { s: null } : t(ordered), needed: s(needed_s), target: { n: target }, share: { pct: share } },
  };
}

/** The decisions a run log holds for after the run stopped (drill run --until with a decisions file): never played. */
function afterStop(log: RunLog): { n: number; first: number } | null {
  const late = log.decisions.map((d) => d.at).filter((at): at is number => typeof at === 'number' && at > log.until);
  return late.length ? { n: late.length, first: Math.min(...late) } : null;
}
