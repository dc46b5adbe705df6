import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchHeader, buildResults, mergeResults, serializeResults, type BatchResults, type RunRecord } from '../../engine/batch/results.js';
import { readResults } from '../../engine/batch/read-results.js';
import { batchHtml } from '../../engine/batch/html.js';
import { formatBatchSummary } from '../../engine/cli/batch-summary.js';
import { showsDifference, signedFigure, signedPoints, unitReference } from '../../engine/batch/format.js';
import { signTestShows } from '../../engine/batch/stats.js';
import { loadNamed } from '../helpers/scenarios.js';

// A sweep's values compared run for run: run k plays the same seed under each value, so the difference of its
// figures is the change's effect in that run (PairedAggregate in engine/batch/results.ts).
const ksn = loadNamed('ky-son-flash-flood');
const RUNS = 40;
const header = batchHeader({ engine: 'test', scenario: ksn, scenarioHash: 'h', seed: 7, runs: RUNS, decisions: null, vary: { key: 'doctrine.request_support_after', values: ['15m', '1h'] } });
const objectiveIds = header.objectives.map((o) => o.id);

/** A run's record with these figures (the rest 0) and these objectives met. */
function record(j: number, value: string, lost: number | null, firstOnScene: number | null, met: string[]): RunRecord {
  const run = value === '15m' ? j : j - RUNS;
  const metrics = Object.fromEntries(Object.keys(header.metrics).map((m) => [m, 0])) as RunRecord['metrics'];
  metrics.people_lost = lost;
  metrics.mean_first_on_scene_s = firstOnScene;
  const objectives = Object.fromEntries(objectiveIds.map((id) => [id, { value: 1, rating: met.includes(id) ? 'P' : 'U', met: met.includes(id) }])) as RunRecord['objectives'];
  return { j, run, seed: 1000 + run, value, metrics, objectives };
}

/** Under 1h: two fewer people lost than under 15m in every run, ten minutes sooner on scene, `lives` met in more runs. */
const records: RunRecord[] = [];
for (let k = 1; k <= RUNS; k++) {
  // lost varies a lot from run to run (the seed's incidents), the change takes exactly 2 off each
  const lost = 20 + ((k * 37) % 50);
  records.push(record(k, '15m', lost, k === 3 ? null : 3600 + k * 60, k % 4 === 0 ? ['lives'] : []));
  records.push(record(RUNS + k, '1h', lost - 2, 3000 + k * 60, k % 2 === 0 ? ['lives'] : k === 5 ? [] : []));
}
const whole = buildResults(header, null, records);
const paired = whole.aggregates[1].paired!;

