/**
 * The MSEL (master scenario events list) as a spreadsheet: a scenario's
 * injects to rows and back. Planners keep their MSEL in a spreadsheet; this
 * is the bridge, and export then import gives back the same injects.
 *
 * Rows are numbered as a spreadsheet program shows them (the header is row
 * 1), and every problem names its row and column, all collected, like the
 * scenario loader's issues. Pure: text in, text or values out; the CLI
 * (engine/cli/msel.ts) reads and writes the files.
 *
 * Columns: see MSEL_COLUMNS; cell notations: see msel-cells.ts and
 * docs/msel.md.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { Document, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { z } from 'zod';
import { DURATION_HINT, durationHint, formatClock, formatDuration, parseDuration, suggestDuration, suggestTime, tooLongToBeDuration, writtenClock } from './duration.js';
import { idHintSay, nearest } from './issues.js';
import { BARE_CLOCK, bareTimesWarning, clockAdvice, clockTimeSay, type BareTime } from './msel-bare-times.js';
import { zodIssueWords } from './parse.js';
import { say, sayIn, type Say } from './say.js';
import {
  formatLabel, formatValue, guardFormula, readLabel, readWords, splitOutsideQuotes, textCells, textFromCells, unguardFormula, type Word,
} from './msel-cells.js';
import { MESSAGES } from '../review/messages.js';
import { COMMAND_KEYS as SCENARIO_COMMAND_KEYS, COMMANDS, Inject, METHODS, type Scenario, type Text } from './schema.js';

// ---------------------------------------------------------------- columns

export const MSEL_COLUMNS = [
  'number', 'id', 'time', 'type', 'method', 'from (vi)', 'from (en)', 'to', 'subject (vi)', 'subject (en)',
  'message (vi)', 'message (en)', 'expected action', 'objectives', 'decision options', 'decision deadline', 'decision default', 'controller',
] as const;
export type MselColumn = (typeof MSEL_COLUMNS)[number] | 'from' | 'subject' | 'message';

/** Other names planners give these columns (lower case). `from`, `subject`, `message` alone hold a text for both languages. */
const ALIASES: Record<string, MselColumn> = {
  no: 'number', 'no.': 'number', '#': 'number', seq: 'number', 'sequence number': 'number', 'số tt': 'number', stt: 'number',
  'inject id': 'id', 'scenario time': 'time', 'inject type': 'type', 'delivery method': 'method',
  from: 'from', subject: 'subject', message: 'message', 'expected player action': 'expected action', expected: 'expected action',
  objective: 'objectives', 'decision': 'decision options', options: 'decision options', deadline: 'decision deadline', default: 'decision default',
  'responsible controller': 'controller',
  // the HSEEP MSEL template's words
  'inject #': 'number', 'inject no': 'number', 'inject no.': 'number', 'inject number': 'number', 'inject mode': 'method', mode: 'method',
  sender: 'from', recipient: 'to', 'player action': 'expected action',
  // a sheet headed in Vietnamese: the words of the Markdown export's table (--lang vi) and the usual others
  'số thứ tự': 'number', 'mã': 'id', 'mã tình huống': 'id', 'thời điểm': 'time', 'thời gian': 'time', 'loại': 'type', 'loại tình huống': 'type',
  'phương thức': 'method', 'hình thức chuyển': 'method', 'người gửi': 'from', 'nơi gửi': 'from', 'người nhận': 'to', 'nơi nhận': 'to',
  'chủ đề': 'subject', 'tiêu đề': 'subject', 'nội dung': 'message', 'hành động mong đợi': 'expected action', 'mục tiêu': 'objectives',
  'phương án quyết định': 'decision options', 'phương án': 'decision options', 'thời hạn quyết định': 'decision deadline', 'thời hạn': 'decision deadline',
  'phương án mặc định': 'decision default', 'mặc định': 'decision default', 'người điều khiển': 'controller',
};

/** A header's column: its own name, another name for it, or another name for a text column with its language ('người gửi (vi)'). */
function columnOfHeader(name: string): MselColumn | undefined {
  if ((MSEL_COLUMNS as readonly string[]).includes(name)) return name as MselColumn;
  if (ALIASES[name]) return ALIASES[name];
  const m = / \((vi|en)\)$/.exec(name);
  const base = m ? ALIASES[name.slice(0, m.index)] : undefined;
  return base === 'from' || base === 'subject' || base === 'message' ? `${base} (${m![1]})` as MselColumn : undefined;
}
const TEXT_COLUMNS = new Set<MselColumn>(['from (vi)', 'from (en)', 'subject (vi)', 'subject (en)', 'message (vi)', 'message (en)', 'controller', 'from', 'subject', 'message']);
/** Characters that show as nothing: zero-width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const TYPES = ['information', 'directive', 'request', 'contingency'] as const;

// ---------------------------------------------------------------- issues

export interface MselIssue {
  /** spreadsheet row (the header is row 1); 0 for the file as a whole */
  row: number;
  column: string | null;
  message: string;
  hint?: string;
  /** a warning: the sheet is imported, but it may not say what the planner meant */
  severity?: 'warning';
  /** the message and hint as words for any language, where they are put so (the English is the same) */
  words?: { message: Say; hint?: Say };
  /** words of zod's own (a kind of problem no catalogue says): the line stays whole in English */
  english?: true;
}

// ---------------------------------------------------------------- injects -> cells

/** A cell's duration or time of more seconds than a number holds exactly (engine/cli/msel-words.ts says it in Vietnamese). */
const TOO_LONG_DURATION = 'too long to be a duration: it is more seconds than a number holds exactly';
const TOO_LONG_TIME = 'too long to be a time: it is more seconds than a number holds exactly';

const EXPECTED_KEYS = ['unit', 'incident', 'zone', 'shelter', 'area', 'edge', 'level', 'within'] as const;
/** The parts of an expected action in the order export writes them: the message (message= or message.vi= message.en=) before `within`. */
const EXPECTED_WRITTEN = [...EXPECTED_KEYS.slice(0, -1), 'message', 'within'] as const;
const WHEN_KEYS = ['hazard', 'area', 'above', 'alarm', 'risk_at_least', 'incident_kind', 'severity_at_least', 'road_cut'] as const;
const COMMAND_KEYS: Record<string, readonly string[]> = SCENARIO_COMMAND_KEYS;

