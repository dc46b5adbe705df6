/**
 * How batch figures read to people: times since T0 as clock times, durations in s, min or h; shares in %; counts
 * with as many decimals as they need. In Vietnamese as the AAR writes them (engine/review/words.ts): a decimal
 * comma, a point between thousands, "giây", "phút", "giờ", and "%" against its number.
 */
import { signTestShows } from './stats.js';
import { MESSAGES } from '../review/messages.js';
import { formatClock } from '../scenario/duration.js';
import { durationFine, durationIn, durationNear } from '../review/words.js';
import type { Lang } from '../scenario/text.js';
import type { PairedAggregate, PairedStats } from './results.js';

/** Metrics that are a time since T0 (when something happened), shown as T+hh:mm as `drill run` does. */
export const CLOCK_METRICS = new Set(['level_declared_s', 'support_requested_s']);

const UNITS: Record<Lang, { s: string; min: string; h: string }> = { en: { s: 's', min: 'min', h: 'h' }, vi: { s: 'giây', min: 'phút', h: 'giờ' } };

/** A number written in plain digits ("1392.5", "-3") in the language's notation: "1.392,5" in Vietnamese. */
export function localNumber(digits: string, lang: Lang): string {
  if (lang === 'en') return digits;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!m) return digits;
  const group = MESSAGES[lang]['fmt.group'], decimal = MESSAGES[lang]['fmt.decimal'];
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group) + (m[3] ? decimal + m[3] : '');
}

/** A duration of `n` (plain digits) of a unit, in words: "30 min", "30 phút". */
export function withUnit(n: string, unit: 's' | 'min' | 'h', lang: Lang): string {
  return `${localNumber(n, lang)} ${UNITS[lang][unit]}`;
}

/** A percentage (plain digits) with its sign: "55.1 %" (`space` between them in English), "55,1%" as the AAR writes it in Vietnamese. */
export function withPercent(n: string, lang: Lang, space = ' '): string {
  return lang === 'vi' ? `${localNumber(n, lang)}%` : `${n}${space}%`;
}

/** `unitOf`: pick the unit (s, min, h) from this value, so that a mean and its interval read in one unit. */
export function fmtFigure(metric: string, v: number | null, unitOf: number | null = v, lang: Lang = 'en'): string {
  if (v === null) return lang === 'en' ? 'never' : MESSAGES[lang]['fmt.never'];
  if (!Number.isFinite(v)) return lang === 'en' ? 'never' : MESSAGES[lang]['fmt.never'];
  if (CLOCK_METRICS.has(metric)) return formatClock(Math.round(v));
  if (metric.endsWith('_s')) {
    const a = Math.abs(unitOf ?? v);
    return a < 120 ? withUnit(String(Math.round(v)), 's', lang) : a < 7200 ? withUnit(String(Math.round(v / 60)), 'min', lang) : withUnit((v / 3600).toFixed(1), 'h', lang);
  }
  if (metric.endsWith('_share')) return withPercent(String(Math.round(v * 1000) / 10), lang);
  const a = Math.abs(v);
  const d = a >= 100 || Number.isInteger(v) ? 0 : a >= 10 ? 1 : 2;
  return localNumber(String(Math.round(v * 10 ** d) / 10 ** d), lang);
}

/**
 * A figure read against bounds (an objective's threshold), as fmtFigure writes it in its own unit, unless that
 * rounds it onto a bound it is not: then finely enough to tell them apart, as `drill run` and the report write an
 * objective's value (engine/review/words.ts). A median answer of 30 min 6 s beside a threshold of 30 min read
 * '30 min' in the batch table, and a median share of 89.96 % beside 90 % read '90 %'.
 */
export function fmtFigureBeside(metric: string, v: number | null, bounds: readonly number[], lang: Lang = 'en'): string {
  const usual = fmtFigure(metric, v, v, lang);
  if (v === null || !Number.isFinite(v) || CLOCK_METRICS.has(metric)) return usual;
  const onto = bounds.filter((b) => Number.isFinite(b) && b !== v && fmtFigure(metric, b, v, lang) === usual);
  if (metric.endsWith('_s')) {
    const apart = onto.filter((b) => Math.round(b) !== Math.round(v));
    if (apart.length === 0) return usual;
    // to the minute where that tells them apart (2 h 2 min beside 2 h, both '2.0 h'), else to the second
    return durationNear(v, apart) ? durationFine(v, lang) : durationIn(Math.round(v), lang);
  }
  if (onto.length === 0) return usual;
  const scale = metric.endsWith('_share') ? 100 : 1;
  const near = (d: number) => onto.some((b) => (v * scale).toFixed(d) === (b * scale).toFixed(d));
  let d = metric.endsWith('_share') ? 2 : 1;
  while (d < 3 && near(d)) d++;
  const digits = (v * scale).toFixed(d);
  return metric.endsWith('_share') ? withPercent(digits, lang) : localNumber(digits, lang);
}

