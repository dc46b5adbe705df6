import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimBoundError } from '../../engine/core/errors.js';
import { EventQueue, MAX_QUEUE_TIME, type QueueEntry, type QueueSnapshot } from '../../engine/core/queue.js';

type Op =
  | { op: 'push'; time: number; priority: number }
  | { op: 'pop'; payloadOnly: boolean }
  | { op: 'peek' }
  | { op: 'cancel'; pick: number };

/** Few distinct times and priorities, so that ties are common. */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: -3, max: 6 }), priority: fc.integer({ min: -1, max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pop' as const), payloadOnly: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'peek' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
);

interface Ref {
  time: number;
  priority: number;
  seq: number;
  payload: string;
}

/** Reference model: a plain array, first = smallest (time, priority, seq). */
class ModelQueue {
  live: Ref[] = [];
  next = 0;
  push(time: number, priority: number, payload: string): number {
    const seq = this.next++;
    this.live.push({ time, priority, seq, payload });
    return seq;
  }
  private firstIndex(): number {
    let best = -1;
    for (let i = 0; i < this.live.length; i++) {
      const a = this.live[i]!;
      const b = best < 0 ? undefined : this.live[best]!;
      if (!b || a.time < b.time || (a.time === b.time && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)))) best = i;
    }
    return best;
  }
  pop(): Ref | undefined {
    const i = this.firstIndex();
    return i < 0 ? undefined : this.live.splice(i, 1)[0];
  }
  peek(): Ref | undefined {
    const i = this.firstIndex();
    return i < 0 ? undefined : this.live[i];
  }
  cancel(seq: number): boolean {
    const i = this.live.findIndex((e) => e.seq === seq);
    if (i < 0) return false;
    this.live.splice(i, 1);
    return true;
  }
}

/** Applies ops to both queues and checks every result; returns the log of results. */
function runOps(q: EventQueue<string>, m: ModelQueue, ops: Op[]): unknown[] {
  const log: unknown[] = [];
  for (const o of ops) {
    switch (o.op) {
      case 'push': {
        const payload = `p${m.next}`;
        const s1 = q.push(o.time, o.priority, payload);
        const s2 = m.push(o.time, o.priority, payload);
        expect(s1).toBe(s2);
        log.push(s1);
        break;
      }
      case 'pop': {
        // the engine's loop pops payloads only: half the pops take that way
        const want = m.pop();
        if (o.payloadOnly) {
          expect(q.popPayload()).toBe(want?.payload);
          log.push(want);
          break;
        }
        const got = q.pop();
        expect(got).toEqual(want);
        log.push(got);
        break;
      }
      case 'peek': {
        const got = q.peek();
        expect(got).toEqual(m.peek());
        expect(q.peekTime()).toBe(got?.time);
        expect(q.peekPriority()).toBe(got?.priority);
        log.push(got);
        break;
      }
      case 'cancel': {
        // any seq ever handed out, plus one never handed out
        const seq = o.pick % (m.next + 1);
        const got = q.cancel(seq);
        expect(got).toBe(m.cancel(seq));
        log.push(got);
        break;
      }
    }
    expect(q.size).toBe(m.live.length);
    expect(q.nextSeq).toBe(m.next);
  }
  return log;
}

