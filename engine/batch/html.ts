/**
 * The batch results as one self-contained HTML page (`drill batch --html F`,
 * `drill merge --html F`): histograms of the key metrics and of each
 * objective's value with its threshold, the probability of each rating with
 * its interval, and sweep curves when --vary was used. Inline SVG and CSS
 * only: no script, no font, no request of any kind (a Content-Security-Policy
 * forbids them), so the page opens offline and can be mailed. Every text from
 * the scenario is escaped. Pure: results in, text out.
 */
import { MESSAGES } from '../review/messages.js';
import type { Lang } from '../scenario/text.js';
import { areasBySlowness, busiestUnits, shownMetrics, sweepWithoutEffect, textsIn, type Aggregate, type BatchResults, type RunRecord, type UnitAggregate } from './results.js';
import { percentileSorted, type MetricStats, type Proportion } from './stats.js';
import { comparatorWords, differenceDirection, fmtFigure, metricLabel, OBJECTIVE_MET, showsDifference, signedFigure, signedPoints, unitReference, withPercent, type Direction } from './format.js';
import { niceStep, rangeTicks, zeroBasedTicks, type Tick } from './ticks.js';
import { sweepScale } from './sweep-scale.js';
import { MIN_RUNS_EDGE, sessionPlaces, sessionUnit, tooFewToMark, underMark } from './session.js';
import { say, seedFormula } from './words.js';
import { shellArg } from '../cli/shell.js';

const RATING_COLOURS: Record<string, string> = { P: '#1a9850', S: '#91cf60', M: '#fc8d59', U: '#d73027', NT: '#bdbdbd' };
/** dark text on every segment but the red one: white on the greens, orange or grey could not be read (contrast under 4.5) */
const DARK_TEXT = new Set(['P', 'S', 'M', 'NT']);
const SERIES = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22', '#d62728'];
const KEY_METRICS = ['people_lost', 'people_rescued', 'people_evacuated', 'mean_first_on_scene_s', 'mean_dispatch_s', 'objectives_met'];

export function esc(s: unknown): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const r1 = (v: number) => Math.round(v * 10) / 10;

/** The page's words and figures in one language. */
export interface Say {
  lang: Lang;
  m: (key: string, params?: Record<string, string | number>) => string;
  fmt: (metric: string, v: number | null, unitOf?: number | null) => string;
  label: (metric: string) => string;
  /** A share as a percentage, its sign kept on the line of its figure (a no-break space: "55.1 %", never "55.1" then "%" below). */
  pct: (p: number) => string;
  /** Between the ends of an interval: a comma, or with decimal commas a semicolon ("[50,2%; 60%]") */
  sep: string;
}

export function sayIn(lang: Lang): Say {
  return {
    lang,
    m: (key, params) => say(lang, key, params),
    fmt: (metric, v, unitOf = v) => fmtFigure(metric, v, unitOf, lang),
    label: (metric) => metricLabel(metric, lang),
    pct: (p) => withPercent(String(Math.round(p * 1000) / 10), lang, '\u00a0'),
    sep: lang === 'vi' ? ';' : ',',
  };
}

interface Bins { start: number; width: number; counts: number[][]; integer: boolean }

const TIME_STEPS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** Shared bins over every series: whole numbers get bins of whole numbers centred on them; durations get bins of round minutes or hours. */
export function bins(series: number[][], metric: string, threshold?: { value: number; comparator: string }): Bins | null {
  const all = series.flat();
  if (all.length === 0) return null;
  let lo = Infinity, hi = -Infinity;
  for (const v of all) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const integer = all.every((v) => Number.isInteger(v));
  const range = hi - lo;
  let width = metric.endsWith('_s') ? TIME_STEPS.find((s) => range / s <= 30) ?? niceStep(range / 25) : niceStep(range / 25);
  if (integer) width = Math.max(1, Math.round(width));
  let start = integer ? Math.floor(lo / width) * width - (width === 1 ? 0.5 : 0) : Math.floor(lo / width) * width;
  // the threshold on a bins' edge, and a value on it in the bin on the side its rating puts it: (a, b] bins where
  // it is met below it ('<=') or missed above it ('>'), [a, b) where it is missed below ('<') or met above ('>=').
  // Bins of one whole number each keep their numbers in the middle. (A deadline every late run met at the last
  // minute had their bar left of '< T+04:00': missed, drawn as met.)
  const t = threshold?.value;
  const aligned = t !== undefined && Number.isFinite(t) && !(integer && width === 1);
  const right = aligned && (threshold!.comparator === '<=' || threshold!.comparator === '>');
  if (aligned) {
    start = t! - Math.ceil((t! - lo) / width - 1e-9) * width;
    if (right && lo <= start + 1e-9) start -= width;
  }
  // otherwise the highest value on a bin's edge closes the last bin ([a, b]) rather than open a bin of its own
  // ('100 % to 101 %'), unless it is the threshold's edge: then it opens its own, on the side it is rated
  let n = Math.max(1, Math.ceil((hi - start) / width - 1e-9));
  if (aligned && !right && Math.abs(hi - t!) < 1e-9) n++;
  const counts = series.map((s) => {
    const c = new Array<number>(n).fill(0);
    for (const v of s) c[right ? Math.max(0, Math.min(n - 1, Math.ceil((v - start) / width - 1e-9) - 1)) : Math.min(n - 1, Math.floor((v - start) / width + 1e-9))]++;
    return c;
  });
  return { start, width, counts, integer };
}

const W = 420, H = 190, ML = 44, MR = 12, MT = 14, MB = 40;

function axisX(x0: number, x1: number, ticks: { x: number; text: string }[]): string {
  const y = H - MB;
  // a label that would run off the chart's edge ends (or starts) at its tick instead
  return `<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" class="axis"/>` +
    ticks.map((t) => `<line x1="${r1(t.x)}" y1="${y}" x2="${r1(t.x)}" y2="${y + 4}" class="axis"/><text x="${r1(t.x)}" y="${y + 16}" text-anchor="${anchorOf(t.x, t.text)}">${esc(t.text)}</text>`).join('');
}

/**
 * Room left of the value axis for its labels: ML, or more for labels longer than six characters (a sweep's
 * "100 phút" or "120 min", which would start left of the chart), by the same estimate as labelExtent.
 */
function leftMargin(ticks: Tick[]): number {
  const w = Math.max(0, ...ticks.map((t) => t.text.length)) * CHAR_PX;
  return w > ML - 2 ? Math.ceil(w) + 8 : ML;
}

function axisY(ticks: Tick[], toY: (v: number) => number, ml = ML): string {
  const out: string[] = [`<line x1="${ml}" y1="${MT}" x2="${ml}" y2="${H - MB}" class="axis"/>`];
  for (const t of ticks) {
    const y = r1(toY(t.v));
    out.push(`<line x1="${ml - 4}" y1="${y}" x2="${W - MR}" y2="${y}" class="grid"/><text x="${ml - 6}" y="${y + 4}" text-anchor="end">${esc(t.text)}</text>`);
  }
  return out.join('');
}

