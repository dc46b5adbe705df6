/**
 * Batches and objectives not tested: in cua-lo the chlorine leak happens in
 * about half the runs. Runs without it are a share of their own ("not
 * tested"), never counted as met nor as P, and left out of the objective's
 * values (no made-up 0 s); P + S + M + U + not tested is every run. The
 * results stay the same whatever the worker count, and the merge of shards
 * is the unsharded batch.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchHeader, buildResults, mergeResults, resultsCsv, runRecord, serializeResults, type BatchResults, type RunRecord } from '../../engine/batch/results.js';
import { readResults } from '../../engine/batch/read-results.js';
import { batchJobs } from '../../engine/batch/seeds.js';
import { Model } from '../../engine/sim/model.js';
import { runMetrics } from '../../engine/sim/runner.js';
import { drill, tempDir } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

const cuaLo = loadNamed('cua-lo-high-rise-fire');
const RUNS = 30;
const header = batchHeader({ engine: 'test', scenario: cuaLo, scenarioHash: 'h', seed: 3, runs: RUNS, decisions: null, vary: null });
const model = new Model(cuaLo);
const records: RunRecord[] = batchJobs(3, RUNS, 1, null).map((job) => runRecord(job, null, runMetrics(cuaLo, { seed: job.seed, keepIncidents: false, model })));
const whole = buildResults(header, null, records);
const text = (r: BatchResults) => serializeResults(r).join('');
const reread = (r: BatchResults) => { const x = readResults(text(r)); if (!x.ok) throw new Error(x.message); return x.results; };

describe('batch aggregation of an objective not tested in some runs', () => {
  const chem = whole.aggregates[0].objectives.chemical;
  const untested = records.filter((r) => r.objectives.chemical.rating === null);
  const tested = records.filter((r) => r.objectives.chemical.rating !== null);

  it('some runs have the leak and some do not (the case is exercised)', () => {
    expect(untested.length).toBeGreaterThan(0);
    expect(tested.length).toBeGreaterThan(0);
    for (const r of untested) expect(r.objectives.chemical).toEqual({ value: null, rating: null, met: false, not_tested: 'no_incident' });
  });

  it('gives the not-tested share over all runs; P, S, M, U and not tested add up to every run', () => {
    expect(chem.not_tested).toMatchObject({ count: untested.length, n: RUNS });
    const sum = (['P', 'S', 'M', 'U'] as const).reduce((s, k) => s + chem.ratings[k].count, 0) + chem.not_tested.count;
    expect(sum).toBe(RUNS);
    for (const k of ['P', 'S', 'M', 'U'] as const) expect(chem.ratings[k].n).toBe(RUNS);
  });

  it('does not count runs without the leak as met or P', () => {
    const metTested = tested.filter((r) => r.objectives.chemical.met).length;
    expect(chem.met).toMatchObject({ count: metTested, n: RUNS });
    expect(chem.ratings.P.count).toBe(tested.filter((r) => r.objectives.chemical.rating === 'P').length);
    expect(chem.met_if_tested).toMatchObject({ count: metTested, n: tested.length });
  });

  it('takes the objective\'s values from the tested runs only: no made-up 0 s', () => {
    expect(chem.value.n + chem.value.never).toBe(tested.length);
    expect(chem.value.min).toBeGreaterThan(0);
  });

  it('the CSV leaves value, rating and met empty for a run not tested, and says why', () => {
    const rows = resultsCsv(whole).join('').slice(1).split('\r\n').filter(Boolean).map((l) => l.split(','));
    const head = rows[0];
    const col = (k: string) => head.indexOf(`chemical.${k}`);
    const row = rows[untested[0].j];
    // the value's unit in its name: seconds from the leak's report to its containment
    expect(col('value_s')).toBeGreaterThan(0);
    expect([row[col('value_s')], row[col('rating')], row[col('met')], row[col('not_tested')]]).toEqual(['', '', '', 'no_incident']);
    const trow = rows[tested[0].j];
    expect(trow[col('rating')]).toMatch(/^[PSMU]$/);
    expect(trow[col('not_tested')]).toBe('');
  });

  it('property: the merge of the shards i/n, in any order, is byte for byte the whole batch, not-tested shares included', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 1000 }), (n, rot) => {
      const parts = Array.from({ length: n }, (_, i) => ({ name: `s${i + 1}.json`, results: reread(buildResults(header, { index: i + 1, count: n }, records.filter((r) => (r.j - 1) % n === i))) }));
      const order = parts.map((_, i) => parts[(i + rot) % n]);
      const m = mergeResults(order);
      expect(m.ok).toBe(true);
      if (m.ok) expect(text(m.results)).toBe(text(whole));
    }), { numRuns: 25 });
  });

  it('property: records arriving in any order (as from any number of workers) give the same results', () => {
    fc.assert(fc.property(fc.shuffledSubarray(records, { minLength: RUNS, maxLength: RUNS }), (shuffled) => {
      expect(text(buildResults(header, null, shuffled))).toBe(text(whole));
    }), { numRuns: 25 });
  });
});

describe('drill batch on cua-lo', () => {
  const dir = tempDir('drillsim-nt-');
  const p = (f: string) => join(dir, f);

  it('prints the not-tested share and "met if tested" for the chemical objective, the same on 1 and 2 workers', () => {
    const one = drill(['batch', 'scenarios/cua-lo-high-rise-fire.yaml', '--runs', '20', '--workers', '1', '--out', p('w1.json'), '--out', p('w1.csv')]);
    const two = drill(['batch', 'scenarios/cua-lo-high-rise-fire.yaml', '--runs', '20', '--workers', '2', '--out', p('w2.json'), '--out', p('w2.csv')]);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(readFileSync(p('w2.json'), 'utf8')).toBe(readFileSync(p('w1.json'), 'utf8'));
    expect(readFileSync(p('w2.csv'), 'utf8')).toBe(readFileSync(p('w1.csv'), 'utf8'));
    expect(one.stdout).toMatch(/objective +met \[95 % CI\] +P +S +M +U +not tested +met if tested +median value/);
    const line = one.stdout.split('\n').find((l) => l.startsWith('chemical'))!;
    const r = JSON.parse(readFileSync(p('w1.json'), 'utf8')) as BatchResults;
    const chem = r.aggregates[0].objectives.chemical;
    expect(chem.not_tested.count).toBeGreaterThan(0);
    expect(line).toContain(`${Math.round(chem.not_tested.p * 100)} %`);
    expect(line).not.toMatch(/ 0 s$/);
    // shards merge to the same bytes
    for (const i of [1, 2]) expect(drill(['batch', 'scenarios/cua-lo-high-rise-fire.yaml', '--runs', '20', '--workers', '1', '--shard', `${i}/2`, '--out', p(`s${i}.json`)]).code).toBe(0);
    const m = drill(['merge', p('s2.json'), p('s1.json'), '--out', p('m.json')]);
    expect(m.code).toBe(0);
    expect(readFileSync(p('m.json'), 'utf8')).toBe(readFileSync(p('w1.json'), 'utf8'));
    expect(m.stdout).toBe(one.stdout);
  });
});
