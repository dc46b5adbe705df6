/**
 * Run records packed for the trip from a batch worker to the main thread.
 * Structured clone of thousands of small nested objects costs the main
 * thread more than the aggregates do (it shares the cores with the workers),
 * so a worker writes each record as one row of numbers in a column order
 * both sides derive from the scenario (metric names, objective ids, area
 * ids, unit ids), in a Float64Array that is transferred, not copied, with
 * one byte per cell saying whether it holds a number, null, or nothing (the
 * key is absent). The main thread rebuilds the same RunRecords, keys in the
 * same order: the results' bytes do not depend on the trip.
 *
 * A record the layout cannot say exactly (a key it does not know or in
 * another order, a value of another type, a sweep value that is not its
 * own) travels as it is, beside the rows: packing never changes a record.
 */
import type { NotTested, Rating } from '../review/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import { RUN_METRIC_NAMES, type ObjectiveOutcome, type RunRecord } from './results.js';

/** The columns of the runs of one sweep value (one scenario). */
export interface RecordLayout {
  value: string | null;
  objectives: readonly string[];
  areas: readonly string[];
  units: readonly string[];
}

/** Rows of packed records, and the records that travel as they are. */
export interface PackedRuns {
  rows: number;
  /** per row: sweep value index, then its layout's cells */
  data: Float64Array<ArrayBuffer>;
  /** per cell of `data`: NUM, NULL or ABSENT */
  kinds: Uint8Array<ArrayBuffer>;
  others: RunRecord[];
}

/** The layout of the runs of each scenario of a batch (one per sweep value), in the order the runs record them. */
export function recordLayouts(scenarios: readonly Scenario[], labels: readonly (string | null)[]): RecordLayout[] {
  return scenarios.map((s, v) => recordLayout(labels[v] ?? null, s.objectives.map((o) => o.id), s.areas.map((a) => a.id), s.units.map((u) => u.id)));
}

/**
 * A layout with its ids in the order an object keyed by them lists its keys: an id that reads as an array index
 * ("1", "20") comes first, whatever order the scenario gives it, in a record as in the object rebuilt from it.
 */
export function recordLayout(value: string | null, objectives: readonly string[], areas: readonly string[], units: readonly string[]): RecordLayout {
  const keyOrder = (ids: readonly string[]) => Object.keys(Object.fromEntries(ids.map((id) => [id, true])));
  return { value, objectives: keyOrder(objectives), areas: keyOrder(areas), units: keyOrder(units) };
}

const NUM = 0, NULL = 1, ABSENT = 2;
const RATINGS: readonly Rating[] = ['P', 'S', 'M', 'U'];
const NOT_TESTED: readonly NotTested[] = ['no_incident', 'nobody_at_risk', 'inject_not_delivered', 'shelter_unused', 'never_cut_off', 'not_called_for'];
const METRICS: readonly string[] = RUN_METRIC_NAMES;
const AREA_KEYS = ['incidents', 'wait_s', 'first_on_scene_s', 'unreached'] as const;
const UNIT_KEYS = ['busy', 'blocked'] as const;
const OUTCOME_KEYS = ['value', 'rating', 'met', 'not_tested'] as const;
const RECORD_KEYS = ['j', 'run', 'seed', 'value', 'metrics', 'objectives', 'areas', 'units'] as const;
/** row head: value index, j, run, seed, which of areas and units the record has (bits 1 and 2) */
const HEAD = 5;
const OBJ = 4, AREA = 4, UNIT = 2;

const rowWidth = (l: RecordLayout) => HEAD + METRICS.length + OBJ * l.objectives.length + AREA * l.areas.length + UNIT * l.units.length;

/** Packs records into rows as the worker plays them; `take` hands over what it has (its buffers to transfer). */
export class RunPacker {
  private data = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private at = 0;
  private rows = 0;
  private others: RunRecord[] = [];
  private readonly widths: number[];

  constructor(private readonly layouts: readonly RecordLayout[]) {
    this.widths = layouts.map(rowWidth);
  }

  /** Add the record of a run of sweep value `v`. */
  add(v: number, r: RunRecord): void {
    const layout = this.layouts[v];
    const width = this.widths[v];
    if (layout === undefined || r.value !== layout.value) { this.others.push(r); return; }
    if (this.at + width > this.data.length) this.grow(this.at + width);
    if (this.write(v, layout, r)) { this.at += width; this.rows++; }
    else this.others.push(r);
  }

  take(): PackedRuns {
    const out: PackedRuns = { rows: this.rows, data: this.data.slice(0, this.at), kinds: this.kinds.slice(0, this.at), others: this.others };
    this.at = 0; this.rows = 0; this.others = [];
    return out;
  }

  private grow(need: number): void {
    const size = Math.max(need, this.data.length * 2);
    const d = new Float64Array(size), k = new Uint8Array(size);
    d.set(this.data); k.set(this.kinds);
    this.data = d; this.kinds = k;
  }

  /** A cell: a number, or null; false for anything else. */
  private cell(i: number, x: unknown): boolean {
    if (typeof x === 'number') { this.data[i] = x; this.kinds[i] = NUM; return true; }
    if (x === null) { this.data[i] = 0; this.kinds[i] = NULL; return true; }
    return false;
  }

  private absent(i: number, n: number): void {
    for (let c = i; c < i + n; c++) { this.data[c] = 0; this.kinds[c] = ABSENT; }
  }

