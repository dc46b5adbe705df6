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
  /** the runs with the figure, which the shares are of */
  n: number;
  /**
   * lower (higher) than at least 95 % of the runs, counted exactly (the table prints a share just under 95 % with its
   * decimal, so that an unmarked row never reads '95 %'); never with fewer than MIN_RUNS_EDGE runs: lower than the
   * one run of a batch of 1 says nothing of chance
   */
  edge: 'low' | 'high' | null;
}

/** The fewest runs with a figure for the session's to be marked beyond 95 % of them: 19 of 20 is the least that is. */
export const MIN_RUNS_EDGE = 20;

/**
 * The session's place for each metric asked for that it has; none for a batch without a session, a sweep (the
 * session played none of its values but the base), or a shard that holds no run (nothing to place it among).
 */
export function sessionPlaces(r: BatchResults, metrics: readonly string[]): SessionPlace[] {
  const session = r.decisions?.session;
  if (!session || r.vary || r.results.length === 0) return [];
  const places: SessionPlace[] = [];
  for (const metric of metrics) {
    const value = (session.metrics as Record<string, number | null | undefined>)[metric];
    if (value === undefined) continue;
    const values = r.results.map((x) => (x.metrics as Record<string, number | null>)[metric]).filter((v): v is number => typeof v === 'number');
    const n = values.length;
    if (value === null || n === 0) { places.push({ metric, value, n, below: null, same: null, above: null, edge: null }); continue; }
    let below = 0, above = 0;
    for (const v of values) { if (v < value) below++; else if (v > value) above++; }
    // in whole runs, not floating shares: 19 of 20 is 95 % exactly
    const beyond = (k: number) => n >= MIN_RUNS_EDGE && k * 100 >= 95 * n;
    places.push({ metric, value, n, below: below / n, same: (n - below - above) / n, above: above / n, edge: beyond(above) ? 'low' : beyond(below) ? 'high' : null });
  }
  return places;
}

/**
 * A share as printed beside the 95 % mark: one just under 95 % floored to a tenth of a per cent (94.96 % reads 94.9 %,
 * not the 95 % a table's whole per cent or a page's tenth would round it to), so that an unmarked share never reads
 * as 95 %; null for any other share, printed as the rest are.
 */
export function underMark(share: number): number | null {
  return share >= 0.945 && share < 0.95 ? Math.floor(share * 1000 + 1e-9) / 10 : null;
}

/** Is any of the session's figures set against fewer runs than MIN_RUNS_EDGE, so left unmarked whatever its place (said under the table)? */
export function tooFewToMark(places: readonly SessionPlace[]): boolean {
  return places.some((x) => x.value !== null && x.n > 0 && x.n < MIN_RUNS_EDGE);
}

/**
 * The unit a session's figure is written in: the runs' mean's, as the table above it reads (1.8 h beside 4.4 h, not
 * 111 min), unless that would write it as nothing (60 s in hours is 0.0 h): then its own.
 */
export function sessionUnit(value: number, mean: number | null | undefined): number {
  return typeof mean === 'number' && Math.abs(value) * 10 >= Math.abs(mean) ? mean : value;
}
