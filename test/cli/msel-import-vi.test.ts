/**
 * `drill msel import` wrote English only: under --lang vi (which it did not take) or a Vietnamese LANG, a
 * planner fixing a sheet read "row 7, column to: unknown role ..." and "1 problem in 1 row; nothing was changed"
 * beside a scenario whose problems every other command says in Vietnamese. It now takes --lang, and says the
 * sheet's problems, its own lines and a wrong file in Vietnamese; a problem its table does not know stays whole
 * in English, so that a line is never half in one language.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const VI = { ...PLAIN, LANG: 'vi_VN.UTF-8' };

describe('drill msel import in Vietnamese', () => {
  let dir: string, scenario: string, sheet: string;
  const edit = (f: (text: string) => string) => writeFileSync(sheet, f(readFileSync(sheet, 'utf8')));
  beforeEach(() => {
    dir = tempDir('drillsim-msel-vi-');
    scenario = join(dir, 's.yaml');
    sheet = join(dir, 'msel.csv');
    copyFileSync('scenarios/minimal.yaml', scenario);
    expect(drill(['msel', 'export', scenario, '--out', sheet]).code).toBe(0);
  });

  it('takes --lang, as its usage says', () => {
    expect(drill(['msel', '--help']).stdout).toContain('drill msel import <file.csv> --into <scenario> [--dry-run] [--lang vi|en]');
  });

  it('says the problems of the rows and the count in Vietnamese, and changes nothing', () => {
    edit((t) => t.replace(',T+00:22,', ',25:99,').replace(',phone,', ',pigeon,').replace(',mx-commander,', ',mx-comander,'));
    const before = readFileSync(scenario, 'utf8');
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${sheet}: hàng 2, cột time: '25:99' không phải một thời điểm (hãy viết T+02:30 (2 giờ 30 phút sau khi bắt đầu), 'when <điều kiện>' hoặc 'if not done 1h after #3')`,
      `${sheet}: hàng 2, cột method: 'pigeon' không phải hình thức chuyển (có thể dùng: phone, radio, dispatch, bulletin, social-media, email, in-person, hotline)`,
      `${sheet}: hàng 2, cột to: không có vai 'mx-comander' (có phải 'mx-commander'?)`,
      '3 lỗi trong 1 hàng; chưa thay đổi gì',
      '',
    ].join('\n'));
    expect(readFileSync(scenario, 'utf8')).toBe(before);
    // the same in English without --lang, as before
    expect(drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN }).stderr.split('\n')[2]).toBe(`${sheet}: row 2, column to: unknown role 'mx-comander' (did you mean 'mx-commander'?)`);
  });

  it('a dry run and an import say what they did in Vietnamese; a Vietnamese LANG asks for it too', () => {
    const dry = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '-l', 'vi'], { env: PLAIN });
    expect(dry.stdout).toBe(`${sheet}: hợp lệ: 1 tình huống sẽ thay cho 1 tình huống của ${scenario} (chạy thử: chưa ghi gì)\n`);
    const done = drill(['msel', 'import', sheet, '--into', scenario], { env: VI });
    expect([done.code, done.stdout]).toEqual([0, `${scenario}: đã thay MSEL: 1 tình huống -> 1 từ ${sheet}\n`]);
    // the sheet again: nothing to change, and that is said
    expect(drill(['msel', 'import', sheet, '--into', scenario], { env: VI }).stdout).toBe(`${scenario}: đã thay MSEL: 1 tình huống -> 1 từ ${sheet} (không thay đổi)\n`);
    expect(drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'en'], { env: VI }).stdout).toBe(`${scenario}: MSEL replaced: 1 inject -> 1 from ${sheet} (no change)\n`);
  });

  it('the files given the wrong way round, or the Markdown export, are said in Vietnamese', () => {
    const swapped = drill(['msel', 'import', scenario, '--into', sheet, '--lang', 'vi'], { env: PLAIN });
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toBe(`${scenario}: error[file] (file): đây là một kịch bản, không phải bảng MSEL (bảng đứng trước, kịch bản sau --into: drill msel import <bảng.csv> --into <kịch-bản>)\n`);
    const md = join(dir, 'msel.md');
    expect(drill(['msel', 'export', scenario, '--out', md]).code).toBe(0);
    expect(drill(['msel', 'import', md, '--into', scenario], { env: VI }).stderr).toBe(`${md}: error[file] (file): đây là MSEL dạng Markdown (để đọc và in), không phải bảng (import đọc bảng CSV: drill msel export <kịch-bản> --out msel.csv ghi ra một bảng để sửa)\n`);
  });

  it('a value written wrong in an expected action or a condition', () => {
    edit((t) => t.replace('dispatch incident=collapse-1 within=15m', 'dispatch incident=collapse-1 within=15m within=20m unit=mx-milita'));
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(r.stderr.split('\n')[0]).toBe(`${sheet}: hàng 2, cột expected action: 'within' được cho hai lần`);
  });

  it('times written without T+: the warning in Vietnamese, each time read both ways', () => {
    const ks = join(dir, 'k.yaml'), ksSheet = join(dir, 'k.csv');
    copyFileSync('scenarios/ky-son-flash-flood.yaml', ks);
    expect(drill(['msel', 'export', ks, '--out', ksSheet]).code).toBe(0);
    writeFileSync(ksSheet, readFileSync(ksSheet, 'utf8').replace(/^(2,.*?),T\+00:30,/m, '$1,00:30,').replace(/^(4,.*?),T\+01:45,/m, '$1,01:45,'));
    const r = drill(['msel', 'import', ksSheet, '--into', ks, '--dry-run', '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${ksSheet}: cột time: cảnh báo: các hàng 3 và 5 ghi thời điểm không có 'T+', nên được đọc là thời gian tính từ lúc bắt đầu. Hàng 3: '00:30' là T+00:30, tức 30 phút sau khi bắt đầu (2022-10-01 18:30 giờ địa phương); nếu ý bạn là giờ đồng hồ 00:30 ngày hôm sau, hãy viết T+06:30. Hàng 5: '01:45' là T+01:45, tức 1 giờ 45 phút sau khi bắt đầu (2022-10-01 19:45 giờ địa phương); nếu ý bạn là giờ đồng hồ 01:45 ngày hôm sau, hãy viết T+07:45 (hãy viết T+ trước mỗi thời điểm; lúc bắt đầu, T+00:00, là 18:00 giờ địa phương)\n`);
    expect(r.stdout).toBe(`${ksSheet}: hợp lệ: 18 tình huống sẽ thay cho 18 tình huống của ${ks} (chạy thử: chưa ghi gì)\n`);
  });

  it('a problem the Vietnamese table does not know is said whole in English, place included', () => {
    edit((t) => t.replace('dispatch incident=collapse-1 within=15m', 'dispatch incident=collapse-1 within='));
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`${sheet}: row 2, column expected action: 'within=' has no value (write e.g. 'evacuate zone=ta-ca-riverside within=1h')`);
    expect(r.stderr.split('\n')[1]).toBe('1 lỗi trong 1 hàng; chưa thay đổi gì');
  });
});
