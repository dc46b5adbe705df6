/**
 * Statistics over a batch's runs: mean, median and percentiles of a metric,
 * a 95 % confidence interval of the mean (Student's t with n - 1 degrees of
 * freedom), and Wilson score intervals for probabilities. Pure and
 * deterministic: the same values in the same order give the same figures to
 * the last bit (only +, *, / and Math.sqrt, which IEEE 754 rounds exactly).
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
  /** 95 % confidence interval of the mean (Student's t), null below 2 values */
  ci95: [number, number] | null;
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
  for (const v of finite) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of finite) ss += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : null;
  // a typed array sorts numbers by value, natively: several times faster than a comparator over a batch's thousands of runs
  const sorted = Float64Array.from(finite).sort();
  const half = sd === null ? null : t975(n - 1) * sd / Math.sqrt(n);
  return {
    n, never,
    mean: round4(mean),
    sd: sd === null ? null : round4(sd),
    median: round4(quantileSorted(sorted, 0.5)),
    p5: round4(quantileSorted(sorted, 0.05)),
    p95: round4(quantileSorted(sorted, 0.95)),
    min: round4(sorted[0]),
    max: round4(sorted[n - 1]),
    // drillsim's metrics are counts, times and shares: a mean of values none below zero is not below zero either
    ci95: half === null ? null : [round4(sorted[0] >= 0 ? Math.max(0, mean - half) : mean - half), round4(mean + half)],
  };
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
