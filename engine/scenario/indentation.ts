/**
 * Indentation slips in a YAML file, said the way a planner can act on: the
 * line that is out of line, the column it is at, the column it should be at
 * and the line it should line up with.
 *
 * The YAML parser reports a slip in its own terms ("all mapping items must
 * start at the same column", "sequence item without - indicator", "a block
 * sequence may not be used as an implicit map key"), at column 1, and often
 * on every line after the one that is wrong. This reads the lines' indentation
 * the way YAML does (a stack of open levels: the keys of a mapping, the dashes
 * of a list) and finds the lines that fit none of them. It is consulted only
 * when the parser has already failed; a file that reads is never second-guessed.
 * Pure: text in, slips out.
 */
import { closingDouble, closingSingle } from './flow-text.js';
import { say, type Say } from './say.js';

export interface IndentSlip {
  /** 1-based line and column of the first character of the line that is out of line */
  line: number;
  column: number;
  /** the column (1-based) it most likely belongs at */
  expected: number;
  message: Say;
  hint: Say;
  /**
   * the lines whose parse errors this slip explains: from the line above it (a line indented deeper under
   * `key: text` reads as more of that text, and the parser complains at the text) to the end of its block
   */
  from: number;
  through: number;
}

interface Level {
  /** 0-based column of the keys (kind key) or of the dashes (kind seq) */
  col: number;
  kind: 'key' | 'seq';
  /** 1-based line that set the level, and what it shows there ('home:' or '-') */
  line: number;
  label: string;
  /** the key whose value this mapping or list is ('doctrine:'), for messages */
  opener?: { line: number; label: string };
  /** the block's first line, while no other line has joined the level: it may be the one out of line */
  first?: { content: Content; from: number };
  /** for the keys of a list's first item, while they are the dash line's own: the dash line, which may be out of line */
  itemOf?: { content: Content; from: number };
  /** the last line to join this level came out of deeper ones (`closed`): if the line after goes back to one, it was out of line */
  reopen?: { closed: Level[]; before: Level[]; content: Content; from: number };
}

interface Content {
  line: number;
  indent: number;
  dash: boolean;
  /** columns of the dashes after the first on a `- - x` line */
  innerDashes: number[];
  /** column of the key on the line (after '- ' for a dash line), or -1 when the line holds no key */
  keyCol: number;
  key?: string;
  /** the line's value opens a block below it: `key:` alone, or `-` alone */
  opens: boolean;
  /** the value is a plain text that may go on over more-indented lines */
  plainValue: boolean;
  /** a word alone on its line with a block under it (`units`, then `  - id: ...`): a key without its colon */
  bareKey?: string;
}

