/**
 * Does a play session's save time (`session.t`, at the log's head) still
 * agree with the rest of the log? The hash chain does not cover it, so an
 * edited `session.t` leaves the chain intact; but a session saved at `t`
 * holds only events and keyframes from before `t` (the run stopped there),
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

export function sessionAgrees(log: SessionHead, events: readonly { t?: unknown; type?: unknown }[]): boolean {
  if (log.session === undefined || log.session === null) return true;
  const t = log.session.t;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || typeof log.until !== 'number' || t > log.until) return false;
  // the run stopped at t: nothing happened at or after it (but run.start, written before the run begins: a session
  // saved at T+00:00 holds it)
  if (events.some((e, i) => !(i === 0 && e.type === 'run.start') && typeof e.t === 'number' && e.t >= t)) return false;
  if (Array.isArray(log.keyframes) && log.keyframes.some((k) => typeof (k as { t?: unknown } | null)?.t === 'number' && (k as { t: number }).t >= t)) return false;
  // the stored summary was read at t
  const end = (log.summary as { t_end?: unknown } | null | undefined)?.t_end;
  return typeof end !== 'number' || end === t;
}