/** About 6.6 px a character in the charts' 11 px sans-serif: enough to keep labels apart. */
export const CHAR_PX = 6.6;

/**
 * Where a tick's label is drawn, [from, to] in px: centred on its tick, or ending there at the chart's right edge,
 * or starting there at its left edge (a long sweep value at the first point: `{uniform: [10m, 30m]}`).
 */
function labelExtent(x: number, text: string): [number, number] {
  const w = text.length * CHAR_PX;
  return x + w / 2 > W - 2 ? [x - w, x] : x - w / 2 < 2 ? [x, x + w] : [x - w / 2, x + w / 2];
}

/** The text-anchor that draws a label where labelExtent says it is. */
function anchorOf(x: number, text: string): 'start' | 'middle' | 'end' {
  const [from, to] = labelExtent(x, text);
  return to === x && from < x ? 'end' : from === x && to > x ? 'start' : 'middle';
}

/** Ticks along a value axis: as many as fit with their labels apart (at most 6). */
function fittingTicks(lo: number, hi: number, metric: string, integer: boolean, toX: (v: number) => number, lang: Lang): Tick[] {
  for (let count = 6; ; count--) {
    const ticks = rangeTicks(lo, hi, metric, count, integer, lang);
    if (count <= 2) return ticks;
    const extents = ticks.map((t) => labelExtent(toX(t.v), t.text));
    if (extents.every((e, i) => i === 0 || extents[i - 1][1] + 6 <= e[0])) return ticks;
  }
}

/** A histogram of one metric: bars for one series, outlines for several (a sweep), with p5-p95 and the median marked. */
function histogram(w: Say, title: string, metric: string, series: { name: string | null; values: (number | null)[] }[], threshold?: { value: number; comparator: string }, session?: number | null): string {
  const { fmt, label } = w;
  const finite = series.map((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const never = series.map((s, i) => s.values.length - finite[i].length);
  const b = bins(finite, metric, threshold);
  const head = `<figure class="chart"><figcaption>${esc(title)}</figcaption>`;
  // the session's figure where the chart has no place for its mark (no chart, or beyond its ends), said under it:
  // its most telling figures (sooner than every run) were the ones left off
  const sessionNote = (where: 'left' | 'right' | 'value', f = (v: number) => fmt(metric, v)) => (session === undefined ? ''
    : `<p class="note slabel">${session === null ? w.m('hist.session_never') : w.m(`hist.session_${where}`, { v: esc(f(session)) })}</p>`);
  if (!b) return `${head}<p class="note">${w.m('hist.no_value', { n: never.reduce((a, c) => a + c, 0) })}</p>${sessionNote('value')}</figure>`;
  const all = finite.flat();
  if (all.every((v) => v === all[0])) {
    const crit = threshold ? w.m('hist.single_crit', { cmp: esc(threshold.comparator), v: esc(fmt(metric, threshold.value)) }) : '';
    const single = w.m('hist.single', { every: series.length > 1 ? w.m('hist.single_every') : '', v: esc(fmt(metric, all[0])), crit });
    return `${head}<p class="single">${single}</p>${never.some((x) => x) ? `<p class="note">${w.m('hist.never_runs', { list: never.map((x, i) => (series.length > 1 ? `${esc(series[i].name)} ${x}` : String(x))).join(', ') })}</p>` : ''}${sessionNote('value')}</figure>`;
  }
  const n = b.counts[0].length;
  const counts = zeroBasedTicks(Math.max(1, ...b.counts.flat()), 'runs', 4, true, w.lang);
  const x0 = ML, x1 = W - MR;
  const lo = b.start, hi = b.start + n * b.width;
  const toX = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);
  const toY = (c: number) => H - MB - (c / counts.top) * (H - MB - MT);
  const parts: string[] = [axisY(counts.ticks, toY)];
  // the tooltips of one chart in one unit (the figure is the runs' middle): not "55 min to 2.0 h"
  const unitOf = unitReference(all);
  const fmtHere = (v: number) => fmt(metric, v, unitOf);
  if (series.length === 1) {
    const sorted = [...finite[0]].sort((a, c) => a - c);
    // the percentiles of the tables (stats.ts): of whole numbers, values that occurred
    const q = (p: number) => percentileSorted(sorted, p, b.integer);
    if (sorted.length) {
      const p5 = toX(q(0.05)), p95 = toX(q(0.95));
      parts.push(`<rect x="${r1(p5)}" y="${MT}" width="${r1(Math.max(1, p95 - p5))}" height="${H - MB - MT}" class="band"><title>${w.m('hist.band', { a: esc(fmtHere(q(0.05))), b: esc(fmtHere(q(0.95))) })}</title></rect>`);
    }
    b.counts[0].forEach((c, i) => {
      if (c === 0) return;
      const xa = toX(lo + i * b.width), xb = toX(lo + (i + 1) * b.width);
      parts.push(`<rect x="${r1(xa + 0.5)}" y="${r1(toY(c))}" width="${r1(Math.max(1, xb - xa - 1))}" height="${r1(H - MB - toY(c))}" class="bar"><title>${w.m('hist.bin', { a: esc(fmtHere(lo + i * b.width)), b: esc(fmtHere(lo + (i + 1) * b.width)), c })}</title></rect>`);
    });
    if (sorted.length) {
      const med = q(0.5);
      parts.push(`<line x1="${r1(toX(med))}" y1="${MT}" x2="${r1(toX(med))}" y2="${H - MB}" class="median"><title>${w.m('hist.median', { v: esc(fmtHere(med)) })}</title></line>`);
    }
  } else {
    finite.forEach((_, s) => {
      let d = `M${r1(toX(lo))},${r1(toY(0))}`;
      b.counts[s].forEach((c, i) => { d += `V${r1(toY(c))}H${r1(toX(lo + (i + 1) * b.width))}`; });
      d += `V${r1(toY(0))}`;
      parts.push(`<path d="${d}" fill="none" stroke="${SERIES[s % SERIES.length]}" stroke-width="1.6"><title>${esc(series[s].name ?? '')}</title></path>`);
    });
  }
  if (threshold && threshold.value >= lo && threshold.value <= hi) {
    const x = r1(toX(threshold.value));
    const text = `${threshold.comparator} ${fmt(metric, threshold.value)}`;
    // at the right edge (a deadline every run met at the last minute) the label ends at its line, as axisX's do
    const anchor = anchorOf(x, text);
    parts.push(`<line x1="${x}" y1="${MT - 6}" x2="${x}" y2="${H - MB}" class="threshold"/><text x="${x}" y="${MT - 6}" class="tlabel" text-anchor="${anchor}">${esc(text)}</text>`);
  }
  // the session a decisions log was taken in, among the runs of its decisions (session.ts)
  const mark = typeof session === 'number' && session >= lo && session <= hi ? r1(toX(session)) : null;
  if (mark !== null) {
    const text = w.m('hist.session', { v: fmtHere(session!) });
    parts.push(`<line x1="${mark}" y1="${MT - 6}" x2="${mark}" y2="${H - MB}" class="session"/><text x="${mark}" y="${MT - 6}" class="slabel" text-anchor="${anchorOf(mark, text)}">${esc(text)}</text>`);
  }
  // a threshold beyond every value has no place on the axis: said under the chart, since the heading promises its line
  const off = (threshold && (threshold.value < lo || threshold.value > hi)
    ? `<p class="note">${w.m(threshold.value > hi ? 'hist.threshold_right' : 'hist.threshold_left', { t: esc(`${threshold.comparator} ${fmt(metric, threshold.value)}`) })}</p>` : '')
    + (mark === null ? sessionNote(typeof session === 'number' && session > hi ? 'right' : 'left', fmtHere) : '');
  const ticks = fittingTicks(lo, hi, metric, b.integer, toX, w.lang).map((t) => ({ x: toX(t.v), text: t.text }));
  parts.push(axisX(x0, x1, ticks));
  // a label too long for the axis (a long Vietnamese metric name) gives way to what the bars count: the caption names the metric
  const xlabel = w.m('hist.xlabel', { label: label(metric) });
  parts.push(`<text x="${(x0 + x1) / 2}" y="${H - 6}" text-anchor="middle" class="xlabel">${esc(xlabel.length * CHAR_PX <= x1 - x0 ? xlabel : w.m('hist.xlabel_short'))}</text>`);
  const legend = series.length > 1 ? `<p class="legend">${series.map((s, i) => `<span><i style="background:${SERIES[i % SERIES.length]}"></i>${esc(s.name)}${never[i] ? w.m('hist.legend_never', { n: never[i] }) : ''}</span>`).join(' ')}</p>` : never[0] ? `<p class="note">${w.m('hist.never_not_drawn', { n: never[0] })}</p>` : '';
  return `${head}<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(w.m('hist.aria', { label: label(metric) }))}">${parts.join('')}</svg>${legend}${off}</figure>`;
}

/**
 * How wide a label written in a rating bar is, near enough to tell whether it fits its segment (11 px, semibold:
 * a digit or a capital about 7 px, a space or a point about 3.5 px); the page cannot measure it, having no script.
 */
function inbarWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === ' ' || ch === '\u00a0' || ch === '.' || ch === '/' ? 3.5 : 7;
  return w;
}

