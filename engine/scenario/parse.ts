/**
 * The loader: text (YAML, or JSON, which YAML reads too) -> Scenario, or every
 * problem found, each with file, line, column, path, code, message and hint.
 * Never throws for bad input, and does not read files (the CLI does).
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { checkScenario, COUNT_KEYS, type CheckOptions, type RawIssue, type SourceText } from './check.js';
import { coverage } from './coverage.js';
export type { RawIssue, SourceText };
import { didYouMeanSay, editDistance, formatPath, idHintSay, issue, nearest, reword, sortIssues, type PathSegment, type ScenarioIssue } from './issues.js';
import { durationHintSay, formatClock, formatDuration, parseDuration, suggestDuration, timeHintSay, tooLongToBeDuration } from './duration.js';
import { clockAdviceSay, dateAndClock } from './msel-bare-times.js';
import { pad2 } from './calendar.js';
import { colonInText, indentationSlips, unclosedFlows } from './indentation.js';
import { lookalikesInStructure, structureWords } from './lookalikes.js';
import { DESCRIPTIONS_VI } from './issue-words.js';
import { asJsonSay, followedBy, joined, say, type IssueKey, type Say } from './say.js';
import { CAPABILITIES, COMMANDS, ID_PATTERN_MESSAGE, ID_RE, MODES, Offset, Scenario, Text } from './schema.js';
import { textsCutByComment } from './comment-in-text.js';
import { colonInFlow, flowWithTextsQuoted, quoteClosed, quoteEndsEarly, quotedText, runawayQuotes, textAfterQuote, unclosedQuote, commentAteSeparator } from './flow-text.js';

export type ParseResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

/** `embedded`: the scenario a run log carries (CheckOptions): checked but for the bounds on writing a log. */
export function parseScenario(text: string, file = '<scenario>', opts: CheckOptions = {}): ParseResult {
  const json = isJsonFile(text.replace(/^\uFEFF/, ''), file);
  const canonical = readCanonical(text, opts);
  if (canonical) return { ok: true, scenario: json ? writtenAs(canonical, 'json') : canonical, warnings: [] };
  const r = loadYaml(text, file, Scenario, (raw, source) => checkScenario(raw, source, opts));
  if (r.ok) {
    // coverage reads the scenario as parsed: only once it is valid
    const more = coverage(r.value).map((ri) => issue({ file, ...r.place(ri.path), path: formatPath(ri.path), code: ri.code, severity: ri.severity }, ri.message, ri.hint));
    return { ok: true, scenario: json ? writtenAs(r.value, 'json') : r.value, warnings: more.length ? sortIssues([...r.warnings, ...more]) : r.warnings };
  }
  const doc = r.raw as { start?: unknown; horizon?: unknown } | undefined;
  const horizon = typeof doc?.horizon === 'string' ? parseDuration(doc.horizon) : null;
  return { ok: false, issues: typeof doc?.start === 'string' && horizon?.ok ? withClockReadings(r.issues, doc.start, horizon.seconds) : r.issues };
}

/**
 * The scenarios read from a file written in JSON. A message about another file that shows a snippet of the
 * scenario (a decisions file told to mark an area `coast: true` in it) shows it as the scenario is written.
 * Kept beside the value, not in it: the scenario's canonical text, and so every run log's hash, stay as they are.
 */
const WRITTEN_IN_JSON = new WeakSet<Scenario>();

/** Whether `s` was read from a file written in JSON (or made from one by --vary). */
export function writtenInJson(s: Scenario): boolean {
  return WRITTEN_IN_JSON.has(s);
}

/** `s`, known to be written as JSON (or as `like` is, a scenario it was made from); returns `s`. */
export function writtenAs(s: Scenario, like: Scenario | 'json'): Scenario {
  if (like === 'json' || WRITTEN_IN_JSON.has(like)) WRITTEN_IN_JSON.add(s);
  return s;
}

/**
 * A scenario as a run log embeds it (canonicalScenarioText: exactly the JSON of the encoded scenario), read
 * with JSON.parse and checked like any other: the YAML reader, cold, was most of the time a viewer took to
 * read a log's scenario. Only a text that is that JSON to the byte and has not a single issue, error or
 * warning, is read here: the YAML reader gives the same value for it (JSON is YAML, and canonical JSON has no
 * duplicate keys and no number written two ways). Anything else (null) goes the YAML way, which also places
 * every issue at its line.
 */
function readCanonical(text: string, opts: CheckOptions): Scenario | null {
  if (text.charCodeAt(0) !== 0x7b) return null; // '{'
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || fileKind(raw as Record<string, unknown>) !== 'scenario') return null;
  if (JSON.stringify(raw) !== text) return null;
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) return null;
  // the value as written (the check of thousands separators reads it): in canonical JSON, its JSON
  const written = (path: PathSegment[]): string | undefined => {
    let v: unknown = raw;
    for (const k of path) {
      if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
      v = (v as Record<string | number, unknown>)[k];
    }
    return typeof v === 'object' && v !== null ? undefined : JSON.stringify(v);
  };
  if (checkScenario(raw, { written }, opts).length > 0 || coverage(parsed.data).length > 0) return null;
  return parsed.data;
}

/** `20h20`, `20:20`, `8h`, `20 giờ 20`, `20.20`, `2020`: a time of day as people write it (Vietnamese `20h20` is the clock, not a length). */
const CLOCK_WRITTEN = /^(\d{1,2})\s*(?::|h|giờ|\.|(?=\d{2}$))\s*(\d{2})?\s*(?:phút|p)?$/i;

/**
 * A time written as the clock reads in an MSEL, `0030`, `1830` or `18.30`: YAML reads a number (30, 1830, 18.3),
 * which said as 'the number 30 is not a duration' hides what was written; as written, it reads as that clock.
 */
function clockAsNumber(written: string | undefined): { written: string; clock: string } | undefined {
  const m = written === undefined ? null : /^(\d{1,2})\.?(\d{2})$/.exec(written.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return { written: written!.trim(), clock: `${m[1].padStart(2, '0')}:${m[2]}` };
}

/** Is the schema at `path` a list of mappings (a decision option's `commands`), not of ids or numbers? */
function entriesAt(root: z.ZodType, path: PathSegment[]): boolean {
  const type = unwrap(fieldSchemaAt(root, [...path, 0]))?._zod?.def?.type;
  return type === 'object' || type === 'union';
}

/** Is the schema at `path` a time since T0 (`at:`), not a length of time? */
function isTimeAt(root: z.ZodType, path: PathSegment[]): boolean {
  return unwrap(fieldSchemaAt(root, path)) === unwrap(Offset);
}

/**
 * What a time written as a bare number (`at: 600`) may have meant, as a hint: a number alone has no unit, so each
 * reading with its unit and the T+ it comes to: seconds (a run log's unit, and the objectives' `_s`), minutes,
 * hours (below 100) and, when it reads as hours and minutes (600, 1430: an MSEL's clock without its colon), that T+ and, from the
 * scenario's start, the clock time's. Readings past the horizon are left out (when it is known); none left: the
 * forms to write.
 */
export function bareTimeHint(n: number, horizon_s?: number, start?: string): Say {
  const fits = (t: number) => horizon_s === undefined || t <= horizon_s;
  const forms = (written: string, t: number) => joined(written === formatDuration(t) ? [written] : [written, formatDuration(t)], 'sep.or');
  const readings: Say[] = [];
  if (fits(n)) readings.push(say('time.reading-seconds', { n, written: forms(`${n}s`, n), t: formatClock(n) }));
  if (n > 0 && fits(n * 60)) readings.push(say('time.reading-minutes', { n, written: forms(`${n}m`, n * 60), t: formatClock(n * 60) }));
  // hours only for a number that may count them (from 100 on, a number reads as hours and minutes below)
  if (n > 0 && n < 100 && fits(n * 3600)) readings.push(say('time.reading-hours', { n, written: forms(`${n}h`, n * 3600), t: formatClock(n * 3600) }));
  const hhmm = n >= 100 && n <= 2359 && n % 100 <= 59 ? Math.floor(n / 100) * 3600 + (n % 100) * 60 : undefined;
  if (hhmm !== undefined && fits(hhmm)) readings.push(say('time.reading-hhmm', { t: formatClock(hhmm) }));
  const clock = hhmm !== undefined && start !== undefined && horizon_s !== undefined ? clockAdviceSay(hhmm, start, horizon_s) : undefined;
  // only the clock time's reading left: it is the hint; nothing at all: the forms
  if (readings.length === 0) return clock?.key === 'clock.if-meant' ? clock : say('duration.with-unit');
  return followedBy(readings.reduce((a, b) => say('join.semicolon', { a, b })), clock)!;
}

/**
 * What a length of time written as a bare number (`mobilisation: 90`) may have meant, as a hint: each reading with
 * its unit, seconds, minutes and hours (below 100), as for a time; the forms alone would offer '90s' to one who
 * meant 90 minutes. Not a whole number above 0: the forms to write.
 */
export function bareDurationHint(n: unknown): Say {
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0 || n > 1e9) return say('duration.with-unit');
  const forms = (written: string, t: number) => joined(written === formatDuration(t) ? [written] : [written, formatDuration(t)], 'sep.or');
  const readings = [
    say('duration.reading-seconds', { n, written: forms(`${n}s`, n) }),
    say('duration.reading-minutes', { n, written: forms(`${n}m`, n * 60) }),
    ...(n < 100 ? [say('duration.reading-hours', { n, written: forms(`${n}h`, n * 3600) })] : []),
  ];
  return readings.reduce((a, b) => say('join.semicolon', { a, b }));
}

/** The keys of a command (or an expected action) that name one thing by its id. */
const ONE_ID_KEYS = new Set(['unit', 'incident', 'zone', 'shelter', 'area', 'edge', 'inject']);

/**
 * A list of ids where a command names one (`unit: [tc-militia, tc-health]`): 'expected a text, got a list' said
 * nothing of what to do. A decision is one order: one decision for each, the rest of it the same; a command among
 * an option's `commands:`, one command for each; an expected action (an inject expects one), one of them.
 */
function oneIdEach(raw: unknown, path: PathSegment[], what: string): Say | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string' || !ONE_ID_KEYS.has(key)) return undefined;
  let entry: unknown = raw;
  for (const k of path.slice(0, -1)) entry = entry !== null && typeof entry === 'object' ? (entry as Record<string | number, unknown>)[k] : undefined;
  const e = asRecord(entry);
  const list = e?.[key];
  if (!e || typeof e.do !== 'string' || !Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string')) return undefined;
  // `zone: [ta-ca-riverside]`: the one id, without its brackets
  if (list.length === 1) return say('one-id.unbracket', { key, id: list[0] });
  const ids = joined(list as string[], 'sep.and');
  const others = Object.keys(e).filter((k) => k !== key && k !== 'do').map((k) => say('ref.key', { path: k }));
  const same = others.length > 1 ? say('list.and', { list: joined(others.slice(0, -1)), last: others[others.length - 1] }) : others.join('');
  const params = { key, do: e.do, ids, n: list.length, same };
  if (path[path.length - 2] === 'expected') return say('one-id.expected', { ...params, ids: joined(list as string[], 'sep.or') });
  if (what === 'decisions file' && path.length === 3 && path[0] === 'decisions') return say(others.length ? 'one-id.decision' : 'one-id.decision-alone', params);
  return say(others.length ? 'one-id.command' : 'one-id.command-alone', params);
}

/** A whole number written alone where a time goes (`at: 600`, `at: "600"`), as a number; undefined for anything else. */
function bareTimeNumber(written: string | undefined): number | undefined {
  const m = written === undefined ? null : /^\s*["']?(\d{1,9})["']?\s*$/.exec(written);
  // 0030: the clock as an MSEL writes it (clockAsNumber), not a count
  return m && !/^0\d/.test(m[1]) ? Number(m[1]) : undefined;
}

/**
 * A time refused at `at:` that reads as a time of day (`20h20`): its hint gives the time since T0 to write for
 * that clock time as well, from the scenario's start (`T+00:20` when the drill starts at 20:00), since the
 * planner most likely meant the clock. (Used for decisions files too, with their scenario's start.)
 */
export function withClockReadings(issues: ScenarioIssue[], start: string, horizon_s: number): ScenarioIssue[] {
  return issues.map((i) => {
    // `at: 600`: its readings as seconds, minutes or a clock, now that the horizon and the start are known
    if (i.words.message.key === 'time.number' && typeof i.words.message.params?.n === 'number') return reword(i, i.words.message, bareTimeHint(i.words.message.params.n, horizon_s, start));
    // `at: 14h` reads as a length (T+14:00), past the end of a 12 h drill; a Vietnamese planner wrote the clock time 14:00
    const past = i.code === 'outside-horizon' ? i.words.message.params?.at : undefined;
    const hour = typeof past === 'string' ? /^(\d{1,2})h$/i.exec(past.trim()) : null;
    if (hour && Number(hour[1]) <= 23) {
      // only when the clock reading falls inside the drill: else it is no answer either
      const advice = clockAdviceSay(Number(hour[1]) * 3600, start, horizon_s);
      return advice?.key === 'clock.if-meant' ? reword(i, i.words.message, followedBy(i.words.hint, advice)) : i;
    }
    const written = i.code === 'time' ? /^'(.+)' is not a time$/.exec(i.message)?.[1] : undefined;
    const m = written === undefined ? null : CLOCK_WRITTEN.exec(written.trim());
    if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) return i;
    const seconds = Number(m[1]) * 3600 + Number(m[2] ?? 0) * 60;
    const advice = clockAdviceSay(seconds, start, horizon_s);
    // the T+ reading past the end (17:00 in a 12 h drill) is no answer: followed, it is refused again as outside the horizon
    const sinceStart = seconds > horizon_s && i.hint?.startsWith(`write ${formatClock(seconds)},`)
      ? say('clock.after-end', { clock: formatClock(seconds), end: formatClock(horizon_s) })
      : i.words.hint;
    return advice ? reword(i, i.words.message, followedBy(sinceStart, advice)) : i;
  });
}

