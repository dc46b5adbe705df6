/**
 * A batch's results: one record per run (its seed, metrics and objective
 * ratings), the aggregates over them, and the results file that holds both
 * (`drillsim/batch@1`, JSON with one run per line). The file depends only on
 * what was asked (scenario, seed, runs, decisions, sweep) and never on how
 * it was computed: no times, no worker counts. So a batch gives the same
 * bytes on 1 or 8 workers, and the merge of its shards gives the bytes of
 * the unsharded batch.
 */
import type { AreaBottleneck, Bottlenecks, NotTested, Rating, Summary, UnitBottleneck } from '../review/metrics.js';
import { textIn, type Lang } from '../scenario/text.js';
import type { Scenario, Text } from '../scenario/schema.js';
import { metricStats, proportion, type MetricStats, type Proportion } from './stats.js';
import { SEED_FORMULA, type Shard } from './seeds.js';
import { say } from './words.js';
import { CLOCK_METRICS } from './format.js';

export const BATCH_FORMAT = 'drillsim/batch@1';

/** The figures kept from each run, in the order they are shown. */
export const RUN_METRICS = {
  people_lost: 'people lost',
  people_rescued: 'people rescued',
  people_at_risk: 'people at risk (in incidents)',
  people_still_at_risk: 'people still at risk at the end (neither rescued nor lost)',
  people_evacuated: 'people in shelters at the end',
  mean_first_on_scene_s: 'mean time from report to the first unit on scene, s',
  max_first_on_scene_s: 'worst time from report to the first unit on scene, s',
  mean_dispatch_s: 'mean time from report to the first dispatch (waiting for a free unit), s',
  incidents_reported: 'incidents reported',
  incidents_contained: 'incidents contained',
  incidents_resolved: 'incidents resolved',
  decisions_taken: 'decisions taken',
  decisions_refused: 'decisions refused',
  decisions_no_change: 'orders of answers that found the thing already so (not among those refused)',
  objectives_met: 'objectives met',
} as const;
export type RunMetric = keyof typeof RUN_METRICS;
export const RUN_METRIC_NAMES = Object.keys(RUN_METRICS) as RunMetric[];

export interface ObjectiveOutcome {
  /** null: never happened, or not tested */
  value: number | null;
  /** null: not tested in this run */
  rating: Rating | null;
  met: boolean;
  /** only when not tested in this run: why (what the objective measures did not come about) */
  not_tested?: NotTested;
}

export interface RunRecord {
  /** job number: 1..runs for the first value of a sweep, then runs+1..2*runs, ... */
  j: number;
  /** run number within its value: 1..runs; with the same seed for every value */
  run: number;
  seed: number;
  /** the sweep value this run played (null without --vary) */
  value: string | null;
  metrics: Record<RunMetric, number | null>;
  objectives: Record<string, ObjectiveOutcome>;
  /** where the run lost time (see Bottlenecks); absent from files written before they were kept */
  areas?: Record<string, AreaBottleneck>;
  units?: Record<string, UnitBottleneck>;
}

/** A run's record: its summary and where it lost time, as runMetrics gives them. */
export function runRecord(job: { j: number; k: number; seed: number }, value: string | null, ran: { summary: Summary; bottlenecks: Bottlenecks }): RunRecord {
  const b = ran.bottlenecks;
  return { j: job.j, run: job.k, seed: job.seed, value, ...outcomeOf(ran.summary), areas: b.areas, units: b.units };
}

/** A run's figures and objectives, from its summary: a batch's run, or the session a decisions log was taken in. */
export function outcomeOf(s: Summary): Pick<RunRecord, 'metrics' | 'objectives'> {
  const metrics: Record<RunMetric, number | null> = {
    people_lost: s.people.lost,
    people_rescued: s.people.rescued,
    people_at_risk: s.people.at_risk,
    people_still_at_risk: s.people.still_at_risk,
    people_evacuated: s.people.evacuated,
    mean_first_on_scene_s: s.response.mean_first_on_scene_s,
    max_first_on_scene_s: s.response.max_first_on_scene_s,
    mean_dispatch_s: s.response.mean_dispatch_s,
    incidents_reported: s.incidents.reported,
    incidents_contained: s.incidents.contained,
    incidents_resolved: s.incidents.resolved,
    decisions_taken: s.decisions.taken,
    decisions_refused: s.decisions.refused,
    decisions_no_change: s.decisions.no_change,
    objectives_met: s.objectives.filter((o) => o.met).length,
  };
  const objectives: Record<string, ObjectiveOutcome> = {};
  for (const o of s.objectives) objectives[o.id] = { value: o.value, rating: o.rating, met: o.met, ...(o.not_tested ? { not_tested: o.not_tested } : {}) };
  return { metrics, objectives };
}

// ---------------------------------------------------------------- the file

