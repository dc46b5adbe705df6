/**
 * `drill verify <results.json> <scenario> [--decisions F] [--sample N]`: a batch's results file checked
 * against the scenario (and decisions file) it says it was run on, by the batch's own code:
 *
 * 1. the scenario's hash in the file's header, then the sweep and the decisions' hash (each refused with
 *    what differs and what to do: nothing is played on inputs that are not the batch's);
 * 2. the runs of the file (all, or N of them, one in every k, with --sample N) played again on the batch's
 *    worker pool with the seed the formula gives each (batch/seeds.ts) and its sweep value, each record
 *    compared with the file's as the batch writes it;
 * 3. the aggregates recomputed from the file's runs (all of them) and compared with the file's;
 * 4. the header's other fields (titles, objective texts) and which runs the file holds;
 * 5. when all that matches, the file's bytes against what the batch writes for it.
 *
 * Exit 0 when all match; 1 with the first runs and figures that differ, and a summary.
 */
import { batchHeader, buildResults, totalJobs, type BatchHeader, type BatchResults, type RunRecord } from '../batch/results.js';
import { readResults } from '../batch/read-results.js';
import { aggregateDifferences, coverage, headerDifferences, jobOf, layoutDifference, runDifference, sampleIndices, type RunDifference } from '../batch/verify.js';
import { parseVarySpec, varyScenario, type VarySpec } from '../batch/vary.js';
import { sha256Hex } from '../core/hash.js';
import { canonicalScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { textIn, type Lang } from '../scenario/text.js';
import type { DecisionsInput } from '../sim/decisions.js';
import { ENGINE_VERSION } from '../version.js';
import { BatchRunError, runPool } from './batch-pool.js';
import { decisionsHeader, loadDecisionsFor } from './batch.js';
import { InputError } from './io.js';
import { loadScenario, ReportedError } from './load.js';
import { say } from './messages.js';
import { decimal, ProgressBar } from './progress.js';
import { nodeSha256Hex } from './sha256.js';
import { shellArg } from './shell.js';
import { StaleGeneratedStepperError } from '../core/errors.js';

/**
 * The header's decisions for the file given: the session's record is checked only where both the results and the
 * decisions given have one. A decisions file (YAML) has no session to check, so the results' record stands as it
 * is; results of a decisions file (or of an engine before sessions were kept) have none, and the log of the session
 * that file was played in gives the same decisions, as the docs say (its session is not the results' to hold).
 */
function expectedDecisions(dec: DecisionsInput, r: BatchResults): NonNullable<BatchHeader['decisions']> {
  const { session, ...d } = decisionsHeader(dec);
  const kept = r.decisions?.session;
  return kept === undefined ? d : { ...d, session: session ?? kept };
}

/** Runs (and aggregate figures, and fields of a run) shown before '... and N more'. */
const SHOWN = 5;
const FIELDS_SHOWN = 4;

export interface ResultsCheck { scenario: string; decisions?: string; sample?: number; workers: number; lang: Lang }

const out = (line: string) => process.stdout.write(line + '\n');
const short = (hash: string) => hash.slice(0, 12);

export async function verifyResults(file: string, text: string, o: ResultsCheck): Promise<number> {
  const { lang } = o;
  const read = readResults(text, lang);
  if (!read.ok) throw new InputError(file, read.message, read.hint, undefined, read.at);
  const r = read.results;
  const base = loadScenario(o.scenario, lang);
  const refuse = (reason: string, hint: string) => { out(say(lang, 'verify.results.refused', { file, reason })); out(`  (${hint})`); return 1; };

  // 1. the scenario: its id, then its content
  const hash = sha256Hex(canonicalScenarioText(base));
  const title = textIn(base.title, 'en');
  if (r.scenario.id !== base.id) {
    return refuse(say(lang, 'verify.results.other-scenario', { id: r.scenario.id, title: r.scenario.title, scenario: o.scenario, sid: base.id, stitle: title }), say(lang, 'verify.results.other-scenario-hint', { id: r.scenario.id }));
  }
  if (r.scenario.hash !== hash) {
    const titles = r.scenario.title === title ? say(lang, 'verify.results.same-title') : say(lang, 'verify.results.other-title', { title });
    return refuse(say(lang, 'verify.results.scenario-changed', { id: r.scenario.id, hash: short(r.scenario.hash), scenario: o.scenario, titles, shash: short(hash) }), say(lang, 'verify.results.scenario-changed-hint', { command: batchLine(r, o) }));
  }
  // the sweep, as the header records it (its values are the labels as typed, which read back the same way)
  let scenarios: Scenario[] = [base];
  let vary: VarySpec | null = null;
  if (r.vary) {
    const text = `${r.vary.key}=${r.vary.values.join(',')}`;
    const spec = parseVarySpec(text, lang);
    const v = typeof spec === 'string' ? null : varyScenario(base, spec, lang);
    if (typeof spec === 'string' || !v?.ok) {
      const problem = typeof spec === 'string' ? spec : v && !v.ok ? v.messages.join('; ') : '';
      return refuse(say(lang, 'verify.results.vary-bad', { spec: text, scenario: o.scenario, problem }), say(lang, 'verify.results.vary-bad-hint'));
    }
    vary = spec;
    scenarios = v.scenarios;
  }
  // the decisions file: given when and only when the batch had one, and the same one
  let dec: DecisionsInput | undefined;
  if (r.decisions && o.decisions === undefined) {
    return refuse(say(lang, 'verify.results.needs-decisions', { count: r.decisions.count, players: r.decisions.players.join(', '), hash: short(r.decisions.hash) }), say(lang, 'verify.results.needs-decisions-hint'));
  }
  if (!r.decisions && o.decisions !== undefined) {
    return refuse(say(lang, 'verify.results.no-decisions', { dec: o.decisions }), say(lang, 'verify.results.no-decisions-hint'));
  }
  if (r.decisions && o.decisions !== undefined) {
    dec = loadDecisionsFor(o.decisions, base, scenarios, vary, lang);
    const d = decisionsHeader(dec);
    if (d.hash !== r.decisions.hash) {
      return refuse(say(lang, 'verify.results.decisions-changed', {
        count: r.decisions.count, players: r.decisions.players.join(', '), hash: short(r.decisions.hash),
        dec: o.decisions, dcount: d.count, dplayers: d.players.join(', '), dhash: short(d.hash),
      }), say(lang, 'verify.results.decisions-changed-hint', { command: batchLine(r, o) }));
    }
  }
  if (r.engine !== ENGINE_VERSION) process.stderr.write(say(lang, 'verify.note', { file, engine: r.engine, now: ENGINE_VERSION }) + '\n');

  // what the batch writes in the header for these inputs (with the file's engine: a version is noted, not a mismatch)
  const header = batchHeader({ engine: r.engine, scenario: base, scenarioHash: hash, seed: r.seed, runs: r.runs, decisions: dec ? expectedDecisions(dec, r) : null, vary: r.vary });
  const headerDiffs = headerDifferences(r, header);
  const cover = coverage(header, r.shard, r.results);

  // 2. the runs played again
  const { indices, step } = sampleIndices(r.results.length, o.sample);
  const chosen = indices.map((i) => r.results[i]);
  const again = await replay(r, header, chosen, scenarios, dec, o);
  const runDiffs: RunDifference[] = [];
  for (const x of chosen) {
    const d = runDifference(x, again.get(x.j)!);
    if (d) runDiffs.push(d);
  }
  // 3. the aggregates, from every run of the file
  const aggDiffs = aggregateDifferences(header, r.aggregates, r.results);

  const coverCount = cover.missing.length + cover.twice.length + cover.foreign.length;
  if (runDiffs.length === 0 && aggDiffs.length === 0 && headerDiffs.length === 0 && coverCount === 0) {
    // 5. the bytes: the file as the batch writes what it holds
    const layout = layoutDifference(text, buildResults(header, r.shard, r.results));
    if (layout) {
      out(say(lang, 'verify.results.layout', { file, line: layout.line }));
      const [a, b] = around(layout.file, layout.batch);
      out(say(lang, 'verify.results.layout-file', { text: a }));
      out(say(lang, 'verify.results.layout-batch', { text: b }));
      return 1;
    }
    out(say(lang, 'verify.results.ok', {
      file, played: chosen.length, n: r.results.length,
      sample: chosen.length < r.results.length ? say(lang, 'verify.results.sample', { k: chosen.length, step: decimal(String(Math.round(step * 10) / 10), lang) }) : '',
      shard: r.shard ? say(lang, 'verify.results.shard', { index: r.shard.index, count: r.shard.count, total: totalJobs(r) }) : '',
      scenario: o.scenario, hash: short(hash),
      decisions: dec && o.decisions !== undefined ? say(lang, 'verify.results.with-decisions', { dec: o.decisions, hash: short(r.decisions!.hash) }) : '',
    }));
    return 0;
  }

  out(say(lang, 'verify.results.mismatch', { file, scenario: o.scenario }));
  for (const d of headerDiffs.slice(0, SHOWN)) out(say(lang, 'verify.results.header', { path: d.path, file: cut(d.file), again: cut(d.other) }));
  const jobName = (j: number) => (r.vary ? say(lang, 'verify.results.job-of', { run: (j - 1) % r.runs + 1, key: r.vary.key, value: r.vary.values[Math.floor((j - 1) / r.runs)] }) : String(j));
  const list = (js: number[]) => js.slice(0, SHOWN).map(jobName).join(', ');
  if (cover.missing.length) {
    const whole = r.shard ? say(lang, 'verify.results.whole-shard', { index: r.shard.index, count: r.shard.count }) : say(lang, 'verify.results.whole-batch');
    out(say(lang, 'verify.results.missing', { n: cover.missing.length, whole, list: list(cover.missing), more: cover.missing.length > SHOWN ? ', ...' : '' }));
  }
  if (cover.twice.length) out(say(lang, 'verify.results.twice', { n: cover.twice.length, list: list(cover.twice) }));
  if (cover.foreign.length && r.shard) out(say(lang, 'verify.results.foreign', { n: cover.foreign.length, list: list(cover.foreign), index: r.shard.index, count: r.shard.count }));
  // every run's seed other than the formula's: the master seed in the header is not the batch's (each figure then differs)
  const seedOff = runDiffs.filter((d) => d.fields.some((f) => f.path === 'seed')).length;
  if (chosen.length > 1 && seedOff === chosen.length) out(say(lang, 'verify.results.master-seed', { seed: r.seed }));
  for (const d of runDiffs.slice(0, SHOWN)) {
    const x = d.record;
    const of = r.vary && x.value !== null ? say(lang, 'verify.results.of', { key: r.vary.key, value: x.value }) : '';
    const fields = d.fields.slice(0, FIELDS_SHOWN).map((f) => say(lang, 'verify.results.field', { path: f.path, file: cut(f.file), again: cut(f.other) })).join('; ');
    const more = d.fields.length > FIELDS_SHOWN ? say(lang, 'verify.results.more-fields', { n: d.fields.length - FIELDS_SHOWN }) : '';
    out(say(lang, 'verify.results.run', { run: x.run, of, seed: x.seed, fields: fields + more }));
  }
  if (runDiffs.length > SHOWN) out(say(lang, 'verify.results.more-runs', { n: runDiffs.length - SHOWN }));
  for (const d of aggDiffs.slice(0, SHOWN)) {
    const of = r.vary && d.value !== null ? say(lang, 'verify.results.of', { key: r.vary.key, value: d.value }) : '';
    out(say(lang, 'verify.results.aggregate', { of, path: d.path, file: cut(d.file), again: cut(d.other) }));
  }
  if (aggDiffs.length > SHOWN) out(say(lang, 'verify.results.more-aggregates', { n: aggDiffs.length - SHOWN }));

  const parts: string[] = [];
  if (headerDiffs.length) parts.push(say(lang, 'verify.results.sum-header', { n: headerDiffs.length }));
  if (cover.missing.length) parts.push(say(lang, 'verify.results.sum-missing', { n: cover.missing.length }));
  if (cover.twice.length) parts.push(say(lang, 'verify.results.sum-twice', { n: cover.twice.length }));
  if (cover.foreign.length) parts.push(say(lang, 'verify.results.sum-foreign', { n: cover.foreign.length }));
  parts.push(runDiffs.length
    ? say(lang, 'verify.results.sum-runs', { differ: runDiffs.length, played: chosen.length, fields: byField(runDiffs).map(([path, n]) => say(lang, 'verify.results.sum-field', { path, n })).join(', ') })
    : say(lang, 'verify.results.sum-runs-ok', { played: chosen.length }));
  if (chosen.length < r.results.length) parts.push(say(lang, 'verify.results.sum-not-played', { n: r.results.length - chosen.length }));
  parts.push(aggDiffs.length ? say(lang, 'verify.results.sum-aggregates', { n: aggDiffs.length }) : say(lang, 'verify.results.sum-aggregates-ok'));
  out(say(lang, 'verify.results.summary', { parts: parts.join('; ') }));
  if (runDiffs.length && r.engine !== ENGINE_VERSION) out(say(lang, 'verify.results.engine-hint', { engine: r.engine, now: ENGINE_VERSION }));
  return 1;
}

/** The fields that differ, with the number of runs each differs in, the most first (then in the records' order). */
function byField(diffs: RunDifference[]): [string, number][] {
  const n = new Map<string, number>();
  for (const d of diffs) for (const f of d.fields) n.set(f.path, (n.get(f.path) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1]).slice(0, FIELDS_SHOWN);
}

/** A value shown in a line: a long one (an object, a text) cut. */
function cut(v: string): string {
  return v.length > 80 ? v.slice(0, 77) + '...' : v;
}

/** Two long lines shown around where they first differ, so that the difference is on screen. */
function around(a: string, b: string): [string, string] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  // what does not show on a screen (a byte-order mark, a CR of CRLF line ends, a tab) written as an escape
  const visible = (t: string) => t.replace(/[\uFEFF\r\t]/g, (c) => (c === '\r' ? '\\r' : c === '\t' ? '\\t' : '\\uFEFF'));
  const show = (s: string) => `${from > 0 ? '...' : ''}${visible(s.slice(from, from + 100))}${s.length > from + 100 ? '...' : ''}`;
  return [show(a), show(b)];
}

