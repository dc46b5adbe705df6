/**
 * A summary recomputed from a log's events, in the form the stored summary was
 * written in, so that an older log whose figures are right still agrees: a
 * log from before `decisions.no_change` was counted has no such field, and
 * counted those orders among `refused`. Used wherever a stored summary is
 * checked against the events (drill verify, the report, the viewer).
 */
import type { Summary } from './metrics.js';

export function summaryAsWritten(stored: unknown, recomputed: Summary): unknown {
  const d = (stored as { decisions?: unknown } | null)?.decisions;
  if (d === null || typeof d !== 'object' || 'no_change' in d) return recomputed;
  const { no_change, ...rest } = recomputed.decisions;
  return { ...recomputed, decisions: { ...rest, refused: rest.refused + no_change } };
}

/** Whether a stored summary says what the events say (in the form it was written in). */
export function summaryAgrees(stored: unknown, recomputed: Summary): boolean {
  return JSON.stringify(summaryAsWritten(stored, recomputed)) === JSON.stringify(stored);
}
