/**
 * The small notations used inside MSEL spreadsheet cells, each written and
 * read here so that export then import gives back the same values:
 *
 *   time              T+02:30 | when hazard=nam-mo alarm=bd2 | if not done 1h after #2
 *   expected action   evacuate zone=ta-ca-riverside within=1h30m
 *   decision options  one option per line:
 *                     evacuate-now: Sơ tán ngay | Evacuate now -> evacuate zone=muong-xen-lowland
 *
 * Values are bare when they are simple (ids, numbers, durations) and JSON
 * strings in double quotes otherwise. Pure: no I/O.
 */
import type { Text } from './schema.js';

// ---------------------------------------------------------------- key=value words

export type Word = { key: string; value: string; quoted: boolean } | { key: null; value: string; quoted: boolean };

export type WordsResult = { ok: true; words: Word[] } | { ok: false; message: string };

const BARE_VALUE = /^[\p{L}\p{N}._+:\/-]+$/u;

/** A value as written after `key=`: bare when it is one simple word, else a JSON string. */
export function formatValue(v: string | number): string {
  if (typeof v === 'number') return String(v);
  return BARE_VALUE.test(v) ? v : JSON.stringify(v);
}

/**
 * Split `do key=value key="a text"` into words. A word without `=` has
 * key null (the command name). Stops at `stop` characters outside quotes
 * (used for `;` between commands); returns the rest's offset in `end`.
 */
export function readWords(text: string): WordsResult {
  const words: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++;
    if (i >= n) break;
    // key (or bare word)
    let j = i;
    while (j < n && !/[\s="]/.test(text[j])) j++;
    const head = text.slice(i, j);
    if (text[j] === '=') {
      if (head === '') return { ok: false, message: `'=' without a name before it` };
      j++;
      if (text[j] === '"') {
        const s = readQuoted(text, j);
        if (!s.ok) return { ok: false, message: `${head}=: ${s.message}` };
        words.push({ key: head, value: s.value, quoted: true });
        j = s.end;
      } else {
        let k = j;
        while (k < n && !/\s/.test(text[k])) k++;
        const value = text.slice(j, k);
        if (value === '') return { ok: false, message: `'${head}=' has no value` };
        words.push({ key: head, value, quoted: false });
        j = k;
      }
    } else if (text[j] === '"') {
      if (head !== '') return { ok: false, message: `a quote in the middle of '${head}'` };
      const s = readQuoted(text, j);
      if (!s.ok) return s;
      words.push({ key: null, value: s.value, quoted: true });
      j = s.end;
    } else {
      words.push({ key: null, value: head, quoted: false });
    }
    if (j < n && !/\s/.test(text[j])) return { ok: false, message: `expected a space after '${text.slice(i, j)}'` };
    i = j;
  }
  return { ok: true, words };
}

type Quoted = { ok: true; value: string; end: number } | { ok: false; message: string };

/** A JSON string literal starting at `start` (a double quote). */
export function readQuoted(text: string, start: number): Quoted {
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === '\\') { j += 2; continue; }
    if (text[j] === '"') break;
    j++;
  }
  if (j >= text.length) return { ok: false, message: 'a quoted text is not closed (missing ")' };
  try {
    return { ok: true, value: JSON.parse(text.slice(start, j + 1)) as string, end: j + 1 };
  } catch {
    return { ok: false, message: `bad escape in the quoted text ${text.slice(start, Math.min(j + 1, start + 30))}` };
  }
}

/** Split on a separator character outside double quotes. */
export function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQ) {
      cur += c;
      if (c === '\\' && i + 1 < text.length) { cur += text[++i]; continue; }
      if (c === '"') inQ = false;
      continue;
    }
    if (c === '"') { inQ = true; cur += c; continue; }
    if (c === sep) { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

// ---------------------------------------------------------------- texts (vi / en)

/** A text as two spreadsheet cells, Vietnamese and English. A plain string fills both. */
export function textCells(t: Text | undefined): [string, string] {
  if (t === undefined) return ['', ''];
  if (typeof t === 'string') return [t, t];
  return [t.vi ?? '', t.en ?? ''];
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * Two cells back to a text: the same text in both (or a language-neutral
 * cell) is a plain string; otherwise `{ vi, en }` with what is given.
 */
export function textFromCells(vi: string | undefined, en: string | undefined, plain?: string): Text | undefined {
  if (!blank(plain)) return plain;
  if (blank(vi) && blank(en)) return undefined;
  if (blank(en)) return { vi: vi! };
  if (blank(vi)) return { en: en! };
  if (vi === en) return vi!;
  return { vi: vi!, en: en! };
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ as a formula (CSV
 * injection). Free-text cells that start so, or with the escape mark `'`
 * itself, get a leading `'`; import takes one `'` off.
 */
export function guardFormula(s: string): string {
  return /^[=+\-@\t\r']/.test(s) ? `'${s}` : s;
}

export function unguardFormula(s: string): string {
  return s.startsWith("'") ? s.slice(1) : s;
}

// ---------------------------------------------------------------- labels of decision options

const LABEL_BARE = /^[^\s"|;\n\r](?:[^"|;\n\r]*[^\s"|;\n\r])?$/u;

function labelPart(s: string): string {
  return LABEL_BARE.test(s) && !s.includes('->') ? s : JSON.stringify(s);
}

/** A label as written in an option line: `text`, or `vi text | en text` (a side may be empty). */
export function formatLabel(t: Text): string {
  if (typeof t === 'string') return labelPart(t);
  const vi = t.vi !== undefined ? labelPart(t.vi) : '';
  const en = t.en !== undefined ? labelPart(t.en) : '';
  return `${vi}${vi ? ' ' : ''}|${en ? ' ' : ''}${en}`;
}

type LabelParse = { ok: true; label: Text; rest: string } | { ok: false; message: string };

/** Read a label from the start of `text` up to `->` or the end. */
export function readLabel(text: string): LabelParse {
  const parts: (string | undefined)[] = [];
  let i = 0;
  let pipe = false;
  const n = text.length;
  const skip = () => { while (i < n && /[ \t]/.test(text[i])) i++; };
  for (;;) {
    skip();
    let part: string | undefined;
    if (text[i] === '"') {
      const q = readQuoted(text, i);
      if (!q.ok) return q;
      part = q.value;
      i = q.end;
      skip();
    } else {
      let j = i;
      while (j < n && text[j] !== '|' && !text.startsWith('->', j)) j++;
      const raw = text.slice(i, j).trim();
      part = raw === '' ? undefined : raw;
      i = j;
    }
    parts.push(part);
    if (text[i] === '|') {
      if (pipe) return { ok: false, message: "a label has at most one '|' (Vietnamese | English); put a text with '|' in double quotes" };
      pipe = true;
      i++;
      continue;
    }
    break;
  }
  const rest = text.slice(i);
  if (rest !== '' && !rest.startsWith('->')) return { ok: false, message: `unexpected '${rest.slice(0, 20)}' after the label; write 'id: label -> command'` };
  if (!pipe) {
    if (parts[0] === undefined) return { ok: false, message: 'the option has no label' };
    return { ok: true, label: parts[0], rest };
  }
  const [vi, en] = parts;
  if (vi === undefined && en === undefined) return { ok: false, message: 'the option has no label' };
  const label: Text = vi !== undefined && en !== undefined ? { vi, en } : vi !== undefined ? { vi } : { en: en! };
  return { ok: true, label, rest };
}
