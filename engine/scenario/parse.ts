/**
 * The loader: text (YAML, or JSON, which YAML reads too) -> Scenario, or every
 * problem found, each with file, line, column, path, code, message and hint.
 * Never throws for bad input, and does not read files (the CLI does).
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import { z } from 'zod';
import { checkScenario, type RawIssue } from './check.js';
export type { RawIssue };
import { didYouMean, formatPath, sortIssues, type PathSegment, type ScenarioIssue } from './issues.js';
import { DURATION_HINT, timeHint } from './duration.js';
import { COMMANDS, Scenario } from './schema.js';

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

export function parseScenario(text: string, file = '<scenario>'): ParseResult {
  const r = loadYaml(text, file, Scenario, checkScenario);
  return r.ok ? { ok: true, scenario: r.value, warnings: r.warnings } : r;
}

export type LoadResult<T> = {
  ok: true; value: T; warnings: ScenarioIssue[]; raw: unknown;
  /** line and column of a path in the file (a missing key: its parent), for messages about the value later on */
  place: (path: PathSegment[]) => { line: number; column: number };
} | { ok: false; issues: ScenarioIssue[] };

/**
 * Read a YAML/JSON text against a zod schema, with every problem placed at
 * its line and column: syntax, shape (the schema) and meaning (`check`, run
 * on the raw value so that it still reports when the shape is wrong).
 */
export function loadYaml<S extends z.ZodType>(text: string, file: string, schema: S, check?: (raw: unknown) => RawIssue[], what = 'scenario'): LoadResult<z.output<S>> {
  const at1 = (code: string, message: string, hint?: string): LoadResult<z.output<S>> => ({
    ok: false,
    issues: [{ file, line: 1, column: 1, path: '(top)', code, message, hint, severity: 'error' }],
  });
  if (text.includes('\u0000')) return at1('binary', `this is a binary file, not a ${what}`, `a ${what} is a YAML or JSON text file`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return at1('empty', 'the file is empty', STARTS[what] ?? `see the docs for the ${what} format`);
  // another of drillsim's files given in the wrong place: one line, not a complaint about every key of it
  // (a run log is JSON and may be large: known by its first line, before any parsing)
  const wrong = (kind: string) => at1('not-a-' + what.replace(/ /g, '-'), `this is a ${kind}, not a ${what}`, INSTEAD[`${kind}>${what}`] ?? STARTS[what]);
  if (what !== 'run log' && /^\s*\{\s*"format"\s*:\s*"drillsim\/run@/.test(text.slice(0, 200))) return wrong('run log');

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const issues: ScenarioIssue[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    issues.push({
      file, line: pos.line, column: pos.col, path: '(syntax)', code: 'yaml',
      message: yamlMessage(e.message),
      hint: e.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping' : 'fix the YAML syntax here',
      severity: 'error',
    });
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    issues.push({ file, line: 1, column: 1, path: '(top)', code: 'yaml', message: `the YAML cannot be read: ${(e as Error).message.split('\n')[0]}`, severity: 'error' });
    return { ok: false, issues: sortIssues(issues) };
  }
  if (raw === null || raw === undefined) {
    if (issues.length) return { ok: false, issues: sortIssues(issues) };
    return at1('empty', `the file holds no ${what} (only comments?)`);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ file, line: 1, column: 1, path: '(top)', code: 'not-a-' + what.replace(/ /g, '-'), message: `the file holds ${Array.isArray(raw) ? 'a list' : 'a single value'}, not a ${what}`, hint: what === 'scenario' ? "a scenario is a mapping that starts with 'drillsim: 1'" : undefined, severity: 'error' });
    return { ok: false, issues: sortIssues(issues) };
  }

  const kind = fileKind(raw as Record<string, unknown>);
  if (kind && kind !== what && issues.length === 0) return wrong(kind);

  const place = (path: PathSegment[], atKey = false) => position(doc, lineCounter, path, atKey);
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const zi of flattenZodIssues(schema, parsed.error.issues as ZodIssueLike[])) {
      const { line, column } = place(zi.path, zi.atKey);
      // the format key itself missing (`drillsim: 1`, `drillsim_decisions: 1`): say what the file must start with
      const hint = zi.code === 'missing' && zi.path.length === 1 && /^drillsim/.test(String(zi.path[0])) && STARTS[what] ? STARTS[what] : zi.code === 'unknown-key' ? commaInFlow(doc, zi.path) ?? zi.hint : zi.hint;
      issues.push({ file, line, column, path: formatPath(zi.path), code: zi.code, message: zi.message, hint, severity: 'error' });
    }
  }
  for (const ri of check ? check(raw) : []) {
    const { line, column } = place(ri.path, ri.atKey);
    issues.push({ file, line, column, path: formatPath(ri.path), code: ri.code, message: ri.message, hint: ri.hint, severity: ri.severity });
  }
  // a syntax error garbles the value around it: a shape complaint on those lines says the same thing again
  const syntaxLines = new Set(issues.filter((i) => i.code === 'yaml').flatMap((i) => [i.line, i.line - 1]));
  const kept = syntaxLines.size ? issues.filter((i) => i.code === 'yaml' || !syntaxLines.has(i.line) || i.code === 'duplicate-id' || i.code === 'unknown-id') : issues;
  const sorted = sortIssues(dedupe(kept));
  const errors = sorted.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !parsed.success) return { ok: false, issues: sorted };
  return { ok: true, value: parsed.data, warnings: sorted, raw, place: (path) => place(path) };
}

