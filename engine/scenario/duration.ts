/**
 * The one notation for durations and scenario times, in whole seconds.
 *
 *   90s   45m   2h30m   1d6h   T+02:30   T+02:30:15   T+1d02:30
 *
 * `T+` forms read as hours:minutes[:seconds] since the scenario start (T0).
 * Both forms mean the same thing: a number of seconds. A leading `-` is
 * parsed so that the loader can say "negative duration" instead of "bad
 * syntax". A bare `05:40` is refused (everywhere but an MSEL sheet's time
 * column): it reads as a wall-clock time as easily as a time since T0, so
 * the refusal says which form to write (`timeHint`). Pure: no clock, no locale.
 */

import { say, sayIn, type Say } from './say.js';

/** A failure says what is wrong in English (`message`) and as words for any language (`words`). */
export type DurationParse = { ok: true; seconds: number } | { ok: false; message: string; words: Say };

const failed = (words: Say): DurationParse => ({ ok: false, message: sayIn(words, 'en'), words });

const UNIT_S: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };
const COMPACT = /^(-)?((?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?)$/;
const CLOCK = /^(-)?T\+(?:(\d+)d)?(\d{1,3}):(\d{2})(?::(\d{2}))?$/;

export const DURATION_PATTERN = '^-?(?:(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?|T\\+(?:\\d+d)?\\d{1,3}:\\d{2}(?::\\d{2})?)$';

export function parseDuration(text: string): DurationParse {
  const t = text.trim();
  const clock = CLOCK.exec(t);
  if (clock) {
    const [, neg, d, h, m, s] = clock;
    if (Number(m) > 59 || (s !== undefined && Number(s) > 59)) {
      return failed(say('duration.minutes-59', { text }));
    }
    const seconds = Number(d ?? 0) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(s ?? 0);
    if (!Number.isSafeInteger(seconds)) return failed(say('duration.too-long', { text: t }));
    return { ok: true, seconds: neg ? -seconds : seconds };
  }
  const compact = COMPACT.exec(t);
  if (compact && compact[2] !== '') {
    let seconds = 0;
    for (const part of compact[2].match(/\d+[dhms]/g) ?? []) {
      seconds += Number(part.slice(0, -1)) * UNIT_S[part[part.length - 1]];
    }
    // `99999999999999999999h`: more seconds than a number holds exactly (it was 'got the number Infinity')
    if (!Number.isSafeInteger(seconds)) return failed(say('duration.too-long', { text: t }));
    return { ok: true, seconds: compact[1] ? -seconds : seconds };
  }
  // `99999999999999999999 hours`: a unit word, as people write it, is not the notation, but what is wrong is the length
  const worded = /^(\d+)\s*([^\d\s.,]+)\.?$/u.exec(t);
  const unit = worded ? UNIT_WORDS[worded[2].toLowerCase()] : undefined;
  if (unit !== undefined && !Number.isSafeInteger(Number(worded![1]) * UNIT_S[unit])) return failed(say('duration.too-long', { text: t }));
  return failed(say('duration.not', { text }));
}

/** Whether a text is a duration in the notation, or one number with a unit word, of more seconds than a number holds exactly. */
export function tooLongToBeDuration(text: string): boolean {
  const r = parseDuration(text);
  return !r.ok && r.words.key === 'duration.too-long';
}

export const DURATION_HINT_SAY = say('duration.forms');
export const DURATION_HINT = sayIn(DURATION_HINT_SAY, 'en');

/** Unit words people write, in English and Vietnamese, by the unit letter they mean. */
const UNIT_WORDS: Record<string, string> = Object.fromEntries(Object.entries({
  d: ['d', 'day', 'days', 'ngày', 'ngay'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours', 'giờ', 'gio', 'g', 'tiếng', 'tieng'],
  m: ['m', 'min', 'mins', 'minute', 'minutes', "'", 'phút', 'phut', 'p', 'ph'],
  s: ['s', 'sec', 'secs', 'second', 'seconds', '"', 'giây', 'giay'],
}).flatMap(([unit, words]) => words.map((w) => [w, unit])));

/**
 * The duration someone most likely meant by a text that is not one, in the
 * compact form: `20 min`, `20 phút`, `1 h`, `30M`, `1.5h`, `2,5 giờ`, `1h30`,
 * `PT20M` -> `20m`, `20m`, `1h`, `30m`, `1h30m`, `2h30m`, `1h30m`, `20m`.
 * Undefined when there is no good guess (or the text already reads): `00:20`
 * may be 20 minutes or 20 seconds.
 */
export function suggestDuration(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || (parseDuration(t).ok && t === text.trim())) return undefined;
  if (parseDuration(t).ok) return t; // 30M, 2H
  const found = (seconds: number) => (seconds > 0 && Number.isSafeInteger(seconds) ? formatDuration(seconds) : undefined);
  const iso = /^pt(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (iso && t !== 'pt') return found(Number(iso[1] ?? 0) * 3_600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0));
  // numbers with unit words: 1.5 h, 2,5 giờ, 1 hour 30 minutes, 1h30 (minutes after hours), 2m30 (seconds after minutes)
  const parts = [...t.matchAll(/(\d+(?:[.,]\d+)?)\s*([^\d\s.,]*)\s*/gu)];
  if (parts.length === 0 || parts.map((m) => m[0]).join('') !== t.replace(/^\s+/, '')) return undefined;
  const order = ['d', 'h', 'm', 's'];
  let seconds = 0;
  let last = -1;
  for (const [k, m] of parts.entries()) {
    const n = Number(m[1].replace(',', '.'));
    const word = m[2].replace(/[.,]$/, '');
    // a bare number last: the unit after the one before it (1h30 -> 30 minutes)
    const unit = word === '' ? (k === parts.length - 1 && last >= 0 && last < 3 ? order[last + 1] : undefined) : UNIT_WORDS[word];
    if (unit === undefined || order.indexOf(unit) <= last) return undefined;
    last = order.indexOf(unit);
    seconds += n * UNIT_S[unit];
  }
  // a whole number of one unit keeps the unit it was written in: '24hrs' is 24h, not 1d
  const [one] = parts;
  // (not one too long to be a duration: '1e+26h' was suggested for 99999999999999999999999999 hours)
  if (parts.length === 1 && /^\d+$/.test(one[1]) && Number(one[1]) > 0 && Number.isSafeInteger(seconds)) return `${Number(one[1])}${order[last]}`;
  return found(Math.round(seconds * 1000) / 1000);
}

/** The hint for a text that is not a duration: the form meant, when there is a good guess, else the forms. */
export function durationHint(text: string): string {
  return sayIn(durationHintSay(text), 'en');
}

export function durationHintSay(text: string): Say {
  const s = suggestDuration(text);
  return s ? say('duration.write', { s }) : DURATION_HINT_SAY;
}

/** What to write for a time since T0 when what was written is not one and no better guess fits. */
export const TIME_HINT = sayIn(say('time.forms'), 'en');

/**
 * The time since T0 someone most likely meant by a text that is not one, in
 * its written form: `05:40`, `5:40`, `+05:40`, `T05:40`, `t+05:40`, `T+5` ->
 * `T+05:40`, `T+05:00`; undefined when there is no good guess (or the text already reads).
 */
export function suggestTime(text: string): string | undefined {
  const t = text.trim();
  if (parseDuration(t).ok) return undefined;
  let m = /^(?:[Tt]\+?|\+)?(?:(\d+)d)?(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const [, d, h, min, sec] = m;
    if (Number(min) > 59 || (sec !== undefined && Number(sec) > 59)) return undefined;
    return formatClock(Number(d ?? 0) * 86_400 + Number(h) * 3_600 + Number(min) * 60 + Number(sec ?? 0));
  }
  // T+0030: the colon left out, as an MSEL writes the clock
  m = /^[Tt]\+?(\d{2})([0-5]\d)$/.exec(t);
  if (m) return formatClock(Number(m[1]) * 3_600 + Number(m[2]) * 60);
  // T+5 (hours, as people say "T plus five"), T+2h30m
  m = /^[Tt]\+?(\d{1,3})$/.exec(t);
  if (m) return formatClock(Number(m[1]) * 3_600);
  m = /^[Tt]\+?(\d.*)$/.exec(t);
  if (m) {
    const r = parseDuration(m[1]);
    if (r.ok && r.seconds >= 0) return formatClock(r.seconds);
  }
  return undefined;
}

/** The hint for a text that is not a time since T0: the form to write, as near to what was written as can be. */
export function timeHint(text: string): string {
  return sayIn(timeHintSay(text), 'en');
}

export function timeHintSay(text: string): Say {
  if (/^[Tt]?\s*-/.test(text.trim())) return say('negative.before-start');
  const s = suggestTime(text);
  const r = s === undefined ? undefined : parseDuration(s);
  // the reading spelt out, so that someone who meant the wall clock sees it is not that
  if (r?.ok) return say('time.write', { s: s!, d: lengthWords(r.seconds) });
  // a length of time written another way (7 h 30 min, 7.5h): the time that long after the start
  const d = /^\d{1,3}:\d{2}/.test(text.trim()) ? undefined : suggestDuration(text);
  const dr = d === undefined ? undefined : parseDuration(d);
  return dr?.ok ? say('time.write', { s: formatClock(dr.seconds), d: say('bi', { en: d!, vi: viLength(dr.seconds) }) }) : say('time.forms');
}

/** A length of time in words for any language: '2h30m' in English (the file's own notation), '2 giờ 30 phút' in Vietnamese. */
function lengthWords(seconds: number): Say {
  return say('bi', { en: formatDuration(seconds), vi: viLength(seconds) });
}

/** 9000 -> '2 giờ 30 phút', 90 -> '1 phút 30 giây' */
function viLength(seconds: number): string {
  let rest = Math.abs(Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, word] of [['d', 'ngày'], ['h', 'giờ'], ['m', 'phút'], ['s', 'giây']] as const) {
    const n = Math.floor(rest / UNIT_S[unit]);
    if (n > 0) parts.push(`${n} ${word}`);
    rest -= n * UNIT_S[unit];
  }
  return parts.length ? parts.join(' ') : '0 giây';
}