describe('a sweep compared run for run with its first value', () => {
  it('gives each figure\'s difference, run for run, with an interval far narrower than the spread of the runs', () => {
    expect(whole.aggregates[0].paired).toBeUndefined();
    expect(paired.against).toBe('15m');
    expect(paired.pairs).toBe(RUNS);
    const lost = paired.metrics.people_lost;
    expect(lost.mean).toBe(-2);
    expect(lost.ci95).toEqual([-2, -2]);
    // side by side, the two means' intervals overlap: the runs differ by far more than the change
    const a = whole.aggregates[0].metrics.people_lost.ci95!, b = whole.aggregates[1].metrics.people_lost.ci95!;
    expect(b[1]).toBeGreaterThan(a[0]);
  });

  it('leaves out the runs where either value has no figure, and counts them as never', () => {
    const first = paired.metrics.mean_first_on_scene_s;
    expect(first.n).toBe(RUNS - 1);
    expect(first.never).toBe(1);
    expect(first.mean).toBe(-600);
  });

  it('gives an objective\'s change in the share of runs that met it, and the runs that met it under one value only', () => {
    const lives = paired.objectives.lives;
    // met in every 2nd run under 1h, every 4th under 15m (a subset): 10 runs gained, none lost
    expect(lives.gained).toBe(10);
    expect(lives.lost).toBe(0);
    expect(lives.met.mean).toBe(0.25);
    expect(whole.aggregates[1].objectives.lives.met.p - whole.aggregates[0].objectives.lives.met.p).toBeCloseTo(0.25, 10);
  });

  it('pairs only the runs a shard holds under both values, and the merge of the shards is the whole batch to the byte', () => {
    const text = (r: BatchResults) => serializeResults(r).join('');
    const reread = (r: BatchResults) => { const x = readResults(text(r)); if (!x.ok) throw new Error(x.message); return x.results; };
    // 3 shards of 80 jobs: run k of 15m is job k, of 1h job 40 + k, in shard (k - 1) mod 3 and (k + 39) mod 3
    const shards = [1, 2, 3].map((i) => ({ name: `s${i}.json`, results: reread(buildResults(header, { index: i, count: 3 }, records.filter((r) => (r.j - 1) % 3 === i - 1))) }));
    for (const s of shards) {
      const held = (v: string) => new Set(s.results.results.filter((r) => r.value === v).map((r) => r.run));
      const both = [...held('15m')].filter((k) => held('1h').has(k)).length;
      expect(s.results.aggregates[1].paired!.pairs).toBe(both);
    }
    const merged = mergeResults(shards);
    if (!merged.ok) throw new Error(merged.message);
    expect(text(merged.results)).toBe(text(whole));
  });

  it('the mean difference is the difference of the means wherever every run has its figure (any figures)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), { minLength: 2, maxLength: 30 }), (pairs) => {
      const h = { ...header, runs: pairs.length };
      const rs = pairs.flatMap(([x, y], i) => [
        { ...record(i + 1, '15m', x, 60, []), run: i + 1 },
        { ...record(pairs.length + i + 1, '1h', y, 60, []), run: i + 1 },
      ]);
      const r = buildResults(h, null, rs);
      const d = r.aggregates[1].paired!.metrics.people_lost;
      expect(d.n).toBe(pairs.length);
      expect(d.mean!).toBeCloseTo(r.aggregates[1].metrics.people_lost.mean! - r.aggregates[0].metrics.people_lost.mean!, 3);
    }));
  });

  it('the table and the page show the differences, marking those the runs show; a sweep with no effect shows none', () => {
    const table = formatBatchSummary(whole);
    expect(table).toContain('difference from doctrine.request_support_after=15m, run for run');
    expect(table).toMatch(/^people lost +-2 \[-2, -2\] \* better$/m);
    expect(table).toMatch(/^ {2}lives +\+25 \[\+\d+, \+\d+\] \* better {2}\(\+10 -0\)$/m);
    // an objective no value changed: no mark
    expect(table).toMatch(/^ {2}rumour +0 \[0, 0\]$/m);
    expect(formatBatchSummary(whole, 'vi')).toContain('chênh lệch so với doctrine.request_support_after=15m');
    expect(batchHtml(whole)).toContain('<td class="shows better">-2 [-2, -2] <span class="dir">better</span></td>');
    const firstOf = (run: number) => records.find((x) => x.value === '15m' && x.run === run)!;
    const same = buildResults(header, null, records.map((r) => (r.value === '1h' ? { ...r, metrics: firstOf(r.run).metrics, objectives: firstOf(r.run).objectives } : r)));
    expect(formatBatchSummary(same)).not.toContain('difference from');
    expect(batchHtml(same)).not.toContain('table class="stats paired"');
  });
});