/**
 * P, S, M, U and not tested (grey, "n/t"): shares of all runs, so the bar is full. A segment says its letter
 * and share (as the figure beside it writes shares: "P 46.5 %") where that fits inside it with some room,
 * its letter alone where only that fits, and nothing where not even that does; the shares not written inside
 * are written under the bar (its tooltip says all).
 */
function ratingBar(say: Say, x: Aggregate['objectives'][string], width = 300): string {
  const { pct } = say;
  let at = 0;
  // the shares a segment is too narrow to show: written under the bar, so that no share is left to a tooltip
  const untold: string[] = [];
  const parts: [string, string, Proportion][] = (['P', 'S', 'M', 'U'] as const).map((k) => [k, k, x.ratings[k]]);
  if (x.not_tested) parts.push(['NT', say.m('rating.nt_short'), x.not_tested]);
  const segs = parts.map(([k, short, q]) => {
    const w = q.p * width;
    const full = `${short} ${pct(q.p)}`;
    const text = inbarWidth(full) + 10 <= w ? full : inbarWidth(short) + 6 <= w ? short : null;
    if (w > 0 && text !== full) untold.push(full);
    // a letter is followed by what it stands for, as the AAR writes a rating ("P: Performed without challenges")
    const name = k === 'NT' ? say.m('rating.NT') : MESSAGES[say.lang]['rating.short'].replace('{letter}', k).replace('{label}', MESSAGES[say.lang][`rating.${k}`]);
    const s = w > 0 ? `<rect x="${r1(at)}" y="0" width="${r1(w)}" height="18" fill="${RATING_COLOURS[k]}"><title>${say.m('rating.title', { k: name, p: pct(q.p), count: q.count, n: q.n, lo: pct(q.ci95[0]), hi: pct(q.ci95[1]) })}</title></rect>${text ? `<text x="${r1(at + w / 2)}" y="13" text-anchor="middle" class="inbar${DARK_TEXT.has(k) ? ' dark' : ''}">${esc(text)}</text>` : ''}` : '';
    at += w;
    return s;
  });
  return `<svg viewBox="0 0 ${width} 18" width="${width}" height="18" role="img" aria-label="${say.m('rating.aria')}">${segs.join('')}</svg>` +
    (untold.length ? `<div class="nt untold">${esc(untold.join(say.lang === 'vi' ? '; ' : ', '))}</div>` : '');
}

export function metBar(say: Say, p: Proportion, width = 220): string {
  const { pct } = say;
  const x = (v: number) => r1(v * width);
  return `<svg viewBox="0 0 ${width} 18" width="${width}" height="18" role="img" aria-label="${say.m('met.aria')}">` +
    `<rect x="0" y="3" width="${width}" height="12" class="track"/><rect x="0" y="3" width="${x(p.p)}" height="12" class="met"/>` +
    `<line x1="${x(p.ci95[0])}" y1="9" x2="${x(p.ci95[1])}" y2="9" class="whisker"/><line x1="${x(p.ci95[0])}" y1="4" x2="${x(p.ci95[0])}" y2="14" class="whisker"/><line x1="${x(p.ci95[1])}" y1="4" x2="${x(p.ci95[1])}" y2="14" class="whisker"/>` +
    `<title>${say.m('met.title', { count: p.count, n: p.n, p: pct(p.p), lo: pct(p.ci95[0]), hi: pct(p.ci95[1]) })}</title></svg>`;
}

const shareTicks = (lang: Lang): Tick[] => [0, 0.25, 0.5, 0.75, 1].map((v) => ({ v, text: withPercent(String(v * 100), lang) }));

/** Between two labels of an axis, at least (px). */
const LABEL_GAP = 6;
/** A second row of value labels under a sweep's axis, this much lower (px). */
const ROW_PX = 13;

/**
 * Which row each value's label goes in under a sweep's axis, or null where it has no room: the first and the
 * last value first (the axis's ends are always labelled), then the others from left to right, each in the first
 * of two rows where it keeps LABEL_GAP from the labels already there. Bunched values (1, 2, 3, 100) so keep
 * their labels apart; a label left out still has its tick, named in its tooltip, and its dot's.
 */
