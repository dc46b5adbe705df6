/**
 * A sheet whose quotes do not pair up: cut short inside a quoted cell (a copy that stopped part-way), or a quote
 * typed inside a cell in a text editor (Ban "A"). The first was "not a readable CSV file: Quote Not Closed: the
 * parsing is finished with an opening quote at line 3", in csv-parse's English under --lang vi too, at a line of
 * the file rather than a row of the sheet and with no column; the second refused a sheet that Excel and
 * LibreOffice open, with the cell's text as typed. The first now names the row and column as the spreadsheet
 * shows them, in English and Vietnamese; the second is read as the spreadsheet reads it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

describe('drill msel import of a sheet whose quotes do not pair up', () => {
  let scenario: string, sheet: string;
  beforeEach(() => {
    ({ scenario, sheet } = exportedSheet('drillsim-msel-quotes-'));
  });

  it('a sheet cut short inside a quoted cell names that cell\'s row and column, in English and Vietnamese', () => {
    const text = readFileSync(sheet, 'utf8');
    // a blank row before the cut: a row of the sheet, so the cell is in row 3 (and line 3 of the file is not why)
    const lines = text.split('\r\n');
    writeFileSync(sheet, [lines[0], '', lines[1].slice(0, lines[1].indexOf(',"') + 10)].join('\r\n'));
    const before = readFileSync(scenario, 'utf8');
    const en = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect(en.code).toBe(1);
    expect(en.stderr).toBe([
      `${sheet}: row 3, column message (vi): a quote (") opens this cell and is never closed: the rest of the file would be read into it (the file may be cut short, or the closing quote deleted: save it again from the spreadsheet program, or close the quote)`,
      '1 problem in 1 row; nothing was changed',
      '',
    ].join('\n'));
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe([
      `${sheet}: hàng 3, cột message (vi): ô này mở dấu ngoặc kép (") mà không đóng: phần còn lại của tệp sẽ bị đọc vào ô này (có thể tệp bị cụt, hoặc dấu ngoặc kép đóng đã bị xóa: hãy lưu lại từ chương trình bảng tính, hoặc đóng dấu ngoặc kép)`,
      '1 lỗi trong 1 hàng; chưa thay đổi gì',
      '',
    ].join('\n'));
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('a quote typed inside a cell is part of its text, as a spreadsheet program reads it', () => {
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(',mx-commander,', ',mx-commander "MX",'));
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${sheet}: hàng 2, cột to: không có vai 'mx-commander "MX"' (có phải 'mx-commander'?)\n1 lỗi trong 1 hàng; chưa thay đổi gì\n`);
  });
});
