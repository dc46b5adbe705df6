/**
 * The map: the country outline for context (world-atlas, bundled), areas with
 * their risk and civil-defence level, the road network coloured by status,
 * bases and shelters, evacuation zones (hatched once flooded), the typhoon's
 * track and wind radius, incidents by severity with the people at risk, and
 * units moving along their routes. Everything at one time is drawn from the
 * engine's world at that time; zoom and pan with the mouse or + - 0 keys.
 *
 * Every text comes from the scenario or the log and goes in with .text(),
 * never as HTML.
 */
import * as d3 from 'd3';
import { feature } from 'topojson-client';
import { textIn } from '../../engine/scenario/text.js';
import { WIND_FORCE_UNIT, withUnit } from '../../engine/scenario/unit-words.js';
import { TIERS } from '../../engine/scenario/schema.js';
import { trackAt } from '../../engine/sim/hazards.js';
import { toCoords } from '../../engine/sim/geo.js';
import { legPosition, unitPosition } from '../../engine/replay/replay.js';
import { valueAt } from '../../engine/replay/history.js';
import type { World } from '../../engine/sim/world.js';
import type { Lang } from './i18n.js';
import { STRINGS } from './i18n.js';
import { discOnBox, fanOut } from './fan.js';
import { BoxIndex, boxAt, placeLabels, placeMoving, type Box, type Fallback, type Label, type Spot, type Try } from './labels.js';
import { lonLat, type LoadedRun } from './loaded.js';
import { incidentName, wordsFor } from './panels.js';
import { RISK_BADGE, RISK_COLOUR, ROAD_STYLE, UNIT_COLOUR, clock, severityColour, severityInk } from './look.js';
import { DIAMOND_HALF, GHOST_OFF, markAt, markFonts, paintMarks, Sprites, type IncidentMark, type UnitMark } from './canvas-marks.js';

/** Run B's incidents overlaid on A's map (compare): a dashed outline in this colour, the severity in this ink (the legend draws them so too) */
const GHOST_STROKE = '#D55E00', GHOST_INK = '#555';

type P = [number, number];

let worldOutline: { f: any; b: [number, number, number, number] }[] | null = null;
let atlas: Promise<void> | null = null;

/**
 * The country outlines (world-atlas, 50m: 0.7 MB) load on their own, after the
 * page's first paint: they are context, and opening a run does not wait for them.
 */
function loadOutline(): Promise<void> {
  atlas ??= new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)))
    .then(() => import('world-atlas/countries-50m.json', { with: { type: 'json' } }))
    .then((m) => {
      const topo = (m.default ?? m) as any;
      worldOutline = (feature(topo, topo.objects.countries) as any).features.map((f: any) => ({ f, b: box(f) }));
    })
    .catch(() => { worldOutline = []; });
  return atlas;
}

/** Planar lon/lat box of a feature's rings (enough to pick the countries near a province; d3.geoBounds is far slower). */
function box(f: any): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const walk = (c: any): void => {
    if (typeof c[0] === 'number') { if (c[0] < x0) x0 = c[0]; if (c[0] > x1) x1 = c[0]; if (c[1] < y0) y0 = c[1]; if (c[1] > y1) y1 = c[1]; return; }
    for (const x of c) walk(x);
  };
  if (f.geometry) walk(f.geometry.coordinates);
  return [x0, y0, x1, y1];
}

/** The points a map's projection fits: every run's areas, roads' nodes, typhoon tracks and (up to a few thousand) incidents. */
function extentOf(runs: LoadedRun[]): P[] {
  const out: P[] = [];
  for (const run of runs) {
    const s = run.data.scenario;
    for (const a of s.areas) out.push([a.coords.lon, a.coords.lat]);
    for (const n of s.travel.nodes) out.push([n.coords.lon, n.coords.lat]);
    for (const h of s.hazards) for (const p of h.track ?? []) out.push([p.coords.lon, p.coords.lat]);
  }
  for (const run of runs) for (const inc of run.history.incidents.values()) { if (out.length > 4000) break; out.push(lonLat(run, inc.x, inc.y)); }
  return out;
}

/** Country outlines within a few degrees of the scenario: the rest of the world is never in view. */
function outline(around: [[number, number], [number, number]]): d3.GeoPermissibleObjects {
  const m = 4;
  const near = worldOutline!.filter(({ b }) => b[0] <= around[1][0] + m && b[2] >= around[0][0] - m && b[1] <= around[1][1] + m && b[3] >= around[0][1] - m);
  return { type: 'FeatureCollection', features: near.map((x) => x.f) } as any;
}

/** Set an element's text only when it changed: a seek redraws every marker, and most texts stay the same. */
function setText(sel: d3.Selection<any, any, any, any>, text: string): void {
  const el = sel.node() as Element | null;
  if (el && el.textContent !== text) el.textContent = text;
}

/** Room for what is drawn beside a place: a zone's circle 34 px off with its figures, a shelter below left, names to the right, an incident fanned out. */
const PLACE_PAD: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number } = { left: 60, top: 50, right: 100, bottom: 60 };

export class MapView {
  private svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private geo: d3.Selection<SVGGElement, unknown, null, undefined>;
  /** the country outline, on its own layer under the rest: a seek repaints the markers, not the coastline */
  private baseGeo: d3.Selection<SVGGElement, unknown, null, undefined>;
  private base: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  /** the labels: above the map and the markers, on their own layer */
  private top: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  /** the incidents and units, drawn at every seek (see canvas-marks.ts), between the map and the labels */
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** the markers as last drawn: A's, then B's overlaid */
  private drawn: { own: { incidents: IncidentMark[]; units: UnitMark[] }; ghost: { incidents: IncidentMark[]; units: UnitMark[] } } = { own: { incidents: [], units: [] }, ghost: { incidents: [], units: [] } };
  /** the canvas's size and density as last set (its density is more while printing) */
  private canvasFor = '';
  /**
   * How the SVGs' viewBox (this.width x this.height screen units) lies in the map's box (whole CSS pixels, a
   * fraction smaller or larger): scaled by s and centred, as SVG does it; the canvas maps screen units the same.
   */
  private fit = { w: 600, h: 400, s: 1, tx: 0, ty: 0 };
  private printing = false;
  private readonly onPrint = (ev: Event) => { this.printing = ev.type === 'beforeprint'; this.paint(); };
  /** where the pointer is over the map (screen units), to find the marker under it again when the time changes */
  private pointer: P | null = null;
  private layer: Record<string, d3.Selection<SVGGElement, unknown, null, undefined>> = {};
  private projection = d3.geoMercator();
  private zoomT = d3.zoomIdentity;
  /** on the map's box, not on one of its SVGs: the markers' layer lies above the map's, and wheel or drag on either zooms and pans */
  private zoom: d3.ZoomBehavior<HTMLElement, unknown>;
  private width = 600;
  private height = 400;
  private last: { t: number; world: World; overlay: { run: LoadedRun; world: World } | null } | null = null;
  private readonly ro: ResizeObserver;
  private extentPoints: P[] = [];
  /** the runs compared with this one (the other pane's, or the one overlaid): their incidents count in the first view, as this run's do */
  private companions: LoadedRun[] = [];
  /** the other pane when two are side by side: a reviewer's zoom or pan on either moves both */
  private peer: MapView | null = null;
  /** the labels placed for the current view, as boxes a moving label keeps off (made with the placement, read at every seek) */
  private placed: { els: SVGTextElement[]; labels: Label[]; spots: Spot[]; index: BoxIndex; markers: BoxIndex; under: boolean[] } | null = null;
  /** the placed labels a moving label covers at the time shown: hidden until it moves off them */
  private covered: SVGTextElement[] = [];
  /** which run the pane shows, when comparing: an element (not a ::before) so that its box can be kept clear of labels */
  private readonly captionEl: HTMLElement;
  /** the caption's and the legend's boxes as their ResizeObserver last found them (null: not shown); the legend sits in the bottom right corner */
  private overlays: { caption: { x: number; y: number; w: number; h: number } | null; legend: { right: number; bottom: number; w: number; h: number } | null } = { caption: null, legend: null };
  /** the boxes of the caption and the legend that the labels were last placed around */
  private placedAround: Box[] = [];
  private readonly overlayRo: ResizeObserver;
  /** zones with a shelter a trip away (with every road open): their people on the road get a figure of their own */
  private readonly zoneTravels: Set<string>;

  constructor(readonly el: HTMLElement, readonly run: LoadedRun, private lang: () => Lang, readonly tag: string, companions: LoadedRun[] = []) {
    el.replaceChildren();
    const model = run.replay.model;
    this.zoneTravels = new Set(run.data.scenario.evacuation.zones.filter((z) => z.shelters.some((sh) => (model.tripSeconds(z.id, sh, {}, 0) ?? 0) > 0)).map((z) => z.id));
    this.base = d3.select(el).append('svg').attr('class', 'map-base').attr('aria-hidden', 'true');
    this.baseGeo = this.base.append('g').attr('class', 'geo');
    this.baseGeo.append('path').attr('class', 'countries');
    this.svg = d3.select(el).append('svg').attr('class', 'map-svg').attr('role', 'img').attr('data-run', tag);
    this.svg.append('title').text(textIn(run.data.scenario.title, lang()));
    const defs = this.svg.append('defs');
    const hatch = defs.append('pattern').attr('id', `flood-${tag}`).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
    hatch.append('rect').attr('width', 6).attr('height', 6).attr('fill', 'rgba(86,180,233,0.35)');
    hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#0072B2').attr('stroke-width', 2);
    this.geo = this.svg.append('g').attr('class', 'geo');
    this.geo.append('g').attr('class', 'typhoon');
    // zones above the roads, as every marker of a place is: a road under a zone's figures cut them ('0↓ 1 00')
    // an area's badge above the bases: a base beside it hid its risk level
    // evacuees on the road above the shelters (a group stranded at a shelter's junction must not hide under its
    // triangle), and those stranded above those on their way (a group driving up to a junction where others wait)
    for (const name of ['roads', 'zones', 'bases', 'areas', 'shelters', 'trips', 'stranded']) {
      this.layer[name] = this.svg.append('g').attr('class', `layer-${name}`);
    }
    // the markers that move at every seek on a canvas, and the labels above them on a layer of their own: a seek
    // redraws the canvas and rasterises the labels' layer, not the rest of the map (the map's own SVG, with role
    // img, describes the whole; the board's tables say what the markers show)
    this.canvas = el.appendChild(document.createElement('canvas'));
    this.canvas.className = 'map-canvas';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.ctx = this.canvas.getContext('2d')!;
    this.top = d3.select(el).append('svg').attr('class', 'map-marks').attr('aria-hidden', 'true');
    this.layer.labels = this.top.append('g').attr('class', 'layer-labels');
    addEventListener('beforeprint', this.onPrint);
    addEventListener('afterprint', this.onPrint);
    this.companions = companions;
    this.extentPoints = extentOf([run, ...companions]);
    this.zoom = d3.zoom<HTMLElement, unknown>().scaleExtent([0.2, 64])
      // d3's own filter, and the legend keeps its own wheel and clicks
      .filter((ev: Event & { ctrlKey?: boolean; button?: number }) => (!ev.ctrlKey || ev.type === 'wheel') && !ev.button && !(ev.target as Element).closest?.('.legend'))
      .on('zoom', (ev) => {
        if (ev.sourceEvent) this.userZoomed = true;
        this.zoomT = ev.transform;
        this.geo.attr('transform', this.zoomT.toString());
        this.baseGeo.attr('transform', this.zoomT.toString());
        this.redraw();
        // the peer's own zoom event has no sourceEvent: it does not send the view back
        if (ev.sourceEvent && this.peer) this.peer.follow(ev.transform);
      });
    // the box outlives this view (another run shown in it gets a new one): start from no zoom, not from its last
    d3.select(el).call(this.zoom).on('dblclick.zoom', null).call(this.zoom.transform, d3.zoomIdentity);
    // a marker's tooltip: while the pointer is over one, the canvas takes the pointer and carries its text
    // (written then, not at every seek); off the markers, the pointer goes through to the map's own tooltips
    // (none while a button is down: that is a pan, which redraws at every move)
    d3.select(el).on('pointermove.marks', (ev: PointerEvent) => {
      if (ev.buttons || (ev.target as Element).closest?.('.legend, .map-caption')) this.pointer = null;
      else { const r = this.canvas.getBoundingClientRect(); this.pointer = [ev.clientX - r.left, ev.clientY - r.top]; }
      this.tip();
    }).on('pointerleave.marks', () => { this.pointer = null; this.tip(); });
    const key = el.appendChild(legend(lang(), tag));
    this.captionEl = el.appendChild(document.createElement('div'));
    this.captionEl.className = 'map-caption';
    this.captionEl.hidden = true;
    // their size changes with the language, the caption's text and the legend opened or closed, not with the time
    this.overlayRo = new ResizeObserver(() => this.overlaysChanged());
    this.overlayRo.observe(key);
    this.overlayRo.observe(this.captionEl);
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(el);
    this.resize();
  }

  /** Say which run the pane shows (comparing), or nothing (''). */
  caption(text: string): void {
    // called at every frame drawn (the captions say when B stopped): touch the page only on a change
    if (this.captionEl.textContent !== text) this.captionEl.textContent = text;
    if (this.captionEl.hidden !== (text === '')) this.captionEl.hidden = text === '';
  }