function valueRows(ticks: { x: number; text: string }[]): (0 | 1 | null)[] {
  const byX = ticks.map((_, i) => i).sort((a, b) => ticks[a].x - ticks[b].x);
  const order = byX.length > 2 ? [byX[0], byX[byX.length - 1], ...byX.slice(1, -1)] : byX;
  const taken: [number, number][][] = [[], []];
  const rows = ticks.map((): 0 | 1 | null => null);
  for (const i of order) {
    const [a, b] = labelExtent(ticks[i].x, ticks[i].text);
    const row = ([0, 1] as const).find((r) => taken[r].every(([c, d]) => b + LABEL_GAP <= c || d + LABEL_GAP <= a));
    if (row === undefined) continue;
    taken[row].push([a, b]);
    rows[i] = row;
  }
  return rows;
}

/**
 * A sweep curve: one point per value with its interval. The values stand to scale along the axis when they are
 * all numbers, all durations or all scale factors (sweep-scale.ts), else evenly spaced in the order given; the
 * axis title says which. Each value is labelled as written. `y`: a probability (0 to 100 %), or a metric's
 * mean, on an axis from 0 with round ticks in the metric's unit.
 */
function sweep(say: Say, title: string, xLabel: string, values: string[], points: ({ y: number; lo: number; hi: number } | null)[], y: 'probability' | { metric: string }, sub = ''): string {
  const axis = y === 'probability' ? { top: 1, ticks: shareTicks(say.lang) } : zeroBasedTicks(Math.max(0, ...points.flatMap((p) => (p ? [p.hi, p.y] : []))), y.metric, 4, false, say.lang);
  const ml = leftMargin(axis.ticks);
  const x0 = ml + 10, x1 = W - MR - 10;
  const unitOf = unitReference(points.map((p) => p?.y));
  const fmtY = y === 'probability' ? (v: number) => withPercent(String(Math.round(v * 100)), say.lang) : (v: number) => say.fmt(y.metric, v, unitOf);
  const toY = (v: number) => H - MB - (v / axis.top) * (H - MB - MT);
  const scale = sweepScale(values);
  const toX = (i: number) => x0 + (x1 - x0) * scale.at[i];
  // the band and the line from left to right: values given out of order (30m,10m,2h) draw no zigzag
  const byX = values.map((_, i) => i).sort((a, b) => scale.at[a] - scale.at[b]);
  const parts: string[] = [axisY(axis.ticks, toY, ml)];
  const band: string[] = [], lo: string[] = [];
  for (const i of byX) { const p = points[i]; if (p) { band.push(`${r1(toX(i))},${r1(toY(p.hi))}`); lo.unshift(`${r1(toX(i))},${r1(toY(p.lo))}`); } }
  if (band.length > 1) parts.push(`<polygon points="${[...band, ...lo].join(' ')}" class="ciband"/>`);
  const line = byX.map((i) => { const p = points[i]; return p ? `${r1(toX(i))},${r1(toY(p.y))}` : null; }).filter(Boolean);
  if (line.length > 1) parts.push(`<polyline points="${line.join(' ')}" class="curve"/>`);
  points.forEach((p, i) => {
    if (!p) return;
    parts.push(`<line x1="${r1(toX(i))}" y1="${r1(toY(p.lo))}" x2="${r1(toX(i))}" y2="${r1(toY(p.hi))}" class="whisker"/><circle cx="${r1(toX(i))}" cy="${r1(toY(p.y))}" r="3.5" class="dot"><title>${say.m('sweep.dot', { v: esc(values[i]), y: esc(fmtY(p.y)), lo: esc(fmtY(p.lo)), hi: esc(fmtY(p.hi)) })}</title></circle>`);
  });
  const ticks = values.map((v, i) => ({ x: toX(i), text: v }));
  const rows = valueRows(ticks);
  const ay = H - MB;
  const h = rows.includes(1) ? H + ROW_PX : H;
  parts.push(`<line x1="${x0 - 10}" y1="${ay}" x2="${x1 + 10}" y2="${ay}" class="axis"/>`);
  ticks.forEach((t, i) => {
    const x = r1(t.x), row = rows[i];
    // a label in the second row hangs from a longer tick, so that it reads as that tick's
    const tick = `<line x1="${x}" y1="${ay}" x2="${x}" y2="${ay + (row === 1 ? 4 + ROW_PX : 4)}" class="axis">${row === null ? `<title>${esc(say.m('sweep.unlabelled', { v: t.text }))}</title>` : ''}</line>`;
    parts.push(tick + (row === null ? '' : `<text x="${x}" y="${ay + 16 + row * ROW_PX}" text-anchor="${anchorOf(t.x, t.text)}" class="vtick">${esc(t.text)}</text>`));
  });
  // the key and how its values stand along the axis, shortened to the key's last part, then to the key alone, to fit
  const how = scale.kind === 'order' ? 'sweep.xlabel_order' : 'sweep.xlabel_scale';
  const fits = (s: string) => s.length * CHAR_PX <= 2 * (W - (x0 + x1) / 2) - 4;
  const xl = [say.m(how, { key: xLabel }), say.m(how, { key: xLabel.split('.').pop()! }), xLabel].find(fits) ?? xLabel;
  parts.push(`<text x="${(x0 + x1) / 2}" y="${h - 6}" text-anchor="middle" class="xlabel">${esc(xl)}</text>`);
  const caption = `${esc(title)}${sub ? `<span class="otext sub">${esc(sub)}</span>` : ''}`;
  return `<figure class="chart"><figcaption>${caption}</figcaption><svg viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${esc(sub ? `${title}: ${sub}` : title)}">${parts.join('')}</svg></figure>`;
}

/** A unit's busy share as a bar (its blocked part darker) with the interval of the mean as a whisker. */
function busyBar(say: Say, id: string, u: UnitAggregate, width = 200): string {
  const { pct } = say;
  const busy = u.busy.mean ?? 0, blocked = Math.min(busy, u.blocked.mean ?? 0);
  const [lo, hi] = u.busy.ci95 ?? [busy, busy];
  const x = (v: number) => r1(Math.min(1, v) * width);
  return `<svg viewBox="0 0 ${width} 18" width="${width}" height="18" role="img" aria-label="${esc(id)}">` +
    `<rect x="0" y="3" width="${width}" height="12" class="track"/><rect x="0" y="3" width="${x(busy)}" height="12" class="met"/>` +
    (blocked > 0 ? `<rect x="${x(busy - blocked)}" y="3" width="${x(blocked)}" height="12" class="blocked"/>` : '') +
    `<line x1="${x(lo)}" y1="9" x2="${x(hi)}" y2="9" class="whisker"/>` +
    `<title>${say.m('time.busy_title', { id: esc(id), p: pct(busy), lo: pct(lo), hi: pct(hi), b: pct(blocked) })}</title></svg>`;
}

