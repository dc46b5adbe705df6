/**
 * A required key written with a typo (`capabilites:`, `methd:`) is one
 * mistake, and said once: as the unknown key, with the key meant. It was
 * also said as "missing required key 'capabilities'" at the item's first
 * line, which sent the planner looking for a key that is right there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';

const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');

function problems(text: string) {
  const r = parseScenario(text, 'm.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.code}: ${i.hint ?? ''}`);
}

describe('a required key with a typo', () => {
  it('is said once, as an unknown key with the key meant (a unit\'s capabilites)', () => {
    const text = minimal.replace('    capabilities: { rescue: 1 }\n', '    capabilites: { rescue: 1 }\n');
    expect(text).not.toBe(minimal);
    expect(problems(text)).toEqual(["units[0].capabilites: unknown-key: did you mean 'capabilities'?"]);
  });

  it('is said once for an inject\'s methd too', () => {
    const text = minimal.replace(/^(\s+)method: /m, '$1methd: ');
    expect(text).not.toBe(minimal);
    expect(problems(text)).toEqual(["injects[0].methd: unknown-key: did you mean 'method'?"]);
  });

  it('still says a required key missing when no key near it is written', () => {
    const text = minimal.replace('    capabilities: { rescue: 1 }\n', '');
    expect(problems(text)).toEqual([expect.stringMatching(/^units\[0\]\.capabilities: missing: /)]);
  });
});
