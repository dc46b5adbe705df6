/**
 * The engine below engine/cli/ reads no clock, no ambient randomness, no
 * environment and does no I/O, so that the same code replays in the browser
 * and every run is reproducible. This guards the rule at the source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const FORBIDDEN: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random'],
  [/\bDate\.now\b|\bnew Date\b/, 'the wall clock (Date)'],
  [/\bperformance\.now\b/, 'performance.now'],
  [/\bsetTimeout\b|\bsetInterval\b|\bsetImmediate\b/, 'real timers'],
  [/\bprocess\.(env|argv|stdout|stderr|exit|cwd|hrtime)\b/, 'the process'],
  [/from ['"]node:(fs|path|os|child_process|http|net|worker_threads|readline|crypto)['"]/, 'Node I/O modules'],
];

/** What feeds the run log must not depend on the runtime's last bit (charts and reports may). */
const SIMULATION = /^engine\/(core|machines|sim|scenario)\//;
const TRANSCENDENTAL = /\bMath\.(log|log2|log10|exp|pow|sin|cos|tan|asin|acos|atan2?|log1p|expm1|sinh|cosh|tanh|cbrt|hypot)\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the pure engine (everything under engine/ but engine/cli/)', () => {
  const sources = files(join(ROOT, 'engine')).filter((f) => !relative(ROOT, f).startsWith('engine/cli/'));

  it('has sources to check', () => expect(sources.length).toBeGreaterThan(30));

  const cases: [RegExp, string, string[]][] = [
    ...FORBIDDEN.map(([re, what]) => [re, what, sources] as [RegExp, string, string[]]),
    [TRANSCENDENTAL, "runtime-dependent transcendental functions in the simulation (use engine/core/dmath.ts)", sources.filter((f) => SIMULATION.test(relative(ROOT, f)) && !f.endsWith('dmath.ts'))],
  ];
  for (const [re, what, list] of cases) {
    it(`uses no ${what}`, () => {
      const hits: string[] = [];
      for (const f of list) {
        readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
          if (re.test(code)) hits.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
        });
      }
      expect(hits).toEqual([]);
    });
  }
});
