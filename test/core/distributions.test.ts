import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDist,
  distMean,
  MAX_TRUNCATED_ATTEMPTS,
  sample,
  sampleCount,
  sampleSeconds,
  truncatedStdNormal,
  type Dist,
} from '../../engine/core/distributions.js';
import { RngStreams, type Rng } from '../../engine/core/rng.js';

/** An Rng that counts its draws. */
class CountingRng implements Rng {
  count = 0;
  private readonly inner: Rng;
  constructor(seed: string | number, path = 'test') {
    this.inner = new RngStreams(seed).get(path);
  }
  next(): number {
    this.count++;
    return this.inner.next();
  }
}

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const ordered = (lo: number, hi: number) =>
  fc.tuple(finite(lo, hi), finite(lo, hi)).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

const uniformArb = ordered(-1e9, 1e9).map(([min, max]): Dist => ({ kind: 'uniform', min, max }));
const exponentialArb = finite(1e-6, 1e9).map((mean): Dist => ({ kind: 'exponential', mean }));
const normalArb = fc
  .tuple(finite(-1e6, 1e6), finite(0, 1e5))
  .map(([mean, sd]): Dist => ({ kind: 'normal', mean, sd }));
const lognormalArb = fc
  .tuple(finite(1e-3, 1e6), finite(0, 3))
  .map(([median, sigma]): Dist => ({ kind: 'lognormal', median, sigma }));
const triangularArb = fc
  .tuple(finite(-1e9, 1e9), finite(-1e9, 1e9), finite(-1e9, 1e9))
  .map((v): Dist => {
    const [min, mode, max] = [...v].sort((a, b) => a - b) as [number, number, number];
    return { kind: 'triangular', min, mode, max };
  });
const truncatedArb = fc
  .tuple(finite(-1e4, 1e4), finite(0, 1e3), ordered(-2e4, 2e4), fc.constantFrom('both', 'min', 'max'))
  .map(([mean, sd, [lo, hi], which]): Dist => {
    if (which === 'min') return { kind: 'normal', mean, sd, min: lo };
    if (which === 'max') return { kind: 'normal', mean, sd, max: hi };
    return { kind: 'normal', mean, sd, min: lo, max: hi };
  });
const seedArb = fc.integer({ min: 0, max: 1_000_000 });

describe('sample: draws consumed', () => {
  it('fixed returns its value and consumes no random number', () => {
    fc.assert(
      fc.property(fc.double(), seedArb, (value, seed) => {
        const rng = new CountingRng(seed);
        expect(Object.is(sample({ kind: 'fixed', value }, rng), value)).toBe(true);
        expect(rng.count).toBe(0);
      }),
    );
  });

  it('uniform, exponential and triangular consume exactly 1 draw; normal and lognormal exactly 2', () => {
    const cases: Array<[fc.Arbitrary<Dist>, number]> = [
      [uniformArb, 1],
      [exponentialArb, 1],
      [triangularArb, 1],
      [normalArb, 2],
      [lognormalArb, 2],
    ];
    for (const [arb, n] of cases) {
      fc.assert(
        fc.property(arb, seedArb, (d, seed) => {
          const rng = new CountingRng(seed);
          sample(d, rng);
          expect(rng.count, d.kind).toBe(n);
        }),
      );
    }
  });

  it('truncated normal consumes an even number of draws, at most 2 * MAX_TRUNCATED_ATTEMPTS', () => {
    fc.assert(
      fc.property(truncatedArb, seedArb, (d, seed) => {
        const rng = new CountingRng(seed);
        sample(d, rng);
        expect(rng.count % 2).toBe(0);
        expect(rng.count).toBeGreaterThanOrEqual(2);
        expect(rng.count).toBeLessThanOrEqual(2 * MAX_TRUNCATED_ATTEMPTS);
      }),
    );
  });
});

