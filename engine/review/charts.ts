/**
 * Inline SVG charts for the HTML report: evacuation completion, shelter
 * occupancy against capacity, incident bars, and how units spent the run.
 * Hand-written SVG with a small linear scale: no script, no fonts, nothing
 * fetched, and it prints as vectors. Every text goes through escHtml.
 */
import type { Aar } from './aar.js';
import type { Chart } from './report-doc.js';
import { UNIT_STATE_COLOUR } from './unit-colours.js';
import { UNIT_STATES } from './unit-metrics.js';
import type { Words } from './words.js';

export function escHtml(s: string): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Okabe-Ito: told apart by people with colour-blindness, and in greyscale print by the dashes. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
/** The viewer's colours for unit states, so a state looks the same in the report and on the map. */
const STATE_COLOURS = UNIT_STATE_COLOUR;

const W = 760;
const f1 = (v: number) => (Math.round(v * 10) / 10).toString();

function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Hour ticks at a step that gives at most ~10 of them. */
function timeTicks(tEnd: number): number[] {
  const hours = tEnd / 3600;
  const step = [1, 2, 3, 6, 12, 24, 48].find((s) => hours / s <= 10) ?? Math.ceil(hours / 10);
  const out: number[] = [];
  for (let h = 0; h * 3600 <= tEnd; h += step) out.push(h * 3600);
  return out;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function frame(w: Words, x: (v: number) => number, tEnd: number, top: number, bottom: number, left: number, yTicks: { v: number; y: number; label: string }[], yLabel: string): string {
  const parts: string[] = [];
  for (const t of yTicks) parts.push(`<line x1="${left}" x2="${W - 20}" y1="${f1(t.y)}" y2="${f1(t.y)}" class="grid"/><text x="${left - 6}" y="${f1(t.y + 4)}" text-anchor="end" class="tick">${escHtml(t.label)}</text>`);
  for (const t of timeTicks(tEnd)) parts.push(`<line x1="${f1(x(t))}" x2="${f1(x(t))}" y1="${bottom}" y2="${bottom + 4}" class="axis"/><text x="${f1(x(t))}" y="${bottom + 16}" text-anchor="middle" class="tick">${escHtml(w.p({ raw: `T+${String(Math.round(t / 3600)).padStart(2, '0')}` }))}</text>`);
  parts.push(`<line x1="${left}" x2="${W - 20}" y1="${bottom}" y2="${bottom}" class="axis"/><line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" class="axis"/>`);
  parts.push(`<text x="${(left + W - 20) / 2}" y="${bottom + 32}" text-anchor="middle" class="label">${escHtml(w.m('chart.axis_time'))}</text>`);
  parts.push(`<text transform="translate(14 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" class="label">${escHtml(yLabel)}</text>`);
  return parts.join('');
}

/** A step line: the value holds from one reading to the next. */
function steps(points: [number, number][], x: (v: number) => number, y: (v: number) => number, tEnd: number, start: [number, number] = [0, 0]): string {
  const pts = [start, ...points];
  let d = `M${f1(x(pts[0][0]))},${f1(y(pts[0][1]))}`;
  for (let i = 1; i < pts.length; i++) d += `H${f1(x(pts[i][0]))}V${f1(y(pts[i][1]))}`;
  d += `H${f1(x(tEnd))}`;
  return d;
}

const itemWidth = (it: { label: string; box?: boolean }) => (it.box ? 16 : 22) + Math.min(260, it.label.length * 6.2) + 14;

/** How many rows `legend` needs for these items. */
function legendRows(items: { label: string; box?: boolean }[], left = 60): number {
  let cx = left, rows = 1;
  for (const it of items) {
    if (cx > left && cx + itemWidth(it) > W - 10) { cx = left; rows++; }
    cx += itemWidth(it);
  }
  return rows;
}

function legend(items: { label: string; colour: string; dash?: boolean; box?: boolean }[], y: number, left = 60): string {
  let cx = left;
  const out: string[] = [];
  for (const it of items) {
    if (cx > left && cx + itemWidth(it) > W - 10) { cx = left; y += 16; }
    const mark = it.box
      ? `<rect x="${cx}" y="${y - 9}" width="12" height="10" fill="${it.colour}" stroke="#888" stroke-width="0.5"/>`
      : `<line x1="${cx}" x2="${cx + 18}" y1="${y - 4}" y2="${y - 4}" stroke="${it.colour}" stroke-width="2.5"${it.dash ? ' stroke-dasharray="5 3"' : ''}/>`;
    out.push(`${mark}<text x="${cx + (it.box ? 16 : 22)}" y="${y}" class="tick">${escHtml(it.label)}</text>`);
    cx += itemWidth(it);
  }
  return out.join('');
}

function svg(height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${escHtml(title)}"><title>${escHtml(title)}</title>${body}</svg>`;
}

function none(w: Words): string {
  return `<p class="note">${escHtml(w.m('chart.none'))}</p>`;
}

export function renderChart(c: Chart, aar: Aar, w: Words, title: string): string {
  switch (c.kind) {
    case 'evacuation': return evacuation(aar, w, title);
    case 'shelters': return shelters(aar, w, title);
    case 'incidents': return incidents(aar, w, title);
    case 'units': return units(aar, w, title);
  }
}

function evacuation(aar: Aar, w: Words, title: string): string {
  const zones = aar.review.zones;
  if (zones.length === 0) return none(w);
  const tEnd = aar.review.t_end;
  const left = 60, top = 14, bottom = 210;
  const x = linear(0, tEnd, left, W - 20);
  const y = linear(0, 1, bottom, top);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ v, y: y(v), label: w.pct(v) }));
  const body: string[] = [frame(w, x, tEnd, top, bottom, left, ticks, w.m('chart.axis_share'))];
  const items: { label: string; colour: string; dash?: boolean }[] = [];
  // deadlines and targets go in the legend, after the zones: on the plot their labels would collide
  const marks: { label: string; colour: string; dash: boolean }[] = [];
  zones.forEach((z, i) => {
    const colour = PALETTE[i % PALETTE.length];
    const pts = z.series.map(([t, sh]) => [t, z.population ? sh / z.population : 0] as [number, number]);
    body.push(`<path d="${steps(pts, x, y, tEnd)}" fill="none" stroke="${colour}" stroke-width="2.5"><title>${escHtml(w.name('zone', z.id))}</title></path>`);
    items.push({ label: w.name('zone', z.id), colour });
    for (const o of aar.scenario.objectives) {
      const c = o.criterion;
      if (c.metric !== 'evacuated_share' || c.of !== z.id) continue;
      const by = c.by ?? tEnd;
      body.push(`<line x1="${f1(x(by))}" x2="${f1(x(by))}" y1="${top}" y2="${bottom}" stroke="${colour}" stroke-dasharray="5 3" stroke-width="1.2"/>`);
      body.push(`<line x1="${left}" x2="${f1(x(by))}" y1="${f1(y(c.threshold))}" y2="${f1(y(c.threshold))}" stroke="${colour}" stroke-dasharray="2 3" stroke-width="1.2"/>`);
      marks.push({ label: `${w.m('chart.deadline', { t: { t: by } })}, ${w.m('chart.target', { pct: { pct: c.threshold } })}`, colour, dash: true });
    }
  });
  const all = [...items, ...marks];
  const rows = legendRows(all);
  body.push(legend(all, bottom + 52));
  return svg(bottom + 52 + rows * 16, title, body.join(''));
}

