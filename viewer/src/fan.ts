/**
 * Where the incident markers go when several lie at (nearly) one place: each
 * disc, in a fixed order (the oldest incident first), takes the free spot
 * nearest its true place: the place itself, or a spot touching a disc placed
 * before it or clear of a place's symbol (shelter, base, area), or on a ring
 * round its place. Free: it covers no disc placed before it and no symbol.
 * A disc moved off its place also keeps off the map's labels (area names, a
 * zone's or a shelter's figures) where a spot clear of them lies not much
 * farther than the nearest free one: a disc at its own place stays there.
 *
 * A deterministic layout, not a simulation of forces: the same discs in the
 * same view always land in the same spots, so markers do not jump from one
 * seek to the next while the incidents shown stay the same, and a disc moves
 * only when an older one near it comes, goes or changes size. Pure: screen
 * discs and boxes in, centres out; a few grid look-ups per candidate spot.
 */
import type { Box } from './labels.js';

export interface Disc { x: number; y: number; r: number }

/** Placed discs on a coarse grid, to find those near a candidate spot in a few look-ups. */
class DiscGrid {
  private readonly cells = new Map<number, number[]>();
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  readonly rs: number[] = [];
  constructor(private readonly cell: number) {}

  add(x: number, y: number, r: number): void {
    const i = this.xs.length;
    this.xs.push(x); this.ys.push(y); this.rs.push(r);
    const c = this.cell;
    for (let cx = Math.floor((x - r) / c); cx <= Math.floor((x + r) / c); cx++) {
      for (let cy = Math.floor((y - r) / c); cy <= Math.floor((y + r) / c); cy++) {
        const k = (cx + 32768) * 65536 + (cy + 32768);
        let list = this.cells.get(k);
        if (!list) this.cells.set(k, (list = []));
        list.push(i);
      }
    }
  }

  /** Whether a disc at (x, y) of radius r comes within gap px of a placed disc. */
  hits(x: number, y: number, r: number, gap: number): boolean {
    const c = this.cell, reach = r + gap;
    for (let cx = Math.floor((x - reach) / c); cx <= Math.floor((x + reach) / c); cx++) {
      for (let cy = Math.floor((y - reach) / c); cy <= Math.floor((y + reach) / c); cy++) {
        const list = this.cells.get((cx + 32768) * 65536 + (cy + 32768));
        if (!list) continue;
        for (const i of list) {
          const need = r + this.rs[i] + gap, dx = x - this.xs[i], dy = y - this.ys[i];
          if (dx * dx + dy * dy < need * need - 1e-6) return true;
        }
      }
    }
    return false;
  }

  /** The placed discs whose centre lies within `d` px of (x, y), in the order they were placed. */
  near(x: number, y: number, d: number): number[] {
    const out: number[] = [];
    const c = this.cell;
    for (let cx = Math.floor((x - d) / c); cx <= Math.floor((x + d) / c); cx++) {
      for (let cy = Math.floor((y - d) / c); cy <= Math.floor((y + d) / c); cy++) {
        const list = this.cells.get((cx + 32768) * 65536 + (cy + 32768));
        if (!list) continue;
        for (const i of list) if (!out.includes(i) && (this.xs[i] - x) ** 2 + (this.ys[i] - y) ** 2 <= d * d) out.push(i);
      }
    }
    return out.sort((a, b) => a - b);
  }
}

/** Whether a disc comes within gap px of a box. */
export function discOnBox(x: number, y: number, r: number, b: Box, gap: number): boolean {
  const nx = x < b.x0 ? b.x0 : x > b.x1 ? b.x1 : x, ny = y < b.y0 ? b.y0 : y > b.y1 ? b.y1 : y;
  const dx = x - nx, dy = y - ny, reach = r + gap;
  return dx * dx + dy * dy < reach * reach - 1e-6;
}

/** Angles (radians) tried round a disc placed before, and on the rings round a disc's own place. */
const AROUND = Array.from({ length: 24 }, (_, k) => (k * Math.PI * 2) / 24 - Math.PI / 2);

/** how much farther (px) than the nearest free spot a moved disc may go to keep off the labels */
export const LABEL_DETOUR = 24;

