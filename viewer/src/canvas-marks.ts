/**
 * The incident and unit markers, drawn on a canvas over the map's SVG (which keeps the areas, roads, bases,
 * shelters, zones and hazards) and under the labels' SVG. A seek moves most of these markers: as SVG groups
 * each move cost the browser a restyle, a layout and a repaint of hundreds of elements (its 95th percentile
 * was over a frame); on a canvas a seek is one clear and a few hundred shapes drawn.
 *
 * What the markers said through the DOM is kept: each marker's tooltip (the canvas takes the pointer while it
 * is over one, and carries its text in its `title`, as text), and what is drawn, by id, for the tests and
 * any tool (`MapView.markers`).
 */

/** An incident's marker as drawn, in the map's screen units (B's overlaid markers: 5 px further, see `off`). */
export interface IncidentMark {
  id: string;
  ghost: boolean;
  resolved: boolean;
  phase: string;
  severity: number;
  people: number;
  x: number;
  y: number;
  r: number;
  fill: string | null;
  stroke: string;
  dash: number[] | null;
  width: number;
  /** the severity's colour, written in the circle */
  ink: string;
  /** the people at risk beside it: where their text starts (its anchor, SVG's words) and its box */
  people_at: { text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end'; w: number; ascent: number; descent: number } | null;
  /** the leader from the true spot (relative to the marker's centre), with a dot at that end or not */
  leader: { x: number; y: number; foot: boolean } | null;
  tip: () => string;
}

export interface UnitMark {
  id: string;
  ghost: boolean;
  state: string;
  incident: string | null;
  x: number;
  y: number;
  colour: string;
  /** resting at its base: drawn under the incidents (an incident at the base kept its number under the diamonds) */
  rest: boolean;
  tip: () => string;
}

/** half the diagonal of a unit's diamond (a 10 px square turned 45°) */
export const DIAMOND_HALF = 5 * Math.SQRT2;
/** B's markers, overlaid, sit this far (px) right and down of A's */
export const GHOST_OFF = 5;

/** the fonts of the markers' texts, as the style sheet gave them when they were SVG texts */
export const markFonts = (family: string) => ({ sev: `700 11px ${family}`, people: `600 10px ${family}` });

/**
 * The markers' images, drawn once each and then copied where they go: the 50 diamonds and 52 circles of a busy
 * seek, drawn as shapes, cost the browser 1.5-3.4 ms to rasterise (in software, on the page's thread), their
 * copies a fifth of that or less (0.24 ms for the diamonds). Each is drawn at the canvas's density, and copied
 * to the nearest device pixel. Keyed by all that makes it look as it does; emptied when it grows past what a run
 * shows (people at risk are many numbers).
 */
export class Sprites {
  private readonly cache = new Map<string, { c: HTMLCanvasElement; x: number; y: number }>();