describe('EventQueue', () => {
  it('pops in (time, priority, seq) order', () => {
    const q = new EventQueue<string>();
    q.push(10, 1, 'c');
    q.push(5, 2, 'b');
    q.push(5, 0, 'a');
    q.push(10, 0, 'x');
    q.push(20, -5, 'z');
    const out: Array<QueueEntry<string>> = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e);
    expect(out.map((e) => [e.time, e.priority, e.payload])).toEqual([
      [5, 0, 'a'],
      [5, 2, 'b'],
      [10, 0, 'x'],
      [10, 1, 'c'],
      [20, -5, 'z'],
    ]);
  });

  it('pops events with equal time and priority first in, first out', () => {
    const q = new EventQueue<number>();
    for (let i = 0; i < 100; i++) q.push(7, 3, i);
    for (let i = 0; i < 100; i++) expect(q.pop()?.payload).toBe(i);
    expect(q.pop()).toBeUndefined();
  });

  it('returns increasing seqs from push, starting at 0', () => {
    const q = new EventQueue<null>();
    expect([q.push(3, 0, null), q.push(1, 0, null), q.push(2, 0, null)]).toEqual([0, 1, 2]);
    expect(q.nextSeq).toBe(3);
  });

  it('handles negative times and the extreme times and priorities', () => {
    const q = new EventQueue<string>();
    q.push(MAX_QUEUE_TIME, -32768, 'last');
    q.push(-MAX_QUEUE_TIME, 32767, 'first');
    q.push(0, 32767, 'mid-b');
    q.push(0, -32768, 'mid-a');
    expect([q.pop(), q.pop(), q.pop(), q.pop()].map((e) => [e?.payload, e?.time, e?.priority])).toEqual([
      ['first', -MAX_QUEUE_TIME, 32767],
      ['mid-a', 0, -32768],
      ['mid-b', 0, 32767],
      ['last', MAX_QUEUE_TIME, -32768],
    ]);
  });

  it('behaves like a sorted-array reference under random push/pop/peek/cancel sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        runOps(new EventQueue<string>(), new ModelQueue(), ops);
      }),
      { numRuns: 400 },
    );
  });

  it('stays correct when cancelled entries pile up and the heap is compacted', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 200, maxLength: 600 }), fc.nat(), (times, salt) => {
        const q = new EventQueue<string>();
        const m = new ModelQueue();
        const seqs = times.map((t, i) => {
          const s = q.push(t, i % 3, `p${i}`);
          m.push(t, i % 3, `p${i}`);
          return s;
        });
        // cancel most of them, in a scrambled order
        for (let i = 0; i < seqs.length; i++) {
          if ((i * 7 + salt) % 10 < 8) {
            const s = seqs[(i * 31 + salt) % seqs.length]!;
            expect(q.cancel(s)).toBe(m.cancel(s));
          }
        }
        expect(q.size).toBe(m.live.length);
        for (;;) {
          const got = q.pop();
          expect(got).toEqual(m.pop());
          if (!got) break;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never pops a cancelled entry, and cancel of a popped or unknown seq is a no-op', () => {
    const q = new EventQueue<string>();
    const a = q.push(1, 0, 'a');
    const b = q.push(2, 0, 'b');
    const c = q.push(3, 0, 'c');
    expect(q.cancel(b)).toBe(true);
    expect(q.cancel(b)).toBe(false);
    expect(q.size).toBe(2);
    expect(q.pop()?.seq).toBe(a);
    expect(q.cancel(a)).toBe(false); // already popped
    expect(q.cancel(999)).toBe(false); // never pushed
    expect(q.cancel(-1)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.has(c)).toBe(true);
    expect(q.has(b)).toBe(false);
    expect(q.pop()?.seq).toBe(c);
    expect(q.pop()).toBeUndefined();
    expect(q.size).toBe(0);
  });

  it('tracks pending seqs across many thousands of pushes and beyond 2^32', () => {
    for (const start of [0, 2 ** 32 - 5000, 2 ** 45]) {
      const q = EventQueue.restore<number>({ nextSeq: start, entries: [] });
      const m = new ModelQueue();
      m.next = start;
      for (let i = 0; i < 6000; i++) {
        const t = (i * 7919) % 1000;
        expect(q.push(t, i % 2, i)).toBe(m.push(t, i % 2, `p${i}`));
        if (i % 3 === 0) {
          const s = start + ((i * 5) % (i + 1));
          expect(q.cancel(s)).toBe(m.cancel(s));
        }
        if (i % 4 === 0) expect(q.pop()?.seq).toBe(m.pop()?.seq);
      }
      expect(q.size).toBe(m.live.length);
      for (let e = q.pop(); e; e = q.pop()) expect(e.seq).toBe(m.pop()?.seq);
      expect(m.live.length).toBe(0);
    }
  });

  it('rejects times and priorities that are not integers in range', () => {
    const q = new EventQueue<null>();
    expect(() => q.push(1.5, 0, null)).toThrow(RangeError);
    expect(() => q.push(NaN, 0, null)).toThrow(RangeError);
    expect(() => q.push(MAX_QUEUE_TIME + 1, 0, null)).toThrow(RangeError);
    expect(() => q.push(0, 0.5, null)).toThrow(RangeError);
    expect(() => q.push(0, 40000, null)).toThrow(RangeError);
    expect(q.size).toBe(0);
    expect(q.nextSeq).toBe(0);
  });
});

