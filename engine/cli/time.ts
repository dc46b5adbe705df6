/** Reading times given on the command line (same notation as scenarios, and the same hint when one is not a time). */
import { formatClock, parseDuration, timeHint } from '../scenario/duration.js';
import { OptionError } from './args.js';

export function timeOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const r = parseDuration(String(value));
  if (!r.ok || r.seconds < 0) throw new OptionError(`--${name}: '${String(value)}' is not a time; ${timeHint(String(value))}`);
  return r.seconds;
}

export const clock = formatClock;
