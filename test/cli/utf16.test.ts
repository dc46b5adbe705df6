/**
 * A scenario or run log saved as UTF-16 (Windows Notepad's "Unicode") is said to be that, with how to save it as
 * UTF-8, in English and Vietnamese: it was called a binary file (its zero bytes), which tells a planner nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUtf16 } from '../../engine/cli/io.js';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-utf16-');
const text = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
/** the text in UTF-16, little- or big-endian, with or without its byte-order mark */
function utf16(s: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + s, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}

describe('a file saved as UTF-16', () => {
  for (const [endian, bom] of [['le', true], ['be', true], ['le', false]] as const) {
    it(`(${endian}${bom ? ', with its mark' : ', no mark'}) is said to be UTF-16, with how to save it as UTF-8, in EN and VI`, () => {
      const file = join(dir, `m-${endian}-${bom}.yaml`);
      writeFileSync(file, utf16(text, endian, bom));
      const en = drill(['validate', file]);
      expect(en.code).toBe(1);
      expect(en.stdout + en.stderr).toContain(`${file}: error[file] (file): this file is UTF-16 text, not UTF-8 (save it as UTF-8`);
      expect(en.stdout + en.stderr).not.toContain('binary');
      expect(en.stdout + en.stderr).not.toMatch(STACK);
      const vi = drill(['validate', file, '--lang', 'vi']);
      expect(vi.stdout + vi.stderr).toContain('tệp này là văn bản UTF-16, không phải UTF-8 (hãy lưu lại dưới dạng UTF-8');
      expect(vi.stdout + vi.stderr).not.toMatch(STACK);
    });
  }

  it('tells UTF-16 from UTF-8 and from binary files', () => {
    expect(isUtf16(Buffer.from(text, 'utf8'))).toBe(false);
    expect(isUtf16(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBe(false);
    expect(isUtf16(utf16('drillsim: 1\nid: x\n', 'be', false))).toBe(true);
    expect(isUtf16(Buffer.from('\ufeffdrillsim: 1\n', 'utf8'))).toBe(false);
  });
});
