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
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { formatDuration, parseDuration } from '../scenario/duration.js';
import { COUNT_KEYS } from '../scenario/check.js';
import { didYouMeanSay, isGuess, reword, type ScenarioIssue } from '../scenario/issues.js';
import { canonicalScenarioText, parseScenario, writtenAs } from '../scenario/parse.js';
import { joined, say, sayIn, type Param, type Say } from '../scenario/say.js';
import { CAPABILITIES, Unit, type Scenario } from '../scenario/schema.js';
import type { Lang } from '../scenario/text.js';
import { BESIDE_FAR_SHARE, BESIDE_FAR_SOONER_BY_S } from '../sim/doctrine.js';

export const MAX_VARY_VALUES = 100;
/** The value that takes the field out (the default applies); YAML's null does the same. */
export const UNSET = 'unset';

/** Lists of things a key can name: key prefix -> where the list is in the written scenario. */
const COLLECTIONS: Record<string, { path: string[]; what: Say; whats: Say }> = {
  unit: { path: ['units'], what: say('vary.what.unit'), whats: say('vary.whats.unit') },
  kind: { path: ['incident_kinds'], what: say('vary.what.kind'), whats: say('vary.whats.kind') },
  zone: { path: ['evacuation', 'zones'], what: say('vary.what.zone'), whats: say('vary.whats.zone') },
  shelter: { path: ['evacuation', 'shelters'], what: say('vary.what.shelter'), whats: say('vary.whats.shelter') },
  generator: { path: ['generators'], what: say('vary.what.generator'), whats: say('vary.whats.generator') },
  incident: { path: ['incidents'], what: say('vary.what.incident'), whats: say('vary.whats.incident') },
  area: { path: ['areas'], what: say('vary.what.area'), whats: say('vary.whats.area') },
  rule: { path: ['rules'], what: say('vary.what.rule'), whats: say('vary.whats.rule') },
  edge: { path: ['travel', 'edges'], what: say('vary.what.edge'), whats: say('vary.whats.edge') },
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

/** VARY_KEYS_HELP in Vietnamese (drill batch --help --lang vi): the keys and examples as they are typed, the words translated */
export const VARY_KEYS_HELP_VI = [
  'unit.<id>.<field>       ví dụ unit.mx-militia.mobilisation=10m,30m,1h',
  '                        hoặc unit.mx-police.capabilities.rescue=1,2',
  'unit.<id>.copies        số đơn vị như vậy, ví dụ unit.pc07-rescue.copies=0,1,2:',
  '                        0 bỏ đơn vị đó, 2 thêm <id>-2 (cùng vai)',
  'units.<field>           trường đó của mọi đơn vị,',
  '                        ví dụ units.mobilisation=x0.5,x1,x2',
  'giá trị x<k>            nhân các khoảng thời gian đã ghi ở đó với k,',
  '                        ví dụ kind.stranded.work=x1,x1.5',
  'giá trị unset           bỏ trường đó đi (áp dụng giá trị mặc định),',
  '                        ví dụ doctrine.evacuate_at_risk=unset,4',
  'kind.<id>.<field>       loại sự cố, ví dụ kind.stranded.work=1h,2h',
  'zone.<id>.<field>       khu vực sơ tán,',
  '                        ví dụ zone.ta-ca-riverside.warning=15m,30m,1h',
  'generator.<id>.<field>  ví dụ generator.slides.rate_per_hour=0.1,0.25,0.5',
  'shelter.<id>.<field>, incident.<id>.<field>, area.<id>.<field>,',
  'rule.<id>.<field>, edge.<id>.<field>',
  'doctrine.<field>        ví dụ doctrine.request_support_after=15m,30m,1h',
  'travel.<field>, evacuation.<field>',
];

export interface VarySpec {
  key: string;
  /** the values as written on the command line: the labels in results */
  labels: string[];
  /** the values as YAML reads them */
  values: unknown[];
}

/** Split `key=v1,v2,...` (commas inside [...] or {...} do not split); a string is what is wrong, in `lang`. */
export function parseVarySpec(text: string, lang: Lang = 'en'): VarySpec | string {
  const r = readVarySpec(text);
  return 'key' in r && 'labels' in r ? r : sayIn(r, lang);
}

function readVarySpec(text: string): VarySpec | Say {
  const eq = text.indexOf('=');
  if (eq <= 0) return say('vary.not-a-sweep', { text });
  const key = text.slice(0, eq).trim();
  const labels: string[] = [];
  let depth = 0, cur = '';
  for (const ch of text.slice(eq + 1)) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) { labels.push(cur.trim()); cur = ''; } else cur += ch;
  }
  labels.push(cur.trim());
  if (labels.some((l) => l === '')) return say('vary.empty-value', { key });
  if (labels.length > MAX_VARY_VALUES) return say('vary.too-many', { key, n: labels.length, max: MAX_VARY_VALUES });
  const seen = new Set<string>();
  for (const l of labels) {
    if (seen.has(l)) return say('vary.twice', { key, value: l });
    seen.add(l);
  }
  // a count written with a thousands separator (rate_people_per_hour=1.200) reads as 1.2: in a scenario the
  // loader says so from the file as written; a sweep played it, labelled '1.200', at 1.2 people an hour
  const counting = key.split('.').some((seg) => COUNT_KEYS.has(seg));
  const grouped = counting ? labels.find((l) => /^\d{1,3}(?:\.\d{3})+$/.test(l)) : undefined;
  if (grouped !== undefined) return say('vary.thousands', { key, value: grouped, digits: grouped.replace(/\./g, '') });
  const values: unknown[] = [];
  for (const l of labels) {
    if (l === UNSET) { values.push(null); continue; }
    try {
      values.push(parseYaml(l));
    } catch (e) {
      return say('vary.unreadable', { key, value: l, text: (e as Error).message.split('\n')[0] });
    }
  }
  return { key, labels, values };
}

