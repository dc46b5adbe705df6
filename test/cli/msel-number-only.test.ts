/**
 * A sheet numbered ahead (a template's rows 1 to 20, a few filled in) has rows with only a number: each got six
 * lines, one per cell it lacks ('no time', 'no delivery method', 'no sender', ...). Now one line says the row has
 * only a number and what to do; a row with anything else in it is checked cell by cell as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

function sheetWith(extra: (columns: number) => string): { scenario: string; sheet: string } {
  const { scenario, sheet } = exportedSheet('drillsim-msel-number-only-');
  const text = readFileSync(sheet, 'utf8');
  const columns = text.split('\r\n')[0].split(',').length;
  writeFileSync(sheet, `${text.replace(/(\r\n)*$/, '')}\r\n${extra(columns)}\r\n`);
  return { scenario, sheet };
}

describe('drill msel import of a row with only a number', () => {
  it('says it once, with what to do, EN and VI', () => {
    const { scenario, sheet } = sheetWith((n) => `2${','.repeat(n - 1)}`);
    const en = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run'], { env: PLAIN });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("row 3, column number: the row has only a number ('2'), no inject (fill its inject in, or delete the row)\n1 problem in 1 row; nothing was changed");
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', 'vi']);
    expect(vi.stderr).toContain("hàng 3, cột number: hàng chỉ có số thứ tự ('2'), không có tình huống (hãy điền tình huống của hàng, hoặc xóa hàng đó)");
  });

  it('checks a row with anything more cell by cell, as before', () => {
    const { scenario, sheet } = sheetWith((n) => `2,,T+01:00${','.repeat(n - 3)}`);
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('only a number');
    expect(r.stderr).toContain('row 3, column method: no delivery method');
  });
});
