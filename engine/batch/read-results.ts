/**
 * Reading a batch results file back (drill merge, report, verify): what it is when it is not one, and where a file
 * changed by hand is wrong, down to the line of the figure. Apart from results.ts, which a batch worker loads: the
 * line of a figure in a re-indented file is found with the YAML reader, which a worker does not need.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { jsonBreak } from '../core/json-break.js';
import type { Rating } from '../review/metrics.js';
import type { Lang } from '../scenario/text.js';
import { ENGINE_VERSION } from '../version.js';
import { BATCH_FORMAT, describeJob, HEADER_KEYS, isResultsCsv, type BatchResults, type BatchTexts, type RunMetric, type RunRecord } from './results.js';
import { aggregateDifferences, NONE } from './verify.js';
import { say } from './words.js';

const RATINGS: readonly (Rating | null)[] = ['P', 'S', 'M', 'U'];

/** `at`: the line of the file the problem is on and the path in its record, when it is one line's (a figure edited by hand). */
export type ReadResults = { ok: true; results: BatchResults } | { ok: false; message: string; hint?: string; at?: { line: number; path: string } };

/** Read a results file back; says plainly when the text is not one, in the language asked for. */
export function readResults(text: string, lang: Lang = 'en'): ReadResults {
  const w = (key: string, params: Record<string, string | number> = {}) => say(lang, key, params);
  const HINT = w('rr.hint');
  if (isResultsCsv(text)) {
    return { ok: false, message: w('rr.csv'), hint: w('rr.csv_hint') };
  }
  // JSON has no byte-order mark, but a file saved with one is the same results (the line and column below hold)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, message: w('rr.empty'), hint: HINT };
  // the YAML files of drillsim given in the wrong place: what they are, rather than a JSON syntax error at their first '#'
  const start = text.slice(0, 4096);
  if (/^\s*drillsim:\s*1\s*$/m.test(start) || /^\s*\{\s*"drillsim"\s*:\s*1\b/.test(start)) {
    return { ok: false, message: w('rr.scenario'), hint: w('rr.scenario_hint') };
  }
  if (/^\s*drillsim_decisions:/m.test(start)) {
    return { ok: false, message: w('rr.decisions'), hint: w('rr.decisions_hint') };
  }
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // a results file is written one record per line: where it breaks says which run is damaged
    // V8's words without the text it quotes (which may hold line breaks), and the place even where V8 names none
    // (it quotes the text instead: "Unexpected token 'h', "hello\n" is not valid JSON"), so the message is one line
    const { what: error, place } = jsonBreak(text, e as Error, true);
    const where = place === null ? null : { line: place.line, col: place.column };
    const ours = text.slice(0, 200).includes(`"format":"${BATCH_FORMAT}"`) || text.slice(0, 200).includes(`"format": "${BATCH_FORMAT}"`);
    if (ours) {
      const message = where ? w('rr.damaged_at', { line: where.line, col: where.col, error }) : w('rr.damaged_end');
      return { ok: false, message, hint: w('rr.damaged_hint') };
    }
    const message = where ? w('rr.json_at', { error, line: where.line, col: where.col }) : w('rr.json', { error });
    return { ok: false, message, hint: HINT };
  }
  if (typeof raw !== 'object' || raw === null || raw.format !== BATCH_FORMAT) {
    const f = raw && typeof raw === 'object' ? raw.format : undefined;
    if (f === 'drillsim/run@1') return { ok: false, message: w('rr.run_log'), hint: HINT };
    return { ok: false, message: f ? w('rr.format', { format: String(f) }) : w('rr.no_format', { format: BATCH_FORMAT }), hint: HINT };
  }
  for (const k of [...HEADER_KEYS, 'shard', 'results']) {
    if (!(k in raw)) return { ok: false, message: w('rr.no_key', { key: k }) };
  }
  if (!Array.isArray(raw.results) || !Number.isInteger(raw.runs) || raw.runs < 1) return { ok: false, message: w('rr.damaged_runs') };
  if (raw.vi !== undefined && !isBatchTexts(raw.vi)) return { ok: false, message: w('rr.damaged_vi') };
  if (isMapping(raw.decisions) && raw.decisions.session !== undefined && !isSession(raw.decisions.session)) return { ok: false, message: w('rr.damaged_session'), hint: w('rr.damaged_hint') };
  const total = raw.runs * (raw.vary ? raw.vary.values.length : 1);
  for (const r of raw.results) {
    // (metrics or objectives null, or a list, is no record either: read on, the first look at a figure failed with an internal error)
    if (typeof r !== 'object' || r === null || !Number.isInteger(r.j) || r.j < 1 || r.j > total || !isMapping(r.metrics) || !isMapping(r.objectives)
      || (r.areas !== undefined && !isRecordOfObjects(r.areas)) || (r.units !== undefined && !isRecordOfObjects(r.units))) {
      return { ok: false, message: w('rr.damaged_record', { record: JSON.stringify(r).slice(0, 80) }) };
    }
  }
  // a figure the batch writes as a number that is now text, or a rating no batch writes: edited by hand, and read
  // as it is it would be counted as 'never' (or in no rating) without a word, so the tables and the page would be
  // wrong. The file and the line are named; a number changed to another number is drill verify's to find.
  const bad = badFigure(raw as BatchResults);
  if (bad) {
    const line = lineOfFigure(text, bad.record, bad.keys);
    const params = { run: describeJob(raw, bad.record.j, lang), path: bad.path, got: shownValue(bad.got, lang), want: w(`rr.want.${bad.want}`) };
    return {
      ok: false,
      message: w(line === null ? 'rr.bad_figure_path' : 'rr.bad_figure', params),
      hint: w('rr.bad_figure_hint'),
      ...(line === null ? {} : { at: { line, path: bad.path } }),
    };
  }
  return { ok: true, results: raw as BatchResults };
}

