/**
 * A hazard value with its unit, in the language asked for. Most units follow the number in both languages
 * ('80 mm/24h', '3.2 m'), as the scenario writes them. A few are scale words, which Vietnamese puts before the
 * number ("cấp 3", never "3 level"): those the engine knows are placed and translated here, so that the board,
 * the MSEL export and the viewer say one thing. A unit not in the table is written after the number, as is.
 */
import type { Lang } from './text.js';

interface Placed {
  /** the words before and after the number, per language */
  long: Record<Lang, readonly [string, string]>;
  /** where a label must stay short (a map marker, a chart's axis) */
  short: Record<Lang, readonly [string, string]>;
}

const SCALE = (en: string, vi: string): Placed => ({ long: { en: [`${en} `, ''], vi: [`${vi} `, ''] }, short: { en: [`${en} `, ''], vi: [`${vi} `, ''] } });

/** The scale words the engine places, by the unit as a scenario writes it (case aside). */
const PLACED: Record<string, Placed> = {
  level: SCALE('level', 'cấp'),
  index: SCALE('index', 'chỉ số'),
  beaufort: {
    long: { en: ['Beaufort force ', ''], vi: ['cấp ', ' Beaufort'] },
    short: { en: ['force ', ''], vi: ['cấp ', ''] },
  },
};

/** The unit of a typhoon's track: its wind force, on the Beaufort scale. */
export const WIND_FORCE_UNIT = 'Beaufort';

/**
 * `value` (a number already written for `lang`) with `unit`: 'cấp 3', 'level 3', 'cấp 7 Beaufort',
 * 'Beaufort force 7', '80 mm/24h'; just `value` without a unit. `short` gives the compact form of a scale word
 * ('cấp 7', 'force 7') where the unit is said elsewhere or space is scarce.
 */
export function withUnit(value: string, unit: string | undefined, lang: Lang, short = false): string {
  const u = unit?.trim();
  if (!u) return value;
  // own keys only: a unit a scenario writes may be 'constructor'
  const placed = Object.prototype.hasOwnProperty.call(PLACED, u.toLowerCase()) ? PLACED[u.toLowerCase()] : undefined;
  if (placed === undefined) return `${value} ${u}`;
  const [before, after] = (short ? placed.short : placed.long)[lang];
  return `${before}${value}${after}`;
}
