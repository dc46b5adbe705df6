/**
 * The simulation's event queue: a binary min-heap of pending events ordered by
 * (time, priority, seq).
 *
 * What it does: `push` assigns each event a sequence number from a counter
 * that only grows, so events with equal time and priority pop in the order
 * they were pushed (FIFO) and the order is total: the pop sequence depends
 * only on the pushes, pops and cancels, never on heap layout. `cancel` removes
 * a pending event (lazily: the heap entry is skipped when it surfaces, and the
 * heap is compacted when dead entries outnumber live ones). `snapshot` and
 * `EventQueue.restore` turn the queue into plain data and back; a restored
 * queue pops exactly what the original would have. The number of pending
 * events is bounded by `maxSize`; pushing past it throws a `SimBoundError`.
 *
 * What it does not do: it does not know about simulated "now" (pushing an
 * event earlier than the last popped one is the caller's business), does not
 * copy or inspect payloads (snapshots share them: treat payloads as immutable
 * plain JSON), and is not safe to mutate while iterating a snapshot.
 *
 * Ranges: time is an integer with |time| <= MAX_QUEUE_TIME (2^36 - 1 seconds,
 * about 2177 years); priority an integer in [MIN_PRIORITY, MAX_PRIORITY]
 * (-32768..32767), lower first. Together they are packed into one exact
 * double key, time * 2^16 + (priority + 2^15), so the heap compares one
 * number and then the seq.
 */

import { SimBoundError } from './errors.js';

/** Largest |time| the queue accepts: 2^36 - 1 seconds. */
export const MAX_QUEUE_TIME = 2 ** 36 - 1;
/** Lowest (most urgent) priority. */
export const MIN_PRIORITY = -32768;
/** Highest (least urgent) priority. */
export const MAX_PRIORITY = 32767;
/** Default bound on pending events. */
export const DEFAULT_MAX_QUEUE_SIZE = 1_000_000;

const PRIO_SPAN = 65536;
const PRIO_BIAS = 32768;

/** A pending event as returned by `pop` and `peek`. */
export interface QueueEntry<T> {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly payload: T;
}

/** Plain-JSON form of a queue: live entries sorted by (time, priority, seq), and the next seq to assign. */
export interface QueueSnapshot<T> {
  nextSeq: number;
  entries: Array<{ time: number; priority: number; seq: number; payload: T }>;
}

export interface EventQueueOptions {
  /** Most pending (live) events allowed; default DEFAULT_MAX_QUEUE_SIZE. */
  maxSize?: number;
}

function checkTime(time: number): void {
  if (!Number.isInteger(time) || time > MAX_QUEUE_TIME || time < -MAX_QUEUE_TIME) {
    throw new RangeError(`event time must be an integer number of seconds within ±${MAX_QUEUE_TIME}, got ${time}`);
  }
}

function checkPriority(priority: number): void {
  if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new RangeError(`event priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`);
  }
}

/**
 * The set of pending seqs, as a bitmap in pages of 4096 seqs. Seqs are
 * handed out in increasing order and mostly retire soon after, so the few
 * pages in use stay in cache; a page is freed when its last seq retires.
 * (A Set<number> of a million live seqs made the queue 2.5x slower.)
 */
class SeqSet {
  /** page number -> 128 words of bits, plus the page's live count in word 128 */
  private readonly pages = new Map<number, Uint32Array>();
  private lastPageNo = -1;
  private lastPage: Uint32Array | undefined = undefined;
  size = 0;

  private page(pageNo: number): Uint32Array | undefined {
    if (pageNo === this.lastPageNo) return this.lastPage;
    const page = this.pages.get(pageNo);
    if (page !== undefined) {
      this.lastPageNo = pageNo;
      this.lastPage = page;
    }
    return page;
  }

  has(seq: number): boolean {
    const pageNo = Math.floor(seq / 4096);
    const page = this.page(pageNo);
    if (page === undefined) return false;
    const off = seq - pageNo * 4096;
    return (page[off >>> 5]! & (1 << (off & 31))) !== 0;
  }

  /** Add a seq known to be absent. */
  add(seq: number): void {
    const pageNo = Math.floor(seq / 4096);
    let page = this.page(pageNo);
    if (page === undefined) {
      page = new Uint32Array(129);
      this.pages.set(pageNo, page);
      this.lastPageNo = pageNo;
      this.lastPage = page;
    }
    const off = seq - pageNo * 4096;
    page[off >>> 5] = page[off >>> 5]! | (1 << (off & 31));
    page[128] = page[128]! + 1;
    this.size++;
  }

