/**
 * Axis ticks for the batch page's charts: round values (for durations, round
 * seconds, minutes or hours, chosen by the range) whose labels are all
 * different and read in one unit along an axis ("0, 30 min, 60 min, 90 min",
 * not "0 s, 83 min, 2.8 h"). An axis over nothing but zeros still gets a
 * range to draw (a minute, or one), not five ticks that all read "0 s".
 * Pure: numbers in, numbers and labels out.
 */
import type { Lang } from '../scenario/text.js';
import { CLOCK_METRICS, fmtFigure, withUnit } from './format.js';

export interface Tick { v: number; text: string }

/** Round steps of a duration axis, in seconds: seconds, then minutes, then hours, then days. */
export const DURATION_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400, 172800, 345600, 604800];

/** The smallest round step of 1, 2, 2.5 or 5 times a power of ten at or above `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const e = Math.pow(10, Math.floor(Math.log10(raw)));
  if (!(e > 0)) return 1;
  const f = raw / e;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * e;
}

function durationStep(raw: number): number {
  return DURATION_STEPS_S.find((s) => s >= raw) ?? Math.ceil(raw / 604800) * 604800;
}

/** Figures show at most two decimals (format.ts): a finer step would give ticks that read the same. */
const MIN_STEP = 0.01;

function firstStep(raw: number, duration: boolean, integer: boolean): number {
  const step = duration ? durationStep(raw) : Math.max(MIN_STEP, niceStep(raw));
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/**
 * A duration at a tick, in the unit of the axis's step, so that every tick of an axis reads in the same unit:
 * hours for steps of whole hours, and of half hours on an axis that reaches 3 h ("2.5 h", shorter than "150 min");
 * else minutes for steps of whole minutes; else seconds. `top_s`: the axis's last tick.
 */
export function durationTick(v_s: number, step_s: number, top_s = v_s, lang: Lang = 'en'): string {
  if (v_s === 0) return '0';
  if (step_s % 3600 === 0 || (step_s % 1800 === 0 && top_s >= 10_800)) return withUnit(String(v_s / 3600), 'h', lang);
  if (step_s % 60 === 0) return withUnit(String(v_s / 60), 'min', lang);
  return withUnit(String(v_s), 's', lang);
}

function isDuration(metric: string): boolean {
  return metric.endsWith('_s') && !CLOCK_METRICS.has(metric);
}

function labelled(values: number[], metric: string, step: number, lang: Lang): Tick[] {
  const top = values.length ? values[values.length - 1] : 0;
  return values.map((v) => ({ v, text: isDuration(metric) ? durationTick(v, step, top, lang) : fmtFigure(metric, v, v, lang) }));
}

function distinct(ticks: Tick[]): boolean {
  return new Set(ticks.map((t) => t.text)).size === ticks.length;
}

/**
 * Ticks from 0 up to the first round value at or above `max`, about `count`
 * of them: `top` is where the axis ends (the last tick), so that its top line
 * is labelled. `integer`: counts of runs, ticks at whole numbers only.
 */
export function zeroBasedTicks(max: number, metric: string, count = 4, integer = false, lang: Lang = 'en'): { top: number; ticks: Tick[] } {
  const duration = metric.endsWith('_s');
  const span = max > 0 && Number.isFinite(max) ? max : duration ? 60 : 1;
  let step = firstStep(span / count, duration, integer);
  for (let tries = 0; ; tries++) {
    const n = Math.max(1, Math.ceil(span / step - 1e-9));
    const ticks = labelled(Array.from({ length: n + 1 }, (_, i) => round(i * step)), metric, step, lang);
    if (distinct(ticks) || tries > 20) return { top: round(n * step), ticks };
    step = duration ? durationStep(step * 1.01) : niceStep(step * 1.01);
  }
}

/** Ticks at round values inside [lo, hi] (a histogram's value axis), about `count` of them. */
export function rangeTicks(lo: number, hi: number, metric: string, count = 6, integer = false, lang: Lang = 'en'): Tick[] {
  const duration = metric.endsWith('_s');
  const range = hi > lo ? hi - lo : duration ? 60 : 1;
  let step = firstStep(range / count, duration, integer);
  for (let tries = 0; ; tries++) {
    const values: number[] = [];
    for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 && values.length < 20; v += step) values.push(round(v));
    const ticks = labelled(values, metric, step, lang);
    if (distinct(ticks) || tries > 20) return ticks;
    step = duration ? durationStep(step * 1.01) : niceStep(step * 1.01);
  }
}

/** Rid a tick of floating-point dust (0.30000000000000004). */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
