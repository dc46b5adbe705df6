/**
 * How things look and read: colour-blind-safe palettes (severity runs light to
 * dark on one luminance ramp, so it reads in greyscale too, and every marker
 * also carries its number), unit-state and road colours from the Okabe-Ito
 * set, risk-level colours from Decision 18/2021, and time formatting.
 */
import { interpolateInferno } from 'd3';
import { UNIT_STATE_COLOUR } from '../../engine/review/unit-colours.js';
import { formatClock } from '../../engine/scenario/duration.js';

export const SEVERITY_COLOUR = [1, 2, 3, 4, 5].map((s) => interpolateInferno(0.93 - (s - 1) * 0.19));
export const severityColour = (s: number) => SEVERITY_COLOUR[Math.max(1, Math.min(5, Math.round(s))) - 1];
export const severityInk = (s: number) => (s >= 3 ? '#ffffff' : '#000000');

/** The same table the HTML report's charts colour unit states by (engine/review/unit-colours.ts). */
export const UNIT_COLOUR: Record<string, string> = UNIT_STATE_COLOUR;
export const UNIT_STATES = Object.keys(UNIT_COLOUR);

export const ROAD_STYLE: Record<string, { colour: string; dash: string | null; width: number }> = {
  open: { colour: '#5b6b7d', dash: null, width: 2 },
  degraded: { colour: '#E69F00', dash: '7 4', width: 3 },
  cut: { colour: '#D55E00', dash: '2 4', width: 4 },
};

/** Disaster risk levels 1-5 (Decision 18/2021/QĐ-TTg): light blue, light yellow, orange, red, purple. */
export const RISK_COLOUR = ['#ffffff', '#9fd3f5', '#fff3a0', '#f5a623', '#e0352b', '#8e44ad'];

/** An area's risk badge, centred on its place: a flat-topped hexagon about as wide as the circle it replaced (r 7). */
export const RISK_BADGE = 'M-8,0 L-4,-7 L4,-7 L8,0 L4,7 L-4,7 Z';

export const MARKER_COLOUR = { inject: '#0072B2', decision: '#009E73', doctrine: '#9aa5b1', level: '#CC79A7', divergence: '#D55E00' };

export const clock = formatClock;

/** Scenario time as the wall clock of the scenario's own offset: "01/10 21:10". */
export function wallClock(startIso: string, t: number): string {
  const m = /([+-])(\d{2}):?(\d{2})$|Z$/.exec(startIso);
  const offsetMin = m && m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const ms = Date.parse(startIso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + t * 1000 + offsetMin * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * A duration in the language's own units, as the report writes it ("1 h 30 min",
 * "1 giờ 30 phút"): `dur` is the review's Words.dur for that language, so that
 * the viewer and the report agree; `never` stands for no value.
 */
export function duration(s: number | null | undefined, never: string, dur: (s: number) => string): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return never;
  return dur(s);
}
