/**
 * The run logs `drill view` serves, fetched from the moment the page starts
 * (boot.ts calls `startServed` before the rest of the viewer has loaded) and
 * read as they arrive: each goes chunk by chunk into a RunLogReader, so the
 * viewer can show a run once its head and events are in, while its keyframes
 * (most of the bytes) are still on their way. Small on purpose: it is all
 * the page runs before the viewer's code is compiled.
 */
import { RunLogReader } from '../../engine/replay/reader.js';
import { parseHash } from './address.js';
import type { Failure } from './failure.js';

export interface ServedEntry { url: string; name: string; bytes: number }

/** One run log on its way in: served, or a file picked or dropped in the page (read the same way, off the disk). */
export class Arrival {
  readonly reader = new RunLogReader();
  /** performance.now() at the request, when the head and events were in, and at the last byte */
  started = 0;
  headAt: number | null = null;
  ended: number | null = null;
  compressed = false;
  /** why it could not be fetched (the server's answer or the network's error), when it could not */
  error: Failure | null = null;
  private readonly watchers = new Set<() => void>();
  /** once the head and events are in, reading waits for this (the first frame drawn: keyframes can wait) */
  private gate: Promise<void> | null = null;
  private started_: Promise<void> | null = null;

  /** `early`: the request already made for it, and when (the boot script asks for the first log before the list is in) */
  /** `index`: the run's number on the server (runs/<n>.json), null for a file read in the page */
  constructor(readonly index: number | null, readonly entry: ServedEntry, private readonly early?: { response: Promise<Response>; at: number }) {}

  get done(): boolean { return this.ended !== null; }

  /** Fetch it (once); resolves when the last byte is in or the fetch has failed. */
  fetch(): Promise<void> {
    this.started_ ??= this.read();
    return this.started_;
  }

  /** Call `f` after every piece that arrives and at the end; returns the way to stop. */
  watch(f: () => void): () => void {
    this.watchers.add(f);
    return () => this.watchers.delete(f);
  }

  /** Read no further than the head and events until `until` resolves (the keyframes' bytes would only compete with drawing the run). */
  holdKeyframes(until: Promise<void>): void {
    this.gate = until;
  }

  /** Resolves once the head and events are in, or the log is done (whole, cut short or failed). */
  head(): Promise<void> {
    void this.fetch();
    if (this.reader.hasHead || this.done) return Promise.resolve();
    return new Promise((ok) => {
      const stop = this.watch(() => { if (this.reader.hasHead || this.done) { stop(); ok(); } });
    });
  }

  private notify(): void {
    for (const f of [...this.watchers]) f();
  }

  private async read(): Promise<void> {
    this.started = this.early?.at ?? performance.now();
    const name = this.entry.name;
    try {
      const res = await (this.early?.response ?? fetch(this.entry.url));
      if (res.status === 410) {
        // drill view is running, and the file it was started with is not where it was
        this.error = { message: `${name} is no longer where drill view found it (moved or deleted)`, code: 'gone', args: { name }, hintCode: 'gone' };
      } else if (!res.ok) {
        this.error = { message: `${name}: the server answered ${res.status}`, code: 'server', args: { name, status: res.status }, hintCode: 'server' };
      } else {
        this.compressed = res.headers.get('content-encoding') === 'gzip';
        const decoder = new TextDecoder();
        if (res.body) {
          const body = res.body.getReader();
          for (;;) {
            const { done, value } = await body.read();
            if (done) break;
            this.reader.push(decoder.decode(value, { stream: true }));
            if (this.headAt === null && this.reader.hasHead) this.headAt = performance.now();
            this.notify();
            if (this.gate && this.reader.hasHead) { await this.gate; this.gate = null; }
          }
          this.reader.push(decoder.decode());
        } else {
          this.reader.push(await res.text());
        }
      }
    } catch (e) {
      this.error = { message: `${name}: ${(e as Error).message}`, code: 'network', args: { name, detail: (e as Error).message }, hintCode: 'server' };
    }
    this.reader.end();
    this.ended = performance.now();
    this.notify();
  }
}

export interface Served {
  /** the list of runs from runs/index.json (empty from a copy of the built viewer, which has one saying none); null when there is none */
  list: Promise<ServedEntry[] | null>;
  /** The runs in the order to open them (those the address names first), each fetched once the one before is in. */
  arrivals(): Promise<Arrival[]>;
}

let served: Served | null = null;

/** Start fetching the served run logs (once): the list, then the run the address names (or the first). */
export function startServed(): Served {
  if (served) return served;
  // the log the address names (or the first) is asked for along with the list, not after it: `drill view` serves runs/<n>.json
  // (and its page preloads runs/0.json: for the first run this request is answered from that preload)
  const want = parseHash();
  const guess = `runs/${want.run ?? 0}.json`;
  const abort = new AbortController();
  // only from a `drill view` that serves runs (it adds that preload to the page): with none, the guess was a 404,
  // an error in the console each time the play page handed its log to this page
  const serving = document.querySelector('link[rel=preload][as=fetch]') !== null;
  const early = serving ? { response: fetch(guess, { signal: abort.signal }), at: performance.now() } : undefined;
  early?.response.catch(() => { /* not served: the list says so */ });
  const list = fetch('runs/index.json')
    .then(async (res) => (res.ok ? ((await res.json()) as { runs: ServedEntry[] }).runs : null))
    .catch(() => null);
  let ordered: Promise<Arrival[]> | null = null;
  const arrivals = (): Promise<Arrival[]> => {
    ordered ??= list.then((runs) => {
      if (!runs || !runs.some((r) => r.url === guess)) abort.abort();
      if (!runs) return [];
      const first = [want.run, want.cmp].filter((i): i is number => i !== null && i < runs.length);
      const order = [...new Set([...first, ...runs.map((_, i) => i)])];
      const out = order.map((i) => new Arrival(i, runs[i], runs[i].url === guess ? early : undefined));
      // one at a time, so that the first shown gets all the bandwidth
      void out.reduce<Promise<void>>((prev, a) => prev.then(() => a.fetch()), Promise.resolve());
      return out;
    });
    return ordered;
  };
  void arrivals();
  served = { list, arrivals };
  return served;
}
