/**
 * The workbook itself (msel.xlsx, msel.ods, an old .xls) given to drill msel import, where the sheet saved from
 * it goes, was "this is a binary file: not a CSV text in UTF-8": true, and no help to a planner who saved the
 * workbook. It now says it is a workbook and how to save it as the sheet, in English and Vietnamese.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('drill msel import of a spreadsheet workbook', () => {
  const dir = tempDir('drillsim-msel-workbook-');
  const scenario = join(dir, 's.yaml');
  copyFileSync('scenarios/minimal.yaml', scenario);
  // the first bytes of each: a zip file (xlsx, ods), an OLE file (xls)
  for (const [name, kind, head] of [['msel.xlsx', 'xlsx', [0x50, 0x4b, 3, 4]], ['msel.ods', 'ods', [0x50, 0x4b, 3, 4]], ['msel.xls', 'xls', [0xd0, 0xcf, 0x11, 0xe0]]] as const) {
    it(`${name} is said to be a workbook, with how to save the sheet`, () => {
      const file = join(dir, name);
      writeFileSync(file, Buffer.from([...head, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]));
      const en = drill(['msel', 'import', file, '--into', scenario], { env: PLAIN });
      expect([en.code, en.stderr]).toEqual([1, `${file}: error[file] (file): this is a spreadsheet workbook (${kind}), not a CSV sheet (save it as a sheet: in Excel, File > Save As > "CSV UTF-8 (Comma delimited)"; in LibreOffice, File > Save As > "Text CSV" with UTF-8)\n`]);
      const vi = drill(['msel', 'import', file, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
      expect([vi.code, vi.stderr]).toEqual([1, `${file}: error[file] (file): đây là một tệp bảng tính (${kind}), không phải bảng CSV (hãy lưu thành bảng CSV: trong Excel, File > Save As > "CSV UTF-8 (Comma delimited)"; trong LibreOffice, File > Save As > "Text CSV" với mã hóa UTF-8)\n`]);
    });
  }
});