export type LoadResult<T> = {
  ok: true; value: T; warnings: ScenarioIssue[]; raw: unknown;
  /** line and column of a path in the file (a missing key: its parent), for messages about the value later on */
  place: (path: PathSegment[]) => { line: number; column: number };
} | { ok: false; issues: ScenarioIssue[]; /** the document as read, when it read (its shape or meaning is what is wrong) */ raw?: unknown };

/**
 * Read a YAML/JSON text against a zod schema, with every problem placed at
 * its line and column: syntax, shape (the schema) and meaning (`check`, run
 * on the raw value so that it still reports when the shape is wrong).
 */
export function loadYaml<S extends z.ZodType>(text: string, file: string, schema: S, check?: (raw: unknown, source: SourceText) => RawIssue[], what = 'scenario'): LoadResult<z.output<S>> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!isJsonFile(text, file)) return loadText(text, file, schema, check, what);
  // `//` and `/* */` comments, which JSON has not and YAML reads as text (`"seed": 7, // the seed` made a key of the
  // comment and the key after it): each said where it is, and the rest read without them
  const comments = jsonComments(text);
  const r = loadText(comments.length ? blankOut(text, comments) : text, file, schema, check, what);
  const said = comments.map((c) => {
    const { line, column } = lineAndColumn(text, c.start);
    const written = text.slice(c.start, c.end).split(/\r?\n/);
    const shown = written.length > 1 ? `${written[0].trimEnd()} ... */` : written[0].trimEnd();
    return issue({ file, line, column, path: '(syntax)', code: 'yaml', severity: 'error' },
      say('json.comment', { comment: shown.length > 48 ? shown.slice(0, 45) + '...' : shown }), say('json.comment-hint'));
  });
  if (said.length) return { ok: false, issues: sortIssues([...said, ...(r.ok ? r.warnings : r.issues)]).map(asJson), raw: r.raw };
  return r.ok ? { ...r, warnings: r.warnings.map(asJson) } : { ...r, issues: r.issues.map(asJson) };
}

/**
 * Is this a file written in JSON, whose messages show their snippets as JSON: a `.json` file that starts as JSON
 * does (a '{' or a '[', after any comments). A `.json` file written in YAML is told in YAML.
 */
export function isJsonFile(text: string, file: string): boolean {
  return /\.json$/i.test(file) && /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*[{[]/.test(text);
}

/** An issue said to a file written in JSON (loadYaml says each so; a caller that rewords one says it again). */
export function asJson(i: ScenarioIssue): ScenarioIssue {
  // (a problem of the whole file, another of drillsim's files given here: its hint is of the file expected, not of this one's text;
  // but a list or a single value where the file's mapping goes is told what this file, in JSON, holds instead)
  if (i.whole && i.words.message.key !== 'top.list' && i.words.message.key !== 'top.value') return i;
  return i.words.message.as === 'json' && (i.words.hint === undefined || i.words.hint.as === 'json') ? i : reword(i, asJsonSay(i.words.message), asJsonSay(i.words.hint));
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: at - nl };
}

/**
 * The comments of a JSON text (`// ...` to the end of its line, `/* ... *\/`), outside its texts in double quotes
 * (`"https://..."` is none). One starts where a value or a key may (after a space, a line's start, or a bracket or
 * comma): `http://x`, written bare in a file that is YAML after all, is a text.
 */
function jsonComments(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c !== '/' || (text[i + 1] !== '/' && text[i + 1] !== '*') || (i > 0 && !/[\s,{}[\]]/.test(text[i - 1]))) continue;
    let end: number;
    if (text[i + 1] === '/') {
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      if (text[end - 1] === '\r') end--;
    } else {
      end = text.indexOf('*/', i + 2);
      end = end < 0 ? text.length : end + 2;
    }
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}

/** The text with these stretches as spaces (their line breaks kept): what follows keeps its line and column. */
function blankOut(text: string, stretches: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const s of stretches) {
    out += text.slice(at, s.start) + text.slice(s.start, s.end).replace(/[^\r\n]/g, ' ');
    at = s.end;
  }
  return out + text.slice(at);
}

