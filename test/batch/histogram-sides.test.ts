/**
 * The batch page's histograms put the objective's threshold on an edge between bins, and each run's value in a
 * bin on the side of that line its rating puts it: left of '< T+04:00' only the runs that made it. A deadline
 * every late run met at the very minute (78 runs at T+04:00, rated S, not met) was drawn left of the line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bins } from '../../engine/batch/html.js';
import { compare } from '../../engine/review/metrics.js';

const COMPARATORS = ['<', '<=', '>', '>='] as const;

describe('a histogram beside its threshold', () => {
  it('draws every value on the side of the threshold line its rating puts it, and counts every value once', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 60 }),
      fc.integer({ min: -50, max: 450 }), fc.constantFrom(...COMPARATORS), fc.constantFrom('level_declared_s', 'people_lost', 'evacuated_share'),
      (raw, rawT, comparator, metric) => {
        // times in whole minutes (as deadlines are), counts as they are, shares as fractions
        const scale = metric.endsWith('_s') ? 60 : metric === 'evacuated_share' ? 1 / 400 : 1;
        const values = raw.map((v) => v * scale), t = rawT * scale;
        const b = bins([values], metric, { value: t, comparator })!;
        const n = b.counts[0].length;
        expect(b.counts[0].reduce((a, c) => a + c, 0)).toBe(values.length);
        if (b.integer && b.width === 1) return; // one whole number per bin: the line crosses the threshold's own bar
        // the threshold lies on an edge
        const k = (t - b.start) / b.width;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
        const metLeft = comparator === '<' || comparator === '<=';
        // the bars left of the line hold exactly the values rated on its left (met below a '<' or '<=' threshold,
        // missed below a '>' or '>=' one), the bars right of it the others
        let leftBars = 0;
        for (let i = 0; i < n; i++) if (b.start + (i + 1) * b.width <= t + 1e-9) leftBars += b.counts[0][i];
        expect(leftBars).toBe(values.filter((v) => compare(v, comparator, t) === metLeft).length);
      },
    ), { numRuns: 400 });
  });

  it('the late runs at the very deadline are a bar right of "< T+04:00"', () => {
    const values = [...Array(78).fill(14400), 12000, 12600, 13200, 13800, 13900];
    const b = bins([values], 'level_declared_s', { value: 14400, comparator: '<' })!;
    const last = b.counts[0].length - 1;
    expect(b.counts[0][last]).toBe(78);
    expect(b.start + last * b.width).toBe(14400);
  });
});
