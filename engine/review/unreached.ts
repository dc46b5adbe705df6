/**
 * Incidents no unit ever reached, read from a run's event lines: the
 * response time in a summary is an average over the incidents that were
 * reached, so a summary line that gives it must say how many were not (and
 * how many people they held), or a run that left 700 people waiting reads
 * better than one that reached them late.
 */

export interface Unreached {
  /** incidents reported that never had a unit on scene (phase `responding`) before the end of the run */
  n: number;
  /** the people at risk in them, as reported */
  people: number;
}

/** Counts incidents reported and never `responding`; accepts the log's event lines or parsed events. */
export function unreachedIncidents(events: readonly (string | Record<string, unknown>)[]): Unreached {
  const waiting = new Map<string, number>();
  for (const line of events) {
    // most lines are not about incidents: look before parsing
    if (typeof line === 'string' && !line.includes('"incident.')) continue;
    const e = typeof line === 'string' ? (JSON.parse(line) as Record<string, unknown>) : line;
    if (e.type === 'incident.reported') waiting.set(String(e.id), Number(e.people) || 0);
    else if (e.type === 'incident.phase' && e.phase === 'responding') waiting.delete(String(e.id));
  }
  let people = 0;
  for (const p of waiting.values()) people += p;
  return { n: waiting.size, people };
}
