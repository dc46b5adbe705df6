/**
 * Probability distributions of the scenario format, and sampling from them.
 *
 * What it does: `sample` draws a real value from a `Dist` using a seeded
 * `Rng`; `sampleSeconds` / `sampleCount` round it to a whole non-negative
 * number (durations, counts of people); `distMean` gives the analytic mean;
 * `checkDist` lists what is wrong with a distribution's parameters, in words
 * a planner can act on. Sampling uses only `+ - * /`, `Math.sqrt` and the
 * deterministic dmath functions, so it gives the same bits in every engine.
 *
 * Draws per sample (fixed, so that a stream's later draws never depend on the
 * values drawn before them, except for truncated normals):
 *
 *   fixed        0 draws
 *   uniform      1 draw:  min + (max - min) * u
 *   exponential  1 draw:  -mean * log(1 - u)
 *   triangular   1 draw:  inverse CDF
 *   normal       2 draws: Box-Muller, cosine branch (the sine branch is
 *                discarded rather than cached, so no state hides outside
 *                the Rng)
 *   lognormal    2 draws: median * exp(sigma * z), z as for normal
 *   normal with min and/or max (truncated): rejection, 2 draws per attempt,
 *                each attempt tries the cosine then the sine variate;
 *                at most MAX_TRUNCATED_ATTEMPTS attempts, after which the
 *                last candidate is clamped into [min, max].
 *
 * What it does not do: validate while sampling (call `checkDist` when the
 * scenario is loaded; sampling an invalid Dist gives garbage or NaN, and
 * `sampleSeconds`/`sampleCount` throw on non-finite values). With alea's
 * 32-bit uniforms, Box-Muller normals never exceed about 6.66 sd.
 */

import { dcos, dexp, dlog, dsin } from './dmath.js';
import type { Rng } from './rng.js';

export type Dist =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number } // truncated to [min,max] when given
  | { kind: 'lognormal'; median: number; sigma: number }
  | { kind: 'triangular'; min: number; mode: number; max: number };

export const DIST_KINDS = ['fixed', 'uniform', 'exponential', 'normal', 'lognormal', 'triangular'] as const;

/** Attempts (2 draws, 2 candidates each) before a truncated normal falls back to clamping. */
export const MAX_TRUNCATED_ATTEMPTS = 64;

/**
 * checkDist reports a truncated normal whose interval holds less than this
 * share of the distribution: below it, the clamping fallback would shape the
 * samples noticeably ((1 - 0.05)^128 = 0.14% of samples at this threshold).
 */
export const MIN_TRUNCATED_MASS = 0.05;

const TWO_PI = 2 * Math.PI;

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Draw a real value from `d`. */
export function sample(d: Dist, rng: Rng): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform': {
      const u = rng.next();
      return clamp(d.min + (d.max - d.min) * u, d.min, d.max);
    }
    case 'exponential': {
      const u = rng.next();
      // 1 - u is in (0, 1]; "+ 0" turns the -0 of u = 0 into +0
      return -d.mean * dlog(1 - u) + 0;
    }
    case 'normal': {
      if (d.min === undefined && d.max === undefined) {
        const u1 = rng.next();
        const u2 = rng.next();
        return d.mean + d.sd * (Math.sqrt(-2 * dlog(1 - u1)) * dcos(TWO_PI * u2));
      }
      return sampleTruncatedNormal(d.mean, d.sd, d.min ?? -Infinity, d.max ?? Infinity, rng);
    }
    case 'lognormal': {
      const u1 = rng.next();
      const u2 = rng.next();
      const z = Math.sqrt(-2 * dlog(1 - u1)) * dcos(TWO_PI * u2);
      return d.median * dexp(d.sigma * z);
    }
    case 'triangular': {
      const u = rng.next();
      const { min, mode, max } = d;
      const width = max - min;
      if (!(width > 0)) return min;
      const x =
        u * width < mode - min
          ? min + Math.sqrt(u * width * (mode - min))
          : max - Math.sqrt((1 - u) * width * (max - mode));
      return clamp(x, min, max);
    }
    default:
      throw new RangeError(`unknown distribution kind ${describe((d as { kind: unknown }).kind)}`);
  }
}

function sampleTruncatedNormal(mean: number, sd: number, lo: number, hi: number, rng: Rng): number {
  let x = mean;
  for (let attempt = 0; attempt < MAX_TRUNCATED_ATTEMPTS; attempt++) {
    const u1 = rng.next();
    const u2 = rng.next();
    const r = Math.sqrt(-2 * dlog(1 - u1));
    const theta = TWO_PI * u2;
    x = mean + sd * (r * dcos(theta));
    if (x >= lo && x <= hi) return x;
    x = mean + sd * (r * dsin(theta));
    if (x >= lo && x <= hi) return x;
  }
  return clamp(x, lo, hi);
}

function toWholeNonNegative(x: number, what: string, d: Dist): number {
  if (!Number.isFinite(x)) {
    throw new RangeError(`sampled a non-finite ${what} (${x}) from ${JSON.stringify(d)}; run checkDist on it`);
  }
  const r = Math.round(x);
  return r > 0 ? r : 0;
}