/** How each of drillsim's files starts: the hint when a file is missing its first key, or is another kind of file. */
const STARTS: Record<string, string> = {
  scenario: "a scenario starts with 'drillsim: 1'; see docs/scenario-format.md",
  'decisions file': 'a decisions file starts with drillsim_decisions: 1; see docs/trainee.md',
};

/** What to do with the file given instead, where there is more to say than how the expected file starts. */
const INSTEAD: Record<string, string> = {
  'decisions file>scenario': 'give the scenario here, and this file with --decisions: drill run <scenario> --decisions <file>',
  'run log>scenario': 'a run log is read by drill verify, report, compare, fork and view; it holds its scenario',
};

/** Which of drillsim's files a mapping is, by the key each starts with (undefined: none of them, or unclear). */
function fileKind(raw: Record<string, unknown>): string | undefined {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(raw, k);
  if (typeof raw.format === 'string' && raw.format.startsWith('drillsim/run@')) return 'run log';
  if (has('drillsim') && !has('drillsim_decisions')) return 'scenario';
  if (has('drillsim_decisions') && !has('drillsim')) return 'decisions file';
  return undefined;
}

/** Written form of a scenario: YAML (for people) or JSON; parses back to an equal scenario. */
export function serializeScenario(s: Scenario, format: 'yaml' | 'json' = 'yaml'): string {
  const written = z.encode(Scenario, s);
  return format === 'json' ? JSON.stringify(written, null, 2) + '\n' : stringify(written, { lineWidth: 0 });
}

/** One canonical text per scenario (compact JSON of the written form): what run logs embed and hash. */
export function canonicalScenarioText(s: Scenario): string {
  return JSON.stringify(z.encode(Scenario, s));
}

// ---------------------------------------------------------------- a comma in a flow mapping

/** Keys whose value is prose (a scenario's texts, a decision's message): a comma in them is likely, ids have none. */
const TEXT_KEYS = new Set(['vi', 'en', 'message', 'subject', 'name', 'title', 'summary', 'hazard_summary', 'label', 'text', 'from']);

/**
 * `{ do: public_info, message: Không về nhà, sạt lở vẫn tiếp diễn }`: in a
 * flow mapping the comma ends the text and what follows is read as a key with
 * no value. For such a key (at `path`), the hint that says so, with the text
 * quoted as it was meant; undefined when the key does not look like that.
 */