describe('EventQueue bound', () => {
  it('throws a SimBoundError with code bound/queue-size and the limit when maxSize would be exceeded', () => {
    const q = new EventQueue<number>({ maxSize: 3 });
    q.push(1, 0, 1);
    q.push(2, 0, 2);
    q.push(3, 0, 3);
    let err: unknown;
    try {
      q.push(4, 0, 4);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimBoundError);
    const b = err as SimBoundError;
    expect(b.code).toBe('bound/queue-size');
    expect(b.limit).toBe(3);
    expect(b.name).toBe('SimBoundError');
    expect(b.message).toMatch(/3 pending events/);
    expect(q.size).toBe(3);
    expect(q.nextSeq).toBe(3); // the failed push used no seq
  });

  it('counts only pending events against the bound', () => {
    const q = new EventQueue<number>({ maxSize: 2 });
    const a = q.push(1, 0, 1);
    q.push(2, 0, 2);
    q.cancel(a);
    q.push(3, 0, 3); // fine: one was cancelled
    q.pop();
    q.push(4, 0, 4); // fine: one was popped
    expect(() => q.push(5, 0, 5)).toThrow(SimBoundError);
  });

  it('rejects a restore with more entries than maxSize', () => {
    const q = new EventQueue<number>();
    for (let i = 0; i < 5; i++) q.push(i, 0, i);
    expect(() => EventQueue.restore(q.snapshot(), { maxSize: 4 })).toThrow(SimBoundError);
  });
});

describe('EventQueue snapshot and restore', () => {
  it('snapshots plain JSON with live entries sorted by (time, priority, seq) and the next seq', () => {
    const q = new EventQueue<{ kind: string }>();
    q.push(5, 1, { kind: 'b' });
    const x = q.push(1, 0, { kind: 'x' });
    q.push(5, 0, { kind: 'a' });
    q.push(5, 1, { kind: 'c' });
    q.cancel(x);
    const snap = q.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap).toEqual({
      nextSeq: 4,
      entries: [
        { time: 5, priority: 0, seq: 2, payload: { kind: 'a' } },
        { time: 5, priority: 1, seq: 0, payload: { kind: 'b' } },
        { time: 5, priority: 1, seq: 3, payload: { kind: 'c' } },
      ],
    });
  });

  it('restores a queue that pops exactly what the original pops, through a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), fc.array(opArb, { maxLength: 200 }), (before, after) => {
        const q = new EventQueue<string>();
        const m = new ModelQueue();
        runOps(q, m, before);
        const snap = JSON.parse(JSON.stringify(q.snapshot())) as QueueSnapshot<string>;
        const restored = EventQueue.restore(snap);
        const m2 = new ModelQueue();
        m2.live = m.live.map((e) => ({ ...e }));
        m2.next = m.next;
        expect(restored.size).toBe(q.size);
        const logA = runOps(q, m, after);
        const logB = runOps(restored, m2, after);
        expect(logB).toEqual(logA);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses malformed snapshots', () => {
    expect(() => EventQueue.restore({ nextSeq: -1, entries: [] })).toThrow(RangeError);
    expect(() => EventQueue.restore({ nextSeq: 2, entries: [{ time: 1, priority: 0, seq: 2, payload: 0 }] })).toThrow(/seq/);
    expect(() =>
      EventQueue.restore({
        nextSeq: 3,
        entries: [
          { time: 1, priority: 0, seq: 1, payload: 0 },
          { time: 2, priority: 0, seq: 1, payload: 0 },
        ],
      }),
    ).toThrow(/twice/);
    expect(() => EventQueue.restore({ nextSeq: 3, entries: [{ time: 0.5, priority: 0, seq: 1, payload: 0 }] })).toThrow(RangeError);
  });
});
