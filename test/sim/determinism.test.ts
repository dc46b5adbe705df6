import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');
const minimal = loadNamed('minimal');

describe('determinism', () => {
  it('same scenario, seed and decisions give the same events and hash (property over seeds)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      const a = runScenario(ksn, { seed, until: 8 * 3600 }).log!;
      const b = runScenario(ksn, { seed, until: 8 * 3600 }).log!;
      expect(b.events).toEqual(a.events);
      expect(b.hash).toBe(a.hash);
    }), { numRuns: 8 });
  });

  it('another seed gives another run', () => {
    const a = runScenario(ksn, { seed: 1 }).log!;
    const b = runScenario(ksn, { seed: 2 }).log!;
    expect(b.hash).not.toBe(a.hash);
  });

  it('metrics-only mode reaches the same summary as the full log', () => {
    for (const s of [ksn, minimal]) {
      const full = runScenario(s, { seed: 5 });
      const fast = runScenario(s, { seed: 5, mode: 'metrics' });
      expect(fast.summary).toEqual(full.summary);
    }
  });

  it('the summary read from the log equals the live one (one metrics reducer)', async () => {
    const { Metrics } = await import('../../engine/review/metrics.js');
    const { log, summary } = runScenario(ksn, { seed: 9 });
    const m = new Metrics(ksn);
    for (const line of log!.events) m.observe(JSON.parse(line));
    expect(m.finish(log!.until)).toEqual(summary);
  });
});