describe('sample: bounds', () => {
  it('keeps uniform and triangular samples within [min, max]', () => {
    fc.assert(
      fc.property(fc.oneof(uniformArb, triangularArb), seedArb, (d, seed) => {
        const rng = new CountingRng(seed);
        const { min, max } = d as { min: number; max: number };
        for (let i = 0; i < 20; i++) {
          const x = sample(d, rng);
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('keeps truncated normal samples within [min, max], even when the interval holds almost no mass', () => {
    fc.assert(
      fc.property(truncatedArb, seedArb, (d, seed) => {
        const rng = new CountingRng(seed);
        const { min = -Infinity, max = Infinity } = d as { min?: number; max?: number };
        for (let i = 0; i < 10; i++) {
          const x = sample(d, rng);
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('gives non-negative exponential samples and positive lognormal samples', () => {
    fc.assert(
      fc.property(exponentialArb, lognormalArb, seedArb, (e, l, seed) => {
        const rng = new CountingRng(seed);
        for (let i = 0; i < 10; i++) {
          expect(Object.is(sample(e, rng), -0)).toBe(false);
          expect(sample(e, rng)).toBeGreaterThanOrEqual(0);
          expect(sample(l, rng)).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('returns the same samples for the same seed and path', () => {
    fc.assert(
      fc.property(fc.oneof(uniformArb, exponentialArb, normalArb, lognormalArb, triangularArb, truncatedArb), seedArb, (d, seed) => {
        const a = new CountingRng(seed);
        const b = new CountingRng(seed);
        for (let i = 0; i < 5; i++) expect(sample(d, a)).toBe(sample(d, b));
      }),
    );
  });
});

describe('sampleSeconds and sampleCount', () => {
  it('round the sampled value to a whole number and clamp it at 0', () => {
    fc.assert(
      fc.property(fc.oneof(uniformArb, normalArb, triangularArb, truncatedArb), seedArb, (d, seed) => {
        const a = new CountingRng(seed);
        const b = new CountingRng(seed);
        const c = new CountingRng(seed);
        for (let i = 0; i < 5; i++) {
          const want = Math.max(0, Math.round(sample(d, a)));
          const s = sampleSeconds(d, b);
          expect(Object.is(s, want)).toBe(true); // never -0
          expect(Number.isInteger(s)).toBe(true);
          expect(sampleCount(d, c)).toBe(want);
        }
      }),
    );
  });

  it('throw on a non-finite sample instead of passing NaN into the simulation', () => {
    const rng = new CountingRng(1);
    expect(() => sampleSeconds({ kind: 'fixed', value: NaN }, rng)).toThrow(RangeError);
    expect(() => sampleCount({ kind: 'fixed', value: Infinity }, rng)).toThrow(/checkDist/);
  });

  it('round halves up, as Math.round does', () => {
    const rng = new CountingRng(1);
    expect(sampleSeconds({ kind: 'fixed', value: 2.5 }, rng)).toBe(3);
    expect(sampleSeconds({ kind: 'fixed', value: -0.5 }, rng)).toBe(0);
    expect(sampleCount({ kind: 'fixed', value: 7.49 }, rng)).toBe(7);
  });
});

describe('sample means', () => {
  const N = 20_000;
  const cases: Array<{ d: Dist; sd: number }> = [
    { d: { kind: 'uniform', min: 10, max: 50 }, sd: 40 / Math.sqrt(12) },
    { d: { kind: 'exponential', mean: 300 }, sd: 300 },
    { d: { kind: 'normal', mean: 100, sd: 15 }, sd: 15 },
    { d: { kind: 'normal', mean: 100, sd: 30, min: 80, max: 200 }, sd: 30 },
    { d: { kind: 'normal', mean: 0, sd: 1, min: 1 }, sd: 1 },
    { d: { kind: 'lognormal', median: 60, sigma: 0.5 }, sd: 60 * Math.exp(0.125) * Math.sqrt(Math.exp(0.25) - 1) },
    { d: { kind: 'triangular', min: 10, mode: 20, max: 60 }, sd: Math.sqrt(2100 / 18) },
  ];
  for (const { d, sd } of cases) {
    it(`match distMean within 4.5 standard errors over ${N} draws: ${JSON.stringify(d)}`, () => {
      const rng = new RngStreams('means').get(`dist/${d.kind}`);
      let sum = 0;
      for (let i = 0; i < N; i++) sum += sample(d, rng);
      expect(Math.abs(sum / N - distMean(d))).toBeLessThan((4.5 * sd) / Math.sqrt(N));
    });
  }

  it('gives normal samples the requested standard deviation', () => {
    const rng = new RngStreams('sd').get('normal');
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = sample({ kind: 'normal', mean: 5, sd: 2 }, rng);
      s += x;
      s2 += x * x;
    }
    const sd = Math.sqrt(s2 / N - (s / N) ** 2);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });
});

describe('distMean', () => {
  it('gives the analytic means of the untruncated kinds', () => {
    expect(distMean({ kind: 'fixed', value: 42 })).toBe(42);
    expect(distMean({ kind: 'uniform', min: 10, max: 20 })).toBe(15);
    expect(distMean({ kind: 'exponential', mean: 7 })).toBe(7);
    expect(distMean({ kind: 'normal', mean: -3, sd: 2 })).toBe(-3);
    expect(distMean({ kind: 'lognormal', median: 60, sigma: 0.5 })).toBeCloseTo(60 * Math.exp(0.125), 10);
    expect(distMean({ kind: 'triangular', min: 0, mode: 3, max: 9 })).toBe(4);
  });

  it('approximates truncated normal means to about 1e-7 relative', () => {
    // reference values from mpmath at 30 digits
    const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);
    expect(rel(truncatedStdNormal(0, Infinity).mean, 0.797884560802865)).toBeLessThan(1e-6);
    expect(rel(truncatedStdNormal(1, Infinity).mean, 1.52513527616098)).toBeLessThan(1e-6);
    expect(rel(truncatedStdNormal(0, 1).mean, 0.459862229286427)).toBeLessThan(1e-6);
    expect(rel(truncatedStdNormal(-Infinity, -2).mean, -2.37321574661961)).toBeLessThan(1e-6);
    expect(rel(truncatedStdNormal(5, 6).mean, 5.18314709047717)).toBeLessThan(1e-6);
    expect(rel(truncatedStdNormal(10, Infinity).mean, 10.0980932441324)).toBeLessThan(1e-6);
    expect(rel(truncatedStdNormal(-0.5, 3).mass, 0.69011257)).toBeLessThan(1e-6);
    expect(truncatedStdNormal(-1, 1).mean).toBe(0);
    expect(distMean({ kind: 'normal', mean: 10, sd: 2, min: 10 })).toBeCloseTo(10 + 2 * 0.797884560802865, 5);
    expect(distMean({ kind: 'normal', mean: 10, sd: 0, min: 12, max: 20 })).toBe(12);
  });
});

describe('checkDist', () => {
  it('accepts valid distributions', () => {
    const ok: Dist[] = [
      { kind: 'fixed', value: 0 },
      { kind: 'uniform', min: 5, max: 5 },
      { kind: 'exponential', mean: 0.1 },
      { kind: 'normal', mean: 10, sd: 0 },
      { kind: 'normal', mean: 10, sd: 3, min: 0 },
      { kind: 'normal', mean: 10, sd: 3, min: 5, max: 30 },
      { kind: 'lognormal', median: 30, sigma: 0 },
      { kind: 'triangular', min: 1, mode: 1, max: 4 },
    ];
    for (const d of ok) expect(checkDist(d), JSON.stringify(d)).toEqual([]);
  });

  it('explains impossible parameters', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ kind: 'uniform', min: 10, max: 5 }, /uniform: min \(10\) is greater than max \(5\)/],
      [{ kind: 'exponential', mean: 0 }, /exponential: mean must be greater than 0, got 0/],
      [{ kind: 'exponential', mean: -5 }, /mean must be greater than 0, got -5/],
      [{ kind: 'normal', mean: 0, sd: -1 }, /normal: sd must not be negative, got -1/],
      [{ kind: 'normal', mean: 0, sd: 1, min: 3, max: 2 }, /truncation interval is empty: min \(3\) is greater than max \(2\)/],
      [{ kind: 'normal', mean: 0, sd: 1, min: 5 }, /only .*% of normal\(mean 0, sd 1\) lies within the truncation interval \[5, infinity\]/],
      [{ kind: 'normal', mean: 100, sd: 1, max: 0 }, /only .*% .* \[-infinity, 0\]/],
      [{ kind: 'normal', mean: 0, sd: 0, min: 1, max: 2 }, /sd is 0 and the mean \(0\) lies outside the truncation interval \[1, 2\]/],
      [{ kind: 'lognormal', median: 0, sigma: 1 }, /lognormal: median must be greater than 0, got 0/],
      [{ kind: 'lognormal', median: 10, sigma: -0.5 }, /lognormal: sigma must not be negative, got -0.5/],
      [{ kind: 'triangular', min: 0, mode: 12, max: 10 }, /triangular: mode \(12\) must lie within \[min, max\] = \[0, 10\]/],
      [{ kind: 'triangular', min: 10, mode: 5, max: 0 }, /triangular: min \(10\) is greater than max \(0\)/],
      [{ kind: 'uniform', min: NaN, max: 1 }, /uniform: min must be a finite number, got NaN/],
      [{ kind: 'fixed', value: Infinity }, /fixed: value must be a finite number, got Infinity/],
      [{ kind: 'uniform', min: 1 }, /uniform: max must be a number, got nothing/],
      [{ kind: 'exponential', mean: '5' }, /exponential: mean must be a number, got "5"/],
      [{ kind: 'normal', mean: 0, sd: 1, min: -Infinity }, /normal: min must be a finite number, got -Infinity/],
      [{ kind: 'uniform', min: -1.7e308, max: 1.7e308 }, /range from min to max is too large/],
      [{ kind: 'poisson', mean: 3 }, /unknown distribution kind "poisson"; expected one of fixed, uniform/],
      [42, /a distribution must be an object with a kind/],
      [null, /a distribution must be an object/],
    ];
    for (const [d, re] of cases) {
      const msgs = checkDist(d);
      expect(msgs.length, JSON.stringify(d)).toBeGreaterThan(0);
      expect(msgs.join('\n')).toMatch(re);
    }
  });

  it('accepts truncation intervals that hold enough of the distribution', () => {
    expect(checkDist({ kind: 'normal', mean: 0, sd: 1, min: 1.6 })).toEqual([]); // ~5.5%
    expect(checkDist({ kind: 'normal', mean: 0, sd: 1, min: 1.7 })).toHaveLength(1); // ~4.5%
  });
});

describe('golden samples', () => {
  it('draw the recorded values for a fixed seed (any change alters every run)', () => {
    const dists: Dist[] = [
      { kind: 'fixed', value: 3 },
      { kind: 'uniform', min: 60, max: 600 },
      { kind: 'exponential', mean: 900 },
      { kind: 'normal', mean: 1800, sd: 300 },
      { kind: 'normal', mean: 300, sd: 200, min: 120, max: 600 },
      { kind: 'lognormal', median: 1200, sigma: 0.6 },
      { kind: 'triangular', min: 300, mode: 600, max: 2400 },
    ];
    const streams = new RngStreams('golden');
    const out: string[] = [];
    for (const d of dists) {
      const rng = streams.get(`golden/${d.kind}`);
      for (let i = 0; i < 30; i++) out.push(String(sample(d, rng)));
      out.push(String(sampleSeconds(d, rng)));
    }
    expect(createHash('sha256').update(out.join(',')).digest('hex')).toBe('d6a1632f64e007451a86b1affa6fb61eced567abe14de88b5be62a6e12e4ca1f');
  });
});
