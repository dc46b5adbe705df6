/** Axis ticks of the batch page: round, distinct, one unit along a duration axis. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_STEPS_S, rangeTicks, zeroBasedTicks } from '../../engine/batch/ticks.js';

const unit = (text: string) => text.replace(/^-?[\d.]+ ?/, '');

describe('zeroBasedTicks', () => {
  it('over nothing but zeros still gives an axis to draw: a minute for a duration, one for a count', () => {
    expect(zeroBasedTicks(0, 'mean_dispatch_s').ticks.map((t) => t.text)).toEqual(['0', '15 s', '30 s', '45 s', '60 s']);
    expect(zeroBasedTicks(0, 'people_lost').ticks.map((t) => t.text)).toEqual(['0', '0.25', '0.5', '0.75', '1']);
  });

  it('reads a duration axis in round hours, minutes or seconds chosen by the range', () => {
    expect(zeroBasedTicks(10_440, 'mean_first_on_scene_s').ticks.map((t) => t.text)).toEqual(['0', '1 h', '2 h', '3 h']);
    expect(zeroBasedTicks(4_980, 'mean_first_on_scene_s').ticks.map((t) => t.text)).toEqual(['0', '30 min', '60 min', '90 min']);
    expect(zeroBasedTicks(40, 'mean_dispatch_s').ticks.map((t) => t.text)).toEqual(['0', '10 s', '20 s', '30 s', '40 s']);
    expect(rangeTicks(3_000, 12_600, 'mean_first_on_scene_s').map((t) => t.text)).toEqual(['1 h', '1.5 h', '2 h', '2.5 h', '3 h', '3.5 h']);
  });

  it('property: the labels are distinct, from 0 up to a top at or above the largest value, in round steps; a duration axis reads in one unit', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constantFrom('mean_dispatch_s', 'people_lost', 'objectives_met', 'runs'), fc.boolean(), (max, metric, integer) => {
      const { top, ticks } = zeroBasedTicks(max, metric, 4, integer);
      const texts = ticks.map((t) => t.text);
      expect(new Set(texts).size).toBe(texts.length);
      expect(ticks[0].v).toBe(0);
      expect(top).toBeGreaterThanOrEqual(max * (1 - 1e-9)); // a value a rounding error above a round top sits on it
      expect(ticks[ticks.length - 1].v).toBe(top);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(9);
      const step = ticks[1].v;
      if (metric.endsWith('_s')) {
        expect(DURATION_STEPS_S.includes(step) || step % 604_800 === 0, `step ${step}`).toBe(true); // round, or whole weeks beyond
        expect(new Set(texts.slice(1).map(unit)).size).toBe(1);
      }
      if (integer) expect(ticks.every((t) => Number.isInteger(t.v))).toBe(true);
    }));
  });

  it('property: ticks inside a range are distinct, round and within it', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), fc.constantFrom('mean_first_on_scene_s', 'people_rescued'), (lo, width, metric) => {
      const ticks = rangeTicks(lo, lo + width, metric);
      const texts = ticks.map((t) => t.text);
      expect(new Set(texts).size).toBe(texts.length);
      // within the range, give or take a rounding error (a billionth of it) at its ends
      const slack = 1e-9 * width;
      for (const t of ticks) {
        expect(t.v).toBeGreaterThanOrEqual(lo - slack);
        expect(t.v).toBeLessThanOrEqual(lo + width + slack);
      }
      if (metric.endsWith('_s')) expect(new Set(texts.filter((x) => x !== '0').map(unit)).size).toBeLessThanOrEqual(1);
    }));
  });
});