  /** The image for `key`: `w` x `h` device pixels, its anchor at (x, y) in them; `draw` draws it there, in screen units. */
  get(key: string, w: number, h: number, x: number, y: number, scale: number, draw: (c: CanvasRenderingContext2D) => void): { c: HTMLCanvasElement; x: number; y: number } {
    let s = this.cache.get(key);
    if (!s) {
      if (this.cache.size > 2000) this.cache.clear();
      const c = document.createElement('canvas');
      c.width = Math.max(1, w);
      c.height = Math.max(1, h);
      const ctx = c.getContext('2d')!;
      ctx.setTransform(scale, 0, 0, scale, x, y);
      draw(ctx);
      s = { c, x, y };
      this.cache.set(key, s);
    }
    return s;
  }
}

/**
 * Draw the markers: A's incidents (oldest first, each with its leader under its circle and its people at risk
 * above it), A's units, then B's incidents and units overlaid. `scale`: device pixels per screen unit; (ox, oy):
 * where the screen's origin lies on the canvas, in device pixels.
 */
export function paintMarks(ctx: CanvasRenderingContext2D, scale: number, ox: number, oy: number, layers: { incidents: IncidentMark[]; units: UnitMark[] }[], fonts: ReturnType<typeof markFonts>, sprites: Sprites): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const put = (s: { c: HTMLCanvasElement; x: number; y: number }, x: number, y: number) => ctx.drawImage(s.c, Math.round(ox + x * scale) - s.x, Math.round(oy + y * scale) - s.y);
  const paintUnit = (u: UnitMark) => {
    const off = u.ghost ? GHOST_OFF : 0;
    const half = Math.ceil((DIAMOND_HALF + 2) * scale);
    // a 10 px square with rounded corners, turned 45°
    put(sprites.get(`u|${scale}|${u.colour}|${u.ghost}`, 2 * half, 2 * half, half, half, scale, (c) => {
      c.transform(Math.SQRT1_2, Math.SQRT1_2, -Math.SQRT1_2, Math.SQRT1_2, 0, 0);
      c.beginPath();
      c.roundRect(-5, -5, 10, 10, 2);
      if (!u.ghost) { c.fillStyle = u.colour; c.fill(); }
      c.lineWidth = u.ghost ? 2 : 1;
      c.strokeStyle = u.ghost ? u.colour : '#111';
      c.stroke();
    }), u.x + off, u.y + off);
  };
  for (const layer of layers) {
    // the units resting at their base under the incidents, those at work above them (standing on their rims)
    for (const u of layer.units) if (u.rest) paintUnit(u);
    for (const d of layer.incidents) {
      const off = d.ghost ? GHOST_OFF : 0;
      const x = d.x + off, y = d.y + off;
      ctx.globalAlpha = d.resolved ? 0.55 : 1;
      if (d.leader) {
        const c = d.ghost ? '#D55E00' : '#1d232b';
        ctx.setTransform(scale, 0, 0, scale, ox + x * scale, oy + y * scale);
        ctx.beginPath();
        ctx.moveTo(d.leader.x, d.leader.y);
        ctx.lineTo(0, 0);
        ctx.setLineDash(d.ghost ? [2, 2] : []);
        ctx.lineWidth = 1;
        ctx.strokeStyle = c;
        ctx.stroke();
        if (d.leader.foot) { ctx.beginPath(); ctx.arc(d.leader.x, d.leader.y, 2, 0, Math.PI * 2); ctx.fillStyle = c; ctx.fill(); }
        ctx.setTransform(1, 0, 0, 1, 0, 0);
      }
      const half = Math.ceil((d.r + d.width / 2 + 1) * scale);
      put(sprites.get(`i|${scale}|${d.r}|${d.fill}|${d.stroke}|${d.dash}|${d.width}|${d.ink}|${d.severity}`, 2 * half, 2 * half, half, half, scale, (c) => {
        c.beginPath();
        c.arc(0, 0, d.r, 0, Math.PI * 2);
        if (d.fill) { c.fillStyle = d.fill; c.fill(); }
        if (d.dash) c.setLineDash(d.dash);
        c.lineWidth = d.width;
        c.strokeStyle = d.stroke;
        c.stroke();
        c.font = fonts.sev;
        c.textAlign = 'center';
        c.fillStyle = d.ink;
        c.fillText(String(d.severity), 0, 4);
      }), x, y);
      const p = d.people_at;
      if (p) {
        // as the map's small texts: a white halo under the letters (SVG's paint-order: stroke); drawn from its left end
        const pad = 2, w = Math.ceil((p.w + 2 * pad) * scale), h = Math.ceil((p.ascent + p.descent + 2 * pad) * scale);
        const s = sprites.get(`p|${scale}|${p.text}`, w, h, 0, 0, scale, (c) => {
          c.font = fonts.people;
          c.lineWidth = 2.5;
          c.strokeStyle = '#fff';
          c.strokeText(p.text, pad, pad + p.ascent);
          c.fillStyle = '#1d232b';
          c.fillText(p.text, pad, pad + p.ascent);
        });
        const left = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - p.w / 2 : p.x - p.w;
        put(s, x + left - pad, y + p.y - p.ascent - pad);
      }
    }
    ctx.globalAlpha = 1;
    for (const u of layer.units) if (!u.rest) paintUnit(u);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

/**
 * The marker under the point (x, y), in the map's screen units: the one drawn last (topmost) first. A filled
 * marker is found anywhere on it, an outline (a resolved incident, B's overlaid) on its line, as SVG found them.
 */
export function markAt(layers: { incidents: IncidentMark[]; units: UnitMark[] }[], x: number, y: number): IncidentMark | UnitMark | null {
  for (let l = layers.length - 1; l >= 0; l--) {
    const { incidents, units } = layers[l];
    // in the order they are painted, topmost first: units at work, incidents, units resting at their base
    const unitAt = (rest: boolean): UnitMark | null => {
      for (let i = units.length - 1; i >= 0; i--) {
        const u = units[i], off = u.ghost ? GHOST_OFF : 0;
        if (u.rest !== rest) continue;
        const d = Math.abs(x - u.x - off) + Math.abs(y - u.y - off);
        if (u.ghost ? Math.abs(d - DIAMOND_HALF) <= 2 : d <= DIAMOND_HALF + 0.5) return u;
      }
      return null;
    };
    const busy = unitAt(false);
    if (busy) return busy;
    for (let i = incidents.length - 1; i >= 0; i--) {
      const d = incidents[i], off = d.ghost ? GHOST_OFF : 0;
      const dx = x - d.x - off, dy = y - d.y - off, dist = Math.hypot(dx, dy);
      if (d.fill ? dist <= d.r + d.width / 2 : Math.abs(dist - d.r) <= d.width / 2 + 1.5) return d;
      const p = d.people_at;
      if (p) {
        const x0 = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - p.w / 2 : p.x - p.w;
        if (dx >= x0 && dx <= x0 + p.w && dy >= p.y - p.ascent && dy <= p.y + p.descent) return d;
      }
    }
    const resting = unitAt(true);
    if (resting) return resting;
  }
  return null;
}
