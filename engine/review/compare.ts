/**
 * Two runs side by side: where their event streams first part (index, time,
 * both events), which decisions one was given and the other was not (and
 * the first of them), which decisions were taken in the runs (doctrine
 * included) that differ, and their figures and objective ratings.
 */
import { sameStart } from '../replay/divergence.js';
import { sha256Hex } from '../core/hash.js';
import { chainOf } from '../sim/log.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunLog } from '../sim/run.js';
import type { LogEvent, NotTested, ObjectiveResult, Rating, Summary } from './metrics.js';
import { objectiveOpenAtEnd, settledAt } from './aar.js';
import { endOf, reviewEvents, stoppedEarly, type EarlyStop, type Review } from './review.js';

/**
 * One run's side of an objective in a comparison; rating null when it was not tested there. `open_at_end`: not yet
 * due where that log ends (a run stopped early): its rating is the value as it stood (U), but the log cannot say it
 * was missed; `by` when it falls due, `from` the moment its time counts from (objectiveOpenAtEnd, as the report reads it).
 */
export interface ObjectiveSide { value: number | null; rating: Rating | null; met: boolean; not_tested?: NotTested; open_at_end?: { from: number | null; by: number }; so_far?: true }

/**
 * `joined`: only for a fork in which a player took a role over part-way (role -> time; doctrine played it before).
 * `hash_ok`: the log's hash chain matches its events; `scenario_ok`: its embedded scenario matches its hash (else the
 * log was changed after the run, as the report warns at its top).
 */
export interface RunSide { hash_ok: boolean; scenario_ok: boolean; engine: string; seed: number; scenario: string; scenario_hash: string; players: string[]; joined?: Record<string, number>; varied?: { key: string; value: string }; events: number; hash: string; summary: Summary }
export interface DecisionRecord { at: number; role: string; author: string; do: string; [k: string]: unknown }
export interface TakenRecord { t: number; role: string; author: string; do: string; [k: string]: unknown }

export interface Comparison {
  a: RunSide;
  b: RunSide;
  same_scenario: boolean;
  same_seed: boolean;
  /** written by the same engine version (another one may count the same inputs differently) */
  same_engine: boolean;
  same_players: boolean;
  /** a run that stopped before the end (drill run --until, a play session saved part-way): where and why; null: it ran to the end */
  stopped: { a: EarlyStop | null; b: EarlyStop | null };
  /** both end at the same time: otherwise what one run counts after the other stopped is not a difference of decisions */
  same_end: boolean;
  identical: boolean;
  /** first index where the event lines differ; an event is null where that log has ended */
  divergence: { index: number; t: number; a: LogEvent | null; b: LogEvent | null } | null;
  /** the decisions the runs were given */
  given: { only_a: DecisionRecord[]; only_b: DecisionRecord[]; first: { side: 'a' | 'b'; decision: DecisionRecord } | null };
  /** every decision taken during the runs (trainees, control, doctrine, defaults) */
  taken: { only_a: TakenRecord[]; only_b: TakenRecord[] };
  figures: { key: string; kind: 'n' | 's' | 'share'; a: number | null; b: number | null }[];
  /** rating null: not tested in that run (`not_tested` says why); a side null: that run's scenario has no such objective */
  objectives: { id: string; a: ObjectiveSide | null; b: ObjectiveSide | null }[];
}

/** Decisions one list has and the other has not, as multisets keyed by their full text. */
function difference<T>(a: T[], b: T[]): { only_a: T[]; only_b: T[] } {
  const key = (x: T) => JSON.stringify(x);
  const count = new Map<string, number>();
  for (const x of b) count.set(key(x), (count.get(key(x)) ?? 0) + 1);
  const only_a: T[] = [];
  for (const x of a) {
    const n = count.get(key(x)) ?? 0;
    if (n > 0) count.set(key(x), n - 1); else only_a.push(x);
  }
  const countA = new Map<string, number>();
  for (const x of a) countA.set(key(x), (countA.get(key(x)) ?? 0) + 1);
  const only_b: T[] = [];
  for (const x of b) {
    const n = countA.get(key(x)) ?? 0;
    if (n > 0) countA.set(key(x), n - 1); else only_b.push(x);
  }
  return { only_a, only_b };
}

function taken(events: LogEvent[]): TakenRecord[] {
  return events.filter((e) => e.type === 'decision').map(({ t, type: _type, ...rest }) => ({ t, ...rest }) as TakenRecord);
}

