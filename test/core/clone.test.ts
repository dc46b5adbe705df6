import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cloneData } from '../../engine/core/clone.js';

/** Every object reached in `a` and in `b`, pairwise: none may be the same object (a copy shares nothing). */
function sharesNothing(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null) return true;
  if (a === b) return false;
  if (Array.isArray(a)) return a.every((v, i) => sharesNothing(v, (b as unknown[])[i]));
  if (Object.getPrototypeOf(a) !== Object.prototype) return true;
  return Object.keys(a).every((k) => sharesNothing((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// plain data as worlds hold it: JSON values (fast-check's include "__proto__" keys and -0), some undefined
const plain = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', '0', '10')), tie('value'), { maxKeys: 5 }),
})).value;

describe('cloneData', () => {
  it('copies plain data to what structuredClone gives, key order and JSON text included, sharing nothing', () => {
    fc.assert(fc.property(plain, (v) => {
      const c = cloneData(v);
      // node's deep equality (prototypes, own keys, -0 apart from 0): vitest's trips on an own "constructor" key
      expect(isDeepStrictEqual(c, structuredClone(v))).toBe(true);
      expect(JSON.stringify(c)).toBe(JSON.stringify(v));
      if (typeof v === 'object' && v !== null) expect(Object.keys(c as object)).toEqual(Object.keys(v));
      expect(sharesNothing(v, c)).toBe(true);
    }), { numRuns: 500 });
  });

  it('keeps an own "__proto__" key a key (as JSON.parse made it), not the copy\'s prototype', () => {
    const v = JSON.parse('{"__proto__":{"evil":1},"a":[{"__proto__":2}]}') as Record<string, unknown>;
    const c = cloneData(v);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect((c as { evil?: number }).evil).toBeUndefined();
    expect(JSON.stringify(c)).toBe(JSON.stringify(v));
  });

  it('hands what is not plain data (Map, Set, Date, typed arrays, class instances) to structuredClone', () => {
    class Pos { constructor(public x: number) {} }
    const v = { m: new Map([['a', { n: 1 }]]), s: new Set([1, 2]), d: new Date(0), f: new Float64Array([1.5, -0]), p: new Pos(3), list: [new Map()] };
    const c = cloneData(v);
    expect(c).toStrictEqual(structuredClone(v));
    expect(c.m).not.toBe(v.m);
    expect(c.m.get('a')).not.toBe(v.m.get('a'));
    expect(c.f).toBeInstanceOf(Float64Array);
    expect(c.list[0]).not.toBe(v.list[0]);
  });

  it('copies a world at a keyframe to the same JSON, and a change to the copy leaves the world be', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../engine/scenario/parse.js');
    const { Sim } = await import('../../engine/sim/sim.js');
    const { Model } = await import('../../engine/sim/model.js');
    const r = parseScenario(readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8'), 'ky-son');
    if (!r.ok) throw new Error('scenario does not load');
    const sim = new Sim(new Model(r.scenario), { seed: 3, decisions: [], players: [], until: r.scenario.horizon, mode: 'metrics', keyframeEvery: 3600 });
    sim.start();
    sim.run(6 * 3600);
    const before = JSON.stringify(sim.world);
    const c = cloneData(sim.world);
    expect(JSON.stringify(c)).toBe(before);
    expect(sharesNothing(sim.world, c)).toBe(true);
    (c.units[Object.keys(c.units)[0]!] as { x: number }).x = -1;
    expect(JSON.stringify(sim.world)).toBe(before);
  });
});
