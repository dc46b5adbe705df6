/**
 * Calendar arithmetic for showing scenario times as local dates: T0 + t in
 * T0's own UTC offset. Integer arithmetic only (Howard Hinnant's
 * days_from_civil / civil_from_days), no Date: the engine below the CLI reads
 * no clock and must give the same text in every runtime.
 */

export interface LocalTime { year: number; month: number; day: number; hour: number; minute: number; second: number }

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?/;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day counted from 1970-01-01: [year, month, day]. */
export function civilFromDays(z: number): [number, number, number] {
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

/** The local date and time `t` seconds after T0 (ISO 8601 with offset), in T0's offset; null if T0 does not read. */
export function localTime(startIso: string, t: number): LocalTime | null {
  const m = ISO.exec(startIso);
  if (!m) return null;
  const secs = daysFromCivil(+m[1], +m[2], +m[3]) * 86_400 + +m[4] * 3600 + +m[5] * 60 + +(m[6] ?? 0) + Math.round(t);
  const days = Math.floor(secs / 86_400);
  const rest = secs - days * 86_400;
  const [year, month, day] = civilFromDays(days);
  return { year, month, day, hour: Math.floor(rest / 3600), minute: Math.floor((rest % 3600) / 60), second: rest % 60 };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