function textWords(key: string, t: Text): string {
  if (typeof t === 'string') return `${key}=${formatValue(t)}`;
  return [t.vi !== undefined ? `${key}.vi=${formatValue(t.vi)}` : '', t.en !== undefined ? `${key}.en=${formatValue(t.en)}` : ''].filter(Boolean).join(' ');
}

function commandText(c: Record<string, unknown>, keys: readonly string[]): string {
  const out = [String(c.do)];
  for (const k of keys) {
    const v = c[k];
    if (v === undefined) continue;
    if (k === 'within') out.push(`within=${formatDuration(v as number)}`);
    else if (k === 'message') out.push(textWords('message', v as Text));
    else out.push(`${k}=${formatValue(v as string | number)}`);
  }
  return out.join(' ');
}

function timeText(inj: Inject): string {
  if (inj.at !== undefined) return formatClock(inj.at);
  if (inj.when) {
    const w = inj.when as Record<string, unknown>;
    return ['when', ...WHEN_KEYS.filter((k) => w[k] !== undefined).map((k) => `${k}=${formatValue(w[k] as string | number)}`)].join(' ');
  }
  // the inject chased by its id, not its number: a planner who inserts a row and renumbers the sheet (as a sorted
  // MSEL is) would otherwise have every contingency below it chase another inject, with nothing said
  if (inj.contingency) return `if not done ${formatDuration(inj.contingency.after)} after ${inj.contingency.for}`;
  return '';
}

/** One row of cells per inject, in MSEL_COLUMNS order (header not included). */
export function injectsToRows(injects: readonly Inject[]): string[][] {
  return injects.map((inj) => {
    const [fromVi, fromEn] = textCells(inj.from);
    const [subjVi, subjEn] = textCells(inj.subject);
    const [msgVi, msgEn] = textCells(inj.message);
    const d = inj.decision;
    const cells: Record<(typeof MSEL_COLUMNS)[number], string> = {
      number: String(inj.seq),
      id: inj.id,
      time: timeText(inj),
      type: inj.type,
      method: inj.method,
      'from (vi)': fromVi, 'from (en)': fromEn,
      to: inj.to,
      'subject (vi)': subjVi, 'subject (en)': subjEn,
      'message (vi)': msgVi, 'message (en)': msgEn,
      'expected action': inj.expected ? commandText(inj.expected as Record<string, unknown>, EXPECTED_WRITTEN) : '',
      objectives: inj.objectives.join(', '),
      'decision options': d ? d.options.map((o) => `${o.id}: ${formatLabel(o.label)}${o.commands.length ? ` -> ${o.commands.map((c) => commandText(c as Record<string, unknown>, COMMAND_KEYS[c.do])).join('; ')}` : ''}`).join('\n') : '',
      'decision deadline': d ? formatDuration(d.deadline) : '',
      'decision default': d ? d.default : '',
      controller: inj.controller ?? '',
    };
    return MSEL_COLUMNS.map((c) => (TEXT_COLUMNS.has(c) ? guardFormula(cells[c]) : cells[c]));
  });
}

/** The MSEL as CSV: UTF-8 with a byte-order mark, CRLF rows, RFC 4180 quoting. */
export function mselToCsv(injects: readonly Inject[]): string {
  return '\uFEFF' + stringifyCsv([[...MSEL_COLUMNS], ...injectsToRows(injects)], { record_delimiter: 'windows', quoted_match: /[\r\n]|^\s|\s$/ });
}

// ---------------------------------------------------------------- CSV -> rows

export interface MselRow {
  /** spreadsheet row number (header = 1) */
  row: number;
  cells: Partial<Record<MselColumn, string>>;
}

/** `rows` beside the issues: the header named columns the import does not know, and the rows were read without them. */
/** `notes`: the sheet's columns of notes (a 'Notes' or 'Ghi chú' column), read past, for a warning */
export type SheetResult = { ok: true; rows: MselRow[]; notes?: MselIssue[] } | { ok: false; issues: MselIssue[]; rows?: MselRow[]; notes?: MselIssue[] };

/**
 * Columns a planner keeps beside the injects in the sheet (the HSEEP template's 'Notes', a 'Ghi chú'): read past
 * with a warning, where any other column the import does not know is an error (a misspelt name must not lose a
 * column's values unnoticed).
 */
const NOTE_HEADERS = new Set(['notes', 'note', 'comments', 'comment', 'remarks', 'controller notes', 'ghi chú', 'ghi chu', 'chú thích', 'chu thich']);

function normHeader(h: string): string {
  // NFC: a header typed on a Mac may spell 'ờ' as 'o' + two combining marks
  return h.replace(/^\uFEFF/, '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*\(\s*/g, ' (').replace(/\s*\)/g, ')');
}

/** The delimiter a spreadsheet used: comma, or semicolon (locales with a decimal comma, vi-VN among them), or tab. */
function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const best = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ',';
}

/** The index of the header among the first rows: the first of ten that names three columns or more; else the first. */
function headerIndex(records: string[][]): number {
  const named = (r: string[]) => r.filter((c) => columnOfHeader(normHeader(c)) !== undefined).length;
  return Math.max(0, records.slice(0, 10).findIndex((r) => named(r) >= 3));
}

