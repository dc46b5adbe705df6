/**
 * `--vary key=v1,v2,...`: a sweep over one scenario parameter. The key names
 * a field of one thing in the scenario, in its written form (what a planner
 * types in the YAML):
 *
 *   unit.<id>.<field>        e.g. unit.mx-militia.mobilisation=10m,30m,1h
 *                                 unit.mx-police.capabilities.rescue=1,2,3
 *   unit.<id>.copies         how many such units there are: 0 removes it,
 *                            2 adds a copy <id>-2 (commanded by the same role), ...
 *   units.<field>            the same field of every unit, e.g. units.mobilisation=x0.5,x1,x2
 *   kind.<id>.<field>        incident kinds, e.g. kind.stranded.work=1h,2h
 *   zone.<id>.<field>        evacuation zones, e.g. zone.ta-ca-riverside.warning=15m,30m,1h
 *   shelter.<id>.<field>     e.g. shelter.ta-ca-school.capacity_people=350,700
 *   generator.<id>.<field>   e.g. generator.slides.rate_per_hour=0.1,0.25,0.5
 *   incident.<id>.<field>, area.<id>.<field>, rule.<id>.<field>, edge.<id>.<field>
 *   doctrine.<field>         e.g. doctrine.request_support_after=15m,30m,1h
 *   travel.<field>, evacuation.<field>
 *
 * Each value is read as YAML (10m stays a duration, 2 is a number), set in
 * the written scenario, and the result goes through the scenario loader
 * again: a value the scenario format does not allow gets the loader's own
 * message. A value `x<k>` (`x2`, `x0.5`) scales every duration in the field
 * as written instead (a distribution's bounds, mean, sd, median), so that
 * units whose mobilisation differs keep their differences while all get
 * slower or faster. The value `unset` (or YAML's null, `~`) takes the field
 * out, so that the format's default applies: a sweep can set beside each
 * other a field the scenario leaves unwritten and the values to try
 * (`doctrine.evacuate_at_risk=unset,4`). Pure: no I/O.
 */