  /** Remove a seq; returns whether it was present. */
  delete(seq: number): boolean {
    const pageNo = Math.floor(seq / 4096);
    const page = this.page(pageNo);
    if (page === undefined) return false;
    const off = seq - pageNo * 4096;
    const word = off >>> 5;
    const bit = 1 << (off & 31);
    if ((page[word]! & bit) === 0) return false;
    page[word] = page[word]! & ~bit;
    this.size--;
    if ((page[128] = page[128]! - 1) === 0) {
      this.pages.delete(pageNo);
      if (this.lastPageNo === pageNo) {
        this.lastPageNo = -1;
        this.lastPage = undefined;
      }
    }
    return true;
  }
}

export class EventQueue<T> {
  /** Bound on pending events. */
  readonly maxSize: number;

  // The heap, as parallel arrays: packed (time, priority) key, seq, payload.
  private keys: number[] = [];
  private seqs: number[] = [];
  private payloads: T[] = [];
  /** Seqs of pending events; heap entries whose seq is absent were cancelled. */
  private readonly live = new SeqSet();
  private seqCounter = 0;

  constructor(options: EventQueueOptions = {}) {
    const maxSize = options.maxSize ?? DEFAULT_MAX_QUEUE_SIZE;
    if (!(maxSize >= 0) || !(Number.isInteger(maxSize) || maxSize === Infinity)) {
      throw new RangeError(`maxSize must be a non-negative integer, got ${maxSize}`);
    }
    this.maxSize = maxSize;
  }

  /** Number of pending (not popped, not cancelled) events. */
  get size(): number {
    return this.live.size;
  }

  /** The seq the next push will get. */
  get nextSeq(): number {
    return this.seqCounter;
  }

  /** Schedule an event; returns its seq. Throws SimBoundError when the queue already holds maxSize events. */
  push(time: number, priority: number, payload: T): number {
    checkTime(time);
    checkPriority(priority);
    if (this.live.size >= this.maxSize) {
      throw new SimBoundError(
        'bound/queue-size',
        `event queue bound reached: ${this.maxSize} pending events (limits.max_queue); ` +
          'the scenario schedules events faster than they happen, or the bound is too low for it',
        this.maxSize,
      );
    }
    const seq = this.seqCounter++;
    this.live.add(seq);
    this.insert(time * PRIO_SPAN + (priority + PRIO_BIAS), seq, payload);
    return seq;
  }

  /** Remove and return the first pending event, or undefined when there is none. */
  pop(): QueueEntry<T> | undefined {
    this.dropDeadTop();
    if (this.keys.length === 0) return undefined;
    const key = this.keys[0]!;
    const seq = this.seqs[0]!;
    const payload = this.payloads[0]!;
    this.live.delete(seq);
    this.removeTop();
    return makeEntry(key, seq, payload);
  }

  /** The first pending event without removing it, or undefined. */
  peek(): QueueEntry<T> | undefined {
    this.dropDeadTop();
    if (this.keys.length === 0) return undefined;
    return makeEntry(this.keys[0]!, this.seqs[0]!, this.payloads[0]!);
  }

  /** Time of the first pending event, or undefined: `peek` without allocating. */
  peekTime(): number | undefined {
    this.dropDeadTop();
    if (this.keys.length === 0) return undefined;
    return Math.floor(this.keys[0]! / PRIO_SPAN);
  }

  /** Priority of the first pending event, or undefined: `peek` without allocating. */
  peekPriority(): number | undefined {
    this.dropDeadTop();
    if (this.keys.length === 0) return undefined;
    const key = this.keys[0]!;
    return key - Math.floor(key / PRIO_SPAN) * PRIO_SPAN - PRIO_BIAS;
  }

  /** `pop` without the entry: the first pending event's payload (undefined when none). */
  popPayload(): T | undefined {
    this.dropDeadTop();
    if (this.keys.length === 0) return undefined;
    const payload = this.payloads[0]!;
    this.live.delete(this.seqs[0]!);
    this.removeTop();
    return payload;
  }

  /** Whether `seq` is pending (pushed, not yet popped or cancelled). */
  has(seq: number): boolean {
    return this.live.has(seq);
  }

  /**
   * Cancel a pending event. Returns true if it was pending; false (and no
   * change) if it was already popped, cancelled, or never pushed.
   */
  cancel(seq: number): boolean {
    if (!this.live.delete(seq)) return false;
    const dead = this.keys.length - this.live.size;
    if (dead > 64 && dead > this.live.size) this.compact();
    return true;
  }

