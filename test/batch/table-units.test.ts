/**
 * How a batch's figures read in its table and page: a row (a metric) or column (an area's wait) of durations in
 * one unit, not "111 min" beside "3.0 h"; percentiles of counts that are counts; an interval of a skewed count
 * that neither starts below zero nor is cut at it. Hand-made runs, so that each case is there for sure.
 */
import { describe, expect, it } from 'vitest';
import { batchHeader, buildResults, RUN_METRIC_NAMES, type BatchResults, type RunMetric, type RunRecord } from '../../engine/batch/results.js';
import { batchHtml } from '../../engine/batch/html.js';
import { formatBatchSummary } from '../../engine/cli/batch-summary.js';
import { loadNamed } from '../helpers/scenarios.js';

const scenario = loadNamed('minimal');

/** n runs whose figures come from `f(k)`; every other metric 0. */
function batch(n: number, f: (k: number) => { metrics?: Partial<Record<RunMetric, number | null>>; areas?: RunRecord['areas'] }, vary?: { key: string; values: string[] }): BatchResults {
  const h = batchHeader({ engine: 'test', scenario: { ...scenario, objectives: [] }, scenarioHash: 'h', seed: 1, runs: n, decisions: null, vary: vary ?? null });
  const values = vary ? vary.values : [null];
  const records: RunRecord[] = values.flatMap((value, v) => Array.from({ length: n }, (_, i) => {
    const x = f(i + v * n);
    const metrics = Object.fromEntries(RUN_METRIC_NAMES.map((m) => [m, x.metrics?.[m] ?? 0])) as Record<RunMetric, number | null>;
    return { j: v * n + i + 1, run: i + 1, seed: i + 1, value, metrics, objectives: {}, areas: x.areas ?? {}, units: { u: { busy: 0.5, blocked: 0 } } };
  }));
  return buildResults(h, null, records);
}

const row = (table: string, label: string) => table.split('\n').find((l) => l.startsWith(label + ' '))!;
/** the unit of every figure after a line's label (undefined for a figure without one) */
const cells = (line: string) => [...line.replace(/^\S.*?(?= {3})/, '').matchAll(/\d+(?:[.,]\d+)?(?: (s|min|h|giây|phút|giờ)(?=[\s\],;]|$))?/g)].map((m) => m[1]);
const unitsOf = (units: (string | undefined)[]) => new Set(units);

describe('durations in one unit per row and per column', () => {
  // a first unit 2 to 3 h after the report in most runs, 55 min in a few: the row read "2.6 h ... 55 min ... 4.3 h"
  const r = batch(100, (k) => ({
    metrics: { mean_first_on_scene_s: k < 8 ? 3300 : 7200 + k * 60, mean_dispatch_s: k < 10 ? 0 : 1800 + k * 60 },
    areas: { north: { incidents: 1, wait_s: 600 + k * 30, first_on_scene_s: 10_000 + k * 20, unreached: 0 }, south: { incidents: 1, wait_s: 900, first_on_scene_s: 6400 + k, unreached: 0 } },
  }));

  it('the console table: every figure of a duration row in its mean\'s unit', () => {
    const t = formatBatchSummary(r);
    expect(row(t, 'mean first on scene')).toMatch(/0\.9 h/);
    expect(unitsOf(cells(row(t, 'mean first on scene')))).toEqual(new Set(['h']));
    expect(unitsOf(cells(row(t, 'mean dispatch')))).toEqual(new Set(['min']));
    const vi = formatBatchSummary(r, 'vi');
    expect(unitsOf(cells(row(vi, 'lực lượng đầu tiên có mặt sau, trung bình')))).toEqual(new Set(['giờ']));
  });

  it('the area table: one unit down each column (2.0 h beside 3.2 h, not 107 min)', () => {
    const t = formatBatchSummary(r);
    const lines = t.split('\n');
    const at = lines.findIndex((l) => l.startsWith('area '));
    const north = lines[at + 1], south = lines[at + 2];
    expect(north).toMatch(/^north\s+1\s+\d+ min\s+3\.\d h/);
    expect(south).toMatch(/^south\s+1\s+15 min\s+1\.8 h/);
  });

  it('a sweep: one unit along a metric\'s row and over the block of areas', () => {
    const s = batch(50, (k) => ({
      metrics: { mean_first_on_scene_s: k < 50 ? 5000 + k : 9000 + k },
      areas: { north: { incidents: 1, wait_s: 60, first_on_scene_s: k < 50 ? 6000 : 9000, unreached: 0 }, south: { incidents: 1, wait_s: 60, first_on_scene_s: 3000, unreached: 0 } },
    }), { key: 'doctrine.request_support_after', values: ['15m', '2h'] });
    const t = formatBatchSummary(s);
    // 83 min under one value, 2.5 h under the other: both in one unit
    expect(unitsOf(cells(row(t, 'mean first on scene'))).size).toBe(1);
    expect(cells(row(t, 'mean first on scene'))).toHaveLength(6);
    const block = t.split('\n').slice(t.split('\n').indexOf('first unit on scene, per area') + 1).slice(0, 2);
    expect(block.flatMap(cells)).toHaveLength(12);
    expect(unitsOf(block.flatMap(cells)).size).toBe(1);
  });

  it('the page: a metric\'s row and each area column in one unit', () => {
    const page = batchHtml(r);
    const tr = /<tr><th>mean first on scene<\/th>(.*?)<\/tr>/.exec(page)![1];
    const figs = [...tr.matchAll(/(\d+(?:\.\d+)?) (s|min|h)\b/g)].map((m) => m[2]);
    expect(figs.length).toBeGreaterThanOrEqual(5);
    expect(new Set(figs)).toEqual(new Set(['h']));
    const areas = /<tr><th>north<\/th>(.*?)<\/tr><tr><th>south<\/th>(.*?)<\/tr>/.exec(page)!;
    expect(areas[2]).toMatch(/<td>1\.8 h<\/td>/);
  });
});

