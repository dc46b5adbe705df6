/**
 * Where the map's labels go. Labels come most important first; each takes the
 * first of its spots inside the view that covers no label placed before it and
 * no marker of a place (area, base, shelter; the map adds the units resting at
 * their base). A label with no free spot is left
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

/**
 * One try at placing a label: these spots, in order (`overMinor`: where it may lie over the minor markers). Tries
 * run in their order, each for a label not placed yet: a label's farther spots can be tried once the labels that
 * matter more have tried theirs, and before those that matter less.
 */
export interface Try { label: number; spots: readonly Spot[]; overMinor?: boolean; keepOff?: readonly Box[] }

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

/**
 * The spot each label takes (null: left out), trying them in `order` (by default each label's spots, in the labels'
 * order). `minor`: markers a label keeps off but at a try that allows it (drawn above them, its letters haloed).
 */
export function placeLabels(labels: readonly Label[], markers: readonly Box[], view: Box, gap = 2, minor: readonly Box[] = [], order?: readonly Try[]): (Spot | null)[] {
  const placed: Box[] = [];
  const out: (Spot | null)[] = labels.map(() => null);
  for (const { label: k, spots, overMinor, keepOff = [] } of order ?? labels.map((l, k): Try => ({ label: k, spots: l.spots }))) {
    const l = labels[k];
    // a label of a place out of view could only take room from one in it
    if (out[k] !== null || l.x < view.x0 || l.x > view.x1 || l.y < view.y0 || l.y > view.y1) continue;
    for (const s of spots) {
      const b = boxAt(l, s);
      // a label cut by the map's edge, or half under a marker, is no easier to read than one under another
      if (!inside(b, view) || placed.some((p) => hit(b, p, gap)) || markers.some((m) => hit(b, m, 0)) || (!overMinor && minor.some((m) => hit(b, m, 0))) || keepOff.some((m) => hit(b, m, 0))) continue;
      placed.push(b);
      out[k] = s;
      break;
    }
  }
  return out;
}

/**
 * Fixed boxes (the placed labels, the places' markers) on a coarse grid, so that a seek can ask which of them a
 * moving label would cover in a few look-ups, however many incidents move. Built when the labels are placed.
 */
export class BoxIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly list: Box[] = [];

  constructor(boxes: readonly Box[] = [], private readonly cell = 64) {
    for (const b of boxes) this.add(b);
  }

  get boxes(): readonly Box[] { return this.list; }

  /** Add a box (its index is the number of boxes before it). */
  add(b: Box): void {
    const i = this.list.length;
    this.list.push(b);
    this.visit(b, 0, (list) => list.push(i), true);
  }

  /** The boxes that `b` comes within `gap` px of, each once, in index order. */
  hits(b: Box, gap = 0): number[] {
    const out: number[] = [];
    // a box in several cells is met once per cell: marked as met in this call (a search of the list would be quadratic)
    const seen = this.seen, stamp = ++this.stamp;
    this.visit(b, gap, (list) => { for (const i of list) if (seen[i] !== stamp) { seen[i] = stamp; if (hit(b, this.list[i], gap)) out.push(i); } }, false);
    return out.sort((x, y) => x - y);
  }

  private readonly seen: number[] = [];
  private stamp = 0;

  /** Whether `b` comes within `gap` px of any of the boxes (but box `skip`). */
  any(b: Box, gap = 0, skip = -1): boolean {
    let found = false;
    this.visit(b, gap, (list) => { if (!found) for (const i of list) if (i !== skip && hit(b, this.list[i], gap)) { found = true; break; } }, false);
    return found;
  }

  private visit(b: Box, gap: number, f: (list: number[]) => void, make: boolean): void {
    if (!(b.x1 >= b.x0 && b.y1 >= b.y0)) return;
    const c = this.cell;
    const cx0 = Math.floor((b.x0 - gap) / c), cx1 = Math.floor((b.x1 + gap) / c), cy0 = Math.floor((b.y0 - gap) / c), cy1 = Math.floor((b.y1 + gap) / c);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        // cells keyed by one number: the map is a few thousand pixels across at most
        const k = (cx + 32768) * 65536 + (cy + 32768);
        let list = this.cells.get(k);
        if (!list) { if (!make) continue; this.cells.set(k, (list = [])); }
        f(list);
      }
    }
  }
}

/**
 * A fallback for a moving label none of whose spots is clear: a spot where nothing `hides` says would hide the
 * label or cut across it (a unit's diamond drawn over it, another incident's circle); `overLabels`: one that covers
 * placed labels may be taken (the map hides those while it is there).
 */
export interface Fallback { hides: (b: Box) => boolean; overLabels?: boolean }

/**
 * Where a label that moves with the time goes (an incident's people at risk, the typhoon eye's wind force): the
 * first of its spots that covers no placed label and nothing `blocked` says is in the way (markers), else the
 * first spot that the first of the `fallbacks` allows, else the first the second allows, and so on; else the
 * first that covers no placed label; where every spot covers a placed label, its first spot. With the spot, the
 * placed labels it covers (the map hides those while it is there). Cheap enough for every seek: a few grid
 * look-ups, and the fallbacks' tests only where no spot is clear.
 */
export function placeMoving(l: Label, labels: BoxIndex, blocked: (b: Box) => boolean, gap = 1, fallbacks: readonly Fallback[] = []): { spot: Spot; covers: number[] } {
  let clearOfLabels: Spot | null = null, shown: Spot | null = null, level = fallbacks.length;
  for (const s of l.spots) {
    const b = boxAt(l, s);
    const clear = !labels.any(b, gap);
    if (clear && !blocked(b)) return { spot: s, covers: [] };
    if (clear) clearOfLabels ??= s;
    // the first spot at the best level found so far: allowed by fallbacks[k], for the least k
    for (let k = 0; k < level; k++) if ((clear || fallbacks[k].overLabels) && !fallbacks[k].hides(b)) { shown = s; level = k; break; }
  }
  if (shown) return { spot: shown, covers: fallbacks[level].overLabels ? labels.hits(boxAt(l, shown), 0) : [] };
  if (clearOfLabels) return { spot: clearOfLabels, covers: [] };
  const spot = l.spots[0];
  return { spot, covers: labels.hits(boxAt(l, spot), 0) };
}