function shelters(aar: Aar, w: Words, title: string): string {
  const list = aar.review.shelters;
  if (list.length === 0) return none(w);
  const tEnd = aar.review.t_end;
  const left = 60, top = 14, bottom = 210;
  const max = niceMax(Math.max(...list.map((s) => Math.max(s.capacity, s.peak))) * 1.05);
  const x = linear(0, tEnd, left, W - 20);
  const y = linear(0, max, bottom, top);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((k) => ({ v: k * max, y: y(k * max), label: w.num(k * max) }));
  const body: string[] = [frame(w, x, tEnd, top, bottom, left, ticks, w.m('chart.axis_people'))];
  const items: { label: string; colour: string; dash?: boolean }[] = [];
  list.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length];
    body.push(`<line x1="${left}" x2="${W - 20}" y1="${f1(y(s.capacity))}" y2="${f1(y(s.capacity))}" stroke="${colour}" stroke-dasharray="5 3" stroke-width="1.2"><title>${escHtml(`${w.name('shelter', s.id)}: ${w.m('chart.capacity')} ${w.num(s.capacity)}`)}</title></line>`);
    body.push(`<path d="${steps(s.series, x, y, tEnd)}" fill="none" stroke="${colour}" stroke-width="2.5"><title>${escHtml(w.name('shelter', s.id))}</title></path>`);
    items.push({ label: w.name('shelter', s.id), colour });
  });
  items.push({ label: w.m('chart.capacity'), colour: '#666', dash: true });
  body.push(legend(items, bottom + 52));
  return svg(bottom + 52 + legendRows(items) * 16, title, body.join(''));
}