/** Where the runs lost time: per area the waits, per unit its busy share (one column per value of a sweep). */
function timeSection(say: Say, groups: { agg: Aggregate }[], vary: BatchResults['vary']): string {
  if (!groups.every((g) => g.agg.areas && g.agg.units)) return '';
  const { m: w, fmt, pct } = say;
  // one unit down a column of waits, and the same in the table of every value of a sweep
  const unitOf: Record<string, number | null> = Object.fromEntries((['wait_s', 'first_on_scene_s'] as const).map((k) => [k, unitReference(groups.flatMap((g) => Object.values(g.agg.areas!).map((x) => x[k].mean)))]));
  const fig = (metric: string, s: MetricStats) => esc(s.n === 0 ? '-' : s.mean === null ? w('sum.never') : fmt(metric, s.mean, unitOf[metric] ?? s.mean));
  const vlabel = (g: { agg: Aggregate }) => (vary ? `<h3>${esc(`${vary.key}=${g.agg.value}`)}</h3>` : '');
  const areaTables = groups.map((g) => {
    const rows = areasBySlowness(g.agg.areas!).map(([id, x]) => `<tr><th>${esc(id)}</th><td>${fig('incidents', x.incidents)}</td><td>${fig('wait_s', x.wait_s)}</td><td>${fig('first_on_scene_s', x.first_on_scene_s)}</td><td>${fig('unreached', x.unreached)}</td></tr>`);
    return rows.length ? `${vlabel(g)}<table class="stats"><thead><tr>${['area', 'incidents', 'wait', 'first', 'unreached'].map((k) => `<th>${w(`sum.${k}`)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` : '';
  });
  const ids = busiestUnits(groups.map((g) => g.agg));
  // a sweep of many values draws narrower bars, so that its columns fit a laptop's window (six values of 200 px
  // bars ran past 1280 px, the last column cut off at the window's edge and the unit ids broken over three lines)
  const barWidth = groups.length <= 4 ? 200 : Math.max(96, Math.floor(880 / groups.length) - 24);
  const head = `<th>${w('sum.unit')}</th>${groups.map((g) => `<th>${vary ? esc(`${vary.key.split('.').pop()}=${g.agg.value}`) : w('sum.busy_ci')}</th>`).join('')}`;
  const rows = ids.map((id) => `<tr><th>${esc(id)}</th>${groups.map((g) => {
    const u = g.agg.units![id];
    if (!u || u.busy.mean === null) return '<td>-</td>';
    const ci = u.busy.ci95 ? ` <span class="ci">[${pct(u.busy.ci95[0])}${say.sep} ${pct(u.busy.ci95[1])}]</span>` : '';
    return `<td><div class="metrow">${busyBar(say, id, u, barWidth)}<span class="fig"><span class="p">${pct(u.busy.mean)}</span>${ci}</span></div></td>`;
  }).join('')}</tr>`);
  const idle = [...new Set(groups.flatMap((g) => Object.keys(g.agg.units!)))].filter((id) => !ids.includes(id)).sort();
  return `<section><h2>${w('time.h2')}</h2><p class="note">${w('time.areas_note')}</p>${areaTables.join('')}` +
    (rows.length ? `<p class="note">${w('time.units_note')}</p><div class="wide"><table class="units${barWidth < 200 ? ' narrow' : ''}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>` : '') +
    // a sentence of its own on the page: capitalised, as the notes above
    (idle.length ? `<p class="note">${esc(w('sum.idle', { list: idle.join(', ') }).replace(/^./, (c) => c.toUpperCase()))}.</p>` : '') + '</section>';
}

function statsRow(say: Say, name: string, metric: string, s: MetricStats): string {
  const { fmt } = say;
  // every figure of the row in the unit of its mean
  const f = (v: number | null) => esc(v === null ? '-' : fmt(metric, v, s.mean));
  return `<tr><th>${esc(name)}</th><td>${f(s.mean)}</td><td>${s.ci95 ? say.m('to', { a: esc(fmt(metric, s.ci95[0], s.mean)), b: esc(fmt(metric, s.ci95[1], s.mean)) }) : '-'}</td><td>${f(s.median)}</td><td>${f(s.p5)}</td><td>${f(s.p95)}</td><td>${s.n}</td><td>${s.never || ''}</td></tr>`;
}

/**
 * A sweep's values after the first against it, run for run (results.ts PairedAggregate): each difference with its
 * interval, in bold where the interval leaves out 0, with better or worse where its metric has a better side
 * (format.ts metricDirection). Nothing for results written before it was kept.
 */
function pairedSection(say: Say, r: BatchResults, shown: { metric: string; label: string }[]): string {
  const aggs = r.aggregates.slice(1).filter((a) => a.paired !== undefined && a.paired.pairs > 0);
  if (aggs.length === 0 || !r.vary) return '';
  const { m: w, lang, sep } = say;
  // better or worse in a word after the figures, its colour only a second reading of the word (printed grey, it
  // still says it); the word's place kept in every cell, so that the figures of a column stay aligned on the right
  const cell = (text: string, shows: boolean, direction: Direction | null, extra = '') =>
    `<td${shows ? ` class="shows${direction ? ` ${direction}` : ''}"` : ''}>${esc(text)} <span class="dir">${direction ? esc(w(`dir.${direction}`)) : ''}</span>${extra}</td>`;
  const head = `<tr><th></th>${aggs.map((a) => `<th>${esc(`${r.vary!.key.split('.').pop()}=${a.value}`)}</th>`).join('')}</tr>`;
  const rows = shown.map(({ metric, label }) => {
    const unitOf = unitReference(aggs.flatMap((a) => [a.paired!.metrics[metric].ci95?.[0], a.paired!.metrics[metric].ci95?.[1]]));
    const f = (v: number) => signedFigure(metric, v, unitOf, lang);
    return `<tr><th>${esc(label)}</th>${aggs.map((a) => {
      const d = a.paired!.metrics[metric];
      if (d.mean === null) return `<td>${d.n === 0 && d.never === 0 ? '-' : esc(w('sum.never'))}</td>`;
      return cell(d.ci95 ? `${f(d.mean)} [${f(d.ci95[0])}${sep} ${f(d.ci95[1])}]` : f(d.mean), showsDifference(d.ci95, d.up, d.down), differenceDirection(metric, d.ci95, d.up, d.down));
    }).join('')}</tr>`;
  });
  if (r.objectives.length) {
    rows.push(`<tr><th colspan="${aggs.length + 1}" class="sub">${esc(w('sum.paired_objectives'))}</th></tr>`);
    for (const o of r.objectives) {
      rows.push(`<tr><th>${esc(o.id)}</th>${aggs.map((a) => {
        const x = a.paired!.objectives[o.id], d = x.met;
        if (d.mean === null) return '<td>-</td>';
        const p = (v: number) => signedPoints(v, lang);
        const counts = x.gained || x.lost ? ` <span class="ci">(+${x.gained} -${x.lost})</span>` : '';
        return cell(d.ci95 ? `${p(d.mean)} [${p(d.ci95[0])}${sep} ${p(d.ci95[1])}]` : p(d.mean), showsDifference(d.ci95, x.gained, x.lost), differenceDirection(OBJECTIVE_MET, d.ci95, x.gained, x.lost), counts);
      }).join('')}</tr>`);
    }
  }
  return `<section><h2>${esc(w('page.paired_h2', { key: r.vary.key, value: String(r.aggregates[0].value) }))}</h2><div class="wide"><table class="stats paired"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div><p class="note">${esc(w('page.paired_note'))}</p></section>`;
}

/**
 * The session a decisions log was taken in, placed among the runs of its decisions, figure by figure (session.ts),
 * as the table gives it; the key histograms mark its figure too. Nothing without a session, or in a sweep.
 */
function sessionSection(say: Say, r: BatchResults): string {
  const session = r.decisions?.session;
  // labelled as the table and the page's other tables label them ('incidents contained = resolved' where they are)
  const shown = new Map(shownMetrics(r, say.label, say.m('sum.contained_resolved')).map((x) => [x.metric, x.label]));
  const places = sessionPlaces(r, [...shown.keys()]);
  if (!session || places.length === 0) return '';
  const w = say.m;
  const share = (v: number | null) => (v === null ? '-' : underMark(v) !== null ? withPercent(String(underMark(v)), say.lang, '\u00a0') : say.pct(v));
  // a note of its own: run on after the note's last clause it read as one sentence ('... decisions alone fewer than 20 runs')
  const few = tooFewToMark(places) ? `<p class="note">${w('sum.session_few', { min: MIN_RUNS_EDGE })}</p>` : '';
  const rows = places.map((x) => `<tr><th>${esc(shown.get(x.metric)!)}</th><td>${x.value === null ? w('sum.never') : esc(say.fmt(x.metric, x.value, sessionUnit(x.value, r.aggregates[0].metrics[x.metric]?.mean)))}</td><td>${share(x.below)}</td><td>${share(x.same)}</td><td>${share(x.above)}</td><td class="edge">${x.edge ? w(`sum.session_edge_${x.edge}`) : ''}</td></tr>`);
  const head = ['metric', 'session_fig', 'session_below', 'session_same', 'session_above'].map((k) => `<th>${w(k === 'metric' ? 'stats.metric' : `sum.${k}`)}</th>`).join('') + '<th></th>';
  const objectives = r.objectives.filter((o) => session.objectives[o.id] !== undefined).map((o) => {
    const x = session.objectives[o.id];
    return `<tr><th>${esc(o.id)}</th><td>${w(x.met ? 'sum.session_met' : 'sum.session_not_met', { rating: esc(x.rating ?? '-') })}</td><td>${say.pct(r.aggregates[0].objectives[o.id].met.p)}</td></tr>`;
  });
  const otable = objectives.length ? `<table class="stats session"><thead><tr><th>${w('sum.objective')}</th><th>${w('sum.session_obj')}</th><th>${w('sum.session_runs_met')}</th></tr></thead><tbody>${objectives.join('')}</tbody></table>` : '';
  return `<section><h2>${w('page.session_h2', { seed: session.seed, n: r.results.length })}</h2><table class="stats session"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${otable}<p class="note">${w('sum.session_note')} ${w('sum.session_note2')}</p>${few}</section>`;
}

/** How many of the worst runs the page names. */
const WORST_SHOWN = 5;

/**
 * The runs that went worst (most people lost, then fewest objectives met), each with its seed and the commands
 * that play it alone and write its after-action report: the way from "this run went badly" to why. Before, the
 * page had no run's number or seed, and the docs sent the planner to grep the results file.
 */
function worstSection(say: Say, r: BatchResults, files: PageFiles): string {
  const w = say.m;
  const lost = (x: RunRecord) => x.metrics.people_lost ?? -1;
  const runs = [...r.results].sort((a, b) => lost(b) - lost(a) || (a.metrics.objectives_met ?? 0) - (b.metrics.objectives_met ?? 0) || a.j - b.j).slice(0, WORST_SHOWN);
  if (runs.length === 0) return '';
  const rows = runs.map((x) => {
    // as a shell reads it: a value may be a distribution ({ lognormal: ... }) or hold spaces
    const vary = r.vary && x.value !== null ? ` --vary ${shellArg(`${r.vary.key}=${x.value}`)}` : '';
    const decisions = r.decisions ? ` --decisions ${files.decisions ? shellArg(files.decisions) : w('worst.decisions')}` : '';
    // the value in the file's name where it is a plain word (10m, x2), else its place in the sweep ({ uniform: ... }: v1)
    const tag = r.vary && x.value !== null ? `-${/^[A-Za-z0-9.]+$/.test(x.value) ? x.value : `v${r.vary.values.indexOf(x.value) + 1}`}` : '';
    const out = `${w('worst.file', { run: x.run })}${tag}.json`;
    const command = `drill run ${files.scenario ? shellArg(files.scenario) : w('worst.scenario')} --seed ${x.seed}${vary}${decisions} --out ${out}\ndrill report ${out} --out ${out.replace(/\.json$/, '.html')}${say.lang === 'en' ? '' : ' --lang vi'}`;
    const value = r.vary && x.value !== null ? `<td>${esc(String(x.value))}</td>` : '';
    return `<tr><td>${x.run}</td>${value}<td>${x.seed}</td><td>${say.fmt('people_lost', x.metrics.people_lost)}</td><td>${say.fmt('objectives_met', x.metrics.objectives_met)}</td><td><pre>${esc(command)}</pre></td></tr>`;
  });
  const valueHead = r.vary ? `<th>${esc(r.vary.key.split('.').pop()!)}</th>` : '';
  // where no run lost anyone the order is the objectives' alone, and the heading says so
  const byLost = runs.some((x) => (x.metrics.people_lost ?? 0) > 0);
  return `<section><h2>${w(byLost ? 'worst.h2' : 'worst.h2_objectives', { n: runs.length })}</h2><p class="note">${w('worst.note')} ${w(files.scenario ? 'worst.note_files' : 'worst.note_placeholder', { id: esc(r.scenario.id) })}</p><table class="worst"><thead><tr><th>${w('worst.run')}</th>${valueHead}<th>seed</th><th>${say.label('people_lost')}</th><th>${say.label('objectives_met')}</th><th>${w('worst.replay')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/**
 * The files a batch was given, as typed on its command line: known to `drill batch --html`, not to `drill report`
 * or `drill merge` of results (a results file does not record paths: shards may come from other machines).
 */
export interface PageFiles { scenario?: string; decisions?: string }

/**
 * An objective's criterion: in English as the scenario writes it (metric id, comparator), in a code font; in
 * Vietnamese in the AAR's words, in the text font (monospace fonts draw the accents of Vietnamese letters out of place).
 */
export function criterion(say: Say, o: BatchResults['objectives'][number]): string {
  const { fmt, label, lang } = say;
  return lang === 'en'
    ? `${o.metric}${o.of ? ` of ${o.of}` : ''} ${o.comparator} ${fmt(o.metric, o.threshold)}`
    : `${label(o.metric)}${o.of ? ` (${o.of})` : ''}: ${comparatorWords(o.metric, o.comparator, lang)} ${fmt(o.metric, o.threshold)}`;
}

/** An objective as the head of its row: its id, its text, and its criterion under them. */
export function objectiveHead(say: Say, o: BatchResults['objectives'][number], text: string): string {
  return `<div>${esc(o.id)}</div><div class="otext">${esc(text)}</div><div class="crit">${esc(criterion(say, o))}</div>`;
}

/** A probability of meeting an objective as the page writes it: the share, then its interval. */
export function metFigure(say: Say, p: Proportion): string {
  const { pct } = say;
  return `<span class="p">${pct(p.p)}</span> <span class="ci">[${pct(p.ci95[0])}${say.sep} ${pct(p.ci95[1])}]</span>`;
}

/** How often an objective was not tested, and how often met when it was, under its bars; nothing where it always was. */
export function notTested(say: Say, x: Aggregate['objectives'][string]): string {
  const { pct, m: w } = say;
  return x.not_tested && x.not_tested.count > 0
    ? `<div class="nt">${w('obj.not_tested', { count: x.not_tested.count, n: x.not_tested.n, p: pct(x.not_tested.p), mcount: x.met_if_tested.count, mn: x.met_if_tested.n, mp: x.met_if_tested.n ? ` (${pct(x.met_if_tested.p)})` : '' })}</div>`
    : '';
}

/** The page of a batch's results, in English or Vietnamese (the scenario's own texts in Vietnamese when the results hold them). */
export function batchHtml(r: BatchResults, lang: Lang = 'en', files: PageFiles = {}): string {
  const say = sayIn(lang);
  const { label, m: w } = say;
  const texts = textsIn(r, lang);
  const groups: { agg: Aggregate; runs: RunRecord[] }[] = r.aggregates.map((agg) => ({ agg, runs: r.results.filter((x) => x.value === agg.value) }));
  const name = (g: { agg: Aggregate }) => (r.vary ? String(g.agg.value) : null);
  const vary = r.vary;
  const runs = w('runs', { n: r.runs });
  const facts = [
    !vary ? runs
      : vary.values.length === 1 ? w('page.runs_vary_one', { runs: r.runs, key: esc(vary.key), value: esc(String(vary.values[0])) })
      : w('page.runs_vary', { runs: r.runs, n: vary.values.length, key: esc(vary.key) }),
    w('master_seed', { seed: r.seed }),
    r.decisions ? w('page.decisions', { count: r.decisions.count, players: esc(r.decisions.players.join(', ') || w('none')) }) : w('page.doctrine'),
    r.shard ? w('page.shard', { i: r.shard.index, n: r.shard.count, k: r.results.length }) : '',
    w('page.engine', { engine: esc(r.engine) }),
  ].filter(Boolean);
  const objectiveMetric = (o: BatchResults['objectives'][number]) => (lang === 'en' ? `${label(o.metric)}${o.of ? ` of ${o.of}` : ''}` : `${label(o.metric)}${o.of ? ` (${o.of})` : ''}`);

  const sections: string[] = [];
  if (r.objectives.length) {
    const rows = r.objectives.map((o) => {
      const cells = groups.map((g) => {
        const x = g.agg.objectives[o.id];
        const vlabel = vary ? `<div class="vlabel">${esc(`${vary.key.split('.').pop()}=${g.agg.value}`)}</div>` : '';
        // a shard that holds no run (of this value of a sweep): no bar at '0 %', which would read as never met
        if (x.met.n === 0) return `<td>${vlabel}<div class="nt">${w(vary ? 'obj.no_runs' : 'obj.no_runs_shard')}</div></td><td>-</td>`;
        return `<td>${vlabel}${ratingBar(say, x)}</td><td><div class="metrow">${metBar(say, x.met)}<span class="fig">${metFigure(say, x.met)}</span></div>${notTested(say, x)}</td>`;
      });
      return cells.map((c, i) => `<tr>${i === 0 ? `<th rowspan="${cells.length}">${objectiveHead(say, o, texts.objective(o.id))}</th>` : ''}${c}</tr>`).join('');
    });
    sections.push(`<section><h2>${w('obj.h2')}</h2><table class="obj"><thead><tr><th>${w('obj.th_objective')}</th><th>${w('obj.th_rating')}</th><th>${w('obj.th_met')}</th></tr></thead><tbody>${rows.join('')}</tbody></table><p class="note">${w('obj.note')}</p></section>`);
  }
  if (vary) {
    const charts: string[] = [];
    for (const o of r.objectives) {
      // the objective's text under its id: the curves come first on the page, before the table that says what each id is
      charts.push(sweep(say, w('sweep.met', { id: o.id }), vary.key, vary.values, groups.map((g) => { const m = g.agg.objectives[o.id].met; return m.n === 0 ? null : { y: m.p, lo: m.ci95[0], hi: m.ci95[1] }; }), 'probability', texts.objective(o.id)));
    }
    for (const m of KEY_METRICS) {
      charts.push(sweep(say, w('sweep.mean', { label: label(m) }), vary.key, vary.values, groups.map((g) => { const s = g.agg.metrics[m]; return s.mean === null ? null : { y: s.mean, lo: s.ci95?.[0] ?? s.mean, hi: s.ci95?.[1] ?? s.mean }; }), { metric: m }));
    }
    const same = sweepWithoutEffect(r) ? `<p class="warn">${w('page.no_effect', { key: esc(vary.key) })}</p>` : '';
    const differences = same ? '' : pairedSection(say, r, shownMetrics(r, label, w('sum.contained_resolved')));
    sections.unshift(`<section><h2>${w('sweep.h2')}</h2>${same}<div class="grid">${charts.join('')}</div></section>${differences}`);
  }
  // marked among the runs: none in a sweep, nor in a shard that holds no run
  const session = vary || r.results.length === 0 ? undefined : r.decisions?.session;
  const hist = KEY_METRICS.map((m) => histogram(say, label(m), m, groups.map((g) => ({ name: name(g), values: g.runs.map((x) => (x.metrics as Record<string, number | null>)[m] ?? null) })), undefined, session?.metrics[m as keyof typeof session.metrics]));
  sections.push(`<section><h2>${w('key.h2', { how: vary ? w('key.vary', { key: esc(vary.key) }) : w('key.single') })}</h2><div class="grid">${hist.join('')}</div></section>`);
  if (r.objectives.length) {
    const oh = r.objectives.map((o) => histogram(say, `${o.id}: ${objectiveMetric(o)}`, o.metric, groups.map((g) => ({ name: name(g), values: g.runs.filter((x) => x.objectives[o.id]?.not_tested === undefined).map((x) => x.objectives[o.id]?.value ?? null) })), { value: o.threshold, comparator: o.comparator }));
    sections.push(`<section><h2>${w('objhist.h2')}</h2><div class="grid">${oh.join('')}</div></section>`);
  }
  const places = sessionSection(say, r);
  if (places) sections.push(places);
  const time = timeSection(say, groups, vary);
  if (time) sections.push(time);
  const worst = worstSection(say, r, files);
  if (worst) sections.push(worst);
  const head = ['metric', 'mean', 'ci', 'median'].map((k) => `<th>${w(`stats.${k}`)}</th>`).join('') + `<th>p5</th><th>p95</th><th>${w('stats.runs')}</th><th>${w('stats.never')}</th>`;
  const shown = shownMetrics(r, label, w('sum.contained_resolved'));
  const tables = groups.map((g) => `${vary ? `<h3>${esc(`${vary.key}=${g.agg.value}`)}</h3>` : ''}<table class="stats"><thead><tr>${head}</tr></thead><tbody>${shown.map((x) => statsRow(say, x.label, x.metric, g.agg.metrics[x.metric])).join('')}</tbody></table>`);
  sections.push(`<section><h2>${w('stats.h2')}</h2>${tables.join('')}</section>`);

  return htmlPage(lang, w('page.title', { title: texts.title }), `<h1>${esc(texts.title)}</h1>
<p class="facts"><span>${w('page.scenario', { id: esc(r.scenario.id) })}</span>${facts.map((f) => `<span>${f}</span>`).join('')}</p>
${sections.join('\n')}
<footer>${w('page.footer', { seeds: esc(seedFormula(lang, r.seed_formula)) })}</footer>
`);
}

/**
 * The style of the batch pages (a batch's, two plans compared), with the widths of their charts. table.stats cells
 * keep to one line: in a narrow window '54 min' broke into '54' over 'min'.
 */
const PAGE_CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:24px auto;max-width:1400px;padding:0 16px;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:16px 0 4px}
.facts{color:#555;margin:0}.facts span+span:before{content:" · "}
.grid{display:flex;flex-wrap:wrap;gap:12px}
figure.chart{margin:0;border:1px solid #e4e4e4;border-radius:6px;padding:8px;background:#fcfcfc}figure.chart .note{max-width:${W}px}
figcaption{font-weight:600;margin-bottom:4px;max-width:${W}px}figcaption .sub{display:block;font-size:12px}
svg text{font-size:11px;fill:#444}svg .xlabel{fill:#666}svg .inbar{fill:#fff;font-weight:600}svg .inbar.dark{fill:#1b1b1b}svg .tlabel{fill:#b00;font-size:10px}
.axis{stroke:#888}.grid line,.grid{stroke-width:1}.grid line.grid{stroke:#eee}line.grid{stroke:#eee}
.bar{fill:#4f7cac}.band{fill:#4f7cac;opacity:.09}.median{stroke:#1b2f45;stroke-width:1.5}
.threshold{stroke:#b00;stroke-dasharray:4 3;stroke-width:1.5}.session{stroke:#6a3d9a;stroke-dasharray:2 2;stroke-width:2}svg .slabel{fill:#6a3d9a;font-size:10px;font-weight:600}p.slabel{color:#6a3d9a}table.session td.edge{text-align:left;color:#6a3d9a}table.session+table.session{margin-top:14px}
.track{fill:#eee}.met{fill:#4f7cac}.blocked{fill:#1b2f45}.whisker{stroke:#111;stroke-width:1.4}
.ciband{fill:#4f7cac;opacity:.15}.curve{fill:none;stroke:#4f7cac;stroke-width:2}.dot{fill:#1b2f45}
table{border-collapse:collapse}th,td{padding:4px 8px;text-align:left;vertical-align:middle;border-bottom:1px solid #eee}
table.stats td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.paired td.shows{font-weight:600}table.paired .dir{display:inline-block;min-width:3.4em;text-align:left}html[lang=vi] table.paired .dir{min-width:4.2em}table.paired td.better .dir{color:#1a7f37}table.paired td.worse .dir{color:#b42318}table.paired th.sub{padding-top:12px;color:#555}
table.obj th[rowspan]{max-width:320px;font-weight:600}.otext{font-weight:400;color:#444}.crit{font-weight:400;color:#777;font-size:12px;font-family:ui-monospace,Consolas,'SF Mono','Noto Sans Mono','Liberation Mono','Courier New',monospace}
.vlabel{font-size:12px;color:#555}.p{font-weight:600}.ci{color:#666}
.metrow{display:flex;align-items:center;column-gap:8px;flex-wrap:wrap}.metrow svg{flex:none}
.fig{font-variant-numeric:tabular-nums;white-space:nowrap}.fig .p{display:inline-block;min-width:3.3em;text-align:right}
.wide{overflow-x:auto}table.units tbody th{white-space:nowrap}table.units.narrow .fig .ci{display:block;white-space:nowrap}
.legend{max-width:${W}px;margin:4px 0 0;font-size:12px}.legend span{margin-right:12px;white-space:nowrap;display:inline-block}.legend i{display:inline-block;width:12px;height:3px;margin-right:4px;vertical-align:middle}
.note{color:#777;font-size:12px;margin:2px 0 0}.warn{background:#fff4e0;border-left:4px solid #e08a00;padding:6px 10px;margin:4px 0 10px}.nt{color:#555;font-size:12px}
.single{width:${W}px;margin:40px 0;text-align:center;color:#333}
footer{margin-top:32px;color:#777;font-size:12px}
table.worst td{font-variant-numeric:tabular-nums}table.worst pre{margin:0;font-size:12px;white-space:pre-wrap}
`;

/**
 * One self-contained page (no script, font or request: its Content-Security-Policy forbids them), in `lang`:
 * its head and style, then `body`; `css`, the page's own rules, after the shared ones.
 */
export function htmlPage(lang: Lang, title: string, body: string, css = ''): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
${PAGE_CSS}${css}${lang === 'en' ? '' : '.crit{font-family:inherit}\n'}</style></head>
<body>
${body}</body></html>
`;
}
