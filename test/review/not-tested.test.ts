/**
 * The reviewer's case: in the cua-lo run with the scenario's own seed the
 * chlorine leak (a secondary incident, probability 0.5) never happens. Its
 * objective is not tested: not rated P, not among the strengths, not among
 * the areas for improvement, not in its capability's rating, and the report
 * says why, in both languages. In a run with the leak it is rated as before.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

function cuaLo(seed?: number) {
  const scenario = loadNamed('cua-lo-high-rise-fire');
  const { log } = runScenario(scenario, { seed });
  const back = readRunLog(serializeRunLog(log!).join(''));
  if (!back.ok) throw new Error(back.message);
  const events = back.events as LogEvent[];
  return { log: back.log, scenario, events, aar: buildAar(back.log, scenario, events) };
}

const leaks = (events: LogEvent[]) => events.some((e) => e.type === 'incident.reported' && e.kind === 'toxic-release');
const section = (md: string, from: string, to: string) => md.slice(md.indexOf(from), md.indexOf(to, md.indexOf(from)));

describe('cua-lo without the chlorine leak (seed 2022)', () => {
  const run = cuaLo();

  it('has no toxic-release incident, and the chemical objective is not tested in the summary, with its reason', () => {
    expect(leaks(run.events)).toBe(false);
    const o = run.log.summary.objectives.find((x) => x.id === 'chemical')!;
    expect(o).toEqual({ id: 'chemical', metric: 'contained_s', of: 'toxic-release', value: null, met: false, rating: null, at: 8 * 3600, not_tested: 'no_incident' });
    // the other objectives keep their ratings
    expect(run.log.summary.objectives.filter((x) => x.id !== 'chemical').every((x) => x.rating !== null && x.not_tested === undefined)).toBe(true);
  });

  it('counts it neither as a strength nor as an area for improvement, nor in its capability\'s rating', () => {
    const { aar } = run;
    const about = (f: { params: Record<string, unknown> }) => JSON.stringify(f.params.objective ?? null).includes('"chemical"');
    expect(aar.strengths.filter(about)).toEqual([]);
    expect(aar.improvements.filter(about)).toEqual([]);
    expect(aar.capabilities.find((c) => c.name === 'Environmental Response/Health and Safety')!.rating).toBeNull();
  });

  it('the English report shows it as not tested with the reason, and not under Strengths', () => {
    const md = renderReport(run.aar, 'md', 'en');
    const strengths = section(md, '## 4. Strengths', '## 5.');
    expect(strengths).not.toContain('chlorine');
    expect(section(md, '## 5. Areas for improvement', '## 6.')).toContain('- Stop the chlorine leak within 2 h 30 min: no incident of the kind "Chlorine leak from the chemical store" in this run.');
    expect(md).toContain('| **Result** | **Not tested in this run: no incident of the kind "Chlorine leak from the chemical store" in this run. Not rated, and counted neither as a strength nor as an area for improvement.** |');
    expect(md).toContain('Core capability rating: not tested in this run');
    expect(md).toMatch(/\| \*\*Objectives\*\* \| 2 of the 5 tested met \(P 1 · S 1 · M 2 · U 1\); 1 not tested in this run \|/);
    expect(md).not.toMatch(/0 s, read at T\+08:00 \(22:00\): rated P/);
  });

  it('the Vietnamese report says the same in Vietnamese, and the HTML report too', () => {
    const vi = renderReport(run.aar, 'md', 'vi');
    expect(vi).toContain('Không đánh giá trong lượt chạy này: không có sự cố loại "Rò rỉ khí clo từ kho hóa chất" trong lượt chạy này.');
    expect(vi).not.toMatch(/⟦/);
    const html = renderReport(run.aar, 'html', 'en');
    expect(html).toContain('Not tested in this run: no incident of the kind &quot;Chlorine leak from the chemical store&quot; in this run.');
  });
});

describe('cua-lo with the chlorine leak (seed 1)', () => {
  const run = cuaLo(1);

  it('rates the chemical objective from the leak\'s containment time, as before', () => {
    expect(leaks(run.events)).toBe(true);
    const o = run.log.summary.objectives.find((x) => x.id === 'chemical')!;
    expect(o).toEqual({ id: 'chemical', metric: 'contained_s', of: 'toxic-release', value: 9592, met: false, rating: 'M', at: 8 * 3600 });
    expect(run.aar.improvements.some((f) => f.key === 'f.objective.short' && JSON.stringify(f.params.objective).includes('"chemical"'))).toBe(true);
    expect(run.aar.capabilities.find((c) => c.name === 'Environmental Response/Health and Safety')!.rating).toBe('M');
  });
});
