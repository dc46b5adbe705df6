/**
 * Problems found in a planner's file, zod-style: structured, all collected,
 * then formatted for people as `file:line:col: error[code] path: message (hint)`
 * (`file: error[code] ...` for a problem of the whole file), in English or Vietnamese.
 */
import { joined, say, sayIn, type Say } from './say.js';
import type { Lang } from './text.js';
import { ID_RE } from './vocabulary.js';
import { idLookalikeFix, lookalike } from './lookalikes.js';

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** where in the scenario, e.g. units[3].base */
  path: string;
  code: string;
  /** in English (what tests and older callers read); `words` says it in any language */
  message: string;
  hint?: string;
  severity: Severity;
  /** the message and hint as data (issue-words.ts), rendered in the language asked for */
  words: { message: Say; hint?: Say };
  /** about the file as a whole (empty, binary, another kind of file): no line and column is shown */
  whole?: true;
}

/** An issue whose English `message` and `hint` are those of its words. */
export function issue(at: Omit<ScenarioIssue, 'message' | 'hint' | 'words'>, message: Say, hint?: Say): ScenarioIssue {
  return { ...at, message: sayIn(message, 'en'), hint: sayIn(hint, 'en'), words: { message, hint } };
}

/** The same issue saying something else (a hint that goes on, a message in a planner's terms). */
export function reword(i: ScenarioIssue, message: Say = i.words.message, hint: Say | undefined = i.words.hint): ScenarioIssue {
  return { ...i, message: sayIn(message, 'en'), hint: sayIn(hint, 'en'), words: { message, hint } };
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(top)' : out;
}

/** The issue as a line, in English (a function of one argument: `issues.map(formatIssue)`). */
export function formatIssue(i: ScenarioIssue): string {
  return formatIssueIn(i, 'en');
}

/** `lang`: the language of the message and hint; the code, the place and the path are the file's own words in both. */
export function formatIssueIn(i: ScenarioIssue, lang: Lang): string {
  const message = lang === 'en' ? i.message : sayIn(i.words.message, lang);
  const hint = lang === 'en' ? i.hint : sayIn(i.words.hint, lang);
  const at = i.whole ? i.file : `${i.file}:${i.line}:${i.column}`;
  return `${at}: ${i.severity}[${i.code}] ${i.path}: ${message}${hint ? ` (${hint})` : ''}`;
}

/** Issues sorted by place in the file, then code: the order a planner reads them in. */
export function sortIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : 1));
}

/** Edit distance (optimal string alignment), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array(n).fill(0)]);
  for (let j = 1; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/**
 * The nearest candidate within a distance that scales with length, or undefined. Among candidates as near,
 * the one that shares the longest start with the word ('tv-school' -> 'tv-schools', not 'tr-school': ids
 * start with their place), then the first in alphabetical order.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  let bestP = -1;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist > bestD) continue;
    const p = commonStart(word, c);
    if (dist < bestD || p > bestP || (p === bestP && best !== undefined && c < best)) {
      best = c;
      bestD = dist;
      bestP = p;
    }
  }
  // a candidate as far from the word as the word is long ('at' -> 'id') shares nothing with it
  const limit = Math.min(Math.max(2, Math.floor(word.length / 3)), word.length - 1);
  return bestD <= limit ? best : undefined;
}

function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  return sayIn(didYouMeanSay(word, candidates), 'en');
}

/** didYouMean in words for any language: the near miss, else the first of those there are. */
const KNOWN_SHOWN = 16;

export function didYouMeanSay(word: string, candidates: Iterable<string>): Say | undefined {
  const list = [...candidates];
  const near = nearest(word, list);
  if (near) return say('hint.did-you-mean', { near });
  if (list.length === 0) return undefined;
  // a vocabulary (the owners of units, a mapping's keys) is short enough to give whole; a scenario's ids may not be
  return list.length > KNOWN_SHOWN ? say('hint.known-more', { list: joined(list.slice(0, KNOWN_SHOWN)), n: String(list.length - KNOWN_SHOWN) }) : say('hint.known', { list: joined(list) });
}

/** Is this a 'did you mean' (not a list of what there is)? */
export const isGuess = (s: Say | undefined): boolean => s?.key === 'hint.did-you-mean';

/**
 * The id a planner most likely meant by a text that is not one: diacritics
 * dropped (đ -> d), lower case, spaces to '-': 'Tri Lễ' -> 'tri-le'. Undefined
 * when nothing id-like is left.
 */
export function idFromText(text: string): string | undefined {
  // a lookalike pasted from Word or a web page is the character it looks like ('mx–militia' is 'mx-militia', not 'mxmilitia')
  const id = idLookalikesMeant(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim()
    .replace(/\s*-\s*/g, '-').replace(/\s+/g, '-').replace(/[^a-z0-9._-]/g, '').replace(/^[._-]+/, '');
  return ID_RE.test(id) ? id : undefined;
}

/** An id's lookalikes made what they stand for (spaces left as they are: an id's own hint says what goes there). */
const idLookalikesMeant = (text: string): string => text.split('').map((ch) => {
  const l = lookalike(ch);
  return l === undefined || l.kind === 'space' ? ch : l.kind === 'quote' ? '' : l.meant;
}).join('');

/**
 * What to do about a text that is not a valid id: the lookalikes in it named ('replace the dash '–' (U+2013)
 * with '-': write 'mx-militia''), then, if more is wrong, what ids are made of; the id meant when there is one.
 */
export function idHintSay(text: string | undefined): Say {
  const meant = text === undefined ? undefined : idFromText(text);
  const fix = text === undefined ? undefined : idLookalikeFix(text);
  if (fix && meant && ID_RE.test(idLookalikesMeant(text!))) return say('id.hint-lookalike', { fix, meant });
  const plain = meant ? say('id.hint-write', { meant }) : say('id.hint');
  return fix ? say('join.semicolon', { a: fix, b: plain }) : plain;
}