type Written = Record<string, any>;

interface Target {
  /** where the field is, for messages and for the loader */
  set(written: Written, value: unknown): Say | undefined;
  /** the field's place in the written scenario, when the key names one field of one thing: what a scale made of it is read there */
  at?: string[];
}

/** ' (did you mean ...)' when there is a close one, else nothing. */
const guessOf = (word: string, candidates: Iterable<string>): Say => {
  const g = didYouMeanSay(word, candidates);
  return isGuess(g) ? say('vary.guess', { guess: g! }) : say('empty');
};

function getIn(obj: Written, path: string[]): any {
  let o: any = obj;
  for (const p of path) o = o?.[p];
  return o;
}

/**
 * `units.<x>` where x is no field of a unit: a unit's id, a capability, or a kind of unit written as if it were
 * one (units.rescue-boat, meant as "how many boats"). A misspelt field is left to the loader, whose message
 * guesses the field.
 */
function notAUnitField(field: string[], written: Written): Say | undefined {
  const keys = Object.keys(Unit.shape);
  const x = field[0];
  if (keys.includes(x)) return undefined;
  const key = `units.${field.join('.')}`;
  const ids = ((written.units ?? []) as Written[]).map((u) => String(u.id));
  if (ids.includes(x)) {
    const after = field.slice(1).join('.');
    return say('vary.units-is-a-unit', { key, id: x, field: after === '' ? '<field>' : after });
  }
  if ((CAPABILITIES as readonly string[]).includes(x)) return say('vary.units-capability', { key, cap: x });
  if (isGuess(didYouMeanSay(x, keys))) return undefined;
  return say('vary.units-no-such-field', { key, field: x, keys: joined(keys.filter((k) => k !== 'id').map((k) => `'${k}'`)) });
}

