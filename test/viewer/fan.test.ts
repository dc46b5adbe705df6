/**
 * The incident markers' fan-out (viewer/src/fan.ts) on discs and boxes alone:
 * markers at one place end up with no two overlapping and none on a symbol,
 * each as near its place as it can, and the same input always gives the same
 * spots (markers do not jump from one seek to the next).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discOnBox, fanOut, LABEL_DETOUR, type Disc } from '../../viewer/src/fan.js';
import type { Box } from '../../viewer/src/labels.js';

const GAP = 3;
const near = (boxes: Box[]) => (b: Box) => boxes.filter((m) => m.x0 < b.x1 && b.x0 < m.x1 && m.y0 < b.y1 && b.y0 < m.y1);

function overlaps(discs: readonly Disc[], at: [number, number][], boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < at.length; i++) {
    for (let j = i + 1; j < at.length; j++) {
      if (Math.hypot(at[i][0] - at[j][0], at[i][1] - at[j][1]) < discs[i].r + discs[j].r + GAP - 1e-3) out.push(`${i} × ${j}`);
    }
    for (const b of boxes) {
      const x = Math.max(b.x0, Math.min(at[i][0], b.x1)), y = Math.max(b.y0, Math.min(at[i][1], b.y1));
      if (Math.hypot(at[i][0] - x, at[i][1] - y) < discs[i].r + GAP / 2 - 1e-3) out.push(`${i} on box`);
    }
  }
  return out;
}

/**
 * fanOut as it reads in words, trying every spot in the order listed (no grid, no nearest-first order): the fast
 * one must pick the very same spots.
 */
function fanOutPlain(discs: readonly Disc[], symbols: (near: Box) => readonly Box[], gap: number, reach = 160, labels: (near: Box) => readonly Box[] = () => []): [number, number][] {
  const AROUND = Array.from({ length: 24 }, (_, k) => (k * Math.PI * 2) / 24 - Math.PI / 2);
  const placed: { x: number; y: number; r: number }[] = [];
  const out: [number, number][] = [];
  for (const { x, y, r } of discs) {
    const area: Box = { x0: x - reach - r - gap, y0: y - reach - r - gap, x1: x + reach + r + gap, y1: y + reach + r + gap };
    const boxes = symbols(area), words = labels(area);
    const free = (cx: number, cy: number) => !placed.some((q) => (cx - q.x) ** 2 + (cy - q.y) ** 2 < (r + q.r + gap) ** 2 - 1e-6) && !boxes.some((b) => discOnBox(cx, cy, r, b, gap / 2));
    let best: [number, number] | null = null, bestD = Infinity, clear: [number, number] | null = null, clearD = Infinity;
    const consider = (cx: number, cy: number) => {
      const dd = (cx - x) ** 2 + (cy - y) ** 2;
      if ((dd >= bestD && dd >= clearD) || dd > reach * reach || !free(cx, cy)) return;
      if (dd < bestD) { best = [cx, cy]; bestD = dd; }
      if (dd < clearD && !words.some((b) => discOnBox(cx, cy, r, b, 0))) { clear = [cx, cy]; clearD = dd; }
    };
    consider(x, y);
    if (bestD > 0) {
      placed.forEach((q) => {
        if ((q.x - x) ** 2 + (q.y - y) ** 2 > reach * reach) return;
        const dist = q.r + r + gap + 0.01;
        for (const a of AROUND) consider(q.x + Math.cos(a) * dist, q.y + Math.sin(a) * dist);
      });
      const m = r + gap / 2 + 0.01;
      for (const b of [...boxes, ...words]) {
        const mx = (b.x0 + b.x1) / 2, my = (b.y0 + b.y1) / 2;
        for (const [cx, cy] of [[b.x0 - m, my], [b.x1 + m, my], [mx, b.y0 - m], [mx, b.y1 + m], [b.x0 - m * 0.71, b.y0 - m * 0.71], [b.x1 + m * 0.71, b.y0 - m * 0.71], [b.x0 - m * 0.71, b.y1 + m * 0.71], [b.x1 + m * 0.71, b.y1 + m * 0.71], [b.x0 - m, y], [b.x1 + m, y], [x, b.y0 - m], [x, b.y1 + m]] as const) consider(cx, cy);
      }
      for (let ring = 1; best === null && ring * (r + gap) <= reach; ring++) {
        const dist = ring * (r + gap);
        for (const a of AROUND) consider(x + Math.cos(a) * dist, y + Math.sin(a) * dist);
      }
    }
    if (clear && bestD > 0 && Math.sqrt(clearD) <= Math.sqrt(bestD) + LABEL_DETOUR) best = clear;
    const p: [number, number] = best ?? [x, y];
    placed.push({ x: p[0], y: p[1], r });
    out.push(p);
  }
  return out;
}