describe('a difference written beside its interval', () => {
  it('an end that is not 0 but rounds to it in the row\'s unit is written finely enough to show it is not: "-21 s", not "-0 min" beside a *', () => {
    // the docs' support sweep: mean dispatch 3 min sooner, interval [-342.5 s, -21.4 s]
    const unitOf = unitReference([-342.521, -21.3797]);
    expect(signedFigure('mean_dispatch_s', -21.3797, unitOf, 'en')).toBe('-21 s');
    expect(signedFigure('mean_dispatch_s', -21.3797, unitOf, 'vi')).toBe('-21 giây');
    expect(signedFigure('mean_dispatch_s', -342.521, unitOf, 'en')).toBe('-6 min');
    expect(signedFigure('people_at_risk', -0.004, 1, 'en')).toBe('-0.004');
    expect(signedFigure('people_at_risk', 0.004, 1, 'vi')).toBe('+0,004');
    expect(signedFigure('people_at_risk', 0, 1, 'en')).toBe('0');
    expect(signedPoints(0.0004, 'en')).toBe('+0.04');
    expect(signedPoints(-0.005, 'en')).toBe('-0.5');
    // the table: the star's interval does not read as one that holds 0
    const table = formatBatchSummary(whole);
    expect(table).not.toMatch(/-0 (s|min|h)\b/);
  });
});

describe('a difference the runs show (*), and one chance may have made', () => {
  it('the exact sign test: 4 runs one way and none the other is chance one time in eight; 6 to 0 and 10 to 1 are not', () => {
    expect(signTestShows(4, 0)).toBe(false);
    expect(signTestShows(0, 5)).toBe(false);
    expect(signTestShows(6, 0)).toBe(true);
    expect(signTestShows(9, 2)).toBe(false);
    expect(signTestShows(10, 1)).toBe(true);
    expect(signTestShows(0, 0)).toBe(false);
    // many runs: the normal approximation, 130 to 70 (p about 0.00003) and 110 to 90 (p about 0.18)
    expect(signTestShows(130, 70)).toBe(true);
    expect(signTestShows(110, 90)).toBe(false);
  });

  it('4 runs of 200 that met an objective only under the second value get no *, though their interval leaves out 0', () => {
    const rs: RunRecord[] = [];
    for (let k = 1; k <= RUNS; k++) {
      rs.push(record(k, '15m', 30, 3600, []));
      rs.push(record(RUNS + k, '1h', 30, 3600, k <= 4 ? ['lives'] : []));
    }
    const r = buildResults(header, null, rs);
    const d = r.aggregates[1].paired!.objectives.lives;
    expect(d).toMatchObject({ gained: 4, lost: 0 });
    expect(d.met.ci95![0]).toBeGreaterThan(0);
    expect(showsDifference(d.met.ci95, d.gained, d.lost)).toBe(false);
    expect(formatBatchSummary(r)).toMatch(/^ {2}lives +\+10 \[\+\d+(\.\d+)?, \+\d+\] {2}\(\+4 -0\)$/m);
    // the figures likewise: 4 runs lost 5 fewer, the others the same
    const fig = buildResults(header, null, rs.map((x) => (x.value === '1h' && x.run <= 4 ? { ...x, metrics: { ...x.metrics, people_lost: 25 } } : x)));
    const lost = fig.aggregates[1].paired!.metrics.people_lost;
    expect(lost).toMatchObject({ up: 0, down: 4 });
    expect(formatBatchSummary(fig)).toMatch(/^people lost +-0\.5 \[[^\]]+\]$/m);
  });

  it('a shard whose runs pair only with other shards\' says so, and drill merge gives the differences', () => {
    // 3 runs, 2 shards: shard 1 holds jobs 1, 3, 5 (15m runs 1 and 3, 1h run 2): no pair
    const h = { ...header, runs: 3 };
    const rs = [1, 2, 3].flatMap((k) => [{ ...record(k, '15m', 30, 60, []), run: k }, { ...record(3 + k, '1h', 28, 60, []), run: k }]);
    const shard = buildResults(h, { index: 1, count: 2 }, rs.filter((x) => (x.j - 1) % 2 === 0));
    expect(shard.aggregates[1].paired!.pairs).toBe(0);
    expect(formatBatchSummary(shard)).toContain('differences from doctrine.request_support_after=15m, run for run: none in this shard');
    expect(formatBatchSummary(buildResults(h, null, rs))).toContain('difference from doctrine.request_support_after=15m, run for run (');
  });
});