/** Resolve a key against the scenario: which thing, which field. A Say is a message for the planner. */
function resolve(key: string, written: Written): Target | Say {
  const dot = key.indexOf('.');
  const head = dot < 0 ? key : key.slice(0, dot);
  const rest = dot < 0 ? '' : key.slice(dot + 1);
  const known = [...Object.keys(COLLECTIONS), EVERY_UNIT, ...SECTIONS];
  if (head === EVERY_UNIT) {
    if (rest === '') return say('vary.units-no-field', { key });
    if (rest === 'copies') return say('vary.units-copies');
    const field = rest.split('.');
    const wrong = notAUnitField(field, written);
    if (wrong) return wrong;
    return {
      set: (w, v) => {
        const units = (w.units ?? []) as Written[];
        if (units.length === 0) return say('vary.units-none');
        if (scaleOf(v) !== null && !units.some((u) => getIn(u, field) !== undefined)) {
          const keys = [...new Set(units.flatMap((u) => Object.keys(u)))];
          return say('vary.units-nothing-to-scale', { key, field: rest, value: String(v), guess: guessOf(field[0], keys) });
        }
        for (let i = 0; i < units.length; i++) {
          const bad = setPath(w, ['units', i, ...field], v, say('vary.of-unit', { id: units[i].id }), true);
          if (bad) return bad;
        }
        return undefined;
      },
    };
  }
  if (!known.includes(head)) {
    return say('vary.unknown-key', { key, known: joined(known.map((k) => `'${k}.'`)), guess: guessOf(head, known) });
  }
  if (SECTIONS.includes(head)) {
    if (rest === '') return say('vary.section-no-field', { key, head });
    const field = rest.split('.');
    // `evacuation.zones.<id>.warning`, the path as the file nests it: a zone (a shelter) is named zone.<id>
    const listed = Object.entries(COLLECTIONS).find(([, c]) => c.path.length === 2 && c.path[0] === head && c.path[1] === field[0]);
    if (listed && field.length >= 3) return say('vary.by-collection', { key, write: `${listed[0]}.${field.slice(1).join('.')}` });
    return { set: (w, v) => setPath(w, [head, ...field], v, head), at: [head, ...field] };
  }
  const c = COLLECTIONS[head];
  const list = getIn(written, c.path) as { id: string }[] | undefined;
  const ids = (list ?? []).map((x) => x.id);
  // ids may contain dots: take the longest id the key starts with
  const id = ids.filter((i) => rest === i || rest.startsWith(i + '.')).sort((a, b) => b.length - a.length)[0];
  if (id === undefined) {
    const guess = rest.split('.')[0];
    if (ids.length === 0) return say('vary.unknown-none', { what: c.what, whats: c.whats, id: guess });
    return say('vary.unknown-thing', { what: c.what, id: guess, key, hint: didYouMeanSay(guess, ids)! });
  }
  const fieldText = rest.slice(id.length + 1);
  if (fieldText === '') return say('vary.no-field-of', { key, what: c.what, id, head, copies: head === 'unit' ? say('vary.or-copies') : say('empty') });
  const field = fieldText.split('.');
  // an id names the thing: another id is another thing, and every reference to it would break
  if (fieldText === 'id') return say('vary.id', { key, what: c.what, id });
  const index = ids.indexOf(id);
  if (head === 'unit' && fieldText === 'copies') return { set: (w, v) => setCopies(w, index, id, v) };
  return { set: (w, v) => setPath(w, [...c.path, index, ...field] as any, v, `${head}.${id}`), at: [...c.path, String(index), ...field] };
}

/**
 * `x2`, `x0.5`, `×1.5`, and the factor written first as it is said (`2x`, `0.5x`: it was "'2x' is not a
 * duration"): the factor, or null when the value is not a scale.
 */
function scaleOf(value: unknown): number | null {
  const m = typeof value === 'string' ? /^[x×](\d+(?:\.\d+)?)$|^(\d+(?:\.\d+)?)\s*[x×]$/.exec(value.trim()) : null;
  return m ? Number(m[1] ?? m[2]) : null;
}

/** Every duration in a written value (a text like '20m', in a distribution or not) times k, in whole seconds; and how many there were. */
/**
 * `tooLong`: the first duration (as written) that k times is more seconds than a number holds exactly: the loader
 * would say a text nobody wrote ('694444444444444400d') was too long.
 */
