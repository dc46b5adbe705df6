/**
 * The world at any time of a recorded run, computed by the engine itself:
 * restore the nearest keyframe at or before t and run the real simulation up
 * to t. A replay therefore shows exactly what the engine held, not a second
 * reading of the log. Playing forward continues the same simulation instead
 * of restoring again, so a frame costs only the events since the last one.
 *
 * The world returned is the Sim's own and changes on the next call: read it,
 * do not keep it.
 */
import { decisionFromRecord } from '../sim/run.js';
import { Model } from '../sim/model.js';
import { Sim, type Keyframe, type SimOptions } from '../sim/sim.js';
import type { Leg, UnitW, World } from '../sim/world.js';
import type { RunData } from './open.js';

export class Replay {
  readonly model: Model;
  private sim: Sim | null = null;
  /** the time the current sim has been run to (everything at or before it is done) */
  private simT = -1;
  /** keyframe restores done (for the bench and tests) */
  restores = 0;

  constructor(readonly run: RunData) {
    this.model = new Model(run.scenario);
  }

  /** Index of the last keyframe at or before t, or -1. */
  keyframeBefore(t: number): number {
    const k = this.run.keyframes.times;
    let lo = 0, hi = k.length - 1, best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (k[mid] <= t) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best;
  }

  private fresh(kf: Keyframe | undefined): Sim {
    this.restores++;
    return simOf(this.run, this.model, kf);
  }

  /** The engine's world after every event at or before time t (a session saved part-way has none after its `end`). */
  stateAt(t: number): World {
    // past a saved session's end the sim would go on deciding for its players: a future the log does not hold
    const target = Math.max(0, Math.min(Math.floor(t), this.run.end));
    const ki = this.keyframeBefore(target);
    const kf = ki >= 0 ? this.run.keyframes.get(ki) : undefined;
    // go on with the sim we have when it is not behind the target and no keyframe lies between
    const reuse = this.sim !== null && this.simT <= target && (kf === undefined || kf.t <= this.simT);
    if (!reuse) {
      this.sim = this.fresh(kf);
    }
    this.sim!.run(target + 1);
    this.simT = target;
    return this.sim!.world;
  }
}

/** A sim of a recorded run, from its keyframe `kf` or (none) from its start: metrics only, no log (`onRefused`: see SimOptions). */
export function simOf(r: RunData, model: Model, kf?: Keyframe, onRefused?: SimOptions['onRefused']): Sim {
  const sim = new Sim(model, {
    seed: r.seed,
    decisions: r.decisions.map(decisionFromRecord),
    players: r.players,
    joined: r.joined,
    ...(r.varied ? { varied: r.varied } : {}),
    until: r.until,
    mode: 'metrics',
    keyframeEvery: r.keyframe_every,
    keepIncidents: false,
    onRefused,
  }, kf);
  if (!kf) sim.start();
  return sim;
}

/** Where a unit is at time t (km on the local plane), moving along its leg between nodes. */
export function unitPosition(model: Model, u: UnitW, t: number): [number, number] {
  const leg = u.leg;
  // a blocked unit may still be driving to the junction where it waits
  if (!leg || leg.t0 < 0 || !(u.m.value === 'en_route' || u.m.value === 'returning' || u.m.value === 'blocked')) return [u.x, u.y];
  return legPosition(model, leg, t - leg.t0);
}

export function legPosition(model: Model, leg: Leg, elapsed_s: number): [number, number] {
  if (leg.nodes && leg.cum_s && leg.nodes.length > 0) {
    const xy = (i: number) => model.travel.nodeXY[model.travel.nodeIndex.get(leg.nodes![i])!];
    const cum = leg.cum_s;
    // a leg may begin part-way along its first road (cum_s[0] < 0: that node was passed before t0)
    if (elapsed_s <= cum[0] || leg.nodes.length === 1) return xy(0);
    let i = 0;
    while (i + 1 < cum.length && cum[i + 1] <= elapsed_s) i++;
    if (i + 1 >= leg.nodes.length) return xy(leg.nodes.length - 1);
    const span = cum[i + 1] - cum[i];
    const f = span > 0 ? (elapsed_s - cum[i]) / span : 1;
    const a = xy(i), b = xy(i + 1);
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
  }
  if (leg.from && leg.to) {
    const f = leg.travel_s > 0 ? Math.max(0, Math.min(1, elapsed_s / leg.travel_s)) : 1;
    return [leg.from[0] + (leg.to[0] - leg.from[0]) * f, leg.from[1] + (leg.to[1] - leg.from[1]) * f];
  }
  return [0, 0];
}