/** A duration in whole seconds: Math.round of the sampled value, clamped at 0. */
export function sampleSeconds(d: Dist, rng: Rng): number {
  return toWholeNonNegative(sample(d, rng), 'duration', d);
}

/** A count (of people, say): Math.round of the sampled value, clamped at 0. */
export function sampleCount(d: Dist, rng: Rng): number {
  return toWholeNonNegative(sample(d, rng), 'count', d);
}

/**
 * Analytic mean of the real-valued distribution (not of its rounded, clamped
 * `sampleSeconds` form). For a truncated normal it is approximate: it uses
 * an erfc approximation with relative error below 1.2e-7, treats intervals
 * narrower than 1e-3 sd as their midpoint, and describes the ideal truncated
 * distribution, not the clamping fallback of `sample`.
 */
export function distMean(d: Dist): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min / 2 + d.max / 2;
    case 'exponential':
      return d.mean;
    case 'normal': {
      if (d.min === undefined && d.max === undefined) return d.mean;
      const lo = d.min ?? -Infinity;
      const hi = d.max ?? Infinity;
      if (d.sd === 0) return clamp(d.mean, lo, hi);
      const t = truncatedStdNormal((lo - d.mean) / d.sd, (hi - d.mean) / d.sd);
      return d.mean + d.sd * t.mean;
    }
    case 'lognormal':
      return d.median * dexp((d.sigma * d.sigma) / 2);
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    default:
      throw new RangeError(`unknown distribution kind ${describe((d as { kind: unknown }).kind)}`);
  }
}

// ---------------------------------------------------------------------------
// Standard normal truncated to [a, b]: mean and probability mass.

const INV_SQRT_2PI = 0.3989422804014327;
const SQRT1_2 = Math.SQRT1_2;

/**
 * Upper tail Q(z) = P(Z > z) for z >= 0, as t * exp(-z*z/2 + p) / 2, returned
 * as the pair (t, p) so that callers can factor the exponential out.
 * Chebyshev fit of erfc from Numerical Recipes (erfcc): relative error below
 * 1.2e-7 for every z >= 0.
 */
function upperTailParts(z: number): { t: number; p: number } {
  if (z === Infinity) return { t: 0, p: 0 };
  const x = z * SQRT1_2;
  const t = 1 / (1 + 0.5 * x);
  const p =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return { t, p };
}

/** exp(-(b^2 - a^2)/2) for 0 <= a <= b, without overflow. */
function gaussRatio(a: number, b: number): number {
  if (b === Infinity) return 0;
  return dexp(-((b - a) * (b + a)) / 2);
}

/** Mean and mass of the standard normal restricted to [a, b] (a <= b). */
export function truncatedStdNormal(a: number, b: number): { mean: number; mass: number } {
  if (!(a <= b)) return { mean: NaN, mass: 0 };
  if (a + b < 0) {
    // mirror so that the interval leans to the positive side
    const m = truncatedStdNormal(-b, -a);
    return { mean: -m.mean, mass: m.mass };
  }
  // now b >= |a|
  if (b - a < 1e-3) {
    const mid = a / 2 + b / 2;
    return { mean: mid, mass: (b - a) * INV_SQRT_2PI * dexp((-mid * mid) / 2) };
  }
  if (a >= 0) {
    // both bounds in the upper tail: factor out exp(-a^2/2)
    const r = gaussRatio(a, b);
    const qa = upperTailParts(a);
    const qb = upperTailParts(b);
    const num = INV_SQRT_2PI * (1 - r);
    const den = 0.5 * (qa.t * dexp(qa.p) - (qb.t === 0 ? 0 : qb.t * r * dexp(qb.p)));
    const scale = dexp((-a * a) / 2);
    return { mean: num / den, mass: den * scale };
  }
  // a < 0 <= b
  const qa = upperTailParts(-a);
  const qb = upperTailParts(b);
  const tailA = 0.5 * qa.t * dexp((-a * a) / 2 + qa.p);
  const tailB = b === Infinity ? 0 : 0.5 * qb.t * dexp((-b * b) / 2 + qb.p);
  const phiA = INV_SQRT_2PI * dexp((-a * a) / 2);
  const phiB = b === Infinity ? 0 : INV_SQRT_2PI * dexp((-b * b) / 2);
  const mass = 1 - tailA - tailB;
  return { mean: (phiA - phiB) / mass, mass };
}

// ---------------------------------------------------------------------------
// Validation

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v) ?? String(v);
}

