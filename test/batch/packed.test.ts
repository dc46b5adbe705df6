/**
 * The trip of run records from a batch worker to the main thread: packed into
 * rows of numbers, transferred, unpacked. Whatever a record holds, the main
 * thread must get it back exactly (the same keys in the same order, null
 * where null, -0 and NaN as they were): the results' bytes are made from it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordLayout, recordLayouts, RunPacker, unpackRuns, type PackedRuns, type RecordLayout } from '../../engine/batch/packed.js';
import { RUN_METRIC_NAMES, runRecord, type ObjectiveOutcome, type RunRecord } from '../../engine/batch/results.js';
import { batchJobs } from '../../engine/batch/seeds.js';
import type { AreaBottleneck, UnitBottleneck } from '../../engine/review/metrics.js';
import { Model } from '../../engine/sim/model.js';
import { runMetrics } from '../../engine/sim/runner.js';
import { loadScenarioFile, scenarioFiles } from '../helpers/scenarios.js';

/** A value written out with its keys in their order, -0, NaN and undefined as themselves: two records are the same when their texts are. */
function exact(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  if (x === null || typeof x !== 'object') return JSON.stringify(x);
  if (Array.isArray(x)) return `[${x.map(exact).join(',')}]`;
  return `{${Object.keys(x).map((k) => `${JSON.stringify(k)}:${exact((x as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** As a worker sends them: packed, then the message with its buffers transferred. */
function trip(layouts: RecordLayout[], runs: { v: number; record: RunRecord }[]): { got: RunRecord[]; sent: PackedRuns } {
  const packer = new RunPacker(layouts);
  for (const { v, record } of runs) packer.add(v, record);
  const sent = packer.take();
  const received = structuredClone(sent, { transfer: [sent.data.buffer, sent.kinds.buffer] });
  const got: RunRecord[] = [];
  unpackRuns(received, layouts, got);
  return { got, sent };
}

const num = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double(), fc.constantFrom(0, -0, 0.5, NaN, Infinity));
const numOrNull = fc.oneof(num, fc.constant(null));
const ids = fc.uniqueArray(fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,6}$/), fc.constantFrom('1', '20', '3', 'value', 'constructor')), { maxLength: 6 });

/** Ids as the engine keys them: assigned in the layout's order (one that reads as an index then comes first). */
function keyed<T>(keys: readonly string[], value: (k: string) => T): Record<string, T> {
  const o: Record<string, T> = {};
  for (const k of keys) o[k] = value(k);
  return o;
}

const outcome: fc.Arbitrary<ObjectiveOutcome> = fc.record({
  value: numOrNull,
  rating: fc.constantFrom('P', 'S', 'M', 'U', null),
  met: fc.boolean(),
  not_tested: fc.option(fc.constantFrom('no_incident', 'nobody_at_risk', 'inject_not_delivered', 'shelter_unused', 'never_cut_off', 'not_called_for'), { nil: undefined }),
}).map(({ not_tested, ...o }) => (not_tested === undefined ? o : { ...o, not_tested }) as ObjectiveOutcome);
const area: fc.Arbitrary<AreaBottleneck> = fc.record({ incidents: num, wait_s: numOrNull, first_on_scene_s: numOrNull, unreached: num });
const unit: fc.Arbitrary<UnitBottleneck> = fc.record({ busy: num, blocked: num });

/** A sweep's layouts, and records of runs of it that the layouts can say (any ids missing, areas and units or not). */
const batch = fc.record({
  values: fc.uniqueArray(fc.option(fc.string({ maxLength: 4 }), { nil: null }), { minLength: 1, maxLength: 3 }),
  objectives: ids, areas: ids, units: ids,
}).chain(({ values, objectives, areas, units }) => {
  const layouts = values.map((value) => recordLayout(value, objectives, areas, units));
  const some = <T>(keys: string[], item: fc.Arbitrary<T>) => fc.subarray(keys).chain((ks) => fc.tuple(...ks.map(() => item)).map((xs) => keyed(ks, (k) => xs[ks.indexOf(k)])));
  const record = fc.record({
    v: fc.nat(values.length - 1),
    j: num, run: num, seed: num,
    metrics: fc.tuple(...RUN_METRIC_NAMES.map(() => numOrNull)).map((xs) => keyed(RUN_METRIC_NAMES, (m) => xs[(RUN_METRIC_NAMES as string[]).indexOf(m)]) as RunRecord['metrics']),
    objectives: some(objectives, outcome),
    areas: fc.option(some(areas, area), { nil: undefined }),
    units: fc.option(some(units, unit), { nil: undefined }),
  }).map(({ v, j, run, seed, metrics, objectives, areas, units }) => {
    const record: RunRecord = { j, run, seed, value: values[v], metrics, objectives };
    if (areas !== undefined) record.areas = areas;
    if (units !== undefined) record.units = units;
    return { v, record };
  });
  return fc.record({ layouts: fc.constant(layouts), runs: fc.array(record, { maxLength: 12 }) });
});

