/**
 * A long shortfall in an area where no role may declare a civil-defence level (neither the area's own nor one
 * above it). The level finding looked only for the role that should have declared, so with none the shortfall
 * went unmentioned; it is a finding now, a gap in the plan (element Planning) rather than a role's failure.
 * Kỳ Sơn with the Tà Cạ chair's `declares: [1]` taken away: Tà Cạ is short from T+03:10 for hours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../engine/review/metrics.js';
import { reportOf } from '../../engine/review/report.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { edit, inlineScenario, SCENARIO_DIR } from '../helpers/scenarios.js';

const KY_SON = readFileSync(join(SCENARIO_DIR, 'ky-son-flash-flood.yaml'), 'utf8');

function report(scenario: Scenario, lang: 'en' | 'vi', until?: number) {
  const { log } = runScenario(scenario, { seed: 2022, ...(until !== undefined ? { until } : {}) });
  const back = readRunLog(serializeRunLog(log!).join(''));
  if (!back.ok) throw new Error(back.message);
  return reportOf(back.log, scenario, back.events as LogEvent[], 'md', lang);
}

describe('a long shortfall where no role may declare a level', () => {
  const noDeclarer = inlineScenario(edit(KY_SON, ['    commands: [tc-militia, tc-shock-team, tc-health]\n    declares: [1]\n', '    commands: [tc-militia, tc-shock-team, tc-health]\n']), 'ky-son-no-declarer.yaml');

  it('is an area for improvement that says no role could declare one there, a gap in the plan, in both languages', () => {
    const en = report(noDeclarer, 'en');
    const found = en.aar.improvements.filter((f) => f.key === 'f.level.no_declarer' && JSON.stringify(f.params.area).includes('"ta-ca"'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ element: 'planning', org: null, action: { key: 'a.level.assign' } });
    expect(en.text).toContain("- Tà Cạ: its forces were exceeded from T+03:10 (21:10) for 4 h 48 min, longer than the 30 min the plan gives for declaring a level, and no role in the scenario may declare a civil-defence level there (neither the area's own nor one above it): a gap in the plan.");
    expect(en.text).toContain("*Suggested: Name in the plan the role that declares civil-defence level 1 for Tà Cạ (the area's own, or one above it).* | Planning |");
    const vi = report(noDeclarer, 'vi').text;
    expect(vi).toContain('- Tà Cạ: lực lượng tại chỗ bị vượt khả năng từ T+03:10 (21:10) trong 4 giờ 48 phút, lâu hơn 30 phút mà kế hoạch dành cho việc ban bố cấp độ, nhưng trong kịch bản không có vai trò nào được ban bố cấp độ phòng thủ dân sự tại đây (cả của địa bàn lẫn cấp trên): kế hoạch còn thiếu sót.');
  });

  // a run stopped with the shortfall still open (drill run --until): it lasted at least that long, it had not ended
  it('says a shortfall still open when the run stopped was still so, not that it lasted a fixed time', () => {
    const en = report(noDeclarer, 'en', 5 * 3600).text;
    expect(en).toContain('- Tà Cạ: its forces were exceeded from T+03:10 (21:10) for 1 h 50 min (still so when the run ended), longer than the 30 min');
    const vi = report(noDeclarer, 'vi', 5 * 3600).text;
    expect(vi).toContain('- Tà Cạ: lực lượng tại chỗ bị vượt khả năng từ T+03:10 (21:10) trong 1 giờ 50 phút (vẫn còn khi lượt chạy kết thúc), lâu hơn 30 phút');
  });

  it('is no such finding where a role may declare and did (the scenario as written)', () => {
    const en = report(inlineScenario(KY_SON, 'ky-son.yaml'), 'en');
    expect(en.aar.improvements.filter((f) => f.key === 'f.level.no_declarer' && JSON.stringify(f.params.area).includes('"ta-ca"'))).toEqual([]);
    expect(en.aar.strengths.some((f) => f.key === 'f.level.prompt' && JSON.stringify(f.params.area).includes('"ta-ca"'))).toBe(true);
  });
});
