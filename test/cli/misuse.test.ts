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

describe('values of the wrong form', () => {
  it('a negative number is a wrong value, not a missing one', () => {
    const cases: [string[], string][] = [
      [['run', S, '--seed', '-1'], "drill run: --seed must be a whole number, not '-1'"],
      [['batch', S, '--runs', '-3'], "drill batch: --runs must be a whole number of at least 1, not '-3'"],
      [['batch', S, '-n', '-3'], "drill batch: --runs must be a whole number of at least 1, not '-3'"],
      [['run', S, '--until', '-1h'], "drill run: --until: '-1h' is not a time"],
      [['view', '--port', '-1'], "drill view: --port must be a whole number, not '-1'"],
    ];
    for (const [args, message] of cases) {
      const r = drill(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr).not.toContain('needs a value');
    }
  });

  it('an empty number is not read as 0, and a seed too large to be read exactly is refused', () => {
    for (const value of ['', ' ']) {
      const r = drill(['run', S, `--seed=${value}`]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('drill run: --seed needs a value');
    }
    const big = drill(['run', S, '--seed', '99999999999999999999']);
    expect(big.code).toBe(2);
    expect(big.stdout).toBe('');
    expect(big.stderr).toContain("drill run: --seed must be at most 9007199254740991, not '99999999999999999999'");
  });

  it('an option given twice with two values is refused rather than one of them dropped; the same value twice, a switch twice, and --out twice in batch are fine', () => {
    const twice = drill(['run', S, '--seed', '1', '--seed', '2']);
    expect(twice.code).toBe(2);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toBe("drill run: --seed is given twice ('1', then '2'): give it once\n(drill run --help lists the options)\n");
    expect(drill(['run', S, '--out', 'a.json', '-o', 'b.json']).stderr).toContain("--out is given twice ('a.json', then 'b.json')");
    expect(drill(['run', S, '--seed', '3', '--seed', '3', '--quiet', '--quiet']).code).toBe(0);
    expect(drill(['batch', S, '--runs', '2', '--runs', '3']).stderr).toContain("--runs is given twice ('2', then '3')");
  });
});

describe('a missing argument is named', () => {
  const cases: [string[], string][] = [
    [['run'], 'drill run: missing the scenario file'],
    [['validate'], 'drill validate: missing the scenario files to check'],
    [['verify'], 'drill verify: missing the run log to verify'],
    [['report'], 'drill report: missing the run log (or batch results) to report on'],
    [['compare'], 'drill compare: missing the two run logs to compare'],
    [['compare', 'a.json'], 'drill compare: missing the second run log'],
    [['fork', '--at', '1h', '--decisions', 'd.yaml'], 'drill fork: missing the run log to fork'],
    [['batch', '--runs', '2'], 'drill batch: missing the scenario file'],
    [['merge'], 'drill merge: missing the results files to merge, one per shard'],
    [['msel', 'export'], 'drill msel: missing the scenario file'],
    [['msel', 'import', '--into', S], 'drill msel: missing the sheet (CSV) to import'],
  ];
  for (const [args, first] of cases) {
    it(`drill ${args.join(' ')}`, () => {
      const r = drill(args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(first);
      expect(r.stderr).toContain(`\n\nusage: drill ${args[0]}`);
      expect(r.stderr).not.toMatch(STACK);
    });
  }
});
