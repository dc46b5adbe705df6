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
  /**
   * Said to a file written in JSON (and so is all it holds): its snippets of the format, marked ⟪...⟫ in the
   * catalogue (`⟪{key}: {n}⟫`), are shown as JSON (`"seed": 7`), and a key with a `-json` text of its own
   * (`missing.add-json`) says that instead. Without it a snippet shows as written, in YAML. `yaml`: a snippet of
   * another file written in YAML (a decisions file told what to mark in its scenario), shown so even in a message
   * said to a JSON file.
   */
  readonly as?: 'json' | 'yaml';
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
  return render(s, lang, false);
}

/** `s` said to a JSON file: as `s`, with its snippets in JSON (see Say.as). */
export function asJsonSay(s: Say): Say;
export function asJsonSay(s: Say | undefined): Say | undefined;
export function asJsonSay(s: Say | undefined): Say | undefined {
  return s === undefined || s.as !== undefined ? s : { ...s, as: 'json' };
}

/** A snippet of a scenario in a message about another file (a decisions file): said as the scenario is written. */
export function inScenarioForm(s: Say, json: boolean): Say {
  return { ...s, as: json ? 'json' : 'yaml' };
}

/** A snippet of the format in a template (`⟪seed: {n}⟫`), once its placeholders are filled. */
const SNIPPET = /⟪([^⟪⟫]*)⟫/g;

function render(s: Say, lang: Lang, inJson: boolean): string {
  const json = s.as === 'yaml' ? false : inJson || s.as === 'json';
  const words = ISSUE_WORDS[lang] as Record<string, string | undefined>;
  const template = (json ? words[`${s.key}-json`] : undefined) ?? words[s.key]!;
  const filled = fill(template, s.params ?? {}, (p) => paramIn(p, lang, json));
  return filled.includes('⟪') ? filled.replace(SNIPPET, (_all, snippet: string) => (json ? jsonSnippet(snippet) : snippet)) : filled;
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

function paramIn(p: Param, lang: Lang, json: boolean): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return String(p);
  if (isSay(p)) return render(p, lang, json);
  const sep = ISSUE_WORDS[lang][p.by];
  return p.join.map((x) => paramIn(x, lang, json)).join(sep);
}

/**
 * A snippet of YAML as a catalogue's text writes it, written as JSON: `seed: 7` is `"seed": 7`, `do: evacuate,
 * zone: x` is `"do": "evacuate", "zone": "x"`, `{ vi: ..., en: ... }` is `{ "vi": ..., "en": ... }`, a key alone
 * (`units:`) is `"units"`, one nested by its path (`travel.nodes:`) `"travel": { "nodes" }`. Keys and texts are
 * quoted, numbers, true, false, null, `...` and texts already in double quotes are left as they are; the
 * spacing and the brackets are the snippet's own. A gap to fill (`above: <value>`, `[<min>, <max>]`) stands, as
 * `...` does, for a whole value written as JSON writes it (a number, or a duration in quotes), and is left bare;
 * only a gap for an id (`<id>`, `<mã>`), always a text, is put in quotes (`"hazard": "<id>"`), as is a gap for a key.
 */
/** A gap in a snippet, to fill with a value (`<value>`, `<giá trị>`), and one to fill with an id. */
const GAP = /^<[^<>]+>$/;
const ID_GAP = /^<(?:id|mã)>$/;

export function jsonSnippet(yaml: string): string {
  let out = '';
  let i = 0;
  const n = yaml.length;
  while (i < n) {
    const c = yaml[i]!;
    if (/[\s{}[\],]/.test(c)) { out += c; i++; continue; }
    if (c === '"') {
      let j = i + 1;
      while (j < n && yaml[j] !== '"') j += yaml[j] === '\\' ? 2 : 1;
      out += yaml.slice(i, j + 1);
      i = j + 1;
      if (yaml[i] === ':') { out += ':'; i++; }
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let text = '';
      while (j < n) {
        if (yaml[j] === "'" && yaml[j + 1] === "'") { text += "'"; j += 2; continue; }
        if (yaml[j] === "'") break;
        text += yaml[j++];
      }
      out += JSON.stringify(text);
      i = j + 1;
      if (yaml[i] === ':') { out += ':'; i++; }
      continue;
    }
    // a plain word or text: up to a bracket, a comma, or ': ' (a ':' inside, as in T+00:30, is the text's own)
    let j = i;
    while (j < n && !/[{}[\],]/.test(yaml[j]!) && !(yaml[j] === ':' && (j + 1 === n || /[\s,{}[\]]/.test(yaml[j + 1]!)))) j++;
    let word = yaml.slice(i, j);
    const trailing = /\s*$/.exec(word)![0];
    word = word.slice(0, word.length - trailing.length);
    if (yaml[j] === ':') {
      const alone = /^\s*$/.test(yaml.slice(j + 1));
      const path = word.split('.');
      if (alone) out += path.length > 1 && path.every((k) => /^[\w-]+$/.test(k)) ? path.map((k) => JSON.stringify(k)).join(': { ') + ' }'.repeat(path.length - 1) : JSON.stringify(word);
      else out += JSON.stringify(word) + ':';
      i = alone ? n : j + 1;
      continue;
    }
    out += /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|\.\.\.)$/.test(word) || (GAP.test(word) && !ID_GAP.test(word)) ? word : JSON.stringify(word);
    out += trailing;
    i = j;
  }
  return out;
}
