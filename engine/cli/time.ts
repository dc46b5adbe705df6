/** Reading times given on the command line (same notation as scenarios, and the same hint when one is not a time). */
import { daysFromCivil, localTime, pad2 } from '../scenario/calendar.js';
import { formatClock, formatDuration, parseDuration, timeHintSay } from '../scenario/duration.js';
import { clockAdviceSay } from '../scenario/msel-bare-times.js';
import { say, sayIn } from '../scenario/say.js';
import type { Lang } from '../scenario/text.js';
import { OptionError } from './args.js';

/**
 * What a time option is read against. `horizon_s`: where the run ends, so that a number written without its unit
 * is read first in the unit that falls within the run. `start`: the scenario's T0, so that a clock time (`5:00`)
 * is also said as the T+ it would be. `lang`: the language of the message.
 */
export interface TimeContext { horizon_s?: number; start?: string; lang?: Lang }

/** A time since the start (`--until 2h`, `--at T+01:30`), in seconds. */
export function timeOption(value: unknown, name: string, ctx: TimeContext = {}): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const r = parseDuration(text);
  if (r.ok && r.seconds >= 0) return r.seconds;
  const lang = ctx.lang ?? 'en';
  const words = r.ok ? say('time.option-before', { text, d: formatDuration(-r.seconds), t: formatClock(-r.seconds) })
    // `--until -99999999999999999999h`: before the start, however far (it was 'too long to be a time', as if it were late)
    : r.words.key === 'duration.too-long' && /^\s*-/.test(text) ? say('time.option-before-far', { text, hint: upToEnd(ctx.horizon_s) })
    : r.words.key === 'duration.too-long' ? say('time.option-too-long', { text, hint: upToEnd(ctx.horizon_s) })
      : bareNumber(text, ctx.horizon_s) ?? clockLike(text, ctx) ?? dateTimeLike(text, ctx) ?? say('join.semicolon', { a: say('time.not', { text }), b: timeHintSay(text) });
  // said in the command's language: main prints the pointer to --help in it too
  throw Object.assign(new OptionError(`--${name}: ${sayIn(words, lang)}`), { lang });
}

const DATE_TIME = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?\s*$/;

/** Seconds of an ISO date-time on one scale (days since 1970 in seconds, less its offset); `offset` when it has none. */
function instant(m: RegExpExecArray, offset?: string): number | undefined {
  const off = m[7] ?? offset;
  const o = off === undefined || off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 3_600 + Number(off.slice(-2)) * 60);
  if (Number(m[2]) > 12 || Number(m[4]) > 23 || Number(m[5]) > 59) return undefined;
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * 86_400 + Number(m[4]) * 3_600 + Number(m[5]) * 60 + Number(m[6] ?? 0) - o;
}

/**
 * `--until 2025-09-21T05:00+07:00`: a date and time, which the time options do not take. What they take, and the
 * T+ of that moment from the scenario's start (its offset when the date-time gives none).
 */
function dateTimeLike(text: string, ctx: TimeContext) {
  const m = DATE_TIME.exec(text);
  const s = ctx.start === undefined ? null : DATE_TIME.exec(ctx.start);
  if (!m || !s) return undefined;
  const at = instant(m, s[7]), t0 = instant(s);
  if (at === undefined || t0 === undefined) return undefined;
  const t = at - t0;
  const l = localTime(ctx.start!, 0)!;
  const forms = say('time.option-forms-start', { start: `${pad2(l.hour)}:${pad2(l.minute)}` });
  const reading = t < 0 ? say('time.option-iso-before', { start: ctx.start! })
    : ctx.horizon_s !== undefined && t > ctx.horizon_s ? say('time.option-iso-after', { t: formatClock(t), horizon: formatDuration(ctx.horizon_s) })
      : say('time.option-iso', { t: formatClock(t), d: formatDuration(t) });
  return say('time.option-clock', { text, hint: say('join.semicolon', { a: forms, b: reading }) });
}

/**
 * `--until 5:00`: a clock time, which the time options do not take (they count from the start). What they take,
 * the reading as time since the start, and, when the start is known, the T+ of the clock time meant.
 */
function clockLike(text: string, ctx: TimeContext) {
  const m = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!m || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  const seconds = Number(m[1]) * 3_600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  const t0 = ctx.start === undefined ? null : localTime(ctx.start, 0);
  const forms = t0 ? say('time.option-forms-start', { start: `${pad2(t0.hour)}:${pad2(t0.minute)}` }) : say('time.option-forms');
  const read = say('time.option-read', { t: formatClock(seconds), d: formatDuration(seconds) });
  const advice = ctx.start !== undefined && ctx.horizon_s !== undefined ? clockAdviceSay(seconds, ctx.start, ctx.horizon_s) : undefined;
  const hint = say('join.semicolon', { a: forms, b: advice ? say('join.semicolon', { a: read, b: advice }) : read });
  return say('time.option-clock', { text, hint });
}

/**
 * `--until 3`: a number alone has no unit (as in a scenario). Hours or minutes are the likely units: hours first,
 * unless that many hours would be past the run's end while minutes would not (`--until 30` on a 4-hour run).
 */
function bareNumber(text: string, horizon_s: number | undefined) {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1].replace(',', '.'));
  if (n === 0) return say('time.option-bare-zero', { text });
  // `--until 99999999999999999999`: '100000000000000000000h' would be offered, a duration too long to be one
  if (!Number.isSafeInteger(Math.round(n * 60))) return say('time.option-bare-too-long', { text, hint: upToEnd(horizon_s) });
  // 30 -> 30h as typed, not 1d6h; 1.5 -> 1h30m (the notation has no decimals)
  const written = (unit: 'h' | 'm', s: number) => (Number.isInteger(n) ? `${n}${unit}` : formatDuration(s));
  const hours = { written: written('h', n * 3_600), said: say('time.hours', { text: m[1], n }) };
  const minutes = { written: written('m', n * 60), said: say('time.minutes', { text: m[1], n }) };
  if (!Number.isSafeInteger(Math.round(n * 3_600))) return say('time.option-bare-minutes', { text, write: minutes.written, said: minutes.said });
  const [first, second] = horizon_s !== undefined && n * 3_600 > horizon_s && n * 60 <= horizon_s ? [minutes, hours] : [hours, minutes];
  return say('time.option-bare', { text, first: first.written, first_said: first.said, second: second.written, second_said: second.said });
}

/** What to write for a time too long to be one: a time up to the run's end when it is known, else the forms. */
function upToEnd(horizon_s: number | undefined) {
  return horizon_s === undefined ? say('time.forms') : say('time.option-up-to-end', { end: formatClock(horizon_s), d: formatDuration(horizon_s) });
}

export const clock = formatClock;
