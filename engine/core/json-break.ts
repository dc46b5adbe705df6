/**
 * Where a JSON text breaks, in words a message can carry on one line: what JSON.parse found wrong, and the line
 * and column. Used by every reader of a file the user gives (run logs, batch results, the viewer's files); it
 * loads nothing else, so a batch worker that reads results need not load the scenario loader with it.
 */
/**
 * What JSON.parse found wrong with `text`, and where when V8 says (not every message has a place): the place as
 * line and column, since a log is one event a line, not V8's character offset; and never the text V8 quotes (it
 * may hold a line break, and split a one-line message), nor a token that is a line break or another invisible
 * character as such (it is written escaped, `'\n'`). The line and column read the same in any language.
 *
 * V8 names no place when it quotes the text (`Unexpected token 'h', "hello\n" is not valid JSON`): with `locate`,
 * the place is then found by reading the text again (breakAt), in one pass.
 */
export function jsonBreak(text: string, error: Error, locate = false): { what: string; place: { line: number; column: number } | null } {
  const at = /at position (\d+)/.exec(error.message);
  let what = error.message
    .replace(/ in JSON at position \d+.*$/s, '')
    // the text quoted, whole or as context ("…" or ..."…"...), or the message that is nothing but it
    .replace(/(^|, )(\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/^Unexpected token '([\s\S])'/, (_, c: string) => `Unexpected token '${visible(c)}'`);
  const pos = at !== null ? Number(at[1]) : locate && !/Unexpected end of JSON input/.test(error.message) ? breakAt(text) : null;
  if (what === '') what = pos === null ? 'Unexpected token' : `Unexpected token '${visible(text[pos] ?? '')}'`;
  if (pos === null) return { what, place: null };
  return { what, place: { line: text.slice(0, pos).split('\n').length, column: pos - text.lastIndexOf('\n', pos - 1) } };
}

/** A character as a message may show it: a line break, tab or other invisible one escaped. */
function visible(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c;
}

/**
 * Where JSON.parse stops reading `text` (its offset), found without V8's word: the length of the longest start of
 * `text` that some JSON text begins with, read in one pass (RFC 8259's grammar, as V8 reads it). Null when all of
 * `text` begins JSON text (it is cut short, or reads).
 */
export function breakAt(text: string): number | null {
  const n = text.length;
  const closers: number[] = []; // the '}' (125) or ']' (93) each open object or array waits for
  let i = 0;
  let state: 'value' | 'firstValue' | 'key' | 'firstKey' | 'after' = 'value';
  const digit = (k: number): boolean => k >= 48 && k <= 57;
  const hex = (k: number): boolean => digit(k) || (k >= 65 && k <= 70) || (k >= 97 && k <= 102);
  // a token from i: true with i after it; else where it breaks, or null when the text ends inside it
  const string = (): true | number | null => {
    for (i++; i < n; i++) {
      const k = text.charCodeAt(i);
      if (k === 34) { i++; return true; }
      if (k < 32) return i;
      if (k !== 92) continue;
      if (i + 1 >= n) return null;
      const e = text.charCodeAt(i + 1);
      if (e === 117) {
        for (let d = 2; d < 6; d++) {
          if (i + d >= n) return null;
          if (!hex(text.charCodeAt(i + d))) return i + d;
        }
        i += 5;
      } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i++;
      else return i + 1;
    }
    return null;
  };
  const word = (w: string): true | number | null => {
    for (let k = 0; k < w.length; k++) {
      if (i + k >= n) return null;
      if (text[i + k] !== w[k]) return i + k;
    }
    i += w.length;
    return true;
  };
  const number = (): true | number | null => {
    let j = i;
    const digits = (): true | number | null => {
      if (j >= n) return null;
      if (!digit(text.charCodeAt(j))) return j;
      while (j < n && digit(text.charCodeAt(j))) j++;
      return true;
    };
    if (text[j] === '-') j++;
    if (j >= n) return null;
    if (text[j] === '0') j++;
    else {
      const r = digits();
      if (r !== true) return r;
    }
    if (text[j] === '.') {
      j++;
      const r = digits();
      if (r !== true) return r;
    }
    if (text[j] === 'e' || text[j] === 'E') {
      j++;
      if (text[j] === '+' || text[j] === '-') j++;
      const r = digits();
      if (r !== true) return r;
    }
    i = j;
    return true;
  };
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= n) return null;
    const k = text.charCodeAt(i);
    if (state === 'after') {
      if (closers.length === 0) return i; // more than one value
      if (k === 44) { i++; state = closers[closers.length - 1] === 125 ? 'key' : 'value'; }
      else if (k === closers[closers.length - 1]) { i++; closers.pop(); }
      else return i;
      continue;
    }
    if (state === 'key' || state === 'firstKey') {
      if (k === 125 && state === 'firstKey') { i++; closers.pop(); state = 'after'; continue; }
      if (k !== 34) return i;
      const r = string();
      if (r !== true) return r;
      while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
      if (i >= n) return null;
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    if (k === 93 && state === 'firstValue') { i++; closers.pop(); state = 'after'; continue; }
    if (k === 123 || k === 91) { i++; closers.push(k + 2); state = k === 123 ? 'firstKey' : 'firstValue'; continue; }
    const r = k === 34 ? string() : k === 116 ? word('true') : k === 102 ? word('false') : k === 110 ? word('null') : number();
    if (r !== true) return r;
    state = 'after';
  }
}
