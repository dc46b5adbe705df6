/**
 * A batch results file whose JSON does not read, said in Vietnamese (drill merge, drill report --lang vi): the
 * line and column where it breaks, not V8's English parser words (which, for text that is no JSON at all, even
 * quoted the file and split the message over two lines: `(Unexpected token 'h', "hello\n" is not valid JSON)`).
 * English keeps the parser's words. Where V8 names no place (it quotes the text), the place is found all the same.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../engine/batch/read-results.js';
import { drill, tempDir } from '../helpers/cli.js';

const message = (text: string, lang: 'en' | 'vi') => { const r = readResults(text, lang); return r.ok ? 'ok' : r.message; };

describe('batch results that are not JSON, in Vietnamese', () => {
  it('give the place where the JSON breaks, when there is one, and no parser words; English as before', () => {
    expect(message('{"a": 1,}', 'vi')).toBe('không phải tệp kết quả chạy loạt: tệp không phải JSON hợp lệ (lỗi tại dòng 1, cột 9)');
    expect(message('hello\n', 'vi')).toBe('không phải tệp kết quả chạy loạt: tệp không phải JSON hợp lệ (lỗi tại dòng 1, cột 1)');
    expect(message('[1,\n', 'vi')).toBe('không phải tệp kết quả chạy loạt: tệp không phải JSON hợp lệ');
    expect(message('{"format":"drillsim/batch@1",\n"runs" 4}\n', 'vi')).toBe('tệp kết quả chạy loạt bị hỏng: JSON của tệp bị lỗi ở dòng 2, cột 8');
    expect(message('{"a": 1,}', 'en')).toBe('not a batch results file: the file is not valid JSON (Expected double-quoted property name, line 1, column 9)');
    expect(message('{"format":"drillsim/batch@1",\n"runs" 4}\n', 'en')).toBe("the batch results file is damaged: its JSON breaks at line 2, column 8 (Unexpected number)");
  });

  it('drill merge --lang vi says it on one line', () => {
    const dir = tempDir();
    const a = join(dir, 'a.json'), b = join(dir, 'b.json');
    writeFileSync(a, 'hello\n');
    writeFileSync(b, '{"a": 1,}\n');
    const r = drill(['merge', a, b, '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${a}: error[file] (file): không phải tệp kết quả chạy loạt: tệp không phải JSON hợp lệ (lỗi tại dòng 1, cột 1) (hãy đưa một tệp do \`drill batch --out results.json\` ghi ra)\n`);
  });
});