/** Read the CSV text into rows of named cells; problems with the header or the CSV syntax name their row. */
export function readMselCsv(text: string): SheetResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, issues: [{ row: 0, column: null, message: 'the file is empty', hint: `the first row names the columns: ${MSEL_COLUMNS.join(', ')}` }] };
  let records: { record: string[]; info: { lines: number } }[];
  const delimiter = detectDelimiter(text);
  try {
    // relax_quotes: a quote inside a cell that does not start with one (Ban "A", typed in a text editor) is part of
    // the text, as Excel and LibreOffice read it, not a sheet that cannot be read
    // a row ends at CRLF, LF or CR, as in Excel and LibreOffice: csv-parse would take the first row's ending for the
    // file, and a row added in a text editor (LF after the export's CRLF) was glued to the row above it
    records = parseCsv(text, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as any;
  } catch (e) {
    const err = e as { message: string; code?: string; records?: number; index?: number };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED' && err.records !== undefined) {
      // csv-parse's 'line' counts the file's lines, not the sheet's rows (a cell may hold line breaks): the row the
      // cell is in, as the spreadsheet numbers it, and the column's name from the header
      const row = err.records + 1;
      let column: string | null = err.index === undefined ? null : String(err.index + 1);
      if (row > 1 && err.index !== undefined) {
        const above = parseCsv(text, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, to: Math.min(err.records, 10) }) as string[][];
        const head = above[headerIndex(above)] ?? [];
        const name = head[err.index]?.replace(/^\uFEFF/, '').trim();
        if (name) column = name;
      }
      return { ok: false, issues: [{ row, column, message: 'a quote (") opens this cell and is never closed: the rest of the file would be read into it', hint: 'the file may be cut short, or the closing quote deleted: save it again from the spreadsheet program, or close the quote' }] };
    }
    return { ok: false, issues: [{ row: 0, column: null, message: `not a readable CSV file: ${err.message.replace(/^Invalid Record Length: /, '')}`, hint: 'save the sheet as "CSV UTF-8"' }] };
  }
  const issues: MselIssue[] = [];
  // a title above the header ('HỆ THỐNG TÌNH HUỐNG ...', a blank row), as sheets are often laid out: the header is
  // the first row of the first ten that names three columns or more, and the rows above it are not read
  const at = headerIndex(records.map((r) => r.record));
  const hr = at + 1;
  const [header, ...body] = records.slice(at);
  const columns: (MselColumn | null)[] = [];
  const seen = new Map<MselColumn, number>();
  const known = [...MSEL_COLUMNS] as string[];
  const notes: MselIssue[] = [];
  header.record.forEach((h, i) => {
    const name = normHeader(h);
    if (name === '') { columns.push(null); return; }
    if (NOTE_HEADERS.has(name)) {
      notes.push({ row: hr, column: h.trim(), severity: 'warning', message: `column '${h.trim()}' is read as notes: its cells are not imported`, hint: 'they stay in the sheet only; what players must receive goes in the message columns' });
      columns.push(null);
      return;
    }
    const col = columnOfHeader(name);
    if (!col) {
      const near = nearest(name, known);
      issues.push({ row: hr, column: h.trim(), message: `unknown column '${h.trim()}'`, hint: near ? `did you mean '${near}'?` : `the columns are: ${MSEL_COLUMNS.join(', ')}` });
      columns.push(null);
      return;
    }
    if (seen.has(col)) issues.push({ row: hr, column: h.trim(), message: `column '${col}' appears twice (columns ${seen.get(col)! + 1} and ${i + 1})`, hint: 'keep one of them' });
    seen.set(col, i);
    columns.push(col);
  });
  for (const [plain, vi, en] of [['from', 'from (vi)', 'from (en)'], ['subject', 'subject (vi)', 'subject (en)'], ['message', 'message (vi)', 'message (en)']] as const) {
    if (seen.has(plain) && (seen.has(vi) || seen.has(en))) issues.push({ row: hr, column: plain, message: `give '${plain}' (both languages) or '${vi}'/'${en}', not both` });
    else if (!seen.has(plain) && !seen.has(vi) && !seen.has(en)) issues.push({ row: hr, column: null, message: `no '${vi}' or '${en}' column`, hint: `add the column '${vi}' (and '${en}')` });
  }
  for (const need of ['number', 'time', 'to', 'method'] as const) {
    if (!seen.has(need)) issues.push({ row: hr, column: null, message: `no '${need}' column`, hint: `the columns are: ${MSEL_COLUMNS.join(', ')}` });
  }
  // a column the import does not know (a misspelt name, a 'priority') hides no other problem: the rows are
  // read without it and checked too, so that the planner sees every problem at once; anything else about the
  // header leaves the rows unreadable
  const unknownOnly = issues.every((x) => x.message.startsWith('unknown column '));
  if (issues.length && !unknownOnly) return { ok: false, issues };
  const header1 = issues.length;
  const unknown = new Set(header.record.map((h, i) => (columns[i] === null && normHeader(h) !== '' ? i : -1)).filter((i) => i >= 0));

  const rows: MselRow[] = [];
  body.forEach((rec, k) => {
    const row = k + hr + 1;
    if (rec.record.every((c) => c.trim() === '')) return;
    const cells: Partial<Record<MselColumn, string>> = {};
    rec.record.forEach((v, i) => {
      const col = columns[i];
      if (col === null || col === undefined) {
        if (v.trim() !== '' && !unknown.has(i)) issues.push({ row, column: `${i + 1}`, message: `a value in a column without a name: '${v.slice(0, 30)}'`, hint: `give the column a name in row ${hr}, or clear the cell` });
        return;
      }
      // an id, a time or a command pasted from a document or a chat may carry characters that show as nothing (a
      // zero-width space, a soft hyphen) and that made 'tc-chair' an unknown role looking just like it; a cell kept
      // as text with a leading "'" is the same cell
      cells[col] = TEXT_COLUMNS.has(col) ? unguardFormula(v) : unguardFormula(v.replace(INVISIBLE, '').trim()).trim();
    });
    rows.push({ row, cells });
  });
  if (issues.length === 0) return { ok: true, rows, notes };
  return issues.length === header1 ? { ok: false, issues, rows, notes } : { ok: false, issues, notes };
}

// ---------------------------------------------------------------- rows -> injects

/** What the import checks names against: the scenario the injects go into. */
function namesOf(s: Scenario) {
  return {
    role: s.roles.map((r) => r.id),
    objective: s.objectives.map((o) => o.id),
    hazard: s.hazards.map((h) => h.id),
    area: s.areas.map((a) => a.id),
    kind: s.incident_kinds.map((k) => k.id),
    edge: s.travel.edges.map((e) => e.id),
    unit: s.units.map((u) => u.id),
    zone: s.evacuation.zones.map((z) => z.id),
    shelter: s.evacuation.shelters.map((x) => x.id),
    /** each zone's area, to name the zones of an area written where a zone goes */
    zoneArea: s.evacuation.zones.map((z) => [z.id, z.area] as const),
  };
}
type Names = ReturnType<typeof namesOf>;

const REF_KIND: Record<string, { names: Exclude<keyof Names, 'zoneArea'>; what: string }> = {
  hazard: { names: 'hazard', what: 'hazard' }, area: { names: 'area', what: 'area' }, incident_kind: { names: 'kind', what: 'incident kind' },
  road_cut: { names: 'edge', what: 'road' }, edge: { names: 'edge', what: 'road' }, unit: { names: 'unit', what: 'unit' },
  zone: { names: 'zone', what: 'evacuation zone' }, shelter: { names: 'shelter', what: 'shelter' },
};

