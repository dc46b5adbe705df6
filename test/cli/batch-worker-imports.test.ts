/**
 * A batch worker is handed scenarios already read, so it loads the engine and
 * not the scenario loader: zod and yaml (with the schema built at import)
 * cost each worker about a quarter of a second before its first run, and
 * every worker pays it. This follows the worker's value imports at the source.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** Every package the file loads at run time, through its own modules (type-only imports left out), with the chain that brings it. */
function packagesOf(entry: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1];
      const here = [...chain, relative(ROOT, file)];
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), here);
      else if (!out.has(spec)) out.set(spec, here);
    }
  };
  walk(join(ROOT, entry), []);
  return out;
}

describe('what a batch worker loads', () => {
  const packages = packagesOf('engine/cli/batch-worker.ts');

  it('the engine and xstate, not the scenario loader (zod, yaml)', () => {
    expect(packages.get('zod'), `zod comes in through ${packages.get('zod')?.join(' -> ')}`).toBeUndefined();
    expect(packages.get('yaml'), `yaml comes in through ${packages.get('yaml')?.join(' -> ')}`).toBeUndefined();
    expect(packages.has('xstate')).toBe(true);
  });

  it('the walk finds the loader where it is used (the check would see it come back)', () => {
    expect(packagesOf('engine/sim/run.ts').has('zod')).toBe(true);
  });
});