import { parse as parseYaml } from 'yaml';
import { formatDuration, parseDuration } from '../scenario/duration.js';
import { didYouMean } from '../scenario/issues.js';
import { canonicalScenarioText, parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';

export const MAX_VARY_VALUES = 100;
/** The value that takes the field out (the default applies); YAML's null does the same. */
export const UNSET = 'unset';

/** Lists of things a key can name: key prefix -> where the list is in the written scenario. */
const COLLECTIONS: Record<string, { path: string[]; what: string }> = {
  unit: { path: ['units'], what: 'unit' },
  kind: { path: ['incident_kinds'], what: 'incident kind' },
  zone: { path: ['evacuation', 'zones'], what: 'evacuation zone' },
  shelter: { path: ['evacuation', 'shelters'], what: 'shelter' },
  generator: { path: ['generators'], what: 'generator' },
  incident: { path: ['incidents'], what: 'incident' },
  area: { path: ['areas'], what: 'area' },
  rule: { path: ['rules'], what: 'rule' },
  edge: { path: ['travel', 'edges'], what: 'road' },
};
const SECTIONS = ['doctrine', 'travel', 'evacuation'];
/** `units.<field>`: the field of every unit at once. */
const EVERY_UNIT = 'units';

export const VARY_KEYS_HELP = [
  'unit.<id>.<field>       e.g. unit.mx-militia.mobilisation=10m,30m,1h or unit.mx-police.capabilities.rescue=1,2',
  'unit.<id>.copies        number of such units, e.g. unit.pc07-rescue.copies=0,1,2: 0 removes it, 2 adds <id>-2 (same role)',
  'units.<field>           the field of every unit, e.g. units.mobilisation=x0.5,x1,x2',
  'x<k> as a value         scales the durations already written there, e.g. kind.stranded.work=x1,x1.5',
  'unset as a value        takes the field out (the default applies), e.g. doctrine.evacuate_at_risk=unset,4',
  'kind.<id>.<field>       incident kind, e.g. kind.stranded.work=1h,2h',
  'zone.<id>.<field>       evacuation zone, e.g. zone.ta-ca-riverside.warning=15m,30m,1h',
  'generator.<id>.<field>  e.g. generator.slides.rate_per_hour=0.1,0.25,0.5',
  'shelter.<id>.<field>, incident.<id>.<field>, area.<id>.<field>, rule.<id>.<field>, edge.<id>.<field>',
  'doctrine.<field>        e.g. doctrine.request_support_after=15m,30m,1h',
  'travel.<field>, evacuation.<field>',
];

export interface VarySpec {
  key: string;
  /** the values as written on the command line: the labels in results */
  labels: string[];
  /** the values as YAML reads them */
  values: unknown[];
}

/** Split `key=v1,v2,...` (commas inside [...] or {...} do not split). */
export function parseVarySpec(text: string): VarySpec | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return `'${text}' is not a sweep; write key=v1,v2,... e.g. zone.ta-ca-riverside.warning=15m,30m,1h`;
  const key = text.slice(0, eq).trim();
  const labels: string[] = [];
  let depth = 0, cur = '';
  for (const ch of text.slice(eq + 1)) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) { labels.push(cur.trim()); cur = ''; } else cur += ch;
  }
  labels.push(cur.trim());
  if (labels.some((l) => l === '')) return `--vary ${key}: a value is empty; write key=v1,v2,... with no empty value`;
  if (labels.length > MAX_VARY_VALUES) return `--vary ${key}: ${labels.length} values; at most ${MAX_VARY_VALUES}`;
  const seen = new Set<string>();
  for (const l of labels) {
    if (seen.has(l)) return `--vary ${key}: the value '${l}' is given twice`;
    seen.add(l);
  }
  const values: unknown[] = [];
  for (const l of labels) {
    if (l === UNSET) { values.push(null); continue; }
    try {
      values.push(parseYaml(l));
    } catch (e) {
      return `--vary ${key}: the value '${l}' cannot be read (${(e as Error).message.split('\n')[0]})`;
    }
  }
  return { key, labels, values };
}

type Written = Record<string, any>;

interface Target {
  /** where the field is, for messages and for the loader */
  set(written: Written, value: unknown): string | undefined;
}

function getIn(obj: Written, path: string[]): any {
  let o: any = obj;
  for (const p of path) o = o?.[p];
  return o;
}

