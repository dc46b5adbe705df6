import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damagedEventField } from '../../engine/review/event-fields.js';
import { checkInvariants } from '../../engine/sim/invariants.js';
import type { Sim } from '../../engine/sim/sim.js';
import { loadNamed } from '../helpers/scenarios.js';
import { makeSim } from '../helpers/sim.js';

// Kỳ Sơn and the typhoon evacuate zones into shelters (people on the road hold places there); minimal has none
const scenarios = ['ky-son-flash-flood', 'minimal', 'typhoon-landfall-coast'].map(loadNamed);

function watch() {
  let lastT = -1;
  const broken: string[] = [];
  const observe = (sim: Sim) => {
    if (sim.world.t < lastT) broken.push(`time went back from ${lastT} to ${sim.world.t}`);
    lastT = sim.world.t;
    if (broken.length < 5) broken.push(...checkInvariants(sim).map((b) => `t=${sim.world.t}: ${b}`));
  };
  return { observe, broken };
}

describe('invariants after every step', () => {
  it('time never goes back; units are in one state and one place; people are conserved; shelters hold no more than their capacity and count what their zones count; no unit dispatched unless available; bounds hold (property over seeds)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: scenarios.length - 1 }), (seed, which) => {
      const w = watch();
      const sim = makeSim(scenarios[which], { seed, observe: w.observe });
      sim.run();
      expect(w.broken).toEqual([]);
      // the engine refused every dispatch of a unit that was not available
      const lines = sim.log!.lines.map((l) => JSON.parse(l));
      const stateOf = new Map<string, string>();
      for (const e of lines) {
        // and every event is as the log's readers (report, verify, the viewer) check drill writes it
        expect(damagedEventField(e), JSON.stringify(e)).toBeNull();
        if (e.type === 'unit.state') stateOf.set(e.id, e.state);
        if (e.type === 'decision' && e.do === 'dispatch') expect(stateOf.get(e.unit) ?? 'available').toBe('available');
      }
    }), { numRuns: 10 });
  });
});
