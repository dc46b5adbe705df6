/**
 * Times written in an MSEL sheet without `T+` (`19:30`). Sheets are written
 * that way, so import reads them as time since the start (T+19:30); but a
 * planner who typed the wall clock (the exercise starts 18:00, the inject at
 * 19:30) would get every inject hours late with nothing said. So import says
 * it once per sheet: the rows, what each was read as, and for the first ones
 * the `T+` to write if the clock time was meant (the next day when the clock
 * time comes before the start's). Pure: integer calendar arithmetic on the
 * scenario's `start` (calendar.ts), no Date.
 */
import { daysFromCivil, localTime, pad2 } from './calendar.js';
import { formatClock, formatDuration } from './duration.js';
import { joined, say, sayIn, type Say } from './say.js';

/** A time cell written as a bare clock (`19:30`, `7:05`, `19:30:15`): its row and text, and the seconds since the start it was read as. */
export interface BareTime { row: number; text: string; seconds: number }

/** `19:30`, `7:05`, `19:30:15`: what the time column reads as `T+` when written without it. */
export const BARE_CLOCK = /^(\d+):(\d+)(?::(\d+))?$/;

const DAY_S = 86_400;
/** examples spelt out in the warning: enough to show the reading, short enough to read */
const EXAMPLES_MAX = 2;

/** What the bare time would be as the wall clock on the scenario's start day (or the next day, when earlier than the start's clock time). */
export interface ClockReading {
  /** seconds since the start */
  seconds: number;
  next_day: boolean;
}

/**
 * The clock reading of a bare time: null when it cannot be a clock time
 * (24:00 or later), when the start does not read, or when it is the same as
 * the `T+` reading (a scenario that starts at midnight).
 */
export function clockReading(seconds: number, startIso: string): ClockReading | null {
  if (seconds >= DAY_S) return null;
  const s = localTime(startIso, 0);
  if (s === null) return null;
  const startOfDay_s = s.hour * 3600 + s.minute * 60 + s.second;
  const next_day = seconds < startOfDay_s;
  const at = seconds - startOfDay_s + (next_day ? DAY_S : 0);
  return at === seconds ? null : { seconds: at, next_day };
}