function scaled(v: unknown, k: number): { value: unknown; n: number; tooLong?: string } {
  if (typeof v === 'string') {
    const d = parseDuration(v);
    if (!d.ok) return { value: v, n: 0 };
    const seconds = Math.round(d.seconds * k);
    return Number.isSafeInteger(seconds) ? { value: formatDuration(seconds), n: 1 } : { value: v, n: 1, tooLong: v };
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => scaled(x, k));
    return { value: parts.map((p) => p.value), n: parts.reduce((a, p) => a + p.n, 0), tooLong: parts.find((p) => p.tooLong)?.tooLong };
  }
  if (v && typeof v === 'object') {
    const parts = Object.entries(v).map(([key, x]) => [key, scaled(x, k)] as const);
    return { value: Object.fromEntries(parts.map(([key, p]) => [key, p.value])), n: parts.reduce((a, [, p]) => a + p.n, 0), tooLong: parts.find(([, p]) => p.tooLong)?.[1].tooLong };
  }
  return { value: v, n: 0 };
}

/** `what`: the thing, as the messages name it; `everyUnit`: a field of every unit (units.<field>), where a unit may leave it out. */
function setPath(w: Written, path: (string | number)[], value: unknown, what: Param, everyUnit = false): Say | undefined {
  const k = scaleOf(value);
  if (k !== null) {
    // the field within the thing: after its place in its list (evacuation.zones[2].speed_kmh: speed_kmh), else after the section
    const at = path.findIndex((x) => typeof x === 'number');
    const field = (at >= 0 ? path.slice(at + 1) : path.slice(1)).join('.');
    const here = getIn(w, path.map(String));
    // a unit without the field (units.mobilisation where one has none): nothing written, nothing to scale
    if (here === undefined) return everyUnit ? undefined : say('vary.nothing-to-scale', { what, field, value: String(value) });
    const r = scaled(here, k);
    if (r.n === 0) return say('vary.no-duration', { what, field, here: JSON.stringify(here), value: String(value) });
    if (r.tooLong !== undefined) return say('vary.scaled-too-long', { what, field, here: r.tooLong, value: String(value), k: String(value).trim().replace(/^[x×]|\s*[x×]$/g, '') });
    value = r.value;
  }
  let o: any = w;
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i];
    if (o[p] === undefined && value === null) return undefined; // nothing written there: already unset
    if (o[p] === undefined) o[p] = {};
    if (typeof o[p] !== 'object' || o[p] === null || (Array.isArray(o[p]) && typeof path[i + 1] !== 'number')) {
      return say('vary.not-a-mapping', { what, path: path.slice(0, i + 1).filter((x) => typeof x === 'string').join('.'), field: String(path[i + 1]) });
    }
    o = o[p];
  }
  const last = path[path.length - 1];
  if (value === null) {
    if (Array.isArray(o)) return say('vary.list-unset', { what });
    delete o[last];
  } else o[last] = value;
  return undefined;
}

function setCopies(w: Written, index: number, id: string, value: unknown): Say | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    return say('vary.copies-not-number', { id, value: value === null ? UNSET : String(value) });
  }
  const units = w.units as Written[];
  const unit = units[index];
  const ids = [id, ...Array.from({ length: Math.max(0, value - 1) }, (_, c) => `${id}-${c + 2}`)].slice(0, value);
  // a copy's name taken by a unit of the scenario: said here, not as the loader's "duplicate unit id" at a list
  // entry that is not in the planner's file
  const taken = ids.slice(1).find((cid) => units.some((u, i) => i !== index && u.id === cid));
  if (taken !== undefined) return say('vary.copies-taken', { id, value: String(value), copy: taken });
  const suffix = (t: unknown, n: number): unknown => typeof t === 'string' ? `${t} #${n}` : t && typeof t === 'object' ? Object.fromEntries(Object.entries(t).map(([k, v]) => [k, `${v} #${n}`])) : t;
  const copies = ids.map((cid, c) => (c === 0 ? unit : { ...structuredClone(unit), id: cid, ...(unit.name !== undefined ? { name: suffix(unit.name, c + 1) } : {}) }));
  units.splice(index, 1, ...copies);
  for (const role of (w.roles ?? []) as Written[]) {
    if (Array.isArray(role.commands) && role.commands.includes(id)) role.commands = role.commands.flatMap((u: string) => (u === id ? ids : [u]));
  }
  return undefined;
}

