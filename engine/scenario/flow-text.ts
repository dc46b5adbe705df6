/**
 * Texts written without the quotes they needed, or with quotes that end them early, in the lines of a YAML
 * file that does not read, found from where the parser stopped: the parser's own words for these say what
 * it met ("block collections are not allowed within flow collections"), not what the planner wrote. Every
 * shipped scenario writes its names and subjects `{ vi: ..., en: ... }`, so most of these are in such a
 * flow mapping. Pure: text and offsets in, what was written out.
 */

/** A text in the quotes that keep it whole: double, or single when it holds a `"` or a `\` (an escape in double quotes). */
export function quotedText(text: string): string {
  return /["\\]/.test(text) ? `'${text.replace(/'/g, "''")}'` : `"${text}"`;
}

const lineAround = (text: string, offset: number) => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const eol = text.indexOf('\n', offset);
  return { start, line: text.slice(start, eol < 0 ? text.length : eol).replace(/\r$/, '') };
};

/** The key a value on a line hangs on (`vi` in `{ vi: `, `subject` in `subject: `), from the text before the value. */
function keyBefore(before: string): string | undefined {
  const m = /(?:^|[\s{,[])("[^"]*"|'[^']*'|[^\s{,[\]}'"][^{,[\]}]*?)\s*:\s*$/.exec(before);
  return m ? m[1].replace(/^["']|["']$/g, '') : undefined;
}

/**
 * `{ vi: QL7: Mường Xén - Tà Cạ, en: ... }`: a plain text in a flow mapping holding ': ', which the parser
 * reads as a mapping inside the text (BLOCK_IN_FLOW, its range the text). The key and the text, or undefined.
 */
export function colonInFlow(text: string, range: readonly [number, number]): { key: string; value: string } | undefined {
  const value = text.slice(range[0], range[1]).replace(/\s+#.*$/s, '').trim();
  if (!/:\s/.test(value) || /^["'{[|>&*!]/.test(value)) return undefined;
  const { start } = lineAround(text, range[0]);
  const key = keyBefore(text.slice(start, range[0]));
  return key === undefined ? undefined : { key, value };
}

/** Index of the `"` closing the double-quoted text opening at `from` (escapes skipped), or -1. */
export function closingDouble(s: string, from: number): number {
  for (let c = from + 1; c < s.length; c++) {
    if (s[c] === '\\') c++;
    else if (s[c] === '"') return c;
  }
  return -1;
}

/**
 * `vi: "QL7 bị "chia cắt""`: a `"` inside a text in double quotes ends it, and the parser stops at what follows
 * ("unexpected scalar at node end", at `offset`). The key, the words after the early end, and the text meant (to
 * its last `"` before the value ends); undefined when the line is not that.
 */
export function quoteEndsEarly(text: string, offset: number): { key: string; after: string; meant: string } | undefined {
  const { start, line } = lineAround(text, offset);
  const at = offset - start;
  if (line[at - 1] !== '"') return undefined;
  // the quoted texts of the line, as YAML opens them (at the start of a value), up to the one the parser stopped after
  for (let c = 0; c < at - 1; c++) {
    if ((line[c] !== '"' && line[c] !== "'") || !/(?:^|[:,{[-])\s*$/.test(line.slice(0, c))) continue;
    const end = line[c] === '"' ? closingDouble(line, c) : line.indexOf("'", c + 1);
    if (end < 0) return undefined;
    if (end !== at - 1 || line[c] !== '"') {
      c = end;
      continue;
    }
    const key = keyBefore(line.slice(0, c));
    // words after the early end (`"chia cắt""`), not a stray quote after a whole text (`"Tin cảnh báo"", en: ...`)
    const rest = line.slice(at);
    const after = /^[^"]*/.exec(rest)![0].trim();
    if (key === undefined || after === '' || /^[,}\]#]/.test(after)) return undefined;
    // the text as meant runs to the last `"` of its item: one followed by a `,` `}` `]`, a comment or the line's end
    const close = /"[ \t]*(?=[,}\]]|[ \t]#|$)/.exec(rest);
    return close ? { key, after, meant: line.slice(c + 1, at + close.index) } : undefined;
  }
  return undefined;
}

/** Where a text in single quotes opened at `from` ends (`''` is a quote inside it); -1 when it does not. */
export function closingSingle(s: string, from: number): number {
  for (let c = from + 1; c < s.length; c++) {
    if (s[c] !== "'") continue;
    if (s[c + 1] === "'") c++;
    else return c;
  }
  return -1;
}

/**
 * `name: "Mường Xén" tiếp`, or a stray quote after a whole text (`vi: "Công điện"", en: ...`): a text in quotes is
 * the whole value, and the parser stops at what follows its closing quote ("unexpected scalar at node end", at
 * `offset`). The key, the text as quoted, and what follows it up to the end of its item; undefined when the line is
 * not that (a quote inside the text that ends it early is quoteEndsEarly's).
 */
export function textAfterQuote(text: string, offset: number): { key: string; quoted: string; rest: string } | undefined {
  const { start, line } = lineAround(text, offset);
  const at = offset - start;
  for (let c = 0; c < at; c++) {
    if ((line[c] !== '"' && line[c] !== "'") || !/(?:^|[:,{[-])\s*$/.test(line.slice(0, c))) continue;
    const end = line[c] === '"' ? closingDouble(line, c) : closingSingle(line, c);
    if (end < 0 || end >= at) return undefined;
    if (line.slice(end + 1, at).trim() !== '') {
      c = end;
      continue;
    }
    const key = keyBefore(line.slice(0, c));
    // what follows, to the end of its item in a flow mapping (a ',' '}' or ']'), or of the line, a comment left out
    const rest = /^[^,}\]]*/.exec(line.slice(end + 1))![0].replace(/\s#.*$/, '').trim();
    return key === undefined || rest === '' ? undefined : { key, quoted: line.slice(c, end + 1), rest };
  }
  return undefined;
}

/**
 * A quote opened at the start of a value and never closed, outside a flow mapping (`name: "Mường Xén`): the parser
 * says so at the end of the line it opened on (or of the file), at `offset`. The quote on that line whose text does
 * not end on it (1-based); undefined when the line has none.
 */
export function unclosedQuote(text: string, offset: number): { line: number; column: number } | undefined {
  const { start, line } = lineAround(text, Math.max(0, Math.min(offset, text.length) - (text[offset - 1] === '\n' ? 1 : 0)));
  let n = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < start; k = text.indexOf('\n', k + 1)) n++;
  for (let c = 0; c < line.length; c++) {
    const ch = line[c];
    if (ch === '#' && (c === 0 || /\s/.test(line[c - 1]))) break;
    if ((ch !== '"' && ch !== "'") || !/(?:^|[:,{[-])\s*$/.test(line.slice(0, c))) continue;
    const end = ch === '"' ? closingDouble(line, c) : closingSingle(line, c);
    if (end < 0) return { line: n, column: c + 1 };
    c = end;
  }
  return undefined;
}

/**
 * Quotes opened at the start of a value whose text runs on past its line into what reads as more of the file
 * (`name: "Mường Xén` with `tier: commune` under it): YAML lets a text in quotes run over lines, so the parser
 * goes on to the next quote it meets, perhaps a hundred lines on, and complains there. Each as its line and
 * column (1-based) and the line its text ends on (the file's last line when it never does).
 */
export function runawayQuotes(text: string): { line: number; column: number; through: number }[] {
  const out: { line: number; column: number; through: number }[] = [];
  let line = 1, lineStart = 0;
  for (let c = 0; c < text.length; c++) {
    const ch = text[c];
    if (ch === '\n') { line++; lineStart = c + 1; continue; }
    if (ch === '#' && (c === lineStart || /\s/.test(text[c - 1]))) {
      const eol = text.indexOf('\n', c);
      if (eol < 0) break;
      c = eol - 1;
      continue;
    }
    if ((ch !== '"' && ch !== "'") || !/(?:^|[:,{[-])\s*$/.test(text.slice(lineStart, c))) continue;
    const end = ch === '"' ? closingDouble(text, c) : closingSingle(text, c);
    const eol = text.indexOf('\n', c);
    if (eol >= 0 && (end < 0 || end > eol)) {
      // the next line reads as a key of its own (`tier: commune`, `- id: x`): the text was meant to end on its line
      const next = text.slice(eol + 1, text.indexOf('\n', eol + 1) < 0 ? text.length : text.indexOf('\n', eol + 1));
      if (/^\s*(?:- )?[A-Za-z_][\w-]*:(?:\s|$)/.test(next)) {
        let through = line;
        for (let k = eol, stop = end < 0 ? text.length : end; k < stop; k++) if (text[k] === '\n') through++;
        out.push({ line, column: c - lineStart + 1, through });
      }
    }
    if (end < 0) break;
    for (let k = c + 1; k < end; k++) if (text[k] === '\n') { line++; lineStart = k + 1; }
    c = end;
  }
  return out;
}

/**
 * `{ vi: Dân quân xã #1 Mường Xén,` with the mapping going on on the next line: the ` #` made a comment of the rest
 * of the line, its ',' too, and the parser says "missing , between flow map items" on the line after (at `offset`).
 * The line and column (1-based) of the ` #`, the comment, the first ',' '}' or ']' in it, and the text before it
 * quoted after its key (`vi: "Dân quân xã #1 Mường Xén"`) when that is simple; undefined when the lines are not that.
 */
export function commentAteSeparator(text: string, offset: number): { line: number; column: number; comment: string; close: string; fixed?: string } | undefined {
  const lines = text.slice(0, lineAround(text, offset).start).split('\n');
  // the last line before the parser's with something on it
  let l = lines.length - 1;
  while (l >= 0 && lines[l].trim() === '') l--;
  if (l < 0) return undefined;
  const line = lines[l].replace(/\r$/, '');
  let quote: string | null = null;
  for (let c = 1; c < line.length; c++) {
    const ch = line[c];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if ((ch === '"' || ch === "'") && /(?:^|[:,{[-])\s*$/.test(line.slice(0, c))) quote = ch;
    else if (ch === '#' && /\s/.test(line[c - 1])) {
      const comment = line.slice(c).trim();
      const close = /[,}\]]/.exec(comment);
      if (!close) return undefined;
      // the text the comment cut, to where its item ends in the comment
      const m = /(?:^|[{,])\s*([^\s{,:"'][^{,:]*?)\s*:\s*([^\s{,"'][^,]*)$/.exec(line.slice(0, c).trimEnd() + ' ' + comment.slice(0, close.index).trimEnd());
      return { line: l + 1, column: c + 1, comment, close: close[0], fixed: m ? `${m[1]}: ${quotedText(m[2].trim())}` : undefined };
    }
  }
  return undefined;
}

/**
 * A flow mapping of texts on one line (`{ vi: Nhà số #5 bị sập, en: House #5 collapsed }`, from the `{` at
 * `column`, 1-based), written again with each plain text that holds ' #' or ': ' in quotes, after its key
 * (`subject: { ... }`); undefined when it is not that simple (a bracket inside, no closing '}', nothing to quote).
 */
export function flowWithTextsQuoted(line: string, column: number): string | undefined {
  const open = column - 1;
  if (line[open] !== '{') return undefined;
  const items: string[] = [];
  let quote: string | null = null;
  let from = open + 1;
  let close = -1;
  for (let c = open + 1; c < line.length && close < 0; c++) {
    const ch = line[c];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if ((ch === '"' || ch === "'") && /(?:[{:,]\s*|\s)$/.test(line.slice(open, c))) quote = ch;
    else if (ch === '{' || ch === '[' || ch === ']') return undefined;
    else if (ch === ',' || ch === '}') {
      items.push(line.slice(from, c).trim());
      from = c + 1;
      if (ch === '}') close = c;
    }
  }
  if (close < 0) return undefined;
  let changed = false;
  const quoted = items.map((item) => {
    const m = /^([^:'"]+?):\s+(.*)$/.exec(item);
    if (!m || /^["']/.test(m[2]) || !/\s#|:\s/.test(m[2])) return item;
    changed = true;
    return `${m[1]}: ${quotedText(m[2])}`;
  });
  if (!changed) return undefined;
  const key = keyBefore(line.slice(0, open));
  return `${key === undefined ? '' : `${key}: `}{ ${quoted.join(', ')} }`;
}

/**
 * `{ vi: 'QL7 bị chia cắt, en: QL7 cut }`: a quote opened at `column` (1-based) and never closed. The key and
 * the text closed where it most likely ends (at the next `,` or `}` on the line), or undefined.
 */
export function quoteClosed(line: string, column: number): { key: string; closed: string } | undefined {
  const q = line[column - 1];
  const key = keyBefore(line.slice(0, column - 1));
  const m = /^[^,}\]]*/.exec(line.slice(column));
  const body = m ? m[0].trimEnd() : '';
  if (key === undefined || body === '' || (q !== '"' && q !== "'")) return undefined;
  return { key, closed: `${q}${body}${q}` };
}