/**
 * The centre each disc is drawn at, in the discs' order. `symbols(box)` gives the symbols' boxes near a box
 * (those a disc must keep off); `gap` is the room between two discs' outlines; `reach` how far from its place
 * a disc may go (beyond it, where nothing is free, it stays on its place); `labels(box)` the labels' boxes near
 * a box, which a disc moved off its place keeps off where it can (see LABEL_DETOUR).
 */
export function fanOut(discs: readonly Disc[], symbols: (near: Box) => readonly Box[], gap = 2, reach = 160, labels: (near: Box) => readonly Box[] = () => []): [number, number][] {
  const grid = new DiscGrid(48);
  const out: [number, number][] = [];
  const s = new Search(grid, gap, reach);
  for (const d of discs) {
    const { x, y, r } = d;
    // its own place first, against the symbols by it alone (most discs stay there), then the spots within reach
    const by = r + gap / 2 + 1;
    s.begin(x, y, r, symbols({ x0: x - by, y0: y - by, x1: x + by, y1: y + by }));
    let p: [number, number];
    if (s.free(x, y)) {
      p = [x, y];
    } else {
      const area: Box = { x0: x - reach - r - gap, y0: y - reach - r - gap, x1: x + reach + r + gap, y1: y + reach + r + gap };
      s.boxes = symbols(area);
      // the nearest free spot, and the nearest free spot clear of the labels too (near enough: see below)
      s.words = labels(area);
      // touching a disc placed before it (a tight bunch round the place)
      for (const i of grid.near(x, y, reach)) {
        const dist = grid.rs[i] + r + gap + 0.01, gx = grid.xs[i], gy = grid.ys[i];
        for (let k = 0; k < AROUND.length; k++) s.consider(gx + COS[k] * dist, gy + SIN[k] * dist);
      }
      // just clear of a symbol: beside each side and corner, and straight off the side nearest its place
      const m = r + gap / 2 + 0.01, c = m * 0.71;
      for (const list of [s.boxes, s.words]) {
        for (const b of list) {
          const mx = (b.x0 + b.x1) / 2, my = (b.y0 + b.y1) / 2;
          s.consider(b.x0 - m, my); s.consider(b.x1 + m, my); s.consider(mx, b.y0 - m); s.consider(mx, b.y1 + m);
          s.consider(b.x0 - c, b.y0 - c); s.consider(b.x1 + c, b.y0 - c); s.consider(b.x0 - c, b.y1 + c); s.consider(b.x1 + c, b.y1 + c);
          s.consider(b.x0 - m, y); s.consider(b.x1 + m, y); s.consider(x, b.y0 - m); s.consider(x, b.y1 + m);
        }
      }
      // on rings round its own place, when the spots above are all taken
      for (let ring = 1; s.bestD === Infinity && ring * (r + gap) <= reach; ring++) {
        const dist = ring * (r + gap);
        for (let k = 0; k < AROUND.length; k++) s.consider(x + COS[k] * dist, y + SIN[k] * dist);
      }
      p = s.pick();
    }
    grid.add(p[0], p[1], r);
    out.push(p);
  }
  return out;
}

const COS = AROUND.map(Math.cos);
/** px: the side of a cell the symbols are binned in for a disc's search */
const BIN = 16;
const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
const SIN = AROUND.map(Math.sin);

/**
 * The search for one disc's spot: the spots are tried in a fixed order (see fanOut), the nearest free one kept,
 * and the nearest free one clear of the labels. One object for all the discs, with no closure or array made per
 * spot tried: a seek lays out a hundred markers, each trying hundreds of spots.
 */
class Search {
  x = 0; y = 0; r = 0;
  boxes: readonly Box[] = [];
  words: readonly Box[] = [];
  bestX = 0; bestY = 0; bestD = Infinity;
  clearX = 0; clearY = 0; clearD = Infinity;
  private readonly reach2: number;
  constructor(private readonly grid: DiscGrid, private readonly gap: number, reach: number) {
    this.reach2 = reach * reach;
    // the cells cover every spot within reach of the place, and a little more
    this.cols = Math.ceil((2 * reach + 4) / BIN) + 1;
    this.head = new Int32Array(this.cols * this.cols);
  }

