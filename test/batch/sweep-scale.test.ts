import { describe, expect, it } from 'vitest';
import { sweepScale } from '../../engine/batch/sweep-scale.js';

describe('sweepScale: where the values of a sweep stand on its curves\' axis', () => {
  it('places numbers to scale, from 0 at the smallest to 1 at the largest, in the order given', () => {
    expect(sweepScale(['1', '2', '5', '10'])).toEqual({ kind: 'number', at: [0, 1 / 9, 4 / 9, 1] });
    const s = sweepScale(['0.5', '0.1', '1e0']);
    expect(s.kind).toBe('number');
    s.at.forEach((x, i) => expect(x).toBeCloseTo([4 / 9, 0, 1][i], 12));
  });

  it('places durations and times since T0 to scale in seconds', () => {
    expect(sweepScale(['10m', '30m', '2h'])).toEqual({ kind: 'duration', at: [0, 2 / 11, 1] });
    expect(sweepScale(['T+02:00', 'T+03:10', '5h']).at).toEqual([0, 70 / 180, 1]);
  });

  it('places scale factors to scale', () => {
    expect(sweepScale(['x0.5', 'x1', 'x2'])).toEqual({ kind: 'factor', at: [0, 1 / 3, 1] });
  });

  it('keeps even spacing in the order given for names, unset beside numbers, numbers beside durations, distributions and equal values', () => {
    for (const labels of [['nearest', 'severity'], ['unset', '1', '2', '5'], ['1', '10m'], ['{uniform: [10m, 30m]}', '{uniform: [20m, 1h]}'], ['1h', '60m'], ['true', 'false']]) {
      expect(sweepScale(labels), labels.join(',')).toEqual({ kind: 'order', at: labels.map((_, i) => i / (labels.length - 1)) });
    }
  });

  it('puts a single value in the middle', () => {
    expect(sweepScale(['2'])).toEqual({ kind: 'order', at: [0.5] });
  });
});