  /**
   * The caption or the legend changed size (shown, opened, closed, another language): labels are placed
   * again if one now lies under them, or if they left room that a label may take. Read in the observer's
   * callback, where the page's layout is fresh: nothing here makes the browser lay it out again.
   */
  private overlaysChanged(): void {
    const cap = this.captionEl, leg = this.el.querySelector<HTMLElement>('details.legend');
    const W = this.el.clientWidth, H = this.el.clientHeight;
    this.overlays = {
      caption: !cap.hidden && cap.offsetWidth > 0 ? { x: cap.offsetLeft, y: cap.offsetTop, w: cap.offsetWidth, h: cap.offsetHeight } : null,
      legend: leg && leg.offsetWidth > 0 ? { right: W - leg.offsetLeft - leg.offsetWidth, bottom: H - leg.offsetTop - leg.offsetHeight, w: leg.offsetWidth, h: leg.offsetHeight } : null,
    };
    const now = this.overlayBoxes(), was = this.placedAround;
    const within = (a: Box, b: Box) => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
    const freed = was.some((o) => !now.some((n) => within(o, n)));
    const buried = this.placed !== null && this.placed.index.boxes.some((b) => now.some((o) => overlap(b, o)));
    this.placedAround = now;
    if (freed || buried) { this.drawnView = ''; this.redraw(); }
  }

  /** The caption's and the legend's boxes on the map, a little larger (the labels' halo). */
  private overlayBoxes(): Box[] {
    const out: Box[] = [];
    const m = 2;
    const c = this.overlays.caption, l = this.overlays.legend;
    if (c) out.push({ x0: c.x - m, y0: c.y - m, x1: c.x + c.w + m, y1: c.y + c.h + m });
    if (l) { const x1 = this.width - l.right, y1 = this.height - l.bottom; out.push({ x0: x1 - l.w - m, y0: y1 - l.h - m, x1: x1 + m, y1: y1 + m }); }
    return out;
  }

  destroy(): void {
    removeEventListener('beforeprint', this.onPrint);
    removeEventListener('afterprint', this.onPrint);
    this.ro.disconnect();
    this.overlayRo.disconnect();
    this.el.replaceChildren();
  }

  /** Texts in the new language: the legend is rebuilt, the rest follows on the next render. */
  relabel(): void {
    const old = this.el.querySelector('details.legend') as HTMLDetailsElement | null;
    const open = old?.open ?? true;
    if (old) { this.overlayRo.unobserve(old); old.remove(); }
    const box = legend(this.lang(), this.tag);
    box.open = open;
    // B's rows, while B is overlaid here
    box.classList.toggle('with-b', (this.last?.overlay ?? null) !== null);
    this.el.insertBefore(box, this.captionEl);
    this.overlayRo.observe(box);
    this.svg.select('title').text(textIn(this.run.data.scenario.title, this.lang()));
  }

  /**
   * Compare: the runs shown with this one. Both panes (or the overlay) then start on one view that holds every
   * run's incidents: framed each on its own, the panes opened at different zooms. A new comparison starts framed again.
   */
  setCompanions(runs: LoadedRun[]): void {
    if (runs.length === this.companions.length && runs.every((r, i) => r === this.companions[i])) return;
    this.companions = runs;
    this.extentPoints = extentOf([this.run, ...runs]);
    this.userZoomed = false;
    this.sized = false;
    this.resize();
  }

  /** Side by side: the other pane, whose view follows this one's (null: none). */
  link(peer: MapView | null): void { this.peer = peer; }

  /** The other pane was zoomed or panned by the reviewer: the same view here. */
  private follow(t: d3.ZoomTransform): void {
    this.userZoomed = true;
    d3.select(this.el).call(this.zoom.transform, t);
  }

  zoomBy(k: number): void { this.userZoomed = true; d3.select(this.el).call(this.zoom.scaleBy, k); }
  zoomReset(): void { this.userZoomed = true; d3.select(this.el).call(this.zoom.transform, d3.zoomIdentity); }

  private sized = false;

