/**
 * JSON lines written as UTF-8 bytes into one growing buffer, byte for byte
 * what `JSON.stringify` gives (then `\n`). The run log's events go through
 * it: Node 20's `JSON.stringify` has no fast path for small objects and took
 * more than half of a full run, and a million small strings cost the garbage
 * collector as much again. Here an event leaves no garbage of its own; the
 * lines come out as bytes, a chunk at a time (`take`), which a caller may
 * keep outside V8's heap (the collector never copies them) and decode with
 * `textOf` when the text is wanted.
 *
 * What it writes as `JSON.stringify` would, without asking it: plain objects
 * (for-in order is own-property order for them), arrays, ASCII strings that
 * need no escape, integers, and numbers with at most four decimals (every
 * coordinate and distance the engine rounds). A string with an escape or a
 * character past ASCII, or another number, is handed to `JSON.stringify`
 * alone; a line with anything else in it (an object with `toJSON` or a
 * prototype of its own, a bigint, nesting deeper than any event's) is
 * written again by `JSON.stringify` whole, which also throws where it would.
 * So the rare case is exact by construction; a property test holds the whole
 * to `JSON.stringify` on random values. A line that throws midway (a getter,
 * a proxy) is also left to `JSON.stringify`. Not exact, in values no event
 * holds (a helper's adversarial review found them; checking for them costs
 * every line): enumerable keys added to Object.prototype are written; a boxed
 * primitive given a plain prototype is written as an object; a getter with
 * side effects on a line left to `JSON.stringify` runs twice.
 */
const ENCODER = new TextEncoder();
// ignoreBOM: a text that starts with U+FEFF keeps it (the default would drop it)
const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

const QUOTE = 34, COMMA = 44, COLON = 58, NEWLINE = 10, ZERO = 48, MINUS = 45, POINT = 46;
const OPEN_OBJ = 123, CLOSE_OBJ = 125, OPEN_ARR = 91, CLOSE_ARR = 93;
/** Deeper than this, a line is left to JSON.stringify (which also finds a cycle). */
const MAX_DEPTH = 32;

export class JsonLines {
  private buf = new Uint8Array(1 << 16);
  private pos = 0;
  private depth = 0;
  /** the line holds something only JSON.stringify writes exactly */
  private odd = false;
  /** lines written since the last take */
  count = 0;

  /** Write `value` as one line (its JSON text and `\n`); `value` is an object or array, as an event is. */
  line(value: object): void {
    const start = this.pos;
    try {
      this.value(value, 'object');
    } catch {
      // a getter or a proxy trap threw, or one JSON.stringify never calls (getPrototypeOf): the line is
      // JSON.stringify's, which throws if it would, leaving nothing of the line written
      this.odd = true;
    }
    if (this.odd) {
      this.odd = false;
      this.depth = 0;
      this.pos = start;
      this.json(JSON.stringify(value) ?? '');
    }
    this.room(1);
    this.buf[this.pos++] = NEWLINE;
    this.count++;
  }

  /**
   * A line written field by field by a caller that knows its shape (the run log's most frequent events: see
   * LogWriter), with no object built or walked: `raw` for fixed text (keys, punctuation, known values, as
   * bytes from `asciiBytes`), `str` and `num` for values, then `end`. The caller writes exactly the text
   * JSON.stringify would give for the object it stands for (a test holds each shape to it).
   */
  raw(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    // short fixed texts: a loop beats TypedArray.prototype.set's call
    for (let i = 0; i < n; i++) buf[p++] = bytes[i]!;
    this.pos = p;
  }

  str(s: string): void {
    this.string(s);
  }

  num(v: number): void {
    this.number(v);
  }

  end(): void {
    this.room(1);
    this.buf[this.pos++] = NEWLINE;
    this.count++;
  }