function loadText<S extends z.ZodType>(text: string, file: string, schema: S, check?: (raw: unknown, source: SourceText) => RawIssue[], what = 'scenario'): LoadResult<z.output<S>> {
  // a problem of the whole file (empty, binary, another kind of file): it has no line, and none is shown
  const whole = (code: string, message: Say, hint?: Say): ScenarioIssue => issue({ file, line: 1, column: 1, path: '(top)', code, severity: 'error', whole: true }, message, hint);
  const at1 = (code: string, message: Say, hint?: Say): LoadResult<z.output<S>> => ({ ok: false, issues: [whole(code, message, hint)] });
  const starts = STARTS[what] ?? say('starts.other', { what: fileWord(what) });
  if (text.includes('\u0000')) return at1('binary', say('binary.message', { what_a: fileWord(what, true), what: fileWord(what) }), say('binary.hint', { what_a: fileWord(what, true), what: fileWord(what) }));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return at1('empty', say('empty.message'), starts);
  // another of drillsim's files given in the wrong place: one line, not a complaint about every key of it
  // (a run log is JSON and may be large: known by its first line, before any parsing)
  const wrong = (kind: string) => at1('not-a-' + what.replace(/ /g, '-'), say('wrong.message', { kind_a: fileWord(kind, true), what_a: fileWord(what, true), what: fileWord(what) }), INSTEAD[`${kind}>${what}`] ?? STARTS[what]);
  if (what !== 'run log' && /^\s*\{\s*"format"\s*:\s*"drillsim\/run@/.test(text.slice(0, 200))) return wrong('run log');
  // batch results given for a scenario were a page of 'missing required key' about each of a scenario's keys
  if (/^\s*\{\s*"format"\s*:\s*"drillsim\/batch@/.test(text.slice(0, 200))) return wrong('batch results');

  const lineCounter = new LineCounter();
  // merge keys (`<<: *militia`): similar units written once, as YAML 1.1 has it; positions follow them (nodeAt)
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error', merge: true });
  const issues: ScenarioIssue[] = [];
  // a non-breaking space, a full-width colon or a dash from Word where YAML needs its own character: the file looks
  // right and the parser says 'implicit keys need to be on a single line', or reads a key ' crew' and says nothing.
  // The character named, at its place, alone: what the parser says after it is its doing (as for a tab)
  const looks = lookalikesInStructure(text);
  if (looks.length) {
    const failed = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
    const firstError = Math.min(...failed.map((e) => (e.linePos?.[0] ?? lineCounter.linePos(e.pos[0])).line));
    if (failed.length === 0 || looks[0].line <= firstError + 1) {
      return { ok: false, issues: looks.map((l) => {
        const w = structureWords(l);
        return issue({ file, line: l.line, column: l.column, path: '(syntax)', code: 'yaml', severity: 'error' }, w.message, w.hint);
      }) };
    }
  }
  // a list indented under the last entry of the list above it (evacuation's 'shelters:' under its last zone): said
  // once, and put back where it belongs before anything else is read, so that nothing is said of the mix it made
  const misplaced = listsUnderLastItem(doc, schema, lineCounter);
  for (const m of misplaced) issues.push(issue({ file, line: m.line, column: m.column, path: formatPath(m.path), code: 'indentation', severity: 'error' }, m.message, m.hint));
  // a list entry whose '- ' was left out: its keys run on into the entry above, each one 'written a second time'
  const runOn: { from: number; to: number }[] = [];
  const read = doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return { e, pos, twice: e.code === 'DUPLICATE_KEY' ? keyWrittenBefore(text, pos.line) : undefined };
  });
  for (const { e, pos, twice } of read) {
    // the misplaced list's key and the entry's own one: said above
    if (e.code === 'DUPLICATE_KEY' && misplaced.some((m) => m.lines.includes(pos.line))) continue;
    if (twice && runOn.some((r) => twice.line >= r.from && pos.line > r.to)) continue;
    const dash = twice ? /^(\s*)-\s+/.exec(text.split(/\r?\n/)[twice.line - 1] ?? '') : null;
    // (another of the entry's keys written again after it: one key twice alone may be just that)
    const more = dash && read.some((o) => o.twice && o.pos.line > pos.line && o.pos.col === pos.col && o.twice.line >= twice!.line && o.twice.line < pos.line);
    if (twice && dash && more) {
      // the key that opens an entry, again in that entry: a new entry meant, said once for all its keys
      runOn.push({ from: twice.line, to: pos.line });
      const written = (text.split(/\r?\n/)[pos.line - 1] ?? '').trim();
      issues.push(issue({ file, line: pos.line, column: pos.col, path: '(syntax)', code: 'yaml', severity: 'error' },
        say('yaml.dash-missing', { key: twice.key, first: twice.line }), say('yaml.dash-missing-hint', { first: twice.line, fixed: `${dash[1]}- ${written}` })));
      continue;
    }
    if (twice) {
      issues.push(issue({ file, line: pos.line, column: pos.col, path: '(syntax)', code: 'yaml', severity: 'error' },
        say('yaml.duplicate-named', { key: twice.key, first: twice.line }), say('yaml.hint-duplicate-named')));
      continue;
    }
    issues.push(issue({ file, line: pos.line, column: pos.col, path: '(syntax)', code: 'yaml', severity: 'error' },
      say(`yaml.${e.code}` as IssueKey, { text: yamlMessage(e.message) }), SYNTAX_HINTS[e.code] ?? (/\.json$/i.test(file) ? say('yaml.hint-json') : say('yaml.hint'))));
  }
  // a .json file that is YAML but not JSON (a trailing comma, a comment, a bare key): drillsim reads it, an editor's or jq's JSON will not
  // (a .json file written in YAML throughout, `drillsim: 1` on its first line, too: it was read without a word)
  if (doc.errors.length === 0 && /\.json$/i.test(file)) {
    const at = notStrictJson(text);
    if (at !== undefined) {
      const pos = lineCounter.linePos(at.pos);
      const yaml = !/^\s*[{[]/.test(text);
      issues.push(issue({ file, line: pos.line, column: pos.col, path: '(syntax)', code: 'not-strict-json', severity: 'warning' },
        yaml ? say('strict-json.yaml') : at.comma ? say('strict-json.comma-message')
          : at.comment ? say('strict-json.comment', { comment: at.comment }) : at.bareKey ? say('strict-json.bare-key', { key: at.bareKey })
          : at.single !== undefined ? say('strict-json.single', { text: at.single }) : say('strict-json.message', { text: at.detail }),
        yaml ? say('strict-json.yaml-hint') : at.comma ? say('strict-json.comma')
          : at.comment ? say('strict-json.comment-hint') : at.bareKey ? say('strict-json.bare-key-hint', { key: at.bareKey })
          : at.single !== undefined ? say('strict-json.single-hint', { text: at.single }) : say('strict-json.hint')));
    }
  }
  // entries run together leave one where the planner wrote two: what is said of the rest would be of that mix
  if (runOn.length) return { ok: false, issues: sortIssues(issues) };
  // YAML that does not read garbles the value after the error, and so whatever refers to it: complaints about
  // that value would send the planner after mistakes that are not there. The syntax errors alone, then; the
  // rest is checked once the file reads. (A duplicate key leaves the structure whole: check on.)
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) {
    // a JSON file with a comma left out between two entries: the YAML parser calls it a multi-line implicit key
    // and advised quoting a text that ran over two lines; JSON's own reading says where the comma goes
    const json = /\.json$/i.test(file) || /^\s*\{\s*"/.test(text);
    // a ':' left out after a key (`"seed" 11`): the parser's 'missing , or : between flow map items' named neither
    // the key nor which of the two; JSON read up to there says it is the ':', after that key
    const colon = json ? missingJsonColon(text) : undefined;
    if (colon !== undefined && colon.keyStart <= Math.min(...doc.errors.map((e) => e.pos[0]))) {
      const pos = lineCounter.linePos(colon.pos);
      return { ok: false, issues: [issue({ file, line: pos.line, column: pos.col, path: '(syntax)', code: 'yaml', severity: 'error' },
        say('json.missing-colon', { key: colon.key }), colon.fixed !== undefined ? say('json.missing-colon-here', { line: pos.line, column: pos.col, fixed: colon.fixed }) : say('json.missing-colon-hint', { line: pos.line }))] };
    }
    const comma = json ? missingJsonComma(text) : undefined;
    // (the parser says it where the comma goes, between two keys, or at the entry after it, in a list: 'missing , or : between flow sequence items')
    if (comma !== undefined && comma.at >= Math.min(...doc.errors.map((e) => e.pos[0])) - 1) {
      const pos = lineCounter.linePos(comma.pos);
      return { ok: false, issues: [issue({ file, line: pos.line, column: pos.col, path: '(syntax)', code: 'yaml', severity: 'error' },
        say('json.missing-comma', { after: comma.after, next: comma.next }), comma.sameLine ? say('json.missing-comma-here', { line: pos.line, column: pos.col }) : say('json.missing-comma-hint', { line: pos.line }))] };
    }
    // after a tab the parser loses the indentation, and every later complaint is the tab's doing: the tabs alone
    const firstTab = doc.errors.findIndex((e) => e.code === 'TAB_AS_INDENT');
    if (firstTab >= 0) return { ok: false, issues: sortIssues(issues.filter((_, k) => k < firstTab || doc.errors[k].code === 'TAB_AS_INDENT')) };
    // a tab the parser does not name (after spaces in the indentation, at the start of a line of a text block): it
    // says 'all mapping items must start at the same column' and the like on that line and a dozen after; when the
    // first complaint is on a line indented with a tab, that tab is the mistake, said as the parser says a tab
    const tabbed = new Map(text.split('\n').flatMap((l, k) => { const m = /^ *\t/.exec(l); return m && l.trim() !== '' ? [[k + 1, m[0].length]] : []; }));
    const first = Math.min(...issues.map((i) => i.line));
    if (tabbed.has(first)) {
      const lines = [...new Set(issues.map((i) => i.line))].filter((l) => tabbed.has(l));
      return { ok: false, issues: lines.map((l) => issue({ file, line: l, column: tabbed.get(l)!, path: '(syntax)', code: 'yaml', severity: 'error' }, say('yaml.TAB_AS_INDENT', { text: 'tabs are not allowed as indentation' }), say('yaml.hint-tab'))) };
    }
    return { ok: false, issues: sortIssues(dedupe(syntaxInWords(text, file, issues, doc.errors))) };
  }
  let raw: unknown;
  const written = text;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const text = (e as Error).message.split('\n')[0];
    // an alias whose anchor is not set before it, or a merge key (`<<:`) given something else than a mapping's
    // alias: each one at its place, with its name (a misspelt `<<: *milita` was "Merge sources must be maps or
    // map aliases", with no line, in the YAML library's English)
    if (/^Unresolved alias|^Merge sources must be/i.test(text)) {
      const before = issues.length;
      issues.push(...aliasProblems(doc, written, lineCounter, file));
      if (issues.length > before) return { ok: false, issues: sortIssues(issues) };
    }
    issues.push(whole('yaml', say(/^Excessive alias count/i.test(text) ? 'yaml.unreadable-aliases' : /^Unresolved alias/i.test(text) ? 'yaml.unreadable-unresolved' : 'yaml.unreadable', { text })));
    return { ok: false, issues: sortIssues(issues) };
  }
  if (raw === null || raw === undefined) {
    if (issues.length) return { ok: false, issues: sortIssues(issues) };
    // what to write, as for an empty file: a file of comments alone is one not yet begun, or one whose keys were commented out
    return at1('empty', say('empty.comments', { what: fileWord(what) }), starts);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push(whole('not-a-' + what.replace(/ /g, '-'), say(Array.isArray(raw) ? 'top.list' : 'top.value', { what_a: fileWord(what, true), what: fileWord(what) }), TOP_HINTS[what]));
    return { ok: false, issues: sortIssues(issues) };
  }

  const kind = fileKind(raw as Record<string, unknown>);
  if (kind && kind !== what && issues.length === 0) return wrong(kind);
  // a number YAML reads as infinity or 'not a number' (`crew: 1e309`, `.inf`, `.nan`): said once, as written, at its
  // place; every check after would say 'Infinity' or 'NaN' (got the number Infinity, severity NaN would run as NaN)
  // and compare with it, so these alone, as for the syntax errors, and the rest once they are numbers
  const unusable = nonFiniteNumbers(doc, text);
  if (unusable.length) {
    for (const n of unusable) {
      const pos = lineCounter.linePos(n.offset);
      const key = Number.isNaN(n.value) ? 'number.nan' : /^[-+]?\.inf$/i.test(n.written) ? 'number.infinite' : 'number.too-large';
      issues.push(issue({ file, line: pos.line, column: pos.col, path: formatPath(n.path), code: 'number', severity: 'error' }, say(key, { text: n.written }), nonFiniteHint(schema, n.path)));
    }
    return { ok: false, issues: sortIssues(issues) };
  }

  const place = (path: PathSegment[], atKey = false) => position(doc, lineCounter, path, atKey);
  const parsed = schema.safeParse(raw, { reportInput: true });
  // a value in curly quotes (`start: “2025-09-20T20:00:00+07:00”`, pasted from Word): YAML keeps the quotes in the value
  const curly = parsed.success ? new Map<string, CurlyValue>() : curlyQuoted(schema, raw);
  if (!parsed.success) {
    for (const zi of flattenZodIssues(schema, parsed.error.issues as ZodIssueLike[])) {
      const { line, column } = place(zi.path, zi.atKey);
      // the format key itself missing (`drillsim: 1`, `drillsim_decisions: 1`): say what the file must start with
      const said = zi.code === 'missing' && zi.path.length === 1 && /^drillsim/.test(String(zi.path[0])) && STARTS[what] ? STARTS[what] : zi.code === 'unknown-key' ? commaInFlow(doc, zi.path) ?? zi.hint : zi.hint;
      // (the value inside valid: what it reads as; else the quotes, then what else is wrong)
      const c = curly.get(formatPath(zi.path));
      const hint = c ? (c.valid ? c.hint : followedBy(c.hint, said)) : said;
      const atTime = zi.code === 'duration' && isTimeAt(schema, zi.path);
      // `unit: [tc-militia, tc-health]`: a command names one; what to write for each
      const oneEach = zi.code === 'type' ? oneIdEach(raw, zi.path, what) : undefined;
      // `at: 600`: a number alone, as at any duration, with what it may have meant (withClockReadings adds the clock's)
      const bare = atTime ? bareTimeNumber(writtenAt(doc, text, zi.path)) : undefined;
      const clock = atTime && bare === undefined ? clockAsNumber(writtenAt(doc, text, zi.path)) : undefined;
      if (bare !== undefined) issues.push(issue({ file, line, column, path: formatPath(zi.path), code: 'time', severity: 'error' }, say('time.number', { value: say('value.a-number', { n: bare }), n: bare }), bareTimeHint(bare)));
      else if (clock) issues.push(issue({ file, line, column, path: formatPath(zi.path), code: 'time', severity: 'error' }, say('time.not', { text: clock.written }), timeHintSay(clock.clock)));
      else issues.push(issue({ file, line, column, path: formatPath(zi.path), code: zi.code, severity: 'error' }, zi.message, oneEach ?? hint));
    }
  }
  // the entry that held the misplaced list and has none of its own: the hint of the misplaced list says to give it one
  const emptied = new Set(misplaced.filter((m) => m.emptied).map((m) => formatPath(m.path)));
  if (emptied.size) issues.splice(0, issues.length, ...issues.filter((i) => i.code !== 'missing' || !emptied.has(i.path)));
  // a required key written with a typo (capabilites) is one mistake: said as the unknown key with the key meant, not
  // also as that key missing, which sends the planner looking for a key that is right there
  const meant = new Set(issues.filter((i) => i.code === 'unknown-key' && i.words.hint?.key === 'hint.did-you-mean').map((i) => {
    const parent = i.path.includes('.') ? i.path.slice(0, i.path.lastIndexOf('.') + 1) : '';
    return parent + String(i.words.hint!.params!.near);
  }));
  if (meant.size) issues.splice(0, issues.length, ...issues.filter((i) => i.code !== 'missing' || !meant.has(i.path)));
  const source: SourceText = { written: (path) => writtenAt(doc, text, path), line: (path) => place(path).line };
  const checked = check ? check(raw, source) : [];
  // a check that says better what the shape check said about the same value (21.000: not 'expected a whole number') replaces it
  // (and one that covers other places, the shape check's problems there: the same mistake said again)
  const replaced = new Set(checked.flatMap((ri) => [...(ri.replaces ? [ri.path] : []), ...(ri.covers ?? [])].map(formatPath)));
  if (replaced.size) issues.splice(0, issues.length, ...issues.filter((i) => i.code === 'yaml' || !replaced.has(i.path)));
  for (const ri of checked) {
    // an inject's `at:` or `when:` misspelt (`whne:`, `time:`) is said at that key, with the key meant: not also as an inject with no time
    if (ri.message.key === 'trigger.none' && ['at', 'when', 'contingency'].some((k) => meant.has(formatPath([...ri.path, k])))) continue;
    const { line, column } = place(ri.path, ri.atKey);
    const c = curly.get(formatPath(ri.path));
    issues.push(issue({ file, line, column, path: formatPath(ri.path), code: ri.code, severity: ri.severity }, ri.message, c ? followedBy(c.hint, ri.hint) : ri.hint));
  }
  // a plain text a comment cut short (`vi: Sạt lở #km12`): YAML reads on without a word, and so would the drill
  for (const cut of textsCutByComment(doc, text, (p) => isTextAt(schema, p))) {
    const pos = lineCounter.linePos(cut.offset);
    const key = String([...cut.path].reverse().find((seg) => typeof seg === 'string'));
    issues.push(issue({ file, line: pos.line, column: pos.col, path: formatPath(cut.path), code: 'text-cut', severity: 'warning' },
      say('text-cut.message', { comment: cut.comment, kept: cut.kept }), say('text-cut.hint', { key, quoted: quotedText(`${cut.kept} ${cut.comment}`) })));
  }
  // a duplicate key: a shape complaint on its lines (the value kept is the last) says the same thing again
  const syntaxLines = new Set(issues.filter((i) => i.code === 'yaml').flatMap((i) => [i.line, i.line - 1]));
  const kept = syntaxLines.size ? issues.filter((i) => i.code === 'yaml' || !syntaxLines.has(i.line) || i.code === 'duplicate-id' || i.code === 'unknown-id') : issues;
  const sorted = sortIssues(dedupe(kept));
  const errors = sorted.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !parsed.success) return { ok: false, issues: sorted, raw };
  return { ok: true, value: parsed.data, warnings: sorted, raw, place: (path) => place(path) };
}

/** The values YAML read as a number that is not finite (`1e309`, `.inf`, `-.inf`, `.nan`), as written, with their place. */
function nonFiniteNumbers(doc: Document, text: string): { path: PathSegment[]; offset: number; written: string; value: number }[] {
  const found: { path: PathSegment[]; offset: number; written: string; value: number }[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (isScalar(node)) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value) && node.range) {
        found.push({ path, offset: node.range[0], written: text.slice(node.range[0], node.range[1]).trim(), value: node.value });
      }
    } else if (isMap(node)) {
      for (const p of node.items) {
        // a merge key's (`<<: *a`) mapping is walked where it is written
        if (isScalar(p.key) && typeof p.key.value !== 'symbol' && String(p.key.value) !== '<<') walk(p.value, [...path, String(p.key.value)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, k) => walk(item, [...path, k]));
  };
  walk(doc.contents, []);
  return found;
}

/**
 * What to write instead of a number YAML reads as infinity or 'not a number': a duration with its unit where the key
 * takes one (`horizon: 1e309`), a number within the field's range where it takes a number, what the key takes where
 * it takes something else (`tier: .inf`).
 */
function nonFiniteHint(root: z.ZodType, path: PathSegment[]): Say {
  if (path.length && isDurationAt(root, path)) return say('duration.forms');
  const s = unwrap(fieldSchemaAt(root, path));
  const def = s?._zod?.def;
  const key = String(path[path.length - 1]);
  // the format's version (`drillsim: .inf`), one of a list's words (`tier: .nan`)
  if (def?.type === 'literal' && path.length === 1 && def.values?.length === 1) return say('version.hint', { key, reads: String(def.values[0]) });
  if (def?.type === 'enum' && def.entries) return say('hint.one-of', { list: joined(Object.values(def.entries as Record<string, string>).map(String)) });
  if (def?.type === 'number' || path.length === 0 || typeof path[path.length - 1] === 'number') {
    const lo = typeof s?.minValue === 'number' && Number.isFinite(s.minValue) && s.minValue >= -Number.MAX_SAFE_INTEGER ? s.minValue : -Number.MAX_SAFE_INTEGER;
    const hi = typeof s?.maxValue === 'number' && Number.isFinite(s.maxValue) && s.maxValue <= Number.MAX_SAFE_INTEGER ? s.maxValue : Number.MAX_SAFE_INTEGER;
    return say('number.range-hint', { lo: String(lo), hi: String(hi) });
  }
  const what = describeAt(root, path);
  if (what !== undefined) return say('number.write-what', { key, what: description(what) });
  return say('number.range-hint', { lo: String(-Number.MAX_SAFE_INTEGER), hi: String(Number.MAX_SAFE_INTEGER) });
}

interface CurlyValue {
  hint: Say;
  /** the value inside the quotes passes the shape check */
  valid: boolean;
}

const CURLY = /^[\u2018\u2019\u201A\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]([^]*)[\u2018\u2019\u201A\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]$/;

/**
 * The values wrapped in typographic quotes (“ ” ‘ ’ « » „), by their path: what to do about the quotes, and, when the
 * value inside would pass the shape check (read again with the quotes straight, or with none), what it reads as then.
 */
function curlyQuoted(schema: z.ZodType, raw: unknown): Map<string, CurlyValue> {
  const found: { path: PathSegment[]; written: string; inner: string }[] = [];
  const walk = (v: unknown, path: PathSegment[]) => {
    if (typeof v === 'string') {
      const m = CURLY.exec(v.trim());
      if (m && m[1].trim() !== '') found.push({ path, written: v.trim(), inner: m[1].trim() });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(raw, []);
  const out = new Map<string, CurlyValue>();
  if (found.length === 0 || found.length > 50) return out;
  // the inner value as YAML reads it written bare (`2700` a number), and written in straight quotes (a text)
  const bare = (inner: string): unknown => {
    const d = parseDocument(inner);
    const v = d.errors.length === 0 ? d.toJS() : inner;
    return v === null || ['string', 'number', 'boolean'].includes(typeof v) ? v : inner;
  };
  const failing = (value: (f: (typeof found)[number]) => unknown): Set<string> => {
    const copy = structuredClone(raw) as Record<string | number, unknown>;
    for (const f of found) {
      let at: any = copy;
      for (const seg of f.path.slice(0, -1)) at = at[seg];
      at[f.path[f.path.length - 1]] = value(f);
    }
    const r = schema.safeParse(copy);
    return new Set(r.success ? [] : flattenZodIssues(schema, r.error.issues as ZodIssueLike[]).map((i) => formatPath(i.path)));
  };
  const ok = (bad: Set<string>, p: string) => ![...bad].some((b) => b === p || b.startsWith(p + '.') || b.startsWith(p + '['));
  const bareBad = failing((f) => bare(f.inner));
  const textBad = failing((f) => f.inner);
  for (const f of found) {
    const p = formatPath(f.path);
    const asBare = ok(bareBad, p);
    const asText = ok(textBad, p);
    const key = f.path[f.path.length - 1];
    const fix = (v: string) => (typeof key === 'string' ? `${key}: ${v}` : v);
    const hint = asBare && asText ? say('curly.hint-reads', { written: f.written, fix: fix(f.inner) })
      : asBare ? say('curly.hint-unquote', { written: f.written, fix: fix(f.inner), reads: describeValue(bare(f.inner)) })
        : asText ? say('curly.hint-straight', { written: f.written, fix: fix(JSON.stringify(f.inner)) })
          : say('curly.hint', { written: f.written });
    out.set(p, { hint, valid: asBare || asText });
  }
  return out;
}

/**
 * The aliases that do not resolve, and the merge keys (`<<:`) whose value is not a mapping's alias, each at its
 * place: a misspelt anchor gets the near one, an anchor set only further down the file its line, and
 * `<<: militia` or `<<: &militia` (no '*', or '&' for '*') the alias to write.
 */
function aliasProblems(doc: Document, text: string, lc: LineCounter, file: string): ScenarioIssue[] {
  const anchors: { name: string; at: number }[] = [];
  visit(doc, (_, node) => {
    if (isNode(node) && node.anchor && node.range) anchors.push({ name: node.anchor, at: text.lastIndexOf('&' + node.anchor, node.range[0]) });
  });
  const lineOf = (at: number) => lc.linePos(Math.max(0, at)).line;
  const out: ScenarioIssue[] = [];
  const at = (offset: number, message: Say, hint: Say) => {
    const pos = lc.linePos(offset);
    out.push(issue({ file, line: pos.line, column: pos.col, path: '(syntax)', code: 'yaml', severity: 'error' }, message, hint));
  };
  const unresolvedHint = (name: string, offset: number): Say => {
    const later = anchors.find((a) => a.name === name && a.at > offset);
    if (later) return say('yaml.alias-later-hint', { name, line: String(lineOf(later.at)) });
    const near = nearest(name, anchors.filter((a) => a.at < offset).map((a) => a.name));
    return near ? say('yaml.alias-near-hint', { name, near, line: String(lineOf(anchors.find((a) => a.name === near)!.at)) }) : say('yaml.alias-unresolved-hint', { name });
  };
  // what `<<: *name` needs: the anchor of a mapping set before it
  const plainHint = (name: string, offset: number): Say => {
    const set = anchors.find((a) => a.name === name && a.at < offset);
    return set ? say('yaml.merge-plain-hint', { name, line: String(lineOf(set.at)) }) : say('yaml.merge-plain-hint-none', { name: name || 'name' });
  };
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined || !node.range) return;
      at(node.range[0], say('yaml.alias-unresolved', { name: node.source }), unresolvedHint(node.source, node.range[0]));
    },
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.source !== '<<') return;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const src of sources) {
        if (isMap(src)) continue;
        if (isAlias(src)) {
          const target = src.resolve(doc);
          // an alias that names nothing is said by Alias above
          if (target === undefined || isMap(target) || !src.range) continue;
          at(src.range[0], say('yaml.merge-not-mapping', { name: src.source, what: say(isSeq(target) ? 'yaml.merge-a-list' : 'yaml.merge-a-value') }), say('yaml.merge-not-mapping-hint'));
        } else if (isScalar(src) && src.range) {
          // `<<: &militia`: an anchor set where the alias was meant; `<<: militia`: the '*' left out
          const name = src.anchor ?? String(src.value ?? '');
          const offset = src.anchor ? Math.max(0, text.lastIndexOf('&' + src.anchor, src.range[0])) : src.range[0];
          at(offset, say('yaml.merge-plain', { text: src.anchor ? '&' + src.anchor : String(src.source ?? src.value) }), plainHint(name, offset));
        }
      }
    },
  });
  return out;
}

