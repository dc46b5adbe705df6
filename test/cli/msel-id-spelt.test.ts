/**
 * An id typed in a sheet as words ('Sơ tán đêm', 'Night Evacuation') was said not to be one, with the rules
 * for ids and nothing to write: the planner had to work out the spelling. The hint now ends with the id those
 * words spell, as drill validate suggests one (diacritics dropped, đ -> d, spaces to '-'), EN and VI. A dash
 * pasted from Word ('first–call') is named, with the id it stands for, as drill validate names it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

describe('drill msel import of an id written as words', () => {
  let scenario: string, sheet: string;
  beforeEach(() => {
    ({ scenario, sheet } = exportedSheet('drillsim-msel-id-'));
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(',first-call,', ',Sơ tán đêm,'));
  });

  it('says the id the words spell, in English and Vietnamese', () => {
    const en = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect([en.code, en.stderr]).toEqual([1, `${sheet}: row 2, column id: 'Sơ tán đêm' is not a valid id (ids use lower-case letters, digits, ".", "_" and "-" (no spaces or diacritics): write 'so-tan-dem')\n1 problem in 1 row; nothing was changed\n`]);
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect([vi.code, vi.stderr]).toEqual([1, `${sheet}: hàng 2, cột id: 'Sơ tán đêm' không phải mã hợp lệ (mã chỉ gồm chữ thường, chữ số, ".", "_" và "-" (không dấu cách, không dấu tiếng Việt): hãy viết 'so-tan-dem')\n1 lỗi trong 1 hàng; chưa thay đổi gì\n`]);
  });

  it('names a dash pasted from Word in the id, and the id it stands for, in English and Vietnamese', () => {
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(',Sơ tán đêm,', ',first–call,'));
    const en = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect([en.code, en.stderr]).toEqual([1, `${sheet}: row 2, column id: 'first–call' is not a valid id (replace the dash '–' (U+2013) with '-': write 'first-call')\n1 problem in 1 row; nothing was changed\n`]);
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(vi.stderr).toContain("'first–call' không phải mã hợp lệ (hãy thay dấu gạch '–' (U+2013) bằng '-': viết 'first-call')");
  });
});
