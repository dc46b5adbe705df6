/** How batch figures read to people: times since T0 as clock times, durations in s, min or h; shares in %; counts with as many decimals as they need. */
import { formatClock } from '../scenario/duration.js';

/** Metrics that are a time since T0 (when something happened), shown as T+hh:mm as `drill run` does. */
export const CLOCK_METRICS = new Set(['level_declared_s', 'support_requested_s']);

/** `unitOf`: pick the unit (s, min, h) from this value, so that a mean and its interval read in one unit. */
export function fmtFigure(metric: string, v: number | null, unitOf: number | null = v): string {
  if (v === null) return 'never';
  if (!Number.isFinite(v)) return 'never';
  if (CLOCK_METRICS.has(metric)) return formatClock(Math.round(v));
  if (metric.endsWith('_s')) {
    const a = Math.abs(unitOf ?? v);
    return a < 120 ? `${Math.round(v)} s` : a < 7200 ? `${Math.round(v / 60)} min` : `${(v / 3600).toFixed(1)} h`;
  }
  if (metric.endsWith('_share')) return `${Math.round(v * 1000) / 10} %`;
  const a = Math.abs(v);
  const d = a >= 100 || Number.isInteger(v) ? 0 : a >= 10 ? 1 : 2;
  return String(Math.round(v * 10 ** d) / 10 ** d);
}

/** A metric name as a label: people_lost -> people lost, mean_first_on_scene_s -> mean first on scene. */
export function metricLabel(name: string): string {
  return name.replace(/_s$/, '').replace(/_/g, ' ');
}
