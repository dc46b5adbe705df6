/**
 * The timeline: a clock axis, markers for injects, decisions and level
 * declarations, hazard curves (wind force, water level against BĐ1-3, rain,
 * inflow), a lane per unit coloured by its state, and incident severity lanes
 * (one per incident, or counts per severity when there are many). The lanes
 * are painted once per run on a canvas, the markers are SVG, and the cursor
 * is an element of its own that a seek only moves (no layout, no repaint).
 * Click or drag anywhere to scrub; the whole strip is one keyboard slider.
 */
import * as d3 from 'd3';
import type { Change } from '../../engine/replay/history.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { seriesAt, trackAt } from '../../engine/sim/hazards.js';
import { textIn } from '../../engine/scenario/text.js';
import { WIND_FORCE_UNIT, withUnit } from '../../engine/scenario/unit-words.js';
import type { Hazard } from '../../engine/scenario/schema.js';
import type { Lang } from './i18n.js';
import { STRINGS } from './i18n.js';
import type { LoadedRun } from './loaded.js';
import { MARKER_COLOUR, UNIT_COLOUR, clock, severityColour } from './look.js';
import { incidentName, reportWords } from './panels.js';

const LEFT = 170;
const AXIS = 22;
const MARKS = 18;
const CURVE = 34;
/** a lane's height: one more pixel each side of the label than its 10 px text, so that Vietnamese marks above and below do not touch the next */
const LANE = 11;
const MANY_INCIDENTS = 40;

interface Row { kind: 'curve' | 'unit' | 'incident' | 'sevcount' | 'heading'; y: number; h: number; label: string; id: string }

export class Timeline {
  private canvas: HTMLCanvasElement;
  private svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  /** the clock axis and the markers: a strip that stays at the top while the lanes scroll under it */
  private head: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly cursor: HTMLDivElement;
  private x = d3.scaleLinear();
  private run: LoadedRun | null = null;
  private rows: Row[] = [];
  private t = 0;
  private divergenceT: number | null = null;
  private width = 800;
  private height = 200;
  private readonly ro: ResizeObserver;

