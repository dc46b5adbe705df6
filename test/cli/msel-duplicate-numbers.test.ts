/**
 * `drill msel import` took a sheet giving two rows one number in silence: the scenario was written, and only a
 * later `drill validate` warned 'duplicate-seq'; when the number taken twice made another row's '#6' miss, the
 * only line was "row 16, column time: no row has number 6", and the row that lost its 6 was never named. The
 * scenario's re-check after the rows showed its warnings about injects only, at lines of a file drill wrote.
 * Now the second row is warned of, naming the first (and the sheet still goes in: a scenario may number two
 * injects alike), beside the problems too; and every warning of the re-check is printed, an inject's at its row,
 * the rest at the scenario's line (in a dry run, the line in the file as it is: nothing is written).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mselToCsv } from '../../engine/scenario/msel.js';
import { drill, ROOT, tempDir } from '../helpers/cli.js';
import { loadScenarioFile } from '../helpers/scenarios.js';

const SCENARIO = join(ROOT, 'scenarios/ky-son-flash-flood.yaml');
const KSN = loadScenarioFile(SCENARIO);
const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('drill msel import, two rows with one number', () => {
  let scenario: string, sheet: string;
  beforeEach(() => {
    const dir = tempDir('drillsim-msel-dup-');
    scenario = join(dir, 'ky-son.yaml');
    sheet = join(dir, 'msel.csv');
    copyFileSync(SCENARIO, scenario);
  });

  it('imports the sheet and warns at the second row, naming the first, in English and Vietnamese', () => {
    // row 10 is inject 9
    writeFileSync(sheet, mselToCsv(KSN.injects).replace(/^9,declare-level-1,/m, '1,declare-level-1,'));
    const en = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'en'], { env: PLAIN });
    expect(en.code).toBe(0);
    expect(en.stderr).toBe(`${sheet}: row 10, column number: warning: number 1 is also used in row 2 (give each inject its own number)\n`);
    expect(en.stdout).toContain('MSEL replaced: 18 injects');
    copyFileSync(SCENARIO, scenario);
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(vi.code).toBe(0);
    expect(vi.stderr).toBe(`${sheet}: hàng 10, cột number: cảnh báo: số 1 đã được dùng ở hàng 2 (hãy cho mỗi tình huống một số riêng)\n`);
  });

  it('names the row that took another number beside the contingency whose #6 it left without a row', () => {
    // row 7 is inject 6, which row 16 chases, by its number as a planner may write it ('if not done 45m after #6')
    writeFileSync(sheet, mselToCsv(KSN.injects).replace(/^6,houses-swept-call,/m, '1,houses-swept-call,').replace(' after houses-swept-call,', ' after #6,'));
    const before = readFileSync(scenario, 'utf8');
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'en'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${sheet}: row 7, column number: warning: number 1 is also used in row 2 (give each inject its own number)`,
      `${sheet}: row 16, column time: no row has number 6 (refer to the number (or id) of the inject this one chases)`,
      '1 problem in 1 row; nothing was changed',
      '',
    ].join('\n'));
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });
});

describe('drill msel import, the scenario checked again', () => {
  it('prints its warnings: an inject\'s at the sheet\'s row and column, the rest at the scenario\'s line as drill validate does', () => {
    const dir = tempDir('drillsim-msel-warn-');
    const scenario = join(dir, 'ky-son.yaml');
    const sheet = join(dir, 'msel.csv');
    copyFileSync(SCENARIO, scenario);
    // inject 7 from a role mistyped (row 8); the dam rumour without its expected action, which objective 'rumour' times
    const injects = KSN.injects.map((i) => (i.id === 'ql7-cut' ? { ...i, from: 'tc-chiar' } : i.id === 'dam-rumour' ? { ...i, expected: undefined } : i));
    writeFileSync(sheet, mselToCsv(injects));
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'en'], { env: PLAIN });
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${sheet}: row 8, column from (vi): warning: inject 'ql7-cut' is from 'tc-chiar', which is not a role, so it reads as free text (did you mean role 'tc-chair'?)`);
    expect(lines[1]).toMatch(new RegExp(`^${scenario.replace(/[.\\/]/g, '\\$&')}:\\d+:\\d+: warning\\[never-answered\\] objectives\\[\\d+\\]\\.criterion\\.of: objective 'rumour' measures`));
  });

  it('gives, in a dry run, the scenario\'s lines as the file is, not as the import would write it', () => {
    const dir = tempDir('drillsim-msel-dry-');
    const scenario = join(dir, 'ky-son.yaml');
    const sheet = join(dir, 'msel.csv');
    copyFileSync(SCENARIO, scenario);
    // two more rows than the scenario has injects, and the dam rumour without its expected action: the objective
    // that times it (after the injects in the file) is warned of at its line
    const extra = (n: number) => ({ ...KSN.injects[0], id: `extra-${n}`, seq: 100 + n });
    const injects = [...KSN.injects.map((i) => (i.id === 'dam-rumour' ? { ...i, expected: undefined } : i)), extra(1), extra(2)];
    writeFileSync(sheet, mselToCsv(injects));
    const before = readFileSync(scenario, 'utf8');
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', 'en'], { env: PLAIN });
    expect(r.code).toBe(0);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
    const at = new RegExp(`^${scenario.replace(/[.\\/]/g, '\\$&')}:(\\d+):(\\d+): warning\\[never-answered\\] objectives\\[\\d+\\]\\.criterion\\.of: objective 'rumour'`, 'm').exec(r.stderr);
    expect(at).not.toBeNull();
    // the line and column are those of 'rumour''s criterion in the file as it is: its `of:` there
    const line = before.split('\n')[Number(at![1]) - 1];
    expect(line.slice(Number(at![2]) - 1)).toMatch(/^dam-rumour\b/);
    expect(before.split('\n').slice(Number(at![1]) - 6, Number(at![1])).join('\n')).toContain('id: rumour');
  });
});