export function compareRuns(a: { log: RunLog; scenario: Scenario; events: LogEvent[] }, b: { log: RunLog; scenario: Scenario; events: LogEvent[] }): Comparison {
  const ra = reviewEvents(a.scenario, a.events, endOf(a.log));
  const rb = reviewEvents(b.scenario, b.events, endOf(b.log));
  const side = (x: typeof a, s: Summary): RunSide => ({
    hash_ok: chainOf(x.log.events, (x.log.keyframes ?? []).map((k) => k.events)).hash === x.log.hash, scenario_ok: sha256Hex(x.log.scenario.text) === x.log.scenario.hash,
    engine: x.log.engine, seed: x.log.seed, scenario: x.log.scenario.id, scenario_hash: x.log.scenario.hash, players: x.log.players, ...(x.log.joined ? { joined: x.log.joined } : {}), ...(x.log.varied ? { varied: x.log.varied } : {}), events: x.log.events.length, hash: x.log.hash, summary: s });

  let divergence: Comparison['divergence'] = null;
  const n = Math.max(a.log.events.length, b.log.events.length);
  for (let i = 0; i < n; i++) {
    if (a.log.events[i] === b.log.events[i]) continue;
    const ea = a.events[i] ?? null, eb = b.events[i] ?? null;
    // who played is set-up, not the course of events (a fork's new player)
    if (ea?.type === 'run.start' && eb?.type === 'run.start' && sameStart(ea, eb)) continue;
    divergence = { index: i, t: Math.min(ea?.t ?? Infinity, eb?.t ?? Infinity), a: ea, b: eb };
    break;
  }

  const given = difference(a.log.decisions as DecisionRecord[], b.log.decisions as DecisionRecord[]);
  const firsts = [...given.only_a.map((d) => ({ side: 'a' as const, decision: d })), ...given.only_b.map((d) => ({ side: 'b' as const, decision: d }))]
    .sort((x, y) => x.decision.at - y.decision.at || (x.side < y.side ? -1 : 1));

  const sa = ra.summary, sb = rb.summary;
  const fig = (key: string, kind: 'n' | 's' | 'share', get: (s: Summary) => number | null) => ({ key, kind, a: get(sa), b: get(sb) });
  const share = (x: number, of: number) => (of > 0 ? x / of : null);
  const figures = [
    fig('incidents.reported', 'n', (s) => s.incidents.reported),
    fig('incidents.contained', 'n', (s) => s.incidents.contained),
    fig('incidents.resolved', 'n', (s) => s.incidents.resolved),
    fig('people.at_risk', 'n', (s) => s.people.at_risk),
    fig('people.rescued', 'n', (s) => s.people.rescued),
    fig('people.lost', 'n', (s) => s.people.lost),
    fig('people.still_at_risk', 'n', (s) => s.people.still_at_risk),
    fig('people.evacuated', 'n', (s) => s.people.evacuated),
    fig('people.rescued_share', 'share', (s) => share(s.people.rescued, s.people.at_risk)),
    fig('response.mean_first_on_scene_s', 's', (s) => s.response.mean_first_on_scene_s),
    fig('response.max_first_on_scene_s', 's', (s) => s.response.max_first_on_scene_s),
    fig('response.mean_dispatch_s', 's', (s) => s.response.mean_dispatch_s),
    fig('decisions.taken', 'n', (s) => s.decisions.taken),
    fig('decisions.refused', 'n', (s) => s.decisions.refused),
    fig('decisions.no_change', 'n', (s) => s.decisions.no_change),
  ];
  const objSide = (x: ObjectiveResult, sc: Scenario, rv: Review): ObjectiveSide => {
    const spec = sc.objectives.find((o) => o.id === x.id);
    const open = spec ? objectiveOpenAtEnd(rv, { spec, result: x }) : null;
    // read at an early stop, a figure that may still change (people lost so far, a worst wait so far): rated as it stood
    const soFar = spec !== undefined && open === null && x.rating !== null && rv.t_end < sc.horizon && !settledAt(sc, rv.t_end, spec.criterion);
    return { value: x.value, rating: x.rating, met: x.met, ...(x.not_tested ? { not_tested: x.not_tested } : {}), ...(open ? { open_at_end: open } : {}), ...(soFar ? { so_far: true as const } : {}) };
  };
  const objectives: Comparison['objectives'] = sa.objectives.map((o) => {
    const other = sb.objectives.find((x) => x.id === o.id);
    return { id: o.id, a: objSide(o, a.scenario, ra), b: other ? objSide(other, b.scenario, rb) : null };
  });
  // runs of two versions of a scenario (drill compare refuses two scenarios): b's own objectives are shown too, not dropped
  for (const o of sb.objectives) if (!sa.objectives.some((x) => x.id === o.id)) objectives.push({ id: o.id, a: null, b: objSide(o, b.scenario, rb) });

  return {
    a: side(a, sa), b: side(b, sb),
    same_scenario: a.log.scenario.hash === b.log.scenario.hash,
    same_seed: a.log.seed === b.log.seed,
    same_engine: a.log.engine === b.log.engine,
    same_players: JSON.stringify(a.log.players) === JSON.stringify(b.log.players) && JSON.stringify(a.log.joined ?? {}) === JSON.stringify(b.log.joined ?? {}),
    stopped: { a: stoppedEarly(a.log, a.scenario.horizon), b: stoppedEarly(b.log, b.scenario.horizon) },
    same_end: endOf(a.log) === endOf(b.log),
    identical: divergence === null && a.log.hash === b.log.hash,
    divergence,
    given: { ...given, first: firsts[0] ?? null },
    taken: difference(taken(a.events), taken(b.events)),
    figures, objectives,
  };
}
