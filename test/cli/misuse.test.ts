/**
 * A user who makes mistakes on the command line: each one gets a message
 * naming what is wrong, a non-zero exit, and no run made on a guess.
 */
import { describe, expect, it } from 'vitest';
import { drill, STACK } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';

describe('asking for help', () => {
  it('`drill help run` shows what `drill run --help` shows; `drill help` of no command says so', () => {
    const asked = drill(['help', 'run']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe(drill(['run', '--help']).stdout);
    expect(asked.stdout).toMatch(/^usage: drill run <scenario>/);
    expect(drill(['help', 'msel']).stdout).toMatch(/^usage: drill msel export/);
    const typo = drill(['help', 'rnu']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^drill: unknown command 'rnu' \(did you mean 'run'\?\)\n/);
  });

  it('a mistyped command names the command meant', () => {
    for (const [typed, meant] of [['rnu', 'run'], ['valdate', 'validate'], ['merg', 'merge']]) {
      const r = drill([typed, S]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`drill: unknown command '${typed}' (did you mean '${meant}'?)`);
    }
    expect(drill(['xyzzy']).stderr.split('\n')[0]).toBe("drill: unknown command 'xyzzy'");
  });
});