/**
 * Where the file's stored aggregates are not those its own runs give (a figure of a run, or a total, changed to
 * another number by hand): the first figure that differs, both values, how many differ, and the line of its
 * aggregate when the file is laid out as the batch writes it. Null when they agree, and for a file of another
 * engine version, whose aggregates this engine may compute otherwise (drill verify says that one). What drill
 * report warns of: it shows the file as it holds it, and the runs it draws would not add up to its totals.
 */
export function totalsDiffer(file: string, text: string, r: BatchResults, lang: Lang = 'en'): { message: string; hint: string; line: number | null } | null {
  if (r.engine !== ENGINE_VERSION) return null;
  // a figure both sides have: an aggregate field the file lacks is a file of another layout, not a total edited
  const diffs = aggregateDifferences(r, r.aggregates, r.results).filter((d) => d.file !== NONE && d.other !== NONE && !d.path.includes('(order'));
  if (diffs.length === 0) return null;
  const d = diffs[0];
  // the aggregate is named by its value (the filter above left out those named by index: one side lacks them)
  const i = Math.max(0, r.aggregates.findIndex((a) => a.value === d.value));
  const lines = text.split('\n');
  const open = lines.findIndex((l) => l.startsWith('"aggregates":['));
  const line = open >= 0 && lines[open + 1 + i]?.startsWith('{"value":') ? open + 2 + i : null;
  const of = r.vary && d.value !== null ? say(lang, 'rr.totals_of', { key: r.vary.key, value: d.value }) : '';
  const more = diffs.length > 1 ? say(lang, 'rr.totals_more', { n: diffs.length }) : '';
  return {
    message: say(lang, 'rr.totals', { path: `aggregates.${d.path}`, of, file: d.file, runs: d.other, more }),
    hint: say(lang, 'rr.totals_hint', { file }),
    line,
  };
}

/** What the batch writes where a figure was edited (words.ts 'rr.want.*'). */
type Want = 'number' | 'rating' | 'boolean' | 'outcome';