describe('fanOut', () => {
  it('leaves a marker alone on its place, and moves the next one at that place just clear of it', () => {
    const discs = [{ x: 100, y: 100, r: 10 }, { x: 100, y: 100, r: 12 }];
    const at = fanOut(discs, () => [], GAP);
    expect(at[0]).toEqual([100, 100]);
    expect(Math.hypot(at[1][0] - 100, at[1][1] - 100)).toBeCloseTo(10 + 12 + GAP, 1);
  });

  it('moves a marker off a shelter or base symbol at its place', () => {
    const box: Box = { x0: 92, y0: 92, x1: 108, y1: 106 };
    const at = fanOut([{ x: 100, y: 100, r: 9 }], near([box]), GAP);
    expect(overlaps([{ x: 100, y: 100, r: 9 }], at, [box])).toEqual([]);
    expect(Math.hypot(at[0][0] - 100, at[0][1] - 100)).toBeLessThan(30);
  });

  it('keeps a marker on its own place over a label, but moves one that must move anyway to a spot clear of the labels near it', () => {
    // an area name by the place, where the second marker would go without it
    const name: Box = { x0: 112, y0: 88, x1: 170, y1: 104 };
    const discs = [{ x: 100, y: 100, r: 10 }, { x: 100, y: 100, r: 10 }];
    const plain = fanOut(discs, () => [], GAP);
    const kept = fanOut(discs, () => [], GAP, undefined, near([name]));
    expect(kept[0]).toEqual([100, 100]);
    // without the labels, the second lies on the name; with them, clear of it, and not much farther off
    const onName = (p: [number, number]) => overlaps([{ x: 0, y: 0, r: 10 }], [p], [name]).length > 0;
    expect(onName(plain[1])).toBe(true);
    expect(onName(kept[1])).toBe(false);
    const dist = (p: [number, number]) => Math.hypot(p[0] - 100, p[1] - 100);
    expect(dist(kept[1])).toBeLessThanOrEqual(dist(plain[1]) + LABEL_DETOUR);
  });

  it('markers piled at a few places, among symbols: no two overlap, none is on a symbol, the same input gives the same spots', () => {
    const disc = fc.record({ x: fc.integer({ min: 0, max: 3 }), y: fc.integer({ min: 0, max: 3 }), jx: fc.integer({ min: -3, max: 3 }), jy: fc.integer({ min: -3, max: 3 }), sev: fc.integer({ min: 1, max: 5 }) });
    fc.assert(fc.property(fc.array(disc, { minLength: 1, maxLength: 12 }), fc.array(fc.record({ x: fc.integer({ min: 0, max: 3 }), y: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }), (ds, ss) => {
      // places 60 px apart, markers a few px off them; symbols 16 px wide below left of a place
      const discs = ds.map((d) => ({ x: 200 + d.x * 60 + d.jx, y: 200 + d.y * 60 + d.jy, r: 7 + d.sev * 1.6 }));
      const boxes = ss.map((s) => ({ x0: 200 + s.x * 60 - 22, y0: 200 + s.y * 60 + 6, x1: 200 + s.x * 60 - 6, y1: 200 + s.y * 60 + 20 }));
      const at = fanOut(discs, near(boxes), GAP);
      expect(overlaps(discs, at, boxes)).toEqual([]);
      expect(fanOut(discs, near(boxes), GAP)).toEqual(at);
      // an older marker does not move for a newer one: the first k are laid out as they were without the rest
      const k = Math.ceil(discs.length / 2);
      expect(fanOut(discs.slice(0, k), near(boxes), GAP)).toEqual(at.slice(0, k));
    }), { numRuns: 200 });
  });

  it('picks the same spots as trying every spot in turn (it tries the nearest first), with symbols, labels and crowds', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 300 }), y: fc.integer({ min: 0, max: 300 }), w: fc.integer({ min: 4, max: 60 }), h: fc.integer({ min: 4, max: 16 }) }).map((b) => ({ x0: b.x, y0: b.y, x1: b.x + b.w, y1: b.y + b.h }));
    // places on a coarse grid, so that discs pile up; radii as the viewer's (7 + 1.6 per severity)
    const disc = fc.record({ x: fc.integer({ min: 0, max: 5 }), y: fc.integer({ min: 0, max: 5 }), jx: fc.integer({ min: -4, max: 4 }), jy: fc.integer({ min: -4, max: 4 }), sev: fc.integer({ min: 1, max: 5 }) })
      .map((d) => ({ x: 20 + d.x * 50 + d.jx, y: 20 + d.y * 50 + d.jy, r: 7 + d.sev * 1.6 }));
    fc.assert(fc.property(fc.array(disc, { minLength: 1, maxLength: 40 }), fc.array(box, { maxLength: 12 }), fc.array(box, { maxLength: 8 }), fc.constantFrom(2, 3), fc.constantFrom(40, 160), (discs, boxes, words, gap, reach) => {
      expect(fanOut(discs, near(boxes), gap, reach, near(words))).toEqual(fanOutPlain(discs, near(boxes), gap, reach, near(words)));
    }), { numRuns: 300 });
  });
});
