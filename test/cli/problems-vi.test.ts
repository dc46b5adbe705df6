/**
 * The problems found in a planner's scenario (and decisions file), errors and warnings with their hints,
 * in Vietnamese under `--lang vi` (or LANG=vi_VN) for every command that shows them: drill validate, run,
 * batch and play. The code, the place (file:line:col) and the path are the file's own words and stay as they
 * are; the English, without --lang, is what it always was. A problem of the whole file (an empty file) has no
 * line to point at, and none is shown.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir } from '../helpers/cli.js';

const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const VI = { LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
const dir = tempDir();

/** minimal.yaml with a planner's mistakes: xã for the tier, 12.000 people, a misspelt base, a time in words, a misspelt unit */
const errors = join(dir, 'errors.yaml');
writeFileSync(errors, minimal
  .replace('    tier: commune\n    parent: nghe-an\n    population: 12000', '    tier: xã\n    parent: nghe-an\n    population: 12.000')
  .replace('base: muong-xen\n    home: muong-xen\n    mobilisation: 5m', 'base: muong-xem\n    home: muong-xen\n    mobilisation: 5m')
  .replace('at: T+00:20', 'at: 20 phút')
  .replace('commands: [mx-militia, mx-police]', 'commands: [mx-militia, mx-polise]'));
/** valid, with two warnings: a unit no role commands, and a reserve as large as the commune's force */
const warnings = join(dir, 'warnings.yaml');
writeFileSync(warnings, minimal
  .replace('commands: [mx-militia, mx-police]', 'commands: [mx-militia]')
  .replace('rating: { P: 2700, S: 3600, M: 5400 }', 'rating: { P: 2700, S: 3600, M: 5400 }\n\ndoctrine:\n  keep_home: 2'));
const empty = join(dir, 'empty.yaml');
writeFileSync(empty, '\n');

const ERRORS_VI = [
  `${errors}:23:11: error[enum] areas[1].tier: chữ 'xã' không phải giá trị hợp lệ ở đây (cấp xã ghi là 'commune')`,
  `${errors}:25:17: error[thousands-separator] areas[1].population: '12.000' được đọc thành 12 (hãy viết 12000, không có dấu phân cách hàng nghìn)`,
  `${errors}:44:11: error[unknown-id] units[1].base: không có nơi đóng quân (nút giao thông hoặc địa bàn) 'muong-xem' (có phải 'muong-xen'?)`,
  `${errors}:60:9: error[time] incidents[0].at: '20 phút' không phải một thời điểm (hãy viết T+00:20, tức là 20 phút sau khi bắt đầu)`,
  `${errors}:69:28: error[unknown-id] roles[0].commands[1]: không có đơn vị 'mx-polise' (có phải 'mx-police'?)`,
];
const ERRORS_EN = [
  `${errors}:23:11: error[enum] areas[1].tier: the text 'xã' is not allowed here (a xã is tier 'commune')`,
  `${errors}:25:17: error[thousands-separator] areas[1].population: '12.000' reads as 12 (write 12000, with no thousands separator)`,
  `${errors}:44:11: error[unknown-id] units[1].base: unknown base (node or area) 'muong-xem' (did you mean 'muong-xen'?)`,
  `${errors}:60:9: error[time] incidents[0].at: '20 phút' is not a time (write T+00:20, that is 20m after the start)`,
  `${errors}:69:28: error[unknown-id] roles[0].commands[1]: unknown unit 'mx-polise' (did you mean 'mx-police'?)`,
];
const WARNINGS_VI = [
  `${warnings}:38:9: warning[no-commander] units[1].id: không vai nào chỉ huy đơn vị 'mx-police' (hãy thêm nó vào \`commands\` của một vai; cho đến lúc đó phương án tự động chỉ huy nó cho địa bàn của nó)`,
  `${warnings}:96:14: warning[keep-all] doctrine.keep_home: phương án tự động giữ lại tại chỗ 2 đơn vị ở 'muong-xen' (2 đơn vị), bằng đúng số đơn vị địa bàn đó có: phương án tự động sẽ không bao giờ điều đơn vị của địa bàn đó đi hỗ trợ địa bàn khác (hãy chỉ nêu các xã cần lực lượng dự phòng, dạng keep_home: { <mã-xã>: số }, hoặc giữ lại ít hơn)`,
];
/** the place and code of each line, which are the same in both languages */
const head = (line: string) => line.slice(0, line.indexOf(': ', line.indexOf('] ')));

