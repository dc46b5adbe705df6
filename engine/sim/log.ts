/**
 * The run log's event stream: one JSON line per event, and a hash chain over
 * the lines. The chain is cut at every keyframe: each link is the SHA-256 of
 * the previous link followed by the lines since, so a keyframe carries the
 * hash of everything before it and verification can start from any of them.
 *
 * How it is kept (for speed; the bytes and hashes are those of the plain
 * definition above, see chainOf): a line is JSON.stringify of the event,
 * written when the event is emitted (callers may reuse what they put in an
 * event afterwards) by JsonLines, which gives the same bytes several times
 * faster. Lines are sealed, 512 at a time, into chunks of UTF-8 bytes: the
 * lines each followed by `\n`, which is exactly what the chain hashes. The
 * chunks live outside V8's heap: held as strings, the 115 MB of a
 * 100,000-incident run were copied by the garbage collector as they aged,
 * which cost a fifth of the run. Hashing is lazy: `cut()` seals the pending
 * lines and feeds the chunks since the previous cut to a fresh hasher after
 * the previous link, in order, so it sees the same bytes in the same order
 * as hashing line by line would (SHA-256 does not depend on how its input is
 * split). The lines as separate strings (`lines`) are made only when asked
 * for, by decoding the chunks and splitting them at `\n` (a JSON text never
 * holds a raw newline).
 */
import { createSha256, type Sha256Factory } from '../core/hash.js';
import { asciiBytes, JsonLines, textOf } from '../core/json-lines.js';
import type { LogEvent } from '../review/metrics.js';

export const GENESIS = 'drillsim/run@1';

const RELEASED = new Uint8Array(0);

/** Lines per sealed chunk (about 48 KB in a typical run). */
const CHUNK_LINES = 512;

const T = asciiBytes('{"t":');
const PHASE_ID = asciiBytes(',"type":"incident.phase","id":');
const PHASE = asciiBytes(',"phase":');
const UNIT_STATE_ID = asciiBytes(',"type":"unit.state","id":');
const STATE = asciiBytes(',"state":');
const INCIDENT = asciiBytes(',"incident":');
const TRAVEL_S = asciiBytes(',"travel_s":');
const UNIT_ROUTE_ID = asciiBytes(',"type":"unit.route","id":');
const FROM = asciiBytes(',"from":[');
const COMMA = asciiBytes(',');
const TO = asciiBytes('],"to":[');
const TRAVEL_S_AFTER_ARRAY = asciiBytes('],"travel_s":');
const KM = asciiBytes(',"km":');
const REPORTED_ID = asciiBytes(',"type":"incident.reported","id":');
const KIND = asciiBytes(',"kind":');
const AREA = asciiBytes(',"area":');
const NODE = asciiBytes(',"node":');
const NODE_NULL = asciiBytes(',"node":null');
const X = asciiBytes(',"x":');
const Y = asciiBytes(',"y":');
const SEVERITY = asciiBytes(',"severity":');
const PEOPLE = asciiBytes(',"people":');
const WORK_S = asciiBytes(',"work_s":');
const PARENT = asciiBytes(',"parent":');
const DOCTRINE_ROLE = asciiBytes(',"type":"decision","author":"doctrine","role":');
const DISPATCH_UNIT = asciiBytes(',"do":"dispatch","unit":');
const CLOSE = asciiBytes('}');

export class LogWriter {
  /** Sealed chunks: each its lines as UTF-8, every line followed by `\n`. */
  private readonly chunks: Uint8Array[] = [];
  /** Lines not yet sealed into a chunk. */
  private readonly pending = new JsonLines();
  /** Lines in sealed chunks. */
  private sealed = 0;
  /** Chunks already hashed into `link` (the chain was cut after them). */
  private cutChunks = 0;
  private link = GENESIS;
  private sha256: Sha256Factory = createSha256;
  /** `lines`, as far as it has been made, and the chunks it covers. */
  private readonly made: string[] = [];
  private madeChunks = 0;
  /** Chunks before this one are both hashed and made into `lines`: their bytes are let go. */
  private released = 0;
  /** events before the first held here (a run resumed from a keyframe) */
  private offset = 0;

  /** Hash with another SHA-256 implementation (one that gives the same digests: see Sha256Factory). */
  useSha256(factory: Sha256Factory): void {
    this.sha256 = factory;
  }

  get count(): number {
    return this.offset + this.sealed + this.pending.count;
  }

  event(e: LogEvent): void {
    const p = this.pending;
    p.line(e);
    if (p.count >= CHUNK_LINES) this.seal();
  }

  // The most frequent events (ten lines of twelve per incident) are written field by field, with no event
  // object built: each writes the keys of the literal it stands for, in its order, and leaves out what that
  // literal would hold as undefined (test/sim/log-lines.test.ts holds each to JSON.stringify).

  /** `{ t, type: 'incident.phase', id, phase }` */
  phase(t: number, id: string, phase: string): void {
    const p = this.pending;
    p.raw(T);
    p.num(t);
    p.raw(PHASE_ID);
    p.str(id);
    p.raw(PHASE);
    p.str(phase);
    p.raw(CLOSE);
    this.ended();
  }

  /** `{ t, type: 'unit.state', id, state, incident, travel_s }`, incident and travel_s left out when undefined */
  unitState(t: number, id: string, state: string, incident: string | undefined, travel_s: number | undefined): void {
    const p = this.pending;
    p.raw(T);
    p.num(t);
    p.raw(UNIT_STATE_ID);
    p.str(id);
    p.raw(STATE);
    p.str(state);
    if (incident !== undefined) {
      p.raw(INCIDENT);
      p.str(incident);
    }
    if (travel_s !== undefined) {
      p.raw(TRAVEL_S);
      p.num(travel_s);
    }
    p.raw(CLOSE);
    this.ended();
  }

