/**
 * Batch results given where a run log goes (`drill compare`, `fork`, `view`), with `--lang vi`: the line was half
 * Vietnamese, half English ("đây là kết quả chạy loạt (batch), không phải nhật ký chạy (give one run's log ...)"):
 * the hint, what to give instead, was not in the shared table of Vietnamese words.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

describe('batch results where a run log goes, in Vietnamese', () => {
  it('compare, fork and view say it, and what to give instead, all in Vietnamese', () => {
    const dir = tempDir('drillsim-results-as-log-');
    const results = join(dir, 'results.json'), log = join(dir, 'run.json');
    expect(drill(['batch', 'scenarios/minimal.yaml', '--runs', '2', '--out', results, '--quiet']).code).toBe(0);
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const said = `${results}: error[file] (file): đây là kết quả chạy loạt (batch), không phải nhật ký chạy (hãy cho nhật ký của một lượt chạy (\`drill run --out\`); muốn có trang kết quả chạy loạt: drill report <kết-quả.json> --out bao-cao.html)\n`;
    for (const args of [['fork', results, '--at', 'T+00:10', '--decisions', log], ['view', results, '--port', '0']]) {
      const r = drill([...args, '--lang', 'vi']);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toBe(said);
      expect(r.stderr).not.toMatch(STACK);
    }
    // compare also takes two batch results (two plans): given one of each, it says which is which and what it takes
    const vi = drill(['compare', log, results, '--lang', 'vi']);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe(`${results}: error[file] (file): là kết quả loạt chạy, còn ${log} là một nhật ký chạy: compare đặt cạnh nhau hai nhật ký chạy, hoặc hai tệp kết quả loạt chạy (hãy đưa hai nhật ký chạy (drill run --out), hoặc hai tệp kết quả loạt chạy (drill batch --out F.json))\n`);
    // English as it was
    expect(drill(['fork', results, '--at', 'T+00:10', '--decisions', log, '--lang', 'en']).stderr).toContain("(give one run's log (`drill run --out`); for a page of batch results: drill report <results.json> --out report.html)");
  });
});
