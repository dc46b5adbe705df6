/**
 * Seeded random streams: one independent stream per purpose and entity.
 *
 * What it does: `RngStreams` hands out `Rng` streams by path, e.g.
 * `streams.get('incident/ks-03/severity')`. Each stream is seedrandom's alea
 * generator (Baagøe's Alea, as seedrandom implements it: same numbers, same
 * state; a property test holds the two together) seeded with the string
 * `${masterSeed}/${path}`, so a stream's draws
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

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/**
 * Baagøe's Mash hash as seedrandom's alea has it, `n` carried from call to call: the hash of
 * `data` in [0, 1). (A run creates dozens of streams: seedrandom's closures made creating one
 * cost 4 us, a tenth of a short run; this costs under 2.)
 */
function mash(st: { n: number }, data: string): number {
  let n = st.n;
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  st.n = n;
  return (n >>> 0) * TWO_TO_MINUS_32;
}

/** One named alea stream. */
export class AleaRng implements Rng {
  readonly path: string;
  private c = 1;
  private s0: number;
  private s1: number;
  private s2: number;

  /** Seeded with `seed`, or continuing from `state`. Use RngStreams.get; this is public for tests and tools. */
  constructor(path: string, seed: string, state?: AleaState) {
    this.path = path;
    if (state) {
      ({ c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 } = state);
      return;
    }
    const st = { n: 0xefc8249d };
    this.s0 = mash(st, ' ');
    this.s1 = mash(st, ' ');
    this.s2 = mash(st, ' ');
    this.s0 -= mash(st, seed);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 -= mash(st, seed);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 -= mash(st, seed);
    if (this.s2 < 0) this.s2 += 1;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_TO_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  }

  /** A copy of the generator's state (seedrandom's form: `seedrandom.alea('', { state })` continues it). */
  state(): AleaState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
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
      rng = new AleaRng(path, `${this.masterSeed}/${path}`);
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
      streams.streams.set(path, new AleaRng(path, '', state));
    }
    return streams;
  }
}
