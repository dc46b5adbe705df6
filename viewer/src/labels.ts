/**
 * Where the map's labels go. Labels come most important first; each takes the
 * first of its spots inside the view that covers no label placed before it and
 * no marker of a place (area, base, shelter). A label with no free spot is left
 * out (null) until a zoom or a resize makes room: labels keep their screen
 * size, so zooming in spreads their anchors apart and brings them back.
 *
 * Pure: screen boxes in, choices out. It does not measure or draw (the map
 * does), and it is meant to run when the view changes, not at every seek.
 */

/** A place for a label's baseline, off its anchor point, and which end of the text sits there. */
export interface Spot { dx: number; dy: number; anchor: 'start' | 'middle' | 'end' }

export interface Label {
  /** the anchor point on screen (the marker the label names) */
  x: number; y: number;
  /** the text's size: its width, and how far it reaches above and below its baseline */
  w: number; ascent: number; descent: number;
  /** where it may go, in order of preference */
  spots: readonly Spot[];
}

export interface Box { x0: number; y0: number; x1: number; y1: number }

/** The box a label covers at a spot. */
export function boxAt(l: Label, s: Spot): Box {
  const x = l.x + s.dx - (s.anchor === 'start' ? 0 : s.anchor === 'middle' ? l.w / 2 : l.w);
  const y = l.y + s.dy;
  return { x0: x, y0: y - l.ascent, x1: x + l.w, y1: y + l.descent };
}

/** Two boxes closer than gap px (the white halo round a label's letters needs a little room). */
function hit(a: Box, b: Box, gap: number): boolean {
  return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
}

function inside(a: Box, view: Box): boolean {
  return a.x0 >= view.x0 && a.x1 <= view.x1 && a.y0 >= view.y0 && a.y1 <= view.y1;
}

/** The spot each label takes (null: left out), in the labels' order. */
export function placeLabels(labels: readonly Label[], markers: readonly Box[], view: Box, gap = 2): (Spot | null)[] {
  const placed: Box[] = [];
  return labels.map((l) => {
    // a label of a place out of view could only take room from one in it
    if (l.x < view.x0 || l.x > view.x1 || l.y < view.y0 || l.y > view.y1) return null;
    for (const s of l.spots) {
      const b = boxAt(l, s);
      // a label cut by the map's edge, or half under a marker, is no easier to read than one under another
      if (!inside(b, view) || placed.some((p) => hit(b, p, gap)) || markers.some((m) => hit(b, m, 0))) continue;
      placed.push(b);
      return s;
    }
    return null;
  });
}