/**
 * A method written as the Markdown MSEL and the report name it ('công điện', 'official dispatch'):
 * the sheet takes the method's own word, and this says which.
 */
function methodInWords(cell: string): string | undefined {
  const m = METHODS.find((id) => Object.values(MESSAGES).some((words) => words[`method.${id}`]?.toLowerCase() === cell));
  return m ? `'${cell}' is written ${m} in the sheet` : undefined;
}

/** The zones in an area, when an area's id is written where an evacuation names a zone. */
const zonesIn = (area: string, names: Names): string[] => names.zoneArea.filter(([, a]) => a === area).map(([z]) => z);

/**
 * What to write in the cell for an evacuation given an area (`area=muong-xen`, `zone=muong-xen`): the zone of that
 * area, the zones of it, the zone when the id is one, else the zones there are.
 */
function zoneOfArea(v: string, names: Names): string | undefined {
  const inArea = zonesIn(v, names);
  if (inArea.length === 1) return `write zone=${inArea[0]}, the zone in '${v}'`;
  if (inArea.length > 1) return `write zone= with one of the zones in '${v}': ${inArea.join(', ')}`;
  if (names.zone.includes(v)) return `write zone=${v}`;
  return hintFor(v, names.zone);
}

function hintFor(word: string, list: string[]): string | undefined {
  const near = nearest(word, list);
  if (near) return `did you mean '${near}'?`;
  return list.length ? `known: ${list.slice(0, 8).join(', ')}${list.length > 8 ? ', ...' : ''}` : undefined;
}

const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;

/** The written form of one inject (what a scenario file holds), before zod reads it. */
type Written = Record<string, unknown>;

/** `warnings`: what was read in a way the planner may not have meant (times without `T+`), at most one per kind for the sheet */
export type ImportResult =
  | { ok: true; injects: Inject[]; written: Written[]; rows: number[]; warnings: MselIssue[] }
  | { ok: false; issues: MselIssue[]; warnings: MselIssue[] };

/**
 * Turn sheet rows into the injects of `scenario`: every cell is checked,
 * names are looked up in the scenario, and all problems are returned.
 */
export function rowsToInjects(rows: MselRow[], scenario: Scenario): ImportResult {
  const names = namesOf(scenario);
  const issues: MselIssue[] = [];
  const written: (Written | null)[] = [];
  const ids = new Map<string, number>();
  const bySeq = new Map<number, MselRow[]>();
  // first pass: numbers and ids, so that contingencies can refer to any row
  const rowIds = new Map<MselRow, string>();
  const bare: BareTime[] = [];
  for (const r of rows) {
    const n = Number(r.cells.number);
    if (/^\d+$/.test(r.cells.number ?? '') && n > 0) bySeq.set(n, [...(bySeq.get(n) ?? []), r]);
    const id = r.cells.id?.trim() || (Number.isInteger(n) && n > 0 ? `inject-${n}` : `row-${r.row}`);
    rowIds.set(r, id);
  }
  // a scenario may number two injects alike (export writes them so), but in a sheet it is most often a slip, and
  // it is what makes another row's '#N' miss: said at each later row, naming the first
  const warnings: MselIssue[] = [];
  for (const [n, list] of bySeq) {
    for (const x of list.slice(1)) warnings.push({ row: x.row, column: 'number', severity: 'warning', message: `number ${n} is also used in row ${list[0].row}`, hint: 'give each inject its own number' });
  }
  for (const r of rows) {
    const p = (column: string, message: string, hint?: string, words?: MselIssue['words']) => { issues.push({ row: r.row, column, message, hint, ...(words && { words }) }); };
    const c = r.cells;
    const out: Written = {};
    // a row numbered ahead in a template and left empty: one problem, not one for each cell it lacks
    if ((c.number ?? '') !== '' && Object.entries(c).every(([k, v]) => k === 'number' || (v ?? '').trim() === '')) {
      p('number', `the row has only a number ('${c.number}'), no inject`, 'fill its inject in, or delete the row');
      continue;
    }
    // number
    const num = c.number ?? '';
    if (!/^\d+$/.test(num) || Number(num) < 1) p('number', num === '' ? 'no number' : `'${num}' is not a whole number above 0`, 'number the rows 1, 2, 3, ...');
    // id
    const id = rowIds.get(r)!;
    if (!ID_RE.test(id)) {
      // 'Sơ tán đêm' typed as an id: the id it spells; a dash pasted from Word ('evac–night'): that character named
      const words = { message: say('id.message', { value: id }), hint: idHintSay(id) };
      p('id', sayIn(words.message, 'en'), sayIn(words.hint, 'en'), words);
    }
    // an empty id cell is the number's id: the planner wrote no 'inject-3', so say where it comes from
    else if (ids.has(id) && !c.id?.trim()) p('id', `no id: the id its number gives, '${id}', is also used in row ${ids.get(id)}`, 'give the row an id, or its own number');
    else if (ids.has(id)) p('id', `id '${id}' is also used in row ${ids.get(id)}`, 'give each inject its own id');
    else ids.set(id, r.row);
    out.id = id;
    out.seq = Number(num);
    // time
    const b = readTime(c.time ?? '', out, p, scenario, names, bySeq, rowIds);
    if (b !== undefined) bare.push({ row: r.row, text: (c.time ?? '').trim(), seconds: b });
    // texts and addressing
    const from = textFromCells(c['from (vi)'], c['from (en)'], c.from);
    if (from === undefined) p(c.from !== undefined ? 'from' : 'from (vi)', 'no sender', 'write a role id or who sends it, e.g. "Hydro-Met Centre"');
    out.from = from;
    const to = (c.to ?? '').trim();
    if (to === '') p('to', 'no receiving role', hintFor('', names.role));
    else if (!names.role.includes(to)) p('to', `unknown role '${to}'`, hintFor(to, names.role));
    out.to = to;
    const method = (c.method ?? '').trim().toLowerCase();
    if (!(METHODS as readonly string[]).includes(method)) p('method', method === '' ? 'no delivery method' : `'${c.method}' is not a delivery method`, methodInWords(method) ?? hintFor(method, [...METHODS]) ?? `one of: ${METHODS.join(', ')}`);
    out.method = method;
    const type = (c.type ?? '').trim().toLowerCase() || 'information';
    if (!(TYPES as readonly string[]).includes(type)) p('type', `'${c.type}' is not an inject type`, `one of: ${TYPES.join(', ')}`);
    out.type = type;
    const subject = textFromCells(c['subject (vi)'], c['subject (en)'], c.subject);
    if (subject === undefined) p(c.subject !== undefined ? 'subject' : 'subject (vi)', 'no subject', 'give a subject in Vietnamese, English or both');
    out.subject = subject;
    const message = textFromCells(c['message (vi)'], c['message (en)'], c.message);
    if (message === undefined) p(c.message !== undefined ? 'message' : 'message (vi)', 'no message', 'give the message in Vietnamese, English or both');
    out.message = message;
    // expected action
    const exp = (c['expected action'] ?? '').trim();
    if (exp !== '') {
      const e = readCommand(exp, 'expected', names);
      if (!e.ok) p('expected action', e.message, e.hint);
      else out.expected = e.value;
    }
    // objectives
    const objs = (c.objectives ?? '').split(/[\s,;]+/).filter(Boolean);
    for (const o of objs) if (!names.objective.includes(o)) p('objectives', `unknown objective '${o}'`, hintFor(o, names.objective));
    out.objectives = objs;
    // decision point
    const optText = (c['decision options'] ?? '').trim();
    const deadline = (c['decision deadline'] ?? '').trim();
    const def = (c['decision default'] ?? '').trim();
    if (optText !== '' || deadline !== '' || def !== '') {
      const d = readDecision(optText, deadline, def, names, p);
      if (d) out.decision = d;
    }
    const controller = c.controller ?? '';
    if (controller.trim() !== '') out.controller = controller;
    written.push(out);
  }
  // contingencies must chase an inject that expects something
  rows.forEach((r, i) => {
    const w = written[i] as Written;
    const cont = w?.contingency as { for: string } | undefined;
    if (!cont) return;
    const k = rows.findIndex((x) => rowIds.get(x) === cont.for);
    // an id two rows give is said at the second already, and which of them is chased is not known: not this one too
    if (rows.filter((x) => rowIds.get(x) === cont.for).length > 1) return;
    // a row whose expected action is there but does not read has its own problem said already: not this one too
    if (k >= 0 && !(written[k] as Written).expected && (rows[k].cells['expected action'] ?? '').trim() === '') issues.push({ row: r.row, column: 'time', message: `the inject in row ${rows[k].row} ('${cont.for}') has no expected action for this contingency to chase`, hint: 'give that row an expected action' });
  });
  if (issues.length) return { ok: false, issues: sortMselIssues(issues), warnings: sortMselIssues(warnings) };
  // the schema reads the written form (durations, defaults); anything left is shown at its row
  const injects: Inject[] = [];
  written.forEach((w, i) => {
    const r = Inject.safeParse(w, { reportInput: true });
    if (r.success) injects.push(r.data);
    else issues.push(...schemaIssues(r.error.issues, rows[i].row));
  });
  if (issues.length) return { ok: false, issues: sortMselIssues(issues), warnings: sortMselIssues(warnings) };
  const bareWarning = bareTimesWarning(bare, scenario.start, scenario.horizon);
  if (bareWarning) warnings.push({ row: 0, column: 'time', severity: 'warning', ...bareWarning });
  return { ok: true, injects, written: written as Written[], rows: rows.map((r) => r.row), warnings: sortMselIssues(warnings) };
}

