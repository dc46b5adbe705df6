import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datan, datan2, dcos, dexp, dlog, dsin } from '../../engine/core/dmath.js';

const F = new Float64Array(1);
const B = new BigInt64Array(F.buffer);

/** Position of x on the number line of doubles (monotonic, -0 and +0 both at 0). */
function ordinal(x: number): bigint {
  F[0] = x;
  const b = B[0]!;
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Distance in ulps between two doubles; 0 for two NaNs. */
function ulps(a: number, b: number): bigint {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0n : 1n << 62n;
  const d = ordinal(a) - ordinal(b);
  return d < 0n ? -d : d;
}

/** Exact bits as 16 hex digits; NaN as "nan" (engines may differ in NaN payloads). */
function bits(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  F[0] = x;
  return BigInt.asUintN(64, B[0]!).toString(16).padStart(16, '0');
}

const wideDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const RUNS = 3000;

describe('dlog', () => {
  it('handles the special values like Math.log', () => {
    expect(dlog(0)).toBe(-Infinity);
    expect(dlog(-0)).toBe(-Infinity);
    expect(Object.is(dlog(1), 0)).toBe(true);
    expect(dlog(Infinity)).toBe(Infinity);
    expect(dlog(NaN)).toBeNaN();
    expect(dlog(-1)).toBeNaN();
    expect(dlog(-Infinity)).toBeNaN();
    expect(dlog(-Number.MIN_VALUE)).toBeNaN();
    expect(dlog(Number.MIN_VALUE)).toBe(Math.log(Number.MIN_VALUE)); // subnormal input
    expect(dlog(Math.E)).toBe(1);
    expect(dlog(2)).toBe(Math.LN2);
  });

  it('is within 1 ulp of Math.log over all positive doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(ulps(dlog(x), Math.log(x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });

  it('is within 1 ulp of Math.log near 1 and on (0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, u) => {
        expect(ulps(dlog(x), Math.log(x))).toBeLessThanOrEqual(1n);
        const v = 1 - u;
        if (v > 0) expect(ulps(dlog(v), Math.log(v))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('dexp', () => {
  it('handles the special values like Math.exp', () => {
    expect(dexp(0)).toBe(1);
    expect(dexp(-0)).toBe(1);
    expect(dexp(Infinity)).toBe(Infinity);
    expect(Object.is(dexp(-Infinity), 0)).toBe(true);
    expect(dexp(NaN)).toBeNaN();
    expect(dexp(710)).toBe(Infinity);
    expect(Object.is(dexp(-746), 0)).toBe(true);
    expect(ulps(dexp(1), Math.E)).toBeLessThanOrEqual(1n); // fdlibm's exp(1) is famously 1 ulp above e
    expect(dexp(-745)).toBe(Math.exp(-745)); // subnormal result
  });

  it('is within 1 ulp of Math.exp over its whole finite range', () => {
    fc.assert(
      fc.property(fc.double({ min: -746, max: 710, noNaN: true }), (x) => {
        expect(ulps(dexp(x), Math.exp(x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });

  it('is within 1 ulp of Math.exp on small arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
        expect(ulps(dexp(x), Math.exp(x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('dsin and dcos', () => {
  it('handle the special values like Math.sin and Math.cos', () => {
    expect(Object.is(dsin(0), 0)).toBe(true);
    expect(Object.is(dsin(-0), -0)).toBe(true);
    expect(dsin(Infinity)).toBeNaN();
    expect(dsin(-Infinity)).toBeNaN();
    expect(dsin(NaN)).toBeNaN();
    expect(dcos(0)).toBe(1);
    expect(dcos(-0)).toBe(1);
    expect(dcos(Infinity)).toBeNaN();
    expect(dcos(NaN)).toBeNaN();
    expect(dsin(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
  });

  it('are within 1 ulp of Math.sin/Math.cos for |x| < 1e6', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(ulps(dsin(x), Math.sin(x))).toBeLessThanOrEqual(1n);
        expect(ulps(dcos(x), Math.cos(x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });

  it('are within 1 ulp of Math.sin/Math.cos near multiples of pi/2', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400000, max: 400000 }), fc.integer({ min: -64, max: 64 }), (k, d) => {
        // the double nearest k*pi/2, nudged by d ulps: where cancellation is worst
        let x = k * (Math.PI / 2);
        F[0] = x;
        B[0] = B[0]! + BigInt(d);
        x = F[0]!;
        expect(ulps(dsin(x), Math.sin(x))).toBeLessThanOrEqual(1n);
        expect(ulps(dcos(x), Math.cos(x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });

  it('are within 1 ulp of Math.sin/Math.cos for any finite double (full argument reduction)', () => {
    fc.assert(
      fc.property(wideDouble, (x) => {
        expect(ulps(dsin(x), Math.sin(x))).toBeLessThanOrEqual(1n);
        expect(ulps(dcos(x), Math.cos(x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('datan and datan2', () => {
  it('datan2 handles zeros, infinities and NaN exactly like Math.atan2', () => {
    const vals = [0, -0, 1, -1, 2.5, -2.5, Infinity, -Infinity, NaN, Number.MIN_VALUE, -Number.MAX_VALUE];
    for (const y of vals) {
      for (const x of vals) {
        const got = datan2(y, x);
        const want = Math.atan2(y, x);
        if (Number.isNaN(want)) expect(got).toBeNaN();
        else expect(ulps(got, want), `atan2(${y}, ${x})`).toBeLessThanOrEqual(1n);
        if (y === 0 || !Number.isFinite(x) || !Number.isFinite(y) || x === 0) {
          // the special cases are exact constants or signed zeros
          expect(Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)), `atan2(${y}, ${x})`).toBe(true);
        }
      }
    }
  });

  it('datan is within 1 ulp of Math.atan for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(ulps(datan(x), Math.atan(x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });

  it('datan2 is within 1 ulp of Math.atan2 for any pair of doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (y, x) => {
        expect(ulps(datan2(y, x), Math.atan2(y, x))).toBeLessThanOrEqual(1n);
      }),
      { numRuns: RUNS },
    );
  });

  it('datan2 is within 1 ulp of Math.atan2 on the unit square and for |y/x| beyond 2^60', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.integer({ min: 61, max: 300 }),
        (y, x, e) => {
          expect(ulps(datan2(y, x), Math.atan2(y, x))).toBeLessThanOrEqual(1n);
          let big = y === 0 ? 1 : y;
          for (let i = 0; i < e; i++) big *= 2;
          expect(ulps(datan2(big, x), Math.atan2(big, x))).toBeLessThanOrEqual(1n);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('golden values', () => {
  /**
   * 200+ fixed inputs per function that reach every branch of the ports
   * (subnormals, |f| < 2^-20 in log, the k < -1021 path in exp, the medium
   * and Payne-Hanek reductions in sin/cos, each quadrant in atan2). The
   * hash of the exact result bits must never change: if it does, the
   * algorithm changed and old run logs will no longer verify.
   */
  function inputs(): number[] {
    const xs: number[] = [0, -0, 1, -1, Infinity, -Infinity, NaN, Number.MIN_VALUE, Number.MAX_VALUE, 2.2250738585072014e-308];
    let p = 1;
    for (let i = 0; i < 60; i++) {
      p *= 0.0625; // exact powers of two, down to 2^-240
      xs.push(p * (1 + i / 61));
    }
    p = 1;
    for (let i = 0; i < 40; i++) {
      p *= 16; // up to 2^160
      xs.push(p * (1 + i / 41), -p * (1 + i / 43));
    }
    for (let i = 0; i < 50; i++) xs.push((i - 25) * 0.39269908169872414 + i * 1e-9); // around multiples of pi/8
    for (let i = 0; i < 20; i++) xs.push(1 + (i - 10) * 2.3e-7, (i + 1) * 37.1, -(i + 1) * 35.3); // near 1; exp range
    xs.push(709.78, -744.5, -709.1, -720.3, 1e-300, 823549.6, 823550.1, 1e6, 1e22, 1e300);
    return xs;
  }

  function goldenHash(f: (x: number) => number): string {
    return createHash('sha256')
      .update(inputs().map((x) => bits(f(x))).join(','))
      .digest('hex');
  }

  it('uses more than 200 inputs, on which every function is within 1 ulp of Math.*', () => {
    const xs = inputs();
    expect(xs.length).toBeGreaterThan(200);
    for (const x of xs) {
      const pairs: Array<[number, number]> = [
        [dlog(x), Math.log(x)],
        [dexp(x), Math.exp(x)],
        [dsin(x), Math.sin(x)],
        [dcos(x), Math.cos(x)],
        [datan(x), Math.atan(x)],
      ];
      for (const [got, want] of pairs) expect(ulps(got, want), `input ${x}`).toBeLessThanOrEqual(1n);
    }
  });

  it('dlog results hash to the recorded value', () => {
    expect(goldenHash(dlog)).toBe('d9921ab9fd8f1bb76e8bfdceb3ff1b059289720edc3e676556e5261f0cf78c21');
  });

  it('dexp results hash to the recorded value', () => {
    expect(goldenHash(dexp)).toBe('15ca5511fc0394e7a56c208450002829c7aa490212db1f21733ad6f977e14208');
  });

  it('dsin results hash to the recorded value', () => {
    expect(goldenHash(dsin)).toBe('6a3e5d0f74aa79b95f89f3c727bdfd3178bad65e219a29cb6fda22bcd7b07a1f');
  });

  it('dcos results hash to the recorded value', () => {
    expect(goldenHash(dcos)).toBe('a04aceda123412393f704d245ec28882755779767bf55140c4efc677847792c4');
  });

  it('datan results hash to the recorded value', () => {
    expect(goldenHash(datan)).toBe('2982823a9aec4b1feb13bea59a0be89d9b2bb0af35aa450c05d18df7f78be93f');
  });

  it('datan2 results hash to the recorded value', () => {
    const xs = inputs();
    const out: string[] = [];
    for (let i = 0; i < xs.length; i++) out.push(bits(datan2(xs[i]!, xs[(i * 7 + 3) % xs.length]!)));
    expect(createHash('sha256').update(out.join(',')).digest('hex')).toBe('88351211b5d1ec0e88516f093aed359b33322f24ff7e068f9a836bdaf63af339');
  });
});
