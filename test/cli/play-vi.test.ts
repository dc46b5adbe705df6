/**
 * `drill play --lang vi` from the command line: what the shared CLI code says about files and options comes
 * out in Vietnamese too, not half in English ("Chưa lưu: cannot write: ...").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';
const ENGLISH = /cannot write|does not exist|no such file|not a run log|unknown option|must be a whole number|check the path/;

describe('drill play --lang vi on problems with files and options', () => {
  it('a save into a folder that does not exist says why in Vietnamese, and the session goes on', () => {
    const dir = tempDir();
    const r = drill(['play', KY_SON, '--role', 'mx-chair', '--lang', 'vi'], { input: `save ${join(dir, 'no-folder', 'x.json')}\nadvance\nsave ${join(dir, 'x.json')}\n` });
    expect(r.stdout).toContain(`Chưa lưu: không ghi được: thư mục '${join(dir, 'no-folder')}' không tồn tại (hãy tạo thư mục trước, hoặc ghi tệp vào chỗ khác)`);
    expect(r.stdout).toContain(`Đã lưu phiên vào ${join(dir, 'x.json')} lúc T+01:46.`);
    expect(r.stdout).not.toMatch(ENGLISH);
    expect(r.code).toBe(1);
  });

  it('an --out, a scenario or a run log it cannot use: one line in Vietnamese, exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'broken.json'), '{');
    const cases: [string[], string][] = [
      [[KY_SON, '--role', 'mx-chair', '--out', join(dir, 'no-folder', 'x.json')], `error[file] (file): không ghi được: thư mục '${join(dir, 'no-folder')}' không tồn tại (hãy tạo thư mục trước, hoặc ghi tệp vào chỗ khác)`],
      [[join(dir, 'nope.yaml'), '--role', 'mx-chair'], 'nope.yaml: error[file] (file): không có tệp này (hãy kiểm tra đường dẫn)'],
      [['--resume', KY_SON], 'ky-son-flash-flood.yaml: error[file] (file): đây là một kịch bản, không phải nhật ký chạy (để chơi từ đầu: drill play scenarios/ky-son-flash-flood.yaml)'],
      [['--resume', join(dir, 'empty.json')], 'empty.json: error[file] (file): tệp rỗng, không phải nhật ký chạy (hãy cho một tệp do `drill run --out` ghi ra)'],
      [['--resume', join(dir, 'broken.json')], 'broken.json: error[file] (file): không phải nhật ký chạy: tệp không phải JSON hợp lệ'],
    ];
    for (const [args, said] of cases) {
      const r = drill(['play', ...args, '--lang', 'vi'], { input: 'quit\n' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(said);
      expect(r.stderr, args.join(' ')).not.toMatch(ENGLISH);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
  });

  it('a wrong option: its reason in Vietnamese, exit 2', () => {
    const seed = drill(['play', KY_SON, '--role', 'mx-chair', '--seed', 'abc', '--lang', 'vi']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain("drill play: tùy chọn không hợp lệ: --seed phải là số nguyên, không phải 'abc'\n(drill play --help liệt kê các tùy chọn)");
    const unknown = drill(['play', KY_SON, '--role', 'mx-chair', '--sed', '1', '--lang', 'vi']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("drill play: tùy chọn không hợp lệ: không có tùy chọn '--sed' (có phải '--seed'?)");
    for (const r of [seed, unknown]) expect(r.stderr).not.toMatch(ENGLISH);
    // in English, as before
    expect(drill(['play', KY_SON, '--role', 'mx-chair', '--seed', 'abc', '--lang', 'en']).stderr).toContain("--seed must be a whole number, not 'abc'");
  });

  it('the count of refused lines at the end calls them typed lines, not the scenario (kịch bản)', () => {
    const r = drill(['play', KY_SON, '--role', 'mx-chair', '--lang', 'vi'], { input: 'bay\nquit\n' });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 dòng lệnh đã nhập bị từ chối hoặc không hiểu được (mã thoát 1).');
    const two = drill(['play', KY_SON, '--role', 'mx-chair', '--lang', 'vi'], { input: 'bay\nnhảy\nquit\n' });
    expect(two.stdout.trimEnd().split('\n').at(-1)).toBe('2 dòng lệnh đã nhập bị từ chối hoặc không hiểu được (mã thoát 1).');
  });

  it('a wrong --lang is said in the language of the environment', () => {
    const r = drill(['play', KY_SON, '--role', 'mx-chair', '--lang', 'fr'], { env: { LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang phải là vi hoặc en, không phải 'fr'");
  });
});