  constructor(readonly el: HTMLElement, private onSeek: (t: number) => void, private lang: () => Lang) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'lanes';
    el.appendChild(this.canvas);
    this.svg = d3.select(el).append('svg').attr('class', 'timeline-svg');
    this.svg.append('line').attr('class', 'divergence').style('display', 'none');
    // in the flow (the lanes are laid absolutely), so that it can stick to the top of the scrolled strip
    this.head = d3.select(el).append('svg').attr('class', 'timeline-svg timeline-head').attr('height', AXIS + MARKS);
    this.head.append('rect').attr('class', 'ground').attr('height', AXIS + MARKS);
    this.head.append('g').attr('class', 'axis');
    this.head.append('g').attr('class', 'markers');
    this.head.append('line').attr('class', 'divergence-tick').style('display', 'none');
    this.svg.append('text').attr('class', 'divergence-label').style('display', 'none');
    this.cursor = document.createElement('div');
    this.cursor.className = 'cursor';
    el.appendChild(this.cursor);
    let dragging = false;
    const seekAt = (ev: PointerEvent) => {
      const r = el.getBoundingClientRect();
      const px = ev.clientX - r.left;
      if (px < LEFT - 4 || !this.run) return;
      this.onSeek(Math.round(Math.max(0, Math.min(this.run.data.end, this.x.invert(px)))));
    };
    el.addEventListener('pointerdown', (ev) => {
      if ((ev.target as Element).closest('.marker')) return;
      dragging = true;
      el.setPointerCapture(ev.pointerId);
      seekAt(ev);
    });
    el.addEventListener('pointermove', (ev) => { if (dragging) seekAt(ev); });
    el.addEventListener('pointerup', () => { dragging = false; });
    // the observer also reports the size the strip was first laid out with: paint again only when it changed
    this.ro = new ResizeObserver(() => { if (this.run && (this.el.parentElement ?? this.el).getBoundingClientRect().width - 2 !== this.laidOut) this.layout(); });
    this.ro.observe(el.parentElement ?? el);
  }

  setRun(run: LoadedRun, divergenceT: number | null): void {
    this.run = run;
    this.divergenceT = divergenceT;
    this.el.setAttribute('aria-valuemax', String(run.data.end));
    this.layout();
  }

  setDivergence(t: number | null): void {
    this.divergenceT = t;
    this.drawOverlay();
  }

  private buildRows(run: LoadedRun): Row[] {
    const lang = this.lang();
    const S = STRINGS[lang];
    const rows: Row[] = [];
    let y = AXIS + MARKS;
    const s = run.data.scenario;
    for (const h of s.hazards) {
      if ((h.series && h.series.length > 1) || (h.track && h.track.length > 0) || h.alarms) {
        rows.push({ kind: 'curve', y, h: CURVE, label: textIn(h.name, lang), id: h.id });
        y += CURVE + 2;
      }
    }
    rows.push({ kind: 'heading', y, h: 12, label: S.units, id: 'units' });
    y += 12;
    for (const u of s.units) { rows.push({ kind: 'unit', y, h: LANE, label: textIn(u.name, lang) || u.id, id: u.id }); y += LANE + 1; }
    rows.push({ kind: 'heading', y, h: 12, label: S.incidents, id: 'incidents' });
    y += 12;
    if (run.history.incidents.size <= MANY_INCIDENTS) {
      for (const inc of run.history.incidents.values()) { rows.push({ kind: 'incident', y, h: LANE, label: incidentName(run, lang, inc.id), id: inc.id }); y += LANE + 1; }
    } else {
      for (let sev = 5; sev >= 1; sev--) { rows.push({ kind: 'sevcount', y, h: 12, label: `${S.severity} ${sev}`, id: String(sev) }); y += 13; }
    }
    return rows;
  }

  /** the width the lanes were last painted for */
  private laidOut = -1;

  private layout(): void {
    if (!this.run) return;
    const box = (this.el.parentElement ?? this.el).getBoundingClientRect();
    this.laidOut = box.width - 2;
    this.width = Math.max(400, box.width - 2);
    this.rows = this.buildRows(this.run);
    const last = this.rows[this.rows.length - 1];
    this.height = last ? last.y + last.h + 6 : 80;
    this.el.style.height = `${this.height}px`;
    this.x = d3.scaleLinear().domain([0, this.run.data.end]).range([LEFT, this.width - 28]);
    this.svg.attr('width', this.width).attr('height', this.height);
    this.head.attr('width', this.width).select('rect.ground').attr('width', this.width);
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(this.width * dpr);
    this.canvas.height = Math.round(this.height * dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.paint(ctx);
    this.drawOverlay();
  }

  /** The lanes and curves: painted once per run and size. */
  private paint(ctx: CanvasRenderingContext2D): void {
    const run = this.run!;
    const x = this.x;
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const hazards = new Map(run.data.scenario.hazards.map((h) => [h.id, h]));
    // a lane as runs of pixel columns, each column showing the state at its middle: a long run
    // has tens of thousands of changes, and one rectangle per change would be mostly sub-pixel
    const x0 = Math.round(x.range()[0]), x1 = Math.round(x.range()[1]);
    const [r0, r1] = x.range(), [d0, d1] = x.domain();
    const perPx = (d1 - d0) / (r1 - r0);
    // the lanes' rectangles gathered per colour and filled once each: setting a fill colour is dear, and a long run has tens of thousands of rectangles
    const fills = new Map<string, Path2D>();
    const rect = (colour: string, x: number, y: number, w: number, h: number) => {
      let p = fills.get(colour);
      if (!p) fills.set(colour, (p = new Path2D()));
      p.rect(x, y, w, h);
    };
    const lanes = (changes: Change<string>[] | undefined, y: number, h: number, colour: (v: string) => string, initial: string) => {
      const list = changes ?? [];
      let j = -1, runStart = x0, runV: string | null = null;
      for (let px = x0; px <= x1; px++) {
        const tm = d0 + (px + 0.5 - r0) * perPx; // x.invert, without its clamping and interpolators: a lane has a thousand columns
        while (j + 1 < list.length && list[j + 1].t <= tm) j++;
        const v = j < 0 ? initial : list[j].v;
        if (v !== runV) {
          if (runV !== null) rect(colour(runV), runStart, y, px - runStart, h);
          runStart = px; runV = v;
        }
      }
      if (runV !== null) rect(colour(runV), runStart, y, x1 + 1 - runStart, h);
    };
    let counts: Float64Array[] | undefined;
    for (const r of this.rows) {
      ctx.fillStyle = r.kind === 'heading' ? '#222' : '#333';
      ctx.font = r.kind === 'heading' ? 'bold 11px system-ui, sans-serif' : '10px system-ui, sans-serif';
      ctx.fillText(clip(ctx, r.label, LEFT - 10), 4, r.y + r.h / 2);
      if (r.kind === 'unit') {
        lanes(run.history.units.get(r.id), r.y, r.h, (v) => UNIT_COLOUR[v] ?? '#ccc', 'available');
      } else if (r.kind === 'incident') {
        const inc = run.history.incidents.get(r.id)!;
        const end = inc.resolved_t ?? run.data.end;
        const sev = inc.severity;
        for (let i = 0; i < sev.length; i++) {
          const a = sev[i].t, b = i + 1 < sev.length ? Math.min(sev[i + 1].t, end) : end;
          ctx.fillStyle = severityColour(sev[i].v);
          ctx.fillRect(x(a), r.y, Math.max(1, x(b) - x(a)), r.h);
        }
        ctx.strokeStyle = '#333';
        ctx.lineWidth = 0.5;
        ctx.strokeRect(x(inc.reported_t), r.y + 0.25, Math.max(1, x(end) - x(inc.reported_t)), r.h - 0.5);
      } else if (r.kind === 'sevcount') {
        counts ??= this.severityCounts();
        this.paintSeverityCounts(ctx, r, counts[Number(r.id)] ?? new Float64Array(0));
      } else if (r.kind === 'curve') {
        this.paintCurve(ctx, hazards.get(r.id)!, r);
      }
    }
    for (const [colour, p] of fills) { ctx.fillStyle = colour; ctx.fill(p); }
    // decision ticks (there can be many: one path)
    const y0 = AXIS + 2;
    ctx.beginPath();
    ctx.strokeStyle = MARKER_COLOUR.doctrine;
    ctx.lineWidth = 1;
    let lastX = -1;
    for (const m of run.history.markers) {
      if (m.kind !== 'decision' || m.author !== 'doctrine') continue;
      const px = Math.round(x(m.t)) + 0.5;
      if (px === lastX) continue;
      lastX = px;
      ctx.moveTo(px, y0 + 8); ctx.lineTo(px, y0 + MARKS - 4);
    }
    ctx.stroke();
  }

  /** Open incidents per severity per pixel column, all severities in one pass over the incidents. */
  private severityCounts(): Float64Array[] {
    const run = this.run!;
    const w = Math.max(1, Math.round(this.width - 28 - LEFT));
    const diffs = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(w + 1));
    const [r0, r1] = this.x.range(), [d0, d1] = this.x.domain();
    const k = (r1 - r0) / (d1 - d0);
    const col = (t: number) => Math.max(0, Math.min(w, Math.round(r0 + (t - d0) * k - LEFT)));
    for (const inc of run.history.incidents.values()) {
      const end = inc.resolved_t ?? run.data.end;
      const sv = inc.severity;
      for (let i = 0; i < sv.length; i++) {
        const diff = diffs[sv[i].v];
        if (!diff) continue;
        const a = sv[i].t, b = i + 1 < sv.length ? Math.min(sv[i + 1].t, end) : end;
        diff[col(a)]++; diff[Math.max(col(a) + 1, col(b))]--;
      }
    }
    return diffs.map((diff) => {
      const counts = new Float64Array(w);
      let acc = 0;
      for (let i = 0; i < w; i++) { acc += diff[i]; counts[i] = acc; }
      return counts;
    });
  }

  private paintSeverityCounts(ctx: CanvasRenderingContext2D, r: Row, counts: Float64Array): void {
    const sev = Number(r.id);
    const x0 = LEFT, w = counts.length;
    let max = 0;
    for (let i = 0; i < w; i++) if (counts[i] > max) max = counts[i];
    ctx.fillStyle = severityColour(sev);
    for (let i = 0; i < w; ) {
      let j = i + 1;
      while (j < w && counts[j] === counts[i]) j++; // columns of the same height: one rectangle
      if (counts[i] > 0) {
        const hh = Math.max(1, (counts[i] / Math.max(1, max)) * r.h);
        ctx.fillRect(x0 + i, r.y + r.h - hh, j - i, hh);
      }
      i = j;
    }
    ctx.fillStyle = '#333';
    haloText(ctx, `max ${max}`, this.width - 60, r.y + r.h / 2);
  }

  private paintCurve(ctx: CanvasRenderingContext2D, h: Hazard, r: Row): void {
    const run = this.run!;
    const end = run.data.end;
    const n = 300;
    const proj = run.replay.model.projection;
    const value = (t: number) => (h.track && h.track.length ? trackAt(h, t, proj)?.wind_force ?? 0 : seriesAt(h.series, t));
    const vals: [number, number][] = [];
    for (let i = 0; i <= n; i++) { const t = (end * i) / n; vals.push([t, value(t)]); }
    let lo = Math.min(...vals.map((v) => v[1])), hi = Math.max(...vals.map((v) => v[1]));
    if (h.alarms) { lo = Math.min(lo, h.alarms.bd1); hi = Math.max(hi, h.alarms.bd3); }
    if (hi === lo) { hi = lo + 1; }
    const y = d3.scaleLinear().domain([lo, hi]).range([r.y + r.h - 2, r.y + 2]);
    ctx.fillStyle = '#f4f6f8';
    ctx.fillRect(LEFT, r.y, this.width - 28 - LEFT, r.h);
    // the alarm marks' names are written over the curve, after it: the curve crossing a mark struck its name out
    const marks: [string, string, number][] = [];
    if (h.alarms) {
      const names: ['bd1' | 'bd2' | 'bd3', string][] = [['bd1', 'BĐ1'], ['bd2', 'BĐ2'], ['bd3', 'BĐ3']];
      ctx.setLineDash([4, 3]);
      for (const [k, label] of names) {
        const yy = Math.round(y(h.alarms[k])) + 0.5;
        ctx.strokeStyle = k === 'bd3' ? '#D55E00' : k === 'bd2' ? '#E69F00' : '#999';
        ctx.beginPath(); ctx.moveTo(LEFT, yy); ctx.lineTo(this.width - 28, yy); ctx.stroke();
        marks.push([label, ctx.strokeStyle, yy]);
      }
      ctx.setLineDash([]);
    }
    ctx.strokeStyle = h.kind === 'typhoon' ? '#CC79A7' : h.kind === 'river' ? '#0072B2' : h.kind === 'rainfall' ? '#56B4E9' : '#009E73';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    vals.forEach(([t, v], i) => { const px = this.x(t), py = y(v); if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py); });
    ctx.stroke();
    ctx.fillStyle = '#555';
    ctx.font = '9px system-ui, sans-serif';
    // a typhoon's curve is its track's wind force (Beaufort), whatever its unit says; short: the lane's name says what
    haloText(ctx, withUnit(fmt(hi), h.track?.length ? WIND_FORCE_UNIT : h.unit, this.lang(), true), LEFT + 2, r.y + 6);
    haloText(ctx, `${fmt(lo)}`, LEFT + 2, r.y + r.h - 5);
    // each mark's name on its own line, small enough for three marks a third of a lane apart not to cover each other
    ctx.save();
    ctx.font = '8px system-ui, sans-serif';
    for (const [label, colour, yy] of marks) { ctx.fillStyle = colour; haloText(ctx, label, this.width - 34, yy + 3); }
    ctx.restore();
  }

  private drawOverlay(): void {
    if (!this.run) return;
    const run = this.run;
    const lang = this.lang();
    const S = STRINGS[lang];
    const x = this.x;
    const end = run.data.end;
    const steps = [600, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];
    const span = x.range()[1] - x.range()[0];
    const step = steps.find((s) => (end / s) * 70 <= span) ?? 604800;
    const ticks = d3.range(0, end + 1, step);
    this.head.select<SVGGElement>('g.axis').attr('transform', `translate(0,${AXIS - 2})`)
      .call(d3.axisTop(x).tickValues(ticks).tickFormat((v) => clock(Number(v))).tickSizeOuter(0) as any);
    const markers = run.history.markers.filter((m) => m.kind !== 'decision' || m.author !== 'doctrine');
    const shown = markers.length > 400 ? markers.filter((m) => m.kind !== 'decision') : markers;
    const scenarioInjects = new Map(run.data.scenario.injects.map((i) => [i.id, i]));
    this.head.select('g.markers').selectAll<SVGGElement, (typeof shown)[number]>('g.marker').data(shown, (m) => `${m.kind}-${m.index}`)
      .join((en) => {
        const g = en.append('g').attr('class', (m) => `marker ${m.kind}`).attr('tabindex', -1);
        g.append('path');
        g.append('title');
        g.on('click', (_ev, m) => this.onSeek(m.t));
        // what happened, in the report's words, written when the pointer comes over it (ids such as "evacuate" or
        // "ta-ca" had been all the tooltip said of a decision or a declaration)
        g.on('pointerenter', (ev, m) => { if (this.run) d3.select(ev.currentTarget as SVGGElement).select('title').text(markerTitle(this.run, this.lang(), m)); });
        return g;
      })
      .attr('transform', (m) => `translate(${x(m.t)},${AXIS + 2})`)
      .attr('data-t', (m) => m.t)
      .each(function (m) {
        const g = d3.select(this);
        const colour = m.kind === 'inject' ? MARKER_COLOUR.inject : m.kind === 'level' ? MARKER_COLOUR.level : MARKER_COLOUR.decision;
        const shape = m.kind === 'inject' ? 'M-5,0 L5,0 L0,8 Z' : m.kind === 'level' ? 'M0,0 L0,14 M0,0 L7,3 L0,6' : 'M0,2 L0,14';
        g.select('path').attr('d', shape).attr('fill', m.kind === 'inject' ? colour : 'none').attr('stroke', colour).attr('stroke-width', m.kind === 'decision' ? 2 : 1.5);
        // the full words come with the pointer (markerTitle); the time and kind now, and again in another language
        const inj = m.kind === 'inject' ? scenarioInjects.get(m.id) ?? run.history.added.get(m.id)?.spec : undefined;
        const what = m.kind === 'inject' ? `${S.injects}: ${inj ? textIn(inj.subject, lang) : m.id}` : m.kind === 'level' ? S.levels : `${S.decisions} (${S.authors[m.author ?? ''] ?? m.author})`;
        g.select('title').text(`${clock(m.t)} ${what}`);
      });
    const d = this.divergenceT;
    d3.select(this.el).selectAll('line.divergence, line.divergence-tick').style('display', d === null ? 'none' : 'inline')
      .attr('x1', d === null ? 0 : x(d)).attr('x2', d === null ? 0 : x(d)).attr('y1', 0).attr('y2', function () { return (this as SVGLineElement).ownerSVGElement!.getAttribute('height'); })
      .attr('data-t', d ?? '');
    // in the Units heading's strip, where no lane draws anything: on the first lane it hid the hazard curve's top value
    const strip = this.rows.find((r) => r.kind === 'heading');
    this.svg.select('text.divergence-label').style('display', d === null ? 'none' : 'inline')
      .attr('x', d === null ? 0 : x(d) + 4).attr('y', strip ? strip.y + strip.h / 2 : AXIS + MARKS + 8).attr('dominant-baseline', strip ? 'central' : null)
      .text(d === null ? '' : `A ≠ B ${clock(d)}`);
    this.setTime(this.t);
  }

  setTime(t: number): void {
    this.t = t;
    this.cursor.style.transform = `translateX(${this.x(t) - 1}px)`;
    this.el.setAttribute('aria-valuenow', String(Math.round(t)));
    this.el.setAttribute('aria-valuetext', clock(t));
  }

  relabel(): void {
    if (this.run) this.layout();
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}

