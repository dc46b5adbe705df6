/**
 * Does an opened log still hold together? The checks `drill report` makes
 * (review/aar.ts): its events hash to its stored hash (the chain, cut at the
 * keyframes, as sim/log.ts chainOf computes it), its stored summary is the
 * one the engine's reducer gives for its events, and its head names the run
 * its first event records, and a play session's save time (`session.t`,
 * which the chain does not cover) agrees with its events, keyframes and
 * summary (review/session-agrees.ts). A viewer shows a warning when one
 * fails, so that figures that differ from the printed report are explained.
 *
 * Hashing 100,000 event lines with the engine's SHA-256 takes a few hundred
 * milliseconds in a page, so the check goes in steps (`step` does at most
 * `n` events): a viewer runs it in idle time, after the run is shown.
 * Pure: no clock, no I/O.
 */
import { createSha256, type Sha256, type Sha256Factory } from '../core/hash.js';
import { isInjectSpec } from '../review/inject-spec.js';
import { Metrics, type LogEvent } from '../review/metrics.js';
import { summaryAgrees } from '../review/summary-form.js';
import { headAgrees } from '../review/head-agrees.js';
import { sessionAgrees } from '../review/session-agrees.js';
import { GENESIS } from '../sim/log.js';
import type { RunData } from './open.js';

export interface Integrity {
  /** the events hash to the stored hash */
  hashOk: boolean;
  /** the stored summary is the one recomputed from the events (false too when the log has none) */
  summaryAgrees: boolean;
  /** the seed, end and players at the log's head are those its first event records (review/head-agrees.ts) */
  headAgrees: boolean;
  /** a play session's save time (`session.t`) agrees with its events, keyframes and stored summary (true when the log is no session; review/session-agrees.ts) */
  sessionAgrees: boolean;
}

export class IntegrityCheck {
  private i = 0;
  private next = 0;
  private h: Sha256;
  private readonly cuts: number[] = [];
  private readonly metrics: Metrics;
  result: Integrity | null = null;

  /** `run` must be complete (its keyframes, summary and hash in). */
  constructor(private readonly run: RunData, private readonly sha256: Sha256Factory = createSha256) {
    this.h = sha256();
    this.h.update(GENESIS);
    for (let k = 0; k < run.keyframes.length; k++) this.cuts.push(run.keyframes.eventsBefore(k));
    this.metrics = new Metrics(run.scenario, true, isInjectSpec);
  }

  /** Check up to `n` more events; true once done (`result` is then set). */
  step(n = 5000): boolean {
    if (this.result) return true;
    const events: LogEvent[] = this.run.events;
    const stop = Math.min(events.length, this.i + n);
    for (; this.i <= stop; this.i++) {
      const i = this.i;
      while (this.next < this.cuts.length && this.cuts[this.next] === i) {
        const link = this.h.digestHex();
        this.h = this.sha256();
        this.h.update(link);
        this.next++;
      }
      if (i === stop) break;
      const e = events[i];
      this.h.update(JSON.stringify(e));
      this.h.update('\n');
      this.metrics.observe(e);
    }
    if (this.i < events.length) return false;
    const summary = this.metrics.finish(this.run.end);
    this.result = {
      hashOk: this.h.digestHex() === this.run.hash,
      summaryAgrees: this.run.summary !== null && summaryAgrees(this.run.summary, summary),
      headAgrees: headAgrees({ seed: this.run.seed, until: this.run.until, players: this.run.players, joined: this.run.joined, varied: this.run.varied, scenario: { id: this.run.scenario.id } }, events[0]),
      sessionAgrees: sessionAgrees({ until: this.run.until, session: this.run.sessionField as { t?: unknown } | null | undefined, keyframes: this.run.keyframes.times.map((t) => ({ t })), summary: this.run.summary }, events),
    };
    return true;
  }

  /** The whole check at once. */
  static of(run: RunData, sha256?: Sha256Factory): Integrity {
    const c = new IntegrityCheck(run, sha256);
    while (!c.step(Infinity)) { /* one step does it */ }
    return c.result!;
  }
}
