/**
 * Characters pasted from Word, a web page or a chat that look like the ones a file needs: a dash for '-'
 * (Word's autocorrect makes 'mx-militia' 'mx–militia'), a non-breaking space for ' ', a full-width colon for
 * ':', an invisible zero-width space, curly quotes for straight ones. On the screen the file looks right;
 * YAML and the id pattern read another character. This names them, so that a message can say which
 * character it is and what to type instead. Pure: text in, findings out. It does not judge texts: inside a
 * quoted or plain text value (Vietnamese, or a sentence) these characters are what the planner wrote.
 */
import { joined, say, type Say, type IssueKey } from './say.js';
import { BlockText, openAfter } from './indentation.js';

export type LookalikeKind = 'dash' | 'space' | 'invisible' | 'colon' | 'quote' | 'fullwidth';

export interface Lookalike {
  ch: string;
  kind: LookalikeKind;
  /** what the planner meant to type: '-', ' ', ':', a straight quote, the ASCII letter; '' for an invisible one */
  meant: string;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const COLONS = /[\uFF1A\uFE13\uFE55\u2236]/;
const QUOTES = /[\u2018\u2019\u201A\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]/;

/** The character a lookalike stands for, or undefined for an ordinary one (or one that looks like nothing a file needs). */
export function lookalike(ch: string): Lookalike | undefined {
  if (DASHES.test(ch)) return { ch, kind: 'dash', meant: '-' };
  if (SPACES.test(ch)) return { ch, kind: 'space', meant: ' ' };
  if (INVISIBLE.test(ch)) return { ch, kind: 'invisible', meant: '' };
  if (COLONS.test(ch)) return { ch, kind: 'colon', meant: ':' };
  if (QUOTES.test(ch)) return { ch, kind: 'quote', meant: /[\u2018\u2019\u201A\u2039\u203A]/.test(ch) ? "'" : '"' };
  const c = ch.codePointAt(0)!;
  if (c >= 0xff01 && c <= 0xff5e) return { ch, kind: 'fullwidth', meant: String.fromCodePoint(c - 0xfee0) };
  return undefined;
}

/** 'U+2013' */
export const codeOf = (ch: string): string => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** The name of an invisible character or an unusual space ('non-breaking space', 'zero-width space'). */
export function charName(ch: string): Say {
  const key: IssueKey = ({
    '\u00A0': 'char.nbsp', '\u202F': 'char.narrow-nbsp', '\u2007': 'char.nbsp', '\u3000': 'char.fullwidth-space',
    '\u200B': 'char.zwsp', '\u200C': 'char.zwnj', '\u200D': 'char.zwj', '\u2060': 'char.word-joiner', '\uFEFF': 'char.bom', '\u00AD': 'char.soft-hyphen',
  } as Record<string, IssueKey>)[ch] ?? 'char.space';
  return say(key);
}

/** Each lookalike of a text once, in the order they first come. */
export function lookalikesIn(text: string): Lookalike[] {
  const seen = new Map<string, Lookalike>();
  for (const ch of text) {
    const l = seen.has(ch) ? undefined : lookalike(ch);
    if (l) seen.set(ch, l);
  }
  return [...seen.values()];
}

/**
 * What to do about the lookalikes in an id: 'replace the dash '–' (U+2013) with '-'', 'remove the invisible
 * zero-width space (U+200B)'. Spaces are left to the id's own hint (ids have no spaces; '-' goes there).
 */
export function idLookalikeFix(text: string): Say | undefined {
  const fixes = lookalikesIn(text).flatMap((l): Say[] => {
    const code = codeOf(l.ch);
    if (l.kind === 'dash') return [say('lookalike.id-dash', { ch: l.ch, code })];
    if (l.kind === 'invisible') return [say('lookalike.id-invisible', { name: charName(l.ch), code })];
    if (l.kind === 'fullwidth') return [say('lookalike.id-fullwidth', { ch: l.ch, code, meant: l.meant })];
    if (l.kind === 'quote') return [say('lookalike.id-quote', { ch: l.ch, code })];
    return [];
  });
  return fixes.length === 0 ? undefined : say('verbatim', { text: joined(fixes, 'sep.and') });
}

// ---------------------------------------------------------------- where YAML's own characters go

export interface StructureLookalike {
  /** 1-based line and column of the character */
  line: number;
  column: number;
  ch: string;
  /** in a line's indentation; right after a key's colon (where the space goes); as a key's colon; as a list item's dash */
  where: 'indent' | 'after-colon' | 'colon' | 'dash';
  key?: string;
  /** the line as it is meant, trimmed (the character made the one it stands for) */
  fixed: string;
}

const LEAD = /^[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000\u00AD\u200B-\u200D\u2060\uFEFF]*/;
const ODD_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\u00AD\u200B-\u200D\u2060\uFEFF]/;
const ITEM_DASH = /^([\u2010-\u2015\u2212\u2022])[ \t\u00A0]/;
const COLON_LIKE = '：﹕︓∶';
const KEY_AT = new RegExp(`^((?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^']|'')*'|[^ \\t#'"{[\\]},&*!|>%@\`\\-:${COLON_LIKE}][^:#${COLON_LIKE}]*?))[ \\t]*(:|[${COLON_LIKE}])`);
const BLOCK_SCALAR = /^[|>][0-9+-]*[ \t]*(?:#.*)?$/;

/**
 * The lookalikes where YAML needs its own characters: in the indentation of a line with a key or a list item,
 * right after a key's colon, as a key's colon, as a list item's dash (and the same in a `{ ... }` mapping).
 * Block texts (`|`, `>`) and texts in quotes over several lines are skipped; a value is never looked into.
 */
export function lookalikesInStructure(text: string): StructureLookalike[] {
  const lines = text.split(/\r?\n/);
  const out: StructureLookalike[] = [];
  const flow = { depth: 0, quote: null as '"' | "'" | null };
  const block = new BlockText();
  // a plain text value goes on over the lines indented deeper than its key (or its dash): those lines are text
  let textAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (flow.depth > 0 || flow.quote) { openAfter(raw, flow); continue; }
    const lead = LEAD.exec(raw)![0];
    const body = raw.slice(lead.length);
    // the indentation as YAML counts it: ordinary spaces only (a non-breaking space is, to YAML, the line's first character)
    const indent = /^ */.exec(raw)![0].length;
    if (block.inside(body, indent)) continue;
    if (body === '' || body.startsWith('#')) continue;
    if (textAt >= 0 && indent > textAt) continue;
    textAt = -1;
    const found: StructureLookalike[] = [];
    const hit = (column: number, ch: string, where: StructureLookalike['where'], key?: string) => found.push({ line: i + 1, column, ch, where, key, fixed: '' });
    const odd = lead.search(ODD_SPACE);
    let col = lead.length;
    const item = ITEM_DASH.exec(body);
    if (item) hit(col + 1, item[1], 'dash');
    // past the list items' dashes
    const dashes = /^(?:(?:-|[\u2010-\u2015\u2212\u2022])[ \t\u00A0]+)*/.exec(body)![0];
    col += dashes.length;
    const rest = body.slice(dashes.length);
    const key = KEY_AT.exec(rest);
    // a line with neither a key nor a list item may be more of a text: its characters are the text's
    if (odd >= 0 && (key || dashes !== '')) hit(odd + 1, lead[odd], 'indent');
    let value = rest;
    if (key) {
      const sep = key[2];
      const after = rest[key[0].length];
      if (sep !== ':') hit(col + key[0].length, sep, 'colon', key[1]);
      else if (after !== undefined && ODD_SPACE.test(after)) hit(col + key[0].length + 1, after, 'after-colon', key[1]);
      value = rest.slice(key[0].length).replace(/^[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000\u200B]+/, '');
      if (BLOCK_SCALAR.test(value)) block.open(indent);
      else if (value !== '' && !/^[{["'&*!#]/.test(value)) textAt = col;
    } else if (dashes !== '' && BLOCK_SCALAR.test(rest)) block.open(indent);
    else if (dashes !== '' && rest !== '' && !/^[{["'&*!#]/.test(rest)) textAt = lead.length + dashes.search(/\S[ \t\u00A0]+$/);
    if (/^[{[]/.test(value)) {
      const at = col + (rest.length - value.length);
      found.push(...inFlow(value).map((f) => ({ line: i + 1, column: at + f.offset + 1, ch: f.ch, where: f.where, key: f.key, fixed: '' })));
    }
    if (/^[{["']/.test(value)) openAfter(value, flow);
    if (found.length === 0) continue;
    // the line as meant: the characters found made the ones they stand for (a key's colon with its space after it)
    const at = new Map(found.map((f) => [f.column - 1, f]));
    const fixed = raw.split('').map((ch, k) => {
      const f = at.get(k);
      if (!f) return ch;
      const meant = lookalike(ch)?.meant ?? ch;
      return f.where === 'colon' && !/[ \t]/.test(raw[k + 1] ?? ' ') ? meant + ' ' : meant;
    }).join('').trim();
    out.push(...found.map((f) => ({ ...f, fixed })));
  }
  return out;
}

/** In a `{ ... }` on one line: a key followed by a lookalike of ': ' (quoted texts left alone). */
function inFlow(value: string): { offset: number; ch: string; where: 'after-colon' | 'colon'; key: string }[] {
  // quoted texts blanked out, so that what they hold is never read as a key
  const masked = value.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (q) => ' '.repeat(q.length));
  const out: { offset: number; ch: string; where: 'after-colon' | 'colon'; key: string }[] = [];
  const re = new RegExp(`([{,][ \\t]*)([^ \\t{}\\[\\],:#"'${COLON_LIKE}][^{}\\[\\],:#${COLON_LIKE}]*?)[ \\t]*(:[\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000\\u200B]|[${COLON_LIKE}])`, 'g');
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    const sepAt = m.index + m[0].length - m[3].length;
    if (m[3].length === 2) out.push({ offset: sepAt + 1, ch: m[3][1], where: 'after-colon', key: m[2].trim() });
    else out.push({ offset: sepAt, ch: m[3], where: 'colon', key: m[2].trim() });
  }
  return out;
}

/** What a lookalike where YAML's own character goes is said as: the character, where it is, what to type. */
export function structureWords(l: StructureLookalike): { message: Say; hint: Say } {
  const code = codeOf(l.ch);
  const invisible = INVISIBLE.test(l.ch);
  const name = invisible || SPACES.test(l.ch) ? charName(l.ch) : undefined;
  const fixed = l.fixed;
  switch (l.where) {
    case 'indent':
      return { message: say(invisible ? 'lookalike.invisible-indent' : 'lookalike.space-indent', { name: name!, code }), hint: invisible ? say('lookalike.invisible-hint', { fixed }) : say('lookalike.space-indent-hint') };
    case 'after-colon':
      return { message: say(invisible ? 'lookalike.invisible-after-colon' : 'lookalike.space-after-colon', { name: name!, code, key: l.key ?? '' }), hint: say('lookalike.space-hint', { fixed: fixed.replace(/:(?=\S)/, ': ') }) };
    case 'colon':
      return { message: say(l.ch === '：' ? 'lookalike.fullwidth-colon' : 'lookalike.colon', { ch: l.ch, code, key: l.key ?? '' }), hint: say('lookalike.colon-hint', { fixed }) };
    case 'dash':
      return { message: say(l.ch === '\u2022' ? 'lookalike.bullet' : 'lookalike.dash-item', { ch: l.ch, code }), hint: say('lookalike.dash-hint', { fixed }) };
  }
}