/**
 * A difference of figures with its sign, in fmtFigure's words: "+7.3", "-12 min", "0". One that is not 0 but
 * rounds to it in the row's unit is written finely enough to show it is not ("-21 s", "-0.004"): beside a '*',
 * an interval's end written "-0 min" read as one that holds 0.
 */
export function signedFigure(metric: string, v: number, unitOf: number | null, lang: Lang): string {
  let text = fmtFigure(metric, v, unitOf, lang);
  if (v !== 0 && readsZero(text)) text = fmtFigure(metric, v, v, lang);
  if (v !== 0 && readsZero(text) && !metric.endsWith('_s') && !metric.endsWith('_share')) text = localNumber(String(Math.abs(Number(v.toPrecision(1)))), lang);
  return v > 0 ? `+${text}` : v < 0 && !text.startsWith('-') ? `-${text}` : text;
}

/** Does a figure as written read as nothing ("0", "0 min", "-0")? */
const readsZero = (text: string): boolean => !/[1-9]/.test(text);

/** A change in a probability (0-1) in percentage points, with its sign: "+31", "-16", "-0.5", "+0.04", "0". */
export function signedPoints(v: number, lang: Lang): string {
  // below one point, to a tenth: '-0.5', not '-0'; below a twentieth of one (a batch of thousands of runs), its first digit: '+0.04', not '+0.0'
  const a = Math.abs(v * 100);
  const n = a > 0 && a < 0.05 ? String(Number(a.toPrecision(1))) : a > 0 && a < 0.95 ? a.toFixed(1) : String(Math.round(a));
  return (v > 0 ? '+' : v < 0 ? '-' : '') + localNumber(n, lang);
}

/** Runs that differ below which the interval of a mean difference is not trusted alone (see showsDifference). */
export const FEW_DIFFER = 25;

/**
 * Is a run-for-run difference one the runs show, not one chance may have made? Its interval leaves out 0; and
 * where fewer than FEW_DIFFER runs differ at all, the exact sign test agrees (signTestShows: `up` runs more, `down`
 * less). A mean's interval rests on many runs: with 4 runs up and none down of 200, its bootstrap leaves out 0 while
 * such a split comes by chance one time in eight. Files written before up and down were kept: the interval alone.
 */
export function showsDifference(ci: readonly [number, number] | null, up?: number, down?: number): boolean {
  if (ci === null || !(ci[0] > 0 || ci[1] < 0)) return false;
  return up === undefined || down === undefined || up + down >= FEW_DIFFER || signTestShows(up, down);
}

/**
 * The figure that picks the unit of a row or column of durations (fmtFigure's `unitOf`): the median of its
 * figures, so that a column reads "3.2 h, 3.0 h, 2.0 h, 1.8 h" and not "3.2 h, 3.0 h, 120 min, 107 min".
 * Null when none is a number.
 */
export function unitReference(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).map(Math.abs).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const h = (xs.length - 1) / 2;
  return (xs[Math.floor(h)] + xs[Math.ceil(h)]) / 2;
}

/** The batch's own metrics (results.ts RUN_METRICS) in Vietnamese, in the AAR's words; short enough for a table's first column. */
const VI_RUN_METRICS: Record<string, string> = {
  people_lost: 'số người thiệt mạng',
  people_rescued: 'số người được cứu',
  people_at_risk: 'số người gặp nạn',
  people_still_at_risk: 'số người vẫn còn gặp nạn',
  people_evacuated: 'số người đã vào nơi sơ tán',
  mean_first_on_scene_s: 'lực lượng đầu tiên có mặt sau, trung bình',
  max_first_on_scene_s: 'lực lượng đầu tiên có mặt sau, lâu nhất',
  mean_dispatch_s: 'chờ điều động lực lượng, trung bình',
  incidents_reported: 'số sự cố được báo tin',
  incidents_contained: 'số sự cố đã khống chế',
  incidents_resolved: 'số sự cố đã giải quyết xong',
  decisions_taken: 'số quyết định được thực hiện',
  decisions_refused: 'số quyết định bị từ chối',
  decisions_no_change: 'số lệnh không làm thay đổi gì',
  objectives_met: 'số mục tiêu đạt',
};

