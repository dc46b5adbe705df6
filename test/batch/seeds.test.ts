import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchJobs, parseShard, runSeed } from '../../engine/batch/seeds.js';

describe('batch seeds and shards', () => {
  it('the seed of run k is the first 32 bits of sha256("S/k"), as the docs say', () => {
    for (const [s, k] of [[7, 1], [7, 2], [2022, 1000], [0, 1]]) {
      const hex = createHash('sha256').update(`${s}/${k}`).digest('hex').slice(0, 8);
      expect(runSeed(s, k)).toBe(parseInt(hex, 16));
    }
  });

  it('a sweep plays the same seeds for every value (common random numbers)', () => {
    const jobs = batchJobs(7, 5, 3, null);
    expect(jobs.map((j) => j.j)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const seedsOf = (v: number) => jobs.filter((j) => j.v === v).map((j) => j.seed);
    expect(seedsOf(1)).toEqual(seedsOf(0));
    expect(seedsOf(2)).toEqual(seedsOf(0));
    expect(new Set(seedsOf(0)).size).toBe(5);
  });

  it('property: the shards i/n of a batch hold every job exactly once, with the seeds of the whole batch', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }), (seed, runs, values, n) => {
      const whole = batchJobs(seed, runs, values, null);
      const parts = Array.from({ length: n }, (_, i) => batchJobs(seed, runs, values, { index: i + 1, count: n })).flat();
      expect(parts.sort((a, b) => a.j - b.j)).toEqual(whole);
    }), { numRuns: 50 });
  });

  it("property: a shard's jobs are those of the whole batch whose number falls to it (j - 1 mod n = i - 1), in order, with node:crypto's digest giving the same seeds", () => {
    const nodeHex = (t: string) => createHash('sha256').update(t).digest('hex');
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (seed, runs, values, n, i0) => {
      const shard = { index: ((i0 - 1) % n) + 1, count: n };
      const whole = batchJobs(seed, runs, values, null);
      expect(batchJobs(seed, runs, values, shard, nodeHex)).toEqual(whole.filter((j) => (j.j - 1) % n === shard.index - 1));
    }), { numRuns: 60 });
  });

  it('reads i/n and refuses shard numbers out of range', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toMatch(/between 1 and 4/);
    expect(parseShard('5/4')).toMatch(/between 1 and 4/);
    expect(parseShard('1/0')).toMatch(/at least one shard/);
    expect(parseShard('a')).toMatch(/write i\/n/);
  });
});