/** `warnings`: what the loader warns of a value's scenario and not of the scenario as written (`--vary ...: path: message`) */
export type Variants = { ok: true; scenarios: Scenario[]; warnings: string[] } | { ok: false; messages: string[] };

/**
 * One scenario per sweep value, each checked by the loader. Messages name
 * the key and value, then the loader's path and message, in `lang`.
 */
/**
 * How a run log played with `--vary key=value` (its `varied`) is told apart from a copy edited by hand: the
 * canonical text of `base` changed so, null when the change does not apply to it.
 */
export function variedText(base: Scenario): (key: string, value: string) => string | null {
  return (key, value) => {
    const spec = parseVarySpec(`${key}=${value}`);
    if (typeof spec === 'string' || spec.labels.length !== 1) return null;
    const v = varyScenario(base, spec);
    return v.ok ? canonicalScenarioText(v.scenarios[0]) : null;
  };
}

export function varyScenario(base: Scenario, spec: VarySpec, lang: Lang = 'en'): Variants {
  const text = canonicalScenarioText(base);
  const target = resolve(spec.key, JSON.parse(text));
  if (!('set' in target)) return { ok: false, messages: [sayIn(target, lang)] };
  const scenarios: Scenario[] = [];
  const messages: string[] = [];
  const warnings: string[] = [];
  // a value may bring a trap the file warns of when written there (keep_home: 1 keeps every unit home): said the same
  const sameWarning = (w: ScenarioIssue) => JSON.stringify([w.code, w.path, w.words.message]);
  const asWritten = parseScenario(JSON.stringify(JSON.parse(text)), '<scenario>');
  const warnedAlready = new Set(asWritten.ok ? asWritten.warnings.map(sameWarning) : []);
  // the loader's complaints, by what they say: one that every value gets (a misspelt key) is said once
  const invalid = new Map<string, string[]>();
  // two values written differently that make the same scenario (15m and 900s): two columns of the same runs
  const made = new Map<string, { i: number; meant: Meant; rounded?: Rounded }>();
  spec.values.forEach((value, i) => {
    const label = `--vary ${spec.key}=${spec.labels[i]}`;
    const written = JSON.parse(text) as Written;
    const bad = target.set(written, value);
    if (bad) { messages.push(sayIn(bad, lang)); return; }
    const r = parseScenario(JSON.stringify(written), label);
    if (r.ok) {
      const meant = meaning(value, target, written);
      const rounded = roundedScale(value, target, JSON.parse(text) as Written);
      const canonical = canonicalScenarioText(withDoctrineDefaults(r.scenario));
      const before = made.get(canonical);
      if (before) { messages.push(sayIn(sameValue(spec, before, { i, meant, rounded }), lang)); return; }
      made.set(canonical, { i, meant, rounded });
    }
    if (!r.ok) {
      for (const issue of r.issues.filter((x) => x.severity === 'error')) {
        const said = sayIn(issue.words.hint ? say('vary.issue-hint', { path: issue.path, message: issue.words.message, hint: issue.words.hint }) : say('vary.issue', { path: issue.path, message: issue.words.message }), lang);
        invalid.set(said, [...(invalid.get(said) ?? []), label]);
      }
      return;
    }
    scenarios.push(writtenAs(r.scenario, base));
    for (const w of r.warnings) {
      if (warnedAlready.has(sameWarning(w))) continue;
      const said = sayIn(w.words.hint ? say('vary.issue-hint', { path: w.path, message: w.words.message, hint: w.words.hint }) : say('vary.issue', { path: w.path, message: w.words.message }), lang);
      warnings.push(sayIn(say('vary.warning', { label, said }), lang));
    }
  });
  for (const [said, labels] of invalid) {
    const label = labels.length > 1 && labels.length === spec.values.length ? `--vary ${spec.key}=${spec.labels.join(',')}` : null;
    if (label) messages.push(sayIn(say('vary.invalid-every', { label, said }), lang));
    else for (const l of labels) messages.push(sayIn(say('vary.invalid', { label: l, said }), lang));
  }
  return messages.length ? { ok: false, messages: sameForEveryUnit(messages, lang) } : { ok: true, scenarios, warnings };
}

