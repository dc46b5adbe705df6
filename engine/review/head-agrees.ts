/**
 * Does a run log's head say what its first event says? The head (the seed,
 * the end, the players and the scenario's id at the top of the file) is what
 * `drill run` and a replay read back; the first event, `run.start`, holds the
 * same and is covered by the hash chain, the head is not. A head edited by
 * hand (another seed) would have a report and a viewer name a run that the
 * events are not: they warn instead. Pure.
 */
export interface LogHead {
  seed: unknown;
  until: unknown;
  players?: unknown;
  joined?: unknown;
  varied?: unknown;
  scenario: { id?: unknown };
}

const sortedList = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : []);
const sortedEntries = (v: unknown): string => JSON.stringify(typeof v === 'object' && v !== null ? Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : []);

export function headAgrees(head: LogHead, first: Record<string, unknown> | undefined): boolean {
  if (first === undefined || first.type !== 'run.start') return false;
  return first.seed === head.seed
    && first.scenario === head.scenario.id
    && first.until === head.until
    && sortedList(first.players) === sortedList(head.players)
    && sortedEntries(first.joined) === sortedEntries(head.joined)
    && sortedEntries(first.varied) === sortedEntries(head.varied);
}