/** What a difference is, where the runs show it and its metric has a better side. */
export type Direction = 'better' | 'worse';

/** The side of a metric that is better, whatever the plan: 'lower' (fewer lost, earlier on scene) or 'higher'. */
export type BetterSide = 'lower' | 'higher';

/** An objective's met share (met under one side less under the other) as the direction table reads it. */
export const OBJECTIVE_MET = 'objective_met';

/**
 * Which side of each metric is better, beside their labels so that a new metric is given one (or none) here.
 * None where the plan decides what it should be (people evacuated: more is the plan's aim in one, a wasted move in
 * another; people at risk follows who stayed), where it counts what happened to the plan rather than what it
 * achieved (incidents reported), or where neither side is good (decisions taken, refused or changing nothing;
 * a unit's busy share). Nor people rescued or incidents contained and resolved: they count from what the plan
 * left to rescue or contain, so a plan that warns late, and puts more people at risk, rescues more (in the
 * planner's late-order comparison, +664 rescued where 681 more were caught). A metric not here has none:
 * results of another engine may hold other metrics.
 */
const BETTER: Record<string, BetterSide> = {
  people_lost: 'lower',
  people_still_at_risk: 'lower',
  mean_first_on_scene_s: 'lower',
  max_first_on_scene_s: 'lower',
  // an area's first unit on scene (Aggregate.areas)
  first_on_scene_s: 'lower',
  mean_dispatch_s: 'lower',
  objectives_met: 'higher',
  [OBJECTIVE_MET]: 'higher',
};

/** The side of a metric that is better (see BETTER), or null where that hangs on the plan or on nothing. */
export function metricDirection(metric: string): BetterSide | null {
  return Object.hasOwn(BETTER, metric) ? BETTER[metric] : null;
}

/**
 * Whether a difference (one side less the other, run for run) is better or worse: only where the runs show it
 * (showsDifference, with the same `up` and `down`) and the metric has a direction; else null, and nothing is said.
 */
export function differenceDirection(metric: string, ci: readonly [number, number] | null, up?: number, down?: number): Direction | null {
  const side = metricDirection(metric);
  if (side === null || ci === null || !showsDifference(ci, up, down)) return null;
  return (ci[0] > 0) === (side === 'higher') ? 'better' : 'worse';
}

/**
 * A PairedAggregate with `direction` ('better' or 'worse') on each difference that has one (differenceDirection),
 * its other fields as they are: the JSON of a comparison says what its table says.
 */
export function pairedDirections(p: PairedAggregate): PairedAggregate & {
  metrics: Record<string, PairedStats & { direction?: Direction }>;
  objectives: Record<string, PairedAggregate['objectives'][string] & { direction?: Direction }>;
} {
  const metrics = Object.fromEntries(Object.entries(p.metrics).map(([m, d]) => {
    const direction = differenceDirection(m, d.ci95, d.up, d.down);
    return [m, direction === null ? d : { ...d, direction }];
  }));
  const objectives = Object.fromEntries(Object.entries(p.objectives).map(([id, x]) => {
    const direction = differenceDirection(OBJECTIVE_MET, x.met.ci95, x.gained, x.lost);
    return [id, direction === null ? x : { ...x, direction }];
  }));
  return { ...p, metrics, objectives };
}

/**
 * A metric name as a label: people_lost -> people lost, mean_first_on_scene_s -> mean first on scene. In
 * Vietnamese, a batch metric by the table above and an objective's metric by the AAR's name for it.
 */
export function metricLabel(name: string, lang: Lang = 'en'): string {
  if (lang === 'vi') {
    const vi = VI_RUN_METRICS[name] ?? MESSAGES.vi[`metric.${name}`];
    if (vi !== undefined) return vi;
  }
  return name.replace(/_s$/, '').replace(/_/g, ' ');
}

/** A criterion's comparator in words, as the AAR writes it: "at most", "tối đa"; a moment (a level declared) "before", "trước". */
export function comparatorWords(metric: string, comparator: string, lang: Lang): string {
  const key = `${CLOCK_METRICS.has(metric) ? 'cmpt' : 'cmp'}.${comparator}`;
  return MESSAGES[lang][key] ?? comparator;
}
