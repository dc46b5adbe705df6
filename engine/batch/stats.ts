/**
 * Statistics over a batch's runs: mean, median and percentiles of a metric,
 * a 95 % confidence interval of the mean, and Wilson score intervals for
 * probabilities. The interval of a mean is Student's t (n - 1 degrees of
 * freedom) where the runs are near enough to symmetric for it, else a
 * percentile bootstrap with a fixed seed. Pure and deterministic: the same
 * values give the same figures to the last bit (only +, -, *, /, Math.sqrt
 * and integer operations, which IEEE 754 and Math.imul give exactly).
 */

/** Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom (t_0.975). */
const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281,
  2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086,
  2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];
export const Z975 = 1.959963984540054;

/** t_0.975 with `df` degrees of freedom: the table up to 30, then the Cornish-Fisher expansion (error below 1e-4). */
export function t975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1];
  const z = Z975, z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
}

/** Percentile q (0-1) of sorted values, by linear interpolation between order statistics (R's type 7, numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile q (0-1) of sorted values by nearest rank (R's type 1): the smallest value with at least q of the
 * values at or below it. Always a value that occurred: the 95th percentile of people lost is a number of people.
 */
export function nearestRankSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  // 0.95 * 500 is 474.99999999999994 in binary: the rank is 475
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n - 1e-9)));
  return sorted[rank - 1];
}

/**
 * The percentile a batch reports: of whole numbers (counts of people, incidents, decisions; times in whole
 * seconds), by nearest rank, so that it is a value some run had; of other values (means, shares), interpolated.
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number, whole: boolean): number {
  return whole ? nearestRankSorted(sorted, q) : quantileSorted(sorted, q);
}

/** Resamples of a bootstrap interval: enough that its ends move by well under a tenth of its width with the seed. */
export const BOOTSTRAP_RESAMPLES = 2000;
const BOOTSTRAP_SEED = 0x5eed2022;

/**
 * The 95 % percentile-bootstrap interval of the mean of sorted values: the 2.5th and 97.5th percentiles of the
 * means of BOOTSTRAP_RESAMPLES resamples (n draws with replacement each). Seeded (mulberry32, a fixed seed), so
 * the same values give the same interval, in any order, on any machine. It lies within [min, max], so a count's
 * interval never goes below zero, and it is as lopsided as the runs are.
 */
export function bootstrapMeanInterval(sorted: ArrayLike<number>): [number, number] {
  const n = sorted.length;
  const means = new Float64Array(BOOTSTRAP_RESAMPLES);
  let state = BOOTSTRAP_SEED | 0;
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      // mulberry32: 32-bit integer steps only, the same bits in every JavaScript engine
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      const u = (t ^ (t >>> 14)) >>> 0;
      sum += sorted[Math.floor((u / 4294967296) * n)];
    }
    means[b] = sum / n;
  }
  means.sort();
  return [quantileSorted(means, 0.025), quantileSorted(means, 0.975)];
}

export interface MetricStats {
  /** runs with a value */
  n: number;
  /** runs where the value never came about (e.g. no unit ever reached the scene) */
  never: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  p5: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
  /** 95 % confidence interval of the mean, null below 2 values */
  ci95: [number, number] | null;
  /**
   * How ci95 was found: 't' (Student's t), or 'bootstrap' where the runs are too skewed for t (Cochran's rule,
   * n <= 25 g1^2) or where its interval would leave the values' range below zero. Absent in files written
   * before it was kept (t then) and where there is no interval.
   */
  ci95_method?: 't' | 'bootstrap';
}

