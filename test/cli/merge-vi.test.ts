/**
 * `drill merge --lang vi` (and `drill report results.json --lang vi`): the
 * command said "the files hold 100 of the batch's 200 runs; missing: 2, 4,
 * ..." and "this is a CSV export ..." in English, where README.md promises a
 * missing or unusable file in Vietnamese too. Each refusal is now said in
 * the language asked for; the file names, ids and hashes stay as written.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';
let dir: string;
beforeAll(() => {
  dir = tempDir('drillsim-merge-vi-');
  for (const i of [1, 2]) expect(drill(['batch', S, '--runs', '6', '--shard', `${i}/2`, '--workers', '1', '--out', join(dir, `s${i}.json`), '--out', join(dir, `s${i}.csv`), '--quiet']).code).toBe(0);
  expect(drill(['batch', S, '--runs', '6', '--seed', '9', '--shard', '2/2', '--workers', '1', '--out', join(dir, 'other.json'), '--quiet']).code).toBe(0);
});

describe('drill merge in Vietnamese', () => {
  it('says a missing shard in Vietnamese, and in English without --lang vi', () => {
    const vi = drill(['merge', join(dir, 's1.json'), '--lang', 'vi']);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe("drill merge: các tệp có 3 trên 6 lượt chạy của loạt; còn thiếu các lượt: 2, 4, 6\n  (thiếu các phần: 2/2)\n");
    const en = drill(['merge', join(dir, 's1.json'), '--lang', 'en']);
    expect(en.stderr).toBe("drill merge: the files hold 3 of the batch's 6 runs; missing: 2, 4, 6\n  (missing shards: 2/2)\n");
  });

  it('says parts of another batch in Vietnamese, naming what differs', () => {
    const r = drill(['merge', join(dir, 's1.json'), join(dir, 'other.json'), '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`drill merge: ${join(dir, 's1.json')} và ${join(dir, 'other.json')} không phải các phần của cùng một loạt chạy: seed gốc khác nhau (7 và 9)`);
  });

  it('says a CSV given for results in Vietnamese, in merge and in report', () => {
    const m = drill(['merge', join(dir, 's1.json'), join(dir, 's2.csv'), '--lang', 'vi']);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('đây là tệp CSV xuất ra; drill merge và drill report đọc tệp kết quả JSON');
    const r = drill(['report', join(dir, 's2.csv'), '--lang', 'vi']);
    expect(r.stderr).not.toMatch(/this is a CSV export/);
  });
});