function incidents(aar: Aar, w: Words, title: string): string {
  const list = [...aar.review.incidents].sort((a, b) => a.reported_t - b.reported_t || (a.id < b.id ? -1 : 1)).slice(0, 40);
  if (list.length === 0) return none(w);
  const tEnd = aar.review.t_end;
  // a label opens with a capital, as the incidents table's rows do ('people caught in X' is written mid-sentence)
  const incName = (id: string) => { const raw = w.name('incident', id); return raw.charAt(0).toLocaleUpperCase() + raw.slice(1); };
  const col = nameColumn(list.map((inc) => incName(inc.id)));
  const left = col.left, top = 10, row = 20;
  const bottom = top + list.length * row + 4;
  const x = linear(0, tEnd, left, W - 20);
  const body: string[] = [frame(w, x, tEnd, top, bottom, left, [], '')];
  // units at work in the units' on-scene colour, so that one colour means one thing across the report's charts;
  // waiting in the one Okabe-Ito colour no unit state has
  const colours = { waiting: '#009E73', working: UNIT_STATE_COLOUR.on_scene, mop_up: '#999999' };
  list.forEach((inc, i) => {
    const yy = top + i * row + 4;
    const name = incName(inc.id);
    const short = col.cut(name);
    body.push(`<text x="${left - 6}" y="${yy + 12}" text-anchor="end" class="tick"><title>${escHtml(name)}</title>${escHtml(short)}</text>`);
    const r = inc.reported_t;
    const on = inc.first_on_scene_s === null ? tEnd : r + inc.first_on_scene_s;
    const cont = inc.contained_s === null ? tEnd : r + inc.contained_s;
    const res = inc.resolved_s === null ? tEnd : r + inc.resolved_s;
    const bar = (a: number, b: number, colour: string, label: string) => (b > a ? `<rect x="${f1(x(a))}" y="${yy}" width="${f1(Math.max(1, x(b) - x(a)))}" height="14" fill="${colour}"><title>${escHtml(`${name}: ${label} ${w.dur(b - a)}`)}</title></rect>` : '');
    body.push(bar(r, on, colours.waiting, w.m('chart.waiting')), bar(on, cont, colours.working, w.m('chart.working')), bar(cont, res, colours.mop_up, w.m('chart.mop_up')));
    if (inc.first_on_scene_s === null || inc.contained_s === null) body.push(`<text x="${W - 18}" y="${yy + 12}" class="tick">…</text>`);
  });
  body.push(legend([{ label: w.m('chart.waiting'), colour: colours.waiting, box: true }, { label: w.m('chart.working'), colour: colours.working, box: true }, { label: w.m('chart.mop_up'), colour: colours.mop_up, box: true }], bottom + 52));
  return svg(bottom + 62, title, body.join(''));
}

/**
 * The column of names left of a chart's bars: wide enough for names of up to 46 characters at the ticks' 11 px
 * (about 6.2 px each), as Vietnamese names of units often are ("Trung đội dân quân cơ động Mường Xén", 36), and
 * never narrower than 230 px; a longer name is cut, whole in its tooltip. At 34 characters a printed report had
 * cut most of the province's units.
 */
const NAME_CHARS = 46;
function nameColumn(names: string[]): { left: number; cut: (name: string) => string } {
  const longest = Math.min(NAME_CHARS, Math.max(0, ...names.map((n) => n.length)));
  return { left: Math.max(230, Math.ceil(12 + longest * 6.2)), cut: (n) => (n.length > NAME_CHARS ? n.slice(0, NAME_CHARS - 1) + '…' : n) };
}

function units(aar: Aar, w: Words, title: string): string {
  const list = aar.review.units;
  if (list.length === 0) return none(w);
  const col = nameColumn(list.map((u) => w.name('unit', u.id)));
  const left = col.left, top = 10, row = 20, right = W - 20;
  const bottom = top + list.length * row + 4;
  const x = linear(0, 1, left, right);
  const ticks: string[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) ticks.push(`<line x1="${f1(x(v))}" x2="${f1(x(v))}" y1="${top}" y2="${bottom}" class="grid"/><text x="${f1(x(v))}" y="${bottom + 16}" text-anchor="middle" class="tick">${escHtml(w.pct(v))}</text>`);
  const body: string[] = [ticks.join('')];
  const total = aar.review.t_end || 1;
  list.forEach((u, i) => {
    const yy = top + i * row + 4;
    const name = w.name('unit', u.id);
    const short = col.cut(name);
    body.push(`<text x="${left - 6}" y="${yy + 12}" text-anchor="end" class="tick"><title>${escHtml(name)}</title>${escHtml(short)}</text>`);
    let acc = 0;
    for (const s of UNIT_STATES) {
      const share = u.state_s[s] / total;
      if (share <= 0) continue;
      body.push(`<rect x="${f1(x(acc))}" y="${yy}" width="${f1(Math.max(0.5, x(acc + share) - x(acc)))}" height="14" fill="${STATE_COLOURS[s]}"><title>${escHtml(`${name}: ${w.m(`unit_state.${s}`)} ${w.dur(u.state_s[s])}`)}</title></rect>`);
      acc += share;
    }
  });
  const states = UNIT_STATES.map((s) => ({ label: w.m(`unit_state.${s}`), colour: STATE_COLOURS[s], box: true }));
  body.push(legend(states, bottom + 40));
  return svg(bottom + 40 + legendRows(states) * 16, title, body.join(''));
}
