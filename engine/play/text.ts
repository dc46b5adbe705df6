/**
 * Plain-text helpers for the terminal: scenario texts made safe to print
 * (control characters and bidi overrides removed, so a scenario cannot move
 * the cursor, change colours or reorder a line), wrapping, numbers with the
 * language's decimal mark, and the scenario's wall clock (T0 + t in T0's own
 * UTC offset, computed by hand: no Date, so the same everywhere).
 */
import { localTime, pad2 } from '../scenario/calendar.js';
import { textIn, type Lang } from '../scenario/text.js';
import type { Text } from '../scenario/schema.js';

// C0 controls but \n, DEL, C1 controls, and the Unicode bidi embeddings, overrides and isolates
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Text safe to write to a terminal: no escape sequences, no bidi tricks; newlines kept. */
export function plain(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

/** One line safe to print: as `plain`, with newlines and tabs as spaces. */
export function oneLine(s: string): string {
  return plain(s.replace(/[\r\n\t]/g, ' ')).replace(/ {2,}/g, ' ').trim();
}

/** A scenario text in the language asked for (falling back to the other), as one safe line. */
export function say(t: Text | undefined, lang: Lang): string {
  return oneLine(textIn(t, lang));
}

/** Wrap text to `width` columns (by code points), each line after the first indented by `indent`. */
export function wrap(s: string, width: number, indent: string): string[] {
  const out: string[] = [];
  for (const para of plain(s).split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && len(line) + 1 + len(word) > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out.map((l, i) => (i === 0 ? l : indent + l));
}

/** Length in code points (what a terminal shows for Vietnamese in NFC). */
export function len(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function pad(s: string, width: number): string {
  const n = len(s);
  return n >= width ? s : s + ' '.repeat(width - n);
}

/** A table cell: padded to `width`, and always followed by at least two spaces. */
export function cell(s: string, width: number): string {
  return len(s) + 2 > width ? `${s}  ` : pad(s, width);
}

/** A cell that keeps its column: a text too long for it is cut, with '…' (for names beside their id, which stays whole). */
export function clippedCell(s: string, width: number): string {
  return len(s) + 2 > width ? pad(`${[...s].slice(0, Math.max(1, width - 3)).join('').trimEnd()}…`, width) : pad(s, width);
}

/** A number for people: integers as such, others to one decimal (three significant for small), with the language's decimal mark. */
export function num(v: number, lang: Lang): string {
  const r = Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
  const s = String(r);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** A count of people or things, its thousands grouped as the report writes them: 1,330 in English, 1.330 in Vietnamese. */
export function count(v: number, lang: Lang): string {
  return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

/** Wall-clock time at T0 + t, in T0's own offset: "19:46 01/10/2022" (day/month/year, as written in Vietnam). */
export function wallClock(startIso: string, t: number): string {
  const l = localTime(startIso, t);
  if (!l) return '';
  return `${pad2(l.hour)}:${pad2(l.minute)} ${pad2(l.day)}/${pad2(l.month)}/${l.year}`;
}
