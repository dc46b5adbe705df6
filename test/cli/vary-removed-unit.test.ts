/**
 * `--vary unit.X.copies=0` with `--decisions F` whose decisions name X: the value removes the unit, and the
 * problem was "unknown unit 'tc-militia' (did you mean 'hk-militia'?)", sending the planner after a misspelling
 * that was not there. It now says that the sweep's value removed the unit (and that a copy X-3 is made only by
 * copies=3 or more), in English and in Vietnamese, in drill batch and in drill run --vary; a real misspelling
 * still gets its "did you mean".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const S = 'scenarios/ky-son-flash-flood.yaml';
const D = 'scenarios/decisions/ky-son-trainee.yaml';
const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const AT = `${D}:10:56: error[unknown-id] decisions[3].unit: `;

describe('a unit removed by --vary ...copies=0 and named by the decisions', () => {
  it('drill batch says the value removed it, once, for that value only; no "did you mean"', () => {
    const r = drill(['batch', S, '--runs', '2', '--vary', 'unit.tc-militia.copies=0,1', '--decisions', D], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${AT}unit 'tc-militia' is removed by --vary unit.tc-militia.copies=0 (0 copies: the scenario has no such unit with this value) (leave 0 out of --vary, or take the decisions that name 'tc-militia' out of the file)\n`);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('in Vietnamese, and in drill run --vary', () => {
    const vi = drill(['batch', S, '--runs', '2', '--vary', 'unit.tc-militia.copies=0,1', '--decisions', D, '--lang', 'vi'], { env: PLAIN });
    expect(vi.stderr).toBe(`${AT}đơn vị 'tc-militia' đã bị bỏ đi bởi --vary unit.tc-militia.copies=0 (0 bản: với giá trị này kịch bản không có đơn vị đó) (hãy bỏ giá trị 0 khỏi --vary, hoặc bỏ các quyết định nhắc tới 'tc-militia' khỏi tệp)\n`);
    const run = drill(['run', S, '--vary', 'unit.tc-militia.copies=0', '--decisions', D], { env: PLAIN });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unit 'tc-militia' is removed by --vary unit.tc-militia.copies=0");
    expect(run.stderr).not.toMatch(/did you mean/);
  });

  it('a copy the value does not make, and a real misspelling, each said as what it is', () => {
    const dir = tempDir();
    const text = (unit: string) => drill(['batch', S, '--runs', '2', '--vary', 'unit.tc-militia.copies=0,1,3', '--decisions', write(dir, unit)], { env: PLAIN }).stderr;
    const copy = text('tc-militia-3');
    expect(copy).toContain("unit 'tc-militia-3' is a copy that --vary unit.tc-militia.copies=1 does not make (only copies=3 or more makes it)");
    expect(copy.split('\n').filter(Boolean)).toHaveLength(2);
    const typo = text('tc-militai');
    expect(typo).toContain("unknown unit 'tc-militai' (did you mean 'tc-militia'?) (with --vary unit.tc-militia.copies=1)");
  });
});

function write(dir: string, unit: string): string {
  const f = join(dir, `${unit}.yaml`);
  writeFileSync(f, [
    'drillsim_decisions: 1', 'scenario: ky-son-flash-flood', 'players: [tc-chair]', 'decisions:',
    '  - { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
    `  - { at: T+03:15, role: tc-chair, do: dispatch, unit: ${unit}, incident: ta-ca-houses }`,
  ].join('\n') + '\n');
  return f;
}
