/**
 * A sheet saved from Excel as "Unicode Text" (UTF-16 with its byte-order mark, tab separated: what Excel offers
 * for keeping Vietnamese letters when its plain "CSV" would lose them) was refused, and under --lang vi in half
 * English ("this file is UTF-16 text, not UTF-8: not a CSV text in UTF-8" after a Vietnamese hint). It is read
 * as the same sheet; UTF-16 with no mark (which end comes first is a guess) is refused whole in either language.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

describe('drill msel import of a sheet saved as Unicode Text', () => {
  let dir: string, scenario: string, sheet: string, tabs: string;
  beforeEach(() => {
    ({ dir, scenario, sheet } = exportedSheet('drillsim-msel-utf16-'));
    // minimal.yaml's cells hold no tab, quote or line break: commas to tabs is Excel's layout
    tabs = readFileSync(sheet, 'utf8').replace(/^\uFEFF/, '').split('\r\n').map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')).join('\t')).join('\r\n');
  });

  it('reads UTF-16 with its byte-order mark (either end first) as the same sheet', () => {
    const english = join(dir, 'en.yaml');
    copyFileSync(scenario, english);
    expect(drill(['msel', 'import', sheet, '--into', english]).code).toBe(0);
    for (const [name, bytes] of [['le.txt', Buffer.from('\uFEFF' + tabs, 'utf16le')], ['be.txt', Buffer.from('\uFEFF' + tabs, 'utf16le').swap16()]] as const) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      copyFileSync('scenarios/minimal.yaml', scenario);
      const r = drill(['msel', 'import', file, '--into', scenario], { env: PLAIN });
      expect([r.code, r.stderr, r.stdout]).toEqual([0, '', `${scenario}: MSEL replaced: 1 inject -> 1 from ${file}\n`]);
      expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(english, 'utf8'));
    }
  });

  it('refuses UTF-16 with no byte-order mark, whole in English or in Vietnamese', () => {
    const file = join(dir, 'nomark.csv');
    writeFileSync(file, Buffer.from(tabs, 'utf16le'));
    const en = drill(['msel', 'import', file, '--into', scenario], { env: PLAIN });
    expect([en.code, en.stderr]).toEqual([1, `${file}: error[file] (file): this file is UTF-16 text, not UTF-8 (save the sheet as "CSV UTF-8 (comma delimited)" (Excel) or "Text CSV" with UTF-8 (LibreOffice))\n`]);
    const vi = drill(['msel', 'import', file, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect([vi.code, vi.stderr]).toEqual([1, `${file}: error[file] (file): tệp này là văn bản UTF-16, không phải UTF-8 (hãy lưu bảng dưới dạng "CSV UTF-8 (comma delimited)" (Excel) hoặc "Text CSV" với mã hóa UTF-8 (LibreOffice))\n`]);
  });
});
