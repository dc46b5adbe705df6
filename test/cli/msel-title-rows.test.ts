/**
 * A sheet with a title above its header ('HỆ THỐNG TÌNH HUỐNG ...' in row 1, a blank row 2, the header in row 3),
 * as MSEL sheets are often laid out for printing: the title was read as the header, and the planner got
 * "unknown column 'HỆ THỐNG ...'" and a "no '...' column" line for each column. The header is now the first row
 * that names three columns or more; rows keep the numbers the spreadsheet shows.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

describe('drill msel import of a sheet with a title above its header', () => {
  let dir: string, scenario: string, sheet: string, exported: string;
  beforeEach(() => {
    ({ dir, scenario, sheet } = exportedSheet('drillsim-msel-title-'));
    exported = readFileSync(sheet, 'utf8').replace(/^\uFEFF/, '');
  });
  const titled = (body: string) => writeFileSync(sheet, '\uFEFFHỆ THỐNG TÌNH HUỐNG DIỄN TẬP,,,\r\n,,,\r\n' + body);

  it('reads the rows under the header, as the sheet without its title', () => {
    const english = join(dir, 'en.yaml');
    copyFileSync(scenario, english);
    expect(drill(['msel', 'import', sheet, '--into', english]).code).toBe(0);
    titled(exported);
    const r = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(english, 'utf8'));
  });

  it('numbers the rows as the spreadsheet shows them, title rows included, EN and VI', () => {
    titled(exported.replace(',mx-commander,', ',mx-comander,'));
    const en = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect([en.code, en.stderr]).toEqual([1, `${sheet}: row 4, column to: unknown role 'mx-comander' (did you mean 'mx-commander'?)\n1 problem in 1 row; nothing was changed\n`]);
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect([vi.code, vi.stderr]).toEqual([1, `${sheet}: hàng 4, cột to: không có vai 'mx-comander' (có phải 'mx-commander'?)\n1 lỗi trong 1 hàng; chưa thay đổi gì\n`]);
  });
});
