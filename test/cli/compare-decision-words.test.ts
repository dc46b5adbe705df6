/**
 * `drill compare` names the decisions where two runs differ in the report's words (the role's name, who decided,
 * the order with its scenario's names), as the report's decisions table and timeline name them: with --lang vi a
 * reviewer read "tc-chair (học viên): evacuate zone=ta-ca-riverside", the decisions file's syntax and ids, among
 * Vietnamese sentences, beside a report that says "Chủ tịch UBND xã Tà Cạ ... sơ tán các bản ven suối Tà Cạ".
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

describe('drill compare: the decisions that differ in the report\'s words', () => {
  let early = '', late = '';
  beforeAll(() => {
    const dir = tempDir('drillsim-compare-decisions-');
    [early, late] = ['early', 'late'].map((n) => join(dir, `${n}.json`));
    for (const [which, out] of [['early', early], ['late', late]]) {
      expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--decisions', `scenarios/decisions/ky-son-evacuate-${which}.yaml`, '--out', out, '--quiet']).code).toBe(0);
    }
  });

  it.each([
    ['en', 'Tà Cạ commune chair (trainee): evacuate Tà Cạ riverside villages', 'first that differs', '(doctrine): send '],
    ['vi', 'Chủ tịch UBND xã Tà Cạ (học viên): sơ tán các bản ven suối Tà Cạ', 'quyết định đầu tiên khác nhau', '(phương án tự động): điều '],
  ])('%s: given and taken, named as the report names them, with no ids nor key=value', (lang, evacuate, firstLabel, doctrine) => {
    const out = drill(['compare', early, late, '--lang', lang]).stdout;
    const lines = out.split('\n');
    expect(lines.find((l) => l.includes(firstLabel))).toContain(`T+00:40   ${evacuate} (`);
    expect(lines).toContain(`    T+02:15   ${evacuate}`);
    expect(lines).toContain(`    T+02:15     ${evacuate}`);
    // the doctrine's orders in the runs too: a unit sent to an incident by their names
    expect(lines.some((l) => l.includes(doctrine))).toBe(true);
    // from the decisions given to the objectives (the header's players and the divergence's JSON keep their ids)
    const decisions = out.slice(out.indexOf('\n\n', out.indexOf('\n  b: ')), out.search(/\n\n {2}(objective|mục tiêu) /));
    expect(decisions).toContain(evacuate);
    expect(decisions).not.toMatch(/zone=|unit=|incident=|tc-chair|mx-chair/);
    // the report of the same run says the same order in the same words
    expect(drill(['report', early, '--lang', lang]).stdout).toContain(evacuate);
  });

  it('--json keeps the decisions as the log holds them', () => {
    const c = JSON.parse(drill(['compare', early, late, '--json']).stdout);
    expect(c.given.first).toEqual({ side: 'a', decision: { at: 2400, role: 'tc-chair', author: 'trainee', do: 'evacuate', zone: 'ta-ca-riverside' } });
    expect(c.taken.only_b[0]).toEqual({ t: 8100, author: 'trainee', role: 'tc-chair', do: 'evacuate', zone: 'ta-ca-riverside' });
  });
});
