/**
 * A time past what the event queue counts (2^36 s, some 2177 years) that validate lets through with a warning
 * ("after the end of the scenario, so it never comes"): `drill run` stopped with "internal error: event time
 * must be an integer number of seconds within ±68719476735" (found by fuzzing the scenarios). It now plays the
 * run as validate says: the inject never comes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-far-times-');

describe('a contingency far past the horizon', () => {
  it('is warned of by validate, and drill run plays the run without it, as it does one just past the horizon', () => {
    const base = readFileSync(join(ROOT, 'scenarios/khe-bo-release.yaml'), 'utf8');
    const far = base.replace('contingency: { for: evac-directive-as, after: 1h30m }', 'contingency: { for: evac-directive-as, after: 4294967296h30m }');
    const near = base.replace('contingency: { for: evac-directive-as, after: 1h30m }', 'contingency: { for: evac-directive-as, after: 30d }');
    expect(far).not.toBe(base);
    writeFileSync(join(dir, 'far.yaml'), far);
    writeFileSync(join(dir, 'near.yaml'), near);
    const v = drill(['validate', join(dir, 'far.yaml')]);
    expect(v.code).toBe(0);
    expect(v.stdout + v.stderr).toMatch(/warning\[outside-horizon\] injects\[\d+\]\.contingency\.after: .*so it never comes/);
    const r = drill(['run', join(dir, 'far.yaml'), '--seed', '7', '--out', join(dir, 'far.json')]);
    expect(r.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
    expect(r.code).toBe(0);
    const n = drill(['run', join(dir, 'near.yaml'), '--seed', '7', '--out', join(dir, 'near.json')]);
    expect(n.code).toBe(0);
    // the same summary: the inject comes in neither run
    const summary = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')).summary;
    expect(summary('far.json')).toEqual(summary('near.json'));
    expect(drill(['verify', join(dir, 'far.json')]).code).toBe(0);
  });
});
