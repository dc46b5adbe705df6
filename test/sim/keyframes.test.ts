import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainOf } from '../../engine/sim/log.js';
import { Model } from '../../engine/sim/model.js';
import { runScenario } from '../../engine/sim/run.js';
import { Sim } from '../../engine/sim/sim.js';
import { loadNamed } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');

describe('keyframes', () => {
  const { log } = runScenario(ksn, { seed: 3 });
  const model = new Model(ksn);

  it('are taken every keyframe_every seconds, and hold plain JSON', () => {
    expect(log!.keyframes.length).toBe(Math.floor(ksn.horizon / ksn.keyframe_every) + 1);
    for (const k of log!.keyframes) expect(JSON.parse(JSON.stringify(k))).toEqual(k);
  });

  it('restoring any keyframe and running on gives the same log as the straight run (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: log!.keyframes.length - 1 }), (k) => {
      const kf = JSON.parse(JSON.stringify(log!.keyframes[k]));
      const sim = new Sim(model, { seed: log!.seed, decisions: [], players: [], until: log!.until, mode: 'full', keyframeEvery: ksn.keyframe_every }, kf);
      sim.run();
      expect(sim.log!.lines).toEqual(log!.events.slice(kf.events));
      expect(sim.log!.finish()).toBe(log!.hash);
    }), { numRuns: 12 });
  });

  it('the hash chain can be recomputed from the events alone', () => {
    const { links, hash } = chainOf(log!.events, log!.keyframes.map((k) => k.events));
    expect(links).toEqual(log!.chain);
    expect(hash).toBe(log!.hash);
  });
});
