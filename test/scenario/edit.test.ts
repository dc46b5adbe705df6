/**
 * The helper the scenario tests edit a scenario's YAML with (test/helpers/scenarios.ts). A test whose edit did not
 * happen would check the unedited scenario and pass for the wrong reason, so a missing text must throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { edit } from '../helpers/scenarios.js';

const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');

describe('edit(base, ...[from, to])', () => {
  it('replaces each pair in turn, the first match of each, as String.replace does', () => {
    expect(edit('a b a', ['a', 'x'])).toBe('x b a');
    expect(edit('a b', ['a', 'c'], ['c b', 'done'])).toBe('done');
    expect(edit('id: x, coast: true }', [/(id: x), coast: true \}/, '$1 }'])).toBe('id: x }');
    expect(edit(minimal, ['horizon: 4h', 'horizon: 5h'])).toBe(minimal.replace('horizon: 4h', 'horizon: 5h'));
  });

  it('throws when a text or pattern to replace is not there, whichever pair it is', () => {
    expect(() => edit(minimal, ['horizon: 99h', 'horizon: 5h'])).toThrow("the text to edit has no 'horizon: 99h'");
    expect(() => edit(minimal, ['horizon: 4h', 'horizon: 5h'], ['horizon: 4h', 'horizon: 6h'])).toThrow("the text to edit has no 'horizon: 4h'");
    expect(() => edit(minimal, [/^limits:/m, 'x'])).toThrow("the text to edit has no '/^limits:/m'");
    // a /g pattern's lastIndex left by an earlier use does not hide a match
    const g = /horizon/g;
    g.test(minimal);
    expect(edit(minimal, [g, 'horizon'.toUpperCase()])).toContain('HORIZON: 4h');
  });

  it('throws when a replacement changes nothing, which would test the unedited scenario too', () => {
    expect(() => edit(minimal, ['horizon: 4h', 'horizon: 4h'])).toThrow("replacing 'horizon: 4h' changes nothing");
  });
});