  private resize(): void {
    const r = this.el.getBoundingClientRect();
    const width = Math.max(200, r.width), height = Math.max(200, r.height);
    // the observer's first call reports the size the constructor laid out with
    if (this.sized && width === this.width && height === this.height) return;
    this.sized = true;
    this.width = width;
    this.height = height;
    // sized in pixels, not as 100 % of the map: a percentage made every layout of the page (one per seek) find the
    // SVGs' size changed, twice, and lay out all that is in them again
    for (const svg of [this.svg, this.base, this.top]) {
      svg.attr('width', this.width).attr('height', this.height).attr('viewBox', `0 0 ${this.width} ${this.height}`)
        .style('width', `${this.el.clientWidth}px`).style('height', `${this.el.clientHeight}px`);
    }
    const cw = this.el.clientWidth, ch = this.el.clientHeight, s = Math.min(cw / this.width, ch / this.height) || 1;
    this.fit = { w: cw, h: ch, s, tx: (cw - this.width * s) / 2, ty: (ch - this.height * s) / 2 };
    this.canvas.style.width = `${cw}px`;
    this.canvas.style.height = `${ch}px`;
    // Mercator maps longitude and latitude each on their own axis, monotonically: the corners of the
    // points' lon/lat box fit the same as all of them (thousands of incidents), unless they straddle 180°
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of this.extentPoints) { if (lon < x0) x0 = lon; if (lon > x1) x1 = lon; if (lat < y0) y0 = lat; if (lat > y1) y1 = lat; }
    const all: d3.GeoPermissibleObjects = { type: 'MultiPoint', coordinates: this.extentPoints } as any;
    const corners = x1 - x0 < 180 ? { type: 'MultiPoint', coordinates: [[x0, y0], [x1, y0], [x0, y1], [x1, y1]] } as any : all;
    const pts = all;
    // the whole scenario with the room the first view keeps round its places (PLACE_PAD): with 40 px, a place at the
    // edge had its incident fanned off the map (minimal's Mường Xén: its people at risk at x = -2)
    const pad = PLACE_PAD;
    this.projection = d3.geoMercator().fitExtent([[pad.left, pad.top], [this.width - pad.right, this.height - pad.bottom]], corners);
    // a single point (or a tiny scenario) would zoom in without limit: keep at least ~20 km across
    const span: [[number, number], [number, number]] = corners === all ? d3.geoBounds(pts as any) : [[x0, y0], [x1, y1]];
    if (Math.abs(span[1][0] - span[0][0]) < 0.2 && Math.abs(span[1][1] - span[0][1]) < 0.2) {
      const c = d3.geoCentroid(pts as any);
      this.projection = d3.geoMercator().center(c).scale(this.width * 40).translate([this.width / 2, this.height / 2]);
    }
    // the outline is context: drawn once it has loaded, after the first paint (without resampling: its points are dense already)
    const projection = this.projection;
    const draw = () => {
      if (projection !== this.projection || !worldOutline) return;
      const flat = d3.geoMercator().scale(projection.scale()).translate(projection.translate()).center(projection.center()).precision(0);
      this.baseGeo.select('path.countries').attr('d', d3.geoPath(flat)(outline(span)) ?? '');
    };
    if (worldOutline) draw(); else void loadOutline().then(draw);
    if (!this.userZoomed) this.frameAction();
    this.redraw();
  }

  /** once the reviewer zooms or pans, a resize keeps their view */
  private userZoomed = false;

  /**
   * The places where the drill happens, lon/lat: the incidents of the run and their areas, the shelters and the
   * evacuation zones' areas; then the communes or wards (areas that are no other's parent: not the province round
   * them) and the bases in them that lie near those, within their span of them (or, in a run with none of those, all
   * of them). Far-away places (a reinforcement's home town, the road to it) and a typhoon's track are left out:
   * they are context, and 0 shows them.
   */
  private actionPoints(): P[] {
    const s = this.run.data.scenario, model = this.run.replay.model;
    const core: P[] = [];
    const place = (to: P[], p: { x: number; y: number } | undefined) => { if (p) to.push(lonLat(this.run, p.x, p.y)); };
    let n = 0;
    for (const run of [this.run, ...this.companions]) {
      const places = run.replay.model.areaPlace;
      for (const inc of run.history.incidents.values()) {
        core.push(lonLat(run, inc.x, inc.y));
        const p = places.get(inc.area);
        if (p) core.push(lonLat(run, p.x, p.y));
        if (++n > 2000) break;
      }
    }
    for (const sh of s.evacuation.shelters) {
      if (sh.coords) core.push([sh.coords.lon, sh.coords.lat]);
      else if (sh.node && model.travel.nodeIndex.has(sh.node)) { const [x, y] = model.travel.nodeXY[model.travel.nodeIndex.get(sh.node)!]; place(core, { x, y }); }
      else place(core, model.areaPlace.get(sh.area));
    }
    for (const z of s.evacuation.zones) place(core, model.zonePlace.get(z.id));
    const parents = new Set(s.areas.map((a) => a.parent).filter((p) => p !== undefined));
    const leaves = new Set(s.areas.filter((a) => !parents.has(a.id)).map((a) => a.id));
    const nodeArea = new Map(s.travel.nodes.map((nd) => [nd.id, nd.area]));
    const around: P[] = [];
    for (const a of s.areas) if (leaves.has(a.id)) around.push([a.coords.lon, a.coords.lat]);
    for (const u of s.units) {
      const b = model.basePlace.get(u.id);
      if (b && (leaves.has(u.base) || (b.node != null && leaves.has(nodeArea.get(b.node) ?? '')))) place(around, b);
    }
    if (core.length === 0) return around;
    const [lo0, la0, lo1, la1] = lonLatBox(core);
    const m = Math.max(lo1 - lo0, la1 - la0, 0.03);
    return [...core, ...around.filter(([lon, lat]) => lon >= lo0 - m && lon <= lo1 + m && lat >= la0 - m && lat <= la1 + m)];
  }

  /**
   * Start framed on where the drill happens (see actionPoints) when that is a part of the whole, with room
   * round it for the markers drawn beside their place (zones, shelters) and the labels, and with the legend's
   * corner kept clear: the legend's button never lies over a marker of the first view. 0 shows the whole.
   */
  private frameAction(): void {
    const pts = this.actionPoints();
    let [lo0, la0, lo1, la1] = lonLatBox(pts);
    // one place alone (or none) says nothing of where to look: the whole scenario
    if (!(lo1 - lo0 > 1e-6 || la1 - la0 > 1e-6) || lo1 - lo0 >= 180) { d3.select(this.el).call(this.zoom.transform, d3.zoomIdentity); return; }
    // at least ~3 km each way: a handful of places in one street would zoom in without limit
    const minSpan = 0.03;
    if (lo1 - lo0 < minSpan) { const c = (lo0 + lo1) / 2; lo0 = c - minSpan / 2; lo1 = c + minSpan / 2; }
    if (la1 - la0 < minSpan) { const c = (la0 + la1) / 2; la0 = c - minSpan / 2; la1 = c + minSpan / 2; }
    // on Mercator the screen box of the points is that of their lon/lat box's corners (see resize)
    const [x0, y1] = this.projection([lo0, la0]) ?? [0, 0], [x1, y0] = this.projection([lo1, la1]) ?? [0, 0];
    const pad = PLACE_PAD;
    const legend = this.el.querySelector<HTMLElement>('details.legend');
    const lw = legend ? legend.offsetWidth + 8 : 0, lh = legend ? legend.offsetHeight + 8 : 0;
    const fit = (p: typeof pad) => {
      const k = Math.min(64, (this.width - p.left - p.right) / Math.max(1, x1 - x0), (this.height - p.top - p.bottom) / Math.max(1, y1 - y0));
      const cx = (x0 + x1) / 2 + (p.right - p.left) / 2 / k, cy = (y0 + y1) / 2 + (p.bottom - p.top) / 2 / k;
      return { k, t: d3.zoomIdentity.translate(this.width / 2 - k * cx, this.height / 2 - k * cy).scale(k) };
    };
    let best = fit(pad);
    // the legend's button sits in the bottom right corner: where a place of the view (and what is drawn round it) would
    // lie under it, the view keeps clear of its height at the bottom or of its width on the right, whichever loses less
    const near = 40;
    const under = (t: d3.ZoomTransform) => lw > 0 && pts.some((ll) => {
      const [x, y] = t.apply(this.projection(ll) ?? [0, 0]);
      return x > this.width - lw - near && y > this.height - lh - near;
    });
    if (under(best.t)) {
      const a = fit({ ...pad, bottom: Math.max(pad.bottom, lh + near) }), b = fit({ ...pad, right: Math.max(pad.right, lw + near) });
      best = a.k >= b.k ? a : b;
    }
    if (!(best.k > 1.1)) { d3.select(this.el).call(this.zoom.transform, d3.zoomIdentity); return; }
    d3.select(this.el).call(this.zoom.transform, best.t);
  }

  /** lon/lat to screen, through the projection and the current zoom. */
  private pt(ll: P): P {
    const p = this.projection(ll) ?? [0, 0];
    return this.zoomT.apply(p as P) as P;
  }

  private xy(x: number, y: number): P {
    return this.pt(lonLat(this.run, x, y));
  }

  /** An evacuation zone's circle: beside its place, each zone of the area at its own angle, a fixed distance off on screen. */
  private zoneXY(p: { x: number; y: number }, i: number): P {
    const [x, y] = this.xy(p.x, p.y);
    const a = i * 2.2 + 2.2;
    return [x + Math.cos(a) * 34, y + Math.sin(a) * 34];
  }

  /** A shelter's triangle: below left of its place, staggered so that shelters at one place do not hide each other. */
  private shelterXY(c: { lon: number; lat: number }, i: number): P {
    const [x, y] = this.pt([c.lon, c.lat]);
    return [x - 14 - i * 3, y + 14 + (i % 2) * 12];
  }

  /** Labels' sizes by font and text, measured once: they keep their screen size at any zoom. */
  private readonly sizes = new Map<string, { w: number; ascent: number; descent: number }>();
  /** each label class's font, read from the style sheet once */
  private readonly fonts = new Map<string, string>();

  /**
   * A label's size in its own font, measured on a canvas: getBBox would lay the page out
   * at every open, and a canvas measures the same text within a pixel (added to the width).
   */
  private measure(el: Element | string, text: string): { w: number; ascent: number; descent: number } {
    // a marker's text (on the canvas) is given by its font, a label by its element
    const cls = typeof el === 'string' ? '' : el.getAttribute('class') ?? '';
    let font = typeof el === 'string' ? el : this.fonts.get(cls);
    if (font === undefined && typeof el !== 'string') {
      const cs = getComputedStyle(el);
      font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      this.fonts.set(cls, font);
    }
    const key = `${font}|${text}`;
    let size = this.sizes.get(key);
    if (!size) {
      ruler.font = font!;
      const m = ruler.measureText(text);
      size = { w: m.width + 1, ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
      this.sizes.set(key, size);
    }
    return size;
  }

  /**
   * Area names, then zones' and shelters' figures, placed so that none covers
   * another (see labels.ts): areas of a higher tier, then more people, first.
   * Run when the view changes (zoom, size, language), never at a seek: a zone's
   * or a shelter's figures change with the time, so each keeps room for the
   * widest they can be (everyone still there; the shelter full). `overlay`: run B, overlaid on this map
   * (compare, overlay layout): its units resting at their base are kept off too.
   */
  private placeMapLabels(overlay: LoadedRun | null): void {
    const model = this.run.replay.model;
    type Item = { el: SVGTextElement; at: P; own: boolean; quiet?: boolean; reserve: string; spots: readonly Spot[]; rank: [number, number, number, string] };
    // the areas where the run happens (its zones, shelters, incidents): their names come before the others'
    const busy = new Set<string>([...this.run.data.scenario.evacuation.zones.map((z) => z.area), ...[...this.run.history.incidents.values()].map((i) => i.area)]);
    for (const sh of this.run.data.scenario.evacuation.shelters) if (sh.area) busy.add(sh.area);
    const items: Item[] = [];
    // no label hides a place's marker (area, base, shelter), nor goes under one
    const markers: Box[] = [];
    const around = ([x, y]: P, r: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
    this.layer.labels.selectAll<SVGTextElement, { a: { id: string; tier: string; population: number; coords: { lon: number; lat: number } } }>('text.area-name').each((d, i, els) => {
      const at = this.pt([d.a.coords.lon, d.a.coords.lat]);
      markers.push(around(at, 8));
      items.push({ el: els[i], at, own: false, quiet: !busy.has(d.a.id), reserve: els[i].textContent ?? '', spots: AREA_SPOTS, rank: [0, TIERS.indexOf(d.a.tier as (typeof TIERS)[number]), -d.a.population, d.a.id] });
    });
    for (const u of this.run.data.scenario.units) { const b = model.basePlace.get(u.id); if (b) markers.push(around(this.xy(b.x, b.y), 7)); }
    // the units resting at their base, each at its own spot round it: no label goes under them either
    this.rest = this.restSpots(this.run);
    // (minor markers: where an area's name finds no spot clear of them, it may lie over them farther off, rather than be
    // left out: the whole flash flood in view had no name for Mường Xén, whose units fan out round its base)
    const minor: Box[] = [];
    const zoneDiscs: Box[] = [];
    for (const at of this.rest.values()) minor.push(around(at, UNIT_HALF));
    // and B's, overlaid 5 px off A's: a label kept off A's diamond alone lay under B's beside it
    const restB = overlay ? this.restSpots(overlay) : null;
    if (restB) for (const [x, y] of restB.values()) minor.push(around([x + 5, y + 5], UNIT_HALF));
    this.layer.zones.selectAll<SVGGElement, { z: { id: string; population: number }; i: number; p: { x: number; y: number } }>('g.zone').each((d, i, gs) => {
      const at = this.zoneXY(d.p, d.i);
      zoneDiscs.push(around(at, zoneRadius(d.z.population)));
      const pop = d.z.population;
      items.push({ el: gs[i].querySelector('text')!, at, own: true, reserve: this.zoneTravels.has(d.z.id) ? `${pop}↓ ${pop}→ ${pop}⌂` : `${pop}↓ ${pop}⌂`, spots: zoneSpots(zoneRadius(d.z.population)), rank: [1, 0, -d.z.population, d.z.id] });
    });
    this.layer.shelters.selectAll<SVGGElement, { sh: { id: string; capacity_people: number }; i: number; c: { lon: number; lat: number }; w?: { capacity: number } }>('g.shelter').each((d, i, gs) => {
      const at = this.shelterXY(d.c, d.i);
      markers.push({ x0: at[0] - 8, y0: at[1] - 8, x1: at[0] + 8, y1: at[1] + 6 });
      const cap = d.w?.capacity ?? d.sh.capacity_people;
      items.push({ el: gs[i].querySelector('text')!, at, own: true, reserve: `${cap}/${cap}`, spots: SHELTER_SPOTS, rank: [2, 0, -cap, d.sh.id] });
    });
    items.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2] || (a.rank[3] < b.rank[3] ? -1 : a.rank[3] > b.rank[3] ? 1 : 0));
    const labels: Label[] = items.map((it) => ({ x: it.at[0], y: it.at[1], ...this.measure(it.el, it.reserve), spots: it.spots }));
    // where the places crowd (a pane of two compared, the whole scenario in view), the names of the areas where the
    // run happens first, then the zones' and shelters' figures, then those names that found no spot, farther off and
    // over the units resting round a base if need be; the quiet areas' names last, where room is left off the zones'
    // circles too (Nậm Cắn's name lay over Mường Xén's zone in the whole flash flood)
    const ks = items.map((_, k) => k);
    const busyNames = ks.filter((k) => !items[k].own && !items[k].quiet), quietNames = ks.filter((k) => items[k].quiet), figures = ks.filter((k) => items[k].own);
    const order: Try[] = [
      ...busyNames.map((k) => ({ label: k, spots: labels[k].spots })), ...figures.map((k) => ({ label: k, spots: labels[k].spots })),
      ...busyNames.map((k) => ({ label: k, spots: AREA_SPOTS_AWAY, overMinor: true })),
      ...quietNames.map((k) => ({ label: k, spots: labels[k].spots, keepOff: zoneDiscs })),
    ];
    // the pane's caption (compare) and the legend lie over the map: no label goes under them
    const fixed = this.overlayBoxes();
    this.placedAround = fixed;
    const spots = placeLabels(labels, [...markers, ...fixed], { x0: 0, y0: 0, x1: this.width, y1: this.height }, 2, minor, order);
    // what a moving label must keep off, for the seeks until the view changes again (see placeMovingLabels)
    for (const el of this.covered) el.removeAttribute('visibility');
    this.covered = [];
    const placedEls: SVGTextElement[] = [], placedLabels: Label[] = [], placedSpots: Spot[] = [], placedBoxes: Box[] = [], under: boolean[] = [];
    items.forEach((it, k) => {
      const s = spots[k];
      if (!s) { it.el.setAttribute('display', 'none'); return; }
      it.el.removeAttribute('display');
      placedEls.push(it.el);
      placedLabels.push(labels[k]);
      placedSpots.push(s);
      placedBoxes.push(boxAt(labels[k], s));
      under.push(it.own);
      // a zone's or shelter's text sits in its marker's group; area names on the labels' layer, in screen units
      it.el.setAttribute('x', String(it.own ? s.dx : it.at[0] + s.dx));
      it.el.setAttribute('y', String(it.own ? s.dy : it.at[1] + s.dy));
      it.el.setAttribute('text-anchor', s.anchor);
    });
    // a zone's or a shelter's figures lie under the incidents' layer (an area's name lies above it)
    this.placedGen++;
    this.placedOverlay = overlay;
    this.restOverlay = overlay && restB ? { gen: this.placedGen, run: overlay, at: restB } : null;
    this.shownNames = new Map();
    this.placed = { els: placedEls, labels: placedLabels, spots: placedSpots, index: new BoxIndex(placedBoxes), markers: new BoxIndex([...markers, ...minor, ...fixed]), under };
  }

  /** where each unit is drawn while it is at its base (screen, for the current view): see restSpots */
  private rest = new Map<string, P>();
  /**
   * The same for run B's units overlaid on this map (compare, overlay layout), made for the view the labels were
   * placed for: B's unit rests at its own spot, 5 px off where A's same unit rests, as each of B's markers sits by A's.
   */
  private restOverlay: { gen: number; run: LoadedRun; at: Map<string, P> } | null = null;

  /**
   * Units at their base fan out round it, each at a spot of its own (by its order among the base's units in the
   * scenario): the spots do not change with the time, so the labels are placed off them once per view.
   */
  private restSpots(run: LoadedRun): Map<string, P> {
    const model = run.replay.model;
    const out = new Map<string, P>(), count = new Map<string, number>();
    for (const u of run.data.scenario.units) {
      const b = model.basePlace.get(u.id);
      if (!b) continue;
      const k = `${b.x},${b.y}`, n = count.get(k) ?? 0;
      count.set(k, n + 1);
      const [x, y] = this.xy(b.x, b.y);
      out.set(u.id, this.fanSpot(x, y, n));
    }
    return out;
  }

  /**
   * The n-th spot of a fan of units round screen point (x, y): n = 0 on it, then outwards clockwise. Where an area's
   * risk badge lies under the fan's middle (a base at its commune's place, a junction there), the first stands below
   * the badge, not on it: a diamond on the hexagon hid the area's risk level (a commune's militia resting at home).
   * The others keep their spots, their corners on the badge's edge, which leaves it readable: a fan pushed out clear
   * of it took the room of the labels and incidents round it where places crowd (a city's wards seen whole).
   */
  private fanSpot(x: number, y: number, n: number): P {
    if (n === 0) return this.onBadge(x, y) ? [x, y + BELOW_BADGE] : [x, y];
    const a = n * 0.9, rad = 9 + n * 1.6;
    return [x + Math.cos(a) * rad, y + Math.sin(a) * rad];
  }

  /**
   * Whether a unit's diamond at screen point (x, y) lies on an area's risk badge: within their outlines and a pixel
   * (`gap`), or reaching more than -gap px in.
   */
  private onBadge(x: number, y: number, gap = 2): boolean {
    const { at, index } = this.badges(), reach = BADGE_REACH + DIAMOND_HALF + gap;
    return index.hits({ x0: x - reach, y0: y - reach, x1: x + reach, y1: y + reach }).some((j) => diamondOnBadge(x - at[j][0], y - at[j][1], gap));
  }

  /** the areas' places on screen for the view they were found for (the badges keep their size at any zoom) */
  private badgesFor: { projection: d3.GeoProjection; zoom: d3.ZoomTransform; at: P[]; index: BoxIndex } | null = null;
  private badges(): { at: P[]; index: BoxIndex } {
    const b = this.badgesFor;
    if (b && b.projection === this.projection && b.zoom === this.zoomT) return b;
    const at = this.run.data.scenario.areas.map((a) => this.pt([a.coords.lon, a.coords.lat]));
    const index = new BoxIndex(at.map(([x, y]) => ({ x0: x - BADGE_REACH, y0: y - BADGE_REACH, x1: x + BADGE_REACH, y1: y + BADGE_REACH })));
    this.badgesFor = { projection: this.projection, zoom: this.zoomT, at, index };
    return this.badgesFor;
  }

  render(t: number, world: World, overlay: { run: LoadedRun; world: World } | null = null): void {
    this.last = { t, world, overlay };
    // the legend's rows for B's marks, while B is overlaid on this map (the box's size changes: labels make room)
    const key = this.el.querySelector('details.legend');
    if (key && key.classList.contains('with-b') !== (overlay !== null)) key.classList.toggle('with-b', overlay !== null);
    this.redraw();
  }

  private redraw(): void {
    if (!this.last) return;
    const { t, world, overlay } = this.last;
    const lang = this.lang();
    const S = STRINGS[lang];
    const run = this.run;
    const s = run.data.scenario;
    const model = run.replay.model;

    // --- hazards on the globe: typhoon track and wind radius
    const path = d3.geoPath(this.projection);
    const typhoons = s.hazards.filter((h) => h.kind === 'typhoon' && h.track && h.track.length);
    const ty = this.geo.select<SVGGElement>('g.typhoon').selectAll<SVGGElement, (typeof typhoons)[number]>('g.storm').data(typhoons, (h) => h.id)
      .join((en) => { const g = en.append('g').attr('class', 'storm'); g.append('path').attr('class', 'track'); g.append('path').attr('class', 'radius'); g.append('title'); return g; });
    ty.each(function (h) {
      const g = d3.select(this);
      const line = { type: 'LineString', coordinates: h.track!.map((p) => [p.coords.lon, p.coords.lat]) } as any;
      g.select('path.track').attr('d', path(line) ?? '');
      const st = trackAt(h, t, model.projection);
      if (!st) return;
      const c = toCoords(model.projection, st.x, st.y);
      const circle = d3.geoCircle().center([c.lon, c.lat]).radius(st.radius_km / 111.195)();
      g.select('path.radius').attr('d', path(circle) ?? '');
      g.attr('data-wind-force', st.wind_force);
      setText(g.select('title'), `${textIn(h.name, lang)}: ${withUnit(String(st.wind_force), WIND_FORCE_UNIT, lang)}, ${Math.round(st.radius_km)} km`);
    });

    // --- evacuation zones, hatched once the hazard has struck
    const zones = s.evacuation.zones.map((z, i) => {
      // where its people set off from (its node or coords, else its area's place): a village up a track is drawn there
      const p = model.zonePlace.get(z.id)!;
      const zw = world.zones[z.id];
      const struck = run.history.zones.get(z.id)?.struck_t;
      const flooded = (struck !== null && struck !== undefined && struck <= t) || (z.hazard_arrives !== undefined && z.hazard_arrives <= t);
      return { z, i, p, zw, flooded };
    });
    const travels = this.zoneTravels;
    const nodeName = (id: string) => textIn(s.travel.nodes.find((n) => n.id === id)?.name, lang) || id;
    this.layer.zones.selectAll<SVGGElement, (typeof zones)[number]>('g.zone').data(zones, (d) => d.z.id)
      .join((en) => { const g = en.append('g').attr('class', 'zone'); g.append('circle'); g.append('text').attr('class', 'small'); g.append('title'); return g; })
      .attr('transform', (d) => { const [x, y] = this.zoneXY(d.p, d.i); return `translate(${x},${y})`; })
      .attr('data-zone', (d) => d.z.id).attr('data-flooded', (d) => String(d.flooded))
      .each(function (d) {
        const g = d3.select(this);
        const r = zoneRadius(d.z.population);
        g.select('circle').attr('r', r).attr('fill', d.flooded ? `url(#flood-${g.node()!.ownerSVGElement!.getAttribute('data-run')})` : 'rgba(0,114,178,0.08)')
          .attr('stroke', '#0072B2').attr('stroke-dasharray', '3 2');
        const state = d.zw ? String(d.zw.m.value) : '';
        // where the figures go is the labels' placement's to say (see placeMapLabels)
        // people on the road have a figure of their own where the zone's shelters are a trip away (engine 0.7.0)
        setText(g.select('text'), !d.zw ? '' : travels.has(d.z.id) ? `${d.zw.remaining}↓ ${d.zw.moving}→ ${d.zw.sheltered}⌂` : `${d.zw.remaining}↓ ${d.zw.sheltered}⌂`);
        // the people on the road to their shelters this step: neither in the zone's figure nor in the shelters' yet
        const moving = d.zw?.moving ?? 0;
        // those of them a cut road left with no way on, and where they wait (engine 0.8.0; a world without ways has none)
        const stranded = d.zw ? strandedWhere(d.zw, nodeName) : null;
        g.attr('data-stranded', stranded ? stranded.n : null);
        setText(g.select('title'), `${S.zone}: ${textIn(d.z.name, lang) || d.z.id} (${state}); ${d.zw?.remaining ?? d.z.population} / ${d.z.population}${moving > 0 ? `, ${moving} ${S.shelterComing}` : ''}${stranded ? ` (${stranded.n} ${S.zoneStranded} ${stranded.where})` : ''}${d.zw?.cut ? `; ${S.zoneCut}` : ''}${d.flooded ? `; ${S.flooded}` : ''}`);
      });

    // --- fire weather: a ring around each area a fire-weather hazard bears on, wider with its risk level
    const fires: { id: string; area: string; x: number; y: number; value: number; level: number; name: string; unit: string | undefined }[] = [];
    for (const h of s.hazards) {
      if (h.kind !== 'fire-weather') continue;
      for (const area of h.areas) {
        const value = model.hazards.value(h, area, t);
        const level = model.hazards.levelAt(h, area, t);
        const p = model.areaPlace.get(area);
        if (p && level > 0) fires.push({ id: `${h.id}/${area}`, area, x: p.x, y: p.y, value, level, name: textIn(h.name, lang), unit: h.unit });
      }
    }
    this.layer.zones.selectAll<SVGGElement, (typeof fires)[number]>('g.fire').data(fires, (d) => d.id)
      .join((en) => { const g = en.append('g').attr('class', 'fire'); g.append('circle'); g.append('title'); return g; })
      .attr('transform', (d) => { const [x, y] = this.xy(d.x, d.y); return `translate(${x},${y})`; })
      .attr('data-fire-level', (d) => d.level)
      .each(function (d) {
        const g = d3.select(this);
        g.select('circle').attr('r', 14 + d.level * 5).attr('stroke-width', 1 + d.level * 0.6);
        setText(g.select('title'), `${S.fireWeather}: ${d.name} ${withUnit(String(Math.round(d.value * 10) / 10), d.unit, lang)} (${S.risk} ${d.level})`);
      });

    // --- roads by status
    const edges = s.travel.edges.map((e) => ({ e, a: model.travel.nodeXY[model.travel.nodeIndex.get(e.from)!], b: model.travel.nodeXY[model.travel.nodeIndex.get(e.to)!], st: world.roads[e.id]?.status ?? 'open', by: world.roads[e.id]?.closed_by }));
    this.layer.roads.selectAll<SVGGElement, (typeof edges)[number]>('g.road').data(edges, (d) => d.e.id)
      .join((en) => { const g = en.append('g').attr('class', 'road'); g.append('line').attr('class', 'halo'); g.append('line').attr('class', 'line'); g.append('title'); return g; })
      .attr('data-road', (d) => d.e.id).attr('data-status', (d) => d.st)
      .each((d, i, nodes) => {
        const g = d3.select(nodes[i]);
        const [x1, y1] = this.xy(d.a[0], d.a[1]);
        const [x2, y2] = this.xy(d.b[0], d.b[1]);
        const st = ROAD_STYLE[d.st] ?? ROAD_STYLE.open;
        g.selectAll('line').attr('x1', x1).attr('y1', y1).attr('x2', x2).attr('y2', y2);
        g.select('line.line').attr('stroke', st.colour).attr('stroke-width', st.width).attr('stroke-dasharray', st.dash);
        // a road closed by someone's order is not one the hazard cut: the tooltip says whose
        const label = d.by !== undefined ? S.roadClosedBy.replace('{role}', wordsFor(run, lang).name('role', d.by))
          : d.st === 'open' ? S.roadOpen : d.st === 'degraded' ? S.roadDegraded : S.roadCut;
        setText(g.select('title'), `${textIn(d.e.name, lang) || d.e.id}: ${label}`);
      });

    // --- areas: risk level fill, civil-defence level badge. A hexagon, not a circle: the risk colours (Decision
    // 18/2021) run yellow-orange-red-purple as the incidents' severity does, and a numbered circle read as an incident
    const areas = s.areas.map((a) => ({ a, p: model.areaPlace.get(a.id)!, w: world.areas[a.id] }));
    this.layer.areas.selectAll<SVGGElement, (typeof areas)[number]>('g.area').data(areas, (d) => d.a.id)
      .join((en) => { const g = en.append('g').attr('class', 'area'); g.append('path').attr('class', 'badge').attr('d', RISK_BADGE); g.append('text').attr('class', 'level'); g.append('title'); return g; })
      .attr('transform', (d) => { const [x, y] = this.pt([d.a.coords.lon, d.a.coords.lat]); return `translate(${x},${y})`; })
      .attr('data-area', (d) => d.a.id).attr('data-risk', (d) => d.w?.risk ?? 0)
      .each(function (d) {
        const g = d3.select(this);
        const risk = d.w?.risk ?? 0;
        const level = d.w ? (d.w.level.context.level as number) : 0;
        g.select('path.badge').attr('fill', RISK_COLOUR[risk] ?? '#fff').attr('stroke', '#333');
        setText(g.select('text.level').attr('x', -3.5).attr('y', 3.5).attr('class', 'level small'), risk > 0 ? String(risk) : '');
        g.attr('data-level', level);
        setText(g.select('title'), `${textIn(d.a.name, lang)}: ${risk > 0 ? `${S.risk} ${risk}` : S.riskNone}; ${level > 0 ? `${S.level} ${level}` : S.levelNone}${d.w?.isolated ? `; ${S.isolated}` : ''}`);
        g.classed('declared', level > 0);
      });

    // --- bases (and, below, area names): they move only with the view, and a seek leaves them be
    const view = `${this.zoomT}|${this.width}x${this.height}|${lang}`;
    // the labels keep off B's resting units too while B is overlaid: placed again when it comes or goes
    const viewChanged = view !== this.drawnView || (overlay?.run ?? null) !== this.placedOverlay;
    this.drawnView = view;
    if (viewChanged) {
      const bases = new Map<string, { id: string; x: number; y: number }>();
      for (const u of s.units) { const b = model.basePlace.get(u.id)!; const k = `${b.x.toFixed(3)},${b.y.toFixed(3)}`; if (!bases.has(k)) bases.set(k, { id: u.base, x: b.x, y: b.y }); }
      this.layer.bases.selectAll<SVGRectElement, { id: string; x: number; y: number }>('rect.base').data([...bases.values()], (d) => d.id)
        .join((en) => { const r = en.append('rect').attr('class', 'base').attr('width', 12).attr('height', 12); r.append('title'); return r; })
        .attr('x', (d) => this.xy(d.x, d.y)[0] - 6).attr('y', (d) => this.xy(d.x, d.y)[1] - 6)
        .select('title').text((d) => `${S.base}: ${d.id}`);
    }
    // --- shelters
    const shelters = s.evacuation.shelters.map((sh, i) => {
      const c = sh.coords ? sh.coords : sh.node && model.travel.nodeIndex.has(sh.node) ? toCoords(model.projection, ...model.travel.nodeXY[model.travel.nodeIndex.get(sh.node)!]) : toCoords(model.projection, model.areaPlace.get(sh.area)!.x, model.areaPlace.get(sh.area)!.y);
      return { sh, i, c, w: world.shelters[sh.id] };
    });
    this.layer.shelters.selectAll<SVGGElement, (typeof shelters)[number]>('g.shelter').data(shelters, (d) => d.sh.id)
      .join((en) => { const g = en.append('g').attr('class', 'shelter'); g.append('path').attr('d', 'M0,-8 L8,6 L-8,6 Z'); g.append('text').attr('class', 'small'); g.append('title'); return g; })
      .attr('transform', (d) => { const [x, y] = this.shelterXY(d.c, d.i); return `translate(${x},${y})`; })
      .attr('data-shelter', (d) => d.sh.id).attr('data-state', (d) => String(d.w?.m.value ?? ''))
      .each(function (d) {
        const g = d3.select(this);
        g.classed('open', d.w?.m.value === 'open' || d.w?.m.value === 'full');
        // the people in it (those on their way are not yet: the tooltip says the places it holds for them; a figure
        // '639+61/700' would need room kept for it beside every shelter, which crowded the flash flood's lowland)
        const coming = d.w?.incoming ?? 0;
        setText(g.select('text'), d.w && d.w.occupancy > 0 ? `${d.w.occupancy}/${d.w.capacity}` : '');
        setText(g.select('title'), `${S.shelter}: ${textIn(d.sh.name, lang) || d.sh.id} ${d.w ? `${d.w.occupancy}/${d.w.capacity}${coming > 0 ? `, ${coming} ${S.shelterComing}` : ''} (${S.shelterStates[String(d.w.m.value)] ?? String(d.w.m.value)})` : ''}`);
      });

    // --- evacuees on the road (engine 0.8.0: each group keeps its way): a dot where each group on its way is now,
    // and at each junction where a cut road left groups with no open road on, a marker with how many wait there.
    // Read off the world the seek restored (its zones' groups on the road), as the zone's tooltip is: no index to
    // keep, and a seek costs a pass over the groups on the road at that time
    // run B's overlaid (compare, overlay layout) GHOST_OFF off where A's would be, dashed as B's incidents are, its
    // tooltips saying whose they are: where one run's people are stranded at a bridge and the other's got through
    const a = tripMarks(run, world, t, lang, nodeName);
    const b = overlay ? tripMarks(overlay.run, overlay.world, t, lang, nodeName) : null;
    const ghostOf = <T extends { x: number; y: number; title: string }>(list: T[]) => list.map((d) => ({ ...d, ghost: true, title: `${S.runB}: ${d.title}` }));
    const moving = b ? [...a.moving.map((d) => ({ ...d, ghost: false })), ...ghostOf(b.moving)] : a.moving.map((d) => ({ ...d, ghost: false }));
    const stranded = b ? [...a.stranded.map((d) => ({ ...d, ghost: false })), ...ghostOf(b.stranded)] : a.stranded.map((d) => ({ ...d, ghost: false }));
    const placeAt = (d: { x: number; y: number; ghost: boolean }) => { const [x, y] = this.xy(d.x, d.y); const o = d.ghost ? GHOST_OFF : 0; return `translate(${x + o},${y + o})`; };
    this.layer.trips.selectAll<SVGGElement, (typeof moving)[number]>('g.trip').data(moving)
      .join((en) => { const g = en.append('g').attr('class', 'trip'); g.append('circle').attr('r', 3); g.append('title'); return g; })
      .attr('transform', placeAt).classed('ghost', (d) => d.ghost)
      .attr('data-zone', (d) => d.zone).attr('data-n', (d) => d.n).attr('data-run', (d) => (d.ghost ? 'b' : 'a'))
      .each(function (d) { setText(d3.select(this).select('title'), d.title); });
    this.layer.stranded.selectAll<SVGGElement, (typeof stranded)[number]>('g.stranded').data(stranded, (d) => `${d.ghost ? 'b' : 'a'}:${d.node}`)
      .join((en) => { const g = en.append('g').attr('class', 'stranded'); g.append('rect').attr('rx', 4).attr('height', 14).attr('y', -7); g.append('text').attr('y', 3.5).attr('text-anchor', 'middle'); g.append('title'); return g; })
      .attr('transform', placeAt).classed('ghost', (d) => d.ghost)
      .attr('data-node', (d) => d.node).attr('data-stranded', (d) => d.n).attr('data-run', (d) => (d.ghost ? 'b' : 'a'))
      .each(function (d) {
        const g = d3.select(this);
        const text = String(d.n), w = 8 + text.length * 6.2;
        g.select('rect').attr('x', -w / 2).attr('width', w);
        setText(g.select('text'), text);
        setText(g.select('title'), d.title);
      });

    // --- labels on top: area names (placed when the view changes), then the typhoon's eye (screen-sized)
    if (viewChanged) {
      this.layer.labels.selectAll<SVGTextElement, (typeof areas)[number]>('text.area-name').data(areas, (d) => d.a.id)
        .join('text').attr('class', 'area-name').attr('data-area', (d) => d.a.id)
        .text((d) => textIn(d.a.name, lang));
      this.placeMapLabels(overlay?.run ?? null);
    }
    // the placed labels a moving label covers at this time, whatever side it takes (hidden below)
    const covers = new Set<number>();
    // the area names moved off (or hidden under) the incidents' circles at this time: none yet (see keepNamesOff)
    this.seekNames = { moved: new Map(), boxes: new BoxIndex(), discs: [], discBoxes: new BoxIndex() };

    // --- incidents: open ones from the engine's world, recently resolved ones faded
    // the people at risk placed so far (A's, then B's overlaid: B's keep off A's too), then the typhoon eye's wind force
    const taken = new BoxIndex();
    // where the incidents are drawn (A's, then B's overlaid), and the area names moved off them
    const incidentsA = this.layoutIncidents(run, world, t, false);
    const incidentsB = overlay ? this.layoutIncidents(overlay.run, overlay.world, t, true) : null;
    // where the units are drawn, but those on scene, which stand on their incident's rim off its people at risk:
    // the people at risk keep off the units (a diamond over a number hides it), then the units on scene off them
    const unitsA = this.layoutUnits(run, world, t, false);
    const unitsB = overlay ? this.layoutUnits(overlay.run, overlay.world, t, true) : null;
    const diamonds = new BoxIndex();
    for (const [list, off] of [[unitsA, 0], [unitsB, 5]] as const) {
      for (const u of list ?? []) if (!u.rim) diamonds.add({ x0: u.sx + off - UNIT_HALF + 1, y0: u.sy + off - UNIT_HALF + 1, x1: u.sx + off + UNIT_HALF - 1, y1: u.sy + off + UNIT_HALF - 1 });
    }
    // B's circles, overlaid above A's layer: their dashed outlines would cross A's people at risk out
    let ghostIndex: BoxIndex | null = null;
    const ghostsB = incidentsB?.filter((d) => !d.resolved) ?? [];
    const underGhosts = ghostsB.length === 0 ? null : (b: Box) => {
      ghostIndex ??= new BoxIndex(ghostsB.map((d) => ({ x0: d.sx + 5 - d.r, y0: d.sy + 5 - d.r, x1: d.sx + 5 + d.r, y1: d.sy + 5 + d.r })));
      return ghostIndex.hits(b).some((j) => discOnBox(ghostsB[j].sx + 5, ghostsB[j].sy + 5, ghostsB[j].r, b, 0));
    };
    this.drawn.own.incidents = this.drawIncidents(run, incidentsA, false, covers, taken, diamonds, underGhosts);
    if (overlay) {
      // B's markers sit a few pixels off A's so that where both agree, both still show (GHOST_OFF)
      // B's people at risk, drawn above A's filled circles, would hide the severity written in them
      const openA = incidentsA.filter((d) => !d.resolved);
      let aIndex: BoxIndex | null = null;
      const onA = openA.length === 0 ? null : (b: Box) => {
        aIndex ??= new BoxIndex(openA.map((d) => ({ x0: d.sx - d.r, y0: d.sy - d.r, x1: d.sx + d.r, y1: d.sy + d.r })));
        return aIndex.hits(b).some((j) => discOnBox(openA[j].sx, openA[j].sy, openA[j].r, b, 0));
      };
      this.drawn.ghost.incidents = this.drawIncidents(overlay.run, incidentsB!, true, covers, taken, diamonds, onA);
    }
    // the typhoon's eye, on the labels' layer: its wind force keeps off the circles, diamonds and people at risk drawn
    // under it (placed first: they have fewer sides to go to), and goes into `taken`, which the units standing on an
    // incident's rim keep off as off the numbers
    const eyes = typhoons.map((h) => { const st = trackAt(h, t, model.projection); return st ? { id: h.id, c: toCoords(model.projection, st.x, st.y), f: st.wind_force } : null; }).filter((e) => e !== null);
    const seek = this.seekNames;
    const onCircle = (b: Box) => seek.discBoxes.hits(b).some((j) => discOnBox(seek.discs[j].x, seek.discs[j].y, seek.discs[j].r, b, 0));
    const onIncident = (b: Box) => onCircle(b) || taken.any(b, 1);
    const eyeHides = (b: Box) => diamonds.any(b) || onIncident(b);
    // where every side is in the way (the whole scenario in view, the eye over a town's markers): a side off the
    // circles (their severity drawn in them) and numbers over a diamond, else one off the diamonds
    const eyeFallbacks: Fallback[] = [{ hides: eyeHides }, { hides: eyeHides, overLabels: true }, { hides: onIncident }, { hides: (b) => diamonds.any(b) }];
    this.layer.labels.selectAll<SVGGElement, (typeof eyes)[number]>('g.eye').data(eyes, (d) => d!.id)
      .join((en) => { const g = en.append('g').attr('class', 'eye'); g.append('circle').attr('r', 6); g.append('text').attr('x', 9).attr('y', 4).attr('class', 'small'); return g; })
      .each((d, i, gs) => {
        const [x, y] = this.pt([d!.c.lon, d!.c.lat]);
        const g = gs[i], label = g.lastChild as SVGTextElement, text = withUnit(String(d!.f), WIND_FORCE_UNIT, lang, true);
        const at = `translate(${x},${y})`;
        if (g.getAttribute('transform') !== at) g.setAttribute('transform', at);
        if (label.textContent !== text) label.textContent = text;
        const { spot: s, box } = this.movingSpot(label, text, x, y, EYE_SPOTS, covers, eyeHides, eyeFallbacks);
        taken.add(box);
        if (label.getAttribute('x') !== String(s.dx) || label.getAttribute('y') !== String(s.dy)) { label.setAttribute('x', String(s.dx)); label.setAttribute('y', String(s.dy)); label.setAttribute('text-anchor', s.anchor); }
      });
    this.drawn.own.units = this.drawUnits(run, unitsA, false, covers, taken);
    if (overlay) this.drawn.ghost.units = this.drawUnits(overlay.run, unitsB!, true, covers, taken);
    else this.drawn.ghost = { incidents: [], units: [] };
    this.showNames(covers);
    this.hideCovered(covers);
    this.paint();
    this.tip();
  }

  /** Draw the markers laid out last on the canvas, sized first if the map's size or the screen's density changed. */
  private paint(): void {
    const dpr = this.printing ? Math.max(3, devicePixelRatio) : devicePixelRatio, f = this.fit;
    const size = `${f.w}x${f.h}@${dpr}`;
    if (size !== this.canvasFor) {
      this.canvasFor = size;
      this.canvas.width = Math.round(f.w * dpr);
      this.canvas.height = Math.round(f.h * dpr);
    }
    this.markFont('sev');
    paintMarks(this.ctx, dpr * f.s, dpr * f.tx, dpr * f.ty, [this.drawn.own, this.drawn.ghost], this.fontsNow!, this.sprites);
  }

  private fontsNow: ReturnType<typeof markFonts> | null = null;
  private readonly sprites = new Sprites();
  private markFont(k: keyof ReturnType<typeof markFonts>): string {
    return (this.fontsNow ??= markFonts(getComputedStyle(this.el).fontFamily))[k];
  }

  /**
   * What the markers show now, in page pixels (B's overlaid where they are drawn, 5 px off): for the tests and
   * any tool that reads the map, as the SVG markers' elements were read. A diamond's `half`: half its width.
   */
  markers() {
    const r = this.canvas.getBoundingClientRect(), f = this.fit, k = f.s;
    const at = (x: number, y: number, ghost: boolean) => ({ x: r.left + f.tx + (x + (ghost ? GHOST_OFF : 0)) * k, y: r.top + f.ty + (y + (ghost ? GHOST_OFF : 0)) * k });
    const incidents = [...this.drawn.own.incidents, ...this.drawn.ghost.incidents].map((d) => {
      const c = at(d.x, d.y, d.ghost), p = d.people_at;
      const x0 = p ? (p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - p.w / 2 : p.x - p.w) : 0;
      return {
        id: d.id, ghost: d.ghost, resolved: d.resolved, phase: d.phase, severity: d.severity, people: d.people, fill: d.fill, stroke: d.stroke, dashed: d.dash !== null,
        cx: c.x, cy: c.y, r: d.r * k,
        people_box: p ? { text: p.text, left: c.x + x0 * k, right: c.x + (x0 + p.w) * k, top: c.y + (p.y - p.ascent) * k, bottom: c.y + (p.y + p.descent) * k } : null,
        leader: d.leader ? { x: c.x + d.leader.x * k, y: c.y + d.leader.y * k, foot: d.leader.foot } : null,
      };
    });
    const units = [...this.drawn.own.units, ...this.drawn.ghost.units].map((u) => {
      const c = at(u.x, u.y, u.ghost);
      return { id: u.id, ghost: u.ghost, state: u.state, incident: u.incident, colour: u.colour, cx: c.x, cy: c.y, half: DIAMOND_HALF * k };
    });
    return { incidents, units };
  }

  /**
   * The placed labels (placed once per view) that open incidents' circles lie on at this time: an area's name is drawn
   * above the incidents, and one over a circle leaves neither readable; a zone's or a shelter's figures lie under
   * them, and a circle over them hid them (a shelter's '700/700' under a bank collapse's circle for an hour, in a
   * pane of two compared). Each such label takes the first of its other spots clear of every circle drawn at this
   * time, of the placed labels and of the places' markers; where none is clear, the marker wins: the label is hidden
   * while the circle is there. Called once per layer of incidents (A's, then B's overlaid, `off` px off), before any
   * people at risk are placed (they keep off the labels where they went).
   */
  private keepNamesOff(discs: readonly { x: number; y: number; r: number }[], off: number): void {
    const p = this.placed, seek = this.seekNames;
    if (!p || discs.length === 0) return;
    const added = new BoxIndex();
    for (const d of discs) {
      const x = d.x + off, y = d.y + off;
      seek.discs.push({ x, y, r: d.r });
      seek.discBoxes.add({ x0: x - d.r, y0: y - d.r, x1: x + d.r, y1: y + d.r });
      added.add({ x0: x - d.r, y0: y - d.r, x1: x + d.r, y1: y + d.r });
    }
    // a circle on a name: one that reaches into its letters (its box less the font's room above and below them,
    // 2 px, and a pixel at each end); a circle's rim touching the name's halo leaves both readable
    const onDisc = (b: Box, among: BoxIndex, from: number) => {
      const ink: Box = { x0: b.x0 + 1, y0: b.y0 + 2, x1: b.x1 - 1, y1: b.y1 - 2 };
      return among.hits(ink, 0).some((j) => { const c = seek.discs[from + j]; return discOnBox(c.x, c.y, c.r, ink, 0); });
    };
    const first = seek.discs.length - discs.length;
    // the names the new circles lie on: where they are placed, or where an earlier layer's circles moved them
    const redo = new Set<number>();
    for (let k = 0; k < discs.length; k++) {
      const b = added.boxes[k];
      for (const i of p.index.hits(b, 1)) if (!seek.moved.has(i) && onDisc(boxAt(p.labels[i], p.spots[i]), added, first)) redo.add(i);
    }
    for (const [i, s] of seek.moved) if (s && onDisc(boxAt(p.labels[i], s), added, first)) redo.add(i);
    if (redo.size === 0) return;
    const view: Box = { x0: 0, y0: 0, x1: this.width, y1: this.height };
    for (const i of [...redo].sort((a, b) => a - b)) {
      const l = p.labels[i];
      let pick: Spot | null = null;
      for (const s of l.spots === AREA_SPOTS ? AREA_SPOTS_AWAY : l.spots) {
        if (s === p.spots[i]) continue;
        const b = boxAt(l, s);
        if (b.x0 < view.x0 || b.y0 < view.y0 || b.x1 > view.x1 || b.y1 > view.y1) continue;
        if (p.index.any(b, 2, i) || seek.boxes.any(b, 2) || p.markers.any(b) || onDisc(b, seek.discBoxes, 0)) continue;
        pick = s;
        break;
      }
      seek.moved.set(i, pick);
      if (pick) seek.boxes.add(boxAt(l, pick));
    }
  }

  /** Write the placed labels' spots for this time (see keepNamesOff): moved ones where they went, hidden ones to `covers`, the rest back where they were placed. */
  private showNames(covers: Set<number>): void {
    const p = this.placed;
    if (!p) return;
    const now = this.seekNames.moved, was = this.shownNames;
    // a zone's or a shelter's figures sit in its marker's group (spots relative to it); area names in screen units
    const put = (i: number, s: Spot) => {
      const el = p.els[i], l = p.labels[i];
      el.setAttribute('x', String(p.under[i] ? s.dx : l.x + s.dx)); el.setAttribute('y', String(p.under[i] ? s.dy : l.y + s.dy)); el.setAttribute('text-anchor', s.anchor);
    };
    for (const [i, s] of now) {
      if (!s) { covers.add(i); continue; }
      if (was.get(i) === s) continue;
      put(i, s);
    }
    for (const [i, s] of was) {
      if (now.get(i) || !s || p.els[i] === undefined) continue;
      put(i, p.spots[i]);
    }
    this.shownNames = new Map([...now].filter(([, s]) => s !== null));
  }

  /** this time's area names moved off incidents' circles (null: hidden), their new boxes, and the circles drawn so far */
  private seekNames: { moved: Map<number, Spot | null>; boxes: BoxIndex; discs: { x: number; y: number; r: number }[]; discBoxes: BoxIndex } = { moved: new Map(), boxes: new BoxIndex(), discs: [], discBoxes: new BoxIndex() };
  /** the area names shown off their placed spot, as last written */
  private shownNames = new Map<number, Spot | null>();

  /**
   * Where a label that moves with the time goes, at screen point (x, y): the first of its spots clear of the
   * placed labels (and, if it can, of the places' markers and of what `blocked` says: other incidents' circles
   * and labels); where none is clear, its first, and the placed labels whose text it covers are added to
   * `covers`. A few look-ups in the placed labels' grid: cheap at every seek.
   */
  private movingSpot(el: SVGTextElement | string, text: string, x: number, y: number, spots: readonly Spot[], covers: Set<number>, blocked: ((b: Box) => boolean) | null, fallbacks: readonly Fallback[] = []): { spot: Spot; box: Box } {
    const l: Label = { x, y, ...this.measure(el, text), spots };
    const p = this.placed;
    if (!p) return { spot: spots[0], box: boxAt(l, spots[0]) };
    const moved = this.seekNames.boxes;
    const r = placeMoving(l, p.index, (b) => p.markers.any(b) || moved.any(b, 1) || (blocked !== null && blocked(b)), 1, fallbacks);
    const box = boxAt(l, r.spot);
    // placed with room for their widest text: what a zone or a shelter shows now may be narrower, and clear of it
    for (const i of r.covers) if (overlap(box, this.shownBox(i))) covers.add(i);
    return { spot: r.spot, box };
  }

  /** The box of placed label i's text as it reads now (a zone's or a shelter's figures change with the time). */
  private shownBox(i: number): Box {
    const p = this.placed!, el = p.els[i];
    return boxAt({ ...p.labels[i], ...this.measure(el, el.textContent ?? '') }, this.seekNames.moved.get(i) ?? p.spots[i]);
  }

  /** Hide the placed labels a moving label covers now, and show again those it has left (the rest is not touched). */
  private hideCovered(covers: Set<number>): void {
    const els = this.placed?.els ?? [];
    const next = [...covers].map((i) => els[i]);
    for (const el of this.covered) if (!next.includes(el)) el.removeAttribute('visibility');
    for (const el of next) if (!this.covered.includes(el)) el.setAttribute('visibility', 'hidden');
    this.covered = next;
  }

  /** the tooltip shown (null: none, the pointer goes through to the map) */
  private tipShown: string | null = null;

  /** The marker under the pointer, if any: the canvas takes the pointer and says what it is, at the time shown. */
  private tip(): void {
    const f = this.fit;
    const m = this.pointer ? markAt([this.drawn.own, this.drawn.ghost], (this.pointer[0] - f.tx) / f.s, (this.pointer[1] - f.ty) / f.s) : null;
    const v = m ? m.tip() : null;
    if (v === this.tipShown) return;
    this.tipShown = v;
    if (v === null) { this.canvas.removeAttribute('title'); this.canvas.style.pointerEvents = ''; } else { this.canvas.title = v; this.canvas.style.pointerEvents = 'auto'; }
  }
  /** the view (zoom, size, language) the bases and area names were last drawn for */
  private drawnView = '';
  /** run B, overlaid on this map when its labels were last placed (see placeMapLabels) */
  private placedOverlay: LoadedRun | null = null;

  /** the open incidents as last drawn, by layer: their true spot, where their circle is drawn, and its radius */
  private readonly drawnIncidents = new Map<string, Map<string, { ox: number; oy: number; sx: number; sy: number; r: number }>>();
  /** counts the labels' placements (each view's): the symbols incidents keep off are those placed with it */
  private placedGen = 0;
  /** the incidents' fanned-out spots last laid out, by layer (A's, B's overlaid): kept while the view and the incidents stay the same */
  private readonly fans = new Map<string, { key: string; at: [number, number][] }>();

  /**
   * Where each incident marker is drawn, for incidents in fan.ts's order: laid out again only when the view or
   * the incidents shown (or their sizes) change, so playing on through a quiet stretch costs a string compare.
   */
  private fanned(ghost: boolean, all: readonly { id: string; sx: number; sy: number; r: number }[]): [number, number][] {
    const p = this.placed;
    let key = `${this.placedGen}`;
    for (const d of all) key += `|${d.id}:${d.r}:${Math.round(d.sx * 4)},${Math.round(d.sy * 4)}`;
    const was = this.fans.get(ghost ? 'ghost' : 'own');
    if (was && was.key === key) return was.at;
    // B's markers are drawn 5 px off A's: the symbols they keep off are where they lie under B's layer
    const off = ghost ? 5 : 0;
    const near = (index: BoxIndex) => (b: Box): Box[] => {
      if (off === 0) return index.hits(b, 0).map((i) => index.boxes[i]);
      const q: Box = { x0: b.x0 + off, y0: b.y0 + off, x1: b.x1 + off, y1: b.y1 + off };
      return index.hits(q, 0).map((i) => { const m = index.boxes[i]; return { x0: m.x0 - off, y0: m.y0 - off, x1: m.x1 - off, y1: m.y1 - off }; });
    };
    const symbols = p ? near(p.markers) : () => [];
    // and, moved off their place, the placed labels where they can (a name under a circle is moved or hidden: see keepNamesOff)
    const labels = p ? near(p.index) : () => [];
    const at = fanOut(all.map((d) => ({ x: d.sx, y: d.sy, r: d.r })), symbols, FAN_GAP, undefined, labels);
    this.fans.set(ghost ? 'ghost' : 'own', { key, at });
    return at;
  }

  /**
   * The incidents shown at time t (open ones from the engine's world, those resolved within the hour from the
   * history), oldest first, and where each is drawn (fanned out); the area names are moved off their circles.
   */
  private layoutIncidents(run: LoadedRun, world: World, t: number, ghost: boolean) {
    const open = Object.values(world.incidents).map((inc) => ({
      id: inc.id, kind: inc.kind, x: inc.x, y: inc.y, severity: inc.severity, people: inc.people,
      phase: (inc.m.value as Record<string, string>).lifecycle, resolved: false,
    }));
    // resolved within the last hour stay as faint rings (from the history: the world has let them go)
    const recent: typeof open = [];
    if (!ghost && run.history.incidents.size <= 2000) {
      for (const h of run.history.incidents.values()) {
        if (h.resolved_t !== null && h.resolved_t <= t && t - h.resolved_t < 3600) {
          recent.push({ id: h.id, kind: h.kind, x: h.x, y: h.y, severity: valueAt(h.severity, t, 1), people: h.people, phase: 'resolved', resolved: true });
        }
      }
    }
    // oldest first: an incident keeps its spot while it is shown, unless an older one near it comes, goes or grows
    const since = (id: string) => run.history.incidents.get(id)?.reported_t ?? Infinity;
    const listed = [...recent, ...open].map((d) => ({ d, t0: since(d.id) }));
    listed.sort((a, b) => a.t0 - b.t0 || (a.d.id < b.d.id ? -1 : a.d.id > b.d.id ? 1 : 0));
    const all = listed.map(({ d }, i) => {
      const [sx, sy] = this.xy(d.x, d.y);
      return { ...d, k: i, sx, sy, ox: sx, oy: sy, r: 7 + d.severity * 1.6 };
    });
    // markers at (nearly) one place fan out so that none covers another or a place's symbol (see fan.ts)
    if (all.length > 0 && all.length <= FAN_MAX) {
      const at = this.fanned(ghost, all);
      all.forEach((d, i) => { d.sx = at[i][0]; d.sy = at[i][1]; });
    }
    // the area names keep off the open incidents' circles (a faint resolved ring under a name leaves both readable)
    this.keepNamesOff(all.filter((d) => !d.resolved).map((d) => ({ x: d.sx, y: d.sy, r: d.r })), ghost ? 5 : 0);
    // where each incident is drawn: its units on scene stand round that circle, not on its true spot (see drawUnits)
    const drawn = new Map<string, { ox: number; oy: number; sx: number; sy: number; r: number }>();
    for (const d of all) if (!d.resolved) drawn.set(d.id, d);
    this.drawnIncidents.set(ghost ? 'ghost' : 'own', drawn);
    return all;
  }

  /**
   * Draw the incidents laid out by layoutIncidents, each with its people at risk beside it on a side clear of the
   * placed labels, the places' markers, the other circles, the people at risk placed before (`taken`), the
   * units' diamonds (`diamonds`: all but those on scene, which keep off the numbers after) and the other run's
   * circles when two are overlaid (`over`: for A's, B's dashed circles drawn above; for B's, A's filled circles
   * beneath, whose severity a number would hide).
   */
  private drawIncidents(run: LoadedRun, all: ReturnType<MapView['layoutIncidents']>, ghost: boolean, covers: Set<number>, taken: BoxIndex, diamonds: BoxIndex, over: ((b: Box) => boolean) | null): IncidentMark[] {
    const lang = this.lang();
    const S = STRINGS[lang];
    const named = (id: string) => tipName(run, lang, id);
    // the circles, and the people at risk placed so far (`taken`), for each incident's people to keep off others'
    // (where there are few enough incidents to push apart, above)
    // (made when the first incident with people at risk needs them: most seeks of a big run have none)
    const off = ghost ? 5 : 0;
    let circles: BoxIndex | null = null;
    const clear = this.placed && all.length <= FAN_MAX ? (self: number) => {
      circles ??= new BoxIndex(all.map((d) => { const r = 7 + d.severity * 1.6; return { x0: d.sx + off - r, y0: d.sy + off - r, x1: d.sx + off + r, y1: d.sy + off + r }; }));
      const c = circles;
      return (b: Box) => c.any(b, 0, self) || taken.any(b, 2) || diamonds.any(b) || (over !== null && over(b));
    } : null;
    const offDiamonds = (b: Box) => diamonds.any(b);
    // where every side is in the way of something: a side no diamond hides and no other open circle cuts across
    // (the true circle, not its box, which the sides round a crowd all touch), nor another number or a name moved
    // off a circle; else such a side over a placed label (a zone's or a shelter's figures, a name: hidden while
    // the number is there, as under a circle); else a side no diamond hides
    const fallbacks = (self: number): Fallback[] => {
      circles ??= new BoxIndex(all.map((d) => { const r = 7 + d.severity * 1.6; return { x0: d.sx + off - r, y0: d.sy + off - r, x1: d.sx + off + r, y1: d.sy + off + r }; }));
      const c = circles;
      const moved = this.seekNames.boxes;
      const inWay = (b: Box) => diamonds.any(b) || taken.any(b, 1) || moved.any(b, 1) || c.hits(b).some((j) => j !== self && !all[j].resolved && discOnBox(all[j].sx + off, all[j].sy + off, all[j].r, b, 0));
      if (over === null) return [{ hides: inWay }, { hides: inWay, overLabels: true }, { hides: offDiamonds }];
      // two runs overlaid: for A's numbers, B's circles' outlines, drawn above, cross a number out, but a filled circle
      // or a diamond hides it; for B's, drawn above A's filled circles, they would hide A's severity: where every side
      // is on one of those, a side only they touch
      const hides = (b: Box) => inWay(b) || over(b);
      return [{ hides }, { hides, overLabels: true }, { hides: inWay }, { hides: inWay, overLabels: true }, { hides: offDiamonds }];
    };
    // the open incidents' circles, for the leaders (made when the first marker moved off its place needs them)
    let hosts: BoxIndex | null = null;
    const hostsNow = () => (hosts ??= new BoxIndex(all.map((e) => (e.resolved ? NO_BOX : { x0: e.sx - e.r, y0: e.sy - e.r, x1: e.sx + e.r, y1: e.sy + e.r }))));
    // an open incident's filled circle over a zone's or a shelter's figures (they lie under it) would leave a
    // wrong number to read (0/700 for 700/700): they are hidden while it is there
    const p = this.placed;
    if (p && !ghost && p.under.includes(true)) {
      for (const d of all) {
        if (d.resolved) continue;
        const r = 7 + d.severity * 1.6;
        for (const i of p.index.hits({ x0: d.sx - r, y0: d.sy - r, x1: d.sx + r, y1: d.sy + r })) {
          if (!p.under[i]) continue;
          // covered where the circle crosses the middle of the figures' line (a circle grazing a corner leaves them readable)
          const b = this.shownBox(i), mid = b.y1 - p.labels[i].descent - 3.5, dy = mid - d.sy;
          if (dy * dy >= r * r) continue;
          const half = Math.sqrt(r * r - dy * dy);
          if (d.sx - half < b.x1 - 1 && d.sx + half > b.x0 + 1) covers.add(i);
        }
      }
    }
    const font = this.markFont('people');
    return all.map((d): IncidentMark => {
      const r = 7 + d.severity * 1.6;
      const people = d.people > 0 && !d.resolved ? String(d.people) : '';
      let people_at: IncidentMark['people_at'] = null;
      if (people !== '') {
        // beside the marker, on a side clear of the placed labels (B's overlaid markers sit 5 px off)
        const { spot: s, box } = this.movingSpot(font, people, d.sx + off, d.sy + off, peopleSpots(r), covers, clear?.(d.k) ?? offDiamonds, clear ? fallbacks(d.k) : [{ hides: offDiamonds }]);
        if (clear) taken.add(box);
        const m = this.measure(font, people);
        people_at = { text: people, x: s.dx, y: s.dy, anchor: s.anchor, w: m.w - 1, ascent: m.ascent, descent: m.descent };
      }
      // the leader, from the true spot to the marker's centre (the circle covers its inner end)
      const far = Math.hypot(d.ox - d.sx, d.oy - d.sy) >= d.r + LEADER_MIN;
      // where another incident's circle is drawn over the true spot (one at the same place, left on it), the
      // leader starts at that circle's rim, with no dot: the dot and the line crossed out that incident's number
      const from = far ? leaderStart(d, all, hostsNow()) : null;
      return {
        id: d.id, ghost, resolved: d.resolved, phase: d.phase, severity: d.severity, people: d.people, x: d.sx, y: d.sy, r,
        fill: ghost || d.resolved ? null : severityColour(d.severity),
        stroke: ghost ? GHOST_STROKE : d.resolved ? '#777' : '#222',
        dash: ghost ? [3, 2] : d.phase === 'reported' || d.phase === 'assessed' ? [4, 2] : null,
        width: d.phase === 'responding' ? 2.5 : 1.5,
        ink: ghost ? GHOST_INK : d.resolved ? '#555' : severityInk(d.severity),
        people_at,
        leader: from ? { x: from.x - d.sx, y: from.y - d.sy, foot: from.foot } : null,
        tip: () => `${named(d.id)}; ${S.severity.toLocaleLowerCase()} ${d.severity}; ${S.phases[d.phase] ?? d.phase}; ${d.people} ${S.atRisk}`,
      };
    });
  }

  /**
   * Where the units are drawn at time t: a unit at its base at its own spot round it (see restSpots; B's overlaid
   * units too, by B's scenario); units sharing another spot fan out around it so each stays visible; a unit on
   * scene at an incident is marked `rim`, for drawUnits to stand it on that incident's circle.
   */
  private layoutUnits(run: LoadedRun, world: World, t: number, ghost: boolean) {
    const model = run.replay.model;
    const spots = new Map<string, number>();
    let rest = this.rest;
    if (ghost) {
      const o = this.restOverlay;
      if (!o || o.gen !== this.placedGen || o.run !== run) this.restOverlay = { gen: this.placedGen, run, at: this.restSpots(run) };
      rest = this.restOverlay!.at;
    }
    const incidents = this.drawnIncidents.get(ghost ? 'ghost' : 'own');
    return Object.entries(world.units).map(([id, u]) => {
      const [x, y] = unitPosition(model, u, t);
      const d = { id, state: String(u.m.value), incident: u.incident, rim: undefined as { ox: number; oy: number; sx: number; sy: number; r: number } | undefined };
      const [sx, sy] = this.xy(x, y);
      // on scene first: an incident at the unit's own base has it working there, on the incident's rim, not resting
      const inc = d.state === 'on_scene' && d.incident ? incidents?.get(d.incident) : undefined;
      if (inc && Math.abs(inc.ox - sx) < 0.5 && Math.abs(inc.oy - sy) < 0.5) return { ...d, rim: inc, sx, sy };
      const home = model.basePlace.get(id), at = rest.get(id);
      if (home && at && Math.abs(home.x - x) < 1e-6 && Math.abs(home.y - y) < 1e-6) return { ...d, sx: at[0], sy: at[1], rest: true };
      const k = `${Math.round(sx / 4)},${Math.round(sy / 4)}`;
      const n = spots.get(k) ?? 0;
      spots.set(k, n + 1);
      // one on the move is drawn where it is; one standing still (on scene, waiting at a cut road) off the areas' badges
      if (d.state !== 'en_route' && d.state !== 'returning') { const [fx, fy] = this.fanSpot(sx, sy, n); return { ...d, sx: fx, sy: fy }; }
      const a = n * 0.9, rad = n === 0 ? 0 : 9 + n * 1.6;
      return { ...d, sx: sx + Math.cos(a) * rad, sy: sy + Math.sin(a) * rad };
    });
  }

  /**
   * Draw the units laid out by layoutUnits. Units on scene stand round their incident's circle (where it is drawn:
   * fanned out, it may be off its spot), on its rim from the top, clockwise: each at the first spot clear of the
   * people at risk and the typhoon eye's wind force (`taken`), of other incidents' circles, of the units put on
   * rims before, of the places' markers and of the labels; where none is, the first clear of the first three (a
   * diamond on a number hides it; on a marker's edge or a label's, it leaves them readable); where none is either,
   * the first spot not taken.
   */
  private drawUnits(run: LoadedRun, list: ReturnType<MapView['layoutUnits']>, ghost: boolean, covers: Set<number>, taken: BoxIndex): UnitMark[] {
    const lang = this.lang();
    const named = (id: string) => tipName(run, lang, id);
    const S = STRINGS[lang];
    const model = run.replay.model;
    const incidents = this.drawnIncidents.get(ghost ? 'ghost' : 'own');
    const onRim = new Map<string, number[]>();
    const p = this.placed;
    const rims = new BoxIndex();
    // B's markers are drawn 5 px off: the numbers, labels and markers they keep off are where they lie under B's layer
    const off = ghost ? 5 : 0;
    // the incidents' circles, made when the first unit on scene needs them
    let circleIds: string[] = [], circles: BoxIndex | null = null;
    const circlesNow = () => {
      if (!circles) {
        circleIds = incidents ? [...incidents.keys()] : [];
        circles = new BoxIndex(incidents ? [...incidents.values()].map((c) => ({ x0: c.sx - c.r, y0: c.sy - c.r, x1: c.sx + c.r, y1: c.sy + c.r })) : []);
      }
      return circles;
    };
    const placed = list.map((d) => {
      const inc = d.rim;
      if (!inc) return d;
      const used = onRim.get(d.incident!) ?? [];
      onRim.set(d.incident!, used);
      // spots on the rim, then (only where the rim has none off the numbers, the other circles and diamonds) on a
      // ring a diamond farther out, numbered on from the rim's
      const rad0 = inc.r + 5, rad1 = rad0 + 2 * UNIT_HALF - 2;
      const step0 = Math.min(Math.PI / 4, 14 / rad0), step1 = Math.min(Math.PI / 4, 14 / rad1);
      const n0 = Math.round((Math.PI * 2) / step0), n1 = Math.round((Math.PI * 2) / step1);
      const spot = (k: number): P => {
        const [rad, a] = k < n0 ? [rad0, -Math.PI / 2 + k * step0] : [rad1, -Math.PI / 2 + (k - n0) * step1];
        return [inc.sx + Math.cos(a) * rad, inc.sy + Math.sin(a) * rad];
      };
      let pick = -1, level = 5;
      for (let k = 0; k < n0 + n1 && level > 0; k++) {
        if (k === n0 && level < 2) break;
        if (used.includes(k)) continue;
        const [x, y] = spot(k);
        const b: Box = { x0: x - UNIT_HALF + 1, y0: y - UNIT_HALF + 1, x1: x + UNIT_HALF - 1, y1: y + UNIT_HALF - 1 };
        const q: Box = { x0: b.x0 + off, y0: b.y0 + off, x1: b.x1 + off, y1: b.y1 + off };
        // the diamond's middle: over a label's text it hides letters (a zone's '0↓ 630⌂' read '0↓ 63'), not just its edge
        const core: Box = { x0: q.x0 + 3, y0: q.y0 + 3, x1: q.x1 - 3, y1: q.y1 - 3 };
        const onText = p !== null && p.index.hits(core, 0).some((i) => !covers.has(i) && overlap(core, this.shownBox(i)));
        // worst a number hidden (or the eye's wind force); then a label's letters, or an area's badge (its risk level:
        // the hexagon is smaller than a diamond); then a diamond on another's circle or diamond; then on a marker's or a label's edge
        const l = taken.any(q) ? 4 : onText || this.onBadge(x + off, y + off, BADGE_EDGE) ? 3 : rims.any(b) || circlesNow().hits(b).some((i) => circleIds[i] !== d.incident) ? 2
          : p?.markers.any(q) || p?.index.any(q) || this.seekNames.boxes.any(q) ? 1 : 0;
        if (l < level) { pick = k; level = l; }
      }
      if (pick < 0) pick = used.length;
      used.push(pick);
      const [x, y] = spot(pick);
      rims.add({ x0: x - UNIT_HALF, y0: y - UNIT_HALF, x1: x + UNIT_HALF, y1: y + UNIT_HALF });
      return { ...d, sx: x, sy: y };
    });
    // a unit on the move hides the placed labels it passes over (until it has passed): a label half under a marker
    // reads no better than one under another label; units standing still sit by their places, which labels keep off
    if (p) {
      for (const d of placed) {
        if (d.state !== 'en_route' && d.state !== 'returning') continue;
        const b: Box = { x0: d.sx + off - UNIT_HALF, y0: d.sy + off - UNIT_HALF, x1: d.sx + off + UNIT_HALF, y1: d.sy + off + UNIT_HALF };
        for (const i of p.index.hits(b, 0)) if (!covers.has(i) && overlap(b, this.shownBox(i))) covers.add(i);
        for (const [i, s] of this.seekNames.moved) if (s && !covers.has(i) && overlap(b, this.shownBox(i))) covers.add(i);
      }
    }
    return placed.map((d) => ({
      id: d.id, ghost, state: d.state, incident: d.incident ?? null, x: d.sx, y: d.sy, colour: UNIT_COLOUR[d.state] ?? '#888', rest: 'rest' in d && d.rest === true,
      tip: () => `${textIn(model.unit.get(d.id)?.name, lang) || d.id}: ${S.unitStates[d.state] ?? d.state}${d.incident ? ` → ${named(d.incident)}` : ''}`,
    }));
  }
}