/** Rounded for the results file: 4 decimals carry every figure a planner reads. */
export const round4 = (v: number): number => {
  const r = Math.round(v * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
};

export function metricStats(values: readonly (number | null)[]): MetricStats {
  const finite: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) finite.push(v);
  const n = finite.length;
  const never = values.length - n;
  if (n === 0) return { n, never, mean: null, sd: null, median: null, p5: null, p95: null, min: null, max: null, ci95: null };
  let sum = 0;
  let whole = true;
  for (const v of finite) { sum += v; if (whole && !Number.isInteger(v)) whole = false; }
  const mean = sum / n;
  let ss = 0, s3 = 0;
  for (const v of finite) { const d = v - mean; ss += d * d; s3 += d * d * d; }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : null;
  // a typed array sorts numbers by value, natively: several times faster than a comparator over a batch's thousands of runs
  const sorted = Float64Array.from(finite).sort();
  const q = (p: number) => round4(percentileSorted(sorted, p, whole));
  return {
    n, never,
    mean: round4(mean),
    sd: sd === null ? null : round4(sd),
    median: q(0.5),
    p5: q(0.05),
    p95: q(0.95),
    min: round4(sorted[0]),
    max: round4(sorted[n - 1]),
    ...meanInterval(sorted, mean, sd, ss, s3),
  };
}

/**
 * The 95 % interval of a mean. Student's t assumes the mean of the runs is near normally distributed, which
 * for skewed runs (most 0, a few large: people still at risk, time blocked) it is not until n is large: by
 * Cochran's rule, once n > 25 g1^2 (g1, the skewness). Below that, or where the t interval would go below zero
 * for values none below zero (a negative count), the percentile bootstrap, which keeps within the values' range.
 */
function meanInterval(sorted: Float64Array, mean: number, sd: number | null, ss: number, s3: number): Pick<MetricStats, 'ci95' | 'ci95_method'> {
  const n = sorted.length;
  if (sd === null) return { ci95: null };
  // every run the same: no spread, and nothing for either method to find
  if (ss === 0) return { ci95: [round4(mean), round4(mean)], ci95_method: 't' };
  const m2 = ss / n, m3 = s3 / n;
  const g1 = m3 / (m2 * Math.sqrt(m2));
  const half = t975(n - 1) * sd / Math.sqrt(n);
  if (n > 25 * g1 * g1 && (sorted[0] < 0 || mean - half >= 0)) return { ci95: [round4(mean - half), round4(mean + half)], ci95_method: 't' };
  const [lo, hi] = bootstrapMeanInterval(sorted);
  return { ci95: [round4(lo), round4(hi)], ci95_method: 'bootstrap' };
}

/**
 * Do paired runs that differ lean one way more than chance would? The exact two-sided sign test at 5 % on the runs
 * where the difference is up and those where it is down (ties left out), by its binomial tail up to 200 runs that
 * differ, beyond that by the normal approximation with a continuity correction. An interval of the mean difference
 * alone leaves out 0 for 4 runs up and none down of 200 (p = 0.125): too few to tell a change from chance.
 */
export function signTestShows(up: number, down: number): boolean {
  const n = up + down;
  if (n === 0) return false;
  const k = Math.min(up, down);
  if (n > 200) return (Math.abs(up - down) - 1) / Math.sqrt(n) > Z975;
  // C(n, i) / 2^n, term by term: 0.5^200 is about 6e-61, well within a double
  let term = 0.5 ** n, tail = 0;
  for (let i = 0; i <= k; i++) {
    tail += term;
    term = (term * (n - i)) / (i + 1);
  }
  return 2 * tail < 0.05;
}

export interface Proportion {
  /** runs counted */
  count: number;
  /** of this many */
  n: number;
  p: number;
  /** Wilson score interval, 95 % */
  ci95: [number, number];
}

/** A probability estimated from `count` of `n` runs, with its Wilson score interval (sound near 0 and 1, unlike p ± 1.96 se). */
export function proportion(count: number, n: number): Proportion {
  if (n === 0) return { count, n, p: 0, ci95: [0, 1] };
  const z = Z975, z2 = z * z;
  const p = count / n;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / denom;
  return { count, n, p: round4(p), ci95: [round4(Math.max(0, centre - half)), round4(Math.min(1, centre + half))] };
}