  /** `{ t, type: 'unit.route', id, from: [fx, fy], to: [tx, ty], travel_s, km }` */
  straightRoute(t: number, id: string, fx: number, fy: number, tx: number, ty: number, travel_s: number, km: number): void {
    const p = this.pending;
    p.raw(T);
    p.num(t);
    p.raw(UNIT_ROUTE_ID);
    p.str(id);
    p.raw(FROM);
    p.num(fx);
    p.raw(COMMA);
    p.num(fy);
    p.raw(TO);
    p.num(tx);
    p.raw(COMMA);
    p.num(ty);
    p.raw(TRAVEL_S_AFTER_ARRAY);
    p.num(travel_s);
    p.raw(KM);
    p.num(km);
    p.raw(CLOSE);
    this.ended();
  }

  /** `{ t, type: 'incident.reported', id, kind, area, node, x, y, severity, people, work_s, parent }`, parent left out when undefined */
  reported(e: { t: number; id: string; kind: string; area: string; node: string | null; x: number; y: number; severity: number; people: number; work_s: number; parent?: string }): void {
    const p = this.pending;
    p.raw(T);
    p.num(e.t);
    p.raw(REPORTED_ID);
    p.str(e.id);
    p.raw(KIND);
    p.str(e.kind);
    p.raw(AREA);
    p.str(e.area);
    if (e.node === null) p.raw(NODE_NULL);
    else {
      p.raw(NODE);
      p.str(e.node);
    }
    p.raw(X);
    p.num(e.x);
    p.raw(Y);
    p.num(e.y);
    p.raw(SEVERITY);
    p.num(e.severity);
    p.raw(PEOPLE);
    p.num(e.people);
    p.raw(WORK_S);
    p.num(e.work_s);
    if (e.parent !== undefined) {
      p.raw(PARENT);
      p.str(e.parent);
    }
    p.raw(CLOSE);
    this.ended();
  }

  /** `{ t, type: 'decision', author: 'doctrine', role, do: 'dispatch', unit, incident }` */
  doctrineDispatch(e: { t: number; role: string; unit: string; incident: string }): void {
    const p = this.pending;
    p.raw(T);
    p.num(e.t);
    p.raw(DOCTRINE_ROLE);
    p.str(e.role);
    p.raw(DISPATCH_UNIT);
    p.str(e.unit);
    p.raw(INCIDENT);
    p.str(e.incident);
    p.raw(CLOSE);
    this.ended();
  }

  private ended(): void {
    const p = this.pending;
    p.end();
    if (p.count >= CHUNK_LINES) this.seal();
  }

  /** The event lines held here, in order, each exactly as hashed (without its `\n`). */
  get lines(): string[] {
    this.seal();
    const made = this.made;
    const chunks = this.chunks;
    for (let k = this.madeChunks; k < chunks.length; k++) {
      const parts = textOf(chunks[k]!).split('\n');
      // the chunk ends with '\n': the last part is empty
      for (let i = 0, n = parts.length - 1; i < n; i++) made.push(parts[i]!);
    }
    this.madeChunks = chunks.length;
    this.release();
    return made;
  }

  /** Let go of the bytes of chunks no longer needed as bytes (hashed, and held as `lines`): their text is held once. */
  private release(): void {
    const upTo = Math.min(this.cutChunks, this.madeChunks);
    for (let k = this.released; k < upTo; k++) this.chunks[k] = RELEASED;
    this.released = Math.max(this.released, upTo);
  }

  /** Close the current link and start the next; returns the closed link's hash. */
  cut(): string {
    this.link = this.digestSince();
    this.cutChunks = this.chunks.length;
    this.release();
    return this.link;
  }

  /** The link the chain would close with now, without closing it (a run that goes on). */
  peek(): string {
    return this.digestSince();
  }

  /** The link the chain would close with after these lines too, none of them written here (a session saved part-way: see Sim.tallyLinesAt). */
  peekWith(more: readonly string[]): string {
    return this.digestSince(more);
  }

  /** Continue a chain from a keyframe (the lines before it are not held here). */
  resumeFrom(link: string, events: number): void {
    this.offset = events;
    this.link = link;
  }

  /** The final hash: the chain closed after the last event. */
  finish(): string {
    return this.cut();
  }

  /** SHA-256 of the current link followed by every line since the last cut (and `more`, lines not held here). */
  private digestSince(more: readonly string[] = []): string {
    this.seal();
    const h = this.sha256();
    h.update(this.link);
    const chunks = this.chunks;
    for (let k = this.cutChunks; k < chunks.length; k++) h.updateBytes(chunks[k]!);
    for (const line of more) {
      h.update(line);
      h.update('\n');
    }
    return h.digestHex();
  }

  private seal(): void {
    const n = this.pending.count;
    if (n === 0) return;
    this.chunks.push(this.pending.take());
    this.sealed += n;
  }
}

/** Recompute the chain over event lines, cutting at the given event counts. */
export function chainOf(lines: string[], cuts: number[], sha256: Sha256Factory = createSha256): { links: string[]; hash: string } {
  let link = GENESIS;
  let h = sha256();
  h.update(link);
  const links: string[] = [];
  let next = 0;
  for (let i = 0; i <= lines.length; i++) {
    while (next < cuts.length && cuts[next] === i) {
      link = h.digestHex();
      links.push(link);
      h = sha256();
      h.update(link);
      next++;
    }
    if (i < lines.length) {
      h.update(lines[i]!);
      h.update('\n');
    }
  }
  return { links, hash: h.digestHex() };
}
