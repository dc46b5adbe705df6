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

  it('a keyframe taken while incidents are covered only by units far on their way (far_cover) restores to the same log', () => {
    // seed 2: Mường Xén's units on their hours-long way round to Tà Cạ while doctrine waits to send a nearer one
    const { log: far } = runScenario(ksn, { seed: 2 });
    const held = far!.keyframes.filter((k) => k.world.far_cover !== undefined);
    expect(held.length).toBeGreaterThan(0);
    for (const k of held.slice(0, 4)) {
      const kf = JSON.parse(JSON.stringify(k));
      const sim = new Sim(model, { seed: 2, decisions: [], players: [], until: far!.until, mode: 'full', keyframeEvery: ksn.keyframe_every }, kf);
      sim.run();
      expect(sim.log!.finish()).toBe(far!.hash);
    }
  });

  it('the hash chain can be recomputed from the events alone', () => {
    const { links, hash } = chainOf(log!.events, log!.keyframes.map((k) => k.events));
    expect(links).toEqual(log!.chain);
    expect(hash).toBe(log!.hash);
  });
});