export interface BatchHeader {
  format: string;
  engine: string;
  scenario: { id: string; title: string; hash: string };
  seed: number;
  /** runs per sweep value */
  runs: number;
  seed_formula: string;
  /** `session`: the run the decisions were taken in, where they came from its run log (DecisionsInput.session) */
  decisions: { count: number; players: string[]; hash: string; session?: Session } | null;
  vary: { key: string; values: string[] } | null;
  metrics: Record<string, string>;
  objectives: { id: string; text: string; metric: string; of: string | null; comparator: string; threshold: number }[];
  /**
   * The scenario's Vietnamese title and objective texts (by objective id), for the page and table in Vietnamese;
   * only when the scenario has Vietnamese texts. Files written before it existed have none: they show the English.
   */
  vi?: BatchTexts;
}

/** The run a decisions log was played in: its seed and outcome, placed among the batch's runs of its decisions. */
export interface Session extends Pick<RunRecord, 'metrics' | 'objectives'> { seed: number }

export interface BatchTexts { title: string; objectives: Record<string, string> }

/** Does this text have a Vietnamese version of its own (not a plain string shown in both languages)? */
const hasVi = (t: Text | undefined) => typeof t === 'object' && t !== null && typeof t.vi === 'string';

/**
 * An objective over a batch's runs. Every proportion but `met_if_tested`
 * is over all the runs: met, each rating and not tested add up (P + S + M +
 * U + not tested = 1), and a run where the objective was not tested counts
 * as not met. `met_if_tested` is over the runs where it was tested: the odds
 * of meeting it when what it measures comes about. `value` is over the
 * tested runs only ("never" counts runs tested where it never happened).
 */
export interface ObjectiveAggregate {
  met: Proportion;
  ratings: Record<Rating, Proportion>;
  not_tested: Proportion;
  met_if_tested: Proportion;
  value: MetricStats;
}

/**
 * An area over a batch's runs: incidents a run and those left unreached (over all runs, 0 where it had
 * none); the waits over the runs that had incidents there (a run whose incidents there were never
 * dispatched, or never reached, counts under `never`).
 */
export interface AreaAggregate { incidents: MetricStats; wait_s: MetricStats; first_on_scene_s: MetricStats; unreached: MetricStats }
/** A unit over the runs it played in (a sweep of its copies may leave it out of some). */
export interface UnitAggregate { busy: MetricStats; blocked: MetricStats }

/**
 * A sweep value against the first one, run for run: run k plays the same seed under every value (common random
 * numbers: the same incidents, draws and chances, as far as the change leaves them alone), so the difference
 * of run k's figures is the change's effect in that run, and the mean of those differences has a much narrower
 * interval than the two means' intervals side by side suggest. Over the runs where both values were played (a
 * shard may hold one of a pair) and, for a metric, both have a value.
 */
export interface PairedAggregate {
  /** the value compared against: the sweep's first */
  against: string;
  /** runs played under both values */
  pairs: number;
  /**
   * this value's figure less the first value's, per run; `up` and `down`: the runs where it is more and where less
   * (what the sign test reads: see signTestShows). Files written before they were kept have neither.
   */
  metrics: Record<string, PairedStats>;
  /**
   * per objective: met (1) or not (0) under this value less the same under the first, per run (the mean is the
   * change in the probability of meeting it); `gained`: runs where only this value met it, `lost`: only the first
   */
  objectives: Record<string, { met: MetricStats; gained: number; lost: number }>;
}

export type PairedStats = MetricStats & { up?: number; down?: number };

export interface Aggregate {
  value: string | null;
  runs: number;
  metrics: Record<string, MetricStats>;
  objectives: Record<string, ObjectiveAggregate>;
  /** a sweep's values after the first: the difference from the first, run for run (absent in files written before it was kept) */
  paired?: PairedAggregate;
  /** absent when the runs were written before they kept where time was lost */
  areas?: Record<string, AreaAggregate>;
  units?: Record<string, UnitAggregate>;
}

export interface BatchResults extends BatchHeader {
  /** null for a whole batch; i/n for one shard of it */
  shard: Shard | null;
  aggregates: Aggregate[];
  results: RunRecord[];
}

export function batchHeader(args: {
  engine: string; scenario: Scenario; scenarioHash: string; seed: number; runs: number;
  decisions: BatchHeader['decisions']; vary: BatchHeader['vary'];
}): BatchHeader {
  const s = args.scenario;
  return {
    format: BATCH_FORMAT,
    engine: args.engine,
    scenario: { id: s.id, title: textIn(s.title, 'en'), hash: args.scenarioHash },
    seed: args.seed,
    runs: args.runs,
    seed_formula: SEED_FORMULA,
    decisions: args.decisions,
    vary: args.vary,
    metrics: { ...RUN_METRICS },
    objectives: s.objectives.map((o) => ({
      id: o.id, text: textIn(o.text, 'en'), metric: o.criterion.metric, of: o.criterion.of ?? null,
      comparator: o.criterion.comparator, threshold: o.criterion.threshold,
    })),
    ...(hasVi(s.title) || s.objectives.some((o) => hasVi(o.text))
      ? { vi: { title: textIn(s.title, 'vi'), objectives: Object.fromEntries(s.objectives.map((o) => [o.id, textIn(o.text, 'vi')])) } }
      : {}),
  };
}

