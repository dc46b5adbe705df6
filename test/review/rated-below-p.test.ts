/**
 * An objective that met its criterion and was still rated below P (the
 * scenario's P threshold is stricter than the criterion) says, in the areas
 * for improvement and the improvement plan, what P needed: "T+18:30; target
 * before T+20:00; rated S" alone reads as a contradiction.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

function aarOf(name: string) {
  const scenario = loadNamed(name);
  const { log } = runScenario(scenario, { seed: scenario.seed ?? 1 });
  return buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
}

describe('an objective met and still rated below P', () => {
  it('says what P needed (Nam Đàn: Lam Thành declares level 1 at T+18:30, before the T+20:00 target; P needs before T+18:00)', () => {
    const aar = aarOf('nam-dan-compound-flood');
    const o = aar.objectives.find((x) => x.spec.id === 'level-1')!;
    expect(o.result).toMatchObject({ rating: 'S', met: true, value: 18.5 * 3600 });
    const line = (lang: 'en' | 'vi') => renderReport(aar, 'md', lang).split('\n').filter((l) => l.startsWith('- ') && l.includes('T+18:30 (02:30)') && /rated|mức đánh giá/.test(l));
    expect(line('en')).toEqual(['- Lam Thành declares level 1 before the province prompts it (T+20:00): T+18:30 (02:30); target before T+20:00 (04:00) met, but P (performed without challenges) needs before T+18:00 (02:00); rated S: Performed with some challenges. (Operational Coordination)']);
    expect(line('vi')).toEqual(['- Lam Thành ban bố cấp độ 1 trước khi tỉnh nhắc (T+20:00): kết quả T+18:30 (02:30); đạt chỉ tiêu trước T+20:00 (04:00), nhưng để đạt mức P (thực hiện không gặp khó khăn) cần trước T+18:00 (02:00); mức đánh giá S: Thực hiện nhưng còn một số khó khăn. (Điều phối hoạt động)']);
  });

  it('keeps the plain line for an objective that missed its criterion (Nam Đàn: 27 lives lost against at most 10)', () => {
    const md = renderReport(aarOf('nam-dan-compound-flood'), 'md', 'en');
    expect(md).toContain('- No more than 10 lives lost (2 or fewer is performed well): 27; target at most 10; rated M: Performed with major challenges.');
  });
});
