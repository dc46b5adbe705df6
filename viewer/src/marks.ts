/**
 * Map markers kept across redraws, one SVG group per id. A seek redraws
 * every incident and unit; most stay where they were and as they were, so a
 * marker that stays is updated in place and only the attributes and texts
 * that changed are written (each write makes the browser restyle, lay out
 * and repaint); a marker that goes is kept aside for the next newcomer
 * instead of being destroyed and built again.
 */

const SVG = 'http://www.w3.org/2000/svg';

export interface Mark {
  g: SVGGElement;
  /** the group's parts, in the order `make` built them */
  parts: SVGElement[];
  /** what was last written: `${part}:${attribute}` -> value (part -1 is the group) */
  written: Map<string, string | null>;
}

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Write an attribute (null: remove it) of the group (part -1) or of a part, when it differs from what was written last. */
export function put(m: Mark, part: number, name: string, value: string | number | null): void {
  const key = `${part}:${name}`;
  const v = value === null ? null : String(value);
  if (m.written.get(key) === v) return;
  m.written.set(key, v);
  const el = part < 0 ? m.g : m.parts[part];
  if (v === null) el.removeAttribute(name); else el.setAttribute(name, v);
}

/** Write a part's text, when it differs from what was written last. */
export function text(m: Mark, part: number, value: string): void {
  const key = `${part}:#text`;
  if (m.written.get(key) === value) return;
  m.written.set(key, value);
  m.parts[part].textContent = value;
}

export class Marks {
  private live = new Map<string, Mark>();
  private readonly spare: Mark[] = [];

  /** `make` builds a group and its parts (constant attributes set once, there). */
  constructor(readonly container: SVGGElement, private readonly make: () => { g: SVGGElement; parts: SVGElement[] }) {}

  /** One mark per id, in this order (later ones drawn on top); `each` writes what a mark shows. */
  update<D>(data: readonly D[], id: (d: D) => string, each: (m: Mark, d: D) => void): void {
    const next = new Map<string, Mark>();
    const order: Mark[] = [];
    for (const d of data) {
      const k = id(d);
      if (next.has(k)) continue;
      let m = this.live.get(k);
      if (m) this.live.delete(k);
      else m = this.spare.pop() ?? this.build();
      next.set(k, m);
      order.push(m);
      each(m, d);
    }
    for (const m of this.live.values()) { m.g.remove(); this.spare.push(m); }
    this.live = next;
    // children in data order, moving only what is out of place
    let at: ChildNode | null = this.container.firstChild;
    for (const m of order) {
      if (m.g === at) at = at.nextSibling;
      else this.container.insertBefore(m.g, at);
    }
  }

  clear(): void {
    this.update([], () => '', () => {});
  }

  private build(): Mark {
    const { g, parts } = this.make();
    return { g, parts, written: new Map() };
  }
}
