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
  for (const d of discs) {
    const { x, y, r } = d;
    const area: Box = { x0: x - reach - r - gap, y0: y - reach - r - gap, x1: x + reach + r + gap, y1: y + reach + r + gap };
    const boxes = symbols(area), words = labels(area);
    const free = (cx: number, cy: number) => !grid.hits(cx, cy, r, gap) && !boxes.some((b) => discOnBox(cx, cy, r, b, gap / 2));
    // the nearest free spot, and the nearest free spot clear of the labels too
    let best: [number, number] | null = null, bestD = Infinity, clear: [number, number] | null = null, clearD = Infinity;
    const consider = (cx: number, cy: number) => {
      const dd = (cx - x) ** 2 + (cy - y) ** 2;
      if ((dd >= bestD && dd >= clearD) || dd > reach * reach || !free(cx, cy)) return;
      if (dd < bestD) { best = [cx, cy]; bestD = dd; }
      if (dd < clearD && !words.some((b) => discOnBox(cx, cy, r, b, 0))) { clear = [cx, cy]; clearD = dd; }
    };
    consider(x, y);
    if (bestD > 0) {
      // touching a disc placed before it (a tight bunch round the place)
      for (const i of grid.near(x, y, reach)) {
        const dist = grid.rs[i] + r + gap + 0.01;
        for (const a of AROUND) consider(grid.xs[i] + Math.cos(a) * dist, grid.ys[i] + Math.sin(a) * dist);
      }
      // just clear of a symbol: beside each side and corner, and straight off the side nearest its place
      const m = r + gap / 2 + 0.01;
      for (const b of [...boxes, ...words]) {
        const mx = (b.x0 + b.x1) / 2, my = (b.y0 + b.y1) / 2;
        for (const [cx, cy] of [[b.x0 - m, my], [b.x1 + m, my], [mx, b.y0 - m], [mx, b.y1 + m], [b.x0 - m * 0.71, b.y0 - m * 0.71], [b.x1 + m * 0.71, b.y0 - m * 0.71], [b.x0 - m * 0.71, b.y1 + m * 0.71], [b.x1 + m * 0.71, b.y1 + m * 0.71], [b.x0 - m, y], [b.x1 + m, y], [x, b.y0 - m], [x, b.y1 + m]] as const) consider(cx, cy);
      }
      // on rings round its own place, when the spots above are all taken
      for (let ring = 1; best === null && ring * (r + gap) <= reach; ring++) {
        const dist = ring * (r + gap);
        for (const a of AROUND) consider(x + Math.cos(a) * dist, y + Math.sin(a) * dist);
      }
    }
    if (clear && bestD > 0 && Math.sqrt(clearD) <= Math.sqrt(bestD) + LABEL_DETOUR) best = clear;
    const p: [number, number] = best ?? [x, y];
    grid.add(p[0], p[1], r);
    out.push(p);
  }
  return out;
}