/** Ways a record may stray from what its layout can say: each must still arrive exactly as it left. */
const strays: ((r: RunRecord, layout: RecordLayout) => RunRecord)[] = [
  (r) => ({ ...r, value: `${r.value}?` }),
  (r) => ({ ...r, extra: 1 }) as RunRecord,
  (r) => { const { j, ...rest } = r; return { ...rest, j }; },
  (r) => ({ ...r, metrics: { ...r.metrics, people_lost: '3' as unknown as number } }),
  // the last metric first
  (r) => ({ ...r, metrics: Object.assign({ objectives_met: r.metrics.objectives_met }, r.metrics) }),
  (r) => ({ ...r, objectives: { ...r.objectives, 'not-in-the-scenario': { value: 1, rating: 'P', met: true } } }),
  (r, l) => ({ ...r, objectives: { ...r.objectives, [l.objectives[0] ?? 'x']: { value: 1, rating: 'A' as 'P', met: true } } }),
  (r, l) => ({ ...r, objectives: { ...r.objectives, [l.objectives[0] ?? 'x']: { value: 1, rating: null, met: false, not_tested: 'no_reason' as 'no_incident' } } }),
  (r, l) => ({ ...r, objectives: { ...r.objectives, [l.objectives[0] ?? 'x']: { value: 1, rating: null, met: false, not_tested: undefined } } }),
  (r, l) => ({ ...r, objectives: { ...r.objectives, [l.objectives[0] ?? 'x']: { met: true, value: 1, rating: 'P' } } }),
  (r, l) => ({ ...r, areas: { ...r.areas, [l.areas[0] ?? 'x']: { incidents: 1, wait_s: null, first_on_scene_s: null } as unknown as AreaBottleneck } }),
  (r, l) => ({ ...r, units: { ...r.units, [l.units[0] ?? 'x']: { busy: 0.5, blocked: 0, idle: 0.5 } as UnitBottleneck } }),
  (r) => ({ ...r, units: undefined }),
  (r) => ({ ...r, areas: null as unknown as RunRecord['areas'] }),
];

describe('run records packed for the trip from a worker', () => {
  it('property: every record arrives exactly as it left, and every record its layout can say travels packed', () => {
    fc.assert(fc.property(batch, ({ layouts, runs }) => {
      const { got, sent } = trip(layouts, runs);
      expect(sent.others).toEqual([]);
      expect(sent.rows).toBe(runs.length);
      // rows come back in the order they were packed
      expect(got.map(exact)).toEqual(runs.map((x) => exact(x.record)));
    }), { numRuns: 300 });
  });

  it('property: a record its layout cannot say (another key, order, type or value) travels as it is, and arrives exactly', () => {
    fc.assert(fc.property(batch, fc.nat(), fc.nat(), ({ layouts, runs }, which, at) => {
      fc.pre(runs.length > 0);
      const i = at % runs.length;
      const stray = strays[which % strays.length](runs[i].record, layouts[runs[i].v]);
      const mixed = runs.map((x, k) => (k === i ? { v: x.v, record: stray } : x));
      const { got, sent } = trip(layouts, mixed);
      expect(sent.others).toEqual([stray]);
      expect(sent.rows).toBe(runs.length - 1);
      // those that travel as they are come after the rows
      const order = [...mixed.filter((x) => x.record !== stray), { v: 0, record: stray }];
      expect(got.map(exact)).toEqual(order.map((x) => exact(x.record)));
    }), { numRuns: 300 });
  });

  it('every stray shape is one the layout cannot say (it travels as it is)', () => {
    const layout = recordLayout(null, ['a'], ['b'], ['c']);
    const base: RunRecord = {
      j: 1, run: 1, seed: 2, value: null, metrics: keyed(RUN_METRIC_NAMES, () => 1) as RunRecord['metrics'],
      objectives: { a: { value: 1, rating: 'P', met: true } }, areas: { b: { incidents: 1, wait_s: 2, first_on_scene_s: 3, unreached: 0 } }, units: { c: { busy: 0.5, blocked: 0 } },
    };
    expect(trip([layout], [{ v: 0, record: base }]).sent.others).toEqual([]);
    strays.forEach((stray, n) => {
      const { sent, got } = trip([layout], [{ v: 0, record: stray(base, layout) }]);
      expect(sent.rows, `stray ${n}`).toBe(0);
      expect(exact(got[0])).toBe(exact(stray(base, layout)));
    });
  });

  it('an id that reads as an array index keeps its place: first, as in the object the engine made', () => {
    const layout = recordLayout(null, [], ['b', '2', 'a', '1'], []);
    expect(layout.areas).toEqual(['1', '2', 'b', 'a']);
    const a = { incidents: 1, wait_s: null, first_on_scene_s: null, unreached: 1 };
    const record: RunRecord = { j: 1, run: 1, seed: 2, value: null, metrics: keyed(RUN_METRIC_NAMES, () => null) as RunRecord['metrics'], objectives: {}, areas: keyed(['b', '2', 'a'], () => a) };
    const { got, sent } = trip([layout], [{ v: 0, record }]);
    expect(sent.rows).toBe(1);
    expect(Object.keys(got[0].areas!)).toEqual(['2', 'b', 'a']);
  });

  it('the runs of every shipped scenario travel packed, and arrive as they left', () => {
    const files = scenarioFiles();
    expect(files.length).toBeGreaterThan(2);
    for (const name of files) {
      const s = loadScenarioFile(name);
      const model = new Model(s);
      const runs = batchJobs(5, 3, 1, null).map((job) => ({ v: 0, record: runRecord(job, null, runMetrics(s, { seed: job.seed, keepIncidents: false, model })) }));
      const { got, sent } = trip(recordLayouts([s], [null]), runs);
      expect(sent.others, name).toEqual([]);
      expect(got.map(exact), name).toEqual(runs.map((x) => exact(x.record)));
    }
  });
});