/** The scenario's title and objective texts in a language: the Vietnamese ones when the results hold them, else the English. */
export function textsIn(h: BatchHeader, lang: Lang): { title: string; objective: (id: string) => string } {
  const vi = lang === 'vi' ? h.vi : undefined;
  return {
    title: vi?.title ?? h.scenario.title,
    objective: (id) => vi?.objectives[id] ?? h.objectives.find((o) => o.id === id)?.text ?? '',
  };
}

/**
 * A sweep whose every value gave the same runs, run for run (same metrics, same objective outcomes): under
 * these decisions the parameter never came into play (a zone nobody orders out never uses its evacuation
 * rate). Three identical columns read as a finding; the planner should hear that they are not one.
 */
export function sweepWithoutEffect(r: BatchResults): boolean {
  if (!r.vary || r.vary.values.length < 2 || r.results.length === 0) return false;
  const byRun = new Map<number, { key: string; n: number }>();
  for (const x of r.results) {
    const key = JSON.stringify([x.metrics, x.objectives]);
    const seen = byRun.get(x.run);
    if (seen === undefined) byRun.set(x.run, { key, n: 1 });
    else if (seen.key !== key) return false;
    else seen.n++;
  }
  // a shard may hold a run for some values only: said only where every value of a run is here to compare
  return [...byRun.values()].every((v) => v.n === r.vary!.values.length);
}

/**
 * The metrics a table shows, each with its label: every metric of the results, but incidents contained and
 * resolved as one row when they are the same in every run. They differ by the incidents still in their mop-up
 * at the end (contained, not yet resolved: a kind's `mop_up`); where none ever is, two identical rows read as
 * two findings.
 */
export function shownMetrics(r: BatchResults, label: (metric: string) => string, bothLabel: string): { metric: string; label: string }[] {
  const names = Object.keys(r.metrics);
  const same = names.includes('incidents_contained') && names.includes('incidents_resolved') && r.results.length > 0
    && r.results.every((x) => x.metrics.incidents_contained === x.metrics.incidents_resolved);
  return names.filter((m) => !(same && m === 'incidents_resolved')).map((m) => ({ metric: m, label: same && m === 'incidents_contained' ? bothLabel : label(m) }));
}

/** Jobs a batch has in all: runs per value times values. */
export function totalJobs(h: BatchHeader): number {
  return h.runs * (h.vary ? h.vary.values.length : 1);
}

/** Aggregates per sweep value, from records sorted by job number. */
export function aggregate(h: BatchHeader, records: readonly RunRecord[]): Aggregate[] {
  const values = h.vary ? h.vary.values : [null];
  return values.map((value) => {
    const rs = records.filter((r) => r.value === value);
    const metrics: Record<string, MetricStats> = {};
    for (const m of Object.keys(h.metrics)) metrics[m] = metricStats(rs.map((r) => (r.metrics as Record<string, number | null>)[m] ?? null));
    const objectives: Record<string, ObjectiveAggregate> = {};
    for (const o of h.objectives) {
      const outs = rs.map((r) => r.objectives[o.id]).filter((x): x is ObjectiveOutcome => x !== undefined);
      const n = outs.length;
      const count = (f: (x: ObjectiveOutcome) => boolean) => outs.reduce((c, x) => c + (f(x) ? 1 : 0), 0);
      const tested = outs.filter((x) => x.rating !== null);
      const met = count((x) => x.met);
      objectives[o.id] = {
        met: proportion(met, n),
        ratings: {
          P: proportion(count((x) => x.rating === 'P'), n),
          S: proportion(count((x) => x.rating === 'S'), n),
          M: proportion(count((x) => x.rating === 'M'), n),
          U: proportion(count((x) => x.rating === 'U'), n),
        },
        not_tested: proportion(n - tested.length, n),
        met_if_tested: proportion(met, tested.length),
        value: metricStats(tested.map((x) => x.value)),
      };
    }
    return { value, runs: rs.length, metrics, objectives, ...bottleneckAggregates(rs) };
  }).map((a, i, all) => (i === 0 || a.value === null || all[0].value === null ? a : { ...a, paired: paired(h, all[0].value, a.value, records) }));
}