describe('a scenario\'s problems in Vietnamese', () => {
  it('drill validate --lang vi says each error and its hint in Vietnamese, at the same place and with the same code as in English', () => {
    const vi = drill(['validate', errors, '--lang', 'vi'], { env: PLAIN });
    expect(vi.code).toBe(1);
    expect(vi.stdout).toBe(ERRORS_VI.join('\n') + '\n');
    const en = drill(['validate', errors], { env: PLAIN });
    expect(en.code).toBe(1);
    expect(en.stdout).toBe(ERRORS_EN.join('\n') + '\n');
    expect(ERRORS_VI.map(head)).toEqual(ERRORS_EN.map(head));
  });

  it('the locale asks for Vietnamese: warnings and the summary line of drill validate; --lang en keeps English', () => {
    const vi = drill(['validate', warnings], { env: VI });
    expect(vi.code).toBe(0);
    expect(vi.stdout).toBe([...WARNINGS_VI, `${warnings}: hợp lệ: minimal "Sập nhà sau mưa lớn ở Mường Xén" (2 địa bàn, 2 đơn vị, 1 nguồn sự cố, 1 tình huống, 1 mục tiêu, 2 cảnh báo)`].join('\n') + '\n');
    const en = drill(['validate', warnings, '--lang', 'en'], { env: VI });
    expect(en.stdout).toContain(`${warnings}:38:9: warning[no-commander] units[1].id: no role commands unit 'mx-police' (add it to a role's \`commands\`; until then doctrine commands it for its home area)\n`);
    expect(en.stdout).toContain(`${warnings}: ok: minimal "House collapse after heavy rain in Mường Xén" (2 areas, 2 units, 1 incident source, 1 inject, 1 objective, 2 warnings)\n`);
  });

  it('drill run, batch and play say the scenario\'s errors in the language they write in', () => {
    for (const args of [['run', errors, '--lang', 'vi'], ['batch', errors, '--runs', '2', '--lang', 'vi'], ['play', errors, '--role', 'mx-commander', '--lang', 'vi']]) {
      const r = drill(args, { env: PLAIN, input: '' });
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toBe(ERRORS_VI.join('\n') + '\n');
    }
  });

  it('drill run says the warnings, then its summary, in Vietnamese', () => {
    const r = drill(['run', warnings, '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(WARNINGS_VI.join('\n') + '\n');
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      'minimal: "Sập nhà sau mưa lớn ở Mường Xén", seed 7, từ T+00:00 đến T+04:00, mọi vai do phương án tự động đảm nhận',
      '  sự cố       1 được báo tin, 1 đã khống chế, 1 đã giải quyết xong',
      '  người dân   3 người gặp nạn, 2 được cứu, 1 thiệt mạng, 0 vẫn còn gặp nạn',
      '  ứng phó     lực lượng đầu tiên có mặt sau trung bình 5 phút (lâu nhất 5 phút)',
      '  quyết định  2 được thực hiện, 0 bị từ chối',
    ]);
  });

  it('a decisions file\'s problems too: two errors', () => {
    const dec = join(dir, 'decisions.yaml');
    writeFileSync(dec, 'drillsim_decisions: 1\nplayers: [mx-commander]\ndecisions:\n  - { at: T+00:30, role: mx-comander, do: dispatch, unit: mx-militia, incident: collapse-1 }\n  - { at: 5h, role: mx-commander, do: recall, unit: mx-militia }\n');
    const r = drill(['run', 'scenarios/minimal.yaml', '--decisions', dec, '-l', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${dec}:4:26: error[unknown-id] decisions[0].role: không có vai 'mx-comander' (có phải 'mx-commander'?)`,
      `${dec}:5:11: error[outside-horizon] decisions[1].at: quyết định lúc 5h là sau khi kịch bản kết thúc lúc T+04:00: không lượt chạy nào tới được thời điểm đó, nên quyết định sẽ không bao giờ được thực hiện (hãy cho nó thời điểm không muộn hơn T+04:00, hoặc bỏ nó khỏi tệp)`,
    ].join('\n') + '\n');
  });

  it('a problem of the whole file is said without a line and column, in both languages', () => {
    const vi = drill(['validate', empty, '--lang', 'vi'], { env: PLAIN });
    expect(vi.stdout).toBe(`${empty}: error[empty] (top): tệp rỗng (một kịch bản bắt đầu bằng 'drillsim: 1'; xem docs/scenario-format.md)\n`);
    const en = drill(['validate', empty], { env: PLAIN });
    expect(en.stdout).toBe(`${empty}: error[empty] (top): the file is empty (a scenario starts with 'drillsim: 1'; see docs/scenario-format.md)\n`);
  });
});
