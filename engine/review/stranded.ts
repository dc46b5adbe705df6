/**
 * People stranded on the road at the end of a run, read from its event lines:
 * each zone's last count (`zone.progress`, whose `stranded` is there while any
 * are, engine 0.8.0). They set off, so a summary counts them neither in a
 * shelter nor at risk: without this they would be nowhere in it.
 */

/** The people of all zones stranded on the road after the last event; accepts the log's event lines or parsed events. */
export function strandedAtEnd(events: readonly (string | Record<string, unknown>)[]): number {
  const last = new Map<string, number>();
  for (const line of events) {
    // most lines are not a zone's count: look before parsing
    if (typeof line === 'string' && !line.includes('"zone.progress"')) continue;
    const e = typeof line === 'string' ? (JSON.parse(line) as Record<string, unknown>) : line;
    if (e.type === 'zone.progress') last.set(String(e.id), typeof e.stranded === 'number' ? e.stranded : 0);
  }
  let n = 0;
  for (const k of last.values()) n += k;
  return n;
}
