/**
 * `vi: Đường QL7 bị sạt lở #km12, không đi được.`: in YAML a `#` after a space starts a comment, inside a
 * text written without quotes too, and the text stops before it without a word. This finds the plain texts
 * a comment follows on their own line, from the parsed document (each scalar keeps its source range): the
 * caller says which values are texts. A comment set apart as comments are (two spaces, then `# `) is taken
 * to be meant. Pure: document and text in, places out.
 */
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { PathSegment } from './issues.js';

export interface CutText {
  path: PathSegment[];
  /** offset of the `#` in the text */
  offset: number;
  /** the text as YAML reads it, and the comment that was meant as more of it (from its `#`) */
  kept: string;
  comment: string;
}

export function textsCutByComment(doc: Document, text: string, isText: (path: PathSegment[]) => boolean): CutText[] {
  const out: CutText[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const p of node.items) if (isPair(p) && isScalar(p.key) && typeof p.key.value !== 'symbol') walk(p.value, [...path, String(p.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, k) => walk(item, [...path, k]));
    } else if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.range && isText(path)) {
      const end = node.range[1];
      // (a `#` after a space ends a plain text wherever it is: what follows on the line is a comment)
      const eol = text.indexOf('\n', end);
      const m = /^([ \t]+)(#[^\r\n]*)/.exec(text.slice(end, eol < 0 ? text.length : eol));
      // `name: Tà Cạ  # since 2025`: a comment written as one
      if (!m || (m[1].length >= 2 && /^#(\s|$)/.test(m[2]))) return;
      out.push({ path, offset: end + m[1].length, kept: node.value, comment: m[2].trimEnd() });
    }
  };
  walk(doc.contents, []);
  return out;
}