/** Compact form: 0s, 90s -> 1m30s, 9000 -> 2h30m. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds === 0) return '0s';
  const neg = seconds < 0;
  let rest = Math.abs(Math.round(seconds));
  let out = '';
  for (const unit of ['d', 'h', 'm', 's']) {
    const n = Math.floor(rest / UNIT_S[unit]);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * UNIT_S[unit];
  }
  return (neg ? '-' : '') + out;
}

/** Clock form since T0: T+02:30, T+02:30:15, T+1d02:30. */
/**
 * A time echoed back to whoever typed it: as typed, so that it can be found again in the cell or command line,
 * with the canonical form beside it only when that reads otherwise ('T+30:00 (T+1d06:00)', '2h (T+02:00)').
 */
export function writtenClock(written: string, seconds: number): string {
  const typed = written.trim(), canonical = formatClock(seconds);
  return typed === canonical ? canonical : `${typed} (${canonical})`;
}

export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const neg = seconds < 0;
  let rest = Math.abs(Math.round(seconds));
  const d = Math.floor(rest / 86_400);
  rest -= d * 86_400;
  const h = Math.floor(rest / 3_600);
  rest -= h * 3_600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${neg ? '-' : ''}T+${d > 0 ? `${d}d` : ''}${pad(h)}:${pad(m)}${s > 0 ? `:${pad(s)}` : ''}`;
}