function commaInFlow(doc: Document, path: PathSegment[]): string | undefined {
  let node: unknown = doc.contents;
  for (const seg of path.slice(0, -1)) {
    if (isMap(node)) node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  if (!isMap(node) || !node.flow) return undefined;
  const pairs = node.items;
  const keyOf = (p: (typeof pairs)[number]) => (isScalar(p.key) ? String(p.key.value) : undefined);
  const empty = (p: (typeof pairs)[number]) => p.value === null || (isScalar(p.value) && p.value.value === null);
  const at = pairs.findIndex((p) => keyOf(p) === String(path[path.length - 1]));
  if (at < 0 || !empty(pairs[at])) return undefined;
  let first = at;
  while (first > 0 && empty(pairs[first - 1])) first--;
  const before = pairs[first - 1];
  if (!before || !isScalar(before.value) || typeof before.value.value !== 'string' || before.value.type !== 'PLAIN') return undefined;
  const key = keyOf(before)!;
  if (!TEXT_KEYS.has(key) && !/\s/.test(String(path[path.length - 1]))) return undefined;
  const parts = [before.value.value];
  for (let i = first; i < pairs.length && empty(pairs[i]); i++) parts.push(keyOf(pairs[i]) ?? '');
  const meant = parts.join(', ');
  return `a comma inside { ... } starts a new key: put the text in quotes, as in ${key}: ${/["\\]/.test(meant) ? `'${meant.replace(/'/g, "''")}'` : `"${meant}"`}`;
}

// ---------------------------------------------------------------- positions

function position(doc: Document, lc: LineCounter, path: PathSegment[], atKey: boolean): { line: number; column: number } {
  // walk down as far as the document goes; a missing key points at its parent
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = undefined;
      node = node.items[seg];
    } else break;
  }
  const target = atKey && isNode(keyNode) ? keyNode : isNode(node) ? node : isNode(keyNode) ? keyNode : undefined;
  const offset = target?.range?.[0] ?? 0;
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.line}:${i.column}:${i.code}:${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---------------------------------------------------------------- zod issues, for people

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  input?: unknown;
  keys?: string[];
  values?: unknown[];
  errors?: ZodIssueLike[][];
  note?: string;
  discriminator?: string;
  options?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  format?: string;
  params?: { code?: string; hint?: string };
}

