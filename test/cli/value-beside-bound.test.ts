/**
 * A value that rounds onto the bound it is read against is written finely enough to tell them apart. The chair
 * of minimal.yaml who sends a unit 15 min 6 s after the hotline's call (15 min allowed) was told, by `drill run`,
 * 'decision_latency_s of first-call = 15 min (not met)', and by the report '15 min; target at most 15 min; rated M'
 * and, in the injects table, '15 min | 15 min | **late**': a reviewer could not see why. A share of 89.7 % against
 * 90 % is the same ('90 % (not met)').
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationFine, metricParam, shareDigits, Words } from '../../engine/review/words.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { fmtValue } from '../../engine/cli/run.js';
import { drill, tempDir, writeDecisions } from '../helpers/cli.js';

describe('a value that rounds onto its bound', () => {
  it('is written to the second in the summary, the report and its injects table (en, vi)', () => {
    const dir = tempDir('drillsim-beside-');
    const scenario = join(dir, 's.yaml');
    writeFileSync(scenario, readFileSync('scenarios/minimal.yaml', 'utf8')
      .replace('criterion: { metric: first_on_scene_s, of: collapse-1, comparator: "<=", threshold: 2700 }', 'criterion: { metric: decision_latency_s, of: first-call, comparator: "<=", threshold: 15m }')
      .replace('rating: { P: 2700, S: 3600, M: 5400 }', 'rating: { P: 10m, S: 15m, M: 30m }'));
    // the inject reaches the chair at T+00:22; the dispatch comes 15 min 6 s later
    const decisions = writeDecisions(join(dir, 'd.yaml'), ['mx-commander'], ['{ at: T+00:37:06, role: mx-commander, do: dispatch, unit: mx-police, incident: collapse-1 }']);
    const log = join(dir, 'run.json');
    const run = drill(['run', scenario, '--decisions', decisions, '--out', log, '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('M  first-on-scene: decision_latency_s of first-call = 15 min 6 s (not met)');

    const md = drill(['report', log, '--lang', 'en']).stdout;
    expect(md).toContain('| **Result** | **15 min 6 s, read at');
    expect(md).toContain('First unit on scene within 45 minutes: 15 min 6 s; target at most 15 min; rated M');
    expect(md).toContain('took the expected action after 15 min 6 s; the time allowed was 15 min.');
    expect(md).toMatch(/\| 15 min 6 s \| 15 min \| \*\*late\*\* \|/);

    const vi = drill(['report', log, '--lang', 'vi']).stdout;
    expect(vi).toMatch(/\| 15 phút 6 giây \| 15 phút \| \*\*chậm\*\* \|/);
  });

  it('drill compare writes two objective values that read the same, and are rated apart, finely enough to tell apart', () => {
    const dir = tempDir('drillsim-beside-');
    const scenario = join(dir, 's.yaml');
    writeFileSync(scenario, readFileSync('scenarios/minimal.yaml', 'utf8')
      .replace('criterion: { metric: first_on_scene_s, of: collapse-1, comparator: "<=", threshold: 2700 }', 'criterion: { metric: decision_latency_s, of: first-call, comparator: "<=", threshold: 15m }')
      .replace('rating: { P: 2700, S: 3600, M: 5400 }', 'rating: { P: 10m, S: 15m, M: 30m }'));
    const logs = ['T+00:37:00', 'T+00:37:06'].map((at, i) => {
      const decisions = writeDecisions(join(dir, `d${i}.yaml`), ['mx-commander'], [`{ at: ${at}, role: mx-commander, do: dispatch, unit: mx-police, incident: collapse-1 }`]);
      const log = join(dir, `r${i}.json`);
      expect(drill(['run', scenario, '--decisions', decisions, '--out', log, '--quiet']).code).toBe(0);
      return log;
    });
    const c = drill(['compare', ...logs, '--lang', 'en']);
    expect(c.stdout).toMatch(/^ {2}first-on-scene {2}S {2}15 min +M {2}15 min 6 s {3}<- rating differs$/m);
  });

  it('is written to the second in the report\'s evidence list and decisions table too (en, vi)', () => {
    // the objective's evidence said 'expected action taken by ... after 15 min' under a Result of 15 min 6 s
    const dir = tempDir('drillsim-beside-');
    const scenario = join(dir, 's.yaml');
    writeFileSync(scenario, readFileSync('scenarios/minimal.yaml', 'utf8')
      .replace('criterion: { metric: first_on_scene_s, of: collapse-1, comparator: "<=", threshold: 2700 }', 'criterion: { metric: decision_latency_s, of: first-call, comparator: "<=", threshold: 15m }')
      .replace('rating: { P: 2700, S: 3600, M: 5400 }', 'rating: { P: 10m, S: 15m, M: 30m }'));
    const decisions = writeDecisions(join(dir, 'd.yaml'), ['mx-commander'], ['{ at: T+00:37:06, role: mx-commander, do: dispatch, unit: mx-police, incident: collapse-1 }']);
    const log = join(dir, 'run.json');
    expect(drill(['run', scenario, '--decisions', decisions, '--out', log, '--lang', 'en']).code).toBe(0);
    const md = drill(['report', log, '--lang', 'en']).stdout;
    expect(md).toMatch(/expected action taken by .+ after 15 min 6 s \\\[log event #\d+\\\]/);
    expect(md).not.toMatch(/expected action taken by .+ after 15 min \\\[/);
    // and in the decisions table's 'answers' column: 'inject #1 "..." after 15 min' beside the 15 min allowed
    expect(md).toMatch(/\| inject #1 "House collapse reported" after 15 min 6 s \|/);
    const vi = drill(['report', log, '--lang', 'vi']).stdout;
    expect(vi).toMatch(/đã xử lý sau 15 phút 6 giây \\\[/);

    // an answer well inside the time allowed keeps the usual rounding: 10 min, not 10 min 0 s
    const early = writeDecisions(join(dir, 'e.yaml'), ['mx-commander'], ['{ at: T+00:32, role: mx-commander, do: dispatch, unit: mx-police, incident: collapse-1 }']);
    const log2 = join(dir, 'run2.json');
    expect(drill(['run', scenario, '--decisions', early, '--out', log2, '--lang', 'en']).code).toBe(0);
    expect(drill(['report', log2, '--lang', 'en']).stdout).toMatch(/expected action taken by .+ after 10 min \\\[/);
  });

  it('keeps the usual rounding where it cannot be taken for the bound', () => {
    expect(fmtValue('decision_latency_s', 1500, 'en', [900, 600, 900, 1800])).toBe('25 min');
    expect(fmtValue('decision_latency_s', 906, 'en', [900, 600, 900, 1800])).toBe('15 min 6 s');
    expect(fmtValue('first_on_scene_s', 7206, 'en', [7200])).toBe('2 h 0 min 6 s');
    expect(fmtValue('evacuated_share', 0.897, 'en', [0.9, 0.9, 0.7, 0.4])).toBe('89.7 %');
    expect(fmtValue('evacuated_share', 0.8996, 'vi', [0.9, 0.9, 0.7, 0.4])).toBe('89,96%');
    expect(fmtValue('evacuated_share', 0.8, 'en', [0.9, 0.9, 0.7, 0.4])).toBe('80 %');
    expect(shareDigits(0.9, [0.9])).toBe(0);
    expect(durationFine(3600 + 5, 'vi')).toBe('1 giờ 0 phút 5 giây');
    // days of stock: 2.96 beside a target of 3 read '3.0 days' in the report
    expect(fmtValue('stock_days_min', 2.999, 'en', [3, 3, 2, 1])).toBe('2.999');
    const parsed = parseScenario(readFileSync('scenarios/minimal.yaml', 'utf8'), 'm.yaml');
    if (!parsed.ok) throw new Error('minimal.yaml does not parse');
    const w = new Words('en', parsed.scenario);
    expect(w.p(metricParam('stock_days_min', 2.96, [3, 3, 2, 1]))).toBe('2.96 days');
    expect(w.p(metricParam('stock_days_min', 3))).toBe('3.0 days');
    expect(w.p(metricParam('stock_days_min', 4.5, [3, 3, 2, 1]))).toBe('4.5 days');
  });
});
