/**
 * Every row of the improvement plan a trainee's orders or the run's roads give has a core capability: a refused
 * order the capability of the objective that measures what it would have done (the evacuation of its zone, the
 * first unit on scene), or HSEEP's for that kind of order when no objective does; a unit held up by a cut road
 * Critical Transportation; a level declared or support asked for, late or prompt, the objective's that measures it,
 * or else Operational Coordination, as for such an order refused. Exercise control's own refused orders stay without one (their element is Exercises).
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { runScenario } from '../../engine/sim/run.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { fixtureScenario, H } from './fixture.js';
import { kySon } from './ky-son-runs.js';
import { loadNamed } from '../helpers/scenarios.js';

const trainee = (at: number, cmd: Record<string, unknown>): Decision => ({ at, role: 'r1', author: 'trainee', cmd } as unknown as Decision);

describe('the improvement plan\'s core capabilities', () => {
  it('files a refused order under the objective that measures it, or HSEEP\'s capability for the order', () => {
    const scenario = fixtureScenario();
    const decisions = [
      trainee(0.2 * H, { do: 'evacuate', zone: 'z1' }),
      trainee(0.3 * H, { do: 'evacuate', zone: 'z1' }), // already so: the zone's objective (Critical Transportation)
      trainee(0.4 * H, { do: 'dispatch', unit: 'u2', incident: 'nowhere' }), // not r1's: first on scene's objective
      trainee(0.5 * H, { do: 'request_support', area: 'c2' }), // not r1's area: no objective measures it
      trainee(0.6 * H, { do: 'public_info', area: 'c1', message: '' }), // empty
    ];
    const { log } = runScenario(scenario, { seed: 1, decisions, players: ['r1'] });
    const aar = buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
    const refused = aar.improvements.filter((f) => f.key.startsWith('f.decision.refused'));
    expect(refused.map((f) => [(f.params.cmd as { cmd: string }).cmd, f.capability])).toEqual([
      ['evacuate', 'Critical Transportation'],
      ['dispatch', 'Mass Search and Rescue Operations'],
      ['request_support', 'Operational Coordination'],
      ['public_info', 'Public Information and Warning'],
    ]);
    const md = renderReport(aar, 'md', 'en');
    expect(md).toMatch(/\n\| Public Information and Warning \| Chair One ordered "[^|]*" at T\+00:36 \(20:36\), and the order was refused: the statement was empty\. \|/);
    expect(renderReport(aar, 'md', 'vi')).toMatch(/\n\| Thông tin và cảnh báo cộng đồng \| /);
  });

  it('files levels and support no objective measures under Operational Coordination (gió Lào: support asked 2 h 40 min late)', () => {
    for (const name of ['gio-lao-forest-fire', 'nam-dan-compound-flood']) {
      const scenario = loadNamed(name);
      expect(scenario.objectives.some((o) => o.criterion.metric === 'support_requested_s')).toBe(false);
      const { log } = runScenario(scenario, { seed: scenario.seed ?? 1 });
      const aar = buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
      const found = [...aar.strengths, ...aar.improvements].filter((f) => /^f\.(support|level)\./.test(f.key));
      expect(found.some((f) => f.key.startsWith('f.support.'))).toBe(true);
      for (const f of found) expect([name, f.key, f.capability]).toEqual([name, f.key, 'Operational Coordination']);
      if (name === 'gio-lao-forest-fire') {
        expect(renderReport(aar, 'md', 'en')).toMatch(/\n\| Operational Coordination \| Hùng Thành: support requested by [^|]* only at T\+03:00 \(14:00\)/);
        expect(renderReport(aar, 'md', 'vi')).toMatch(/\n\| Điều phối hoạt động \| Hùng Thành: /);
      }
    }
  });

  it('files an inject acted on late under the capability of the action it expected when no objective names it (Vinh: inject #3)', () => {
    const scenario = loadNamed('vinh-wards-typhoon-night');
    expect(scenario.injects.find((i) => i.id === 'old-blocks-directive-tr')?.objectives ?? []).toEqual([]);
    const { log } = runScenario(scenario, { seed: scenario.seed ?? 1 });
    const aar = buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
    const late = aar.improvements.filter((f) => f.key.startsWith('f.inject.'));
    expect(late.length).toBeGreaterThan(0);
    for (const f of late) expect([f.key, (f.params.inject as { id: string }).id, f.capability]).toEqual([f.key, (f.params.inject as { id: string }).id, expect.any(String)]);
    expect(renderReport(aar, 'md', 'en')).toMatch(/\n\| Critical Transportation \| Inject #3 "Move residents out of the old blocks before 17:00": Trường Vinh ward chair took the expected action after 1 h 26 min/);
  });

  it('files a unit held up by a cut road under Critical Transportation', () => {
    const r = kySon('late');
    const blocked = buildAar(r.log, r.scenario, r.events).improvements.filter((f) => f.key === 'f.unit.blocked');
    expect(blocked.length).toBeGreaterThan(0);
    for (const f of blocked) expect(f.capability).toBe('Critical Transportation');
  });
});

describe("the improvement plan's element for a role nobody played", () => {
  // the dam rumour (inject #10) goes to Mường Xén's chair; doctrine does not answer rumours
  const planRows = (players: string[]) => {
    const scenario = loadNamed('ky-son-flash-flood');
    const { log } = runScenario(scenario, { seed: scenario.seed ?? 1, players });
    const aar = buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
    const md = renderReport(aar, 'md', 'en');
    return { aar, rows: md.split('\n').filter((l) => l.startsWith('| Public Information and Warning | Inject #10')), vi: renderReport(aar, 'md', 'vi') };
  };

  it("is Planning where doctrine played the role all run (the written plan left it undone), and the row says doctrine played it", () => {
    const { aar, rows, vi } = planRows(['tc-chair']);
    const never = aar.improvements.find((f) => f.key === 'f.inject.never' && f.org === 'mx-chair')!;
    expect(never.element).toBe('planning');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/ \| Planning \| Mường Xén commune chair \(commune civil-defence board\), played by doctrine \|/);
    expect(vi).toContain('Chủ tịch UBND xã Mường Xén (Ban chỉ huy PTDS xã), do phương án tự động đảm nhận |');
  });

  it('stays Training where a trainee held the role and did not act', () => {
    const { aar, rows } = planRows(['mx-chair']);
    expect(aar.improvements.find((f) => f.key === 'f.inject.never' && f.org === 'mx-chair')!.element).toBe('training');
    expect(rows[0]).toMatch(/ \| Training \| Mường Xén commune chair \(commune civil-defence board\) \|/);
  });
});
