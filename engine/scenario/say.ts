/**
 * A problem in a planner's file put into words in any language: a message key of the catalogue
 * (issue-words.ts) and its parameters, rendered when it is shown. The issue keeps what it says as
 * data, not as a finished English sentence, so that `drill ... --lang vi` says it in Vietnamese.
 *
 * A parameter is a text said as it is in every language (an id, a value as written, a key of the
 * format), a number, another message (a kind of thing, a clause), or a list joined by a separator
 * that is itself a message (', ' or ' or '). A template's `{name}` takes a parameter; `{n:one|many}`
 * picks the English singular or plural by the number `n`.
 */
import type { Lang } from './text.js';
import { ISSUE_WORDS, type IssueKey } from './issue-words.js';

export type { IssueKey };

export interface Say {
  readonly key: IssueKey;
  readonly params?: Readonly<Record<string, Param>>;
}

/** Items said one after the other, with the separator `by` (a key: ', ', ' or ', '; ') between them. */
export interface Joined {
  readonly join: readonly Param[];
  readonly by: IssueKey;
}

export type Param = string | number | Say | Joined;

export function say(key: IssueKey, params?: Record<string, Param>): Say {
  return params === undefined ? { key } : { key, params };
}

/** A list said with a separator: `joined(ids.map(quoted))` is "'a', 'b'", `joined(words, 'sep.or')` is "a or b". */
export function joined(items: readonly Param[], by: IssueKey = 'sep.comma'): Joined {
  return { join: items, by };
}

/** A text that is the same in every language (a value as the planner wrote it, a line of YAML to write). */
export function verbatim(text: string): Say {
  return say('verbatim', { text });
}

/** Two messages one after the other, the second after a "; " (a hint that goes on). Not named `then`: a module exporting `then` is a thenable, and `await import()` of it never settles. */
export function followedBy(a: Say | undefined, b: Say | undefined): Say | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return say('join.semicolon', { a, b });
}

const isSay = (p: Param): p is Say => typeof p === 'object' && 'key' in p;

/** A placeholder with no parameter shows as ⟦name⟧, so that a test finds it. */
export const MISSING = '⟦';

export function sayIn(s: Say, lang: Lang): string;
export function sayIn(s: Say | undefined, lang: Lang): string | undefined;
export function sayIn(s: Say | undefined, lang: Lang): string | undefined {
  if (s === undefined) return undefined;
  return fill(ISSUE_WORDS[lang][s.key], s.params ?? {}, (p) => paramIn(p, lang));
}

/** A template of a catalogue with its {placeholders} filled ({n:one|many}: the form for the number n). */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return fill(template, params, String);
}

function fill<P>(template: string, params: Readonly<Record<string, P>>, show: (p: P) => string): string {
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (_all, name: string, one?: string, many?: string) => {
    const p = params[name];
    if (p === undefined) return `${MISSING}${name}⟧`;
    if (one !== undefined) return p === 1 ? one : many!;
    return show(p);
  });
}

function paramIn(p: Param, lang: Lang): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return String(p);
  if (isSay(p)) return sayIn(p, lang);
  const sep = ISSUE_WORDS[lang][p.by];
  return p.join.map((x) => paramIn(x, lang)).join(sep);
}
