/**
 * A run log cut short mid-line (a copy that stopped, a disk that filled): verify and report said it was cut short
 * and nothing of where, so a reviewer comparing the copy with the original had nowhere to look. They now name the
 * line the file ends at, in English and Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

describe('a run log cut short mid-line', () => {
  it('names the line the file ends at, in verify and report, in English and Vietnamese', () => {
    const dir = tempDir('drillsim-log-cut-');
    const log = join(dir, 'run.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    const k = lines.findIndex((l) => l.includes('"type":"incident.reported"'));
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, [...lines.slice(0, k), lines[k].slice(0, 20)].join('\n'));
    for (const command of ['verify', 'report']) {
      const en = drill([command, cut]);
      expect([en.code, en.stderr], command).toEqual([1, `${cut}: error[file] (file): the run log is cut short: the file ends at line ${k + 1}, before the log does (it is incomplete or damaged) (copy it again, or write it again with \`drill run --out\`)\n`]);
      expect(en.stderr).not.toMatch(STACK);
    }
    expect(drill(['report', cut, '--lang', 'vi']).stderr).toBe(`${cut}: error[file] (file): nhật ký chạy bị cụt: tệp kết thúc ở dòng ${k + 1}, trước khi nhật ký kết thúc (thiếu hoặc hỏng) (hãy chép lại, hoặc ghi lại bằng \`drill run --out\`)\n`);
  });

  it('a log cut in the middle of a Vietnamese letter is cut short there, not "not UTF-8" (verify, report, view)', () => {
    const dir = tempDir('drillsim-log-mid-char-');
    const log = join(dir, 'run.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const bytes = readFileSync(log);
    // the first byte of a three-byte letter (ờ, ố, ...) after the log's first letter beyond ASCII (so it reads as UTF-8)
    const at = bytes.findIndex((b, i) => b >= 0xe0 && b < 0xf0 && i > bytes.findIndex((c) => c >= 0x80));
    const cut = join(dir, 'cut.json');
    for (const keep of [1, 2]) {
      writeFileSync(cut, bytes.subarray(0, at + keep));
      const line = bytes.subarray(0, at).toString('utf8').trimEnd().split('\n').length;
      for (const command of ['verify', 'report', 'view']) {
        expect(drill([command, cut]).stderr, `${command}, ${keep} of 3 bytes`).toContain(`the run log is cut short: the file ends at line ${line},`);
      }
    }
    // a file with a bad byte elsewhere is still not UTF-8, nor one whose only letter beyond ASCII ends it ('café' in Latin-1)
    writeFileSync(cut, Buffer.concat([bytes.subarray(0, 40), Buffer.from([0xff]), bytes.subarray(41)]));
    expect(drill(['verify', cut]).stderr).toContain('this file is not UTF-8 text');
    writeFileSync(cut, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect(drill(['verify', cut]).stderr).toContain('this file is not UTF-8 text');
  });

  it('a whole log with text after it is said to be followed by it, with where, not to be cut short (verify, report, view)', () => {
    const dir = tempDir('drillsim-log-more-');
    const log = join(dir, 'run.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const end = readFileSync(log, 'utf8').trimEnd().split('\n').length;
    const more = join(dir, 'more.json');
    writeFileSync(more, readFileSync(log, 'utf8') + '  xx\n');
    for (const command of ['verify', 'report', 'view']) {
      const en = drill([command, more]);
      expect([en.code, en.stderr], command).toEqual([1, `${more}: error[file] (file): the run log is followed by other text: the log ends at line ${end}, and line ${end + 1}, column 3 holds more (delete everything after the line that ends the log ("hash": ...}), or copy it again)\n`]);
    }
    expect(drill(['verify', more, '--lang', 'vi']).stderr).toBe(`${more}: error[file] (file): sau nhật ký chạy còn có nội dung khác: nhật ký kết thúc ở dòng ${end}, nhưng dòng ${end + 1}, cột 3 vẫn còn nội dung (hãy xoá mọi thứ sau dòng kết thúc nhật ký ("hash": ...}), hoặc chép lại)\n`);
  });
});
