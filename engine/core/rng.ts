/**
 * Seeded random streams: one independent stream per purpose and entity.
 *
 * What it does: `RngStreams` hands out `Rng` streams by path, e.g.
 * `streams.get('incident/ks-03/severity')`. Each stream is seedrandom's alea
 * generator seeded with the string `${masterSeed}/${path}`, so a stream's draws
 * depend only on the master seed and its own path: adding an entity, a
 * decision or another stream never shifts the draws of an existing one
 * (common random numbers across runs). Streams are created lazily and cached.
 * `snapshot()` captures every created stream's state as plain JSON and
 * `RngStreams.restore()` continues each stream exactly where it was. Alea
 * uses only IEEE double arithmetic, so draws are identical in every engine.
 *
 * What it does not do: no global or implicit randomness, no `Math.random`,
 * no entropy. It offers only uniform draws in [0, 1) (see distributions.ts
 * for everything else). Alea's output has 32 random bits per draw
 * (multiples of 2^-32), which is plenty for simulation sampling.
 */

import seedrandom from 'seedrandom';

/** State of one alea generator: plain JSON numbers. */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** A stream of uniform random numbers. */
export interface Rng {
  /** Next uniform number in [0, 1). */
  next(): number;
}

type AleaPrng = seedrandom.StatefulPRNG<seedrandom.State.Alea>;

/** One named alea stream. */
export class AleaRng implements Rng {
  readonly path: string;
  private readonly prng: AleaPrng;

  /** Use RngStreams.get; this is public for tests and tools. */
  constructor(path: string, prng: AleaPrng) {
    this.path = path;
    this.prng = prng;
  }

  next(): number {
    return this.prng();
  }

  /** A copy of the generator's state. */
  state(): AleaState {
    return this.prng.state(); // seedrandom returns a fresh plain object
  }
}

function checkPath(path: string): void {
  if (typeof path !== 'string' || path.length === 0 || path === '__proto__') {
    throw new RangeError(`rng stream path must be a non-empty string (not __proto__), got ${JSON.stringify(path)}`);
  }
}

function checkState(path: string, s: unknown): AleaState {
  const st = s as Partial<AleaState> | null;
  const ok =
    st !== null &&
    typeof st === 'object' &&
    Number.isInteger(st.c) &&
    [st.s0, st.s1, st.s2].every((v) => typeof v === 'number' && v >= 0 && v < 1);
  if (!ok) throw new RangeError(`rng snapshot: invalid alea state for stream ${JSON.stringify(path)}`);
  return { c: st!.c!, s0: st!.s0!, s1: st!.s1!, s2: st!.s2! };
}

/** The run's random streams, derived from one master seed. */
export class RngStreams {
  readonly masterSeed: string;
  private readonly streams = new Map<string, AleaRng>();

  /** Numbers are turned into their decimal string, so seed 42 and seed '42' are the same. */
  constructor(masterSeed: string | number) {
    this.masterSeed = String(masterSeed);
  }

  /** The stream for `path`, created on first use with seed `${masterSeed}/${path}`. */
  get(path: string): AleaRng {
    let rng = this.streams.get(path);
    if (rng === undefined) {
      checkPath(path);
      rng = new AleaRng(path, seedrandom.alea(`${this.masterSeed}/${path}`, { state: true }));
      this.streams.set(path, rng);
    }
    return rng;
  }

  /** Whether the stream for `path` has been created. */
  has(path: string): boolean {
    return this.streams.has(path);
  }

  /** State of every created stream, keyed by path in sorted order: plain JSON. */
  snapshot(): Record<string, AleaState> {
    const paths = [...this.streams.keys()].sort(); // UTF-16 code unit order
    const out: Record<string, AleaState> = {};
    for (const p of paths) out[p] = this.streams.get(p)!.state();
    return out;
  }

  /**
   * Streams as they were at `snapshot()`: each captured stream continues its
   * sequence; streams not in the snapshot start fresh from the master seed,
   * as they would have in the original run.
   */
  static restore(masterSeed: string | number, snapshot: Record<string, AleaState>): RngStreams {
    const streams = new RngStreams(masterSeed);
    for (const path of Object.keys(snapshot).sort()) {
      checkPath(path);
      const state = checkState(path, snapshot[path]);
      streams.streams.set(path, new AleaRng(path, seedrandom.alea('', { state })));
    }
    return streams;
  }
}