interface Flat extends RawIssue {}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text '${v.length > 40 ? v.slice(0, 40) + '...' : v}'`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

const EXPECTED: Record<string, string> = {
  string: 'a text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping',
  tuple: 'a list', record: 'a mapping',
};

function flattenZodIssues(root: z.ZodType, list: ZodIssueLike[], base: PathSegment[] = []): Flat[] {
  const out: Flat[] = [];
  for (const zi of list) {
    const path = [...base, ...(zi.path as PathSegment[])];
    out.push(...explain(root, zi, path));
  }
  return out;
}

function explain(root: z.ZodType, zi: ZodIssueLike, path: PathSegment[]): Flat[] {
  const mk = (code: string, message: string, hint?: string, atKey = false): Flat[] => [{ path, code, message, hint, severity: 'error', atKey }];
  const key = path[path.length - 1];
  switch (zi.code) {
    case 'invalid_type': {
      if (zi.input === undefined) return mk('missing', `missing required key '${String(key)}'`, `add '${String(key)}:'`);
      // `horizon: 240`: a duration needs its unit (seconds? minutes?), and the message should say so, not 'expected a text'
      if (typeof zi.input === 'number' && zi.expected === 'string' && isDurationAt(root, path)) {
        return mk('duration', `${describeValue(zi.input)} is not a duration: a number alone has no unit`, DURATION_HINT.replace('write it like', 'write it with its unit, like'));
      }
      return mk('type', `expected ${EXPECTED[zi.expected ?? ''] ?? zi.expected}, got ${describeValue(zi.input)}`);
    }
    case 'unrecognized_keys':
      return (zi.keys ?? []).map((k) => {
        const known = knownKeys(root, [...path, k], zi.input);
        // `{ vi: a, b }` in flow style: the comma started a new key
        const comma = /\s/.test(k) && known.includes('vi') ? "a comma inside { ... } starts a new key: put the text in quotes" : undefined;
        return { path: [...path, k], code: 'unknown-key', message: `unknown key '${k}'`, hint: comma ?? didYouMean(k, known) ?? 'remove it', severity: 'error' as const, atKey: true };
      });
    case 'invalid_value':
      // a required key with a fixed value (`drillsim: 1`) that is not there at all: say it is missing
      if (zi.input === undefined) {
        const vals = (zi.values ?? []).map(String);
        return mk('missing', `missing required key '${String(key)}'`, vals.length === 1 ? `add '${String(key)}: ${vals[0]}'` : vals.length ? `add '${String(key)}:', one of: ${vals.join(', ')}` : `add '${String(key)}:'`);
      }
      return mk('enum', `${describeValue(zi.input)} is not allowed here`, zi.values ? (typeof zi.input === 'string' ? didYouMean(zi.input, zi.values.map(String)) ?? `one of: ${zi.values.join(', ')}` : `one of: ${zi.values.join(', ')}`) : undefined);
    case 'too_small':
      if (zi.origin === 'array') return mk('too-few', `needs at least ${zi.minimum} item${zi.minimum === 1 ? '' : 's'}`);
      return mk('range', `${describeValue(zi.input)} is too small: it must be ${zi.inclusive ? 'at least' : 'more than'} ${zi.minimum}`);
    case 'too_big':
      if (zi.origin === 'array') return mk('too-many', `has more than ${zi.maximum} items`);
      return mk('range', `${describeValue(zi.input)} is too large: it must be ${zi.inclusive ? 'at most' : 'less than'} ${zi.maximum}`);
    case 'invalid_format':
      if (zi.format === 'regex' && typeof key === 'string' && (key === 'id' || /^(parent|base|home|area|node|kind|to|zone|unit|edge|hazard|shelter|incident|of|default|for)$/.test(key))) {
        return mk('id', `'${String(zi.input)}' is not a valid id`, 'ids use lower-case letters, digits, ".", "_" and "-" (no spaces or diacritics)');
      }
      // a time since T0 (`at:`, `hazard_arrives:`): say so, and the form to write (`05:40` -> T+05:40)
      if (zi.format === 'regex' && zi.message === 'not a time' && typeof zi.input === 'string') return mk('time', `'${zi.input}' is not a time`, timeHint(zi.input));
      if (zi.format === 'regex') return mk('duration', typeof zi.input === 'string' ? `'${zi.input}' is not a duration` : zi.message.replace(/^Invalid string: /, ''), DURATION_HINT);
      if (zi.format === 'datetime') return mk('datetime', `'${String(zi.input)}' is not a date-time with a UTC offset`, "write it like '2022-10-02T21:00:00+07:00'");
      return mk('format', zi.message);
    case 'invalid_union': {
      if (zi.note === 'No matching discriminator' || zi.discriminator) {
        // zod's path already ends at the discriminator (`decisions[0].do`); older shapes may stop at the entry
        const disc = zi.discriminator ?? 'do';
        const at = path[path.length - 1] === disc ? path : [...path, disc];
        const v = zi.input && typeof zi.input === 'object' ? (zi.input as Record<string, unknown>)[disc] : undefined;
        // the commands this union takes (a decisions file takes more than a scenario's doctrine)
        const known = zi.options?.length ? zi.options.map(String) : [...COMMANDS];
        if (v === undefined) return [{ path: at, code: 'missing', message: `missing required key '${disc}' (the command)`, hint: `add '${disc}:', one of: ${known.join(', ')}`, severity: 'error' }];
        return [{ path: at, code: 'unknown-command', message: `unknown command '${String(v)}'`, hint: typeof v === 'string' ? didYouMean(v, known) : `one of: ${known.join(', ')}`, severity: 'error' }];
      }
      // prefer the branch that got furthest into the value: its problems are the specific ones
      const branches = (zi.errors ?? []).map((b) => flattenZodIssues(root, b, path));
      let best: Flat[] | undefined;
      let bestDepth = path.length;
      for (const b of branches) {
        if (b.length === 0) continue;
        const depth = Math.min(...b.map((i) => i.path.length));
        const meaningful = b.every((i) => i.code !== 'unknown-key' || i.path.length > path.length + 1);
        if (meaningful && depth > bestDepth) { best = b; bestDepth = depth; }
      }
      if (best) return best;
      const customs = branches.flat().filter((i) => i.code !== 'type' && i.code !== 'unknown-key' && i.code !== 'missing' && i.path.length === path.length);
      if (customs.length) return [customs[0]];
      if (zi.input === undefined) return mk('missing', `'${String(key)}' has no value`, describeAt(root, path));
      if (typeof zi.input === 'number' && isDurationAt(root, path)) {
        return mk('duration', `${describeValue(zi.input)} is not a duration: a number alone has no unit`, DURATION_HINT.replace('write it like', 'write it with its unit, like'));
      }
      return mk('form', `${describeValue(zi.input)} does not have any of the allowed forms`, describeAt(root, path) ?? 'see docs/scenario-format.md');
    }
    case 'custom':
      return mk(zi.params?.code ?? 'invalid', zi.message, zi.params?.hint);
    default:
      return mk(zi.code.replace(/_/g, '-'), zi.message);
  }
}

// ---------------------------------------------------------------- walking the schema, for hints

function unwrap(s: any): any {
  for (let i = 0; i < 20 && s; i++) {
    const def = s._zod?.def;
    if (!def) return s;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
  return s;
}

function schemaAt(root: z.ZodType, path: PathSegment[]): any {
  let s: any = unwrap(root);
  for (const seg of path) {
    const def = s?._zod?.def;
    if (!def) return undefined;
    if (def.type === 'object' && typeof seg === 'string') s = unwrap(def.shape[seg]);
    else if (def.type === 'array' && typeof seg === 'number') s = unwrap(def.element);
    else if (def.type === 'record') s = unwrap(def.valueType);
    else return undefined;
  }
  return s;
}

/** The keys allowed where an unknown key was found; in a union tagged by `do:`, those of the entry's own command. */
function knownKeys(root: z.ZodType, path: PathSegment[], input?: unknown): string[] {
  const s = schemaAt(root, path.slice(0, -1));
  const def = s?._zod?.def;
  if (def?.type === 'object') return Object.keys(def.shape);
  if (def?.type === 'union') {
    let options: any[] = def.options.map(unwrap);
    const disc: string | undefined = def.discriminator;
    const tag = disc && input && typeof input === 'object' ? (input as Record<string, unknown>)[disc] : undefined;
    if (tag !== undefined) {
      const mine = options.filter((o) => o?._zod?.propValues?.[disc!]?.has(tag));
      if (mine.length) options = mine;
    }
    return [...new Set(options.flatMap((o: any) => (o?._zod?.def?.type === 'object' ? Object.keys(o._zod.def.shape) : [])))];
  }
  return [];
}

/** The schema at `path` as the field declares it (schemaAt unwraps it: the field's own description is on the wrapper). */
function fieldSchemaAt(root: z.ZodType, path: PathSegment[]): any {
  let s: any = root;
  for (const seg of path) {
    const def = unwrap(s)?._zod?.def;
    if (def?.type === 'object' && typeof seg === 'string') s = def.shape[seg];
    else if (def?.type === 'array') s = def.element;
    else if (def?.type === 'record') s = def.valueType;
    else return undefined;
  }
  return s;
}

/** Is the schema at `path` a duration (a field may describe itself otherwise: the codec's text says it)? */
function isDurationAt(root: z.ZodType, path: PathSegment[]): boolean {
  const s = fieldSchemaAt(root, path);
  const isDuration = (x: any, depth: number): boolean => {
    for (let i = 0; i < 8 && x; i++) {
      if (typeof x.description === 'string' && x.description.startsWith('duration or time since T0')) return true;
      const def = x._zod?.def;
      // a duration or a distribution of durations: any form that is a duration will do
      if (def?.type === 'union' && depth < 2) return (def.options as unknown[]).some((o) => isDuration(o, depth + 1));
      x = def?.innerType ?? def?.in;
    }
    return false;
  };
  return isDuration(s, 0);
}

function describeAt(root: z.ZodType, path: PathSegment[]): string | undefined {
  let s = fieldSchemaAt(root, path);
  for (let i = 0; i < 6 && s; i++) {
    if (s.description) return `expected ${s.description}`;
    const def = s._zod?.def;
    s = def?.innerType ?? def?.in;
  }
  return undefined;
}