interface MisplacedList {
  line: number;
  column: number;
  /** the key as the file has it (in the last entry of the list above) */
  path: PathSegment[];
  /** lines of the key and of the entry's own key of that name, which YAML calls 'written a second time' */
  lines: number[];
  /** the entry has no such key of its own left */
  emptied: boolean;
  message: Say;
  hint: Say;
}

/**
 * A list of mappings indented one level too deep, under the last entry of the list above it: evacuation's
 * `shelters:` under its last zone, where a zone's `shelters:` is a list of ids. Known by the schema: the mapping
 * that holds the list above takes that key, as a list of mappings, and does not have it, and the entry does not
 * take a list of mappings by that name. Each is moved in the document to where it belongs (its nodes keep their
 * places in the file), so that the shelters are read, and placed, as what they are.
 */
function listsUnderLastItem(doc: Document, root: z.ZodType, lc: LineCounter): MisplacedList[] {
  const out: MisplacedList[] = [];
  const listOfMappings = (s: any) => s?._zod?.def?.type === 'array' && unwrap(s._zod.def.element)?._zod?.def?.type === 'object';
  const keyOf = (p: unknown): string | undefined => (isPair(p) && isScalar(p.key) && typeof p.key.value !== 'symbol' && p.key.value !== null ? String(p.key.value) : undefined);
  const at = (node: unknown) => lc.linePos(isNode(node) ? node.range?.[0] ?? 0 : 0);
  const walk = (node: unknown, path: PathSegment[], depth: number): void => {
    if (depth > 16) return;
    if (isSeq(node)) return node.items.forEach((it, k) => walk(it, [...path, k], depth + 1));
    if (!isMap(node)) return;
    for (const pair of [...node.items]) {
      const list = keyOf(pair);
      const seq = pair.value;
      if (list === undefined || !isSeq(seq) || seq.items.length === 0) continue;
      const last = seq.items.length - 1;
      const item = seq.items[last];
      if (!isMap(item)) continue;
      for (const inner of [...item.items]) {
        const key = keyOf(inner);
        const value = inner.value;
        if (key === undefined || !isSeq(value) || value.items.length === 0 || !value.items.every(isMap)) continue;
        if (node.items.some((p) => keyOf(p) === key)) continue;
        if (!listOfMappings(schemaAt(root, [...path, key]))) continue;
        // (a key of the entry that takes such a list as it is: the entry's own)
        const mine = schemaAt(root, [...path, list, last, key]);
        if (listOfMappings(mine) || (mine?.safeParse && mine.safeParse(value.toJSON()).success)) continue;
        item.items.splice(item.items.indexOf(inner), 1);
        node.items.push(inner);
        const own = item.items.find((p) => keyOf(p) === key);
        const idOf = (m: unknown) => (isMap(m) ? m.get('id') : undefined);
        const id = idOf(item);
        const name = typeof id === 'string' || typeof id === 'number' ? String(id) : `${list}[${last}]`;
        const first = idOf(value.items[0]);
        const where = at(inner.key);
        const listAt = at(pair.key);
        const parent = [...path].reverse().find((seg) => typeof seg === 'string');
        const move = say('indent.list-under-item-hint', { key, spaces: say('indent.spaces', { n: where.col - listAt.col }), list, listLine: listAt.line });
        out.push({
          line: where.line, column: where.col, path: [...path, list, last, key],
          lines: own ? [where.line, at(own.key).line] : [where.line], emptied: !own,
          message: say('indent.list-under-item', {
            key, id: name, itemLine: at(item).line, list, n: value.items.length,
            first: first === undefined || first === null ? key : String(first),
            whose: parent === undefined ? say('indent.list-top', { key }) : say('indent.list-of', { key, parent: String(parent) }),
          }),
          hint: own ? say('indent.list-under-item-own', { move, id: name, key, own: at(own.key).line }) : say('indent.list-under-item-none', { move, id: name, key }),
        });
      }
    }
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key !== undefined) walk(pair.value, [...path, key], depth + 1);
    }
  };
  walk(doc.contents, [], 0);
  return out;
}

/**
 * Where a ':' is missing after a key of a JSON text (`"seed" 11`, `"id" "x"`, `"coords" {`): the text read as JSON
 * is right up to that key, and a value follows it. The end of the key, the key as written, and the key and its
 * value with the ':' (when the value is on the key's line). Undefined when the text is JSON, or goes wrong before.
 */
function missingJsonColon(text: string): { pos: number; keyStart: number; key: string; fixed?: string } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    // read on: JSON's own message does not say where in every Node
  }
  const stack: string[] = [];
  let expect: 'value' | 'key' | 'colon' | 'after' = 'value';
  let prev = '';
  let key = { start: 0, end: 0 };
  const word = /[^\s{}[\],:"]+/y;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (expect === 'colon') {
      if (c === ':') { expect = 'value'; prev = c; i++; continue; }
      if (!/["{[\-\dtfn]/.test(c)) return undefined;
      // the value as written: a text whole, the bracket that opens a mapping or a list, a number or a word
      word.lastIndex = i;
      const value = c === '"' ? /^"(?:[^"\\\n]|\\.)*"?/.exec(text.slice(i, i + 60))![0] : c === '{' || c === '[' ? c : word.exec(text)?.[0] ?? c;
      const fixed = `${text.slice(key.start, key.end)}: ${value.length > 40 ? value.slice(0, 37) + '...' : value}`;
      return { pos: key.end, keyStart: key.start, key: text.slice(key.start, key.end), fixed: text.slice(key.end, i).includes('\n') ? undefined : fixed };
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== '"') return undefined;
      if (expect === 'key') { key = { start: i, end: j + 1 }; expect = 'colon'; } else if (expect === 'value') expect = 'after';
      else return undefined;
      prev = c;
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      if (expect !== 'value') return undefined;
      stack.push(c);
      expect = c === '{' ? 'key' : 'value';
    } else if (c === '}' || c === ']') {
      // (an empty {} or [] closes where a key or a value was expected)
      if (stack.pop() !== (c === '}' ? '{' : '[') || (expect !== 'after' && prev !== (c === '}' ? '{' : '['))) return undefined;
      expect = 'after';
    } else if (c === ',') {
      if (expect !== 'after' || stack.length === 0) return undefined;
      expect = stack[stack.length - 1] === '{' ? 'key' : 'value';
    } else {
      word.lastIndex = i;
      const w = word.exec(text)?.[0] ?? '';
      if (expect !== 'value' || !/^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/.test(w)) return undefined;
      expect = 'after';
      prev = 'w';
      i += w.length;
      continue;
    }
    prev = c;
    i++;
  }
  return undefined;
}

/**
 * Where a ',' is missing between two entries of a JSON text (just after the first of them), when that is
 * what stops JSON.parse: the value before it and the start of the entry after it, as written.
 */
function missingJsonComma(text: string): { pos: number; at: number; after: string; next: string; sameLine: boolean } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const m = /^Expected ',' or '[}\]]' after (?:property value|array element) in JSON at position (\d+)/.exec((e as Error).message);
    if (!m) return undefined;
    const at = Number(m[1]);
    // the end of the text: a bracket never closed, which the YAML reading says well
    if (!/^["{[\w-]/.test(text.slice(at))) return undefined;
    let end = at;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    // the entry before: from the last bracket or comma of its line (outside quotes), or the bracket that closes it
    const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trim();
    const piece = line.split(/[{[,]\s*/).pop()!;
    // (an entry that ends with its closing bracket, `{ ... "zone": "x"}`: that bracket, as for one on its own line)
    const after = /[}\]]$/.test(line) ? line[line.length - 1]! : piece !== '' && (piece.split('"').length - 1) % 2 === 0 ? piece : line;
    const next = text.slice(at).split(/\r?\n/)[0]!.trim().replace(/,$/, '');
    return { pos: end, at, after: after.length > 40 ? '...' + after.slice(-37) : after, next: next.length > 40 ? next.slice(0, 37) + '...' : next, sameLine: !text.slice(end, at).includes('\n') };
  }
}

/** Where a text stops being JSON (JSON.parse's position), and whether a comma just before it is the cause. */
/**
 * Where V8 found an unexpected token when its message gives no position (`Unexpected token ''', ..."cise": 'tabletop'"...
 * is not valid JSON`): its excerpt is the ten characters either side of the token, '...' marking a cut.
 */
function tokenAt(text: string, message: string): number | undefined {
  const m = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!m) return undefined;
  const at = text.indexOf(m[3]);
  if (at < 0) return undefined;
  const p = m[2] ? at + 10 : at + m[3].indexOf(m[1]);
  return text[p] === m[1] ? p : undefined;
}

function notStrictJson(text: string): { pos: number; detail: string; comma: boolean; comment?: string; bareKey?: string; single?: string } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    // (a text JSON refuses at its first character: V8 gives no position, as in `Unexpected token 'd', "drillsim: 1"...`)
    const m = / at position (\d+)/.exec(message);
    const pos = m ? Math.min(Number(m[1]), text.length) : tokenAt(text, message) ?? text.length - text.trimStart().length;
    let k = pos - 1;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    const comma = text[k] === ',' && /^\s*[}\]]/.test(text.slice(pos));
    // the slips a planner makes in JSON that YAML forgives, said in their terms rather than V8's parser's
    const rest = text.slice(pos);
    const comment = /^#[^\r\n]*/.exec(rest)?.[0].trimEnd();
    const bareKey = /^([A-Za-z_][\w-]*)\s*:/.exec(rest)?.[1];
    const single = /^'([^'\r\n]*)'/.exec(rest)?.[1];
    return { pos: comma ? k : pos, detail: message.replace(/ in JSON at position \d+.*$/, ''), comma, ...(comment ? { comment } : {}), ...(bareKey ? { bareKey } : {}), ...(single !== undefined ? { single } : {}) };
  }
}


/**
 * The parser's complaints about a file that does not read, in a planner's terms: a line out of line with
 * the lines around it said once, with the column it belongs at (instead of "all mapping items must start
 * at the same column" on it and on every line under it), and a ': ' inside a plain text said as such.
 */
