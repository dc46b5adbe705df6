/**
 * Evidence: the events that decided a value, each with its time and its
 * index in the log, or a note that something the criterion waited for never
 * happened (no evacuation order, no unit on scene...). The reducers record
 * evidence as they go; the report describes it in the reader's language.
 */
import type { LogEvent } from './metrics.js';

/** What was missing when a criterion was read. */
export type AbsentWhat =
  | 'zone_not_ordered'
  | 'no_unit_on_scene'
  | 'not_contained'
  | 'no_incident'
  | 'no_level'
  | 'no_support'
  | 'inject_not_delivered'
  | 'expected_action_not_taken'
  | 'nobody_lost'
  | 'nobody_at_risk'
  | 'shelter_unused'
  | 'no_stock_reading'
  | 'all_resolved';

export type Evidence =
  | { t: number; index: number; event: LogEvent }
  | { t: number; index: null; absent: AbsentWhat; of: string | null };

/** An event as the reducers keep it: the event and where it stands in the log. */
export interface Seen {
  index: number;
  e: LogEvent;
}

export const cite = (s: Seen): Evidence => ({ t: s.e.t, index: s.index, event: s.e });
export const absent = (t: number, what: AbsentWhat, of: string | null | undefined): Evidence => ({ t, index: null, absent: what, of: of ?? null });

/** Time order, then log order; absences last at their time. */
export function sortEvidence(list: Evidence[]): Evidence[] {
  return list.sort((a, b) => a.t - b.t || (a.index ?? Infinity) - (b.index ?? Infinity));
}