function clip(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  return clipLabel((s) => ctx.measureText(s).width, text, width);
}

/**
 * A lane's name cut to `width` (as `measure` measures text). A name ending in its id ('Group of casualties
 * needing care (casualties-3)'): the id is what tells lanes apart, so the name is cut before it, not the id;
 * an id too long to leave room for the name loses its start, not its end, where generated ids differ
 * ('Roof blown off… (…damage-14)': the typhoon's lanes all read 'Roof blown off, people injured…').
 */
export function clipLabel(measure: (s: string) => number, text: string, width: number): string {
  if (measure(text) <= width) return text;
  const id = / \(([^()]+)\)$/.exec(text);
  if (id) {
    let tail = id[0];
    for (let k = 1; measure(`…${tail}`) >= width * 0.7 && k < id[1].length - 1; k++) tail = ` (…${id[1].slice(k)})`;
    if (measure(`…${tail}`) < width * 0.7) {
      let head = text.slice(0, id.index);
      while (head.length > 1 && measure(`${head}…${tail}`) > width) head = head.slice(0, -1);
      return `${head}…${tail}`;
    }
  }
  let s = text;
  while (s.length > 1 && measure(s + '…') > width) s = s.slice(0, -1);
  return s + '…';
}

/** A marker's tooltip: its time and its event as the report's key events say it. */
function markerTitle(run: LoadedRun, lang: Lang, m: { t: number; index: number }): string {
  const e = run.data.events[m.index] as LogEvent | undefined;
  return e ? `${clock(m.t)} ${reportWords(run, lang).event(e, m.index)}` : clock(m.t);
}

/** A label drawn over curves and bars: on a patch of the lane's ground, so that a line through it does not strike it out. */
function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): void {
  const m = ctx.measureText(text);
  const fill = ctx.fillStyle;
  ctx.fillStyle = '#f4f6f8';
  ctx.fillRect(x - m.actualBoundingBoxLeft - 1, y - m.actualBoundingBoxAscent - 1, m.actualBoundingBoxLeft + m.actualBoundingBoxRight + 2, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent + 2);
  ctx.fillStyle = fill;
  ctx.fillText(text, x, y);
}
