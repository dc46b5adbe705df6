/**
 * Checking a batch's results file (`drill verify results.json scenario`): which of its runs to play again,
 * which jobs they are, and what differs between the file and what was computed again (a run's record, the
 * aggregates, the file's bytes). The playing itself is the batch's own (its worker pool); this is pure.
 *
 * A run's record is compared as the batch writes it (JSON.stringify of the record, the line of the file):
 * equal texts are the same record. Where they are not, the fields that differ are named, leaf by leaf
 * (`metrics.people_lost`, `objectives.lives.rating`, `areas.ta-ca.wait_s`), each with both values.
 */
import { aggregate, HEADER_KEYS, serializeResults, type Aggregate, type BatchHeader, type BatchResults, type RunRecord } from './results.js';
import { runSeed, type Job } from './seeds.js';

export { coverage } from './results.js';

/** One field that differs: where (a dotted path), and each side's value as JSON writes it ('(none)' when absent). */
export interface FieldDifference { path: string; file: string; other: string }

export const NONE = '(none)';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const shown = (x: unknown) => (x === undefined ? NONE : JSON.stringify(x));

/**
 * The leaves where `file` and `other` differ, in the file's order (then what only `other` has). Values go
 * through JSON first, so that an absent optional field and one never written are the same.
 */
export function differences(file: unknown, other: unknown, path = ''): FieldDifference[] {
  return diffIn(JSON.parse(JSON.stringify(file ?? null)), JSON.parse(JSON.stringify(other ?? null)), path);
}

function diffIn(a: unknown, b: unknown, path: string): FieldDifference[] {
  const at = (k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  if (isObject(a) && isObject(b)) {
    const out: FieldDifference[] = [];
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) out.push(...(k in a && k in b ? diffIn(a[k], b[k], at(k)) : [{ path: at(k), file: shown(a[k]), other: shown(b[k]) }]));
    // the same fields and values in another order: another text all the same
    if (out.length === 0 && JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path ? `${path} (order of its fields)` : '(order of the fields)', file: Object.keys(a).join(','), other: Object.keys(b).join(',') });
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: FieldDifference[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...(i < a.length && i < b.length ? diffIn(a[i], b[i], at(i)) : [{ path: at(i), file: shown(a[i]), other: shown(b[i]) }]));
    return out;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: path || '(the whole)', file: shown(a), other: shown(b) }];
}

/**
 * Which of `total` records to play again: all of them, or with `sample` N (fewer than the total) the records
 * floor(i * total / N) for i = 0 .. N - 1: from the first, one in every total / N, spread evenly over the whole
 * file (with a sweep, over every value: the file holds each value's runs in turn), the same on every machine and
 * at every try. `step`: total / N.
 */
export function sampleIndices(total: number, sample?: number): { indices: number[]; step: number } {
  if (sample === undefined || sample >= total) return { indices: Array.from({ length: total }, (_, i) => i), step: 1 };
  return { indices: Array.from({ length: sample }, (_, i) => Math.floor((i * total) / sample)), step: total / sample };
}

/** Job j of the batch: its value index, run number and the seed the formula gives that run (not the seed the file holds). */
export function jobOf(h: BatchHeader, j: number, hex?: (text: string) => string): Job {
  const v = Math.floor((j - 1) / h.runs), k = j - v * h.runs;
  return { j, v, k, seed: runSeed(h.seed, k, hex) };
}

/** A run of the file played again that did not give its record: the file's record and the fields that differ. */
export interface RunDifference { record: RunRecord; fields: FieldDifference[] }

/** The record the file holds against the one played again, compared as the batch writes them; null when the same. */
export function runDifference(file: RunRecord, again: RunRecord): RunDifference | null {
  if (JSON.stringify(file) === JSON.stringify(again)) return null;
  return { record: file, fields: differences(file, again) };
}

/** An aggregate figure that is not what the file's runs give: the aggregate's sweep value, the path, both values. */
export interface AggregateDifference extends FieldDifference { value: string | null }

/**
 * The file's aggregates against those recomputed from its own runs (an aggregate edited by hand, or runs
 * edited without their aggregates), with the header `h` (the scenario's: its metrics and objectives).
 */
export function aggregateDifferences(h: BatchHeader, fileAggregates: readonly Aggregate[], records: readonly RunRecord[]): AggregateDifference[] {
  const sorted = [...records].sort((a, b) => a.j - b.j);
  const again = aggregate(h, sorted);
  const out: AggregateDifference[] = [];
  const n = Math.max(fileAggregates.length, again.length);
  for (let i = 0; i < n; i++) {
    const f = fileAggregates[i], a = again[i];
    const value = (a ?? f)?.value ?? null;
    if (f === undefined || a === undefined) out.push({ value, path: `aggregates[${i}]`, file: f === undefined ? NONE : '{...}', other: a === undefined ? NONE : '{...}' });
    else for (const d of differences(f, a)) out.push({ value, ...d });
  }
  return out;
}

/**
 * Where the file's text first differs from what the batch writes for the same header, runs and aggregates
 * (the file rebuilt from what it holds): a line laid out otherwise, a field added, a number written
 * `30.0`. Null when the file is, byte for byte, what the batch writes.
 */
export function layoutDifference(text: string, r: BatchResults): { line: number; file: string; batch: string } | null {
  const written = serializeResults(r).join('');
  if (written === text) return null;
  const a = text.split('\n'), b = written.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, file: a[i] ?? NONE, batch: b[i] ?? NONE };
  }
  return { line: 1, file: a[0], batch: b[0] };
}

/**
 * The header fields of the file that are not what the scenario (and decisions, sweep, seed and runs of the
 * file) give: a title or objective text edited, a metric's description, the Vietnamese texts.
 */
export function headerDifferences(file: BatchResults, expected: BatchHeader): FieldDifference[] {
  const pick = (h: BatchHeader) => Object.fromEntries([...HEADER_KEYS, 'vi'].map((k) => [k, (h as unknown as Record<string, unknown>)[k]]));
  return differences(pick(file), pick(expected));
}
