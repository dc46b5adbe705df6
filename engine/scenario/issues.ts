/**
 * Problems found in a planner's file, zod-style: structured, all collected,
 * then formatted for people as `file:line:col: error[code] path: message (hint)`.
 */
import { ID_RE } from './vocabulary.js';

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** where in the scenario, e.g. units[3].base */
  path: string;
  code: string;
  message: string;
  hint?: string;
  severity: Severity;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(top)' : out;
}

export function formatIssue(i: ScenarioIssue): string {
  const hint = i.hint ? ` (${i.hint})` : '';
  return `${i.file}:${i.line}:${i.column}: ${i.severity}[${i.code}] ${i.path}: ${i.message}${hint}`;
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
  const list = [...candidates];
  const near = nearest(word, list);
  if (near) return `did you mean '${near}'?`;
  if (list.length === 0) return undefined;
  const shown = list.slice(0, 8).join(', ');
  return `known: ${shown}${list.length > 8 ? ', ...' : ''}`;
}

/**
 * The id a planner most likely meant by a text that is not one: diacritics
 * dropped (đ -> d), lower case, spaces to '-': 'Tri Lễ' -> 'tri-le'. Undefined
 * when nothing id-like is left.
 */
export function idFromText(text: string): string | undefined {
  const id = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim()
    .replace(/\s+/g, '-').replace(/[^a-z0-9._-]/g, '').replace(/^[._-]+/, '');
  return ID_RE.test(id) ? id : undefined;
}
