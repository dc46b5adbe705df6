/**
 * The improvement plan names who should have declared a civil-defence level: the role the law gives it to.
 * In legacy three tiers that is the district board (Civil Defence Law 2023 as first passed), not the
 * commune that ran short and not the role that merely speaks for it.
 */
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../engine/review/metrics.js';
import { reportOf } from '../../engine/review/report.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

describe('who the improvement plan says should declare level 1 (legacy three tiers)', () => {
  it('a district board a trainee played and that never declared is named for its towns and communes', () => {
    const scenario = loadNamed('ban-ve-extreme-inflow-legacy');
    const d = parseDecisions('drillsim_decisions: 1\nscenario: ban-ve-extreme-inflow-legacy\nplayers: [td-district-board]\ndecisions: []\n', 'd.yaml', scenario);
    if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
    const { log } = runScenario(scenario, { seed: 7, decisions: d.value.decisions, players: d.value.players });
    const back = readRunLog(serializeRunLog(log!).join(''));
    if (!back.ok) throw new Error(back.message);
    const md = reportOf(back.log, scenario, back.events as LogEvent[], 'md', 'en').text;
    const plan = md.split('\n').filter((l) => l.startsWith('| Operational Coordination |')).map((l) => l.split('|').map((c) => c.trim()).filter((_, i) => i === 2 || i === 5).join(' -> '));
    expect(plan).toContain("Tương Dương district declares level 1 in Thạch Giám before T+08:00, without waiting for the town's request (T+09:00): never, not done by the time it was read; target before T+08:00 (02:00); rated U: Unable to be performed. -> Tương Dương district command board");
    expect(plan).toContain('Thạch Giám town: its forces were exceeded from T+06:00 (00:00) for 4 h 32 min, longer than the 30 min the plan gives for declaring a level, and no civil-defence level was declared. -> Tương Dương district command board');
    // every shortfall that called for a level is the district's to answer, not the town's or commune's
    const never = plan.filter((l) => l.includes('no civil-defence level was declared'));
    expect(never.length).toBeGreaterThan(0);
    for (const l of never) expect(l).toMatch(/-> (Tương Dương|Con Cuông|Kỳ Sơn) district command board$/);
  });
});