  begin(x: number, y: number, r: number, boxes: readonly Box[]): void {
    this.x = x; this.y = y; this.r = r; this.boxes = boxes; this.words = [];
    this.bestD = Infinity; this.clearD = Infinity;
    this.binned = false;
  }

  /** Covers it no disc placed before and no symbol? */
  free(cx: number, cy: number): boolean {
    if (this.grid.hits(cx, cy, this.r, this.gap)) return false;
    const boxes = this.boxes, half = this.gap / 2;
    // after the disc's own place, the symbols by cell: dozens lie within reach of a disc (bases, resting units)
    if (!this.binned && cx === this.x && cy === this.y) {
      for (let i = 0; i < boxes.length; i++) if (discOnBox(cx, cy, this.r, boxes[i], half)) return false;
      return true;
    }
    if (!this.binned) this.bin();
    const col = Math.floor((cx - this.bx0) / BIN), row = Math.floor((cy - this.by0) / BIN);
    if (col < 0 || row < 0 || col >= this.cols || row >= this.cols) {
      for (let i = 0; i < boxes.length; i++) if (discOnBox(cx, cy, this.r, boxes[i], half)) return false;
      return true;
    }
    for (let e = this.head[row * this.cols + col]; e >= 0; e = this.next[e]) if (discOnBox(cx, cy, this.r, boxes[this.item[e]], half)) return false;
    return true;
  }

  // The symbols binned in square cells over the spots a disc may take (within reach of its place), each in every
  // cell its box widened by a disc's reach touches: a symbol a disc at a spot comes near lies in that spot's cell.
  private binned = false;
  private bx0 = 0;
  private by0 = 0;
  private readonly cols: number;
  private readonly head: Int32Array;
  private next = new Int32Array(1024);
  private item = new Int32Array(1024);

  private bin(): void {
    this.binned = true;
    const n = this.cols, span = n * BIN;
    this.bx0 = this.x - span / 2; this.by0 = this.y - span / 2;
    this.head.fill(-1);
    const boxes = this.boxes, w = this.r + this.gap / 2 + 1;
    let used = 0;
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i];
      const c0 = Math.max(0, Math.floor((b.x0 - w - this.bx0) / BIN)), c1 = Math.min(n - 1, Math.floor((b.x1 + w - this.bx0) / BIN));
      const r0 = Math.max(0, Math.floor((b.y0 - w - this.by0) / BIN)), r1 = Math.min(n - 1, Math.floor((b.y1 + w - this.by0) / BIN));
      for (let row = r0; row <= r1; row++) {
        for (let col = c0; col <= c1; col++) {
          if (used === this.item.length) { this.item = grow(this.item); this.next = grow(this.next); }
          const k = row * n + col;
          this.item[used] = i; this.next[used] = this.head[k]; this.head[k] = used++;
        }
      }
    }
  }

  consider(cx: number, cy: number): void {
    const dd = (cx - this.x) ** 2 + (cy - this.y) ** 2;
    if ((dd >= this.bestD && dd >= this.clearD) || dd > this.reach2 || !this.free(cx, cy)) return;
    if (dd < this.bestD) { this.bestX = cx; this.bestY = cy; this.bestD = dd; }
    if (dd < this.clearD && !this.onWords(cx, cy)) { this.clearX = cx; this.clearY = cy; this.clearD = dd; }
  }

  private onWords(cx: number, cy: number): boolean {
    const words = this.words;
    for (let i = 0; i < words.length; i++) if (discOnBox(cx, cy, this.r, words[i], 0)) return true;
    return false;
  }

  /** The spot found: clear of the labels where that is not much farther than the nearest free one; the place itself where none is free. */
  pick(): [number, number] {
    if (this.clearD < Infinity && this.bestD > 0 && Math.sqrt(this.clearD) <= Math.sqrt(this.bestD) + LABEL_DETOUR) return [this.clearX, this.clearY];
    return this.bestD < Infinity ? [this.bestX, this.bestY] : [this.x, this.y];
  }
}
