/**
 * A run log read as it arrives, chunk by chunk (a fetch body), so that a
 * viewer can show the run before the whole file is in. `drill run` writes
 * one item per line and the events before the keyframes (sim/run.ts
 * serializeRunLog):
 *
 *   {"format":...,"seed":...,...,          the prelude: everything before the events
 *   "scenario":{...},
 *   "decisions":[ ... ],
 *   "events":[                             one event per line
 *   {...},
 *   {...}
 *   ],
 *   "keyframes":[                          one keyframe per line
 *   {"t":0,...},
 *   {"t":1800,...}
 *   ],
 *   "chain":...,"summary":...,"hash":...}
 *
 * The prelude is parsed once it is in (a viewer can load the scenario while
 * the events are still coming), the events in batches of whole lines as they
 * arrive, so that parsing them overlaps the transfer; the keyframes are kept
 * as text with their times read from their first bytes, to be parsed when a
 * replay needs one; the chain, summary and hash come last. A log laid out
 * any other way (or damaged) is kept whole and read at the end.
 *
 * Pure and without imports, so that a page can start reading before the
 * rest of the engine has loaded. open.ts checks what is read here.
 */

/** Where the prelude ends and the events begin, in `drill run`'s layout (the newlines cannot occur inside a JSON string). */
export const EVENTS_START = '\n"events":[\n';
/** Where the events end and the keyframes begin. */
export const EVENTS_END = '],\n"keyframes":[';
const KEYFRAME_HEAD = /^\{"t":(\d+),(?:"events":(\d+),)?/;

export type ReaderLayout =
  /** still in the prelude (format, scenario, decisions, ...) */
  | 'prelude'
  /** in the events */
  | 'events'
  /** the events are in; keyframe lines are arriving */
  | 'keyframes'
  /** the keyframes are in; the chain, summary and hash are arriving */
  | 'tail'
  /** not `drill run`'s layout: read whole at the end */
  | 'other';

/** A partial line longer than this is not `drill run`'s layout (its event lines are short): read whole instead of piling it up. */
const LONGEST_EVENT_LINE = 8 * 2 ** 20;

export class RunLogReader {
  /** every chunk as it came: the whole text, if it must be read whole */
  private readonly chunks: string[] = [];
  private scanned = 0;
  /** in the prelude: its last characters, so that EVENTS_START split across two chunks is still found */
  private carry = '';
  /** in the events: the start of an unfinished line (or the closing line, held back until the next is in) */
  private pending = '';
  /** in the keyframes and tail: the pieces of an unfinished line */
  private readonly parts: string[] = [];
  private readonly tailLines: string[] = [];
  /** the last keyframe line ended with a comma (another must follow) */
  private more = false;
  private ended = false;
  layout: ReaderLayout = 'prelude';
  /** everything before the events, parsed (format, seed, until, scenario, decisions, ...), once it is in */
  prelude: Record<string, unknown> | null = null;
  /** the events parsed so far, in order */
  readonly events: unknown[] = [];
  /** the keyframes' times and their lines (JSON text), in the order they came */
  readonly keyframeTimes: number[] = [];
  /** how many events precede each keyframe, read from its first bytes too (NaN when they do not say) */
  readonly keyframeEvents: number[] = [];
  readonly keyframeLines: string[] = [];

  /** Add the next piece of text. */
  push(chunk: string): void {
    if (this.ended) throw new Error('RunLogReader: push after end');
    if (chunk === '') return;
    this.chunks.push(chunk);
    const before = this.scanned;
    this.scanned += chunk.length;
    switch (this.layout) {
      case 'prelude': return this.inPrelude(chunk, before);
      case 'events': return this.inEvents(chunk);
      case 'keyframes': case 'tail': return this.lines(chunk);
    }
  }

  /** The text is complete. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.layout === 'keyframes' || this.layout === 'tail') this.line(this.parts.splice(0).join(''));
    this.pending = this.carry = '';
    if (this.layout !== 'tail') this.layout = 'other';
    else if (this.tailLines.some((l) => /^"(events|keyframes)":/.test(l))) this.layout = 'other';
  }

  get done(): boolean {
    return this.ended;
  }

  /** Characters read so far. */
  get length(): number {
    return this.scanned;
  }

  /** Are the prelude and all the events in (in `drill run`'s layout)? */
  get hasHead(): boolean {
    return this.layout === 'keyframes' || this.layout === 'tail';
  }

  /** The prelude with the events, once they are all in; null before, or when the log is not in `drill run`'s layout. */
  parsedHead(): Record<string, unknown> | null {
    return this.hasHead ? { ...this.prelude, events: this.events } : null;
  }

  /** After the end: the chain, summary and hash as JSON text (with an empty keyframes list), or null when the log must be read whole. */
  tail(): string | null {
    if (!this.ended || this.layout !== 'tail') return null;
    return '{"keyframes":[' + this.tailLines.join('\n');
  }

  /** The whole text as it came. */
  whole(): string {
    return this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
  }

  private other(): void {
    this.layout = 'other';
    this.pending = this.carry = '';
    this.parts.length = 0;
  }

  /** `chunk` starts at offset `at` of the text. */
  private inPrelude(chunk: string, at: number): void {
    const s = this.carry + chunk;
    const i = s.indexOf(EVENTS_START);
    if (i < 0) {
      this.carry = s.slice(-(EVENTS_START.length - 1));
      return;
    }
    const whole = this.chunks.length === 1 ? chunk : this.chunks.join('');
    const end = at - this.carry.length + i; // where EVENTS_START begins in the text
    this.carry = '';
    let prelude: unknown;
    try {
      prelude = JSON.parse(whole.slice(0, end + 1) + '"events":[]}');
    } catch {
      return this.other();
    }
    if (typeof prelude !== 'object' || prelude === null || Array.isArray(prelude)) return this.other();
    this.prelude = prelude as Record<string, unknown>;
    delete this.prelude.events;
    this.layout = 'events';
    this.inEvents(whole.slice(end + EVENTS_START.length));
  }

  /**
   * Parse the whole event lines in; the line closing the list starts the keyframes. The text is
   * searched where it came (a chunk is a megabyte: gluing the unfinished line before it would copy it).
   */
  private inEvents(chunk: string): void {
    let from = 0;
    // finish the unfinished line first, a line at a time (a closing '],' waits for the line after it)
    while (this.pending !== '' && this.layout === 'events') {
      const nl = chunk.indexOf('\n', from);
      if (nl < 0) {
        this.pending += chunk.slice(from);
        if (this.pending.startsWith(EVENTS_END)) { const s = this.pending; this.pending = ''; this.eventLines(s); }
        else if (this.pending.length > LONGEST_EVENT_LINE) this.other();
        return;
      }
      const s = this.pending + chunk.slice(from, nl + 1);
      this.pending = '';
      from = nl + 1;
      this.eventLines(s);
    }
    const rest = from === 0 ? chunk : chunk.slice(from);
    if (this.layout === 'events') this.eventLines(rest);
    else if (this.layout === 'keyframes' || this.layout === 'tail') this.lines(rest);
  }

  /** Text starting at the start of a line, with `pending` empty. */
  private eventLines(s: string): void {
    // the list ends with a line of its own, '],', and the next is '"keyframes":['
    const atStart = s.startsWith(EVENTS_END);
    const e = atStart ? 0 : s.indexOf('\n' + EVENTS_END);
    if (e >= 0) {
      if (!this.batch(s.slice(0, e))) return this.other();
      this.layout = 'keyframes';
      return this.lines(s.slice(atStart ? EVENTS_END.length : e + 1 + EVENTS_END.length));
    }
    // up to the last whole line, but a last line '],' waits for the next line to say whether the list ends there
    let cut = s.lastIndexOf('\n');
    if (cut >= 0) {
      const prev = s.lastIndexOf('\n', cut - 1);
      if (s.slice(prev + 1, cut) === '],') cut = prev;
    }
    if (cut >= 0 && !this.batch(s.slice(0, cut))) return this.other();
    this.pending = s.slice(cut + 1);
    if (this.pending.length > LONGEST_EVENT_LINE) this.other();
  }

  /** Event lines ('{...},' each, the last without its comma), parsed as one list; false when they are not. */
  private batch(text: string): boolean {
    let end = text.length;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === ',')) end--;
    if (end === 0) return true;
    let list: unknown;
    try {
      list = JSON.parse('[' + text.slice(0, end) + ']');
    } catch {
      return false;
    }
    if (!Array.isArray(list)) return false;
    for (const ev of list) this.events.push(ev);
    return true;
  }

  /** Split into lines (a line may come in many pieces: a keyframe is a whole world). */
  private lines(text: string): void {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0 && (this.layout === 'keyframes' || this.layout === 'tail'); nl = text.indexOf('\n', from)) {
      const piece = text.slice(from, nl);
      from = nl + 1;
      if (this.parts.length === 0) this.line(piece);
      else { this.parts.push(piece); this.line(this.parts.splice(0).join('')); }
    }
    if (from < text.length && (this.layout === 'keyframes' || this.layout === 'tail')) this.parts.push(text.slice(from));
  }

  private line(l: string): void {
    if (this.layout === 'tail') {
      this.tailLines.push(l);
      return;
    }
    if (this.layout !== 'keyframes') return;
    if (l === '' && this.keyframeLines.length === 0 && this.tailLines.length === 0) return; // the rest of the line that opens the list
    if (l === '],') {
      this.layout = this.more ? 'other' : 'tail';
      this.tailLines.push(l);
      return;
    }
    const m = KEYFRAME_HEAD.exec(l);
    const comma = l.endsWith(',');
    const body = comma ? l.slice(0, -1) : l;
    if (!m || !body.endsWith('}') || (this.keyframeLines.length > 0 && !this.more)) {
      this.other();
      return;
    }
    this.more = comma;
    this.keyframeTimes.push(Number(m[1]));
    this.keyframeEvents.push(m[2] === undefined ? NaN : Number(m[2]));
    this.keyframeLines.push(body);
  }
}