const KEY = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-](?:[^:]|:(?!\s|$))*?|-[^\s](?:[^:]|:(?!\s|$))*?)):(?=\s|$)/;
const BLOCK_SCALAR = /^[|>][0-9+-]*\s*(?:#.*)?$/;

/**
 * The lines of a block text (`message: |` and the lines indented under it), which a line-by-line reading of a
 * file's structure skips: `open(at)` when a key or list item at column `at` starts one, then `inside(body,
 * indent)` for each line after. Its own indentation is its first line's; a line indented less ends it.
 */
export class BlockText {
  private at = -1;
  private indent = -1;
  open(at: number): void {
    this.at = at;
  }
  inside(body: string, indent: number): boolean {
    if (this.at < 0) return false;
    if (body === '') return true;
    if (this.indent < 0 && indent > this.at) this.indent = indent;
    if (this.indent >= 0 && indent >= this.indent) return true;
    this.at = -1;
    this.indent = -1;
    return false;
  }
}

/** Where the brackets and quotes of a flow value or a quoted text started on one line leave off. */
export function openAfter(text: string, state: { depth: number; quote: '"' | "'" | null }): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (state.quote) {
      if (state.quote === '"' && ch === '\\') { i++; continue; }
      if (ch === state.quote) {
        if (state.quote === "'" && text[i + 1] === "'") { i++; continue; }
        state.quote = null;
      }
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) return;
    if (ch === '"' || ch === "'") {
      // a quote opens a quoted text only where a value starts (after ': ', '- ', '[', '{', ',')
      const before = text.slice(0, i).trimEnd();
      if (before === '' || /[:\-[{,]$/.test(before)) state.quote = ch;
      continue;
    }
    if (ch === '{' || ch === '[') state.depth++;
    else if ((ch === '}' || ch === ']') && state.depth > 0) state.depth--;
  }
}

/** The lines that carry structure, with their indentation; block texts, flow values and quoted texts over several lines are skipped. */
function contentLines(text: string): Content[] | undefined {
  const lines = text.split(/\r?\n/);
  const out: Content[] = [];
  const block = new BlockText();
  const flow = { depth: 0, quote: null as '"' | "'" | null };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const body = raw.trimStart();
    const indent = raw.length - body.length;
    if (/^[ ]*\t/.test(raw) && body !== '') return undefined; // tabs: the parser's own message says it best
    if (flow.depth > 0 || flow.quote) { openAfter(raw, flow); continue; }
    if (block.inside(body, indent)) continue;
    if (body === '' || body.startsWith('#')) continue;
    if (body === '---' || body === '...' || body.startsWith('%')) continue;
    let rest = body;
    let keyCol = -1;
    const dash = /^-(?:\s|$)/.test(body);
    // `- - x`: a list in a list item, one dash column each
    const innerDashes: number[] = [];
    if (dash) {
      rest = body.slice(1).trimStart();
      keyCol = indent + (body.length - rest.length);
      while (/^-(?:\s|$)/.test(rest)) {
        innerDashes.push(keyCol);
        const after = rest.slice(1).trimStart();
        keyCol += rest.length - after.length;
        rest = after;
      }
    }
    const m = KEY.exec(rest);
    let key: string | undefined;
    let value = rest;
    if (m) {
      key = m[1];
      if (!dash) keyCol = indent;
      value = rest.slice(m[0].length).trim();
    } else if (!dash) {
      keyCol = -1;
    }
    const bare = value.replace(/\s+#.*$/, '').trim();
    const opens = (m !== null && (bare === '' || /^[&!][^\s]*$/.test(bare))) || (dash && rest.replace(/\s*#.*$/, '') === '');
    if (m && BLOCK_SCALAR.test(bare)) block.open(dash ? keyCol : indent);
    if (!m && dash && BLOCK_SCALAR.test(bare)) block.open(indent);
    const start = m ? value : rest;
    if (/^[{["']/.test(start)) openAfter(start, flow);
    out.push({ line: i + 1, indent, dash, innerDashes, keyCol: m ? keyCol : -1, key, opens, plainValue: bare !== '' && !/^[{["'|>&*!]/.test(bare) });
    if (!dash && !m && /^[A-Za-z_][\w-]*$/.test(bare)) {
      // the next line with content: deeper, or a list's dash at this column (YAML lets a key's list sit there)
      let j = i + 1;
      while (j < lines.length && (lines[j].trim() === '' || lines[j].trimStart().startsWith('#'))) j++;
      const next = lines[j];
      const nextIndent = next === undefined ? -1 : next.length - next.trimStart().length;
      if (next !== undefined && (nextIndent > indent || (nextIndent === indent && /^-(?:\s|$)/.test(next.trimStart())))) out[out.length - 1].bareKey = bare;
    }
  }
  return out;
}

/**
 * A line taken to be at column `col`, where it belongs after a slip: its key and inner dashes move with it. A line
 * with no key (a list item written `- { ... }`, a line of text) still has none: moved, its -1 made a key column,
 * and the next lines were measured against a key 'undefined:'.
 */
function movedTo(c: Content, col: number): Content {
  const by = col - c.indent;
  return { ...c, indent: col, keyCol: c.keyCol < 0 ? -1 : c.keyCol + by, innerDashes: c.innerDashes.map((d) => d + by) };
}

const shown = (label: string): Say => (label === '-' ? say('indent.dash') : label === '' ? say('indent.text') : say('quoted', { text: label }));
/** how a line is named in messages: its key, a list's dash, or (a line of text) nothing */
const labelOf = (c: Content) => (c.dash ? '-' : c.key !== undefined ? `${c.key}:` : '');
const spaces = (n: number): Say => say('indent.spaces', { n });

/**
 * The lines whose indentation fits no open level. After a slip the line is
 * taken to be where it belongs, so that one slip is reported once, not again
 * on every line under it.
 */
export function indentationSlips(text: string): IndentSlip[] {
  const lines = contentLines(text);
  if (!lines) return [];
  const slips: IndentSlip[] = [];
  const stack: Level[] = [];
  let prev: Content | undefined;
  const top = () => stack[stack.length - 1];
  /** the level a line at `col` joins (a new one when the line above opened a block under `opener`) */
  const enter = (c: Content, col: number, opener?: Content) => {
    const label = labelOf(c);
    if (!stack.length || top().col < col) {
      stack.push({ col, kind: c.dash ? 'seq' : 'key', line: c.line, label, opener: opener?.key ? { line: opener.line, label: `${opener.key}:` } : undefined, first: opener ? { content: c, from: opener.line } : undefined });
    } else if (top().col === col) Object.assign(top(), { line: c.line, label, first: undefined, itemOf: undefined, reopen: undefined });
    itemLevels(c);
  };
  /** a dash line's inner lists and its own key open levels of their own (moved by `shift` when the line is taken to be elsewhere) */
  const itemLevels = (c: Content, shift = 0) => {
    if (!c.dash) return;
    const list = top();
    const firstItem = list?.kind === 'seq' && list.line === c.line && list.first ? { content: c, from: list.first.from } : undefined;
    for (const col of c.innerDashes) stack.push({ col: col + shift, kind: 'seq', line: c.line, label: '-' });
    if (c.keyCol >= 0) stack.push({ col: c.keyCol + shift, kind: 'key', line: c.line, label: `${c.key}:`, itemOf: c.innerDashes.length ? undefined : firstItem });
  };
  const slip = (c: Content, expected: number, message: Say, hint: Say) => {
    slips.push({ line: c.line, column: c.indent + 1, expected: expected + 1, message, hint, from: prev?.line ?? c.line, through: c.line });
  };
  /** how far the file indents a block under its key, most often (2 until a block says otherwise) */
  const steps = new Map<number, number>();
  const step = (besides?: number) => [...steps].map(([d, n]) => [d, d === besides ? n - 1 : n]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || Math.abs(a[0] - 2) - Math.abs(b[0] - 2))[0]?.[0] ?? 2;
  const whatOf = (c: Content): Say => (c.dash ? (c.key ? say('indent.item-key', { key: c.key }) : say('indent.item')) : c.key ? say('quoted', { text: `${c.key}:` }) : say('indent.this-line'));
  /** the line before `c`, now taken to be out of line: its slip, and the stack as it was before it */
  const retro = (x: Content, from: number, expected: number, message: Say, hint: Say) => {
    slips.push({ line: x.line, column: x.indent + 1, expected: expected + 1, message, hint, from, through: x.line });
  };
  let empty: { opener: Content; content: Content; before: Level[] } | undefined;
  /** lines said to be keys without their colon: their slip explains the parse errors of their block only */
  const bareKeys = new Set<number>();
  for (const [k, line] of lines.entries()) {
    let c = line;
    // `units` alone with its list under it, the colon left out: said as that, then read as the key it was meant to be
    if (c.bareKey !== undefined && !(prev && !prev.opens && prev.plainValue && c.indent > (prev.dash ? prev.keyCol : prev.indent))) {
      slips.push({ line: c.line, column: c.indent + c.bareKey.length + 1, expected: c.indent + 1, message: say('indent.no-colon', { key: c.bareKey }), hint: say('indent.no-colon-hint', { key: c.bareKey }), from: c.line, through: c.line });
      bareKeys.add(c.line);
      c = { ...c, key: c.bareKey, keyCol: c.indent, opens: true, plainValue: false };
      lines[k] = c;
    }
    const n = c.indent;
    // the line that left a block empty counts while the lines after it are under it
    if (empty && c.line !== empty.content.line && n <= empty.content.indent && !(n === empty.content.indent && stack.some((l) => l.line === empty!.content.line))) empty = undefined;
    const what = whatOf(c);
    const label = labelOf(c);
    // a plain text going on over a more-indented line (no key on it): part of the value above
    if (prev && !prev.opens && prev.plainValue && c.keyCol < 0 && !c.dash && n > (prev.dash ? prev.keyCol : prev.indent)) continue;
    if (prev?.opens) {
      const opener = top();
      // the block the line above opened stays empty: if a line after goes deeper than this one, this one was meant inside it
      if (opener && n <= opener.col && !(c.dash && n === opener.col)) empty = { opener: prev, content: c, before: stack.map((l) => ({ ...l })) };
      if (opener && n > opener.col) {
        steps.set(n - opener.col, (steps.get(n - opener.col) ?? 0) + 1);
        enter(c, n, prev);
        prev = c;
        continue;
      }
      // `key:` then `- item` at the key's own column: YAML lets a list sit there
      if (opener && c.dash && n === opener.col && opener.kind === 'key') {
        stack.push({ col: n, kind: 'seq', line: c.line, label: '-', opener: prev.key ? { line: prev.line, label: `${prev.key}:` } : undefined, first: { content: c, from: prev.line } });
        itemLevels(c);
        prev = c;
        continue;
      }
    }
    // the levels this line closes, the deeper one it falls short of kept for the message
    const before = stack.map((l) => ({ ...l }));
    const closed: Level[] = [];
    while (stack.length && top().col > n) closed.push(stack.pop()!);
    // a list at its key's own column (`a:`, then `- x` under it at a's column) ends at the next key there: a's sibling
    if (!c.dash && stack.length >= 2 && top().kind === 'seq' && top().col === n && stack[stack.length - 2].kind === 'key' && stack[stack.length - 2].col === n) stack.pop();
    const deeper = closed[closed.length - 1];
    const here = top();
    if (!here) { enter(c, n); prev = c; continue; }
    // the next line not under this one
    const next = lines.slice(k + 1).find((l) => l.indent <= n);
    const fits = here.col === n && !(here.kind === 'seq' && !c.dash) && !(here.kind === 'key' && c.dash);
    // this line opens a block that would be empty where it is: then it is more likely the one out of line than another
    const emptyHere = c.opens && lines[k + 1] !== undefined && lines[k + 1].indent === n;

    // 0. a line that left the block above it empty, and a later line deeper than it, with its own lines between:
    //    it was meant inside the block ('vi:' at 0 after 'summary:', then 'en:' at 2)
    if (!fits && empty && here.line === empty.content.line && n > here.col && !c.dash && empty.content.dash === c.dash) {
      const x = empty.content;
      const opener = shown(`${empty.opener.key}:`);
      retro(x, empty.opener.line, n, say('indent.empty-above', { what: whatOf(x), spaces: spaces(x.indent), opener, openerLine: empty.opener.line, label: shown(label), line: c.line, n }),
        say('indent.empty-above-hint', { spaces: spaces(n), label: shown(label), line: c.line, opener }));
      stack.splice(0, stack.length, ...empty.before);
      while (stack.length && top().col > empty.opener.indent) stack.pop();
      stack.push({ col: n, kind: 'key', line: c.line, label, opener: empty.opener.key ? { line: empty.opener.line, label: `${empty.opener.key}:` } : undefined });
      empty = undefined;
      prev = c;
      continue;
    }
    // 1. the line before came out to a shallower level and closed the one this line is at: it was the one out of line
    //    ('variability:' at 0 between 'speed_kmh:' and 'nodes:' at 2)
    const back = here.reopen;
    // (and only when the lines after it agree with it: alone, it is as likely the one out of line)
    const followed = next !== undefined && next.indent === n && next.dash === c.dash;
    if (!fits && !emptyHere && followed && back && back.content.line === prev?.line && back.closed.some((l) => l.col === n && (l.kind === 'key') === !c.dash)) {
      const x = back.content;
      const near = back.closed.find((l) => l.col === n)!;
      retro(x, back.from, n, say('indent.around', { what: whatOf(x), spaces: spaces(x.indent), near: shown(near.label), nearLine: near.line, label: shown(label), line: c.line, n }),
        say('indent.like', { spaces: spaces(n), label: shown(label), line: c.line }));
      stack.splice(0, stack.length, ...back.before);
      while (stack.length && top().col > n) stack.pop();
      enter(c, n);
      prev = c;
      continue;
    }
    // 2. a list's first item whose '- key:' does not line up with the keys under it, which agree with each other: the dash line
    const itemLevel = c.dash ? undefined : [deeper, n > here.col ? here : undefined].find((l) => l?.itemOf && l.kind === 'key');
    const item = itemLevel?.itemOf?.content;
    const dashAt = item ? item.indent + (n - item.keyCol) : -1;
    if (!fits && !emptyHere && itemLevel && item && dashAt >= 0 && next !== undefined && next.indent === n && !next.dash) {
      retro(item, itemLevel.itemOf!.from, dashAt, say('indent.item-keys', { what: whatOf(item), spaces: spaces(item.indent), key: String(item.key), keySpaces: spaces(item.keyCol), label: shown(label), line: c.line, n }),
        say('indent.item-keys-hint', { spaces: spaces(dashAt), key: String(item.key), label: shown(label) }));
      if (itemLevel === here) stack.pop();
      while (stack.length && top().col > dashAt && top().line !== item.line) stack.pop();
      const list = top();
      if (list?.kind === 'seq' && list.line === item.line) list.col = dashAt;
      stack.push({ col: n, kind: 'key', line: c.line, label });
      prev = c;
      continue;
    }
    // 3. the block's first line out of line with the lines under it, which agree with each other: the first line
    const firstLevel = fits || emptyHere ? undefined : [deeper, n > here.col ? here : undefined].find((l) => l?.first && l.first.content.dash === c.dash && (l.kind === 'key') === !c.dash);
    const parentCol = firstLevel === here ? stack[stack.length - 2]?.col : here.col;
    // the lines after agree with this one; or, with no line after in the block, this one keeps the file's indentation step and the first does not
    const agreed = next !== undefined && next.indent === n && next.dash === c.dash;
    // (the step leaves out the first line's own block, which is the one in doubt)
    const firstStep = firstLevel?.first && parentCol !== undefined ? firstLevel.first.content.indent - parentCol : undefined;
    const stepped = (next === undefined || next.indent < n) && firstStep !== undefined && n - parentCol! === step(firstStep) && firstStep !== step(firstStep);
    if (firstLevel?.first && (agreed || stepped)) {
      const f = firstLevel.first.content;
      retro(f, firstLevel.first.from, n, say('indent.first', { what: whatOf(f), spaces: spaces(f.indent), label: shown(label), line: c.line, n }),
        say('indent.like', { spaces: spaces(n), label: shown(label), line: c.line }));
      if (firstLevel === here) stack.pop();
      stack.push({ col: n, kind: c.dash ? 'seq' : 'key', line: c.line, label, opener: firstLevel.opener });
      itemLevels(c);
      prev = c;
      continue;
    }

    if (here.col === n) {
      // a list that sat at its key's own column ends at the next key there
      const below = stack[stack.length - 2];
      if (here.kind === 'seq' && !c.dash && below?.col === n && below.kind === 'key') {
        stack.pop();
        enter(c, n);
        prev = c;
        continue;
      }
      if (here.kind === 'seq' && !c.dash) {
        // as far in as a list's dashes, without a dash: it belongs to no item
        const keys = deeper && deeper.kind === 'key' ? deeper : undefined;
        const want = keys ? keys.col : n + 2;
        slip(c, want, say('indent.no-dash', { what, spaces: spaces(n), line: here.line }),
          say('indent.no-dash-hint', { spaces: spaces(want), like: keys ? say('indent.label-line', { label: shown(keys.label), line: keys.line }) : say('indent.item-above') }));
        stack.push({ col: want, kind: 'key', line: c.line, label });
        prev = { ...c, indent: want };
        continue;
      }
      if (here.kind === 'key' && c.dash) {
        // a list whose dashes are elsewhere, open or just closed by this line: a new item of it, out of line
        const list = closed.filter((l) => l.kind === 'seq').pop() ?? [...stack.slice(0, -1)].reverse().find((l) => l.kind === 'seq');
        if (list && list.col !== n) {
          slip(c, list.col, say('indent.list-dash', { what, spaces: spaces(n), line: list.line, col: list.col }),
            say('indent.list-dash-hint', { spaces: spaces(list.col), line: list.line }));
          stack.splice(0, stack.length, ...before);
          while (stack.length && top() !== undefined && top().col > list.col) stack.pop();
          const moved = movedTo(c, list.col);
          if (top()?.col === list.col && top().kind === 'seq') { Object.assign(top(), { line: c.line }); itemLevels(moved); } else enter(moved, list.col);
          prev = moved;
          continue;
        }
        const owner = here.opener ? say('indent.keys-of', { opener: shown(here.opener.label), line: here.opener.line }) : say('indent.keys-top', { label: shown(here.label), line: here.line });
        slip(c, n, say('indent.among-keys', { what, owner }), say('indent.among-keys-hint'));
        // the items after it are taken as that list, not reported again
        here.kind = 'seq';
        enter(c, n);
        prev = c;
        continue;
      }
      enter(c, n);
      // it came out of deeper levels: if the next line goes back to one of them, this line was the one out of line
      if (closed.length && prev) here.reopen = { closed, before, content: c, from: prev.line };
      prev = c;
      continue;
    }
    // 4. deeper than the keys of its mapping with nothing above opening a block; or between two levels
    const want = deeper && (deeper.kind === 'key') === !c.dash ? deeper : here;
    const like = say('indent.label-line', { label: shown(want.label), line: want.line });
    slip(c, want.col, deeper
      ? say('indent.between', { what, spaces: spaces(n), here: shown(here.label), hereCol: here.col, hereLine: here.line, deeper: shown(deeper.label), deeperCol: deeper.col, deeperLine: deeper.line })
      : say('indent.above', { what, spaces: spaces(n), like, col: want.col }),
    say('indent.like', { spaces: spaces(want.col), label: shown(want.label), line: want.line }));
    if (deeper && want === deeper) stack.push(deeper);
    const moved = movedTo(c, want.col);
    enter(moved, want.col);
    prev = moved;
  }
  // a slip explains the parse errors from the line above it to the end of the block it sits in
  for (const s of slips) {
    const line = lines.find((c) => c.line === s.line)!;
    const after = bareKeys.has(s.line)
      ? lines.find((c) => c.line > s.line && c.indent <= line.indent && !(c.dash && c.indent === line.indent))
      : lines.find((c) => c.line > s.line && c.indent < Math.min(line.indent, s.expected - 1));
    // a key without its colon makes YAML misread the key after its block too ("map keys must be unique")
    s.through = after ? after.line - (bareKeys.has(s.line) ? 0 : 1) : Number.MAX_SAFE_INTEGER;
  }
  // one slip per line (a line may be taken for the one out of line twice over)
  return slips.sort((a, b) => a.line - b.line).filter((s, i, all) => i === 0 || all[i - 1].line !== s.line);
}

/**
 * A plain text holding ': ' (`subject: Sập nhà: cần hỗ trợ`): YAML reads the second ': ' as a key inside the
 * value and says "nested mappings are not allowed in compact mappings". The line's key and the text to quote,
 * or undefined when the line is not that.
 */
export function colonInText(text: string, line: number): { key: string; value: string } | undefined {
  const raw = text.split(/\r?\n/)[line - 1];
  if (raw === undefined) return undefined;
  const m = /^\s*(?:-\s+)?([^\s#'"{[][^:#]*):\s+(.*\S)\s*$/.exec(raw);
  if (!m || /^["'{[|>&*!]/.test(m[2]) || !/:\s/.test(m[2])) return undefined;
  return { key: m[1], value: m[2].replace(/\s+#.*$/, '') };
}

export interface UnclosedFlow {
  /** 1-based line and column of the `{` or `[` that is never closed */
  line: number;
  column: number;
  open: '{' | '[';
  /** the lines whose parse errors it explains: from its own to the end of the block it stands in */
  through: number;
  /**
   * what left it open, when it was not the missing bracket: a ` #` that made a comment of the rest of a line
   * holding the closing bracket, or a quote opened and not closed on the line (1-based line and column)
   */
  cause?: { kind: 'comment' | 'quote'; line: number; column: number };
}

/**
 * `{` and `[` opened and never closed (`name: { vi: Tà Cạ, en: Ta Ca` with its `}` left off). The parser
 * reads the lines after it as more of that value and complains there, about indentation and implicit keys;
 * a bracket still open when a line comes back to its line's indentation (or further out) is the mistake.
 * Quotes and comments are skipped; a `[` inside a plain text (`Tà Cạ [old name]`) opens nothing.
 */
export function unclosedFlows(text: string): UnclosedFlow[] {
  const lines = text.split(/\r?\n/);
  const out: UnclosedFlow[] = [];
  let open: { ch: '{' | '['; line: number; col: number; indent: number; cause?: UnclosedFlow['cause'] }[] = [];
  const blockEnd = (from: number, indent: number) => {
    let k = from;
    while (k + 1 < lines.length && (lines[k + 1].trim() === '' || lines[k + 1].trimStart().startsWith('#') || indentOf(lines[k + 1]) >= indent)) k++;
    // and the line that comes back out: the parser often finds the mistake only there
    return Math.min(lines.length, k + 2);
  };
  let literal = -1; // the indentation of a `key: |` or `key: >` whose text lines follow (-1: none)
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i];
    const indent = indentOf(s);
    const first = s.trimStart()[0];
    if (first === undefined || first === '#') continue;
    // the lines of a literal or folded text are text, whatever brackets they hold
    if (literal >= 0 && indent > literal) continue;
    literal = /(^|:\s|-\s)\s*[|>][-+0-9]*\s*(#.*)?$/.test(s) && !open.length ? indent : -1;
    // a line back at (or out of) the indentation of the line where a bracket opened: that bracket was never closed
    if (open.length && first !== '}' && first !== ']') {
      const still = open.filter((o) => indent > o.indent);
      for (const o of open.filter((o) => indent <= o.indent)) out.push({ line: o.line + 1, column: o.col + 1, open: o.ch, through: blockEnd(o.line, o.indent), cause: o.cause });
      open = still;
    }
    // where a value may start: after the indentation, `- `, `key: `, or (in a flow) `,` `[` `{` `:`
    let valueStart = true;
    for (let c = indent; c < s.length; c++) {
      const ch = s[c];
      if (ch === ' ' || ch === '\t') continue;
      if (ch === '#' && (c === 0 || s[c - 1] === ' ' || s[c - 1] === '\t')) {
        // `{ vi: Nhà số #5 bị sập, en: ... }`: the comment took the closing bracket with it
        for (const o of open) if (s.includes(o.ch === '{' ? '}' : ']', c)) o.cause ??= { kind: 'comment', line: i + 1, column: c + 1 };
        break;
      }
      if ((ch === '"' || ch === "'") && valueStart) {
        const end = ch === '"' ? closingDouble(s, c) : closingSingle(s, c);
        if (end < 0) {
          // a quoted text going on over lines: nothing more to read on this one (and if the bracket stays open, the quote did it)
          for (const o of open) o.cause ??= { kind: 'quote', line: i + 1, column: c + 1 };
          break;
        }
        c = end;
        valueStart = false;
        continue;
      }
      if ((ch === '{' || ch === '[') && (valueStart || open.length > 0)) {
        open.push({ ch, line: i, col: c, indent });
        valueStart = true;
        continue;
      }
      if ((ch === '}' || ch === ']') && open.length) {
        // `{ uniform: [10m, 30m }`: the '[' inside was never closed, and the '}' closes the '{'
        const want = ch === '}' ? '{' : '[';
        let k = open.length - 1;
        while (k >= 0 && open[k].ch !== want) k--;
        if (k >= 0) {
          for (const o of open.slice(k + 1)) out.push({ line: o.line + 1, column: o.col + 1, open: o.ch, through: blockEnd(o.line, o.indent), cause: o.cause });
          open = open.slice(0, k);
        }
        valueStart = false;
        continue;
      }
      if (ch === ',' && open.length) { valueStart = true; continue; }
      if (ch === '-' && valueStart && (s[c + 1] === ' ' || c + 1 === s.length) && !open.length) continue;
      if (ch === ':' && (s[c + 1] === ' ' || c + 1 === s.length || (open.length > 0 && /[,}\]]/.test(s[c + 1] ?? '')))) { valueStart = true; continue; }
      valueStart = false;
    }
  }
  for (const o of open) out.push({ line: o.line + 1, column: o.col + 1, open: o.ch, through: lines.length, cause: o.cause });
  return out;
}

const indentOf = (s: string) => s.length - s.trimStart().length;
