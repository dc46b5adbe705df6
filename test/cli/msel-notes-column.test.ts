/**
 * Most MSEL sheets keep a notes column beside the injects (the HSEEP template's 'Notes', a 'Ghi chú'): the import
 * refused the whole sheet for it ("unknown column 'Notes'"), so a planner had to delete a column of their own notes
 * to import. Such a column is now read past with a warning; any other column the import does not know is still an
 * error (a misspelt name must not lose its values unnoticed).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

/** minimal.yaml's MSEL with a column added after the last, `note` in its first row */
function withColumn(header: string, note: string): { scenario: string; sheet: string; plain: string } {
  const { dir, scenario, sheet } = exportedSheet('drillsim-msel-notes-');
  // the scenario as the sheet without the column imports it
  const plain = join(dir, 'plain.yaml');
  copyFileSync('scenarios/minimal.yaml', plain);
  expect(drill(['msel', 'import', sheet, '--into', plain]).code).toBe(0);
  const [head, first, ...rest] = readFileSync(sheet, 'utf8').split('\r\n');
  writeFileSync(sheet, [`${head},${header}`, `${first},${note}`, ...rest].join('\r\n'));
  return { scenario, sheet, plain };
}

describe('drill msel import of a sheet with a notes column', () => {
  it('imports the injects and warns that the notes stay in the sheet, EN and VI', () => {
    const { scenario, sheet, plain } = withColumn('Ghi chú', 'gọi lại sau 10 phút');
    const en = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run'], { env: PLAIN });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain("row 1, column Ghi chú: warning: column 'Ghi chú' is read as notes: its cells are not imported (they stay in the sheet only; what players must receive goes in the message columns)");
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.stderr).toContain("hàng 1, cột Ghi chú: cảnh báo: cột 'Ghi chú' được coi là ghi chú: nội dung các ô của cột không được nhập");
    // imported for real: as the sheet without the column (the note is no inject's)
    expect(drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN }).code).toBe(0);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(plain, 'utf8'));
  });

  it('still refuses a column it does not know, with its values', () => {
    const { scenario, sheet } = withColumn('Notez', 'call back');
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown column 'Notez'");
  });
});
