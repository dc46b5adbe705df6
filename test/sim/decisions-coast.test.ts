/**
 * A decisions file checked against its scenario at load: a sea ban for an
 * area without a coast is a warning (the engine refuses it when it is given,
 * and the run records the refusal), with the place, what to name instead and
 * how a planner marks a coast.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../engine/scenario/issues.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const typhoon = loadNamed('typhoon-landfall-coast');
const kySon = loadNamed('ky-son-flash-flood');

const file = (players: string[], ...entries: string[]) =>
  ['drillsim_decisions: 1', `players: [${players.join(', ')}]`, 'decisions:', ...entries.map((e) => `  - ${e}`), ''].join('\n');

function load(text: string, scenario = typhoon) {
  const r = parseDecisions(text, 'd.yaml', scenario);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r;
}

describe('a sea ban in a decisions file', () => {
  it('for an area without a coast is a warning at its area, with the coastal areas the role may name instead', () => {
    const text = file(['province-board'], '{ at: T+01:00, role: province-board, do: sea_ban, area: thanh-vinh }');
    const r = load(text);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0];
    expect(w).toMatchObject({ severity: 'warning', code: 'no-coast', path: 'decisions[0].area', line: 4 });
    expect(text.split('\n')[3].slice(w.column - 1)).toMatch(/^thanh-vinh \}/);
    expect(w.message).toBe("a decision orders a sea ban in 'thanh-vinh', which has no coast: the engine will refuse it");
    expect(w.hint).toBe("name a coastal area instead (nghe-an, cua-lo, hai-chau, quynh-anh); if 'thanh-vinh' borders the sea, mark it `coast: true` in the scenario");
  });

  it("tells an inland commune's chair that no coastal area is within its area", () => {
    const r = load(file(['thanh-vinh-chair'], '{ at: T+01:00, role: thanh-vinh-chair, do: sea_ban, area: thanh-vinh }'));
    expect(r.warnings[0].hint).toBe("none of the coastal areas (nghe-an, cua-lo, hai-chau, quynh-anh) is within thanh-vinh-chair's area; if 'thanh-vinh' borders the sea, mark it `coast: true` in the scenario");
  });

  it('for a coastal area gives no warning', () => {
    expect(load(file(['province-board'], '{ at: T+01:00, role: province-board, do: sea_ban, area: cua-lo }')).warnings).toEqual([]);
  });

  it("in an inject the controller adds (its expected action, its options' orders) is a warning too", () => {
    const text = [
      'drillsim_decisions: 1',
      'players: [province-board]',
      'decisions:',
      '  - at: T+01:00',
      '    role: controller',
      '    do: add_inject',
      '    inject:',
      '      { id: ban-vinh, seq: 30, at: T+01:10, from: Exercise control, to: province-board, method: phone, subject: Ban?, message: Ban the sea off Vinh?,',
      '        expected: { do: sea_ban, area: thanh-vinh },',
      '        decision: { options: [{ id: ban, label: Ban, commands: [{ do: sea_ban, area: thanh-vinh }] }, { id: no, label: No }], deadline: 30m, default: no } }',
      '',
    ].join('\n');
    const r = load(text);
    expect(r.warnings.map((w) => `${w.code} ${w.path} ${w.line}`)).toEqual([
      'no-coast decisions[0].inject.expected.area 9',
      'no-coast decisions[0].inject.decision.options[0].commands[0].area 10',
    ]);
    expect(r.warnings[0].message).toBe("inject 'ban-vinh' expects a sea ban in 'thanh-vinh', which has no coast: the engine will refuse it");
    expect(r.warnings[1].message).toBe("option 'ban' of inject 'ban-vinh' orders a sea ban in 'thanh-vinh', which has no coast: the engine will refuse it");
  });

  it('runs, and the run records the refusal with its code (the warning said it would)', () => {
    const r = load(file(['tc-chair'], '{ at: T+00:30, role: tc-chair, do: sea_ban, area: ta-ca }'), kySon);
    expect(r.warnings.map((w) => w.code)).toEqual(['no-coast']);
    const log = runScenario(kySon, { seed: 2022, decisions: r.value.decisions, players: r.value.players }).log!;
    const refused = log.events.map((l) => JSON.parse(l)).filter((e) => e.type === 'decision.refused');
    expect(refused).toEqual([expect.objectContaining({ role: 'tc-chair', do: 'sea_ban', area: 'ta-ca', code: 'no-coast' })]);
  });
});