function syntaxInWords(text: string, file: string, issues: ScenarioIssue[], errors: readonly { code: string; pos: [number, number]; message?: string }[]): ScenarioIssue[] {
  const codes = errors.map((e) => e.code);
  // a bracket never closed: the parser's complaints on the lines after it are its doing, and so are any slips there
  // (the parser may read on in the open value well past its block: the run of complaints that follows it, too)
  const errorLines = issues.map((i) => i.line).sort((a, b) => a - b);
  const unclosed = unclosedFlows(text).filter((u) => issues.some((i) => i.line >= u.line && i.line <= u.through)).map((u) => {
    let through = u.through;
    for (const l of errorLines) if (l > through && l <= through + 2) through = l;
    return { ...u, through };
  });
  // a quote whose text ran on over the lines under it: what the parser says in them, and on the line after, is its doing
  const lastIssue = Math.max(0, ...issues.map((i) => i.line));
  const runaway = runawayQuotes(text).filter((q) => q.line <= lastIssue && issues.some((i) => i.line >= q.line && i.line <= q.through + 1));
  const byQuote = (line: number) => runaway.some((q) => line >= q.line && line <= q.through + 1);
  const byBracket = (line: number) => byQuote(line) || unclosed.some((u) => line >= u.line && line <= u.through);
  const slips = indentationSlips(text).filter((sl) => !byBracket(sl.line));
  const explained = (line: number) => byBracket(line) || slips.some((sl) => line >= sl.from && line <= sl.through);
  const lines = text.split(/\r?\n/);
  const out: ScenarioIssue[] = unclosed.map((u) => {
    const close = u.open === '{' ? '}' : ']';
    const at = (line: number, column: number) => ({ file, line, column, path: '(syntax)', code: 'yaml', severity: 'error' as const });
    // the bracket is there, after a ` #` that made a comment of it (`{ vi: Nhà số #5 bị sập, en: ... }`)
    if (u.cause?.kind === 'comment') {
      const line = lines[u.cause.line - 1];
      // the innermost bracket on the line with the comment gives the texts to quote (`name: { vi: ... }` inside an edge's `{ ... }`)
      const fixed = unclosed.filter((o) => o.cause?.kind === 'comment' && o.cause.line === u.cause!.line && o.line === u.cause!.line)
        .sort((a, b) => b.column - a.column).map((o) => flowWithTextsQuoted(line, o.column)).find((f) => f !== undefined);
      return issue(at(u.cause.line, u.cause.column), say('flow.comment', { comment: line.slice(u.cause.column - 1).trim(), close }),
        fixed ? say('flow.comment-hint-as-in', { fixed }) : say('flow.comment-hint'));
    }
    // a quote opened and never closed (`{ vi: 'QL7 bị chia cắt, en: QL7 cut }`): the parser reads on for its end
    if (u.cause?.kind === 'quote' && codes.includes('MISSING_CHAR')) {
      const line = lines[u.cause.line - 1];
      const closed = quoteClosed(line, u.cause.column);
      return issue(at(u.cause.line, u.cause.column), say('quote.unclosed', { quote: line[u.cause.column - 1] }),
        closed ? say('quote.unclosed-hint-as-in', { quote: line[u.cause.column - 1], key: closed.key, closed: closed.closed }) : say('quote.unclosed-hint', { quote: line[u.cause.column - 1] }));
    }
    return issue(at(u.line, u.column), say('flow.unclosed', { open: u.open, close }), say('flow.unclosed-hint', { close }));
  });
  for (const q of runaway) {
    const line = lines[q.line - 1];
    const quote = line[q.column - 1];
    const closed = quoteClosed(line, q.column);
    out.push(issue({ file, line: q.line, column: q.column, path: '(syntax)', code: 'yaml', severity: 'error' }, say('quote.unclosed', { quote }),
      closed ? say('quote.unclosed-hint-as-in', { quote, key: closed.key, closed: closed.closed }) : say('quote.unclosed-hint', { quote })));
  }
  out.push(...slips.map((sl) => issue({ file, line: sl.line, column: sl.column, path: '(syntax)', code: 'indentation', severity: 'error' }, sl.message, sl.hint)));
  // after a stray quote the parser loses its place in the line's { }: what it says after, there and on the next line, is that
  let strayLine = -1;
  const colonLines = new Set<number>();
  issues.forEach((i, k) => {
    if (explained(i.line)) return;
    // `subject: Sập nhà: cần hỗ trợ`, or in a flow mapping `{ vi: QL7: Mường Xén - Tà Cạ, en: ... }`
    const colon = codes[k] === 'BLOCK_AS_IMPLICIT_KEY' ? colonInText(text, i.line) : codes[k] === 'BLOCK_IN_FLOW' ? colonInFlow(text, errors[k].pos) : undefined;
    // `vi: "QL7 bị "chia cắt""`: the parser stops after the second quote
    const early = codes[k] === 'UNEXPECTED_TOKEN' ? quoteEndsEarly(text, errors[k].pos[0]) : undefined;
    // `name: "Mường Xén" tiếp`, `vi: "Công điện"", en: ...`: more after a whole text in quotes
    const after = codes[k] === 'UNEXPECTED_TOKEN' && !early ? textAfterQuote(text, errors[k].pos[0]) : undefined;
    // `name: "Mường Xén` outside { }: the parser says so at the end of the file
    const openAt = codes[k] === 'MISSING_CHAR' && /quote/i.test(errors[k].message ?? '') ? unclosedQuote(text, errors[k].pos[0]) : undefined;
    // `{ vi: Nhà số #5 bị sập,` going on on the next line: the comment took the ','
    const ate = codes[k] === 'MISSING_CHAR' && /missing ,/i.test(errors[k].message ?? '') ? commentAteSeparator(text, errors[k].pos[0]) : undefined;
    if (colon) {
      // the parser complains at each ': ' of the text (`en: Note: a house has collapsed: people are trapped.`): one mistake, said once, at the first
      if (colonLines.has(i.line)) return;
      colonLines.add(i.line);
      const raw = lines[i.line - 1] ?? '';
      const from = codes[k] === 'BLOCK_AS_IMPLICIT_KEY' ? raw.indexOf(colon.value) : -1;
      const first = from >= 0 ? from + colon.value.search(/:\s/) + 1 : i.column;
      out.push(reword({ ...i, column: first }, say('colon.message', { key: colon.key }), say('colon.hint', { key: colon.key, quoted: quotedText(colon.value) })));
    } else if (early) {
      out.push(reword({ ...i, column: i.column - 1 }, say('quote.ends-early', { after: early.after }),
        say('quote.ends-early-hint', { key: early.key, single: `'${early.meant.replace(/'/g, "''")}'`, escaped: `"${early.meant.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` })));
    } else if (after) {
      const q = after.quoted[0];
      const more = after.rest.split(q).join('').trim();
      if (more === '') strayLine = i.line;
      out.push(reword(i, say('quote.text-after', { quoted: after.quoted, rest: after.rest }), more === ''
        ? say('quote.stray-hint', { rest: after.rest, key: after.key, quoted: after.quoted })
        : say('quote.text-after-hint', { key: after.key, joined: `${q}${after.quoted.slice(1, -1)} ${more}${q}` })));
    } else if (ate) {
      out.push(reword({ ...i, line: ate.line, column: ate.column }, say('flow.comment', { comment: ate.comment, close: ate.close }),
        ate.fixed ? say('flow.comment-hint-as-in', { fixed: ate.fixed }) : say('flow.comment-hint')));
    } else if (openAt !== undefined) {
      const line = lines[openAt.line - 1];
      const quote = line[openAt.column - 1];
      const closed = quoteClosed(line, openAt.column);
      out.push(reword({ ...i, line: openAt.line, column: openAt.column }, say('quote.unclosed', { quote }),
        closed ? say('quote.unclosed-hint-as-in', { quote, key: closed.key, closed: closed.closed }) : say('quote.unclosed-hint', { quote })));
    } else if (i.line !== strayLine && i.line !== strayLine + 1) out.push(i);
  });
  return out;
}

/** What to do about a YAML error, where there is more to say than 'fix the syntax'. */
const SYNTAX_HINTS: Record<string, Say> = {
  DUPLICATE_KEY: say('yaml.hint-duplicate'),
  TAB_AS_INDENT: say('yaml.hint-tab'),
  MULTIPLE_DOCS: say('yaml.hint-one-document'),
  BAD_SCALAR_START: say('yaml.hint-quote-start'),
  BAD_DQ_ESCAPE: say('yaml.hint-escape'),
  MULTILINE_IMPLICIT_KEY: say('yaml.hint-colon'),
};

/** How each of drillsim's files starts: the hint when a file is missing its first key, or is another kind of file. */
const STARTS: Record<string, Say> = {
  scenario: say('starts.scenario'),
  'decisions file': say('starts.decisions'),
};

/** What the file's top level must be, when it is a list or a single value: a decisions file saved as a one-cell CSV, a bare list of decisions. */
const TOP_HINTS: Record<string, Say> = {
  scenario: say('top.hint'),
  'decisions file': say('top.decisions-hint'),
};

/** What to do with the file given instead, where there is more to say than how the expected file starts. */
const INSTEAD: Record<string, Say> = {
  'decisions file>scenario': say('instead.decisions'),
  'run log>scenario': say('instead.run-log'),
  'batch results>scenario': say('instead.batch'),
};

/** Each of drillsim's files in words ('decisions file'; with `a`: 'a decisions file', 'batch results'). */
const FILE_WORDS: Record<string, string> = { scenario: 'scenario', 'decisions file': 'decisions', 'run log': 'run-log', 'batch results': 'batch' };
function fileWord(what: string, a = false): Say {
  const k = FILE_WORDS[what];
  if (k === undefined) return say('verbatim', { text: a ? `a ${what}` : what });
  return say(`file.${k}${a ? '.a' : ''}` as IssueKey);
}