describe('counts in the table', () => {
  it('p95 of people lost is a number of people that some run lost; the mean may be fractional', () => {
    const lost = [22, 22, 24, 25, 26, 28, 30, 31, 32, 32, 33, 35, 36, 40, 44, 52, 61, 80, 96, 120];
    const t = formatBatchSummary(batch(20, (k) => ({ metrics: { people_lost: lost[k] } })));
    expect(row(t, 'people lost')).toMatch(/^people lost\s+43\.5 \[[\d.]+, [\d.]+\]\s+32\s+22\s+96$/);
  });

  it('people still at risk, 0 in most runs and 400 in one: an interval above zero, neither negative nor cut at 0', () => {
    const t = formatBatchSummary(batch(500, (k) => ({ metrics: { people_still_at_risk: k === 56 ? 400 : k % 25 === 0 ? 1 : 0 } })));
    const m = /^people still at risk\s+([\d.]+) \[([\d.]+), ([\d.]+)\]/.exec(row(t, 'people still at risk'))!;
    expect(Number(m[2])).toBeGreaterThan(0);
    expect(Number(m[2])).toBeLessThan(Number(m[1]));
    expect(Number(m[3]) - Number(m[1])).toBeGreaterThan(Number(m[1]) - Number(m[2]));
    expect(t).toMatch(/or a bootstrap where the runs are too skewed for t/);
  });
});

describe('incidents contained and resolved', () => {
  // they differ by the incidents still in their mop-up at the end (contained, not yet resolved)
  const same = batch(30, (k) => ({ metrics: { incidents_contained: 5 + (k % 3), incidents_resolved: 5 + (k % 3) } }));
  const differ = batch(30, (k) => ({ metrics: { incidents_contained: 5 + (k % 3), incidents_resolved: 5 + (k % 3) - (k === 7 ? 1 : 0) } }));

  it('the same in every run: one row that says so, in the table, a sweep and the page, in both languages', () => {
    const t = formatBatchSummary(same);
    expect(t).toMatch(/^incidents contained = resolved\s+6 \[/m);
    expect(t).not.toMatch(/^incidents (contained|resolved) {2,}/m);
    expect(formatBatchSummary(same, 'vi')).toMatch(/^số sự cố đã khống chế = đã giải quyết xong\s+6 \[/m);
    const page = batchHtml(same);
    expect(page).toContain('<tr><th>incidents contained = resolved</th>');
    expect(page).not.toContain('<tr><th>incidents resolved</th>');
    const sweep = batch(10, () => ({ metrics: { incidents_contained: 4, incidents_resolved: 4 } }), { key: 'doctrine.request_support_after', values: ['15m', '2h'] });
    expect(formatBatchSummary(sweep)).toMatch(/^incidents contained = resolved\s+4 \[4, 4\]\s+4 \[4, 4\]$/m);
  });

  it('different in one run of thirty: both rows, as they are', () => {
    const t = formatBatchSummary(differ);
    expect(t).toMatch(/^incidents contained\s+6 \[/m);
    expect(t).toMatch(/^incidents resolved\s+5\.97 \[/m);
    expect(t).not.toMatch(/contained = resolved/);
  });
});
