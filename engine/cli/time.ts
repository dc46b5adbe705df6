/** Reading times given on the command line (same notation as scenarios, and the same hint when one is not a time). */
import { formatClock, formatDuration, parseDuration, timeHint } from '../scenario/duration.js';
import { OptionError } from './args.js';

/**
 * A time since the start (`--until 2h`, `--at T+01:30`), in seconds. `horizon_s`: where the run ends, when known,
 * so that a number written without its unit is read first in the unit that falls within the run.
 */
export function timeOption(value: unknown, name: string, horizon_s?: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const r = parseDuration(text);
  if (r.ok && r.seconds >= 0) return r.seconds;
  if (r.ok) throw new OptionError(`--${name}: '${text}' is before the start; times count from the start (T+00:00): write e.g. ${formatDuration(-r.seconds)} or ${formatClock(-r.seconds)}`);
  const unitless = bareNumber(text, horizon_s);
  throw new OptionError(`--${name}: '${text}' is not a time${unitless ? `: ${unitless}` : `; ${timeHint(text)}`}`);
}

/**
 * `--until 3`: a number alone has no unit (as in a scenario). Hours or minutes are the likely units: hours first,
 * unless that many hours would be past the run's end while minutes would not (`--until 30` on a 4-hour run).
 */
function bareNumber(text: string, horizon_s: number | undefined): string | undefined {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1].replace(',', '.'));
  if (n === 0) return 'a number alone has no unit; write 0s for the start itself';
  const word = (unit: string) => `${m[1]} ${unit}${n === 1 ? '' : 's'}`;
  // 30 -> 30h as typed, not 1d6h; 1.5 -> 1h30m (the notation has no decimals)
  const written = (unit: 'h' | 'm', s: number) => (Number.isInteger(n) ? `${n}${unit}` : formatDuration(s));
  const hours = { written: written('h', n * 3_600), said: word('hour') };
  const minutes = { written: written('m', n * 60), said: word('minute') };
  const [first, second] = horizon_s !== undefined && n * 3_600 > horizon_s && n * 60 <= horizon_s ? [minutes, hours] : [hours, minutes];
  return `a number alone has no unit; write ${first.written} for ${first.said} after the start, or ${second.written} for ${second.said}`;
}

export const clock = formatClock;
