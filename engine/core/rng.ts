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
  st.n = mashN(st.n, data);
  return (st.n >>> 0) * TWO_TO_MINUS_32;
}

/** Mash's state `n` carried over `data` (from its index `from`). */
function mashN(n: number, data: string, from = 0): number {
  for (let i = from; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/** Mash's state and alea's s0, s1, s2 after the three mashes of ' ' that start every seeding. */
const BLANK = (() => {
  const st = { n: 0xefc8249d };
  const s0 = mash(st, ' '), s1 = mash(st, ' '), s2 = mash(st, ' ');
  return { n: st.n, s0, s1, s2 };
})();

const NO_STATE: AleaState = { c: 1, s0: 0, s1: 0, s2: 0 };

/**
 * Mash's states in `ns[0..3]` each carried over its own string, the four at once: one state's
 * steps depend on each other, four independent ones keep the processor busy (a seeding is
 * about 3 x 30 dependent steps; four together cost little more than one).
 */
function mash4(ns: Float64Array, a: string, b: string, c: string, d: string): void {
  let na = ns[0], nb = ns[1], nc = ns[2], nd = ns[3];
  const m = Math.min(a.length, b.length, c.length, d.length);
  for (let i = 0; i < m; i++) {
    na += a.charCodeAt(i); nb += b.charCodeAt(i); nc += c.charCodeAt(i); nd += d.charCodeAt(i);
    let ha = 0.02519603282416938 * na, hb = 0.02519603282416938 * nb, hc = 0.02519603282416938 * nc, hd = 0.02519603282416938 * nd;
    na = ha >>> 0; nb = hb >>> 0; nc = hc >>> 0; nd = hd >>> 0;
    ha -= na; hb -= nb; hc -= nc; hd -= nd;
    ha *= na; hb *= nb; hc *= nc; hd *= nd;
    na = ha >>> 0; nb = hb >>> 0; nc = hc >>> 0; nd = hd >>> 0;
    ha -= na; hb -= nb; hc -= nc; hd -= nd;
    na += ha * 0x100000000; nb += hb * 0x100000000; nc += hc * 0x100000000; nd += hd * 0x100000000;
  }
  ns[0] = mashN(na, a, m);
  ns[1] = mashN(nb, b, m);
  ns[2] = mashN(nc, c, m);
  ns[3] = mashN(nd, d, m);
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
    // the three mashes of ' ' are the same for every seed: their result is computed once (BLANK)
    const st = { n: BLANK.n };
    this.s0 = BLANK.s0 - mash(st, seed);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 = BLANK.s1 - mash(st, seed);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 = BLANK.s2 - mash(st, seed);
    if (this.s2 < 0) this.s2 += 1;
  }

  /** A fresh stream whose three mashes were done elsewhere (RngStreams, several seeds at once). */
  static seeded(path: string, m0: number, m1: number, m2: number): AleaRng {
    const r = new AleaRng(path, '', NO_STATE);
    r.c = 1;
    r.s0 = BLANK.s0 - m0;
    if (r.s0 < 0) r.s0 += 1;
    r.s1 = BLANK.s1 - m1;
    if (r.s1 < 0) r.s1 += 1;
    r.s2 = BLANK.s2 - m2;
    if (r.s2 < 0) r.s2 += 1;
    return r;
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

/**
 * The streams a scenario's runs create, learnt from its runs so far (a batch's Model keeps one):
 * a run seeds them up front, four at once, and creates each as before, on first use (what
 * was seeded and never used costs a little time and changes nothing).
 */
export class StreamPlan {
  /** paths to seed up front, by length (the four seeded together should end together) */
  paths: string[] = [];
  /** path -> its place in `paths` */
  index = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  private runs = 0;

  /** Learn from a finished run's streams: every run at first, then one in eight. */
  note(streams: RngStreams): void {
    const r = ++this.runs;
    if (r > 32 && r % 8 !== 0) return;
    const noted = r <= 32 ? r : 32 + (r - 32) / 8;
    for (const p of streams.paths()) this.counts.set(p, (this.counts.get(p) ?? 0) + 1);
    if ((noted & (noted - 1)) !== 0 && noted % 32 !== 0) return;
    // streams created by at least half of the runs noted so far
    const paths = [...this.counts].filter(([, c]) => 2 * c >= noted).map(([p]) => p);
    paths.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    this.paths = paths;
    this.index = new Map(paths.map((p, i) => [p, i]));
  }
}

const lanes = new Float64Array(4);
const one = new Float64Array(3);

/** The run's random streams, derived from one master seed. */
export class RngStreams {
  readonly masterSeed: string;
  private readonly streams = new Map<string, AleaRng>();
  /** `${masterSeed}/`, and Mash's state after the blanks and it (where every seed's first mash goes on) */
  private readonly prefix: string;
  private readonly afterPrefix: number;
  /** the plan's paths' three mashes, seeded up front */
  private readonly index: Map<string, number> | null = null;
  private readonly mashed: Float64Array | null = null;

  /** Numbers are turned into their decimal string, so seed 42 and seed '42' are the same. */
  constructor(masterSeed: string | number, plan?: StreamPlan) {
    this.masterSeed = String(masterSeed);
    this.prefix = `${this.masterSeed}/`;
    this.afterPrefix = mashN(BLANK.n, this.prefix);
    if (plan !== undefined && plan.paths.length >= 4) {
      this.index = plan.index;
      this.mashed = this.mashAhead(plan.paths);
    }
  }

  /** The three mashes of each of `paths`' seeds, four seeds at a time. */
  private mashAhead(paths: string[]): Float64Array {
    const out = new Float64Array(3 * paths.length);
    const pre = this.prefix;
    let i = 0;
    for (; i + 4 <= paths.length; i += 4) {
      const a = paths[i], b = paths[i + 1], c = paths[i + 2], d = paths[i + 3];
      lanes.fill(this.afterPrefix);
      for (let pass = 0; pass < 3; pass++) {
        if (pass > 0) mash4(lanes, pre, pre, pre, pre);
        mash4(lanes, a, b, c, d);
        for (let k = 0; k < 4; k++) out[3 * (i + k) + pass] = (lanes[k] >>> 0) * TWO_TO_MINUS_32;
      }
    }
    for (; i < paths.length; i++) this.mashOne(paths[i], out, 3 * i);
    return out;
  }

  /** The three mashes of `${masterSeed}/${path}` into out[at..at+2] (as mash does, without the string). */
  private mashOne(path: string, out: Float64Array | number[], at: number): void {
    let n = mashN(this.afterPrefix, path);
    out[at] = (n >>> 0) * TWO_TO_MINUS_32;
    n = mashN(mashN(n, this.prefix), path);
    out[at + 1] = (n >>> 0) * TWO_TO_MINUS_32;
    n = mashN(mashN(n, this.prefix), path);
    out[at + 2] = (n >>> 0) * TWO_TO_MINUS_32;
  }

  /** The stream for `path`, created on first use with seed `${masterSeed}/${path}`. */
  get(path: string): AleaRng {
    let rng = this.streams.get(path);
    if (rng === undefined) {
      checkPath(path);
      const i = this.index?.get(path);
      let m = this.mashed!;
      let at = 3 * i!;
      if (i === undefined) {
        m = one;
        at = 0;
        this.mashOne(path, m, 0);
      }
      rng = AleaRng.seeded(path, m[at], m[at + 1], m[at + 2]);
      this.streams.set(path, rng);
    }
    return rng;
  }

  /** The paths of the streams created so far. */
  paths(): IterableIterator<string> {
    return this.streams.keys();
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