  /** Write the row at `at`; false when the layout cannot say this record exactly. */
  private write(v: number, l: RecordLayout, r: RunRecord): boolean {
    let k = 0;
    for (const key in r) {
      while (k < RECORD_KEYS.length && RECORD_KEYS[k] !== key) k++;
      if (k === RECORD_KEYS.length) return false;
      k++;
    }
    if (typeof r.j !== 'number' || typeof r.run !== 'number' || typeof r.seed !== 'number') return false;
    const base = this.at;
    this.data[base] = v; this.kinds[base] = NUM;
    this.cell(base + 1, r.j); this.cell(base + 2, r.run); this.cell(base + 3, r.seed);
    const hasAreas = 'areas' in r, hasUnits = 'units' in r;
    this.data[base + 4] = (hasAreas ? 1 : 0) | (hasUnits ? 2 : 0); this.kinds[base + 4] = NUM;
    let at = base + HEAD;
    if (!this.group(at, r.metrics, METRICS, 1, (i, x) => this.cell(i, x))) return false;
    at += METRICS.length;
    if (!this.group(at, r.objectives, l.objectives, OBJ, (i, x) => this.outcome(i, x))) return false;
    at += OBJ * l.objectives.length;
    if (hasAreas && !this.group(at, r.areas, l.areas, AREA, (i, x) => this.fields(i, x, AREA_KEYS))) return false;
    if (!hasAreas) this.absent(at, AREA * l.areas.length);
    at += AREA * l.areas.length;
    if (hasUnits && !this.group(at, r.units, l.units, UNIT, (i, x) => this.fields(i, x, UNIT_KEYS))) return false;
    if (!hasUnits) this.absent(at, UNIT * l.units.length);
    return true;
  }

  /** An object keyed by the layout's ids, its keys in the layout's order (some may be missing); each entry `width` cells. */
  private group(at: number, obj: unknown, ids: readonly string[], width: number, one: (i: number, x: unknown) => boolean): boolean {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return false;
    const o = obj as Record<string, unknown>;
    let k = 0;
    for (const key in o) {
      while (k < ids.length && ids[k] !== key) { this.absent(at + k * width, width); k++; }
      if (k === ids.length || !one(at + k * width, o[key])) return false;
      k++;
    }
    this.absent(at + k * width, (ids.length - k) * width);
    return true;
  }

  /** An object with exactly these keys, in this order, each a number or null. */
  private fields(at: number, x: unknown, keys: readonly string[]): boolean {
    if (typeof x !== 'object' || x === null) return false;
    const o = x as Record<string, unknown>;
    let k = 0;
    for (const key in o) {
      if (key !== keys[k] || !this.cell(at + k, o[key])) return false;
      k++;
    }
    return k === keys.length;
  }

  /** value, rating (index in RATINGS or null), met (0 or 1), not_tested (index in NOT_TESTED, or absent). */
  private outcome(at: number, x: unknown): boolean {
    if (typeof x !== 'object' || x === null) return false;
    const o = x as ObjectiveOutcome;
    let k = 0;
    for (const key in o) { if (key !== OUTCOME_KEYS[k]) return false; k++; }
    if (k < 3) return false;
    if (!this.cell(at, o.value)) return false;
    const rating = o.rating === null ? -1 : RATINGS.indexOf(o.rating);
    if (rating < 0 && o.rating !== null) return false;
    this.data[at + 1] = rating; this.kinds[at + 1] = o.rating === null ? NULL : NUM;
    if (typeof o.met !== 'boolean') return false;
    this.data[at + 2] = o.met ? 1 : 0; this.kinds[at + 2] = NUM;
    if (k === 4) {
      const why = NOT_TESTED.indexOf(o.not_tested!);
      if (why < 0) return false;
      this.data[at + 3] = why; this.kinds[at + 3] = NUM;
    } else { this.data[at + 3] = 0; this.kinds[at + 3] = ABSENT; }
    return true;
  }
}

/** The records of packed rows (then those that travelled as they are), exactly as they were packed, appended to `out`. */
export function unpackRuns(p: PackedRuns, layouts: readonly RecordLayout[], out: RunRecord[]): void {
  const { data, kinds } = p;
  const val = (i: number) => (kinds[i] === NULL ? null : data[i]);
  let at = 0;
  for (let n = 0; n < p.rows; n++) {
    const l = layouts[data[at]];
    const shape = data[at + 4];
    const r: RunRecord = { j: data[at + 1], run: data[at + 2], seed: data[at + 3], value: l.value, metrics: {} as RunRecord['metrics'], objectives: {} };
    at += HEAD;
    const metrics = r.metrics as Record<string, number | null>;
    for (let m = 0; m < METRICS.length; m++, at++) if (kinds[at] !== ABSENT) metrics[METRICS[m]] = val(at);
    for (const id of l.objectives) {
      if (kinds[at] !== ABSENT) {
        const o: ObjectiveOutcome = { value: val(at), rating: kinds[at + 1] === NULL ? null : RATINGS[data[at + 1]], met: data[at + 2] === 1 };
        if (kinds[at + 3] !== ABSENT) o.not_tested = NOT_TESTED[data[at + 3]];
        r.objectives[id] = o;
      }
      at += OBJ;
    }
    if (shape & 1) {
      const areas: NonNullable<RunRecord['areas']> = {};
      for (const id of l.areas) {
        if (kinds[at] !== ABSENT) areas[id] = { incidents: val(at)!, wait_s: val(at + 1), first_on_scene_s: val(at + 2), unreached: val(at + 3)! };
        at += AREA;
      }
      r.areas = areas;
    } else at += AREA * l.areas.length;
    if (shape & 2) {
      const units: NonNullable<RunRecord['units']> = {};
      for (const id of l.units) {
        if (kinds[at] !== ABSENT) units[id] = { busy: val(at)!, blocked: val(at + 1)! };
        at += UNIT;
      }
      r.units = units;
    } else at += UNIT * l.units.length;
    out.push(r);
  }
  for (const r of p.others) out.push(r);
}