/**
 * `s` with the doctrine's defaults that the schema leaves unwritten (they are in sim/doctrine.ts, so that they stay out
 * of every run log's hash) written in, for telling two sweep values apart: `doctrine.keep_home=unset,0` or
 * `doctrine.beside_far_sooner_by=unset,1h` make different texts but the same runs. Used for that comparison only.
 */
function withDoctrineDefaults(s: Scenario): Scenario {
  const d = s.doctrine;
  const keep = d.keep_home ?? 0;
  const doctrine = {
    ...d,
    hold_at_risk: d.hold_at_risk ?? d.evacuate_at_risk ?? 3,
    beside_far_sooner_by: d.beside_far_sooner_by ?? BESIDE_FAR_SOONER_BY_S,
    beside_far_share: d.beside_far_share ?? BESIDE_FAR_SHARE,
    // a mapping that keeps none anywhere keeps what 0 keeps
    keep_home: typeof keep === 'number' || Object.values(keep).some((n) => n !== 0) ? keep : 0,
  };
  return { ...s, doctrine };
}

/** What a sweep value stands for, said so that two ways of writing it read alike: null when it is unset. */
type Meant = Say | string | null;

/** A written value with its durations in one form (900s, 0.25h: 15m), for saying what it means. */
function plain(v: unknown): unknown {
  if (typeof v === 'string') { const d = parseDuration(v); return d.ok ? formatDuration(d.seconds) : v; }
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/**
 * What `value` means in the field: a duration as its seconds (15m, 900s: 15m, 900 seconds), a number as a number
 * (2.0: 2), x<k> as what it made of the field (or "k times what is written" where units differ).
 */
function meaning(value: unknown, target: Target, written: Written): Meant {
  const k = scaleOf(value);
  const v = k === null ? value : target.at ? getIn(written, target.at) : undefined;
  if (k !== null && v === undefined) return say('vary.same-scale', { k: String(k) });
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const d = parseDuration(v);
    return d.ok ? say('vary.same-duration', { d: formatDuration(d.seconds), s: d.seconds }) : v;
  }
  if (typeof v === 'object') return stringifyYaml(plain(v), { collectionStyle: 'flow' }).trim();
  return String(v);
}

/** x<k> of a single duration that is not whole seconds times k: what it came to, before durations were rounded to whole seconds. */
interface Rounded { here: string; exact: Say; seconds: number }

/** `x1.0001` of 20m: 1200.12 s, rounded to 1200 s; undefined for a value that is not a scale, or one that needed no rounding. */
function roundedScale(value: unknown, target: Target, original: Written): Rounded | undefined {
  const k = scaleOf(value);
  const here = k !== null && target.at ? getIn(original, target.at) : undefined;
  if (k === null || typeof here !== 'string') return undefined;
  const d = parseDuration(here);
  if (!d.ok) return undefined;
  const exact = d.seconds * k;
  const seconds = Math.round(exact);
  if (exact === seconds || !Number.isSafeInteger(seconds)) return undefined;
  // as many decimals as it takes, up to 6 (1200.12, not 1200.1200000000001), or all of them where 6 would read whole
  // (1200.0000001); the whole and the fraction apart: '1200,12 giây'
  const six = Math.round(exact * 1e6) / 1e6;
  const [whole, frac = '0'] = String(Number.isInteger(six) ? exact : six).split('.');
  return { here: formatDuration(d.seconds), exact: say('vary.exact-seconds', { whole, frac }), seconds };
}