/** A sweep value's figures less the first value's, run for run (see PairedAggregate). */
function paired(h: BatchHeader, first: string, value: string, records: readonly RunRecord[]): PairedAggregate {
  const base = new Map<number, RunRecord>();
  for (const r of records) if (r.value === first) base.set(r.run, r);
  const pairs: [RunRecord, RunRecord][] = [];
  for (const r of records) {
    const b = r.value === value ? base.get(r.run) : undefined;
    if (b !== undefined) pairs.push([b, r]);
  }
  const metrics: Record<string, PairedStats> = {};
  for (const m of Object.keys(h.metrics)) {
    const diffs: (number | null)[] = [];
    let up = 0, down = 0;
    for (const [b, r] of pairs) {
      const x = (r.metrics as Record<string, number | null>)[m] ?? null, y = (b.metrics as Record<string, number | null>)[m] ?? null;
      const d = x === null || y === null ? null : x - y;
      diffs.push(d);
      if (d !== null && d > 0) up++;
      else if (d !== null && d < 0) down++;
    }
    metrics[m] = { ...metricStats(diffs), up, down };
  }
  const objectives: PairedAggregate['objectives'] = {};
  for (const o of h.objectives) {
    const diffs: number[] = [];
    let gained = 0, lost = 0;
    for (const [b, r] of pairs) {
      const x = r.objectives[o.id]?.met ? 1 : 0, y = b.objectives[o.id]?.met ? 1 : 0;
      diffs.push(x - y);
      if (x > y) gained++;
      else if (x < y) lost++;
    }
    objectives[o.id] = { met: metricStats(diffs), gained, lost };
  }
  return { against: first, pairs: pairs.length, metrics, objectives };
}

/** Areas and units over runs (keys in the order they first appear in the runs, which are in job order). */
function bottleneckAggregates(rs: readonly RunRecord[]): Pick<Aggregate, 'areas' | 'units'> {
  if (!rs.some((r) => r.units !== undefined)) return {};
  const areaIds = new Set<string>(), unitIds = new Set<string>();
  for (const r of rs) {
    for (const id in r.areas) areaIds.add(id);
    for (const id in r.units) unitIds.add(id);
  }
  const areas: Record<string, AreaAggregate> = {};
  for (const id of areaIds) {
    const xs = rs.map((r) => r.areas?.[id]);
    const had = xs.filter((x): x is AreaBottleneck => x !== undefined);
    areas[id] = {
      incidents: metricStats(xs.map((x) => x?.incidents ?? 0)),
      wait_s: metricStats(had.map((x) => x.wait_s)),
      first_on_scene_s: metricStats(had.map((x) => x.first_on_scene_s)),
      unreached: metricStats(xs.map((x) => x?.unreached ?? 0)),
    };
  }
  const units: Record<string, UnitAggregate> = {};
  for (const id of unitIds) {
    const xs = rs.map((r) => r.units?.[id]).filter((x): x is UnitBottleneck => x !== undefined);
    units[id] = { busy: metricStats(xs.map((x) => x.busy)), blocked: metricStats(xs.map((x) => x.blocked)) };
  }
  return { areas, units };
}

/** Areas slowest to reach first (mean time to the first unit on scene); an area no unit ever reached before all. */
export function areasBySlowness(areas: Record<string, AreaAggregate>): [string, AreaAggregate][] {
  const key = (x: AreaAggregate) => x.first_on_scene_s.mean ?? Infinity;
  return Object.entries(areas).sort((p, q) => key(q[1]) - key(p[1]) || (p[0] < q[0] ? -1 : 1));
}

/** Units busiest first (mean busy share), then by id. */
export function unitsByBusy(units: Record<string, UnitAggregate>): [string, UnitAggregate][] {
  return Object.entries(units).sort((p, q) => (q[1].busy.mean ?? 0) - (p[1].busy.mean ?? 0) || (p[0] < q[0] ? -1 : 1));
}

/**
 * Units ever busy, the busiest under any value of a sweep first: a sweep that frees one unit and loads
 * another shows both.
 */
export function busiestUnits(aggs: readonly Aggregate[]): string[] {
  const peak = new Map<string, number>();
  for (const a of aggs) for (const [id, x] of Object.entries(a.units ?? {})) peak.set(id, Math.max(peak.get(id) ?? 0, x.busy.mean ?? 0));
  return [...peak].filter(([, v]) => v > 0).sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).map(([id]) => id);
}

export function buildResults(h: BatchHeader, shard: Shard | null, records: RunRecord[]): BatchResults {
  const sorted = [...records].sort((a, b) => a.j - b.j);
  return { ...h, shard, aggregates: aggregate(h, sorted), results: sorted };
}

export const HEADER_KEYS = ['format', 'engine', 'scenario', 'seed', 'runs', 'seed_formula', 'decisions', 'vary', 'metrics', 'objectives'] as const;

