/**
 * Where the run a decisions log was taken in (the session: results.ts Session) falls among a batch's runs of the
 * same decisions, figure by figure: the question "was the trainee's result luck?" asks exactly this. Shared by the
 * table (cli/batch-summary.ts) and the page (html.ts). Pure.
 */
import type { BatchResults } from './results.js';

export interface SessionPlace {
  metric: string;
  /** the session's figure; null where it never came about (no incident reached: no mean time) */
  value: number | null;
  /** shares of the runs with the figure whose figure was below, equal to, above the session's; null without any */
  below: number | null;
  same: number | null;
  above: number | null;
  /** beyond 95 % of the runs, judged on the shares as a table prints them (whole per cent): two rows that both read '5 %' are both marked or neither is */
  edge: 'low' | 'high' | null;
}

/** The session's place for each metric asked for that it has; none for a batch without a session, or a sweep (the session played none of its values but the base). */
export function sessionPlaces(r: BatchResults, metrics: readonly string[]): SessionPlace[] {
  const session = r.decisions?.session;
  if (!session || r.vary) return [];
  const places: SessionPlace[] = [];
  for (const metric of metrics) {
    const value = (session.metrics as Record<string, number | null | undefined>)[metric];
    if (value === undefined) continue;
    const values = r.results.map((x) => (x.metrics as Record<string, number | null>)[metric]).filter((v): v is number => typeof v === 'number');
    if (value === null || values.length === 0) { places.push({ metric, value, below: null, same: null, above: null, edge: null }); continue; }
    let below = 0, above = 0;
    for (const v of values) { if (v < value) below++; else if (v > value) above++; }
    const b = below / values.length, a = above / values.length;
    places.push({ metric, value, below: b, same: 1 - b - a, above: a, edge: Math.round(a * 100) >= 95 ? 'low' : Math.round(b * 100) >= 95 ? 'high' : null });
  }
  return places;
}