/**
 * The schema's problems with a row's written inject. The common kinds (a key missing, a wrong type, a value
 * not allowed, too small or large, an unknown key) in the scenario loader's words, chosen by zod's code, so
 * that they are said in any language; any other kind in zod's own English, marked to stay whole in English.
 */
export function schemaIssues(list: readonly z.core.$ZodIssue[], row: number): MselIssue[] {
  return list.flatMap((zi): MselIssue[] => {
    const said = zodIssueWords(Inject, zi);
    if (said === undefined) return [{ row, column: columnOfPath(zi.path as (string | number)[]), message: zi.message, english: true }];
    return said.map((s) => ({
      row, column: columnOfPath(s.path), message: sayIn(s.message, 'en'), hint: sayIn(s.hint, 'en'), words: { message: s.message, hint: s.hint },
    }));
  });
}

export function sortMselIssues(list: MselIssue[]): MselIssue[] {
  // a column without a name is given by its number: after the named ones, in the sheet's order
  const colIndex = (c: string | null) => (c === null ? -1 : /^\d+$/.test(c) ? MSEL_COLUMNS.length + Number(c) : (MSEL_COLUMNS as readonly string[]).indexOf(c));
  return [...list].sort((a, b) => a.row - b.row || colIndex(a.column) - colIndex(b.column) || (a.message < b.message ? -1 : 1));
}

/** The spreadsheet column an inject's key is written in. */
export function columnOfPath(path: (string | number)[]): string | null {
  const key = path[0];
  switch (key) {
    case 'seq': return 'number';
    case 'at': case 'when': case 'contingency': return 'time';
    case 'from': return 'from (vi)';
    case 'subject': return 'subject (vi)';
    case 'message': return 'message (vi)';
    case 'expected': return 'expected action';
    case 'decision': return path[1] === 'deadline' ? 'decision deadline' : path[1] === 'default' ? 'decision default' : 'decision options';
    case 'id': case 'to': case 'method': case 'type': case 'objectives': case 'controller': return key;
    default: return null;
  }
}

const TIME_HINT = "write T+02:30 (2 h 30 min after the start), 'when <condition>' or 'if not done 1h after #3'";