/** Which of drillsim's files a mapping is, by the key each starts with (undefined: none of them, or unclear). */
function fileKind(raw: Record<string, unknown>): string | undefined {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(raw, k);
  if (typeof raw.format === 'string' && raw.format.startsWith('drillsim/run@')) return 'run log';
  if (typeof raw.format === 'string' && raw.format.startsWith('drillsim/batch@')) return 'batch results';
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
function commaInFlow(doc: Document, path: PathSegment[]): Say | undefined {
  const { node, whole } = nodeAt(doc, path.slice(0, -1));
  if (!whole || !isMap(node) || !node.flow) return undefined;
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
  return say('comma.hint-as-in', { key, quoted: /["\\]/.test(meant) ? `'${meant.replace(/'/g, "''")}'` : `"${meant}"` });
}

// ---------------------------------------------------------------- positions

/** The node at a path, as far down as the document goes (`whole`: all of the path was found), and the key it hangs on. */
function nodeAt(doc: Document, path: PathSegment[]): { node: unknown; keyNode: unknown; whole: boolean } {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = pairOf(doc, node, String(seg));
      if (!pair) return { node, keyNode, whole: false };
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = undefined;
      node = node.items[seg];
    } else return { node, keyNode, whole: false };
  }
  return { node, keyNode, whole: true };
}

/**
 * The pair of a mapping with this key: its own, or else the one a merge key (`<<: *anchor`, `<<: [*a, *b]`) brings
 * in, where it is written (the first of the merged mappings that has it, as YAML takes it).
 */
function pairOf(doc: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  // a key written twice: YAML keeps the last, so its value is what any problem is about
  const own = [...map.items].reverse().find((p) => isPair(p) && isScalar(p.key) && typeof p.key.value !== 'symbol' && String(p.key.value) === key);
  if (own || depth > 20) return own;
  for (const p of map.items) {
    if (!isScalar(p.key) || typeof p.key.value !== 'symbol') continue;
    for (const source of isSeq(p.value) ? p.value.items : [p.value]) {
      const merged = isAlias(source) ? source.resolve(doc) : source;
      const found = isMap(merged) ? pairOf(doc, merged, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** The source text of the single value at a path (`21.000` where YAML read 21), or undefined. */
function writtenAt(doc: Document, text: string, path: PathSegment[]): string | undefined {
  const { node, whole } = nodeAt(doc, path);
  if (!whole || !isScalar(node) || !node.range) return undefined;
  return text.slice(node.range[0], node.range[1]);
}

function position(doc: Document, lc: LineCounter, path: PathSegment[], atKey: boolean): { line: number; column: number } {
  // walk down as far as the document goes; a missing key points at its parent
  const { node, keyNode } = nodeAt(doc, path);
  const target = atKey && isNode(keyNode) ? keyNode : isNode(node) ? node : isNode(keyNode) ? keyNode : undefined;
  const offset = target?.range?.[0] ?? 0;
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** The key on a line the parser found written twice, and the line above where the same mapping has it first. */
function keyWrittenBefore(text: string, line: number): { key: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  const keyOf = (s: string) => /^(\s*)(?:-\s+)?("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:(\s|$)/.exec(s);
  const m = keyOf(lines[line - 1] ?? '');
  if (!m) return undefined;
  const indent = m[0].indexOf(m[2]);
  for (let k = line - 2; k >= 0; k--) {
    const s = lines[k];
    if (s.trim() === '' || s.trimStart().startsWith('#')) continue;
    const o = keyOf(s);
    const at = o ? o[0].indexOf(o[2]) : s.length - s.trimStart().length;
    if (at < indent) return undefined;
    if (o && at === indent && o[2] === m[2]) return { key: m[2].replace(/^["']|["']$/g, ''), line: k + 1 };
  }
  return undefined;
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
  params?: { code?: string; hint?: string; words?: { message: Say; hint?: Say } };
}

interface Flat extends RawIssue {
  /** a decimal-comma issue of a duration: the key whose whole part the comma cut off */
  splitFrom?: PathSegment[];
}

function describeValue(v: unknown): Say {
  if (v === undefined) return say('value.nothing');
  if (v === null) return say('value.null');
  if (typeof v === 'string') return say('value.text', { text: v.length > 40 ? v.slice(0, 40) + '...' : v });
  if (typeof v === 'number') return say('value.a-number', { n: v });
  if (typeof v === 'boolean') return say('verbatim', { text: `${v}` });
  if (Array.isArray(v)) return say('value.list');
  return say('value.mapping');
}

const EXPECTED: Record<string, IssueKey> = {
  string: 'expect.string', number: 'expect.number', int: 'expect.int', boolean: 'expect.boolean', array: 'expect.array', object: 'expect.object',
  tuple: 'expect.array', record: 'expect.object',
};
const expected = (what: string | undefined): Say => (EXPECTED[what ?? ''] ? say(EXPECTED[what ?? '']) : say('verbatim', { text: String(what) }));

/** The kinds of zod issue the loader says in its own words whatever the schema; others fall back to zod's English. */
const SAID_KINDS = new Set(['invalid_type', 'unrecognized_keys', 'invalid_value', 'too_small', 'too_big']);

/** The words of `drill play` and of the controller's seat that name a decision's command by another word. */
const PLAY_WORDS: Record<string, string> = { send: 'dispatch', hold: 'hold_inject', release: 'release_inject', inject: 'add_inject', info: 'public_info', shelter: 'open_shelter' };

/**
 * The command meant by a `do:` written as `drill play` takes it ('declare level', 'declare', 'open shelter',
 * 'hold'): the edit distance finds nothing near 'declare' in 'declare_level', and the hint listed all sixteen.
 */
function commandMeant(v: string, known: readonly string[]): string | undefined {
  const w = v.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (known.includes(w)) return w;
  const starting = known.filter((c) => c.startsWith(`${w}_`));
  if (starting.length === 1) return starting[0];
  const word = PLAY_WORDS[w] ?? VI_WORDS[unaccented(v)];
  return word !== undefined && known.includes(word) ? word : undefined;
}

/**
 * The commands in Vietnamese as `drill play` takes them (engine/play/grammar.ts VI_FORMS), without diacritics:
 * `do: sơ tán` in a decisions file was 'unknown command' with the sixteen English ones to pick from.
 */
const VI_WORDS: Record<string, string> = {
  'dieu dong': 'dispatch', dieu: 'dispatch', 'rut ve': 'recall', 'goi ve': 'recall', 'so tan': 'evacuate',
  'mo noi tru': 'open_shelter', 'mo diem tru': 'open_shelter',
  'ban bo cap': 'declare_level', 'cong bo cap': 'declare_level', 'ban bo cap do': 'declare_level', 'cong bo cap do': 'declare_level',
  'xin ho tro': 'request_support', 'de nghi ho tro': 'request_support', 'dong duong': 'close_road', 'cam duong': 'close_road',
  'mo duong': 'open_road', 'thong duong': 'open_road', 'cam bien': 'sea_ban', 'thong bao': 'public_info', 'thong tin': 'public_info',
  'tra loi': 'answer',
};
const unaccented = (v: string): string => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/**
 * A zod issue of `root` in the loader's words, chosen by its code (not its English text), for another reader
 * of a scenario's parts (the MSEL sheet, engine/scenario/msel.ts): a key missing, a value of the wrong type,
 * not one of the allowed values, too small or large, an unknown key, or a check of the schema that carries its
 * words. Undefined for any other kind: the caller keeps zod's own message, whole and in English.
 */
export function zodIssueWords(root: z.ZodType, issue: z.core.$ZodIssue): RawIssue[] | undefined {
  const zi = issue as unknown as ZodIssueLike;
  if (!SAID_KINDS.has(zi.code) && !(zi.code === 'custom' && zi.params?.words)) return undefined;
  return explain(root, zi, zi.path as PathSegment[]);
}

function flattenZodIssues(root: z.ZodType, list: ZodIssueLike[], base: PathSegment[] = []): Flat[] {
  const out: Flat[] = [];
  for (const zi of list) {
    const path = [...base, ...(zi.path as PathSegment[])];
    out.push(...explain(root, zi, path));
  }
  // `{ foot: 1,5h }`: the decimal comma said, the duration's whole part ('the number 1 is not a duration') is not said again
  const split = new Set(out.flatMap((f) => (f.code === 'decimal-comma' && f.splitFrom ? [formatPath(f.splitFrom)] : [])));
  return split.size ? out.filter((f) => !(f.code === 'duration' && split.has(formatPath(f.path)))) : out;
}

function explain(root: z.ZodType, zi: ZodIssueLike, path: PathSegment[]): Flat[] {
  const mk = (code: string, message: Say, hint?: Say, atKey = false): Flat[] => [{ path, code, message, hint, severity: 'error', atKey }];
  const key = path[path.length - 1];
  /** zod's own words (a kind of issue this loader does not put into its own): English as zod says it, a plain line in Vietnamese */
  const zods = (k: IssueKey): Say => say(k, { text: zi.message });
  switch (zi.code) {
    case 'invalid_type': {
      if (zi.input === undefined) return mk('missing', say('missing.message', { key: String(key) }), addKeyHint(root, path));
      // `horizon: 240`: a duration needs its unit (seconds? minutes?), and the message should say so, not 'expected a text'
      if (typeof zi.input === 'number' && zi.expected === 'string' && isDurationAt(root, path)) {
        return mk('duration', say('duration.number', { value: describeValue(zi.input) }), bareDurationHint(zi.input));
      }
      // `length_km: 25km`, `25 km`, `2,5`: the number is there, with the unit the key's name gives already (or a decimal comma)
      const bare = (zi.expected === 'number' || zi.expected === 'int') && typeof zi.input === 'string' ? /^\s*(-?\d{1,3}(?:[.,]\d{3}){2,}|-?\d+(?:[.,]\d+)?)\s*(?:[^\d\s.,-][^\d]*|\p{L}+[23](?:\/\p{L}+)?)$|^\s*(-?\d+,\d+)\s*$/u.exec(zi.input) : null;
      const kind = numberKindAt(root, path);
      const hint = bare ? bareNumberHint(path, bare[1] ?? bare[2], bare[2] !== undefined, kind) : typeHint(zi.expected, zi.input, key, kind, zi.expected === 'array' && entriesAt(root, path));
      return mk('type', say('type.expected', { expected: expected(zi.expected), got: describeValue(zi.input) }), hint);
    }
    case 'unrecognized_keys':
      return (zi.keys ?? []).map((k) => {
        // `{ length_km: 2,5 }`: the decimal comma ended the value and made '5' a key of its own
        const split = decimalCommaSplit(k, zi.input);
        if (split) {
          // a duration needs its unit, and takes no decimals: `foot: 1,5h` is written 1h30m
          const meant = split.unit && isDurationAt(root, [...path, split.key]) ? suggestDuration(`${split.whole}.${split.decimals}${split.unit}`) : undefined;
          return { path: [...path, k], code: 'decimal-comma', message: say('decimal-comma.message', meant ? { ...split, decimals: `${split.decimals}${split.unit}` } : split), hint: meant ? say('decimal-comma.duration-hint', { key: split.key, meant }) : say('decimal-comma.hint', split), severity: 'error' as const, atKey: true, splitFrom: meant ? [...path, split.key] : undefined };
        }
        const known = knownKeys(root, [...path, k], zi.input);
        // a mapping whose keys are a vocabulary (capabilities, modes): name the vocabulary, list all of it
        const vocab = vocabularyOf(known);
        if (vocab) {
          const near = nearest(k, known) ?? VOCABULARY_WORDS[vocab.name]?.[k.toLowerCase()];
          const words = { plural: say(`vocab.${vocab.plural}` as IssueKey), list: joined(known) };
          return { path: [...path, k], code: `unknown-${vocab.name}`, message: say('vocab.unknown', { vocab: say(`vocab.${vocab.name}` as IssueKey), key: k }), hint: near ? say('vocab.hint-guess', { near, ...words }) : say('vocab.hint', words), severity: 'error' as const, atKey: true };
        }
        // `{ vi: a, b }` in flow style: the comma started a new key
        const comma = /\s/.test(k) && known.includes('vi') ? say('comma.hint') : undefined;
        return { path: [...path, k], code: 'unknown-key', message: say('unknown-key.message', { key: k }), hint: comma ?? sameMeaning(k, known) ?? withUnit(k, known) ?? keyHint(k, known), severity: 'error' as const, atKey: true };
      });
    case 'invalid_value':
      // a required key with a fixed value (`drillsim: 1`) that is not there at all: say it is missing
      if (zi.input === undefined) {
        const vals = (zi.values ?? []).map(String);
        return mk('missing', say('missing.message', { key: String(key) }), vals.length === 1 ? say('missing.add-value', { key: String(key), value: vals[0] }) : vals.length ? say('missing.add-one-of', { key: String(key), list: joined(vals) }) : say('missing.add', { key: String(key) }));
      }
      // the format's version (`drillsim: 2`): what this drillsim reads, and what to do with a file for another
      if (path.length === 1 && (key === 'drillsim' || key === 'drillsim_decisions') && zi.values?.length === 1) {
        return mk('version', say('version.message', { key: String(key), value: describeValue(zi.input), reads: String(zi.values[0]) }), say('version.hint', { key: String(key), reads: String(zi.values[0]) }));
      }
      return mk('enum', say('enum.message', { value: describeValue(zi.input) }), zi.values ? (typeof zi.input === 'string' ? swapped(zi.input, zi.values.map(String)) ?? meantValue(zi.input, zi.values.map(String)) ?? didYouMeanSay(zi.input, zi.values.map(String)) ?? oneOf(zi.values) : numberedValue(zi.input, zi.values.map(String)) ?? oneOf(zi.values)) : undefined);
    case 'too_small':
      if (zi.origin === 'array') return mk('too-few', say('too-few.message', { n: Number(zi.minimum) }), holds(describeAt(root, path)));
      return mk('range', say(zi.inclusive ? 'range.at-least' : 'range.more-than', { value: describeValue(zi.input), n: String(zi.minimum) }));
    case 'too_big':
      if (zi.origin === 'array') return mk('too-many', say('too-many.message', { n: String(zi.maximum) }), holds(describeAt(root, path)));
      // a share or a probability written as a percentage (`vulnerable_share: 35`): the share to write
      // a civil-defence level of 4 or 5: the scale of disaster risk (1-5), which a planner has beside it in the bulletins
      if (key === 'level' && Number(zi.maximum) === 3 && (zi.input === 4 || zi.input === 5)) return mk('range', say('range.at-most', { value: describeValue(zi.input), n: '3' }), say('level.risk-scale', { n: zi.input }));
      return mk('range', say(zi.inclusive ? 'range.at-most' : 'range.less-than', { value: describeValue(zi.input), n: String(zi.maximum) }),
        Number(zi.maximum) === 1 && typeof zi.input === 'number' && zi.input >= 2 && zi.input <= 100 ? say('share-range.pct', { v: zi.input, share: Math.round(zi.input * 100) / 10_000 }) : undefined);
    case 'invalid_format':
      // an id: by its pattern's message (an item of a list of ids has only a number for its key), or by the key
      if (zi.format === 'regex' && (zi.message === ID_PATTERN_MESSAGE || (typeof key === 'string' && (key === 'id' || /^(parent|base|home|area|node|kind|to|zone|unit|edge|hazard|shelter|incident|of|default|for)$/.test(key))))) {
        return mk('id', say('id.message', { value: String(zi.input) }), idHintSay(typeof zi.input === 'string' ? zi.input : undefined));
      }
      // a time since T0 (`at:`, `hazard_arrives:`): say so, and the form to write (`05:40` -> T+05:40)
      if (zi.format === 'regex' && zi.message === 'not a time' && typeof zi.input === 'string' && bareTimeNumber(zi.input) !== undefined) {
        const n = bareTimeNumber(zi.input)!;
        return mk('time', say('time.number', { value: describeValue(zi.input), n }), bareTimeHint(n));
      }
      if (zi.format === 'regex' && zi.message === 'not a time' && typeof zi.input === 'string') return mk('time', say('time.not', { text: zi.input }), timeHintSay(zi.input));
      // `99999999999999999999 hours`: a unit word, and more seconds than a number holds exactly: the length is what is wrong
      if (zi.format === 'regex' && typeof zi.input === 'string' && tooLongToBeDuration(zi.input)) return mk('duration', say('duration.too-long', { text: zi.input.trim() }), say('duration.forms'));
      if (zi.format === 'regex') return mk('duration', typeof zi.input === 'string' ? say('duration.not', { text: zi.input }) : say('zod.format', { text: zi.message.replace(/^Invalid string: /, '') }), typeof zi.input === 'string' ? durationHintSay(zi.input) : say('duration.forms'));
      if (zi.format === 'datetime') return mk('datetime', say('datetime.message', { value: String(zi.input) }), dateTimeHint(String(zi.input)));
      return mk('format', zods('zod.format'));
    case 'invalid_union': {
      if (zi.note === 'No matching discriminator' || zi.discriminator) {
        // zod's path already ends at the discriminator (`decisions[0].do`); older shapes may stop at the entry
        const disc = zi.discriminator ?? 'do';
        const at = path[path.length - 1] === disc ? path : [...path, disc];
        const v = zi.input && typeof zi.input === 'object' ? (zi.input as Record<string, unknown>)[disc] : undefined;
        // the commands this union takes (a decisions file takes more than a scenario's doctrine)
        const known = zi.options?.length ? zi.options.map(String) : [...COMMANDS];
        if (v === undefined) return [{ path: at, code: 'missing', message: say('missing.command', { key: disc }), hint: say('missing.add-one-of', { key: disc, list: joined(known) }), severity: 'error' }];
        const meant = typeof v === 'string' ? commandMeant(v, known) : undefined;
        // a `do:` that is no text (a mapping, a list, a number) is said as what it is, not as '[object Object]'
        const unknown: Flat = typeof v !== 'string' && typeof v !== 'number'
          ? { path: at, code: 'type', message: say('type.expected', { expected: say('expect.string'), got: describeValue(v) }), hint: oneOf(known), severity: 'error' }
          : { path: at, code: 'unknown-command', message: say('unknown-command.message', { value: String(v) }), hint: meant ? say('hint.did-you-mean', { near: meant }) : typeof v === 'string' ? didYouMeanSay(v, known) : oneOf(known), severity: 'error' };
        const entry = asRecord(zi.input);
        return [unknown, ...(entry ? restOfEntry(root, at.slice(0, -1), entry, disc, meant ?? (typeof v === 'string' ? nearest(v, known) : undefined)) : [])];
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
      // a number where a whole number or something else goes (`keep_home: 1.5`): the number's own problem, not 'no allowed form'
      const whole = typeof zi.input === 'number' ? branches.flat().find((i) => i.code === 'type' && i.path.length === path.length && (i.message.params?.expected as Say | undefined)?.key === 'expect.int') : undefined;
      if (whole) return [whole];
      // the key is not there at all (a key written with no value reads as null, not as nothing)
      if (zi.input === undefined) return mk('missing', say('missing.message', { key: String(key) }), addKeyHint(root, path));
      if (typeof zi.input === 'number' && isDurationAt(root, path)) {
        return mk('duration', say('duration.number', { value: describeValue(zi.input) }), bareDurationHint(zi.input));
      }
      // `severity: "3"`: a number in quotes is a text, which no form of a number field takes
      const quoted = typeof zi.input === 'string' && NUMBER_TEXT.test(zi.input) && typeof key === 'string' ? say('type.unquote', { key, n: zi.input.trim() }) : undefined;
      return mk('form', say('form.message', { value: describeValue(zi.input) }), quoted ?? distributionHint(root, path) ?? expectedWhat(describeAt(root, path)) ?? say('form.hint'));
    }
    case 'invalid_key': {
      // a key of a mapping keyed by ids (`keep_home: { Mường Xén: 1 }`): say it as for any id written as a name
      if (typeof key === 'string' && !ID_RE.test(key)) return [{ path, code: 'id', message: say('id.message', { value: key }), hint: idHintSay(key), severity: 'error', atKey: true }];
      return mk('invalid-key', zods('zod.invalid-key'));
    }
    case 'custom': {
      // the schema's own checks (durations, distributions, a text in neither language) carry their words in params
      const words = zi.params?.words;
      return mk(zi.params?.code ?? 'invalid', words?.message ?? zods('zod.other'), words ? words.hint : zi.params?.hint === undefined ? undefined : say('verbatim', { text: zi.params.hint }));
    }
    default:
      return mk(zi.code.replace(/_/g, '-'), zods('zod.other'));
  }
}

const oneOf = (values: readonly unknown[]): Say => say('hint.one-of', { list: joined(values.map(String)) });

// ---------------------------------------------------------------- words planners use for the keys we have

/**
 * Keys written for another one that means the same (a rule given `at:` starts
 * at `from:`), which spelling alone would not find: 'at' is nearer 'id'.
 */
const SAME_MEANING: Record<string, string[]> = {
  at: ['from'], time: ['at', 'from'], start: ['from', 'at'], starts: ['from'], begin: ['from'], after: ['from'],
  end: ['until'], stop: ['until'], ends: ['until'], to: ['until'],
  capacity: ['capacity_people'], people: ['population'], pop: ['population'],
};

function sameMeaning(key: string, known: string[]): Say | undefined {
  // `At:`, `Expected:`: the key itself in capitals, not another that means the same (an inject's `at` is not a rule's `from`)
  if (known.includes(key.toLowerCase())) return say('hint.did-you-mean', { near: key.toLowerCase() });
  // a key named as an Object's own (`constructor:`, `toString:`) is not one of ours: hasOwn, not SAME_MEANING[key]
  const meant = Object.hasOwn(SAME_MEANING, key.toLowerCase()) ? SAME_MEANING[key.toLowerCase()].find((k) => known.includes(k)) : undefined;
  if (!meant) return undefined;
  if (meant === 'from' || meant === 'until') return say(known.includes('until') ? 'same.from-until' : 'same.from', { meant });
  return say('hint.did-you-mean', { near: meant });
}

/**
 * The hint for an unknown key: the key meant when a slip of the keyboard explains it, else the keys there are
 * and to remove it. A short key is near many others ('note' is two letters from 'role', 'zone' and 'node'), so
 * up to five letters a guess takes one slip only: a wrong guess sends the planner to a key they never meant.
 */
function keyHint(key: string, known: string[]): Say {
  const near = nearest(key, known);
  if (near !== undefined && (key.length > 5 || editDistance(key, near) <= 1)) return say('hint.did-you-mean', { near });
  if (known.length === 0) return say('hint.remove-it');
  const SHOWN = 16;
  return known.length > SHOWN ? say('unknown-key.allowed-more', { list: joined(known.slice(0, SHOWN)), n: String(known.length - SHOWN) }) : say('unknown-key.allowed', { list: joined(known) });
}

/** `speed` for `speed_kmh`, `stock` for `stock_person_days`: the key without the unit its name carries. */
function withUnit(key: string, known: string[]): Say | undefined {
  const meant = known.filter((k) => k.startsWith(`${key.toLowerCase()}_`));
  return meant.length ? say('with-unit.hint', { list: joined(meant.map((k) => say('quoted', { text: k })), 'sep.or') }) : undefined;
}

/**
 * Values written in the words of Vietnamese practice or of other doctrine (DOMAIN.md): a mechanism
 * exercise (*diễn tập vận hành cơ chế*) is `functional`, a map or sand-table exercise `tabletop`.
 */
const MEANT_VALUES: Record<string, string> = {
  mechanism: 'functional', 'command-post': 'functional', cpx: 'functional', map: 'tabletop', 'sand-table': 'tabletop', ttx: 'tabletop',
  field: 'drill', fse: 'full-scale', 'full scale': 'full-scale', fullscale: 'full-scale',
  // comparators as a word processor types them
  '≥': '>=', '≤': '<=', '=': '==', '=>': '>=', '=<': '<=',
};

/**
 * A unit's force as the plan names it in Vietnamese (`owner: Công an xã`), and an inject's method and type as
 * the MSEL does (`method: công điện`, `type: chỉ đạo`), with or without diacritics: the value the format writes
 * for it. Longer names first where one holds another (công an xã before công an).
 */
const VI_VALUE_WORDS: Record<string, string> = {
  // methods, as the report and the Markdown MSEL name them (review/messages.ts), and as a plan says them
  'dien thoai': 'phone', 'vo tuyen dien': 'radio', 'vo tuyen': 'radio', 'bo dam': 'radio', 'cong dien': 'dispatch', 'ban tin': 'bulletin',
  'mang xa hoi': 'social-media', 'thu dien tu': 'email', 'truc tiep': 'in-person', 'duong day nong': 'hotline',
  // inject types
  'thong tin': 'information', 'thong bao': 'information', 'chi dao': 'directive', 'chi thi': 'directive', 'menh lenh': 'directive',
  'de nghi': 'request', 'yeu cau': 'request', 'du phong': 'contingency', 'tinh huong du phong': 'contingency',
  'bo doi bien phong': 'border-guard', 'bien phong': 'border-guard', 'quan doi': 'military', 'bo doi': 'military',
  'canh sat pccc': 'police-fire-rescue', 'canh sat pccc va cnch': 'police-fire-rescue', pccc: 'police-fire-rescue', pc07: 'police-fire-rescue',
  'cong an xa': 'commune-police', 'cong an phuong': 'commune-police', 'cong an': 'police',
  'dan quan': 'militia', 'dan quan tu ve': 'militia', 'xung kich': 'shock-team', 'doi xung kich': 'shock-team', 'to xung kich': 'shock-team',
  'thanh nien tinh nguyen': 'youth-volunteers', 'thanh nien xung kich': 'youth-volunteers', 'doan thanh nien': 'youth-volunteers',
  'chu thap do': 'red-cross', 'hoi chu thap do': 'red-cross', 'y te': 'health-115', 'tram y te': 'health-115',
  'kiem lam': 'forest-rangers', 'dien luc': 'utility', 'thuy dien': 'hydropower', 'nguoi dan': 'civilian', 'dan su': 'civilian',
};

function meantValue(text: string, values: string[]): Say | undefined {
  const said = text.normalize('NFC').trim().toLowerCase();
  const tier = TIER_WORDS.get(plain(said.replace(/^cấp\s+/, '')));
  if (tier && values.includes(tier.tier)) return say('enum.tier', { word: tier.word, tier: tier.tier });
  const force = VI_VALUE_WORDS[plain(said)];
  if (force && values.includes(force)) return say('enum.vi-word', { word: text.trim(), value: force });
  const meant = MEANT_VALUES[said];
  if (!meant || !values.includes(meant)) return undefined;
  return said === 'field' ? say('enum.field') : say('hint.did-you-mean', { near: meant });
}

/**
 * The tiers of Vietnamese government in their own words, with or without diacritics (`tier: xã`): a xã
 * or a phường is a commune (the level of a commune since 2025), a huyện a district, a tỉnh a province.
 */
const TIER_WORDS: ReadonlyMap<string, { word: string; tier: string }> = new Map(Object.entries({
  commune: ['xã', 'phường', 'thị trấn', 'đặc khu'],
  district: ['huyện', 'quận', 'thị xã'],
  province: ['tỉnh', 'thành phố trực thuộc trung ương'],
  national: ['trung ương', 'quốc gia', 'toàn quốc'],
}).flatMap(([tier, words]) => words.map((word) => [plain(word), { word, tier }] as const)));

/** A Vietnamese word without its diacritics ('xã' and 'xa' are the same word typed on a keyboard without them). */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/\s+/g, ' ');
}

/**
 * A date-time without its UTC offset, or with a space for the T, or written the Vietnamese way (`01/10/2022 18:00`,
 * day/month/year, as `msel import` reads it): the same moment written as the format wants it (Vietnam is UTC+7).
 */
function dateTimeHint(text: string): Say {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  const read = m ? undefined : dateAndClock(text);
  if (!m && (!read || (read.seconds === undefined && !read.alone))) return say('datetime.like');
  const order = read?.dmy ? say('msel.time-dmy') : say('empty');
  const [y, mo, d] = m ? m[1].split('-').map(Number) : [read!.y, read!.mo, read!.d];
  const date = `${y}-${pad2(mo)}-${pad2(d)}`;
  // the right shape, but no day of the calendar or time of the clock: say which, rather than repeat it back
  if (mo < 1 || mo > 12) return say('datetime.no-month', { month: String(mo) });
  const days = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  if (d < 1 || d > days) return say('datetime.no-day', { date, month: String(mo), days: String(days) });
  if (read) {
    // a date alone: the hour the drill starts is not there to write
    if (read.seconds === undefined) return say('datetime.day-only', { order, date });
    const s = read.seconds;
    return say('datetime.write-read', { order, value: `${date}T${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}+07:00` });
  }
  if (Number(m![2]) > 23 || Number(m![3]) > 59 || Number(m![4] ?? 0) > 59) return say('datetime.no-time', { time: `${m![2]}:${m![3]}${m![4] ? `:${m![4]}` : ''}` });
  const offset = m![5] ? (m![5] === 'Z' ? 'Z' : `${m![5].slice(0, 3)}:${m![5].slice(-2)}`) : '+07:00';
  return say(m![5] ? 'datetime.write' : 'datetime.write-offset', { value: `${m![1]}T${m![2]}:${m![3]}:${m![4] ?? '00'}${offset}` });
}

const VOCABULARIES = [
  { name: 'capability', plural: 'capabilities', words: CAPABILITIES as readonly string[] },
  { name: 'mode', plural: 'modes', words: MODES as readonly string[] },
];

/** The vocabulary a mapping's keys are drawn from (capabilities in `capabilities:` and `need:`), if any. */
function vocabularyOf(known: string[]): (typeof VOCABULARIES)[number] | undefined {
  return VOCABULARIES.find((v) => v.words.length === known.length && v.words.every((w) => known.includes(w)));
}

/** Words for a capability or mode that spelling would not lead to ('excavation' is engineering). */
const VOCABULARY_WORDS: Record<string, Record<string, string>> = {
  capability: Object.fromEntries(Object.entries({
    engineering: ['excavation', 'excavator', 'digging', 'earthmoving', 'earth-moving', 'heavy-equipment', 'construction', 'demolition', 'bridging', 'road-clearing', 'clearing', 'debris'],
    medical: ['ambulance', 'first-aid', 'health', 'triage', 'ems', 'paramedic', 'doctor'],
    fire: ['firefighting', 'fire-fighting', 'firefighter', 'extinguish'],
    rescue: ['search', 'sar', 'search-and-rescue', 'extrication'],
    chemical: ['hazmat', 'cbrn', 'decontamination', 'toxic'],
    boat: ['boats', 'water', 'water-rescue', 'swiftwater', 'swift-water', 'flood-rescue'],
    logistics: ['supply', 'supplies', 'food', 'relief'],
    transport: ['vehicle', 'vehicles', 'truck', 'trucks', 'bus', 'evacuation'],
    command: ['coordination', 'command-post', 'comms', 'communications'],
  }).flatMap(([cap, words]) => words.map((w) => [w, cap]))),
  mode: { car: 'road', truck: 'road', drive: 'road', walk: 'foot', walking: 'foot', helicopter: 'air', water: 'boat' },
};

/**
 * The other problems of an entry whose command (`do:`) is unknown, said with it: a planner who fixes the command
 * should not then meet a misspelt key (`time:` for `at:`) that was there all along. With the command meant, the
 * entry is read as that command; else its keys are read against those of every command, and the keys every
 * command has (`at`, `role`) are read as such.
 */
function restOfEntry(root: z.ZodType, entry: PathSegment[], input: Record<string, unknown>, disc: string, meant: string | undefined): Flat[] {
  const options: any[] = (schemaAt(root, entry)?._zod?.def?.options ?? []).map(unwrap);
  const keysOf = (o: any): string[] => (o?._zod?.def?.type === 'object' ? Object.keys(o._zod.def.shape) : []);
  if (options.length === 0) return [];
  const mine = meant === undefined ? undefined : options.find((o) => o?._zod?.propValues?.[disc]?.has(meant));
  if (mine) {
    const r = mine.safeParse({ ...input, [disc]: meant }, { reportInput: true });
    return r.success ? [] : flattenZodIssues(root, r.error.issues as ZodIssueLike[], entry);
  }
  const all = new Set(options.flatMap(keysOf));
  const common = keysOf(options[0]).filter((k) => k !== disc && options.every((o) => keysOf(o).includes(k)));
  const out: Flat[] = [];
  if (common.length) {
    const shape = options[0]._zod.def.shape;
    const r = z.object(Object.fromEntries(common.map((k) => [k, shape[k]]))).safeParse(input, { reportInput: true });
    if (!r.success) out.push(...flattenZodIssues(root, r.error.issues as unknown as ZodIssueLike[], entry));
  }
  const strange = Object.keys(input).filter((k) => !all.has(k));
  if (strange.length) out.push(...explain(root, { code: 'unrecognized_keys', path: [], message: '', keys: strange, input }, entry));
  return out;
}

const asRecord = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : undefined);

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
  if (def?.type === 'record' && Array.isArray(unwrap(def.keyType)?.options)) return unwrap(def.keyType).options.map(String);
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
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const def = unwrap(s)?._zod?.def;
    if (def?.type === 'object' && typeof seg === 'string') s = def.shape[seg];
    else if (def?.type === 'array') s = def.element;
    // a distribution's values: `uniform: [min, max]`, `triangular: [min, mode, max]`
    else if (def?.type === 'tuple' && typeof seg === 'number') s = def.items[seg];
    else if (def?.type === 'record') s = def.valueType;
    // a union of mappings (a decisions file's entries, one per command): the first in which the rest of the path
    // is there too (`inject` is an id in `answer`, the inject itself in `add_inject`)
    else if (def?.type === 'union' && typeof seg === 'string') {
      for (const o of def.options as any[]) {
        const od = unwrap(o)?._zod?.def;
        if (od?.type !== 'object' || !(seg in od.shape)) continue;
        const rest = fieldSchemaAt(od.shape[seg], path.slice(i + 1));
        if (rest !== undefined) return rest;
      }
      return undefined;
    } else return undefined;
    if (s === undefined) return undefined;
  }
  return s;
}

/** Is the value at `path` a text a planner writes in words (a `Text`: a name, a subject, a message, or its `vi:` or `en:`)? */
function isTextAt(root: z.ZodType, path: PathSegment[]): boolean {
  const text = (p: PathSegment[]) => unwrap(fieldSchemaAt(root, p)) === Text;
  const last = path[path.length - 1];
  return text(path) || ((last === 'vi' || last === 'en') && text(path.slice(0, -1)));
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

/** `add 'base:'`, with what the key holds when the schema says (`add 'base:', the road node ...`). */
function addKeyHint(root: z.ZodType, path: PathSegment[]): Say {
  const key = String(path[path.length - 1]);
  const what = describeAt(root, path);
  return what !== undefined ? say('missing.add-what', { key, what: description(what) }) : say('missing.add', { key });
}

/** `=>` for `>=`, `=<` for `<=`: the signs written the other way round, which spelling distance reads as `==`. */
function swapped(text: string, values: string[]): Say | undefined {
  const back = [...text.trim()].reverse().join('');
  return back !== text && values.includes(back) ? say('hint.did-you-mean', { near: back }) : undefined;
}

/** The schema's description of the field at `path` (English, as `drill schema` gives it), if it has one. */
function describeAt(root: z.ZodType, path: PathSegment[]): string | undefined {
  let s = fieldSchemaAt(root, path);
  for (let i = 0; i < 6 && s; i++) {
    if (s.description) return s.description;
    const def = s._zod?.def;
    s = def?.innerType ?? def?.in;
  }
  return undefined;
}

/** A field's description in words for any language (issue-words.ts DESCRIPTIONS_VI has each of the schema's). */
const description = (en: string): Say => say('bi', { en: flowsMarked(en), vi: flowsMarked(DESCRIPTIONS_VI[en] ?? en) });
/** A description's examples in braces (`{ vi: ..., en: ... }`, `{ road: 40, foot: 4 }`) marked as snippets of the format: a JSON file is shown them in JSON. */
function flowsMarked(text: string): string {
  let out = '';
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' && depth++ === 0) start = i;
    else if (text[i] === '}' && depth > 0 && --depth === 0) {
      const flow = text.slice(start, i + 1);
      out += /\w: /.test(flow) ? `⟪${flow}⟫` : flow;
    } else if (depth === 0) out += text[i];
  }
  return depth === 0 ? out : text;
}
/** 'expected <what the field holds>' */
/**
 * What kind of number the field at `path` takes, for an example to write that fits it: a whole number (a count:
 * `population`, `crew`, `capacity_people`, `seq`; a severity or a level, within its range), a share from 0 to 1
 * (`vulnerable_share`, a `probability`, a road's `factor`), or any number (a coordinate, a weight, a rate).
 */
type NumberKind = { kind: 'whole'; example: number } | { kind: 'share' } | { kind: 'number' };
function numberKindAt(root: z.ZodType, path: PathSegment[]): NumberKind {
  const s = unwrap(fieldSchemaAt(root, path));
  if (s?._zod?.def?.type !== 'number') return { kind: 'number' };
  const lo = typeof s.minValue === 'number' && Number.isFinite(s.minValue) ? s.minValue : undefined;
  const hi = typeof s.maxValue === 'number' && Number.isFinite(s.maxValue) ? s.maxValue : undefined;
  if (s.isInt === true || s.format === 'safeint' || s.format === 'int32' || s.format === 'uint32') {
    // 12 is no severity (1-5) nor level (0-3): the middle of the range is
    return { kind: 'whole', example: hi !== undefined && hi < 12 ? Math.round(((lo ?? 0) + hi) / 2) : 12 };
  }
  if (lo !== undefined && lo >= 0 && hi !== undefined && hi <= 1) return { kind: 'share' };
  // a distribution's value takes any number (a trip's `variability` is a multiplier), but people and a severity are counted
  const field = [...path].reverse().find((seg) => typeof seg === 'string' && !Object.hasOwn(FAMILY_FORM, seg) && seg !== 'fixed' && seg !== 'exponential' && !DIST_PARTS.has(seg));
  if (field !== undefined && Object.hasOwn(WHOLE_IN_DISTRIBUTION, field as string) && path.length > 0) return { kind: 'whole', example: WHOLE_IN_DISTRIBUTION[field as string] };
  return { kind: 'number' };
}
/** The keys of a distribution's family (`normal: { mean, sd, min, max }`), which say nothing of what is counted. */
const DIST_PARTS = new Set(['mean', 'sd', 'min', 'max', 'median', 'sigma']);
/** Distributions whose values are whole counts, with an example in range: people at risk, a severity 1-5. */
const WHOLE_IN_DISTRIBUTION: Record<string, number> = { people: 12, severity: 3 };

/**
 * What to write for a number given with words after it (`25 người`, `450 người/giờ`, `35%`) or a decimal comma
 * (`2,5`): the number alone, as the field reads it. In a count of people or things a `.` or `,` before three
 * digits groups thousands (`1.400 người` is 1400 people: 'the number alone: 1.400' would read as 1.4), as do two or more such groups
 * anywhere (`1.400.000`), and a
 * percentage where the field is a share from 0 to 1 is that share (`35%` is 0.35: 35 is out of range there).
 */
function bareNumberHint(path: PathSegment[], written: string, decimalComma: boolean, kind: NumberKind): Say {
  const counting = kind.kind === 'whole' || path.some((seg) => typeof seg === 'string' && COUNT_KEYS.has(seg));
  if (/^-?\d{1,3}(?:[.,]\d{3}){2,}$/.test(written) || (counting && /^\d{1,3}[.,]\d{3}$/.test(written))) return say('thousands.hint', { digits: written.replace(/[.,]/g, '') });
  const n = written.replace(',', '.');
  // `area_m2: 2.600 m2`: 2600 with a thousands separator, or 2.6? Either reading, said; 'the number alone: 2.600' chose 2.6
  if (/^\d{1,3}[.,]\d{3}$/.test(written)) return say('thousands.or-decimal', { digits: written.replace(/[.,]/g, ''), n: String(Number(n)) });
  if (decimalComma) return say('type.decimal-point', { n });
  // `vulnerable_share: 30%`, `35 phần trăm`: the number alone (30) is no share; 0.3 is
  if (kind.kind === 'share' && Number(n) > 1 && Number(n) <= 100) return say('share-range.pct', { v: n, share: Math.round(Number(n) * 100) / 10_000 });
  return say('type.number-alone', { n });
}

/**
 * A key that is the decimals of the number before it (`{ length_km: 2,5 }` reads as length_km: 2 and a key '5'
 * with no value, `2,5 km` as a key '5 km'): the field, its whole part and the decimals, or undefined.
 */
function decimalCommaSplit(k: string, input: unknown): { key: string; whole: string; decimals: string; unit?: string } | undefined {
  const m = /^(\d+)(?:\s*(\p{L}[\p{L}\d/²³]*))?$/u.exec(k);
  const o = asRecord(input);
  if (!m || !o || o[k] !== null) return undefined;
  const whole = (x: string) => typeof o[x] === 'number' && Number.isInteger(o[x]);
  const keys = Object.keys(o);
  // an integer key ('5') comes first among an object's keys, not where it was written: then the one whole number there
  const ints = keys.filter(whole);
  const before = /^\d+$/.test(k) ? (ints.length === 1 ? ints[0] : undefined) : keys[keys.indexOf(k) - 1];
  return before !== undefined && whole(before) ? { key: before, whole: String(o[before]), decimals: m[1], unit: m[2] } : undefined;
}

/** The one value named by a number and a prefix (`alarm: 2`, the gauge's alarm level 2, is `bd2`), as a guess. */
function numberedValue(input: unknown, values: string[]): Say | undefined {
  if (typeof input !== 'number' || !Number.isInteger(input)) return undefined;
  const named = values.filter((v) => new RegExp(`^\\p{L}+${input}$`, 'u').test(v));
  return named.length === 1 ? say('hint.did-you-mean', { near: named[0] }) : undefined;
}

/** A number written as a text: digits, a sign, a decimal point. */
const NUMBER_TEXT = /^\s*-?\d+(?:\.\d+)?\s*$/;

/** What to do about a value of the wrong type, where there is more to say than the type: a number in quotes, a word for a number, an empty key. */
function typeHint(wanted: unknown, input: unknown, key: PathSegment | undefined, kind: NumberKind = { kind: 'number' }, entries = false): Say | undefined {
  const k = typeof key === 'string' ? key : undefined;
  const number = wanted === 'number' || wanted === 'int';
  if (number && typeof input === 'string' && NUMBER_TEXT.test(input) && k) return say('type.unquote', { key: k, n: input.trim() });
  // a word for a number: an example that fits the field (0.5 is no crew, 12 no share nor severity)
  if (number && typeof input === 'string') {
    if (kind.kind === 'whole') return say('type.digits-whole', { n: kind.example });
    if (wanted === 'int') return say('type.digits-whole', { n: 12 });
    return say(kind.kind === 'share' ? 'type.digits-share' : 'type.digits');
  }
  if (input === null && k) return say('type.empty', { key: k });
  // one item where a list goes (`objectives: evac-x`, `declares: 1`): the same item in brackets
  if (wanted === 'array' && k && (typeof input === 'string' || typeof input === 'number') && String(input).trim() !== '') return say('type.in-brackets', { key: k, text: String(input).trim(), json: JSON.stringify(typeof input === 'string' ? input.trim() : input) });
  // one entry where a list of them goes (`commands: { do: evacuate, zone: x }`): the same entry in brackets
  const entry = entries && k ? asRecord(input) : undefined;
  const flat = entry ? Object.entries(entry) : [];
  if (flat.length > 0 && flat.length <= 6 && flat.every(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
    return say('type.in-brackets', { key: k!, text: `{ ${flat.map(([n, v]) => `${n}: ${v}`).join(', ')} }`, json: JSON.stringify(entry) });
  }
  // a list of names where a mapping of each to its value goes (`capabilities: [rescue, transport]`): the same names, each with a value
  if ((wanted === 'object' || wanted === 'record') && k && Array.isArray(input) && input.length > 0 && input.every((x) => typeof x === 'string' && /^[\w-]+$/.test(x)) && !Object.hasOwn(FAMILY_FORM, k)) {
    return say('type.as-mapping', { key: k, text: (input as string[]).map((x) => `${x}: ...`).join(', ') });
  }
  // a distribution's family in the other brackets (`normal: [2, 6]`, `uniform: { min: 2, max: 6 }`): its own form
  if (k !== undefined && Object.hasOwn(FAMILY_FORM, k) && (wanted === 'object' || wanted === 'record' || wanted === 'array' || wanted === 'tuple')) return say('type.family-form', { form: say(FAMILY_FORM[k]) });
  return undefined;
}

/** How each family of a distribution is written (a scenario's durations and counts), in the words of the file's format and language. */
const FAMILY_FORM: Record<string, IssueKey> = { uniform: 'family.uniform', triangular: 'family.triangular', normal: 'family.normal', lognormal: 'family.lognormal' };

/**
 * The forms a value that may be a distribution takes, for one written in none of them (`mobilisation: [5m]`): the
 * field's description alone said what it means, not how to write it.
 */
function distributionHint(root: z.ZodType, path: PathSegment[]): Say | undefined {
  let x = fieldSchemaAt(root, path);
  for (let i = 0; i < 8 && x; i++) {
    if (typeof x.description === 'string' && /: a value, or one of \{ uniform/.test(x.description)) {
      return say('form.distribution', { value: isDurationAt(root, path) ? '20m' : '3' });
    }
    const def = x._zod?.def;
    x = def?.innerType ?? def?.in;
  }
  return undefined;
}

const expectedWhat = (en: string | undefined): Say | undefined => (en === undefined ? undefined : say('type.expected-what', { what: description(en) }));
/** 'it holds <what the field holds>' */
const holds = (en: string | undefined): Say | undefined => (en === undefined ? undefined : say('too-few.hint', { what: description(en) }));