/** "19 h 30 min", "45 min", "2 h", "1 d 3 h" */
function inWords(seconds: number): string {
  const d = Math.floor(seconds / DAY_S), h = Math.floor((seconds % DAY_S) / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : '', s ? `${s} s` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}

/** "19 giờ 30 phút", "45 phút", "1 ngày 3 giờ": inWords in Vietnamese */
function viWords(seconds: number): string {
  const d = Math.floor(seconds / DAY_S), h = Math.floor((seconds % DAY_S) / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  const parts = [d ? `${d} ngày` : '', h ? `${h} giờ` : '', m ? `${m} phút` : '', s ? `${s} giây` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 phút';
}

/** "2026-10-03 13:30" in the start's own offset; null when the start does not read. */
function localText(startIso: string, t: number): string | null {
  const l = localTime(startIso, t);
  return l && `${l.year}-${pad2(l.month)}-${pad2(l.day)} ${pad2(l.hour)}:${pad2(l.minute)}`;
}

/** "row 4", "rows 4 and 6", "rows 4, 6 and 9" */
function rowList(rows: number[]): Say {
  if (rows.length === 1) return say('bare.row', { row: rows[0] });
  return say('bare.rows', { list: joined(rows.slice(0, -1)), last: rows[rows.length - 1] });
}

/** The clock time the planner may have meant, as written: `19:30` (`07:05` for `7:05`). */
function clockText(seconds: number): string {
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  return `${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

/** If the clock time was meant, what to write instead: `T+01:30`, or why none fits; undefined when the bare time cannot be a clock time. */
export function clockAdvice(seconds: number, startIso: string, horizon_s: number): string | undefined {
  return sayIn(clockAdviceSay(seconds, startIso, horizon_s), 'en');
}

export function clockAdviceSay(seconds: number, startIso: string, horizon_s: number): Say | undefined {
  const c = clockReading(seconds, startIso);
  if (c === null) return undefined;
  // earlier than the start's clock time: the clock reading is the next day
  const when = say(c.next_day ? 'clock.when-next-day' : 'clock.when', { clock: clockText(seconds) });
  return c.seconds > horizon_s
    ? say('clock.would-be-after', { when, t: formatClock(c.seconds), horizon: formatDuration(horizon_s) })
    : say('clock.if-meant', { when, t: formatClock(c.seconds) });
}

/**
 * One warning for all the sheet's bare times whose clock reading differs
 * from their `T+` reading: the rows, and for the first EXAMPLES_MAX of them
 * what they were read as and what to write for the clock time. Null when
 * there are none.
 */
export function bareTimesWarning(bare: readonly BareTime[], startIso: string, horizon_s: number): { message: string; hint: string; words: { message: Say; hint: Say } } | null {
  // a time that reads the same either way (a start at midnight) is no surprise; 24:00 and later is no clock time
  const ambiguous = bare.filter((b) => clockReading(b.seconds, startIso) !== null);
  if (ambiguous.length === 0) return null;
  const examples = ambiguous.slice(0, EXAMPLES_MAX).map((b) => {
    const local = localText(startIso, b.seconds);
    return say('bare.example', {
      row: b.row, text: b.text, t: formatClock(b.seconds), d: say('bi', { en: inWords(b.seconds), vi: viWords(b.seconds) }),
      local: local ? say('bare.local', { local }) : say('empty'), advice: clockAdviceSay(b.seconds, startIso, horizon_s)!,
    });
  });
  const more = ambiguous.length - examples.length;
  const rows = ambiguous.map((b) => b.row);
  const start = localText(startIso, 0);
  const message = say('bare.message', { rows: rowList(rows), n: rows.length, examples: joined(examples, 'bare.sep'), more: more ? say('bare.more', { n: more }) : say('empty') });
  const hint = say('bare.hint', { start: start ? say('bare.hint-start', { clock: start.slice(11) }) : say('empty') });
  return { message: sayIn(message, 'en'), hint: sayIn(hint, 'en'), words: { message, hint } };
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
/** Months by the first three letters of their English names (Sep, Sept, September). */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** 14 Sep 2026, 14-Sep-2026, 14 September, 2026 */
const DAY_MONTH_YEAR = new RegExp(`(?<![\\d:])(\\d{1,2})(?:st|nd|rd|th)?[\\s/.-]*${MONTH}[\\s/.,-]*(\\d{4})(?!\\d)`, 'i');
/** Sep 14 2026, September 14th, 2026 */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4})(?!\\d)`, 'i');
/** 14 tháng 9 2026, 14 tháng 9 năm 2026 (ngày is taken off before) */
const VI_DATE = /(?<![\d:])(\d{1,2})\s*tháng\s*(\d{1,2})(?:\s*năm)?[\s,/-]*(\d{4})(?!\d)/iu;

/** A date written with its month in words (English, or Vietnamese `tháng 9`) as the numeric YYYY-MM-DD the reading below takes; other text as it is. */
function numericDates(text: string): string {
  const ymd = (y: string, mo: number, d: string) => ` ${y}-${pad2(mo)}-${pad2(Number(d))} `;
  return text
    .replace(DAY_MONTH_YEAR, (_, d: string, mon: string, y: string) => ymd(y, MONTHS.indexOf(mon.toLowerCase()) + 1, d))
    .replace(MONTH_DAY_YEAR, (_, mon: string, d: string, y: string) => ymd(y, MONTHS.indexOf(mon.toLowerCase()) + 1, d))
    .replace(VI_DATE, (_, d: string, mo: string, y: string) => ymd(y, Number(mo), d));
}
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 14h30, 14h, 7 giờ 30, 7:30 PM, 7:30:00 CH (Vietnamese Excel's afternoon): a clock time written as people and spreadsheets write one */
const CLOCK_WORDS = /^(\d{1,2})\s*(?:(?::|h|g|giờ)\s*(?:(\d{1,2})\s*(?:phút|p|')?)?(?::(\d{2}))?)?\s*(am|pm|sa|ch)?$/i;

/** Seconds of the day of a clock time in CLOCK_WORDS (one with a colon needs AM/PM: `19:30` alone is a T+ time); undefined when it is none. */
function clockWords(text: string, colonAlone: boolean): number | undefined {
  const m = CLOCK_WORDS.exec(text);
  if (!m || (!/[hg:]|giờ/i.test(text) && !m[4]) || (!colonAlone && /^\d+:\d+(:\d+)?$/.test(text))) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0), s = Number(m[3] ?? 0), half = m[4]?.toLowerCase();
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (half === 'pm' || half === 'ch' ? 12 : 0);
  }
  return h < 24 && min < 60 && s < 60 ? h * 3600 + min * 60 + s : undefined;
}

/**
 * A date, with the clock time beside it when there is one, as people write them (`01/10/2022 19:30`, `19h30 ngày
 * 01/10/2022`, `1 Oct 2022 7:30 PM`, `2022-10-01 19:30`): its year, month and day (a date with slashes, dots or
 * dashes read day/month/year, as in Vietnam: `dmy`), the seconds of the day of its clock time (undefined: none,
 * or words that are no time), and whether anything but the date was written. Undefined when it holds no date.
 */
export function dateAndClock(text: string): { y: number; mo: number; d: number; seconds?: number; dmy: boolean; alone: boolean } | undefined {
  const tokens = numericDates(text.replace(/^(\d{4}-\d{1,2}-\d{1,2})T/i, '$1 ').replace(/(?<![\p{L}])(ngày|lúc)(?![\p{L}])/giu, ' ')).replace(/,/g, ' ').trim().split(/\s+/);
  const at = tokens.findIndex((w) => DMY.test(w) || YMD.test(w));
  if (at < 0) return undefined;
  const rest = [...tokens.slice(0, at), ...tokens.slice(at + 1)].join(' ');
  const dmy = DMY.exec(tokens[at]), ymd = YMD.exec(tokens[at]);
  const [y, mo, d] = dmy ? [+dmy[3], +dmy[2], +dmy[1]] : [+ymd![1], +ymd![2], +ymd![3]];
  return { y, mo, d, seconds: rest === '' ? undefined : clockWords(rest, true), dmy: dmy !== null, alone: rest === '' };
}

/**
 * A time cell written as a clock time or a date and time, which the time column does not take (it counts from the
 * start), as people write them (`14h30`, `7:30 PM`, `01/10/2022 19:30`, `19h30 ngày 01/10/2022`): what it is and
 * what to write, from the scenario's start. Dates are read day/month/year, as in Vietnam (and said so). Undefined
 * for any other text.
 */
export function clockTimeSay(text: string, startIso: string, horizon_s: number): { message: Say; hint: Say } | undefined {
  const read = dateAndClock(text);
  if (read === undefined) {
    const seconds = clockWords(text.trim(), false);
    if (seconds === undefined) return undefined;
    const read = say('msel.time-read', { t: formatClock(seconds), d: formatDuration(seconds) });
    const advice = clockAdviceSay(seconds, startIso, horizon_s);
    // the T+ reading past the end is no time to write: the clock reading alone, when it falls within the scenario
    const hint = advice === undefined ? read : seconds > horizon_s && advice.key === 'clock.if-meant' ? advice : say('join.semicolon', { a: read, b: advice });
    return { message: say('msel.time-not', { text }), hint };
  }
  const { y, mo, d, seconds } = read;
  const t0 = localTime(startIso, 0);
  if (t0 === null || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const order = read.dmy ? say('msel.time-dmy') : say('empty');
  const date = `${y}-${pad2(mo)}-${pad2(d)}`;
  const startOfDay_t = (daysFromCivil(y, mo, d) - daysFromCivil(t0.year, t0.month, t0.day)) * DAY_S - (t0.hour * 3600 + t0.minute * 60 + t0.second);
  if (seconds === undefined) {
    // a day with no time that reads (a date alone, or with words): no T+ to give but that of the day's start, when the scenario runs then
    const begins = startOfDay_t > 0 && startOfDay_t <= horizon_s ? say('msel.time-day-begins', { date, t: formatClock(startOfDay_t) }) : say('empty');
    return { message: say('msel.time-day', { text }), hint: say('msel.time-day-hint', { order, date, start: localText(startIso, 0)!, begins }) };
  }
  const t = startOfDay_t + seconds;
  const local = `${date} ${clockText(seconds)}`;
  const hint = t < 0 ? say('msel.time-date-before', { order, local, start: localText(startIso, 0)! })
    : t > horizon_s ? say('msel.time-date-after', { order, local, t: formatClock(t), horizon: formatDuration(horizon_s), end: formatClock(horizon_s) })
      : say('msel.time-date-is', { order, local, t: formatClock(t), start: clockText(t0.hour * 3600 + t0.minute * 60) });
  return { message: say('msel.time-date', { text }), hint };
}
