import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval, metricStats, nearestRankSorted, percentileSorted, proportion, quantileSorted, t975 } from '../../engine/batch/stats.js';

describe('batch statistics', () => {
  it("t975 matches Student's t tables, within the table and beyond it", () => {
    // published two-sided 95 % critical values
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [10, 2.228], [30, 2.042], [40, 2.021], [60, 2.0], [120, 1.98], [1000, 1.962]];
    for (const [df, t] of table) expect(t975(df)).toBeCloseTo(t, 2);
    expect(t975(1e9)).toBeCloseTo(1.96, 3);
  });

  it('percentiles interpolate between order statistics (R type 7, numpy default)', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileSorted(s, 0.5)).toBe(5.5);
    expect(quantileSorted(s, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantileSorted(s, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantileSorted([7], 0.95)).toBe(7);
  });

  it('nearest rank: the smallest value with at least q of the values at or below it (R type 1)', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRankSorted(s, 0.5)).toBe(5);
    expect(nearestRankSorted(s, 0.05)).toBe(1);
    expect(nearestRankSorted(s, 0.95)).toBe(10);
    expect(nearestRankSorted(s, 0)).toBe(1);
    expect(nearestRankSorted(s, 1)).toBe(10);
    // 0.95 * 500 is just under 475 in binary: the 475th value, not the 476th
    expect(nearestRankSorted(Array.from({ length: 500 }, (_, i) => i + 1), 0.95)).toBe(475);
  });

  it('percentiles of counts are counts some run had; of fractional values, interpolated', () => {
    // people lost in 20 runs: type 7 gave a p95 of 95.2 people
    const lost = [22, 22, 24, 25, 26, 28, 30, 31, 32, 32, 33, 35, 36, 40, 44, 52, 61, 80, 96, 120];
    const s = metricStats(lost);
    expect(quantileSorted(lost, 0.95)).toBeCloseTo(97.2, 6);
    expect([s.p5, s.median, s.p95]).toEqual([22, 32, 96]);
    for (const v of [s.p5, s.median, s.p95]) expect(lost).toContain(v);
    // the mean stays what it is
    expect(s.mean).toBe(43.45);
    const times = metricStats(lost.map((v) => v + 0.5).concat([0.25]));
    expect(times.median).toBe(32.5);
    expect(times.p95).toBeCloseTo(96.5, 4);
    expect(percentileSorted([1, 2, 3, 4], 0.5, true)).toBe(2);
    expect(percentileSorted([1, 2, 3, 4], 0.5, false)).toBe(2.5);
  });

  it('mean, sd and the t interval of a symmetric sample', () => {
    const s = metricStats([2, 4, 4, 5, 5, 6, 6, 8]);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(1.7728, 4);
    // 5 +- t(7) * sd / sqrt(8) = 5 +- 2.3646 * 0.6268
    expect(s.ci95_method).toBe('t');
    expect(s.ci95![0]).toBeCloseTo(3.5179, 3);
    expect(s.ci95![1]).toBeCloseTo(6.4821, 3);
    // whole numbers: the median is the 4th of 8 values, one that occurred
    expect(s.median).toBe(5);
    // a little skew is too much for t in 8 runs (Cochran: n > 25 g1^2), not in 800
    expect(metricStats([2, 4, 4, 4, 5, 5, 7, 9]).ci95_method).toBe('bootstrap');
    expect(metricStats(Array.from({ length: 100 }, () => [2, 4, 4, 4, 5, 5, 7, 9]).flat()).ci95_method).toBe('t');
  });

  it('the interval of a skewed mean is a bootstrap: not clipped at zero, never below it, as lopsided as the runs', () => {
    // people still at risk in 500 runs: 0 in most, one run where 400 were never reached. The t interval,
    // 0.8 +- 1.57, would start at -0.77 (it was shown clipped: [0, 2.37])
    const still = [...Array.from({ length: 480 }, () => 0), ...Array.from({ length: 19 }, (_, i) => i % 3), 400];
    const s = metricStats(still);
    expect(s.ci95_method).toBe('bootstrap');
    expect(s.ci95![0]).toBeGreaterThan(0);
    expect(s.ci95![0]).toBeLessThan(s.mean!);
    expect(s.ci95![1] - s.mean!).toBeGreaterThan(s.mean! - s.ci95![0]);
    // the same values in another order: the same interval, to the last digit
    expect(metricStats([...still].reverse()).ci95).toEqual(s.ci95);
    // a few long waits among many zeros in a small batch: within the values, from 0
    const waits = metricStats([0, 0, 0, 0, 0, 0, 0, 0, 94, 141]);
    expect(waits.ci95_method).toBe('bootstrap');
    expect(waits.ci95![0]).toBe(0);
    expect(waits.ci95![1]).toBeGreaterThan(50);
    expect(waits.ci95![1]).toBeLessThanOrEqual(141);
    // values below zero: a bootstrap interval may go below zero, as they do
    expect(metricStats([0, 0, 0, 0, 0, 0, 0, 0, 94, 141].map((v) => v - 50)).ci95![0]).toBe(-50);
  });

  it('a t interval that would go below zero for values none below zero is a bootstrap (two runs: 0 and 1)', () => {
    const s = metricStats([0, 1]);
    expect(s.ci95_method).toBe('bootstrap');
    expect(s.ci95).toEqual([0, 1]);
    expect(metricStats([4, 4, 4]).ci95).toEqual([4, 4]);
  });

  it('the bootstrap is seeded: the same values give the same interval, and it lies within them', () => {
    const xs = [1, 1, 1, 2, 2, 3, 5, 8, 13, 21, 34, 55];
    const a = bootstrapMeanInterval(Float64Array.from(xs));
    expect(bootstrapMeanInterval(Float64Array.from(xs))).toEqual(a);
    expect(a[0]).toBeGreaterThanOrEqual(1);
    expect(a[1]).toBeLessThanOrEqual(55);
    expect(a[0]).toBeLessThan(12.17);
    expect(a[1]).toBeGreaterThan(12.17);
  });

  it('values that never came about are counted apart and left out of the figures', () => {
    const s = metricStats([null, 10, null, 20]);
    // of two whole numbers, the median by nearest rank is the first: a value that occurred
    expect(s).toMatchObject({ n: 2, never: 2, mean: 15, median: 10, min: 10, max: 20 });
    expect(metricStats([null, null])).toMatchObject({ n: 0, never: 2, mean: null, ci95: null });
    expect(metricStats([3]).ci95).toBeNull();
  });

  it('Wilson intervals of known proportions', () => {
    expect(proportion(0, 10).ci95[0]).toBe(0);
    expect(proportion(0, 10).ci95[1]).toBeCloseTo(0.2775, 3);
    const h = proportion(5, 10);
    expect(h.ci95[0]).toBeCloseTo(0.2366, 3);
    expect(h.ci95[1]).toBeCloseTo(0.7634, 3);
    expect(proportion(10, 10).ci95[1]).toBe(1);
  });

  it('property: a Wilson interval lies in [0, 1] and holds the estimate', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
      const count = Math.round(share * n);
      const p = proportion(count, n);
      expect(p.ci95[0]).toBeGreaterThanOrEqual(0);
      expect(p.ci95[1]).toBeLessThanOrEqual(1);
      expect(p.ci95[0]).toBeLessThanOrEqual(p.p + 1e-4);
      expect(p.ci95[1]).toBeGreaterThanOrEqual(p.p - 1e-4);
    }));
  });

  it('property: the mean lies in its interval, and p5 <= median <= p95 within [min, max]', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 200 }), (xs) => {
      const s = metricStats(xs);
      expect(s.ci95![0]).toBeLessThanOrEqual(s.mean!);
      expect(s.ci95![1]).toBeGreaterThanOrEqual(s.mean!);
      expect(s.min!).toBeLessThanOrEqual(s.p5!);
      expect(s.p5!).toBeLessThanOrEqual(s.median!);
      expect(s.median!).toBeLessThanOrEqual(s.p95!);
      expect(s.p95!).toBeLessThanOrEqual(s.max!);
    }));
  });

  it('property: the percentiles of whole numbers are values that occurred', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 300 }), (xs) => {
      const s = metricStats(xs);
      for (const v of [s.p5, s.median, s.p95]) expect(xs).toContain(v);
    }));
  });

  it('property: the interval of a mean of counts is never below zero, however skewed the runs', () => {
    const skewed = fc.array(fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }) }), { minLength: 2, maxLength: 300 });
    fc.assert(fc.property(skewed, (xs) => {
      const s = metricStats(xs);
      expect(s.ci95![0]).toBeGreaterThanOrEqual(0);
      expect(s.ci95![0]).toBeLessThanOrEqual(s.mean!);
      expect(s.ci95![1]).toBeGreaterThanOrEqual(s.mean!);
    }), { numRuns: 200 });
  });
});