/** The `drill batch` line that makes results of the inputs given (said when the file's are not those). */
function batchLine(r: BatchResults, o: ResultsCheck): string {
  return ['drill batch', shellArg(o.scenario), '--runs', r.runs, '--seed', r.seed,
    ...(o.decisions !== undefined ? ['--decisions', shellArg(o.decisions)] : []),
    ...(r.vary ? ['--vary', shellArg(`${r.vary.key}=${r.vary.values.join(',')}`)] : []),
    ...(r.shard ? ['--shard', `${r.shard.index}/${r.shard.count}`] : []),
    '--out', 'results.json'].join(' ');
}

/**
 * Play the chosen runs again on the batch's worker pool, with the progress bar on a terminal; their records by
 * job number. Ctrl+C clears the bar and says that nothing was verified.
 */
async function replay(r: BatchResults, header: BatchHeader, chosen: RunRecord[], scenarios: Scenario[], dec: DecisionsInput | undefined, o: ResultsCheck): Promise<Map<number, RunRecord>> {
  const { lang } = o;
  // each job once (a run the file holds twice is compared twice with the same record)
  const jobs = [...new Map(chosen.map((x) => [x.j, jobOf(header, x.j, nodeSha256Hex)])).values()];
  const bar = new ProgressBar(jobs.length, process.stderr, lang);
  let done = 0;
  const interrupted = () => {
    bar.finish();
    process.stderr.write(say(lang, 'verify.results.stopped', { done, total: jobs.length }) + '\n');
    process.exit(130);
  };
  process.on('SIGINT', interrupted);
  try {
    const labels = r.vary ? r.vary.values : [null];
    const played = await runPool({ scenarios, labels, decisions: dec?.decisions ?? [], players: dec?.players ?? [] }, jobs, o.workers, (n) => { done = n; bar.update(n); });
    bar.finish();
    return new Map(played.records.map((x) => [x.j, x]));
  } catch (e) {
    bar.finish();
    if (e instanceof BatchRunError && e.kind === 'stale') throw new StaleGeneratedStepperError(e.message);
    if (e instanceof BatchRunError && e.job) {
      // a run that hit a bound of the scenario's limits: the batch could not have written it
      process.stderr.write(`drill verify: ${lang === 'vi' ? `lượt chạy ${e.job.k} (seed ${e.job.seed})` : `run ${e.job.k} (seed ${e.job.seed})`}: ${e.message}\n`);
      throw new ReportedError(e.message);
    }
    throw e;
  } finally {
    process.off('SIGINT', interrupted);
  }
}