/** Returns the seconds a time written without `T+` (`19:30`) was read as, for the sheet's warning; undefined for any other cell. */
function readTime(
  text: string, out: Written, p: (col: string, msg: string, hint?: string, words?: MselIssue['words']) => void, scenario: Scenario, names: Names,
  bySeq: Map<number, MselRow[]>, rowIds: Map<MselRow, string>,
): number | undefined {
  const t = text.trim();
  if (t === '') { p('time', 'no time', TIME_HINT); return; }
  const when = /^when\b\s*(.*)$/is.exec(t);
  if (when) {
    const r = readWords(when[1]);
    if (!r.ok) { p('time', r.message, "write e.g. 'when hazard=nam-mo-muong-xen alarm=bd2'"); return; }
    if (r.words.length === 0) { p('time', "'when' without a condition", `conditions: ${WHEN_KEYS.map((k) => `${k}=...`).join(', ')}`); return; }
    const cond: Record<string, unknown> = {};
    for (const w of r.words) {
      const v = keyValue(w, WHEN_KEYS, names, 'a condition');
      if (!v.ok) { p('time', v.message, v.hint); return; }
      cond[w.key!] = v.value;
    }
    out.when = cond;
    return;
  }
  const cont = /^if not done\s+(.+?)\s+after\s+(\S+)$/i.exec(t);
  if (cont) {
    const after = parseDuration(cont[1]);
    if (!after.ok && tooLongToBeDuration(cont[1])) { p('time', `'${cont[1].trim()}' is ${TOO_LONG_DURATION}`, DURATION_HINT); return; }
    if (!after.ok || after.seconds <= 0) { p('time', `'${cont[1]}' is not a duration`, durationHint(cont[1])); return; }
    const ref = cont[2];
    let target: string | undefined;
    if (ref.startsWith('#')) {
      const list = bySeq.get(Number(ref.slice(1))) ?? [];
      if (list.length === 0) { p('time', `no row has number ${ref.slice(1)}`, 'refer to the number (or id) of the inject this one chases'); return; }
      if (list.length > 1) { p('time', `number ${ref.slice(1)} is used by rows ${list.map((x) => x.row).join(' and ')}`, 'refer to the inject by its id instead'); return; }
      target = rowIds.get(list[0]);
    } else {
      const ids = [...rowIds.values()];
      if (!ids.includes(ref)) { p('time', `no inject '${ref}' in this sheet`, hintFor(ref, ids)); return; }
      target = ref;
    }
    out.contingency = { for: target, after: formatDuration(after.seconds) };
    return;
  }
  // a time: T+02:30, 02:30, 2h30m
  const clock = BARE_CLOCK.exec(t);
  const r = parseDuration(clock ? `T+${t}` : t);
  // `T+99999999999999999999d00:00`: more seconds than a number holds exactly; it was 'not a time', as if the notation were wrong
  if (!r.ok && tooLongToBeDuration(clock ? `T+${t}` : t)) {
    p('time', `'${t}' is ${TOO_LONG_TIME}`, `write a time up to the end of the scenario, ${formatClock(scenario.horizon)}`);
    return;
  }
  if (!r.ok || r.seconds < 0) {
    // a clock time or a date as people write them (14h30, 01/10/2022 19:30): both readings, from the start
    const said = clockTimeSay(t, scenario.start, scenario.horizon);
    if (said) { p('time', sayIn(said.message, 'en'), sayIn(said.hint, 'en'), said); return; }
    // T+ and a length (T+1h, T+90m): the time it says, as a decisions file's reader gives it
    const asTime = clock ? undefined : suggestTime(t);
    const at = asTime === undefined ? undefined : parseDuration(asTime);
    if (at?.ok) { p('time', `'${text.trim()}' is not a time`, `write ${asTime} (${formatDuration(at.seconds)} after the start)`); return; }
    // a length of time written another way (7h30, 7 giờ 30): the time that long after the start
    const meant = clock ? undefined : suggestDuration(t);
    const d = meant === undefined ? undefined : parseDuration(meant);
    p('time', `'${text.trim()}' is not a time`, d?.ok ? `write ${formatClock(d.seconds)} (${meant} after the start)` : TIME_HINT);
    return;
  }
  if (r.seconds > scenario.horizon) {
    // '19:30' past the horizon is most likely the wall clock: say what to write for it
    const advice = clock ? clockAdvice(r.seconds, scenario.start, scenario.horizon) : undefined;
    const meant = advice?.startsWith('if you meant') ? advice : undefined;
    // the cell as written, to be found again in the sheet
    p('time', `${clock ? `'${t}' read as ${formatClock(r.seconds)}` : writtenClock(t, r.seconds)} is after the end of the scenario (horizon ${formatDuration(scenario.horizon)})`, meant ?? 'move it earlier or lengthen the horizon');
    return;
  }
  out.at = formatClock(r.seconds);
  // '14h' is how a clock time is written in Vietnam (14 giờ) as much as 14 hours: warned as a bare '14:00' is
  // ('2h30m', with its minutes, is the notation's own length of time)
  const hours = /^(\d{1,2})h$/i.exec(t);
  return clock || (hours && Number(hours[1]) < 24) ? r.seconds : undefined;
}

type Value = { ok: true; value: unknown } | { ok: false; message: string; hint?: string };

function keyValue(w: Word, allowed: readonly string[], names: Names, what: string): Value {
  if (w.key === null) return { ok: false, message: `'${w.value}' needs a name: write name=value`, hint: `names: ${allowed.join(', ')}` };
  const key = w.key;
  if (!allowed.includes(key)) return { ok: false, message: `'${key}' is not a part of ${what}`, hint: hintFor(key, [...allowed]) };
  const v = w.value;
  const ref = REF_KIND[key];
  if (ref) {
    const list = names[ref.names];
    // an area's id where a zone goes: the zones in that area
    const inArea = ref.names === 'zone' && names.area.includes(v) ? zonesIn(v, names) : [];
    const areaHint = inArea.length === 1 ? `'${v}' is an area, not a zone: write zone=${inArea[0]}, the zone in it`
      : inArea.length > 1 ? `'${v}' is an area, not a zone: write zone= with one of the zones in it, ${inArea.join(', ')}` : undefined;
    if (!list.includes(v)) return { ok: false, message: `unknown ${ref.what} '${v}'`, hint: areaHint ?? hintFor(v, list) };
    return { ok: true, value: v };
  }
  switch (key) {
    case 'incident':
      if (!ID_RE.test(v)) return { ok: false, message: `'${v}' is not a valid incident id` };
      return { ok: true, value: v };
    case 'above': {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) return { ok: false, message: `above=${v}: not a number` };
      return { ok: true, value: n };
    }
    case 'alarm':
      if (!['bd1', 'bd2', 'bd3'].includes(v)) return { ok: false, message: `alarm=${v}: the alarm levels are bd1, bd2, bd3` };
      return { ok: true, value: v };
    case 'risk_at_least': case 'severity_at_least': case 'level': {
      const n = Number(v);
      const [lo, hi] = key === 'level' ? [0, 3] : [1, 5];
      if (!Number.isInteger(n) || n < lo || n > hi) return { ok: false, message: `${key}=${v}: a whole number from ${lo} to ${hi}` };
      return { ok: true, value: n };
    }
    case 'within': {
      const d = parseDuration(v);
      if (!d.ok && tooLongToBeDuration(v)) return { ok: false, message: `within=${v}: ${TOO_LONG_DURATION}`, hint: DURATION_HINT };
      if (!d.ok || d.seconds < 0) return { ok: false, message: `within=${v}: not a duration`, hint: durationHint(v) };
      return { ok: true, value: formatDuration(d.seconds) };
    }
  }
  return { ok: false, message: `'${key}' is not a part of ${what}` };
}