/** the canvas labels are measured on (see MapView.measure) */
const ruler = document.createElement('canvas').getContext('2d')!;

/** Where an area's name may go round its marker: right above first (as before), then right, left, below, above. */
const AREA_SPOTS: readonly Spot[] = [
  { dx: 10, dy: -9, anchor: 'start' }, { dx: 11, dy: 4, anchor: 'start' }, { dx: -10, dy: -9, anchor: 'end' }, { dx: -11, dy: 4, anchor: 'end' },
  { dx: 10, dy: 17, anchor: 'start' }, { dx: -10, dy: 17, anchor: 'end' }, { dx: 0, dy: -12, anchor: 'middle' }, { dx: 0, dy: 22, anchor: 'middle' },
];
/**
 * Where an area's name may go when an incident's circle lies on it at the time shown (see keepNamesOff): its own
 * spots, then a little farther out, past the units resting round the place's marker.
 */
const AREA_SPOTS_AWAY: readonly Spot[] = [
  ...AREA_SPOTS, { dx: 24, dy: 4, anchor: 'start' }, { dx: -24, dy: 4, anchor: 'end' }, { dx: 20, dy: 22, anchor: 'start' }, { dx: -20, dy: 22, anchor: 'end' },
  { dx: 20, dy: -16, anchor: 'start' }, { dx: -20, dy: -16, anchor: 'end' }, { dx: 0, dy: 32, anchor: 'middle' },
];
/**
 * above this many incident markers in one layer, they are drawn where they are: laying out thousands costs seconds a
 * seek (bench/viewer.mjs --n=3000 --rate=5: with no limit, seeks showing over 400 markers took 1.9-3.9 s, median;
 * 0.17-0.24 s with it; see docs/viewer.md, Speed)
 */
