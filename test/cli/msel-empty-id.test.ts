/**
 * Two rows with no id and the same number: each gets the id its number gives (inject-3), and the import said
 * "id 'inject-3' is also used in row 4" at a row whose id cell is empty: the planner wrote no 'inject-3' and could
 * not find it. It now says the row has no id and where the one it would get comes from, in English and Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

describe('drill msel import of two rows with no id and one number', () => {
  it('says the row has no id, and that the id its number gives is taken', () => {
    const { scenario, sheet } = exportedSheet('drillsim-msel-empty-id-');
    const [header, row] = readFileSync(sheet, 'utf8').replace(/\r\n$/, '').split('\r\n');
    const anon = row.replace(',first-call,', ',,');
    writeFileSync(sheet, [header, anon, anon].join('\r\n'));
    const en = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${sheet}: row 3, column id: no id: the id its number gives, 'inject-1', is also used in row 2 (give the row an id, or its own number)\n`);
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(vi.stderr).toContain(`${sheet}: hàng 3, cột id: không có mã: mã lấy từ số thứ tự của hàng, 'inject-1', đã được dùng ở hàng 2 (hãy cho hàng này một mã, hoặc một số riêng)\n`);
  });
});
