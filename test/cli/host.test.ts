/**
 * The tests' `drill` runs short commands in a worker thread that keeps the built command loaded
 * (test/helpers/cli.ts). What it answers must be what `drill` in a process of its own answers, as a user's
 * shell runs it: the same exit code, the same bytes on stdout and stderr, the same files, in both languages,
 * and the same again when asked twice (nothing kept from one command to the next changes the second).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, spawned, tempDir } from '../helpers/cli.js';

const VI = { LANG: 'vi_VN.UTF-8' };
const dir = tempDir('drillsim-host-');

const CASES: [string, string[], Record<string, string>?][] = [
  ['the help', ['--help']],
  ['a command\'s help in Vietnamese', ['run', '--help'], VI],
  ['an unknown command', ['rnu', 'x.yaml']],
  ['a usage error', ['run', 'scenarios/minimal.yaml', '--seed', '-1']],
  ['a scenario that validates', ['validate', 'scenarios/ky-son-flash-flood.yaml']],
  ['a broken scenario', ['validate', 'test/fixtures/broken.yaml']],
  ['a broken scenario, in Vietnamese', ['validate', 'test/fixtures/broken.yaml'], VI],
  ['a file that is not there', ['report', 'no/such/run.json']],
  ['a run and its summary', ['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--seed', '3']],
  ['the MSEL as a sheet on stdout', ['msel', 'export', 'scenarios/ky-son-flash-flood.yaml']],
  ['the JSON Schema', ['schema']],
];

describe('a command run in the tests\' worker', () => {
  for (const [what, args, env] of CASES) {
    it(`answers as its own process does: ${what}`, () => {
      const own = spawned(args, { env });
      const first = drill(args, { env });
      expect(first).toEqual(own);
      expect(drill(args, { env })).toEqual(own);
    });
  }

  it('writes the same run log, and reports it the same, as its own process does', () => {
    const a = join(dir, 'hosted.json'), b = join(dir, 'own.json');
    const run = ['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', 'scenarios/decisions/ky-son-trainee.yaml', '--quiet'];
    expect(drill([...run, '--out', a]).code).toBe(0);
    expect(spawned([...run, '--out', b]).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    for (const lang of ['en', 'vi']) {
      const hosted = drill(['report', a, '--lang', lang]);
      expect(hosted.code).toBe(0);
      expect(hosted.stdout.length).toBeGreaterThan(1000);
      expect(hosted).toEqual(spawned(['report', a, '--lang', lang]));
    }
  });
});
