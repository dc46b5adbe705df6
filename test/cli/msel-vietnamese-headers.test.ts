/**
 * A sheet headed in Vietnamese: a planner who heads the columns as the Markdown export's Vietnamese table does
 * (thời điểm, người gửi, người nhận, ...) got a dozen "unknown column" lines and "no 'time' column", and
 * nothing imported. The import now knows those names (and 'người gửi (vi)' / '(en)' for one language), typed
 * with the marks composed or not.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readMselCsv } from '../../engine/scenario/msel.js';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

const VI_HEADER = [
  'STT', 'Mã', 'Thời điểm', 'Loại', 'Phương thức', 'Người gửi (vi)', 'Người gửi (en)', 'Người nhận', 'Chủ đề (vi)', 'Chủ đề (en)',
  'Nội dung (vi)', 'Nội dung (en)', 'Hành động mong đợi', 'Mục tiêu', 'Phương án quyết định', 'Thời hạn quyết định', 'Phương án mặc định', 'Người điều khiển',
];

describe('drill msel import of a sheet headed in Vietnamese', () => {
  let dir: string, scenario: string, sheet: string;
  beforeEach(() => {
    ({ dir, scenario, sheet } = exportedSheet('drillsim-msel-vi-header-'));
  });

  it('reads the columns under their Vietnamese names and gives back the same injects', () => {
    // the same sheet under the English names, imported into a copy, is what it must give
    const english = join(dir, 'en.yaml');
    copyFileSync(scenario, english);
    expect(drill(['msel', 'import', sheet, '--into', english]).code).toBe(0);
    const text = readFileSync(sheet, 'utf8');
    writeFileSync(sheet, '\uFEFF' + VI_HEADER.join(',') + text.slice(text.indexOf('\r\n')));
    const r = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', `${scenario}: MSEL replaced: 1 inject -> 1 from ${sheet}\n`]);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(english, 'utf8'));
  });

  it('the names of the Markdown export\'s Vietnamese table, one text for both languages, marks decomposed too', () => {
    const header = ['#', 'thời điểm', 'người gửi', 'người nhận', 'phương thức', 'chủ đề', 'nội dung', 'hành động mong đợi', 'mục tiêu'];
    const r = readMselCsv([header.map((h) => h.normalize('NFD')).join(','), '1,T+00:10,Đài 112,tc-chair,phone,Tin báo,Có sạt lở,,'].join('\r\n'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rows[0].cells).toMatchObject({ number: '1', time: 'T+00:10', from: 'Đài 112', to: 'tc-chair', method: 'phone', subject: 'Tin báo', message: 'Có sạt lở' });
  });
});
