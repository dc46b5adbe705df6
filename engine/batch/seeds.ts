/**
 * Seeds and shards of a batch. Run k (1-based) of a batch with master seed S
 * is played with seed `runSeed(S, k)`: the first 8 hex digits of
 * SHA-256 of the text `${S}/${k}`, read as an unsigned 32-bit number. It
 * depends on S and k only, so a run's seed is the same whatever the number
 * of workers or shards, and a planner can recompute it in a shell:
 *
 *   printf '%s' "7/1" | sha256sum | cut -c1-8     # then: echo $((16#<hex>))
 *
 * A sweep (--vary) plays the same N seeds for every value (common random
 * numbers): differences between values are then not chance.
 */
import { sha256Hex } from '../core/hash.js';

export const SEED_FORMULA = 'seed of run k = first 8 hex digits of sha256("S/k") (S the master seed, k the run number), read as an unsigned 32-bit integer';

/** `hex`: SHA-256 of a short text as hex (the command line passes node:crypto's, the same digest several times faster). */
export function runSeed(masterSeed: number, k: number, hex: (text: string) => string = sha256Hex): number {
  return parseInt(hex(`${masterSeed}/${k}`).slice(0, 8), 16);
}

/** A batch's jobs in order: value index v (0 without --vary) then run k = 1..runs. Job numbers j are 1-based. */
export interface Job {
  j: number;
  v: number;
  k: number;
  seed: number;
}

export interface Shard {
  index: number;
  count: number;
}

/**
 * The jobs of a batch, or of shard i/n of it: the jobs j with (j - 1) mod n = i - 1, an interleave, so that
 * shards get the same mix of values.
 */
export function batchJobs(masterSeed: number, runs: number, values: number, shard: Shard | null, hex: (text: string) => string = sha256Hex): Job[] {
  // only the shard's own jobs are visited, and only their seeds made: shard 1/1000 of a million runs makes a thousand
  const seeds = new Map<number, number>();
  const seedOf = (k: number) => {
    let s = seeds.get(k);
    if (s === undefined) seeds.set(k, (s = runSeed(masterSeed, k, hex)));
    return s;
  };
  const jobs: Job[] = [];
  const first = shard ? shard.index : 1, step = shard ? shard.count : 1;
  for (let j = first; j <= values * runs; j += step) {
    const v = Math.floor((j - 1) / runs), k = j - v * runs;
    jobs.push({ j, v, k, seed: seedOf(k) });
  }
  return jobs;
}

/** `i/n` with 1 <= i <= n, or a message saying what is wrong. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `'${text}' is not a shard; write i/n, e.g. 1/4 for the first of four shards`;
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1) return `'${text}': a batch is split into at least one shard (write i/n with n at least 1, e.g. 1/4 for the first of four shards)`;
  if (index < 1 || index > count) return `'${text}': the shard number must be between 1 and ${Math.max(count, 1)} (shards are numbered 1/${Math.max(count, 1)} to ${Math.max(count, 1)}/${Math.max(count, 1)})`;
  return { index, count };
}
