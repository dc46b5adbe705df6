/**
 * A batch results file whose JSON does not read, said in English (drill merge, drill report): one line that says
 * where the JSON breaks. For text that is no JSON at all V8 names no place but quotes the text instead
 * (`Unexpected token 'h', "hello\n" is not valid JSON`), and the message went over two lines with the file in it;
 * in a file of ours garbled in the middle the same message made it "cut short". The place is now found by reading
 * the text again (breakAt), the quoted text left out and a line break as a token written escaped.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../engine/batch/read-results.js';
import { breakAt } from '../../engine/core/json-break.js';
import { drill, tempDir } from '../helpers/cli.js';

const message = (text: string, lang: 'en' | 'vi' = 'en') => { const r = readResults(text, lang); return r.ok ? 'ok' : r.message; };
const HINT = '(give a file written by `drill batch --out results.json`)';

describe('batch results that are not JSON, in English', () => {
  it('say on one line where the JSON breaks, with V8\'s words but not the text it quotes', () => {
    expect(message('hello\n')).toBe("not a batch results file: the file is not valid JSON (Unexpected token 'h', line 1, column 1)");
    // a line break as the token: escaped, not set bare in the line
    expect(message('[1,\n2,\ntru\n]\n')).toBe("not a batch results file: the file is not valid JSON (Unexpected token '\\n', line 3, column 4)");
    // a long text: V8 quotes some of it around the break ('..."…"...'), line breaks and all
    const long = `{"a": [\n${'  1,\n'.repeat(50)}  oops\n]}\n`;
    expect(message(long)).toBe("not a batch results file: the file is not valid JSON (Unexpected token 'o', line 52, column 3)");
    // V8's place where it names one, as before
    expect(message('{"a": 1,}')).toBe('not a batch results file: the file is not valid JSON (Expected double-quoted property name, line 1, column 9)');
  });

  it('say where a results file of ours garbled in the middle breaks, not that it is cut short', () => {
    expect(message('{"format":"drillsim/batch@1",\n"runs": hello}\n')).toBe("the batch results file is damaged: its JSON breaks at line 2, column 9 (Unexpected token 'h')");
    expect(message('{"format":"drillsim/batch@1",\n"runs": [1,\n')).toBe('the batch results file is cut short: it ends before its JSON does');
  });

  it('breakAt finds the offset JSON.parse stops at', () => {
    expect(breakAt('hello')).toBe(0);
    expect(breakAt('{"a": 1,}')).toBe(8);
    expect(breakAt('[1, 2] x')).toBe(7);
    expect(breakAt('"\\x"')).toBe(2);
    expect(breakAt('[1e+')).toBeNull(); // cut short
    expect(breakAt('{"a": [true, null, -0.5e-3, "\\u00e9"]}')).toBeNull(); // reads
  });

  it('drill merge and drill report say it on one line', () => {
    const dir = tempDir();
    const a = join(dir, 'a.json'), b = join(dir, 'b.json'), ours = join(dir, 'ours.json');
    writeFileSync(a, 'hello\n');
    writeFileSync(b, '{"a": 1,}\n');
    writeFileSync(ours, '{"format":"drillsim/batch@1",\n"runs": hello}\n');
    const r = drill(['merge', a, b]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${a}: error[file] (file): not a batch results file: the file is not valid JSON (Unexpected token 'h', line 1, column 1) ${HINT}\n`);
    const rep = drill(['report', ours]);
    expect(rep.code).toBe(1);
    expect(rep.stderr.split('\n')).toHaveLength(2);
    expect(rep.stderr).toContain(`${ours}: error[file] (file): the batch results file is damaged: its JSON breaks at line 2, column 9 (Unexpected token 'h')`);
  });
});