/** Each problem checkDist finds, in English, with {placeholders} (the loader says them in Vietnamese too, by these keys). */
export const DIST_PROBLEMS = {
  'not-object': 'a distribution must be an object with a kind (one of {kinds}), got {got}',
  'not-number': '{kind}: {name} must be a number, got {got}',
  'not-finite': '{kind}: {name} must be a finite number, got {v}',
  'uniform-order': 'uniform: min ({min}) is greater than max ({max})',
  'uniform-range': 'uniform: the range from min to max is too large to sample',
  'exponential-mean': 'exponential: mean must be greater than 0, got {mean}',
  'normal-sd': 'normal: sd must not be negative, got {sd}',
  'normal-empty': 'normal: the truncation interval is empty: min ({min}) is greater than max ({max})',
  'normal-sd0': 'normal: sd is 0 and the mean ({mean}) lies outside the truncation interval {interval}',
  'normal-mass': 'normal: only {pct}% of normal(mean {mean}, sd {sd}) lies within the truncation interval {interval}; it needs at least {least}% (move the mean into the interval, widen it, or use a uniform or triangular distribution)',
  'lognormal-median': 'lognormal: median must be greater than 0, got {median}',
  'lognormal-sigma': 'lognormal: sigma must not be negative, got {sigma}',
  'triangular-order': 'triangular: min ({min}) is greater than max ({max})',
  'triangular-mode': 'triangular: mode ({mode}) must lie within [min, max] = [{min}, {max}]',
  'unknown-kind': 'unknown distribution kind {kind}; expected one of {kinds}',
} as const;

export interface DistProblem {
  key: keyof typeof DIST_PROBLEMS;
  params: Record<string, string | number>;
}

/**
 * Problems with the parameters of `d`, as messages for a planner; empty when
 * it is fine. Accepts any value, so it can check parsed input before it is
 * known to be a Dist.
 */
export function checkDist(d: Dist | unknown): string[] {
  return distProblems(d).map((p) => DIST_PROBLEMS[p.key].replace(/\{(\w+)\}/g, (_, k: string) => String(p.params[k])));
}

/** checkDist's problems as keys and parameters. */
export function distProblems(d: Dist | unknown): DistProblem[] {
  if (d === null || typeof d !== 'object' || Array.isArray(d)) {
    return [{ key: 'not-object', params: { kinds: DIST_KINDS.join(', '), got: describe(d) } }];
  }
  const o = d as Record<string, unknown>;
  const kind = o['kind'];
  const out: DistProblem[] = [];
  const push = (key: DistProblem['key'], params: DistProblem['params'] = {}) => out.push({ key, params });
  /** Reads a required finite number; pushes a message and returns undefined if it is not one. */
  const num = (name: string, optional = false): number | undefined => {
    const v = o[name];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'number') {
      push('not-number', { kind: String(kind), name, got: describe(v) });
      return undefined;
    }
    if (!Number.isFinite(v)) {
      push('not-finite', { kind: String(kind), name, v });
      return undefined;
    }
    return v;
  };
  switch (kind) {
    case 'fixed':
      num('value');
      break;
    case 'uniform': {
      const min = num('min');
      const max = num('max');
      if (min !== undefined && max !== undefined) {
        if (min > max) push('uniform-order', { min, max });
        else if (!Number.isFinite(max - min)) push('uniform-range');
      }
      break;
    }
    case 'exponential': {
      const mean = num('mean');
      if (mean !== undefined && mean <= 0) push('exponential-mean', { mean });
      break;
    }
    case 'normal': {
      const mean = num('mean');
      const sd = num('sd');
      const min = num('min', true);
      const max = num('max', true);
      if (sd !== undefined && sd < 0) push('normal-sd', { sd });
      if (min !== undefined && max !== undefined && min > max) {
        push('normal-empty', { min, max });
        break;
      }
      if (mean === undefined || sd === undefined || sd < 0 || out.length > 0) break;
      if (min === undefined && max === undefined) break;
      const lo = min ?? -Infinity;
      const hi = max ?? Infinity;
      const interval = `[${min ?? '-infinity'}, ${max ?? 'infinity'}]`;
      if (sd === 0) {
        if (mean < lo || mean > hi) push('normal-sd0', { mean, interval });
        break;
      }
      const { mass } = truncatedStdNormal((lo - mean) / sd, (hi - mean) / sd);
      if (!(mass >= MIN_TRUNCATED_MASS)) {
        const pct = mass * 100;
        const shown = pct >= 0.01 ? pct.toFixed(2) : pct.toExponential(1);
        push('normal-mass', { pct: shown, mean, sd, interval, least: MIN_TRUNCATED_MASS * 100 });
      }
      break;
    }
    case 'lognormal': {
      const median = num('median');
      const sigma = num('sigma');
      if (median !== undefined && median <= 0) push('lognormal-median', { median });
      if (sigma !== undefined && sigma < 0) push('lognormal-sigma', { sigma });
      break;
    }
    case 'triangular': {
      const min = num('min');
      const mode = num('mode');
      const max = num('max');
      if (min !== undefined && max !== undefined && min > max) {
        push('triangular-order', { min, max });
      } else if (min !== undefined && max !== undefined && mode !== undefined && (mode < min || mode > max)) {
        push('triangular-mode', { mode, min, max });
      }
      break;
    }
    default:
      push('unknown-kind', { kind: describe(kind), kinds: DIST_KINDS.join(', ') });
  }
  return out;
}
