import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInjectSpec } from '../../engine/review/inject-spec.js';
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
    const m = new Metrics(ksn, true, isInjectSpec);
    for (const line of log!.events) m.observe(JSON.parse(line));
    expect(m.finish(log!.until)).toEqual(summary);
  });
});

describe('common random numbers', () => {
  it('a different decision does not change what chance brings (per-entity streams, property over seeds)', () => {
    const reported = (seed: number, decisions: any[]) =>
      runScenario(ksn, { seed, decisions, players: ['tc-chair'] }).log!.events
        .map((l) => JSON.parse(l))
        .filter((e) => e.type === 'incident.reported' && /^(slides-|flood-bank-collapse-|ta-ca-houses$|muong-xen-slide$)/.test(e.id))
        .map(({ id, t, kind, area, severity, people, work_s }) => ({ id, t, kind, area, severity, people, work_s }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 3 * 3600 }), (seed, at) => {
      const early = reported(seed, [{ at, role: 'tc-chair', author: 'trainee', cmd: { do: 'evacuate', zone: 'ta-ca-riverside' } }]);
      const none = reported(seed, []);
      expect(none.length).toBeGreaterThan(0);
      expect(early).toEqual(none);
    }), { numRuns: 6 });
  });
});

describe('integer seconds', () => {
  it('every event happens at a whole second, in order, and every sampled duration in the log is whole', () => {
    for (const seed of [1, 2, 3]) {
      let last = 0;
      for (const line of runScenario(ksn, { seed }).log!.events) {
        const e = JSON.parse(line);
        expect(Number.isInteger(e.t)).toBe(true);
        expect(e.t).toBeGreaterThanOrEqual(last);
        last = e.t;
        for (const k of ['travel_s', 'work_s', 'latency_s', 'deadline_s']) if (k in e) expect(Number.isInteger(e[k]), `${e.type}.${k}`).toBe(true);
      }
    }
  });
});
