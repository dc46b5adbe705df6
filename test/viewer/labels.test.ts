/**
 * The map labels' placement (viewer/src/labels.ts) on boxes alone: the more
 * important label first, the others moved round their marker or left out,
 * and back once their anchors are further apart.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BoxIndex, boxAt, placeLabels, placeMoving, type Box, type Label, type Spot } from '../../viewer/src/labels.js';

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

  it('tries in the order given: a label\'s farther spots after the others\' own, over the minor markers only there, off a try\'s own boxes', () => {
    const FAR: Spot[] = [{ dx: 10, dy: 30, anchor: 'start' }];
    // the first label's own spots lie on minor markers (units resting round a base); the second's are clear
    const minor: Box[] = [{ x0: 205, y0: 85, x1: 300, y1: 104 }, { x0: 100, y0: 85, x1: 195, y1: 104 }];
    const ls = [label(200, 100), label(200, 140)];
    // the default: left out, as before
    expect(placeLabels(ls, none, VIEW, 2, minor)).toEqual([null, SPOTS[0]]);
    const order = [{ label: 0, spots: SPOTS }, { label: 1, spots: SPOTS }, { label: 0, spots: FAR, overMinor: true }];
    // its farther spot (below its marker) would cover the second's own: that one, tried first, keeps it
    expect(placeLabels(ls, none, VIEW, 2, minor, order)).toEqual([null, SPOTS[0]]);
    // with room, it takes its farther spot, over the minor markers but never over the others
    expect(placeLabels([label(200, 100), label(200, 250)], none, VIEW, 2, minor, order)).toEqual([FAR[0], SPOTS[0]]);
    expect(placeLabels([label(200, 100)], [{ x0: 205, y0: 115, x1: 300, y1: 135 }], VIEW, 2, minor, [{ label: 0, spots: FAR, overMinor: true }])).toEqual([null]);
    // a try's own boxes to keep off (a quiet area's name off the zones' circles) hold at that try only
    const zone: Box = { x0: 205, y0: 85, x1: 230, y1: 104 };
    expect(placeLabels([label(200, 100)], none, VIEW, 2, [], [{ label: 0, spots: SPOTS, keepOff: [zone] }])).toEqual([SPOTS[1]]);
    expect(placeLabels([label(200, 100)], none, VIEW, 2, [], [{ label: 0, spots: SPOTS }])).toEqual([SPOTS[0]]);
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

describe('BoxIndex', () => {
  const box = fc.record({ x: fc.integer({ min: -100, max: 600 }), y: fc.integer({ min: -100, max: 500 }), w: fc.integer({ min: 0, max: 200 }), h: fc.integer({ min: 0, max: 40 }) })
    .map(({ x, y, w, h }): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h }));

  it('finds exactly the boxes a box overlaps, as a scan of them all does, whatever their size against its grid', () => {
    fc.assert(fc.property(fc.array(box, { maxLength: 40 }), box, fc.integer({ min: 0, max: 3 }), (boxes, b, gap) => {
      const index = new BoxIndex(boxes, 32);
      const near = (a: Box) => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
      const scan = boxes.flatMap((a, i) => (near(a) ? [i] : []));
      expect(index.hits(b, gap)).toEqual(scan);
      expect(index.any(b, gap)).toBe(scan.length > 0);
      if (scan.length === 1) expect(index.any(b, gap, scan[0])).toBe(false);
    }));
  });
});

describe('placeMoving', () => {
  const nothing = () => false;

  it('keeps its first spot where that covers no placed label', () => {
    expect(placeMoving(label(200, 100), new BoxIndex([]), nothing)).toEqual({ spot: SPOTS[0], covers: [] });
  });

  it('takes another spot rather than cover a placed label, and prefers one clear of markers too', () => {
    const placed = new BoxIndex([boxAt(label(200, 100), SPOTS[0])]);
    expect(placeMoving(label(200, 100), placed, nothing)).toEqual({ spot: SPOTS[1], covers: [] });
    const three: Spot[] = [...SPOTS, { dx: 0, dy: 20, anchor: 'middle' }];
    const l = { ...label(200, 100), spots: three };
    const marker = boxAt(l, SPOTS[1]);
    expect(placeMoving(l, placed, (b) => b.x0 < marker.x1 && marker.x0 < b.x1 && b.y0 < marker.y1 && marker.y0 < b.y1)).toEqual({ spot: three[2], covers: [] });
    // every spot clear of labels is under a marker: a marker is covered before a label is
    expect(placeMoving(l, placed, () => true)).toEqual({ spot: SPOTS[1], covers: [] });
  });

  it('where every spot clear of labels is blocked, takes the first that nothing opaque hides (a unit\'s diamond over a number)', () => {
    const three: Spot[] = [...SPOTS, { dx: 0, dy: 20, anchor: 'middle' }];
    const l = { ...label(200, 100), spots: three };
    const diamond = boxAt(l, three[0]);
    const under = (b: Box) => b.x0 < diamond.x1 && diamond.x0 < b.x1 && b.y0 < diamond.y1 && diamond.y0 < b.y1;
    expect(placeMoving(l, new BoxIndex([]), () => true, 1, [{ hides: under }])).toEqual({ spot: three[1], covers: [] });
    // everything hidden: the first clear of labels, as before
    expect(placeMoving(l, new BoxIndex([]), () => true, 1, [{ hides: () => true }])).toEqual({ spot: three[0], covers: [] });
  });

  it('with more than one fallback, takes the first spot the first allows (clear of diamonds and circles), then the next (covering a label), then the last (clear of diamonds)', () => {
    const three: Spot[] = [...SPOTS, { dx: 0, dy: 20, anchor: 'middle' }];
    const l = { ...label(200, 100), spots: three };
    const on = (s: Spot) => { const m = boxAt(l, s); return (b: Box) => b.x0 < m.x1 && m.x0 < b.x1 && b.y0 < m.y1 && m.y0 < b.y1; };
    const diamond = on(three[0]), circle = on(three[1]);
    const levels = (circles: (b: Box) => boolean) => [{ hides: (b: Box) => diamond(b) || circles(b) }, { hides: (b: Box) => diamond(b) || circles(b), overLabels: true }, { hides: diamond }];
    // a diamond on the first spot, another incident's circle on the second: the third, clear of both
    expect(placeMoving(l, new BoxIndex([]), () => true, 1, levels(circle))).toEqual({ spot: three[2], covers: [] });
    // the third covers a placed label: taken all the same, and the label named (hidden while it is there)
    const name = boxAt(l, three[2]);
    expect(placeMoving(l, new BoxIndex([name]), () => true, 1, levels(circle))).toEqual({ spot: three[2], covers: [0] });
    // a circle on the third too: none is clear of both, and the first clear of diamonds is the second
    const circles = (b: Box) => circle(b) || on(three[2])(b);
    expect(placeMoving(l, new BoxIndex([]), () => true, 1, levels(circles))).toEqual({ spot: three[1], covers: [] });
  });

  it('where every spot covers a placed label, keeps its first and names the labels it covers', () => {
    const a = boxAt(label(200, 100), SPOTS[0]), b = boxAt(label(200, 100), SPOTS[1]);
    expect(placeMoving(label(200, 100), new BoxIndex([b, { x0: 0, y0: 0, x1: 5, y1: 5 }, a]), nothing)).toEqual({ spot: SPOTS[0], covers: [2] });
  });
});