/** Two values that made the same scenario: named as written, with what they mean (the default, when one of them is unset). */
function sameValue(spec: VarySpec, a: { i: number; meant: Meant; rounded?: Rounded }, b: { i: number; meant: Meant; rounded?: Rounded }): Say {
  const params = { key: spec.key, a: spec.labels[a.i], b: spec.labels[b.i] };
  const text = (m: Meant) => (m === null ? null : typeof m === 'string' ? m : JSON.stringify(m));
  // `x1.0001,20m`: the same only once x1.0001 of 20m (1200.12 s) is rounded to whole seconds; 'both mean 20m' hid how
  const r = a.rounded ? a : b.rounded ? b : undefined;
  if (r && text(a.meant) === text(b.meant)) {
    const o = r === a ? b : a;
    const other = o.rounded ? say('vary.rounded-other', { label: spec.labels[o.i], exact: o.rounded.exact }) : say('quoted', { text: spec.labels[o.i] });
    return say('vary.same-rounded', { ...params, scale: spec.labels[r.i], here: r.rounded!.here, exact: r.rounded!.exact, s: r.rounded!.seconds, other });
  }
  if (text(a.meant) === text(b.meant)) return say('vary.same', { ...params, meant: a.meant ?? UNSET });
  const unset = a.meant === null ? a : b.meant === null ? b : null;
  if (unset) {
    const other = unset === a ? b : a;
    return say('vary.same-default', { key: spec.key, unset: spec.labels[unset.i], other: spec.labels[other.i], meant: other.meant! });
  }
  return say('vary.same-scenario', params);
}

/** `units.<field>`: the loader's one complaint about each unit, said once for all of them (units[*]). */
function sameForEveryUnit(messages: string[], lang: Lang): string[] {
  const groups = new Map<string, number>();
  for (const m of messages) { const k = m.replace(/\bunits\[\d+\]/, 'units[*]'); groups.set(k, (groups.get(k) ?? 0) + 1); }
  // a message about no unit that every value gets (`evacuation.zones.<id>.warning`: the path itself is wrong) is said once, not '(2 units)'
  return [...groups].map(([k, n]) => (n > 1 && /\bunits\[\*\]/.test(k) ? sayIn(say('vary.n-units', { said: k, n }), lang) : messages.find((m) => m.replace(/\bunits\[\d+\]/, 'units[*]') === k)!));
}

/**
 * A decisions file's problems under one value of a sweep, in the sweep's terms. A unit that `unit.<id>.copies=0`
 * removed, or a copy `<id>-3` that copies=2 does not make, was an "unknown unit 'tc-militia' (did you mean
 * 'hk-militia'?)": a planner went looking for a misspelling that was not there.
 */
export function inSweepTerms(issues: ScenarioIssue[], key: string, label: string, value: unknown): ScenarioIssue[] {
  const m = /^unit\.(.+)\.copies$/.exec(key);
  if (!m || typeof value !== 'number') return issues;
  const id = m[1];
  return issues.map((i) => {
    const words = i.words.message;
    const p = words.params;
    if (i.code !== 'unknown-id' || words.key !== 'ref.unknown' || typeof p?.value !== 'string' || typeof p.label !== 'object' || !('key' in p.label) || p.label.key !== 'label.unit') return i;
    const unit = p.value;
    const hint = say('vary.removed-hint', { label, unit });
    if (unit === id && value === 0) return reword(i, say('vary.removed-unit', { id, key, label }), hint);
    const copy = new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(unit);
    if (copy && Number(copy[1]) >= 2 && Number(copy[1]) > value) return reword(i, say('vary.copy-not-made', { unit, key, label, least: Number(copy[1]) }), hint);
    return i;
  });
}

/** Was this issue put in the sweep's terms (it names --vary and its value already)? */
export const saidInSweepTerms = (i: ScenarioIssue): boolean => i.words.message.key === 'vary.removed-unit' || i.words.message.key === 'vary.copy-not-made';