  /** The lines written since the last take, as UTF-8 bytes of their own (each line ends with `\n`), and start again. */
  take(): Uint8Array {
    const bytes = this.buf.slice(0, this.pos);
    this.pos = 0;
    this.count = 0;
    return bytes;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (this.pos + n > size) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  private object(o: Record<string, unknown>): void {
    const proto = Object.getPrototypeOf(o);
    if ((proto !== Object.prototype && proto !== null) || typeof o.toJSON === 'function' || this.depth >= MAX_DEPTH) {
      this.odd = true;
      return;
    }
    this.depth++;
    this.room(1);
    this.buf[this.pos++] = OPEN_OBJ;
    let first = true;
    for (const k in o) {
      const v = o[k];
      const t = typeof v;
      if (v === undefined || t === 'function' || t === 'symbol') continue;
      this.room(1);
      if (!first) this.buf[this.pos++] = COMMA;
      first = false;
      this.string(k);
      this.room(1);
      this.buf[this.pos++] = COLON;
      this.value(v, t);
    }
    this.depth--;
    this.room(1);
    this.buf[this.pos++] = CLOSE_OBJ;
  }

  private array(a: readonly unknown[]): void {
    if (typeof (a as unknown as { toJSON?: unknown }).toJSON === 'function' || Object.getPrototypeOf(a) !== Array.prototype || this.depth >= MAX_DEPTH) {
      this.odd = true;
      return;
    }
    this.depth++;
    this.room(1);
    this.buf[this.pos++] = OPEN_ARR;
    for (let i = 0, n = a.length; i < n; i++) {
      if (i > 0) {
        this.room(1);
        this.buf[this.pos++] = COMMA;
      }
      const v = a[i];
      const t = typeof v;
      if (v === undefined || t === 'function' || t === 'symbol') this.ascii('null');
      else this.value(v, t);
    }
    this.depth--;
    this.room(1);
    this.buf[this.pos++] = CLOSE_ARR;
  }

  private value(v: unknown, t: string): void {
    if (t === 'string') this.string(v as string);
    else if (t === 'number') this.number(v as number);
    else if (t === 'boolean') this.ascii(v ? 'true' : 'false');
    else if (v === null) this.ascii('null');
    else if (Array.isArray(v)) this.array(v);
    else if (t === 'object') this.object(v as Record<string, unknown>);
    else this.odd = true; // a bigint: JSON.stringify throws on the whole
  }

  private string(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === QUOTE || c === 92 || c >= 0x7f) {
        this.json(JSON.stringify(s));
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }

  private number(v: number): void {
    this.room(24);
    if (v >= 0 && v < 4294967296 && v >>> 0 === v) {
      this.digits(v); // -0 too: JSON writes it as 0
      return;
    }
    if (v > -1e9 && v < 1e9) {
      const k = Math.round(v * 10000);
      // v is the double nearest k / 10^4: no decimal with fewer digits is that near (they are 10^-4 apart and
      // the doubles here far closer), so the shortest text that reads back as v, which JSON writes, is k's
      // digits with the point four from the right
      if (k / 10000 === v) {
        this.fourDecimals(k);
        return;
      }
    }
    this.ascii(Number.isFinite(v) ? String(v) : 'null');
  }

  /** k / 10^4 as the shortest decimal text: the sign, the integer part, the decimals without trailing zeros. */
  private fourDecimals(k: number): void {
    if (k < 0) {
      this.buf[this.pos++] = MINUS;
      k = -k;
    }
    // int32 arithmetic where k allows (coordinates and distances under 214 km): see digits
    const small = k < 2147483648;
    const whole = small ? ((k | 0) / 10000) | 0 : Math.floor(k / 10000);
    let f = small ? (k | 0) - whole * 10000 : k - whole * 10000;
    this.digits(whole);
    if (f === 0) return;
    f |= 0; // below 10^4
    this.buf[this.pos++] = POINT;
    let d = 4;
    while (f % 10 === 0) {
      f = (f / 10) | 0;
      d--;
    }
    let p = (this.pos += d);
    for (; d > 0; d--) {
      const q = (f / 10) | 0;
      this.buf[--p] = ZERO + f - q * 10;
      f = q;
    }
  }

  /** A non-negative integer below 2^53 in decimal digits (room made by the caller). */
  private digits(x: number): void {
    const buf = this.buf;
    if (x < 10) {
      buf[this.pos++] = ZERO + x;
      return;
    }
    if (x < 2147483648) {
      // as int32 (every time and count a run writes): division by ten truncated is a multiply, not a float division
      let y = x | 0;
      let p = (this.pos += y < 100 ? 2 : y < 1000 ? 3 : y < 10000 ? 4 : y < 100000 ? 5 : y < 1000000 ? 6 : y < 10000000 ? 7 : y < 100000000 ? 8 : y < 1000000000 ? 9 : 10);
      do {
        const q = (y / 10) | 0;
        buf[--p] = ZERO + y - q * 10;
        y = q;
      } while (y !== 0);
      return;
    }
    let d = 1;
    for (let y = x; y >= 10; y = Math.floor(y / 10)) d++;
    let p = (this.pos += d);
    while (x >= 10) {
      const q = Math.floor(x / 10);
      buf[--p] = ZERO + x - q * 10;
      x = q;
    }
    buf[--p] = ZERO + x;
  }

  /** Text known to be ASCII (a literal, a number's digits). */
  private ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** JSON text from JSON.stringify, any characters (well-formed: it escapes lone surrogates), as UTF-8. */
  private json(s: string): void {
    this.room(s.length * 3);
    this.pos += ENCODER.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
}

/** ASCII text as bytes, for JsonLines.raw. */
export function asciiBytes(text: string): Uint8Array {
  return ENCODER.encode(text);
}

/** The text of lines taken from JsonLines. */
export function textOf(bytes: Uint8Array): string {
  return DECODER.decode(bytes);
}