const FAN_MAX = 400;
/** room between two fanned-out incident markers' circles: their outlines (up to 2.5 px wide) do not touch */
const FAN_GAP = 3;
/** a marker drawn this far (px) or more off its place is tied to it by a leader line */
const LEADER_MIN = 3;

/** half the width of a unit's diamond on screen (a 10 px square turned 45°, and its outline) */
const UNIT_HALF = 8;

/** how far (px) a unit's diamond may reach into an area's badge: its corner on the hexagon's edge */
const BADGE_EDGE = -3;
/** where the unit that would stand on an area's badge stands instead: this far below its place, a corner on its edge */
const BELOW_BADGE = 12;

/** an area's risk badge's corners round its place (RISK_BADGE), and how far they reach from it */
const BADGE_CORNERS: readonly P[] = RISK_BADGE.match(/-?[\d.]+,-?[\d.]+/g)!.map((xy) => xy.split(',').map(Number) as P);
const BADGE_REACH = Math.max(...BADGE_CORNERS.map(([x, y]) => Math.hypot(x, y)));
/** the directions that tell a diamond from a badge apart, where they are (each side's normal: both are convex) */
const BADGE_AXES: readonly P[] = [[Math.SQRT1_2, Math.SQRT1_2], [Math.SQRT1_2, -Math.SQRT1_2], ...BADGE_CORNERS.map(([x0, y0], i) => {
  const [x1, y1] = BADGE_CORNERS[(i + 1) % BADGE_CORNERS.length], l = Math.hypot(x1 - x0, y1 - y0);
  return [(y0 - y1) / l, (x1 - x0) / l] as P;
})];

