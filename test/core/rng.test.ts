import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RngStreams, StreamPlan, type AleaState } from '../../engine/core/rng.js';

const draws = (streams: RngStreams, path: string, n: number): number[] =>
  Array.from({ length: n }, () => streams.get(path).next());

const pathArb = fc.stringMatching(/^[a-z]{1,6}(\/[a-z0-9-]{1,6}){0,3}$/);
const seedArb = fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.string({ maxLength: 12 }));

describe('RngStreams', () => {
  it('seeds a plan\'s streams ahead, four at a time, to the very draws and states of seedrandom\'s alea', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.oneof(pathArb, fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((p) => p !== '__proto__')), { minLength: 1, maxLength: 14 }), (seed, paths) => {
        const plan = new StreamPlan();
        const learn = new RngStreams('learn', plan);
        for (const p of paths) learn.get(p);
        plan.note(learn); // the first run noted: the plan is every path it created
        const planned = new RngStreams(seed, plan);
        expect(planned.paths().next().done).toBe(true); // seeded ahead, but not created
        // each path once: a second get of a path is the same stream, further on
        for (const p of new Set([...paths, 'not/planned'])) {
          const ref = seedrandom.alea(`${seed}/${p}`, { state: true });
          const ours = planned.get(p);
          for (let i = 0; i < 3; i++) expect(ours.next()).toBe(ref());
          expect(ours.state()).toEqual(ref.state());
        }
      }),
    );
  });

  it('gives the same sequence for the same master seed and path', () => {
    fc.assert(
      fc.property(seedArb, pathArb, (seed, path) => {
        expect(draws(new RngStreams(seed), path, 20)).toEqual(draws(new RngStreams(seed), path, 20));
      }),
    );
  });

  it('seeds each stream with seedrandom alea and the string `${masterSeed}/${path}`', () => {
    const streams = new RngStreams(42);
    const ref = seedrandom.alea('42/incident/ks-03/severity');
    expect(draws(streams, 'incident/ks-03/severity', 10)).toEqual(Array.from({ length: 10 }, () => ref()));
    expect(draws(new RngStreams('42'), 'incident/ks-03/severity', 10)).toEqual(
      draws(new RngStreams(42), 'incident/ks-03/severity', 10),
    );
  });

  it('is seedrandom\'s alea, draw for draw and state for state, for any master seed and path', () => {
    // the engine's own Alea is faster to create than seedrandom's; seedrandom stays the reference
    fc.assert(
      fc.property(fc.oneof(seedArb, fc.string({ unit: 'binary', maxLength: 40 })), fc.oneof(pathArb, fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((p) => p !== '__proto__')), fc.integer({ min: 0, max: 300 }), (seed, path, n) => {
        const ours = new RngStreams(seed).get(path);
        const ref = seedrandom.alea(`${seed}/${path}`, { state: true });
        for (let i = 0; i < n; i++) expect(ours.next()).toBe(ref());
        expect(ours.state()).toEqual(ref.state());
        // and a saved stream goes on the same in both
        const again = RngStreams.restore(seed, { [path]: ours.state() }).get(path);
        const refAgain = seedrandom.alea('', { state: ref.state() });
        for (let i = 0; i < 20; i++) expect(again.next()).toBe(refAgain());
      }),
      { numRuns: 300 },
    );
  });

  it('draws numbers in [0, 1)', () => {
    const rng = new RngStreams(7).get('a');
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < 100000; i++) {
      const u = rng.next();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
  });

  it('gives different paths and different master seeds different sequences', () => {
    const s = new RngStreams(1);
    const a = draws(s, 'incident/ks-01/severity', 5);
    const b = draws(s, 'incident/ks-02/severity', 5);
    const c = draws(new RngStreams(2), 'incident/ks-01/severity', 5);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('keeps a stream uncorrelated with its neighbour path', () => {
    const s = new RngStreams(99);
    const n = 20000;
    const x = draws(s, 'unit/u-1/delay', n);
    const y = draws(s, 'unit/u-2/delay', n);
    let sxy = 0;
    for (let i = 0; i < n; i++) sxy += (x[i]! - 0.5) * (y[i]! - 0.5);
    const corr = sxy / n / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(0.05); // ~7 standard errors
  });

  it('does not change a stream when other streams are created or drawn from in between', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(fc.record({ path: pathArb, n: fc.integer({ min: 0, max: 5 }) }), { maxLength: 20 }),
        (seed, noise) => {
          const alone = draws(new RngStreams(seed), 'target/x', 30);
          const s = new RngStreams(seed);
          const got: number[] = [];
          for (let i = 0; i < 30; i++) {
            const step = noise[i % Math.max(1, noise.length)];
            if (step && step.path !== 'target/x') draws(s, step.path, step.n);
            got.push(s.get('target/x').next());
          }
          expect(got).toEqual(alone);
        },
      ),
    );
  });

  it('caches streams: get returns the same stream object for a path', () => {
    const s = new RngStreams('seed');
    expect(s.has('a/b')).toBe(false);
    const r = s.get('a/b');
    expect(s.get('a/b')).toBe(r);
    expect(s.has('a/b')).toBe(true);
    expect(r.path).toBe('a/b');
  });

  it('rejects empty and __proto__ paths', () => {
    const s = new RngStreams(1);
    expect(() => s.get('')).toThrow(RangeError);
    expect(() => s.get('__proto__')).toThrow(RangeError);
  });
});

describe('RngStreams snapshot and restore', () => {
  it('snapshots plain JSON keyed by path in sorted order', () => {
    const s = new RngStreams(5);
    for (const p of ['zeta', 'alpha/2', 'alpha/10', 'Beta']) s.get(p).next();
    const snap = s.snapshot();
    expect(Object.keys(snap)).toEqual(['Beta', 'alpha/10', 'alpha/2', 'zeta']);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    for (const st of Object.values(snap)) expect(Object.keys(st).sort()).toEqual(['c', 's0', 's1', 's2']);
  });

  it('continues every stream exactly where it was after a JSON round trip', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(fc.record({ path: pathArb, n: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 10 }),
        fc.array(pathArb, { maxLength: 5 }),
        (seed, before, later) => {
          const s = new RngStreams(seed);
          for (const b of before) draws(s, b.path, b.n);
          const snap = JSON.parse(JSON.stringify(s.snapshot())) as Record<string, AleaState>;
          const r = RngStreams.restore(seed, snap);
          expect(r.snapshot()).toEqual(s.snapshot());
          // streams in the snapshot continue; streams created later start fresh in both
          for (const p of [...before.map((b) => b.path), ...later]) {
            expect(draws(r, p, 25)).toEqual(draws(s, p, 25));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the state format of seedrandom, so seedrandom can continue a saved stream', () => {
    const s = new RngStreams(3);
    draws(s, 'p', 17);
    const saved = s.snapshot()['p']!;
    const ref = seedrandom.alea('', { state: saved });
    expect(draws(s, 'p', 10)).toEqual(Array.from({ length: 10 }, () => ref()));
  });

  it('refuses snapshots with malformed states', () => {
    expect(() => RngStreams.restore(1, { a: { c: 1, s0: 0.5, s1: 2, s2: 0.1 } })).toThrow(/invalid alea state/);
    expect(() => RngStreams.restore(1, { a: null as unknown as AleaState })).toThrow(RangeError);
    expect(() => RngStreams.restore(1, { '': { c: 1, s0: 0.5, s1: 0.5, s2: 0.1 } })).toThrow(RangeError);
  });
});
