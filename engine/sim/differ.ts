/**
 * Where two plain-JSON values differ, said in words: one line per
 * difference, naming the path (`summary.objectives[lives].value`) and both
 * values, for `drill verify` to say what in a log does not match its
 * re-simulation. Pure.
 */

type Json = unknown;

const LONGEST = 80;

/** A value in a message: JSON, cut short when long. */
function shown(v: Json): string {
  if (v === undefined) return '(nothing)';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > LONGEST ? `${s.slice(0, LONGEST - 1)}…` : s;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `[id]` for an item with a string id (objectives, incidents), else `[index]`. */
function itemKey(item: Json, i: number): string {
  return isObject(item) && typeof item.id === 'string' ? `[${item.id}]` : `[${i}]`;
}

/**
 * The differences between a stored value and a re-derived one, at most
 * `limit` of them (depth first, in the re-derived value's key order), each
 * as `<path> differs: stored <a>, re-simulated <b>`; `more` counts those
 * left out.
 */
export function differences(path: string, stored: Json, derived: Json, limit = 5): { lines: string[]; more: number } {
  const lines: string[] = [];
  let more = 0;
  const say = (p: string, what: string) => {
    if (lines.length < limit) lines.push(`${p} differs: ${what}`);
    else more++;
  };
  const walk = (p: string, a: Json, b: Json): void => {
    if (a === b) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) {
        const noun = /[a-z]s$/.test(p) ? p.slice(p.lastIndexOf('.') + 1) : 'items';
        return say(p, `stored ${a.length} ${noun}, re-simulated ${b.length}`);
      }
      for (let i = 0; i < a.length; i++) walk(p + itemKey(b[i], i), a[i], b[i]);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
      for (const k of keys) {
        const q = p === '' ? k : `${p}.${k}`;
        if (!(k in a)) say(q, `the stored one has none, re-simulated ${shown(b[k])}`);
        else if (!(k in b)) say(q, `stored ${shown(a[k])}, the re-simulation has none`);
        else walk(q, a[k], b[k]);
      }
      return;
    }
    // numbers that print the same (0 and -0) are the same in the file
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    say(p, `stored ${shown(a)}, re-simulated ${shown(b)}`);
  };
  walk(path, stored, derived);
  return { lines, more };
}