type CommandParse = { ok: true; value: Record<string, unknown> } | { ok: false; message: string; hint?: string };

/** `do key=value ...` as an expected action (`kind: 'expected'`) or a command of a decision option. */
function readCommand(text: string, kind: 'expected' | 'command', names: Names): CommandParse {
  const r = readWords(text);
  if (!r.ok) return { ok: false, message: r.message, hint: "write e.g. 'evacuate zone=ta-ca-riverside within=1h'" };
  const [head, ...rest] = r.words;
  if (!head || head.key !== null) return { ok: false, message: `'${text.slice(0, 30)}' does not start with a command`, hint: `one of: ${COMMANDS.join(', ')}` };
  const doName = head.value;
  if (!(COMMANDS as readonly string[]).includes(doName)) return { ok: false, message: `unknown command '${doName}'`, hint: hintFor(doName, [...COMMANDS]) };
  const allowed = kind === 'expected' ? EXPECTED_WRITTEN : COMMAND_KEYS[doName];
  const value: Record<string, unknown> = { do: doName };
  // a public_info command's message, and an expected action's (what doctrine says when it plays the role):
  // message="both languages" or message.vi="..." message.en="..."
  const takesMessage = kind === 'expected' || doName === 'public_info';
  const msg: { vi?: string; en?: string; plain?: string } = {};
  for (const [k, w] of rest.entries()) {
    // within=1 hour, within=30 phút: the cell splits at the space, and 'within=1' alone has no good guess
    const next = rest[k + 1];
    if (w.key === 'within' && next?.key === null && !parseDuration(w.value).ok) {
      const words = `${w.value} ${next.value}`;
      if (tooLongToBeDuration(words)) return { ok: false, message: `within=${words}: ${TOO_LONG_DURATION}`, hint: DURATION_HINT };
      if (suggestDuration(words)) return { ok: false, message: `within=${words}: not a duration`, hint: durationHint(words) };
    }
    if (takesMessage && w.key !== null && /^message(\.(vi|en))?$/.test(w.key)) {
      const lang = (w.key.split('.')[1] as 'vi' | 'en' | undefined) ?? 'plain';
      if (msg[lang] !== undefined) return { ok: false, message: `'${w.key}' is given twice` };
      if (lang === 'plain' ? msg.vi !== undefined || msg.en !== undefined : msg.plain !== undefined) {
        return { ok: false, message: "give message=... (both languages) or message.vi=... message.en=..., not both" };
      }
      msg[lang] = w.value;
      continue;
    }
    if (w.key !== null && w.key in value) return { ok: false, message: `'${w.key}' is given twice` };
    // an order to evacuate an area: the zone it means (an expected action may name an area: the scenario's check says what it matches)
    if (kind === 'command' && doName === 'evacuate' && w.key === 'area') {
      return { ok: false, message: "'area' is not a part of the command evacuate: an evacuation names the zone to empty, not an area", hint: zoneOfArea(w.value, names) };
    }
    const v = keyValue(w, allowed, names, kind === 'expected' ? 'an expected action' : `the command ${doName}`);
    if (!v.ok) return v;
    value[w.key!] = v.value;
  }
  if (takesMessage) {
    const m = msg.plain !== undefined ? msg.plain : msg.vi !== undefined || msg.en !== undefined ? { ...(msg.vi !== undefined ? { vi: msg.vi } : {}), ...(msg.en !== undefined ? { en: msg.en } : {}) } : undefined;
    if (m !== undefined) {
      // the order of the scenario format: the message before `within`
      const { within, ...parts } = value;
      Object.assign(value, parts, { message: m });
      delete value.within;
      if (within !== undefined) value.within = within;
    }
  }
  if (kind === 'command') {
    const missing = COMMAND_KEYS[doName].filter((k) => value[k] === undefined);
    if (missing.length) return { ok: false, message: `${doName} needs ${missing.map((k) => `${k}=...`).join(' and ')}` };
  }
  return { ok: true, value };
}

