/**
 * The map labels' placement (viewer/src/labels.ts) on boxes alone: the more
 * important label first, the others moved round their marker or left out,
 * and back once their anchors are further apart.
 */
import { describe, expect, it } from 'vitest';
import { boxAt, placeLabels, type Box, type Label, type Spot } from '../../viewer/src/labels.js';

const SPOTS: Spot[] = [{ dx: 10, dy: -9, anchor: 'start' }, { dx: -10, dy: -9, anchor: 'end' }];
const VIEW: Box = { x0: 0, y0: 0, x1: 400, y1: 300 };
const label = (x: number, y: number, w = 80): Label => ({ x, y, w, ascent: 11, descent: 3, spots: SPOTS });
const none: Box[] = [];

function overlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

describe('placeLabels', () => {
  it('gives the first label its first spot, moves the next one that would cover it, and leaves out the third', () => {
    const placed = placeLabels([label(200, 100), label(201, 101), label(199, 100)], none, VIEW);
    expect(placed).toEqual([SPOTS[0], SPOTS[1], null]);
  });

  it('places every label again once their anchors are far enough apart (as zooming in does)', () => {
    expect(placeLabels([label(100, 100), label(102, 100), label(104, 100)], none, VIEW)).toEqual([SPOTS[0], SPOTS[1], null]);
    expect(placeLabels([label(100, 50), label(100, 150), label(100, 250)], none, VIEW)).toEqual([SPOTS[0], SPOTS[0], SPOTS[0]]);
  });

  it('never puts two labels over each other, outside the view, or over a marker', () => {
    const ls = Array.from({ length: 60 }, (_, i) => label((i * 37) % 400, (i * 53) % 300, 30 + (i % 5) * 20));
    const never = [{ x0: 150, y0: 100, x1: 166, y1: 116 }];
    const placed = placeLabels(ls, never, VIEW);
    const boxes = placed.flatMap((s, i) => (s ? [boxAt(ls[i], s)] : []));
    expect(boxes.length).toBeGreaterThan(5);
    for (const [i, a] of boxes.entries()) {
      expect(a.x0 >= 0 && a.x1 <= 400 && a.y0 >= 0 && a.y1 <= 300).toBe(true);
      expect(overlap(a, never[0])).toBe(false);
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
  });

  it('moves a label off a marker, and leaves it out if every spot is under one', () => {
    const shelter = { x0: 205, y0: 80, x1: 230, y1: 100 };
    expect(placeLabels([label(200, 100)], [shelter], VIEW)).toEqual([SPOTS[1]]);
    expect(placeLabels([label(200, 100)], [shelter, { x0: 100, y0: 80, x1: 180, y1: 100 }], VIEW)).toEqual([null]);
  });
});
