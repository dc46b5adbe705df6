// drill batch's outputs as a user can get them wrong: one file named twice, and a shard left with no runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/minimal.yaml';

describe('drill batch outputs', () => {
  const dir = tempDir();

  it('one file given twice, however spelt, is refused before any run; nothing is written', () => {
    const a = join(dir, 'a.json');
    for (const args of [['--out', a, '--out', join(dir, '.', 'a.json')], ['--out', a, '--out', a, '--out', join(dir, 'a.csv')]]) {
      const r = drill(['batch', SCENARIO, '--runs', '3', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^drill batch: --out \S+a\.json: the same file as --out \S+a\.json: give each output a file of its own\n/);
      expect(existsSync(a)).toBe(false);
    }
    // two different files are two outputs
    const b = join(dir, 'b.json');
    expect(drill(['batch', SCENARIO, '--runs', '3', '--out', a, '--out', b, '-q']).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it('a shard with no runs says so, and its results still merge to the whole batch', () => {
    const shards = [1, 2, 3].map((i) => join(dir, `s${i}.json`));
    const last = drill(['batch', SCENARIO, '--runs', '2', '--seed', '5', '--shard', '3/3', '--out', shards[2]]);
    expect(last.code).toBe(0);
    expect(last.stderr).toContain('drill batch: warning: shard 3/3 holds no runs (2 runs over 3 shards); its results still merge with the others\n');
    expect(last.stderr).not.toMatch(/peak heap per worker: {2}MiB|idle/);
    expect(last.stderr).toMatch(/^0 runs \(/m);
    // the table: no rows of dashes that read as a result, in the batch's output and in drill report's
    expect(last.stdout.split('\n').slice(1)).toEqual(['no run here, so no figures: the other shards hold the runs', '']);
    expect(drill(['report', shards[2]]).stdout).toBe(last.stdout);
    for (const i of [1, 2]) expect(drill(['batch', SCENARIO, '--runs', '2', '--seed', '5', '--shard', `${i}/3`, '--out', shards[i - 1], '-q']).stderr).toBe('');
    const whole = join(dir, 'whole.json'), merged = join(dir, 'merged.json');
    expect(drill(['batch', SCENARIO, '--runs', '2', '--seed', '5', '--out', whole, '-q']).code).toBe(0);
    expect(drill(['merge', ...shards, '--out', merged]).code).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(whole, 'utf8'));
  });

  it('a --vary of one value is said as the setting it is, not as a sweep of 1 values', () => {
    const page = join(dir, 'one.html');
    const r = drill(['batch', SCENARIO, '--runs', '2', '--vary', 'doctrine.reaction=5m', '--html', page]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain(', 2 runs with doctrine.reaction=5m, master seed');
    expect(readFileSync(page, 'utf8')).toContain('2 runs with <code>doctrine.reaction=5m</code>');
    expect(drill(['batch', SCENARIO, '--runs', '2', '--vary', 'doctrine.reaction=5m', '--lang', 'vi']).stdout).toContain('2 lượt chạy với doctrine.reaction=5m');
    expect(r.stdout + readFileSync(page, 'utf8')).not.toMatch(/each of 1 values/);
  });
});