/**
 * Whether a unit's diamond, its middle (dx, dy) off an area's place, lies on the area's badge, along every side's
 * normal: within `gap` px of it (their outlines are half a pixel each), or, gap below 0, more than -gap px into it.
 */
function diamondOnBadge(dx: number, dy: number, gap: number): boolean {
  return BADGE_AXES.every(([nx, ny]) => {
    const badge = Math.max(...BADGE_CORNERS.map(([x, y]) => Math.abs(x * nx + y * ny)));
    return Math.abs(dx * nx + dy * ny) < badge + DIAMOND_HALF * Math.max(Math.abs(nx), Math.abs(ny)) + gap;
  });
}

/** The lon/lat box of points: [west, south, east, north]. */
function lonLatBox(pts: readonly P[]): [number, number, number, number] {
  let [lo0, la0, lo1, la1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of pts) { if (lon < lo0) lo0 = lon; if (lon > lo1) lo1 = lon; if (lat < la0) la0 = lat; if (lat > la1) la1 = lat; }
  return [lo0, la0, lo1, la1];
}

/** a box that no look-up finds (it keeps a place in a BoxIndex's numbering) */
const NO_BOX: Box = { x0: 1, y0: 1, x1: 0, y1: 0 };

/**
 * Where the leader of incident `d` (drawn off its true spot) starts: on its true spot, with a dot; or, where an open
 * incident's circle (`hosts`, numbered as `all`) is drawn over that spot, where the line from the spot to d's circle
 * leaves that circle, with no dot (the circle marks the place).
 */
