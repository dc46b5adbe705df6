/**
 * `within`: is an area inside another by following parents, over any parent
 * lookup (the parsed scenario's, or the raw document's while it is checked,
 * which may loop).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { within } from '../../engine/scenario/areas.js';

const lookup = (parents: Record<string, string | undefined>) => (a: string) => parents[a];
// province > district > commune, and a second commune straight under the province
const tree = lookup({ prov: undefined, dist: 'prov', c1: 'dist', c2: 'prov' });

describe('within', () => {
  it('is true of an area and itself, and of an area under another at any depth', () => {
    expect(within('c1', 'c1', tree)).toBe(true);
    expect(within('c1', 'dist', tree)).toBe(true);
    expect(within('c1', 'prov', tree)).toBe(true);
  });

  it('is false of a sibling, of an area above, and of an area the lookup does not know', () => {
    expect(within('c1', 'c2', tree)).toBe(false);
    expect(within('prov', 'c1', tree)).toBe(false);
    expect(within('nowhere', 'prov', tree)).toBe(false);
  });

  it('ends on a parent loop (an unchecked document): false for an area outside the loop, true for one in it', () => {
    const loop = lookup({ a: 'b', b: 'c', c: 'a', x: 'a', top: undefined });
    expect(within('x', 'top', loop)).toBe(false);
    expect(within('x', 'c', loop)).toBe(true);
    expect(within('a', 'a', lookup({ a: 'a' }))).toBe(true);
    expect(within('a', 'z', lookup({ a: 'a' }))).toBe(false);
  });

  it('property: ends on any parent lookup over a few areas, and is true exactly when outer is on the parent chain', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(fc.property(fc.array(fc.option(fc.constantFrom(...names), { nil: undefined }), { minLength: 6, maxLength: 6 }), fc.constantFrom(...names), fc.constantFrom(...names), (ps, area, outer) => {
      const parentOf = (x: string) => ps[names.indexOf(x)];
      const chain: string[] = [];
      for (let a: string | undefined = area; a !== undefined && !chain.includes(a); a = parentOf(a)) chain.push(a);
      return within(area, outer, parentOf) === chain.includes(outer);
    }));
  });
});
