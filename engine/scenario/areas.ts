/**
 * Areas nest by `parent` (commune in district in province). Whether one
 * area lies within another is asked of the parsed scenario (decisions files)
 * and of the raw document while it is checked, which may be broken: parents
 * that name no area, or that loop. So the parent lookup is given, and a loop
 * ends the walk instead of hanging it.
 */

/** The parent of an area, or undefined at the top (or when the document names none that reads). */
export type ParentOf = (area: string) => string | undefined;

/**
 * Is `area` the same as `outer`, or under it by parents? False when the
 * walk reaches the top, or comes back to an area it has already passed (a
 * parent loop in an unchecked document).
 */
export function within(area: string, outer: string, parentOf: ParentOf): boolean {
  const seen = new Set<string>();
  for (let a: string | undefined = area; a !== undefined && !seen.has(a); a = parentOf(a)) {
    if (a === outer) return true;
    seen.add(a);
  }
  return false;
}