/** Resolve a key against the scenario: which thing, which field. A string is a message for the planner. */
function resolve(key: string, written: Written): Target | string {
  const dot = key.indexOf('.');
  const head = dot < 0 ? key : key.slice(0, dot);
  const rest = dot < 0 ? '' : key.slice(dot + 1);
  const known = [...Object.keys(COLLECTIONS), EVERY_UNIT, ...SECTIONS];
  if (head === EVERY_UNIT) {
    if (rest === '') return `--vary: '${key}' names no field; write units.<field>, e.g. units.mobilisation`;
    if (rest === 'copies') return "--vary: units.copies is not a sweep of every unit; give one unit: unit.<id>.copies";
    const field = rest.split('.');
    return {
      set: (w, v) => {
        const units = (w.units ?? []) as Written[];
        if (units.length === 0) return '--vary units: the scenario has no units';
        if (scaleOf(v) !== null && !units.some((u) => getIn(u, field) !== undefined)) {
          const keys = [...new Set(units.flatMap((u) => Object.keys(u)))];
          const guess = didYouMean(field[0], keys);
          return `--vary ${key}: no unit has '${rest}' written, so there is nothing to scale by ${String(v)}${guess?.startsWith('did') ? ` (${guess})` : ''}`;
        }
        for (let i = 0; i < units.length; i++) {
          const bad = setPath(w, ['units', i, ...field], v, `units (unit '${units[i].id}')`);
          if (bad) return bad;
        }
        return undefined;
      },
    };
  }
  if (!known.includes(head)) {
    return `--vary: unknown key '${key}': it must start with one of ${known.map((k) => `'${k}.'`).join(', ')}${didYouMean(head, known)?.startsWith('did') ? ` (${didYouMean(head, known)})` : ''}`;
  }
  if (SECTIONS.includes(head)) {
    if (rest === '') return `--vary: '${key}' names no field; write ${head}.<field>, e.g. doctrine.request_support_after`;
    const field = rest.split('.');
    return { set: (w, v) => setPath(w, [head, ...field], v, head) };
  }
  const c = COLLECTIONS[head];
  const list = getIn(written, c.path) as { id: string }[] | undefined;
  const ids = (list ?? []).map((x) => x.id);
  // ids may contain dots: take the longest id the key starts with
  const id = ids.filter((i) => rest === i || rest.startsWith(i + '.')).sort((a, b) => b.length - a.length)[0];
  if (id === undefined) {
    const guess = rest.split('.')[0];
    if (ids.length === 0) return `--vary: unknown ${c.what} '${guess}': the scenario has no ${c.what}s`;
    return `--vary: unknown ${c.what} '${guess}' in '${key}' (${didYouMean(guess, ids)})`;
  }
  const fieldText = rest.slice(id.length + 1);
  if (fieldText === '') return `--vary: '${key}' names no field of ${c.what} '${id}'; write ${head}.${id}.<field>${head === 'unit' ? ' (or .copies)' : ''}`;
  const field = fieldText.split('.');
  const index = ids.indexOf(id);
  if (head === 'unit' && fieldText === 'copies') return { set: (w, v) => setCopies(w, index, id, v) };
  return { set: (w, v) => setPath(w, [...c.path, index, ...field] as any, v, `${head}.${id}`) };
}

/** `x2`, `x0.5`, `×1.5`: the factor, or null when the value is not a scale. */
function scaleOf(value: unknown): number | null {
  const m = typeof value === 'string' ? /^[x×](\d+(?:\.\d+)?)$/.exec(value.trim()) : null;
  return m ? Number(m[1]) : null;
}

/** Every duration in a written value (a text like '20m', in a distribution or not) times k, in whole seconds; and how many there were. */
function scaled(v: unknown, k: number): { value: unknown; n: number } {
  if (typeof v === 'string') {
    const d = parseDuration(v);
    return d.ok ? { value: formatDuration(Math.round(d.seconds * k)), n: 1 } : { value: v, n: 0 };
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => scaled(x, k));
    return { value: parts.map((p) => p.value), n: parts.reduce((a, p) => a + p.n, 0) };
  }
  if (v && typeof v === 'object') {
    const parts = Object.entries(v).map(([key, x]) => [key, scaled(x, k)] as const);
    return { value: Object.fromEntries(parts.map(([key, p]) => [key, p.value])), n: parts.reduce((a, [, p]) => a + p.n, 0) };
  }
  return { value: v, n: 0 };
}

function setPath(w: Written, path: (string | number)[], value: unknown, what: string): string | undefined {
  const k = scaleOf(value);
  if (k !== null) {
    const field = path.filter((x) => typeof x === 'string').slice(1).join('.');
    const here = getIn(w, path.map(String));
    // a unit without the field (units.mobilisation where one has none): nothing written, nothing to scale
    if (here === undefined) return what.startsWith('units ') ? undefined : `--vary: ${what} has no '${field}' written, so there is nothing to scale by ${String(value)}; give the values themselves`;
    const r = scaled(here, k);
    if (r.n === 0) return `--vary: ${what}: '${field}' holds no duration (${JSON.stringify(here)}), so ${String(value)} has nothing to scale; give the values themselves`;
    value = r.value;
  }
  let o: any = w;
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i];
    if (o[p] === undefined && value === null) return undefined; // nothing written there: already unset
    if (o[p] === undefined) o[p] = {};
    if (typeof o[p] !== 'object' || o[p] === null || (Array.isArray(o[p]) && typeof path[i + 1] !== 'number')) {
      return `--vary: ${what}: '${path.slice(0, i + 1).filter((x) => typeof x === 'string').join('.')}' is not a mapping, so it has no field '${String(path[i + 1])}'`;
    }
    o = o[p];
  }
  const last = path[path.length - 1];
  if (value === null) {
    if (Array.isArray(o)) return `--vary: ${what}: an item of a list cannot be unset; give the values themselves`;
    delete o[last];
  } else o[last] = value;
  return undefined;
}

