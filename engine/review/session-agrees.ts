/**
 * Does a play session's save time (`session.t`, at the log's head) still
 * agree with the rest of the log? The hash chain does not cover it, so an
 * edited `session.t` leaves the chain intact; but a session saved at `t`
 * holds only events and keyframes from before `t` (the run stopped there)
 * but for the count of the people still at risk at `t`, last,
 * and its stored summary was read at `t` (`summary.t_end`). A time within
 * the run, after every event and keyframe and equal to the summary's, is
 * all that can be told without playing the run again (`drill verify` does):
 * a report warns when it is not. A log that is no session agrees. Pure.
 */
export interface SessionHead {
  until: unknown;
  session?: { t?: unknown } | null;
  keyframes?: unknown;
  summary?: unknown;
}

export function sessionAgrees(log: SessionHead, events: readonly { t?: unknown; type?: unknown; still_at_risk?: unknown }[]): boolean {
  if (log.session === undefined || log.session === null) return true;
  const t = log.session.t;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || typeof log.until !== 'number' || t > log.until) return false;
  // the run stopped at t: nothing happened at or after it (but run.start, written before the run begins: a session
  // saved at T+00:00 holds it), save the count at t of the people still at risk then, last (run.ts sessionLogOf)
  let end = events.length;
  while (end > 0 && isTallyAt(events[end - 1], t)) end--;
  for (let i = 0; i < end; i++) {
    const e = events[i];
    if (!(i === 0 && e.type === 'run.start') && typeof e.t === 'number' && e.t >= t) return false;
  }
  if (Array.isArray(log.keyframes) && log.keyframes.some((k) => typeof (k as { t?: unknown } | null)?.t === 'number' && (k as { t: number }).t >= t)) return false;
  // the stored summary was read at t
  const read = (log.summary as { t_end?: unknown } | null | undefined)?.t_end;
  return typeof read !== 'number' || read === t;
}

/** An `incident.people` event of the count at t of the people still at risk (Incidents.tallyAtEnd writes `still_at_risk`). */
const isTallyAt = (e: { t?: unknown; type?: unknown; still_at_risk?: unknown }, t: number): boolean =>
  e.type === 'incident.people' && e.t === t && typeof e.still_at_risk === 'number';