  /** Plain-JSON state: pending entries sorted by (time, priority, seq), and the next seq. */
  snapshot(): QueueSnapshot<T> {
    const order: number[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.live.has(this.seqs[i]!)) order.push(i);
    const keys = this.keys;
    const seqs = this.seqs;
    order.sort((a, b) => keys[a]! - keys[b]! || seqs[a]! - seqs[b]!);
    const entries: QueueSnapshot<T>['entries'] = [];
    for (const i of order) {
      const e = makeEntry(keys[i]!, seqs[i]!, this.payloads[i]!);
      entries.push({ time: e.time, priority: e.priority, seq: e.seq, payload: e.payload });
    }
    return { nextSeq: this.seqCounter, entries };
  }

  /**
   * Rebuild a queue from `snapshot()` output (possibly after a JSON round
   * trip). Throws RangeError on malformed snapshots and SimBoundError if it
   * holds more entries than maxSize.
   */
  static restore<T>(snapshot: QueueSnapshot<T>, options: EventQueueOptions = {}): EventQueue<T> {
    const q = new EventQueue<T>(options);
    const { nextSeq, entries } = snapshot;
    if (!Number.isSafeInteger(nextSeq) || nextSeq < 0) {
      throw new RangeError(`queue snapshot: nextSeq must be a non-negative integer, got ${nextSeq}`);
    }
    if (!Array.isArray(entries)) throw new RangeError('queue snapshot: entries must be an array');
    if (entries.length > q.maxSize) {
      throw new SimBoundError(
        'bound/queue-size',
        `queue snapshot holds ${entries.length} pending events, more than maxSize ${q.maxSize}`,
        q.maxSize,
      );
    }
    const rows = entries.map((e) => {
      checkTime(e.time);
      checkPriority(e.priority);
      if (!Number.isSafeInteger(e.seq) || e.seq < 0 || e.seq >= nextSeq) {
        throw new RangeError(`queue snapshot: seq must be an integer in [0, nextSeq), got ${e.seq}`);
      }
      if (q.live.has(e.seq)) throw new RangeError(`queue snapshot: seq ${e.seq} appears twice`);
      q.live.add(e.seq);
      return { key: e.time * PRIO_SPAN + (e.priority + PRIO_BIAS), seq: e.seq, payload: e.payload };
    });
    // A sorted array is a valid heap.
    rows.sort((a, b) => a.key - b.key || a.seq - b.seq);
    for (const r of rows) {
      q.keys.push(r.key);
      q.seqs.push(r.seq);
      q.payloads.push(r.payload);
    }
    q.seqCounter = nextSeq;
    return q;
  }

  // -------------------------------------------------------------------------

  private insert(key: number, seq: number, payload: T): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const payloads = this.payloads;
    let i = keys.length;
    keys.push(key);
    seqs.push(seq);
    payloads.push(payload);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && seqs[parent]! < seq)) break;
      keys[i] = pk;
      seqs[i] = seqs[parent]!;
      payloads[i] = payloads[parent]!;
      i = parent;
    }
    keys[i] = key;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  private removeTop(): void {
    const key = this.keys.pop()!;
    const seq = this.seqs.pop()!;
    const payload = this.payloads.pop()!;
    if (this.keys.length === 0) return;
    this.keys[0] = key;
    this.seqs[0] = seq;
    this.payloads[0] = payload;
    this.siftDown(0);
  }

  /** Discard cancelled entries sitting at the top of the heap. */
  private dropDeadTop(): void {
    while (this.keys.length > 0 && !this.live.has(this.seqs[0]!)) this.removeTop();
  }

  /** Rebuild the heap from live entries only (any valid heap pops the same order: keys are unique). */
  private compact(): void {
    const keys: number[] = [];
    const seqs: number[] = [];
    const payloads: T[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      if (this.live.has(this.seqs[i]!)) {
        keys.push(this.keys[i]!);
        seqs.push(this.seqs[i]!);
        payloads.push(this.payloads[i]!);
      }
    }
    this.keys = keys;
    this.seqs = seqs;
    this.payloads = payloads;
    // Floyd's heapify
    for (let i = (keys.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(i: number): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const n = keys.length;
    const key = keys[i]!;
    const seq = seqs[i]!;
    const payload = payloads[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[right]! < keys[child]! || (keys[right] === keys[child] && seqs[right]! < seqs[child]!))) {
        child = right;
      }
      const ck = keys[child]!;
      if (key < ck || (key === ck && seq < seqs[child]!)) break;
      keys[i] = ck;
      seqs[i] = seqs[child]!;
      payloads[i] = payloads[child]!;
      i = child;
    }
    keys[i] = key;
    seqs[i] = seq;
    payloads[i] = payload;
  }
}

function makeEntry<T>(key: number, seq: number, payload: T): QueueEntry<T> {
  const time = Math.floor(key / PRIO_SPAN);
  return { time, priority: key - time * PRIO_SPAN - PRIO_BIAS, seq, payload };
}
