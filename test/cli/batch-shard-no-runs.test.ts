import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/minimal.yaml';
const dir = tempDir('drillsim-shard-no-runs-');
const p = (f: string) => join(dir, f);

/**
 * A shard can hold no run at all (more shards than runs), or none of some value of a sweep (fewer runs per value
 * than shards). Its table and page said 'never' for every metric and '0 % [0-100]' met for every objective,
 * which read as runs in which nothing came about and no objective was met.
 */
describe('a shard with no run (of a value)', () => {
  it('shows no figure for a value of a sweep that the shard holds no run of', () => {
    // 1 run for each of 2 values, in 2 shards: shard 1/2 holds run 1 of the first value only
    const r = drill(['batch', SCENARIO, '--runs', '1', '--vary', 'unit.mx-police.mobilisation=5m,20m', '--shard', '1/2', '--workers', '1', '--html', p('sweep.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^people lost\s+\d+\s+-$/m);
    expect(r.stdout).toMatch(/^ {2}first-on-scene\s+\d+ % \[\d+-\d+\]\s+-$/m);
    expect(r.stdout).not.toMatch(/ never\b(?!$)|0 % \[0-100\]/m);
    const html = readFileSync(p('sweep.html'), 'utf8');
    expect(html).toContain('no run of this value in this shard');
    expect(html).not.toContain('[0 %, 100 %]');
  });

  it('shows no figure in a shard that holds no run at all', () => {
    const r = drill(['batch', SCENARIO, '--runs', '3', '--shard', '5/10', '--workers', '1', '--html', p('empty.html')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/shard 5\/10 holds no runs/);
    // no table at all: its rows of dashes still read as a result
    expect(r.stdout).toMatch(/\nno run here, so no figures: the other shards hold the runs\n$/);
    expect(r.stdout).not.toMatch(/^people lost|^first-on-scene/m);
    const html = readFileSync(p('empty.html'), 'utf8');
    expect(html).toContain('no run in this shard');
    expect(html).not.toContain('[0 %, 100 %]');
  });
});
