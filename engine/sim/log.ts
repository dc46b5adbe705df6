/**
 * The run log's event stream: one JSON line per event, and a hash chain over
 * the lines. The chain is cut at every keyframe: each link is the SHA-256 of
 * the previous link followed by the lines since, so a keyframe carries the
 * hash of everything before it and verification can start from any of them.
 */
import { createSha256, type Sha256 } from '../core/hash.js';
import type { LogEvent } from '../review/metrics.js';

export const GENESIS = 'drillsim/run@1';

export class LogWriter {
  readonly lines: string[] = [];
  private hasher: Sha256;
  private link = GENESIS;

  constructor() {
    this.hasher = createSha256();
    this.hasher.update(this.link);
  }

  /** events before the first held here (a run resumed from a keyframe) */
  private offset = 0;

  get count(): number {
    return this.offset + this.lines.length;
  }

  event(e: LogEvent): void {
    const line = JSON.stringify(e);
    this.lines.push(line);
    this.hasher.update(line);
    this.hasher.update('\n');
  }

  /** Close the current link and start the next; returns the closed link's hash. */
  cut(): string {
    this.link = this.hasher.digestHex();
    this.hasher = createSha256();
    this.hasher.update(this.link);
    return this.link;
  }

  /** Continue a chain from a keyframe (the lines before it are not held here). */
  resumeFrom(link: string, events: number): void {
    this.offset = events;
    this.link = link;
    this.hasher = createSha256();
    this.hasher.update(link);
  }

  /** The final hash: the chain closed after the last event. */
  finish(): string {
    return this.cut();
  }
}

/** Recompute the chain over event lines, cutting at the given event counts. */
export function chainOf(lines: string[], cuts: number[]): { links: string[]; hash: string } {
  let link = GENESIS;
  let h = createSha256();
  h.update(link);
  const links: string[] = [];
  let next = 0;
  for (let i = 0; i <= lines.length; i++) {
    while (next < cuts.length && cuts[next] === i) {
      link = h.digestHex();
      links.push(link);
      h = createSha256();
      h.update(link);
      next++;
    }
    if (i < lines.length) {
      h.update(lines[i]);
      h.update('\n');
    }
  }
  return { links, hash: h.digestHex() };
}
