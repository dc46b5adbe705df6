/**
 * Plain-text helpers for the terminal: scenario texts made safe to print
 * (control characters and bidi overrides removed, so a scenario cannot move
 * the cursor, change colours or reorder a line), wrapping, numbers with the
 * language's decimal mark, and the scenario's wall clock (T0 + t in T0's own
 * UTC offset, computed by hand: no Date, so the same everywhere).
 */
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

/** A number for people: integers as such, others to one decimal (three significant for small), with the language's decimal mark. */
export function num(v: number, lang: Lang): string {
  const r = Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
  const s = String(r);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** Wall-clock time at T0 + t, in T0's own offset: "19:46 01/10/2022" (day/month/year, as written in Vietnam). */
export function wallClock(startIso: string, t: number): string {
  const m = ISO.exec(startIso);
  if (!m) return '';
  const [, y, mo, d, h, mi, s] = m;
  const secs = daysFromCivil(Number(y), Number(mo), Number(d)) * 86_400 + Number(h) * 3600 + Number(mi) * 60 + Number(s ?? 0) + t;
  const days = Math.floor(secs / 86_400);
  const rest = secs - days * 86_400;
  const [yy, mm, dd] = civilFromDays(days);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(Math.floor(rest / 3600))}:${p2(Math.floor((rest % 3600) / 60))} ${p2(dd)}/${p2(mm)}/${yy}`;
}
