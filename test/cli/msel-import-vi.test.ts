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
import { mselCommand } from '../../engine/cli/msel.js';
import { formatMselIssueIn } from '../../engine/cli/msel-words.js';
import { schemaIssues } from '../../engine/scenario/msel.js';
import { Inject } from '../../engine/scenario/schema.js';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;
const VI = { ...PLAIN, LANG: 'vi_VN.UTF-8' };

describe('drill msel import in Vietnamese', () => {
  let dir: string, scenario: string, sheet: string;
  const edit = (f: (text: string) => string) => writeFileSync(sheet, f(readFileSync(sheet, 'utf8')));
  beforeEach(() => {
    ({ dir, scenario, sheet } = exportedSheet('drillsim-msel-vi-'));
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

  it('a clock time past the end, with what to write for it, is said in Vietnamese too (it was left whole in English)', () => {
    const ks = join(dir, 'k.yaml'), ksSheet = join(dir, 'k.csv');
    copyFileSync('scenarios/ky-son-flash-flood.yaml', ks);
    expect(drill(['msel', 'export', ks, '--out', ksSheet]).code).toBe(0);
    writeFileSync(ksSheet, readFileSync(ksSheet, 'utf8').replace(/^(4,.*?),T\+01:45,/m, '$1,19:45,'));
    const r = drill(['msel', 'import', ksSheet, '--into', ks, '--dry-run', '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`${ksSheet}: hàng 5, cột time: '19:45' được đọc là T+19:45, sau khi kịch bản kết thúc (horizon 18h) (nếu ý bạn là giờ đồng hồ 19:45, hãy viết T+01:45)`);
  });

  it('the notations inside a cell (key=value, quotes, option labels) are said in Vietnamese, the place in the cell too', () => {
    edit((t) => t.replace('dispatch incident=collapse-1 within=15m', 'dispatch incident=collapse-1 within='));
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${sheet}: hàng 2, cột expected action: 'within=' không có giá trị (hãy viết ví dụ 'evacuate zone=ta-ca-riverside within=1h')`,
      '1 lỗi trong 1 hàng; chưa thay đổi gì',
      '',
    ].join('\n'));
    // a quote in a CSV cell is written twice, inside a quoted cell
    edit((t) => t.replace('dispatch incident=collapse-1 within=', '"dispatch incident=collapse-1 unit=""mx-militia within=15m"').replace(',phone,', ',điện thoại,'));
    expect(drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN }).stderr).toBe([
      `${sheet}: hàng 2, cột method: 'điện thoại' không phải hình thức chuyển ('điện thoại' được ghi là phone trong bảng)`,
      `${sheet}: hàng 2, cột expected action: unit=: một đoạn chữ trong ngoặc kép chưa được đóng (thiếu ") (hãy viết ví dụ 'evacuate zone=ta-ca-riverside within=1h')`,
      '2 lỗi trong 1 hàng; chưa thay đổi gì',
      '',
    ].join('\n'));
  });

  it("a decision point's options written wrong: each said in Vietnamese, after the option it is in", () => {
    const ks = join(dir, 'k.yaml'), ksSheet = join(dir, 'k.csv');
    copyFileSync('scenarios/ky-son-flash-flood.yaml', ks);
    expect(drill(['msel', 'export', ks, '--out', ksSheet]).code).toBe(0);
    writeFileSync(ksSheet, readFileSync(ksSheet, 'utf8')
      .replace('evacuate-now: Sơ tán ngay | Evacuate now -> evacuate zone=muong-xen-lowland', 'evacuate-now: Sơ tán ngay | Evacuate | now -> evacuate zone=muong-xen-lowland')
      .replace(/wait-for-daylight: Chờ đến sáng[^\n"]*/, 'wait: Chờ | Wait\nlater: -> recall unit=mx-militia'));
    const r = drill(['msel', 'import', ksSheet, '--into', ks, '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${ksSheet}: hàng 5, cột decision options: phương án 'evacuate-now': một nhãn có nhiều nhất một dấu '|' (tiếng Việt | tiếng Anh); hãy đặt đoạn chữ có '|' trong ngoặc kép`,
      `${ksSheet}: hàng 5, cột decision options: phương án 'later': phương án không có nhãn`,
      `${ksSheet}: hàng 5, cột decision default: 'wait-for-daylight' không phải một trong các phương án (có thể dùng: wait)`,
      '3 lỗi trong 1 hàng; chưa thay đổi gì',
      '',
    ].join('\n'));
  });

  it("a number the schema refuses (past the largest whole number) is said in Vietnamese, from zod's kind of problem", () => {
    edit((t) => t.replace(/^1,/m, '99999999999999999999,'));
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect([r.code, r.stderr]).toEqual([1, `${sheet}: hàng 2, cột number: số 100000000000000000000 quá lớn: phải nhỏ hơn hoặc bằng 9007199254740991\n1 lỗi trong 1 hàng; chưa thay đổi gì\n`]);
    // English as the scenario loader says it, no longer zod's 'Too big: expected int to be <=9007199254740991'
    expect(drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN }).stderr.split('\n')[0]).toBe(`${sheet}: row 2, column number: the number 100000000000000000000 is too large: it must be at most 9007199254740991`);
  });

  it('--into left out: said in Vietnamese with the line to type, exit 2', () => {
    const r = drill(['msel', 'import', sheet, '--lang', 'vi'], { env: PLAIN });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', [
      'drill msel: cần có --into <kịch-bản>: tệp kịch bản có MSEL sẽ được thay bằng bảng',
      'cú pháp: drill msel import <bảng.csv> --into <kịch-bản> [--dry-run] [--lang vi|en]',
      '(drill msel --help liệt kê các tùy chọn)',
      '',
    ].join('\n')]);
    // a Vietnamese LANG asks for it too; English keeps the whole usage
    expect(drill(['msel', 'import', sheet], { env: VI }).stderr.split('\n')[0]).toBe('drill msel: cần có --into <kịch-bản>: tệp kịch bản có MSEL sẽ được thay bằng bảng');
    const en = drill(['msel', 'import', sheet], { env: PLAIN });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^drill msel: --into <scenario> is required: the scenario file whose MSEL the sheet replaces\n\nusage: drill msel export /);
  });

  it('the sheet left out (or given as \'\'): said in Vietnamese, with the usage in Vietnamese, exit 2', () => {
    const r = drill(['msel', 'import', '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `drill msel: thiếu bảng (CSV) cần nhập\n\ncú pháp: ${mselCommand.vi.usage}\n`]);
    expect(drill(['msel', 'import', '', '--into', scenario, '--lang', 'vi'], { env: PLAIN }).stderr.split('\n')[0]).toBe("drill msel: thiếu bảng (CSV) cần nhập: đã cho một tham số rỗng ('')");
    // a Vietnamese LANG asks for it too; English as before
    expect(drill(['msel', 'import', '--into', scenario], { env: VI }).stderr).toBe(r.stderr);
    const en = drill(['msel', 'import', '--into', scenario], { env: PLAIN });
    expect([en.code, en.stderr]).toEqual([2, `drill msel: missing the sheet (CSV) to import\n\nusage: ${mselCommand.usage}\n`]);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync('scenarios/minimal.yaml', 'utf8'));
  });
});

/**
 * What the schema finds wrong in a row's inject (what the sheet's own checks let through) is said by the kind of
 * problem zod reports, in the scenario loader's words, not by zod's English text; a kind with no words of ours
 * stays whole in English, place included.
 */
describe("the schema's problems with a row, by zod's code", () => {
  const base = { id: 'a', seq: 1, at: 'T+00:10', from: 'x', to: 'r', method: 'phone', subject: 's', message: 'm' };
  const lines = (change: Record<string, unknown>, lang: 'vi' | 'en') => {
    const w: Record<string, unknown> = { ...base, ...change };
    for (const k of Object.keys(w)) if (w[k] === undefined) delete w[k];
    const r = Inject.safeParse(w, { reportInput: true });
    expect(r.success).toBe(false);
    return schemaIssues(r.error!.issues, 2).map((i) => formatMselIssueIn('s.csv', i, lang));
  };

  it('a key missing, a wrong type, a value not allowed, too small or large, an unknown key', () => {
    expect(lines({ to: undefined }, 'vi')).toEqual(["s.csv: hàng 2, cột to: thiếu khóa bắt buộc 'to' (hãy thêm 'to:', vai nhận)"]);
    expect(lines({ seq: 'x' }, 'vi')).toEqual(["s.csv: hàng 2, cột number: cần một số, nhưng nhận được chữ 'x' (hãy viết số nguyên bằng chữ số, ví dụ 12)"]);
    expect(lines({ method: 'pigeon' }, 'vi')).toEqual(["s.csv: hàng 2, cột method: chữ 'pigeon' không phải giá trị hợp lệ ở đây (có thể dùng: phone, radio, dispatch, bulletin, social-media, email, in-person, hotline)"]);
    expect(lines({ expected: { do: 'declare_level', area: 'a', level: 9 } }, 'vi')).toEqual(['s.csv: hàng 2, cột expected action: số 9 quá lớn: phải nhỏ hơn hoặc bằng 3']);
    expect(lines({ seq: 0 }, 'vi')).toEqual(['s.csv: hàng 2, cột number: số 0 quá nhỏ: phải lớn hơn 0']);
    expect(lines({ colour: 'red' }, 'vi')).toEqual(["s.csv: hàng 2: không có khóa 'colour' (các khóa dùng được ở đây: id, seq, at, when, from, to, method, type, subject, message, expected, objectives, decision, contingency, controller; hãy bỏ nó đi, hoặc viết thành một trong các khóa đó)"]);
    // the English says the same, in the loader's words
    expect(lines({ seq: 'x' }, 'en')).toEqual(["s.csv: row 2, column number: expected a number, got the text 'x' (write the whole number in digits, such as 12)"]);
  });

  it('a kind of problem without words of ours (a text not in the form of an id) stays whole in English', () => {
    const line = 's.csv: row 2, column id: an id is lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';
    expect(lines({ id: 'Bad Id' }, 'vi')).toEqual([line]);
    expect(lines({ id: 'Bad Id' }, 'en')).toEqual([line]);
  });
});
