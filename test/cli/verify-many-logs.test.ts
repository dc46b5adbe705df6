/**
 * `drill verify runs/*.json`, the way a reviewer checks the logs handed over for a review, answered "unexpected
 * argument 'c.json'" and nothing on what to do. It says that it checks one log at a time, and gives the loop that
 * checks them all, in the language asked for; exit 2, a usage error, as before.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-verify-many-');
const logs = ['a.json', 'b.json', 'c d.json'].map((f) => join(dir, f));

beforeAll(() => {
  for (const log of logs) expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
});

describe('drill verify given several run logs', () => {
  it('says it checks one at a time and gives the loop that checks them all (EN)', () => {
    const r = drill(['verify', ...logs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`drill verify: one run log at a time (or one batch results file with its scenario), and 3 files were given: verify each in turn, as in: for f in ${logs[0]} ${logs[1]} '${logs[2]}'; do npx drill verify "$f"; done`);
    expect(r.stderr).not.toContain('unexpected argument');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('in Vietnamese', () => {
    const r = drill(['verify', ...logs, '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('drill verify: mỗi lần chỉ kiểm tra một nhật ký chạy (hoặc một tệp kết quả chạy loạt cùng kịch bản của nó), nhưng có 3 tệp: hãy kiểm tra lần lượt từng tệp, ví dụ: for f in');
  });

  it('each of them, given alone, verifies', () => {
    for (const log of logs) expect(drill(['verify', log]).code).toBe(0);
  });
});