/** The first figure of a run record that is not of the kind the batch writes there: the record, its path, the value, what was expected. */
/** `keys`: the path's keys one by one (an area's id may hold a dot). */
function badFigure(r: BatchResults): { record: RunRecord; path: string; keys: string[]; got: unknown; want: Want } | null {
  const num = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
  const at = (record: RunRecord, keys: string[], got: unknown, want: Want) => ({ record, path: keys.join('.'), keys, got, want });
  for (const x of r.results) {
    if (!Number.isInteger(x.seed)) return at(x, ['seed'], x.seed, 'number');
    for (const m of Object.keys(r.metrics)) {
      if (!num(x.metrics[m as RunMetric])) return at(x, ['metrics', m], x.metrics[m as RunMetric], 'number');
    }
    for (const o of r.objectives) {
      const out = x.objectives[o.id];
      // an objective's outcome is a mapping: 'a number (or null)' would be said of a null it was edited to
      if (typeof out !== 'object' || out === null || Array.isArray(out)) return at(x, ['objectives', o.id], out, 'outcome');
      if (!num(out.value)) return at(x, ['objectives', o.id, 'value'], out.value, 'number');
      if (!(out.rating === null || RATINGS.includes(out.rating))) return at(x, ['objectives', o.id, 'rating'], out.rating, 'rating');
      if (typeof out.met !== 'boolean') return at(x, ['objectives', o.id, 'met'], out.met, 'boolean');
    }
    for (const [kind, rec] of [['areas', x.areas], ['units', x.units]] as const) {
      for (const [id, fig] of Object.entries(rec ?? {})) {
        for (const [k, v] of Object.entries(fig as unknown as Record<string, unknown>)) if (!num(v)) return at(x, [kind, id, k], v, 'number');
      }
    }
  }
  return null;
}

/**
 * The line of the file a figure of a run record is on: the record's line when the record is on one (as a batch
 * writes it); in a file laid out over many lines (re-indented by an editor, or JSON.stringify(..., 2)), the line of
 * the figure's own key, or of the nearest key around it when it is absent; the record's `{` named the wrong line.
 * Null when the record cannot be found.
 */
function lineOfFigure(text: string, rec: RunRecord, keys: readonly string[]): number | null {
  const start = text.search(new RegExp(`\\{\\s*"j"\\s*:\\s*${rec.j}\\s*,`));
  if (start < 0) return null;
  const lineOf = (at: number) => {
    let line = 1;
    for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  const body = text.slice(start, endOfObject(text, start));
  if (!body.includes('\n')) return lineOf(start);
  // the record alone, read with positions (it is JSON, which YAML reads): its key's offset within the record
  const doc = parseDocument(body, { lineCounter: new LineCounter() });
  let node: unknown = doc.contents;
  let keyAt = 0;
  for (const key of keys) {
    if (!isMap(node)) break;
    // the last of a key written twice: the one JSON.parse kept, and so the one found wrong
    const pair = [...node.items].reverse().find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) break;
    keyAt = (pair.key as Node).range?.[0] ?? keyAt;
    node = pair.value;
  }
  return lineOf(start + keyAt);
}

/** The end (just past its '}') of the JSON object that opens at `start`, or the end of the text. */
function endOfObject(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return text.length;
}

/** A value as the file holds it, short: `"24"`, `true`, `absent`. */
function shownValue(v: unknown, lang: Lang): string {
  if (v === undefined) return say(lang, 'rr.absent');
  const t = JSON.stringify(v);
  return t.length > 40 ? t.slice(0, 37) + '...' : t;
}

function isMapping(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isRecordOfObjects(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === 'object' && v !== null);
}

/** The session a decisions log was taken in (results.ts Session): read by the table, so a figure made text is refused, not printed. */
function isSession(x: unknown): boolean {
  if (!isMapping(x)) return false;
  const t = x as Record<string, unknown>;
  return Number.isInteger(t.seed) && isMapping(t.metrics) && Object.values(t.metrics as object).every((v) => v === null || typeof v === 'number')
    && isMapping(t.objectives) && Object.values(t.objectives as object).every((o) => isMapping(o) && typeof o.met === 'boolean' && (o.rating === null || typeof o.rating === 'string'));
}

function isBatchTexts(x: unknown): x is BatchTexts {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  return typeof t.title === 'string' && typeof t.objectives === 'object' && t.objectives !== null && !Array.isArray(t.objectives)
    && Object.values(t.objectives).every((v) => typeof v === 'string');
}
