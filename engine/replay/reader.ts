/**
 * A run log read as it arrives, chunk by chunk (a fetch body), so that a
 * viewer can show the run before the whole file is in. `drill run` writes
 * one item per line and the events before the keyframes (sim/run.ts
 * serializeRunLog): once the line that closes the events has arrived, the
 * head and the events are complete JSON of their own (closed after the
 * events list); the keyframes follow, one per line, and are kept as text
 * with their times read from their first bytes; the chain, summary and hash
 * come last. A log laid out any other way is kept whole and read at the end.
 *
 * Pure and without imports, so that a page can start reading before the
 * rest of the engine has loaded. open.ts checks what is read here.
 */

/** Where the events end and the keyframes begin, in `drill run`'s layout (the newline cannot occur inside a JSON string). */
export const EVENTS_END = '],\n"keyframes":[';
const KEYFRAME_HEAD = /^\{"t":(\d+),/;

export type ReaderLayout =
  /** still in the head and events */
  | 'head'
  /** the events are in; keyframe lines are arriving */
  | 'keyframes'
  /** the keyframes are in; the chain, summary and hash are arriving */
  | 'tail'
  /** not `drill run`'s layout: read whole at the end */
  | 'other';

export class RunLogReader {
  /** every chunk as it came: the whole text, if it must be read whole */
  private readonly chunks: string[] = [];
  private scanned = 0;
  /** the last characters of the text so far, so that EVENTS_END split across two chunks is still found */
  private carry = '';
  private partial = '';
  private readonly tailLines: string[] = [];
  private headText: string | null = null;
  private headValue: unknown = undefined;
  /** the last keyframe line ended with a comma (another must follow) */
  private more = false;
  private ended = false;
  layout: ReaderLayout = 'head';
  /** the keyframes' times and their lines (JSON text), in the order they came */
  readonly keyframeTimes: number[] = [];
  readonly keyframeLines: string[] = [];

  /** Add the next piece of text. */
  push(chunk: string): void {
    if (this.ended) throw new Error('RunLogReader: push after end');
    if (chunk === '') return;
    this.chunks.push(chunk);
    if (this.layout === 'head') {
      const s = this.carry + chunk;
      const i = s.indexOf(EVENTS_END);
      const start = this.scanned - this.carry.length;
      this.scanned += chunk.length;
      if (i < 0) {
        this.carry = s.slice(-(EVENTS_END.length - 1));
        return;
      }
      this.carry = '';
      const whole = this.chunks.length === 1 ? chunk : this.chunks.join('');
      this.headText = whole.slice(0, start + i);
      this.layout = 'keyframes';
      this.lines(s.slice(i + EVENTS_END.length));
      return;
    }
    this.scanned += chunk.length;
    if (this.layout === 'keyframes' || this.layout === 'tail') this.lines(chunk);
  }

  /** The text is complete. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.layout === 'keyframes' || this.layout === 'tail') {
      this.line(this.partial);
      this.partial = '';
    }
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

  /** Are the head and all the events in (in `drill run`'s layout)? */
  get hasHead(): boolean {
    return (this.headText !== null || this.headValue !== undefined) && this.layout !== 'other';
  }

  /** The head and the events parsed as JSON of their own (closed after the events list), once; null when they are not all in yet or are not JSON on their own. */
  parsedHead(): unknown {
    if (!this.hasHead) return null;
    if (this.headValue === undefined) {
      try {
        this.headValue = JSON.parse(this.headText + ']}');
      } catch {
        this.headValue = null;
      }
      this.headText = null; // 10 MB of text for a large log: let it go
    }
    return this.headValue;
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

  private lines(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const l of parts) this.line(l);
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
      this.layout = 'other';
      return;
    }
    this.more = comma;
    this.keyframeTimes.push(Number(m[1]));
    this.keyframeLines.push(body);
  }
}
