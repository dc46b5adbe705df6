/**
 * The fields of each event drill writes in a run log, and how it writes each: what `drill report`, compare, fork,
 * verify and the viewer check of an event before they use it. An event's inner field edited by hand (a route's
 * `"km": {}`, an incident's `"people": "-5m"`, an `incident.reported` without its `kind`) was drawn as "NaN km",
 * "NaN rescued" or "⟦undefined⟧ … [object Object]"; it is said instead as one line naming the event and the field.
 * (The hash chain says the log was changed; it does not say where, nor stop a report from using the field.)
 */

/** How a field is written: the words said of a field that is not, in engine/play/cli-problems.ts and viewer/src/i18n.ts too. */
export type FieldKind = 'id' | 'text' | 'count' | 'whole' | 'number' | 'flag' | 'ids' | 'seconds-list' | 'point' | 'node' | 'counts';

export const FIELD_KIND_EN: Readonly<Record<FieldKind, string>> = {
  id: 'an id', text: 'a text', count: 'a whole number, 0 or more', whole: 'a whole number', number: 'a number',
  flag: 'true or false', ids: 'a list of ids', 'seconds-list': 'a list of seconds', point: 'a point [x, y]',
  node: 'the id of a road node, or null', counts: 'whole numbers by name',
};

export const FIELD_KIND_VI: Readonly<Record<FieldKind, string>> = {
  id: 'một mã', text: 'một văn bản', count: 'một số nguyên từ 0 trở lên', whole: 'một số nguyên', number: 'một số',
  flag: 'true hoặc false', ids: 'một danh sách mã', 'seconds-list': 'một danh sách số giây', point: 'một điểm [x, y]',
  node: 'mã của một nút đường, hoặc null', counts: 'các số nguyên theo tên',
};

/** Each type's fields: `?` after a name marks one drill leaves out at times. A type not here is not checked. */
const EVENT_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
  'run.start': { seed: 'count', scenario: 'id', players: 'ids', until: 'count' },
  'run.end': { counts: 'counts' },
  'area.isolated': { id: 'id', isolated: 'flag' },
  'area.risk': { id: 'id', risk: 'whole' },
  'area.short': { id: 'id', short: 'flag' },
  'area.stock': { id: 'id', days: 'number' },
  'area.stock_out': { id: 'id' },
  decision: { author: 'id', role: 'id', do: 'id', 'level?': 'whole' },
  'decision.refused': { author: 'id', role: 'id', do: 'id', 'level?': 'whole' },
  'incident.reported': { id: 'id', kind: 'id', area: 'id', node: 'node', x: 'number', y: 'number', severity: 'whole', people: 'count', work_s: 'count', 'parent?': 'id' },
  'incident.phase': { id: 'id', phase: 'id' },
  'incident.people': { id: 'id', rescued: 'count', lost: 'count', 'still_at_risk?': 'count' },
  'incident.severity': { id: 'id', severity: 'whole' },
  'inject.added': { id: 'id' },
  'inject.answered': { id: 'id', option: 'id', by: 'id' },
  'inject.delivered': { id: 'id', seq: 'whole', to: 'id', 'deadline_s?': 'count' },
  'inject.done': { id: 'id', by: 'id', latency_s: 'count' },
  'inject.expired': { id: 'id', option: 'id' },
  'inject.skipped': { id: 'id', because: 'text' },
  'inject.state': { id: 'id', state: 'id' },
  level: { area: 'id', level: 'whole', by: 'id' },
  'road.status': { id: 'id', status: 'id', by: 'id', 'factor?': 'number' },
  'shelter.occupancy': { id: 'id', occupancy: 'count', incoming: 'count', capacity: 'count' },
  'shelter.state': { id: 'id', state: 'id' },
  'support.requested': { area: 'id', by: 'id' },
  'unit.route': { id: 'id', km: 'number', 'nodes?': 'ids', 'cum_s?': 'seconds-list', 'from?': 'point', 'to?': 'point', 'travel_s?': 'count' },
  'unit.state': { id: 'id', state: 'id', 'incident?': 'id', 'travel_s?': 'count' },
  'zone.progress': { id: 'id', remaining: 'count', moving: 'count', sheltered: 'count', 'stalled?': 'flag', 'cut?': 'flag' },
  'zone.state': { id: 'id', state: 'id', 'by?': 'id' },
  'zone.struck': { id: 'id', caught: 'count' },
  // a group stranded on the road has no travel time: it waits at the junction its way ends at (engine 0.8.0)
  'zone.trip': { id: 'id', shelter: 'id', 'from_shelter?': 'id', n: 'count', set_off: 'count', 'travel_s?': 'count', 'stranded?': 'flag', nodes: 'ids', cum_s: 'seconds-list' },
};

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

function written(kind: FieldKind, v: unknown): boolean {
  switch (kind) {
    case 'id': return typeof v === 'string' && v !== '';
    case 'text': return typeof v === 'string';
    case 'count': return count(v);
    case 'whole': return Number.isSafeInteger(v);
    case 'number': return finite(v);
    case 'flag': return typeof v === 'boolean';
    case 'ids': return Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '');
    case 'seconds-list': return Array.isArray(v) && v.every(finite);
    case 'point': return Array.isArray(v) && v.length === 2 && v.every(finite);
    case 'node': return v === null || (typeof v === 'string' && v !== '');
    case 'counts': return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(count);
  }
}

/** The first field of an event (with its `t` and `type` read already) that is not as drill writes it, or null. */
export function damagedEventField(e: Record<string, unknown>): { field: string; kind: FieldKind; value: unknown } | null {
  const fields = Object.hasOwn(EVENT_FIELDS, e.type as string) ? EVENT_FIELDS[e.type as string] : undefined;
  if (!fields) return null;
  for (const [name, kind] of Object.entries(fields)) {
    const optional = name.endsWith('?');
    const field = optional ? name.slice(0, -1) : name;
    const v = Object.hasOwn(e, field) ? e[field] : undefined;
    if (v === undefined && optional) continue;
    if (!written(kind, v)) return { field, kind, value: v };
  }
  return null;
}

/** What JSON reads as infinity (`1e999`): shown as such, not as the 'null' JSON writes it as, nor as 'Infinity'. */
export const TOO_LARGE = 'a number too large to read';

/** A field's value as it is shown in a message: as JSON, cut short; a field left out is 'missing'. */
export function shownValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (typeof v === 'number' && !Number.isFinite(v)) return TOO_LARGE;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
