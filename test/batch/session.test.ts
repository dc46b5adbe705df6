/**
 * The session's place among the runs (engine/batch/session.ts): the shares of runs below, equal to and above each of
 * its figures, and the mark beyond 95 % of them, counted in whole runs and never on too few runs to say it.
 */
import { describe, expect, it } from 'vitest';
import { MIN_RUNS_EDGE, sessionPlaces, underMark } from '../../engine/batch/session.js';
import type { BatchResults } from '../../engine/batch/results.js';

/** A batch of these people_lost figures, with a session that lost `session`. */
const batch = (lost: (number | null)[], session: number | null) => ({
  vary: null,
  decisions: { count: 1, players: [], hash: 'h', session: { seed: 1, metrics: { people_lost: session }, objectives: {} } },
  results: lost.map((v, i) => ({ j: i + 1, run: i + 1, seed: i, value: null, metrics: { people_lost: v }, objectives: {} })),
}) as unknown as BatchResults;

const place = (lost: (number | null)[], session: number | null) => sessionPlaces(batch(lost, session), ['people_lost'])[0];

describe('sessionPlaces', () => {
  it('gives the shares of the runs below, equal to and above the session, over the runs with the figure', () => {
    expect(place([1, 2, 2, 3, null], 2)).toMatchObject({ value: 2, n: 4, below: 0.25, same: 0.5, above: 0.25, edge: null });
  });

  it('marks the session lower than 19 of 20 runs, 95 % exactly', () => {
    expect(place([...Array(19).fill(10), 0], 5)).toMatchObject({ n: 20, above: 0.95, edge: 'low' });
    expect(place([...Array(19).fill(0), 10], 5)).toMatchObject({ below: 0.95, edge: 'high' });
  });

  it('does not mark a share under 95 % that whole per cents would round up to it (474 of 500: 94.8 %)', () => {
    const p = place([...Array(474).fill(10), ...Array(26).fill(0)], 5);
    expect(p.above).toBeCloseTo(0.948);
    expect(p.edge).toBeNull();
    expect(underMark(p.above!)).toBe(94.8);
  });

  it(`never marks a session among fewer than ${MIN_RUNS_EDGE} runs: lower than the one run of a batch of 1 says nothing of chance`, () => {
    expect(place([10], 5)).toMatchObject({ n: 1, above: 1, edge: null });
    expect(place(Array(MIN_RUNS_EDGE - 1).fill(10), 5).edge).toBeNull();
  });

  it('gives no shares where the session has no figure, nor where no run has it', () => {
    expect(place([1, 2], null)).toMatchObject({ value: null, below: null, same: null, above: null, edge: null });
    expect(place([null, null], 3)).toMatchObject({ n: 0, below: null, edge: null });
  });
});

describe('underMark', () => {
  it('floors a share just under 95 % to a tenth of a per cent, so that it never reads as 95 %', () => {
    expect(underMark(0.9496)).toBe(94.9);
    expect(underMark(0.945)).toBe(94.5);
    expect(underMark(0.95)).toBeNull();
    expect(underMark(0.5)).toBeNull();
  });
});
