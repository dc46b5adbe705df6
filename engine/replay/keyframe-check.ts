/**
 * Are a log's keyframes the worlds its run had? A replay restores them as
 * they are written, so a keyframe edited by hand (its world, queue or random
 * streams) shows a seek into its stretch what never happened, and the hash
 * chain cannot tell: it covers the events, not the keyframes. The check runs
 * the run again from its start, one keyframe at a time (the caller steps it
 * in idle time), and compares each stored keyframe with the one the engine
 * takes at that moment, as `drill verify` does.
 */
import type { Keyframe, Sim } from '../sim/sim.js';
import type { Model } from '../sim/model.js';
import type { RunData } from './open.js';
import { simOf } from './replay.js';

export class KeyframeCheck {
  private sim: Sim | null = null;
  private next = 0;
  /** the time of the first keyframe that is not the run's world then, once found */
  edited: number | null = null;
  /** the check could not go on (a keyframe that cannot be read, or a run the engine cannot replay): nothing is said */
  stopped = false;

  constructor(private readonly run: RunData, private readonly model: Model) {}

  get done(): boolean {
    return this.edited !== null || this.stopped || this.next >= this.run.keyframes.length;
  }

  /** Check the next keyframe; true when the check is done. */
  step(): boolean {
    if (this.done) return true;
    const k = this.next++;
    let stored: Keyframe;
    try {
      stored = this.run.keyframes.get(k);
      this.sim ??= simOf(this.run, this.model);
      // everything before the keyframe's moment, as the run had done when it took it
      this.sim.run(stored.t);
      this.sim.takeKeyframe(stored.t);
    } catch {
      this.stopped = true;
      return true;
    }
    const mine = this.sim.keyframes.pop()!;
    if (!same(mine.world, stored.world) || !same(mine.queue, stored.queue) || !same(mine.rng, stored.rng)) this.edited = stored.t;
    return this.done;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
