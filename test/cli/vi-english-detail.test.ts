/**
 * With --lang vi, a file drill cannot read or that is not JSON is said without English words inside the
 * Vietnamese sentence where a language-neutral form exists: where the JSON breaks is its line and column, not
 * V8's parser words ("Unexpected token 'h'"). An unexpected error of the file system (EIO...) has nothing else to
 * go by: Node's English words stay, said to be technical detail in English. A run log whose embedded scenario
 * does not load (report, compare, fork) gave the scenario issue's English under a Vietnamese hint: the issue is said
 * in its Vietnamese words. English is unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { drill, STACK, tempDir } from '../helpers/cli.js';

describe('--lang vi: no English detail inside a Vietnamese sentence', () => {
  it('a file that is not JSON: the line and column where it breaks, and no parser words', () => {
    const dir = tempDir();
    const hello = join(dir, 'hello.json'), comma = join(dir, 'comma.json');
    writeFileSync(hello, 'hello\n');
    writeFileSync(comma, '{"a": 1,\n}\n');
    expect(drill(['verify', hello, '--lang', 'vi']).stderr).toBe(`${hello}: error[file] (file): không phải nhật ký chạy: tệp không phải JSON hợp lệ (lỗi tại dòng 1, cột 1) (hãy cho một tệp do \`drill run --out\` ghi ra)\n`);
    expect(drill(['verify', comma, '--lang', 'vi']).stderr).toBe(`${comma}: error[file] (file): không phải nhật ký chạy: tệp không phải JSON hợp lệ (lỗi tại dòng 2, cột 1) (hãy cho một tệp do \`drill run --out\` ghi ra)\n`);
    // English keeps V8's words
    expect(drill(['verify', hello]).stderr).toBe(`${hello}: error[file] (file): not a run log: the file is not valid JSON (Unexpected token 'h', line 1, column 1) (give a file written by \`drill run --out\`)\n`);
    expect(drill(['verify', comma]).stderr).toBe(`${comma}: error[file] (file): not a run log: the file is not valid JSON (Expected double-quoted property name, line 2, column 1) (give a file written by \`drill run --out\`)\n`);
  });

  it.runIf(process.platform === 'linux')('a file the system cannot read (EIO): its English detail kept, marked as such', () => {
    // /proc/self/mem: stat says a file, reading it fails with EIO
    const vi = drill(['verify', '/proc/self/mem', '--lang', 'vi']);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe('/proc/self/mem: error[file] (file): không đọc được (chi tiết kỹ thuật, tiếng Anh: EIO: i/o error, read)\n');
    expect(vi.stderr).not.toMatch(STACK);
    expect(drill(['verify', '/proc/self/mem']).stderr).toBe('/proc/self/mem: error[file] (file): cannot read: EIO: i/o error, read\n');
  });

  it('a run log whose embedded scenario does not load: the scenario issue in Vietnamese, in report, compare and fork', () => {
    const dir = tempDir();
    const good = join(dir, 'good.json'), bad = join(dir, 'bad.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', good, '--quiet']).code).toBe(0);
    const text = readFileSync(good, 'utf8');
    expect(text).toContain('"text":"{\\"drillsim\\":1,');
    writeFileSync(bad, text.replace('"text":"{\\"drillsim\\":1,', '"text":"{\\"drillsim\\":2,'));
    const vi = `${bad}: error[file] (file): kịch bản lưu trong nhật ký không đọc được: số 2 là phiên bản định dạng mà drillsim này không đọc được (nó đọc 1) (nhật ký bị hỏng; hãy chạy lại kịch bản với \`drill run --out\`)\n`;
    const en = `${bad}: error[file] (file): the scenario embedded in the run log does not load: the number 2 is a format version this drillsim does not read (it reads 1) (the log is damaged; run the scenario again with \`drill run --out\`)\n`;
    for (const args of [['report', bad], ['compare', bad, good], ['fork', bad, '--at', '1h', '--decisions', 'scenarios/decisions/ky-son-trainee.yaml']]) {
      const r = drill([...args, '--lang', 'vi']);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toBe(vi);
      expect(drill(args).stderr, args[0]).toBe(en);
    }
  });

  it('a .json scenario that is not strict JSON: the warning in Vietnamese without V8\'s parser words (its line and column say where)', () => {
    const dir = tempDir();
    const file = join(dir, 'hex.json');
    const json = JSON.stringify(parse(readFileSync('scenarios/minimal.yaml', 'utf8')), null, 2);
    // a hexadecimal seed: YAML reads it, JSON does not, and no slip of its own is named for it
    writeFileSync(file, json.replace('"seed": 7', '"seed": 0x7') + '\n');
    const vi = drill(['validate', file, '--lang', 'vi']).stdout;
    expect(vi).toContain(`${file}:11:12: warning[not-strict-json] (syntax): không phải JSON chuẩn: drillsim đọc được, nhưng các công cụ JSON khác (trình soạn thảo, jq) sẽ không đọc được (hãy viết JSON chuẩn, hoặc đặt tên tệp là .yaml)\n`);
    expect(drill(['validate', file]).stdout).toContain(`${file}:11:12: warning[not-strict-json] (syntax): not strict JSON (Expected ',' or '}' after property value): drillsim reads it`);
  });
});
