/**
 * The timeline's lane names, cut to the 160 px the lanes leave them. Names
 * that end in the incident's id keep what tells the lanes apart: the coastal
 * typhoon's lanes all read 'Roof blown off, people injured…' once its ids
 * ('landfall-damage-14') were too long to keep whole beside the name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipLabel } from '../../viewer/src/timeline.js';

// the lanes' 11 px sans-serif averages about 6 px a character
const measure = (s: string) => s.length * 6;
const WIDTH = 160;

describe('a lane name cut to fit', () => {
  it('keeps the end of a long generated id, so that lanes of one kind read apart', () => {
    const names = [1, 2, 13, 14].map((n) => clipLabel(measure, `Roof blown off, people injured (landfall-damage-${n})`, WIDTH));
    expect(names).toEqual([...new Set(names)]);
    for (const n of names) expect(measure(n)).toBeLessThanOrEqual(WIDTH);
    expect(names[3]).toMatch(/^Roof blo.*… \(…[a-z-]*damage-14\)$/);
  });

  it('keeps a short id whole and leaves a name that fits as it is', () => {
    expect(clipLabel(measure, 'Group of casualties needing care (casualties-3)', WIDTH)).toMatch(/^Group of c[a-z ]*… \(casualties-3\)$/);
    expect(clipLabel(measure, 'Fire (f-1)', WIDTH)).toBe('Fire (f-1)');
  });

  it('fits, and two names that differ only in the number their ids end with stay apart', () => {
    fc.assert(fc.property(
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !/[()]/.test(s)),
      fc.stringMatching(/^[a-z][a-z-]{0,30}$/),
      fc.nat(999), fc.nat(999),
      (name, prefix, a, b) => {
        fc.pre(a !== b);
        const one = clipLabel(measure, `${name} (${prefix}-${a})`, WIDTH);
        const two = clipLabel(measure, `${name} (${prefix}-${b})`, WIDTH);
        expect(measure(one)).toBeLessThanOrEqual(WIDTH);
        expect(one).not.toBe(two);
      },
    ));
  });
});
