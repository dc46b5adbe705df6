import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricStats, proportion, quantileSorted, t975 } from '../../engine/batch/stats.js';

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

  it('mean, sd and the t interval of a known sample', () => {
    const s = metricStats([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.1381, 4);
    // 5 +- t(7) * sd / sqrt(8) = 5 +- 2.3646 * 0.7559
    expect(s.ci95![0]).toBeCloseTo(3.2125, 3);
    expect(s.ci95![1]).toBeCloseTo(6.7875, 3);
    expect(s.median).toBe(4.5);
  });

  it('the interval of a mean of values none below zero does not go below zero (skewed times of a small batch)', () => {
    // mean 23.5, but the t interval of these would start at about -11
    const times = [0, 0, 0, 0, 0, 0, 0, 0, 94, 141];
    const s = metricStats(times);
    expect(s.mean).toBe(23.5);
    expect(s.ci95![0]).toBe(0);
    expect(s.ci95![1]).toBeGreaterThan(50);
    // a metric with values below zero keeps its interval as computed
    expect(metricStats(times.map((v) => v - 50)).ci95![0]).toBeLessThan(-60);
  });

  it('values that never came about are counted apart and left out of the figures', () => {
    const s = metricStats([null, 10, null, 20]);
    expect(s).toMatchObject({ n: 2, never: 2, mean: 15, median: 15, min: 10, max: 20 });
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
});
