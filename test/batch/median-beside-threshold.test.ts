/**
 * The "median value" of `drill batch`'s objectives table is read against the objective's threshold: a median
 * that rounds onto it is written finely enough to tell them apart, as `drill run` and the report write an
 * objective's value. A median answer 45 min 6 s after the report, beside a target of 45 min, read '45 min' in a
 * row that says the objective was met in no run; a median share of 89.96 % beside 90 % read '90 %'.
 * Hand-made runs, so that each median is what the case needs.
 */
import { describe, expect, it } from 'vitest';
import { batchHeader, buildResults, RUN_METRIC_NAMES, type BatchResults, type RunMetric, type RunRecord } from '../../engine/batch/results.js';
import { fmtFigureBeside } from '../../engine/batch/format.js';
import { formatBatchSummary } from '../../engine/cli/batch-summary.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { loadNamed } from '../helpers/scenarios.js';

const minimal = loadNamed('minimal');

/** n runs of minimal.yaml's one objective, with this metric and threshold, each run's value from `value(k)`. */
function batch(metric: string, threshold: number, n: number, value: (k: number) => number, met: (v: number) => boolean): BatchResults {
  const o = minimal.objectives[0];
  const scenario: Scenario = { ...minimal, objectives: [{ ...o, criterion: { ...o.criterion, metric, threshold } as typeof o.criterion }] };
  const h = batchHeader({ engine: 'test', scenario, scenarioHash: 'h', seed: 1, runs: n, decisions: null, vary: null });
  const records: RunRecord[] = Array.from({ length: n }, (_, i) => {
    const metrics = Object.fromEntries(RUN_METRIC_NAMES.map((m) => [m, 0])) as Record<RunMetric, number | null>;
    const v = value(i);
    return { j: i + 1, run: i + 1, seed: i + 1, value: null, metrics, objectives: { [o.id]: { value: v, rating: met(v) ? 'P' : 'M', met: met(v) } }, areas: {}, units: {} };
  });
  return buildResults(h, null, records);
}

const objectiveRow = (table: string) => table.split('\n').find((l) => l.startsWith('first-on-scene '))!;

describe("the objectives table's median value beside the threshold", () => {
  it('a median duration that rounds onto the threshold is written to the second (en, vi)', () => {
    const r = batch('first_on_scene_s', 2700, 21, (k) => 2700 + 6 + k, (v) => v <= 2700);
    expect(objectiveRow(formatBatchSummary(r))).toMatch(/ 0 % \[0-15\] .* 45 min 16 s$/);
    expect(objectiveRow(formatBatchSummary(r, 'vi'))).toMatch(/ 45 phút 16 giây$/);
  });

  it('a median share that rounds onto the threshold is written to the decimal it needs', () => {
    const r = batch('evacuated_share', 0.9, 21, (k) => 0.8996 - (k - 10) * 0.0001, (v) => v >= 0.9);
    expect(objectiveRow(formatBatchSummary(r))).toMatch(/ 89\.96 %$/);
    expect(objectiveRow(formatBatchSummary(r, 'vi'))).toMatch(/ 89,96%$/);
  });

  it('keeps the usual rounding where it cannot be taken for the threshold', () => {
    const r = batch('first_on_scene_s', 2700, 21, (k) => 2040 + k, (v) => v <= 2700);
    expect(objectiveRow(formatBatchSummary(r))).toMatch(/ 34 min$/);
    // the threshold itself, and a value that rounds onto another figure, read as usual
    expect(fmtFigureBeside('first_on_scene_s', 2700, [2700])).toBe('45 min');
    expect(fmtFigureBeside('evacuated_share', 0.9, [0.9])).toBe('90 %');
    expect(fmtFigureBeside('evacuated_share', 0.859, [0.9])).toBe('85.9 %');
    // in hours a tenth is 6 min: 2 h 2 min beside 2 h (both '2.0 h'), to the second only where minutes do not tell
    expect(fmtFigureBeside('first_on_scene_s', 7320, [7200])).toBe('2 h 2 min');
    expect(fmtFigureBeside('first_on_scene_s', 7206, [7200])).toBe('2 h 0 min 6 s');
    expect(fmtFigureBeside('support_requested_s', 13_206, [13_200])).toBe('T+03:40:06');
    expect(fmtFigureBeside('people_lost', 10, [10])).toBe('10');
  });
});
