/**
 * Map markers kept across redraws, one SVG group per id. A seek redraws
 * every incident and unit; a marker is updated in place and only the
 * attributes and texts that changed are written (each write makes the
 * browser restyle, lay out and repaint), and a marker whose incident is gone
 * is given to the next newcomer instead of being destroyed and built again.
 */

const SVG = 'http://www.w3.org/2000/svg';

export interface Mark {
  g: SVGGElement;
  /** the group's parts, in the order `make` built them */
  parts: SVGElement[];
  /** what was last written, by slot (the caller numbers the attributes and texts it writes) */
  written: (string | null | undefined)[];
  /**
   * The tooltip, made when the pointer comes over the mark (`Marks.tip`), not at every seek: most seeks change
   * most marks' tooltips, and writing them cost as much as drawing the marks. Part `tipPart` is the <title>.
   */
  tip: (() => string) | null;
  /** the class `make` gave the group (a spare is classed `spare` until it is taken again) */
  cls: string;
}

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * Write an attribute (null: remove it) of the group (part -1) or of a part, when it differs from what was
 * written last; `slot` numbers this attribute of this part among everything the caller writes into a mark.
 */
export function put(m: Mark, slot: number, part: number, name: string, value: string | number | null): void {
  const v = value === null ? null : String(value);
  if (m.written[slot] === v) return;
  m.written[slot] = v;
  const el = part < 0 ? m.g : m.parts[part];
  if (v === null) el.removeAttribute(name); else el.setAttribute(name, v);
}

/** Write a part's text, when it differs from what was written last (into its text node, which stays: replacing it would lay it out again). */
export function text(m: Mark, slot: number, part: number, value: string): void {
  if (m.written[slot] === value) return;
  m.written[slot] = value;
  const el = m.parts[part], node = el.firstChild;
  if (node && node === el.lastChild && node.nodeType === Node.TEXT_NODE) (node as Text).data = value;
  else el.textContent = value;
}

export class Marks {
  private live = new Map<string, Mark>();
  private readonly spare: Mark[] = [];

  private readonly byGroup = new WeakMap<Element, Mark>();

  /** `make` builds a group and its parts (constant attributes set once, there); part `tipPart` is the group's <title>. */
  constructor(readonly container: SVGGElement, private readonly make: () => { g: SVGGElement; parts: SVGElement[] }, private readonly tipPart: number) {}

  /** The pointer is over `el`: if it is in one of these marks, write that mark's tooltip now. */
  tip(el: Element): void {
    const g = el.closest('g');
    const m = g ? this.byGroup.get(g) ?? (g.parentElement ? this.byGroup.get(g.parentElement) : undefined) : undefined;
    if (!m?.tip) return;
    const v = m.tip(), title = m.parts[this.tipPart];
    if (title.textContent !== v) title.textContent = v;
  }

  /**
   * One mark per id; `each` writes what a mark shows. A mark whose id stays keeps its group; the
   * groups of ids that went are given, where they stand, to the ids that came. No group leaves or
   * enters the document, which would restyle and lay it out from scratch: a surplus stays where it
   * is, hidden and classed `spare` (so that no selector for the shown marks finds it), for the next
   * newcomers; only a shortfall is built, and drawn above the rest.
   */
  update<D>(data: readonly D[], id: (d: D) => string, each: (m: Mark, d: D) => void): void {
    const next = new Map<string, Mark>();
    const newcomers: [string, D][] = [];
    for (const d of data) {
      const k = id(d);
      if (next.has(k)) continue;
      const m = this.live.get(k);
      if (m) { this.live.delete(k); next.set(k, m); each(m, d); } else { next.set(k, null as unknown as Mark); newcomers.push([k, d]); }
    }
    const free = [...this.live.values()];
    for (const [k, d] of newcomers) {
      let m = free.pop();
      if (!m) {
        m = this.spare.pop();
        if (m) { m.g.setAttribute('class', m.cls); m.g.removeAttribute('visibility'); } else { m = this.build(); this.container.appendChild(m.g); }
      }
      next.set(k, m);
      each(m, d);
    }
    for (const m of free) {
      m.g.setAttribute('class', 'spare');
      m.g.setAttribute('visibility', 'hidden');
      // what it showed is forgotten: whoever takes it next writes everything
      m.written.length = 0;
      m.tip = null;
      this.spare.push(m);
    }
    this.live = next;
  }

  clear(): void {
    this.update([], () => '', () => {});
  }

  private build(): Mark {
    const { g, parts } = this.make();
    const m: Mark = { g, parts, written: [], tip: null, cls: g.getAttribute('class') ?? '' };
    this.byGroup.set(g, m);
    return m;
  }
}