function setCopies(w: Written, index: number, id: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    return `--vary unit.${id}.copies: '${value === null ? UNSET : String(value)}' is not a number of units; give whole numbers from 0 to 100`;
  }
  const units = w.units as Written[];
  const unit = units[index];
  const ids = [id, ...Array.from({ length: Math.max(0, value - 1) }, (_, c) => `${id}-${c + 2}`)].slice(0, value);
  const suffix = (t: unknown, n: number): unknown => typeof t === 'string' ? `${t} #${n}` : t && typeof t === 'object' ? Object.fromEntries(Object.entries(t).map(([k, v]) => [k, `${v} #${n}`])) : t;
  const copies = ids.map((cid, c) => (c === 0 ? unit : { ...structuredClone(unit), id: cid, ...(unit.name !== undefined ? { name: suffix(unit.name, c + 1) } : {}) }));
  units.splice(index, 1, ...copies);
  for (const role of (w.roles ?? []) as Written[]) {
    if (Array.isArray(role.commands) && role.commands.includes(id)) role.commands = role.commands.flatMap((u: string) => (u === id ? ids : [u]));
  }
  return undefined;
}

export type Variants = { ok: true; scenarios: Scenario[] } | { ok: false; messages: string[] };

/**
 * One scenario per sweep value, each checked by the loader. Messages name
 * the key and value, then the loader's path and message.
 */
export function varyScenario(base: Scenario, spec: VarySpec): Variants {
  const text = canonicalScenarioText(base);
  const target = resolve(spec.key, JSON.parse(text));
  if (typeof target === 'string') return { ok: false, messages: [target] };
  const scenarios: Scenario[] = [];
  const messages: string[] = [];
  // the loader's complaints, by what they say: one that every value gets (a misspelt key) is said once
  const invalid = new Map<string, string[]>();
  spec.values.forEach((value, i) => {
    const label = `--vary ${spec.key}=${spec.labels[i]}`;
    const written = JSON.parse(text) as Written;
    const bad = target.set(written, value);
    if (bad) { messages.push(bad); return; }
    const r = parseScenario(JSON.stringify(written), label);
    if (!r.ok) {
      for (const issue of r.issues.filter((x) => x.severity === 'error')) {
        const said = `${issue.path}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
        invalid.set(said, [...(invalid.get(said) ?? []), label]);
      }
      return;
    }
    scenarios.push(r.scenario);
  });
  for (const [said, labels] of invalid) {
    const label = labels.length > 1 && labels.length === spec.values.length ? `--vary ${spec.key}=${spec.labels.join(',')}` : null;
    if (label) messages.push(`${label}: the scenario is then not valid, whatever the value: ${said}`);
    else for (const l of labels) messages.push(`${l}: the scenario is then not valid: ${said}`);
  }
  return messages.length ? { ok: false, messages: sameForEveryUnit(messages) } : { ok: true, scenarios };
}

/** `units.<field>`: the loader's one complaint about each unit, said once for all of them (units[*]). */
function sameForEveryUnit(messages: string[]): string[] {
  const groups = new Map<string, number>();
  for (const m of messages) { const k = m.replace(/\bunits\[\d+\]/, 'units[*]'); groups.set(k, (groups.get(k) ?? 0) + 1); }
  return [...groups].map(([k, n]) => (n > 1 ? `${k} (${n} units)` : messages.find((m) => m.replace(/\bunits\[\d+\]/, 'units[*]') === k)!));
}