/** An incident in a tooltip: named as elsewhere in the viewer, with its id (what the log and `drill` commands call it). */
function tipName(run: LoadedRun, lang: Lang, id: string): string {
  const name = incidentName(run, lang, id);
  return name.includes(id) ? name : `${name} (${id})`;
}

function leaderStart(d: { k: number; ox: number; oy: number; sx: number; sy: number }, all: readonly { sx: number; sy: number; r: number }[], hosts: BoxIndex): { x: number; y: number; foot: boolean } {
  for (const j of hosts.hits({ x0: d.ox, y0: d.oy, x1: d.ox, y1: d.oy })) {
    const e = all[j];
    if (j === d.k || (d.ox - e.sx) ** 2 + (d.oy - e.sy) ** 2 >= e.r * e.r) continue;
    // P(t) = O + t (M - O) on the circle |P - C| = r, the root past O (O lies inside)
    const vx = d.sx - d.ox, vy = d.sy - d.oy, wx = d.ox - e.sx, wy = d.oy - e.sy;
    const a = vx * vx + vy * vy, b = 2 * (vx * wx + vy * wy), c = wx * wx + wy * wy - e.r * e.r;
    const t = Math.min(1, (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a));
    return { x: d.ox + t * vx, y: d.oy + t * vy, foot: false };
  }
  return { x: d.ox, y: d.oy, foot: true };
}

function overlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** the typhoon eye's wind force: right of the eye first (as before), then left, above, below; then above and below, to the right and left */
const EYE_SPOTS: readonly Spot[] = [
  { dx: 9, dy: 4, anchor: 'start' }, { dx: -9, dy: 4, anchor: 'end' }, { dx: 0, dy: -9, anchor: 'middle' }, { dx: 0, dy: 17, anchor: 'middle' },
  { dx: 6, dy: -7, anchor: 'start' }, { dx: -6, dy: -7, anchor: 'end' }, { dx: 6, dy: 15, anchor: 'start' }, { dx: -6, dy: 15, anchor: 'end' },
];

/**
 * an incident's people at risk, by its marker's radius: above right first (as before), then above left, below right,
 * below left, above, below; then right and left, level with its centre (taken only where the others are all in the way)
 */
const PEOPLE_SPOTS = new Map<number, readonly Spot[]>();
function peopleSpots(r: number): readonly Spot[] {
  let s = PEOPLE_SPOTS.get(r);
  if (!s) {
    s = [
      { dx: r + 2, dy: -r + 4, anchor: 'start' }, { dx: -r - 2, dy: -r + 4, anchor: 'end' }, { dx: r + 2, dy: r + 2, anchor: 'start' },
      { dx: -r - 2, dy: r + 2, anchor: 'end' }, { dx: 0, dy: -r - 3, anchor: 'middle' }, { dx: 0, dy: r + 11, anchor: 'middle' },
      { dx: r + 3, dy: 4, anchor: 'start' }, { dx: -r - 3, dy: 4, anchor: 'end' },
    ];
    PEOPLE_SPOTS.set(r, s);
  }
  return s;
}

/** a shelter's occupancy: left of its triangle first (as before), then right, below, above */
const SHELTER_SPOTS: readonly Spot[] = [{ dx: -10, dy: 4, anchor: 'end' }, { dx: 10, dy: 4, anchor: 'start' }, { dx: 0, dy: 18, anchor: 'middle' }, { dx: 0, dy: -11, anchor: 'middle' }];

/** a zone's figures: under its circle first (as before), then above, right, left */
function zoneSpots(r: number): Spot[] {
  return [{ dx: 0, dy: r + 11, anchor: 'middle' }, { dx: 0, dy: -r - 4, anchor: 'middle' }, { dx: r + 3, dy: 4, anchor: 'start' }, { dx: -r - 3, dy: 4, anchor: 'end' }];
}

/** A zone's circle grows with the people in it. */
/** A zone's people stranded on the road (engine 0.8.0), and the places they wait at by name: null when none are. */
function strandedWhere(z: World['zones'][string], nodeName: (id: string) => string): { n: number; where: string } | null {
  let n = 0;
  const at: string[] = [];
  for (const g of z.on_road ?? []) {
    if (g.stranded_t === undefined) continue;
    n += g.n;
    const node = g.way?.nodes[g.way.nodes.length - 1];
    if (node !== undefined && !at.includes(node)) at.push(node);
  }
  return n > 0 ? { n, where: at.map(nodeName).join(', ') } : null;
}

/**
 * The groups of evacuees on the road at time t, from the world restored for it: where each group on its way is
 * along its way (km on the local plane), and, by the junction they wait at, those a cut road stranded (summed
 * over the zones' groups there). A group without a way (no road network: a straight line nothing cuts) is in the
 * zone's figures only.
 */
function tripMarks(run: LoadedRun, world: World, t: number, lang: Lang, nodeName: (id: string) => string): {
  moving: { zone: string; n: number; x: number; y: number; title: string }[];
  stranded: { node: string; n: number; x: number; y: number; title: string }[];
} {
  const S = STRINGS[lang];
  const s = run.data.scenario, model = run.replay.model;
  const moving: { zone: string; n: number; x: number; y: number; title: string }[] = [];
  const at = new Map<string, { n: number; groups: string[] }>();
  for (const z of s.evacuation.zones) {
    const groups = world.zones[z.id]?.on_road;
    if (!groups || groups.length === 0) continue;
    const zoneName = textIn(z.name, lang) || z.id;
    for (const g of groups) {
      const way = g.way;
      if (!way || way.nodes.length === 0 || !way.nodes.every((n) => model.travel.nodeIndex.has(n))) continue;
      const shelter = s.evacuation.shelters.find((sh) => sh.id === g.shelter);
      const to = textIn(shelter?.name, lang) || g.shelter;
      const last = way.nodes.length - 1, elapsed = t - way.t0;
      // still driving along its way (to the shelter, or, stranded, to the junction where it will wait)
      if (elapsed < way.cum_s[last]) {
        const [x, y] = legPosition(model, { t0: way.t0, nodes: way.nodes, cum_s: way.cum_s, travel_s: way.cum_s[last], km: 0 }, elapsed);
        moving.push({ zone: z.id, n: g.n, x, y, title: `${zoneName}: ${g.n} ${S.tripMark} ${to}` });
      }
      if (g.stranded_t === undefined) continue;
      const node = way.nodes[last];
      let w = at.get(node);
      if (!w) at.set(node, (w = { n: 0, groups: [] }));
      w.n += g.n;
      w.groups.push(`${zoneName} → ${to} ${g.n}, ${S.strandedSince} ${clock(g.stranded_t)}`);
    }
  }
  const stranded = [...at].map(([node, w]) => {
    const [x, y] = model.travel.nodeXY[model.travel.nodeIndex.get(node)!];
    return { node, n: w.n, x, y, title: `${nodeName(node)}: ${w.n} ${S.strandedMark} (${w.groups.join('; ')})` };
  });
  return { moving, stranded };
}

function zoneRadius(population: number): number {
  return 6 + Math.sqrt(population) / 5;
}

/** The key to the map's symbols (an HTML overlay; the shapes are drawn with d3 like the map's). */
function legend(lang: Lang, tag: string): HTMLDetailsElement {
  const S = STRINGS[lang];
  const box = document.createElement('details');
  box.className = 'legend';
  box.open = false;
  const sum = document.createElement('summary');
  sum.textContent = S.legend;
  box.append(sum);
  const rows: [string, (g: d3.Selection<SVGGElement, unknown, null, undefined>) => void][] = [];
  for (let sev = 1; sev <= 5; sev++) rows.push([`${S.severity} ${sev}`, (g) => { g.append('circle').attr('cx', 10).attr('cy', 8).attr('r', 4 + sev).attr('fill', severityColour(sev)).attr('stroke', '#222'); g.append('text').attr('x', 10).attr('y', 11.5).attr('text-anchor', 'middle').attr('font-size', 9).attr('font-weight', 700).attr('fill', severityInk(sev)).text(String(sev)); }]);
  rows.push([`12 = ${S.people} ${S.atRisk}`, (g) => { g.append('text').attr('x', 2).attr('y', 12).attr('font-size', 10).attr('font-weight', 600).text('12'); }]);
  for (const st of Object.keys(UNIT_COLOUR)) rows.push([S.unitStates[st] ?? st, (g) => { g.append('rect').attr('x', 6).attr('y', 4).attr('width', 8).attr('height', 8).attr('transform', 'rotate(45 10 8)').attr('fill', UNIT_COLOUR[st]).attr('stroke', '#111'); }]);
  for (const [st, label] of [['open', S.roadOpen], ['degraded', S.roadDegraded], ['cut', S.roadCut]] as const) rows.push([label, (g) => { const r = ROAD_STYLE[st]; g.append('line').attr('x1', 0).attr('x2', 20).attr('y1', 8).attr('y2', 8).attr('stroke', r.colour).attr('stroke-width', r.width).attr('stroke-dasharray', r.dash); }]);
  for (let risk = 1; risk <= 5; risk++) rows.push([`${S.risk} ${risk}`, (g) => { g.append('path').attr('d', RISK_BADGE).attr('transform', 'translate(10,8)').attr('fill', RISK_COLOUR[risk]).attr('stroke', '#333'); g.append('text').attr('x', 10).attr('y', 11.5).attr('text-anchor', 'middle').attr('font-size', 9).attr('font-weight', 700).text(String(risk)); }]);
  rows.push([S.base, (g) => { g.append('rect').attr('x', 4).attr('y', 2).attr('width', 12).attr('height', 12).attr('fill', '#fff').attr('stroke', '#1d232b'); }]);
  rows.push([S.shelter, (g) => { g.append('path').attr('d', 'M10,1 L17,14 L3,14 Z').attr('fill', '#009E73').attr('stroke', '#009E73'); }]);
  rows.push([S.tripLegend, (g) => { g.append('circle').attr('class', 'trip-dot').attr('cx', 10).attr('cy', 8).attr('r', 3); }]);
  rows.push([S.strandedLegend, (g) => { g.append('rect').attr('class', 'stranded-box').attr('x', 3).attr('y', 1).attr('width', 16).attr('height', 14).attr('rx', 4); g.append('text').attr('class', 'stranded-n').attr('x', 11).attr('y', 11.5).attr('text-anchor', 'middle').text('10'); }]);
  rows.push([S.zoneFigures, (g) => { g.append('text').attr('x', 0).attr('y', 12).attr('font-size', 8).text('↓→⌂'); }]);
  rows.push([`${S.zone} / ${S.flooded}`, (g) => { g.append('circle').attr('cx', 10).attr('cy', 8).attr('r', 7).attr('fill', `url(#flood-${tag})`).attr('stroke', '#0072B2').attr('stroke-dasharray', '3 2'); }]);
  rows.push([S.fireWeather, (g) => { g.append('circle').attr('cx', 10).attr('cy', 8).attr('r', 6).attr('class', 'fire-ring').attr('fill', 'rgba(213,94,0,0.08)').attr('stroke', '#D55E00').attr('stroke-dasharray', '4 2').attr('stroke-width', 2); }]);
  rows.push([S.typhoon, (g) => { g.append('circle').attr('cx', 10).attr('cy', 8).attr('r', 7).attr('fill', 'rgba(204,121,167,0.2)').attr('stroke', '#CC79A7'); }]);
  // run B's marks, overlaid on this map as outlines (compare, overlaid; shown only then, see MapView.redraw), drawn
  // as paintMarks and the trips' and stranded markers' ghosts draw them: the caption says "(outlines)", and the
  // legend showed only A's filled marks to read them by
  const B = rows.length;
  rows.push([S.incidentLegendB, (g) => { g.append('circle').attr('cx', 10).attr('cy', 8).attr('r', 6.5).attr('fill', 'none').attr('stroke', GHOST_STROKE).attr('stroke-width', 1.5).attr('stroke-dasharray', '3 2'); g.append('text').attr('x', 10).attr('y', 11.5).attr('text-anchor', 'middle').attr('font-size', 9).attr('font-weight', 700).attr('fill', GHOST_INK).text('3'); }]);
  // two of the states' colours: an outline takes its state's, as A's diamond is filled with it
  rows.push([S.unitLegendB, (g) => { for (const [x, st] of [[5, 'en_route'], [16, 'on_scene']] as const) g.append('rect').attr('x', x - 3.5).attr('y', 4.5).attr('width', 7).attr('height', 7).attr('rx', 1.5).attr('transform', `rotate(45 ${x} 8)`).attr('fill', 'none').attr('stroke', UNIT_COLOUR[st]).attr('stroke-width', 2); }]);
  rows.push([S.tripLegendB, (g) => { g.append('circle').attr('class', 'trip-dot ghost').attr('cx', 10).attr('cy', 8).attr('r', 3); }]);
  rows.push([S.strandedLegendB, (g) => { g.append('rect').attr('class', 'stranded-box ghost').attr('x', 3).attr('y', 1).attr('width', 16).attr('height', 14).attr('rx', 4); g.append('text').attr('class', 'stranded-n').attr('x', 11).attr('y', 11.5).attr('text-anchor', 'middle').text('10'); }]);
  const list = document.createElement('ul');
  for (const [i, [label, draw]] of rows.entries()) {
    const li = document.createElement('li');
    if (i >= B) li.className = 'run-b';
    const svg = d3.create('svg').attr('width', 22).attr('height', 16).attr('aria-hidden', 'true');
    draw(svg.append('g') as unknown as d3.Selection<SVGGElement, unknown, null, undefined>);
    li.append(svg.node()!, document.createTextNode(label));
    list.append(li);
  }
  box.append(list);
  return box;
}