function readDecision(optText: string, deadline: string, def: string, names: Names, p: (col: string, msg: string, hint?: string) => void): Written | undefined {
  let ok = true;
  const fail = (col: string, msg: string, hint?: string) => { ok = false; p(col, msg, hint); };
  const options: Written[] = [];
  const lines = splitOutsideQuotes(optText, '\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  if (lines.length < 2) fail('decision options', `a decision needs at least two options (has ${lines.length})`, "one option per line: 'id: label -> command; command'");
  lines.forEach((line, k) => {
    const m = /^\s*([^\s:]+)\s*:(.*)$/s.exec(line);
    if (!m) { fail('decision options', `option ${k + 1} ('${line.trim().slice(0, 30)}') does not start with 'id:'`, "write 'evacuate-now: Sơ tán ngay | Evacuate now -> evacuate zone=...'"); return; }
    const [, oid, rest] = m;
    if (!ID_RE.test(oid)) { fail('decision options', `'${oid}' is not a valid option id`, 'ids use lower-case letters, digits, ".", "_" and "-"'); return; }
    if (options.some((o) => o.id === oid)) { fail('decision options', `option '${oid}' is given twice`); return; }
    const lab = readLabel(rest);
    if (!lab.ok) { fail('decision options', `option '${oid}': ${lab.message}`); return; }
    const commands: Record<string, unknown>[] = [];
    if (lab.rest.startsWith('->')) {
      for (const part of splitOutsideQuotes(lab.rest.slice(2), ';')) {
        if (part.trim() === '') continue;
        const c = readCommand(part.trim(), 'command', names);
        if (!c.ok) { fail('decision options', `option '${oid}': ${c.message}`, c.hint); return; }
        commands.push(c.value);
      }
    }
    options.push({ id: oid, label: lab.label, commands });
  });
  const d = parseDuration(deadline);
  if (deadline === '') fail('decision deadline', 'a decision needs a deadline', 'e.g. 30m');
  else if (!d.ok && tooLongToBeDuration(deadline)) fail('decision deadline', `'${deadline}' is ${TOO_LONG_DURATION}`, DURATION_HINT);
  else if (!d.ok || d.seconds <= 0) fail('decision deadline', `'${deadline}' is not a duration`, durationHint(deadline));
  if (def === '') fail('decision default', 'a decision needs a default option (applied when the deadline passes)', options.length ? `one of: ${options.map((o) => o.id).join(', ')}` : undefined);
  else if (options.length && !options.some((o) => o.id === def)) fail('decision default', `'${def}' is not one of the options`, hintFor(def, options.map((o) => String(o.id))));
  if (!ok) return undefined;
  return { options, deadline: formatDuration((d as { seconds: number }).seconds), default: def };
}

/** Read a whole CSV text into injects for `scenario`. */
export function importMsel(text: string, scenario: Scenario): ImportResult {
  const sheet = readMselCsv(text);
  const notes = sheet.notes ?? [];
  if (!sheet.ok) {
    // columns it does not know: the rows' own problems too
    const checked = sheet.rows && sheet.rows.length ? rowsToInjects(sheet.rows, scenario) : null;
    return { ok: false, issues: checked && !checked.ok ? [...sheet.issues, ...checked.issues] : sheet.issues, warnings: sortMselIssues([...notes, ...(checked?.warnings ?? [])]) };
  }
  if (sheet.rows.length === 0) return { ok: false, issues: [{ row: 0, column: null, message: 'the sheet has a header but no injects', hint: 'add one row per inject' }], warnings: notes };
  const r = rowsToInjects(sheet.rows, scenario);
  return notes.length ? { ...r, warnings: sortMselIssues([...notes, ...r.warnings]) } : r;
}

/** The written (file) form of injects, key order as in the example scenario. */
export function writtenInjects(injects: readonly Inject[]): unknown[] {
  return injects.map((i) => z.encode(Inject, i));
}


// ---------------------------------------------------------------- writing the injects back into the scenario text

const FLOW_KEYS = new Set(['subject', 'from', 'expected', 'when', 'contingency', 'label']);

/** The `injects:` section as YAML, short parts in flow style like the example scenario. */
export function injectsYaml(written: readonly unknown[]): string {
  const doc = new Document({ injects: written });
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      // defaults need not be written
      if ((key === 'objectives' || key === 'commands') && isSeq(pair.value) && pair.value.items.length === 0) return visit.REMOVE;
      if ((FLOW_KEYS.has(key) || key === 'objectives') && isCollection(pair.value)) pair.value.flow = true;
    },
    Seq(_, seq, path) {
      // commands of a decision option: one flow mapping per line
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'commands') for (const item of seq.items) if (isCollection(item)) item.flow = true;
    },
  });
  // `{ vi: ..., en: ... }` padded, `[a, b]` not: the example scenario's style
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true }).replace(/^(\s+objectives: )\[ (.*) \]$/gm, '$1[$2]');
}

/**
 * The scenario text with its `injects:` replaced and everything else left
 * byte for byte as it was (comments, blank lines and layout included). The
 * section is found from the YAML parse: from the `injects` key to the end of
 * its value (the value's last line, line break included), never by looking
 * for a blank line, so a file with the next key right under the injects is
 * read right. A comment on the `injects:` line itself is kept there. A JSON
 * scenario is rewritten as JSON.
 */
export function replaceInjectsInText(text: string, written: readonly unknown[], format: 'yaml' | 'json'): string {
  if (format === 'json') {
    const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    raw.injects = written;
    return JSON.stringify(raw, null, 2) + '\n';
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const doc = parseDocument(text);
  const contents = doc.contents;
  const top = isMap(contents) ? contents : undefined;
  const pair = top?.items.find((p) => isScalar(p.key) && p.key.value === 'injects');
  // a whole scenario in flow style (`{ id: ..., injects: [...] }`): the injects go in as JSON, which is flow YAML
  if (top?.flow) {
    const json = JSON.stringify(written);
    if (pair && isNode(pair.value) && pair.value.range) return text.slice(0, pair.value.range[0]) + json + text.slice(pair.value.range[1]);
    const last = top.items.at(-1);
    const lastEnd = last && ((isNode(last.value) && last.value.range?.[1]) || (isNode(last.key) && last.key.range?.[1]));
    if (!pair && lastEnd) return text.slice(0, lastEnd) + `, injects: ${json}` + text.slice(lastEnd);
  }
  const section = injectsYaml(written).replace(/\n$/, '');
  if (!pair || !isNode(pair.key) || !pair.key.range) {
    // no injects yet: a new section at the end, after a blank line
    return text + (text === '' || text.endsWith('\n') ? '' : eol) + eol + section.replace(/\n/g, eol) + eol;
  }
  const start = pair.key.range[0];
  const lineEndFrom = (i: number) => {
    const k = text.indexOf('\n', i);
    return k < 0 ? text.length : text[k - 1] === '\r' ? k - 1 : k;
  };
  const keyLineEnd = lineEndFrom(pair.key.range[1]);
  const valueEnd = isNode(pair.value) && pair.value.range ? pair.value.range[1] : pair.key.range[1];
  // a block value ends after its last line break; a value that ends inside a line (`injects: []`, `injects:` with
  // nothing under it) takes the rest of that line (spaces and a comment) with it, but not the line break
  const endsLine = text[valueEnd - 1] === '\n';
  const end = endsLine ? valueEnd : lineEndFrom(valueEnd);
  // a comment on the key's line (after `injects:`, or after a value on that line) stays on it
  const valueStart = isNode(pair.value) && pair.value.range ? pair.value.range[0] : pair.key.range[1];
  const onKeyLine = text.slice(valueStart < keyLineEnd ? Math.min(valueEnd, keyLineEnd) : pair.key.range[1], keyLineEnd);
  const comment = /(?:^|\s)(#.*)$/.exec(onKeyLine);
  const keyComment = comment ? ` ${comment[1]}` : '';
  // a map indented as a whole: the section takes the key's indentation
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const indent = /^ *$/.test(before) ? before : '';
  const lines = section.split('\n').map((l, k) => (k === 0 ? l + keyComment : l === '' ? l : indent + l));
  return text.slice(0, start) + lines.join(eol) + (endsLine ? eol : '') + text.slice(end);
}