/** JSON with one run per line and one aggregate per line: readable, diffable, and the same bytes for the same results. */
export function serializeResults(r: BatchResults): string[] {
  const j = JSON.stringify;
  const out: string[] = ['{'];
  for (const k of HEADER_KEYS) out.push(`${j(k)}:${j(r[k])},\n`);
  // only when there are Vietnamese texts: results of an English-only scenario keep the bytes they had before
  if (r.vi !== undefined) out.push(`"vi":${j(r.vi)},\n`);
  out.push(`"shard":${j(r.shard)},\n`);
  out.push(`"aggregates":[${r.aggregates.map((a) => '\n' + j(a)).join(',')}\n],\n`);
  out.push(`"results":[`);
  for (let i = 0; i < r.results.length; i += 1000) {
    out.push(r.results.slice(i, i + 1000).map((x, n) => (i + n === 0 ? '\n' : ',\n') + j(x)).join(''));
  }
  out.push('\n]}\n');
  return out;
}

/**
 * The CSV export of batch results (`drill batch --out F.csv`): its byte-order mark, or its first column (a BOM
 * that an editor dropped) before and since it held which batch each row is of.
 */
export function isResultsCsv(text: string): boolean {
  // a BOM before a '{' is JSON results that an editor or a Windows tool saved with one, not the CSV
  return /^\uFEFF\s*[^\s{]/.test(text.slice(0, 40)) || /^\uFEFF?\s*(run|scenario,scenario_hash),/.test(text.slice(0, 40));
}

/**
 * Batch results (`drill batch --out F.json`), known by their first bytes, before a run log's reading would refuse
 * them; and their CSV export, so that it is named as such (the results reader says so) rather than refused as a
 * run log that is 'not valid JSON'. What drill report and drill verify tell a results file from a run log by.
 */
export function isBatchResults(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"drillsim\/batch@/.test(text.slice(0, 256)) || isResultsCsv(text);
}

// ---------------------------------------------------------------- merging shards

export type MergeResult = { ok: true; results: BatchResults } | { ok: false; message: string; hint?: string };

/** The first header field two results files disagree on, for a message. */
function headerDifference(a: BatchHeader, b: BatchHeader): string | undefined {
  for (const k of HEADER_KEYS) {
    if (k === 'decisions' ? !sameDecisions(a.decisions, b.decisions) : JSON.stringify(a[k]) !== JSON.stringify(b[k])) return k;
  }
  return undefined;
}

/**
 * Do two headers record the same decisions replayed (count, players, hash)? The session a log was played in is left
 * out: a session's log and the decisions file it played give the same runs, one with the session's record, one without.
 */
export function sameDecisions(a: BatchHeader['decisions'], b: BatchHeader['decisions']): boolean {
  const played = (d: BatchHeader['decisions']) => (d === null ? null : { count: d.count, players: d.players, hash: d.hash });
  return JSON.stringify(played(a)) === JSON.stringify(played(b));
}

/**
 * Which metric columns (or objectives) one file has and the other lacks, named: a whole header
 * cut at 60 characters hides the one column that differs. Undefined when the keys are the same.
 */
function keyDifference(k: 'metrics' | 'objectives', fa: { name: string; results: BatchHeader }, fb: { name: string; results: BatchHeader }, lang: Lang): string | undefined {
  const a = fa.results, b = fb.results;
  const keys = (h: BatchHeader) => (k === 'metrics' ? Object.keys(h.metrics) : h.objectives.map((o) => o.id));
  const ka = keys(a), kb = keys(b);
  const onlyA = ka.filter((x) => !kb.includes(x)), onlyB = kb.filter((x) => !ka.includes(x));
  const what = k === 'metrics' ? 'metric' : 'objective';
  const list = (xs: string[]) => say(lang, `mg.${what}_${xs.length > 1 ? 'many' : 'one'}`, { list: xs.map((x) => `'${x}'`).join(', ') });
  const parts = [onlyA.length ? say(lang, 'mg.only_has', { file: fa.name, what: list(onlyA) }) : '', onlyB.length ? say(lang, 'mg.only_has', { file: fb.name, what: list(onlyB) }) : ''].filter(Boolean);
  if (parts.length) return parts.join('; ');
  const changed = ka.find((x, i) => x !== kb[i]) ?? ka.find((x) => JSON.stringify(k === 'metrics' ? a.metrics[x] : a.objectives.find((o) => o.id === x)) !== JSON.stringify(k === 'metrics' ? b.metrics[x] : b.objectives.find((o) => o.id === x)));
  return changed ? say(lang, `mg.${what}_differs`, { key: changed }) : undefined;
}

/**
 * Merge results files of one batch (its shards, or already merged parts of
 * it) into the whole batch: every run exactly once. The result is what the
 * unsharded batch writes, to the byte.
 */
export function mergeResults(files: { name: string; results: BatchResults }[], lang: Lang = 'en'): MergeResult {
  const w = (key: string, params: Record<string, string | number> = {}) => say(lang, key, params);
  if (files.length === 0) return { ok: false, message: w('mg.nothing') };
  const first = files[0];
  for (const f of files.slice(1)) {
    const k = headerDifference(first.results, f.results);
    if (k === 'metrics' || k === 'objectives') {
      const keyed = keyDifference(k, first, f, lang);
      if (keyed) return { ok: false, message: w('mg.not_same', { a: first.name, b: f.name, why: keyed }), hint: w(k === 'metrics' ? 'mg.metrics_hint' : 'mg.objectives_hint') };
    }
    if (k === 'scenario') {
      // a header cut at 60 characters shows the same id and title twice when only the content changed
      const a = first.results.scenario, b = f.results.scenario;
      const notSame = (why: string) => w('mg.not_same', { a: first.name, b: f.name, why });
      if (a.id !== b.id) return { ok: false, message: notSame(w('mg.scenarios', { a: a.id, b: b.id })), hint: w('mg.same_hint') };
      const titles = a.title === b.title ? w('mg.same_title') : w('mg.titles', { a: a.title, b: b.title });
      return { ok: false, message: notSame(w('mg.changed', { id: a.id, titles, a: a.hash.slice(0, 12), b: b.hash.slice(0, 12) })), hint: w('mg.changed_hint') };
    }
    if (k) {
      // in words, not JSON: '5 decisions (tc-chair)' and 'no sweep' where the header holds objects and nulls
      const show = (x: unknown) => {
        if (k === 'decisions') {
          const d = x as BatchResults['decisions'];
          // the same decisions from a session's log and from a decisions file differ by the session's record alone
          return d === null ? w('mg.show.no_decisions') : w('mg.show.decisions', { count: d.count, players: d.players.join(', '), hash: d.hash.slice(0, 12) }) + (d.session ? w('mg.show.session', { seed: d.session.seed }) : '');
        }
        if (k === 'vary') {
          const v = x as BatchResults['vary'];
          return v === null ? w('mg.show.no_vary') : `${v.key}=${v.values.join(',')}`;
        }
        const t = typeof x === 'string' ? x : JSON.stringify(x);
        return t.length > 60 ? t.slice(0, 57) + '...' : t;
      };
      return {
        ok: false,
        message: w('mg.not_same', { a: first.name, b: f.name, why: w('mg.field', { field: w(`mg.field.${k}`), a: show((first.results as any)[k]), b: show((f.results as any)[k]) }) }),
        hint: w('mg.same_hint'),
      };
    }
  }
  // a shard written before results kept the Vietnamese texts has none; its scenario hash (checked above) vouches
  // that they are the other shards' texts, so the merge is still the whole batch as this version writes it
  const withVi = files.filter((f) => f.results.vi !== undefined);
  const other = withVi.find((f) => JSON.stringify(f.results.vi) !== JSON.stringify(withVi[0].results.vi));
  if (other) return { ok: false, message: w('mg.not_same', { a: withVi[0].name, b: other.name, why: w('mg.vi_differs') }), hint: w('mg.one_scenario_hint') };
  // files written before runs kept where the time went have none: merged with newer ones, their aggregates would
  // count only some of the runs
  const kept = (f: { results: BatchResults }) => f.results.results.some((x) => x.units !== undefined);
  const withTimes = files.filter((f) => f.results.results.length > 0 && kept(f)), without = files.filter((f) => f.results.results.length > 0 && !kept(f));
  if (withTimes.length && without.length) {
    return { ok: false, message: w('mg.versions', { a: without[0].name, b: withTimes[0].name }), hint: w('mg.versions_hint', { a: without[0].name }) };
  }
  // the session of shards played from its log (others from the decisions file have none): kept, where they agree
  const withSession = files.filter((f) => f.results.decisions?.session !== undefined);
  const session = withSession[0]?.results.decisions!.session;
  const otherSession = withSession.find((f) => JSON.stringify(f.results.decisions!.session) !== JSON.stringify(session));
  if (otherSession) {
    const seeds = { a: withSession[0].name, b: otherSession.name, sa: session!.seed, sb: otherSession.results.decisions!.session!.seed };
    return { ok: false, message: w('mg.not_same', { a: seeds.a, b: seeds.b, why: w('mg.sessions', seeds) }), hint: w('mg.sessions_hint', seeds) };
  }
  const { vi: _, ...rest } = first.results;
  const decisions = first.results.decisions && session ? { ...first.results.decisions, session } : first.results.decisions;
  const header: BatchHeader = withVi.length ? { ...rest, decisions, vi: withVi[0].results.vi } : { ...rest, decisions };
  // shards of two splits (1/2 with 2/3) overlap or leave gaps: said as what they are, not as a run in both
  const sharded = files.filter((f) => f.results.shard);
  const otherSplit = sharded.find((f) => f.results.shard!.count !== sharded[0].results.shard!.count);
  if (otherSplit) {
    const [a, b] = [sharded[0], otherSplit];
    return { ok: false, message: w('mg.splits', { a: a.name, b: b.name, sa: `${a.results.shard!.index}/${a.results.shard!.count}`, sb: `${b.results.shard!.index}/${b.results.shard!.count}` }), hint: w('mg.splits_hint') };
  }
  // said of the file changed by hand, not as a shard missing or given twice
  for (const f of files) {
    const edited = editedSince(f, lang);
    if (edited) return { ok: false, ...edited };
  }
  const owner = new Map<number, string>();
  const records: RunRecord[] = [];
  for (const f of files) {
    for (const r of f.results.results) {
      const prev = owner.get(r.j);
      if (prev !== undefined) {
        // a whole batch (unsharded, or merged already) among its own shards holds every run they hold
        const whole = files.find((x) => x.results.shard === null && (x.name === prev || x === f));
        if (whole) return { ok: false, message: w('mg.whole', { a: whole.name, b: whole.name === prev ? f.name : prev }), hint: w('mg.whole_hint', { a: whole.name }) };
        return { ok: false, message: w('mg.twice', { run: describeJob(first.results, r.j, lang), a: prev, b: f.name }), hint: w('mg.twice_hint') };
      }
      owner.set(r.j, f.name);
      records.push(r);
    }
  }
  const total = totalJobs(first.results);
  if (records.length < total) {
    const missing: number[] = [];
    for (let j = 1; j <= total && missing.length < 5; j++) if (!owner.has(j)) missing.push(j);
    const shardCounts = [...new Set(files.map((f) => f.results.shard?.count).filter((c): c is number => c !== undefined))];
    const shardHint = shardCounts.length === 1
      ? w('mg.missing_shards', { list: Array.from({ length: shardCounts[0] }, (_, i) => i + 1).filter((i) => !files.some((f) => f.results.shard?.index === i)).map((i) => `${i}/${shardCounts[0]}`).join(', ') })
      : w('mg.every_shard');
    return {
      ok: false,
      message: w('mg.missing', { n: records.length, total, list: missing.map((j) => describeJob(first.results, j, lang)).join(', '), more: total - records.length > missing.length ? ', ...' : '' }),
      hint: shardHint,
    };
  }
  return { ok: true, results: buildResults(header, null, records) };
}

/**
 * A results file that lacks runs of its own shard (a line cut out), holds one twice or holds another shard's (a
 * line edited) was changed since it was written: what it lacks or holds, said of that file, and what to do; null
 * when it holds its runs, each once. drill merge says it rather than a shard missing or given twice; drill report
 * rather than showing aggregates that are not those of the runs the file holds.
 */
export function editedSince(f: { name: string; results: BatchResults }, lang: Lang = 'en'): { message: string; hint: string } | null {
  const w = (key: string, params: Record<string, string | number> = {}) => say(lang, key, params);
  const h = f.results, shard = h.shard;
  const c = coverage(h, shard, h.results);
  const whole = shard ? w('mg.of_shard', { shard: `${shard.index}/${shard.count}` }) : w('mg.of_batch');
  const list = (js: number[]) => js.slice(0, 5).map((j) => describeJob(h, j, lang)).join(', ') + (js.length > 5 ? ', ...' : '');
  const parts = [
    c.missing.length ? w('mg.file_lacks', { whole, list: list(c.missing) }) : '',
    c.twice.length ? w('mg.file_twice', { list: list(c.twice) }) : '',
    c.foreign.length ? w('mg.file_foreign', { whole, list: list(c.foreign) }) : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return {
    message: w('mg.file_edited', { file: f.name, why: parts.join(w('mg.file_and')) }),
    hint: w('mg.file_edited_hint', { command: shard ? w('mg.file_edited_shard', { shard: `${shard.index}/${shard.count}` }) : '' }),
  };
}

/** The runs the batch (or its shard) has and the file lacks, those it holds twice, and those not of its shard. */
export function coverage(h: BatchHeader, shard: Shard | null, records: readonly RunRecord[]): { missing: number[]; twice: number[]; foreign: number[] } {
  // the jobs of the batch, or of its shard (as batchJobs makes them: j with (j - 1) mod n = i - 1)
  const expected = new Set<number>();
  for (let j = shard ? shard.index : 1; j <= totalJobs(h); j += shard ? shard.count : 1) expected.add(j);
  const seen = new Set<number>();
  const twice: number[] = [], foreign: number[] = [];
  for (const r of records) {
    if (seen.has(r.j)) twice.push(r.j);
    else if (!expected.has(r.j)) foreign.push(r.j);
    seen.add(r.j);
  }
  const missing = [...expected].filter((j) => !seen.has(j));
  return { missing, twice, foreign };
}

export function describeJob(h: BatchHeader, j: number, lang: Lang): string {
  if (!h.vary) return String(j);
  const v = Math.floor((j - 1) / h.runs);
  return say(lang, 'mg.job_of', { run: (j - 1) % h.runs + 1, key: h.vary.key, value: h.vary.values[v] });
}

// ---------------------------------------------------------------- CSV

/** An area's figures in the CSV, each named with its unit (the JSON's `incidents`, `wait_s`, `first_on_scene_s`, `unreached`). */
const AREA_COLUMNS = [['incidents', 'incidents'], ['wait_s', 'wait_s'], ['first_on_scene_s', 'first_on_scene_s'], ['unreached', 'unreached_incidents']] as const;

/**
 * What an objective's value is counted in, for its CSV column (`<id>.value_<unit>`): seconds, seconds since T0
 * (a moment: when a level was declared), a share from 0 to 1, people, days.
 */
export function objectiveValueUnit(metric: string): string {
  if (CLOCK_METRICS.has(metric)) return 's_since_t0';
  if (metric.endsWith('_s')) return 's';
  if (metric.endsWith('_share')) return 'share';
  if (metric.startsWith('people_')) return 'people';
  if (metric.startsWith('stock_days')) return 'days';
  return 'value';
}

/**
 * The columns that say which batch a row is of, the same in every row, so that a CSV opened alone (or rows
 * copied into another sheet) still says it: the scenario and its hash, the engine, the master seed, the runs
 * per value, the decisions replayed. A hash is its first 12 hex digits (as `drill merge` names it) after
 * `sha256:`: alone, 12 hex digits could read to a spreadsheet as a number (`123456789012`, `12e345678901`).
 */
function batchColumns(r: BatchResults): [string, unknown][] {
  const hash = (h: string) => `sha256:${h.slice(0, 12)}`;
  return [
    ['scenario', r.scenario.id],
    ['scenario_hash', hash(r.scenario.hash)],
    ['engine', r.engine],
    ['master_seed', r.seed],
    ['runs_per_value', r.runs],
    ['decisions_hash', r.decisions ? hash(r.decisions.hash) : 'none'],
  ];
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = String(v);
  // a text a spreadsheet would run as a formula is shown as text
  if (/^[=+\-@\t\r]/.test(s) && !/^[-+]?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per run, with a byte-order mark and CRLF line ends so that spreadsheets read UTF-8 and the rows right.
 * Numbers are written as JavaScript does (a decimal point, no thousands separator): docs/batch.md says how to
 * open it where the decimal separator is a comma. Units are in the column names (`_s`: seconds, `_share`: 0 to 1).
 */
export function resultsCsv(r: BatchResults): string[] {
  const metricNames = Object.keys(r.metrics);
  const ident = batchColumns(r);
  const head = [...ident.map(([k]) => k), 'run', 'seed', ...(r.vary ? [r.vary.key] : []), ...metricNames];
  for (const o of r.objectives) head.push(`${o.id}.value_${objectiveValueUnit(o.metric)}`, `${o.id}.rating`, `${o.id}.met`, `${o.id}.not_tested`);
  // where the time went: every area and unit any run has, in the order they first appear (the aggregates' order)
  const areaIds = new Set<string>(), unitIds = new Set<string>();
  for (const x of r.results) {
    for (const id in x.areas) areaIds.add(id);
    for (const id in x.units) unitIds.add(id);
  }
  for (const id of areaIds) head.push(...AREA_COLUMNS.map(([, c]) => `area.${id}.${c}`));
  for (const id of unitIds) head.push(`unit.${id}.busy_share`, `unit.${id}.blocked_share`);
  const out = ['\uFEFF' + head.map(csvCell).join(',') + '\r\n'];
  const same = ident.map(([, v]) => csvCell(v)).join(',') + ',';
  for (const x of r.results) {
    const row: unknown[] = [x.run, x.seed, ...(r.vary ? [x.value] : []), ...metricNames.map((m) => (x.metrics as Record<string, number | null>)[m])];
    for (const o of r.objectives) {
      const oc = x.objectives[o.id];
      // not tested: no value, rating or met (it was neither met nor missed), and why
      const tested = oc !== undefined && oc.rating !== null;
      row.push(oc?.value ?? null, oc?.rating ?? null, tested ? (oc.met ? 1 : 0) : null, oc?.not_tested ?? null);
    }
    // an area without incidents in this run: none, none unreached, and no times
    for (const id of areaIds) {
      const a = x.areas?.[id];
      row.push(a?.incidents ?? (x.areas ? 0 : null), a?.wait_s ?? null, a?.first_on_scene_s ?? null, a?.unreached ?? (x.areas ? 0 : null));
    }
    for (const id of unitIds) row.push(x.units?.[id]?.busy ?? null, x.units?.[id]?.blocked ?? null);
    out.push(same + row.map(csvCell).join(',') + '\r\n');
  }
  return out;
}
