/**
 * With --lang vi, a file drill cannot read or that is not JSON is said without English words inside the
 * Vietnamese sentence where a language-neutral form exists: where the JSON breaks is its line and column, not
 * V8's parser words ("Unexpected token 'h'"). An unexpected error of the file system (EIO...) has nothing else to
 * go by: Node's English words stay, said to be technical detail in English. English is unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

describe('--lang vi: no English detail inside a Vietnamese sentence', () => {
  it('a file that is not JSON: the line and column where it breaks, when V8 gives one, and no parser words', () => {
    const dir = tempDir();
    const hello = join(dir, 'hello.json'), comma = join(dir, 'comma.json');
    writeFileSync(hello, 'hello\n');
    writeFileSync(comma, '{"a": 1,\n}\n');
    expect(drill(['verify', hello, '--lang', 'vi']).stderr).toBe(`${hello}: error[file] (file): không phải nhật ký chạy: tệp không phải JSON hợp lệ (hãy cho một tệp do \`drill run --out\` ghi ra)\n`);
    expect(drill(['verify', comma, '--lang', 'vi']).stderr).toBe(`${comma}: error[file] (file): không phải nhật ký chạy: tệp không phải JSON hợp lệ (lỗi tại dòng 2, cột 1) (hãy cho một tệp do \`drill run --out\` ghi ra)\n`);
    // English keeps V8's words
    expect(drill(['verify', hello]).stderr).toBe(`${hello}: error[file] (file): not a run log: the file is not valid JSON (Unexpected token 'h') (give a file written by \`drill run --out\`)\n`);
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
});
