import { sha256Hex } from '../../engine/core/hash.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { Model } from '../../engine/sim/model.js';
import { Sim } from '../../engine/sim/sim.js';
import type { Scenario } from '../../engine/scenario/schema.js';

/** A started Sim, for tests that step it themselves. */
export function makeSim(scenario: Scenario, opts: { seed?: number; decisions?: Decision[]; players?: string[]; until?: number; observe?: (s: Sim) => void } = {}): Sim {
  const sim = new Sim(new Model(scenario), {
    seed: opts.seed ?? 1,
    decisions: opts.decisions ?? [],
    players: opts.players ?? [],
    until: opts.until ?? scenario.horizon,
    mode: 'full',
    keyframeEvery: scenario.keyframe_every,
    observe: opts.observe,
  });
  sim.start();
  return sim;
}

export function worldHash(sim: Sim): string {
  return sha256Hex(JSON.stringify(sim.world));
}

export function events(sim: Sim): Record<string, any>[] {
  return sim.log!.lines.map((l) => JSON.parse(l));
}
