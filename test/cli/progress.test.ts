/**
 * The progress bar of drill batch and drill verify: its share and its times, as a planner reads them on a
 * terminal during a long batch (57 of 100 runs read '56 %', a float's share times 100; a time rounded in two
 * parts could read '1 min 60 s').
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmtSeconds, ProgressBar } from '../../engine/cli/progress.js';

/** What the bar drew last for `done` of `total`, on a terminal. */
function drawn(done: number, total: number): string {
  let last = '';
  const bar = new ProgressBar(total, { isTTY: true, columns: 120, write: (t) => { last = t; return true; } });
  bar.update(done);
  return last;
}

describe('the progress bar', () => {
  it('shows the share of runs done as a whole percentage, never one less than the runs say', () => {
    expect(drawn(57, 100)).toContain('57/100 runs   57 %');
    expect(drawn(29, 100)).toContain(' 29 %');
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (total, k) => {
      const done = k % (total + 1);
      const percent = Number(/(\d+) %/.exec(drawn(done, total))![1]);
      expect(percent).toBe(Math.floor((done * 100) / total));
    }), { numRuns: 200 });
  });

  it('says a time with its minutes and seconds (or hours and minutes) within their range', () => {
    expect(fmtSeconds(119.6)).toBe('2 min 00 s');
    expect(fmtSeconds(179.5)).toBe('3 min 00 s');
    expect(fmtSeconds(7199.6)).toBe('2 h 00 min');
    expect(fmtSeconds(3 * 3600 + 59 * 60 + 45)).toBe('4 h 00 min');
    expect(fmtSeconds(9.97)).toBe('10 s');
    expect(fmtSeconds(4.25, 'vi')).toBe('4,3 giây');
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (s) => {
      const m = /^(?:(\d+) h (\d\d) min|(\d+) min (\d\d) s|(\d+) s|(\d+\.\d) s)$/.exec(fmtSeconds(s));
      expect(m, fmtSeconds(s)).not.toBeNull();
      if (m![2] !== undefined) expect(Number(m![2])).toBeLessThan(60);
      if (m![4] !== undefined) expect(Number(m![4])).toBeLessThan(60);
    }), { numRuns: 500 });
  });
});
