/**
 * `drill run --out` says where it wrote the log; report, batch and merge said nothing when they wrote their
 * files. They say it now, as run does ('written to'), on stderr: their standard output is data (the report,
 * the batch's table), which stays as it was.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';
let dir: string;
let log: string;

beforeAll(() => {
  dir = tempDir();
  log = join(dir, 'run.json');
  expect(drill(['run', S, '--out', log, '--quiet']).code).toBe(0);
});

describe('drill report --out', () => {
  it('says on stderr which file it wrote the report to, and prints nothing on stdout', () => {
    const out = join(dir, 'r.md');
    const r = drill(['report', log, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${log}: report written to ${out}\n`);
    expect(existsSync(out)).toBe(true);
  });

  it('says it in Vietnamese with --lang vi (and on a Vietnamese terminal)', () => {
    const out = join(dir, 'r.vi.html');
    expect(drill(['report', log, '--lang', 'vi', '--out', out]).stderr).toBe(`${log}: đã ghi báo cáo vào ${out}\n`);
    expect(drill(['report', log, '--out', out], { env: { LANG: 'vi_VN.UTF-8' } }).stderr).toBe(`${log}: đã ghi báo cáo vào ${out}\n`);
  });

  it('says it for the page of batch results too; without --out, stdout is the report and stderr is empty', () => {
    const results = join(dir, 'results.json');
    expect(drill(['batch', S, '--runs', '2', '--workers', '1', '--out', results, '--quiet']).code).toBe(0);
    const page = join(dir, 'page.html');
    const r = drill(['report', results, '--out', page]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', `${results}: report written to ${page}\n`]);
    const table = drill(['report', results]);
    expect([table.code, table.stderr]).toEqual([0, '']);
    expect(table.stdout).toMatch(/^minimal: /);
  });
});

describe('drill batch and drill merge --out / --html', () => {
  it('batch says the files it wrote on stderr, before the timing line; stdout is the table, the same as drill report prints', () => {
    const json = join(dir, 'b.json'), csv = join(dir, 'b.csv'), html = join(dir, 'b.html');
    const r = drill(['batch', S, '--runs', '3', '--workers', '1', '--out', json, '--out', csv, '--html', html]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([`results written to ${json} and ${csv}`, `page written to ${html}`]);
    expect(lines[2]).toMatch(/^3 runs in .* on 1 worker /);
    expect(lines).toHaveLength(3);
    expect(r.stdout).toBe(drill(['report', json]).stdout);
  });

  it('batch says it in Vietnamese with --lang vi, and nothing with --quiet', () => {
    const json = join(dir, 'v.json'), html = join(dir, 'v.html');
    const vi = drill(['batch', S, '--runs', '2', '--workers', '1', '--out', json, '--html', html, '--lang', 'vi']);
    expect(vi.stderr.split('\n').slice(0, 2)).toEqual([`đã ghi kết quả vào ${json}`, `đã ghi trang HTML vào ${html}`]);
    const quiet = drill(['batch', S, '--runs', '2', '--workers', '1', '--out', json, '--quiet']);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });

  it('merge says the files it wrote', () => {
    const a = join(dir, 's1.json'), b = join(dir, 's2.json'), merged = join(dir, 'merged.csv');
    for (const [i, f] of [[1, a], [2, b]] as const) expect(drill(['batch', S, '--runs', '2', '--workers', '1', '--shard', `${i}/2`, '--out', f, '--quiet']).code).toBe(0);
    const r = drill(['merge', a, b, '--out', merged]);
    expect([r.code, r.stderr]).toEqual([0, `results written to ${merged}\n`]);
    expect(r.stdout).toMatch(/^minimal: /);
  });
});
