/**
 * `drill compare` of runs of two different scenarios refuses, saying which scenario each is and what to compare
 * instead: given a Kỳ Sơn flood run and a Cửa Lò fire run, it set Kỳ Sơn's 'lives' objective (50 lost in a flash
 * flood) beside Cửa Lò's as one objective, "S 31 / M 14 <- rating differs", under a note that the differences were
 * "not only the decisions", with every event and decision said to differ from T+00:00. Two versions of one
 * scenario (edited between the runs) are still compared, their objectives side by side by id, and the note says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('drill compare of runs of two scenarios', () => {
  let dir = '', kySon = '', cuaLo = '', edited = '';
  beforeAll(() => {
    dir = tempDir('drillsim-compare-scenarios-');
    [kySon, cuaLo, edited] = ['ky-son', 'cua-lo', 'edited'].map((n) => join(dir, `${n}.json`));
    expect(drill(['run', KY_SON, '--out', kySon, '--quiet']).code).toBe(0);
    expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--out', cuaLo, '--quiet']).code).toBe(0);
    // the same scenario with Tà Cạ's evacuation target raised from 90 % to 95 %: a version of it, not another
    const yaml = join(dir, 'ky-son-edited.yaml');
    writeFileSync(yaml, readFileSync(KY_SON, 'utf8').replace('of: ta-ca-riverside, comparator: ">=", threshold: 0.9,', 'of: ta-ca-riverside, comparator: ">=", threshold: 0.95,'));
    expect(drill(['run', yaml, '--out', edited, '--quiet']).code).toBe(0);
  });

  it.each([
    ['en', 'a run of cua-lo-high-rise-fire ("High-rise fire with partial collapse and toxic release at Cửa Lò"), another scenario than', 'compare two runs of one scenario'],
    ['vi', 'lượt chạy của kịch bản cua-lo-high-rise-fire ("Cháy nhà cao tầng, sập một phần và rò rỉ hóa chất độc tại Cửa Lò"), khác kịch bản của', 'hãy so sánh hai lượt chạy của cùng một kịch bản'],
  ])('%s: refused (exit 1), naming each run\'s scenario and what to compare instead, with no table', (lang, said, hint) => {
    const r = drill(['compare', kySon, cuaLo, '--lang', lang]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${cuaLo}: error[other-scenario] (file): ${said}`);
    expect(r.stderr).toContain('ky-son-flash-flood');
    expect(r.stderr).toContain(hint);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses with --json too: no objectives paired by id across two scenarios', () => {
    const r = drill(['compare', cuaLo, kySon, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${kySon}: error[other-scenario] (file): a run of ky-son-flash-flood`);
  });

  it.each([
    ['en', 'note: the runs are of two versions of the scenario ky-son-flash-flood (edited between them, or one played with --vary)', /^ {2}evac-ta-ca +P {2}100 % +P {2}100 %$/m],
    ['vi', 'lưu ý: hai lượt chạy thuộc hai phiên bản của kịch bản ky-son-flash-flood (đã sửa giữa hai lượt, hoặc một lượt chạy với --vary)', /^ {2}evac-ta-ca +P {2}100% +P {2}100%$/m],
  ])('%s: two versions of one scenario are compared, said to be, their objectives side by side by id', (lang, note, row) => {
    const r = drill(['compare', kySon, edited, '--lang', lang]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(note);
    expect(r.stdout).toMatch(row);
  });

  it('a run played with --vary and another seed: both causes are said, the version and the seeds', () => {
    const varied = join(dir, 'varied.json');
    expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '8', '--vary', 'units.mobilisation=x2', '--out', varied, '--quiet']).code).toBe(0);
    const r = drill(['compare', kySon, varied, '--lang', 'en']);
    expect(r.code).toBe(0);
    // the log records what --vary changed: said, rather than 'edited between them, or one played with --vary'
    expect(r.stdout).toContain('note: the runs are of two versions of the scenario ky-son-flash-flood (a: no --vary; b: --vary units.mobilisation=x2)');
    expect(r.stdout).toContain('note: the runs have different seeds: their differences are partly the dice, not only the decisions');
  });
});
