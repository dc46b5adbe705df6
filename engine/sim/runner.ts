/**
 * Running a scenario, without its log: the options normalised as `drill run`
 * normalises them, and a run in metrics mode (what a batch plays). Apart from
 * run.ts (logs, their files and verification) so that a batch worker loads
 * the engine and not the scenario loader (zod, yaml): its scenarios come
 * already read.
 */
import type { Sha256Factory } from '../core/hash.js';
import type { Bottlenecks, Summary } from '../review/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import type { Decision } from './decisions.js';
import { Model } from './model.js';
import { Sim, type SimOptions, type Varied } from './sim.js';

export interface RunOptions {
  seed?: number;
  decisions?: Decision[];
  players?: string[];
  /** players who took a role over from doctrine part-way (a fork): role -> the time they play it from */
  joined?: Record<string, number>;
  until?: number;
  /**
   * the one parameter this run's scenario was changed in, as `drill run --vary K=V` typed it: only recorded (run.start
   * and the log's head), so that a report and a comparison can say what the scenario was played with; the change
   * itself is in the scenario given
   */
  varied?: Varied;
  mode?: 'full' | 'metrics';
  keepIncidents?: boolean;
  /** told of each refused decision before it is logged (see SimOptions.onRefused); must change nothing */
  onRefused?: SimOptions['onRefused'];
  /** reuse a model across runs of the same scenario (batches) */
  model?: Model;
  /**
   * The SHA-256 to hash the log's chain with: the engine's own by default;
   * the CLI passes node:crypto's, which gives the same digests faster.
   */
  sha256?: Sha256Factory;
}

export function defaultSeed(s: Scenario): number {
  return s.seed ?? 1;
}

/**
 * A Sim ready to run: the options normalised exactly as `drill run` does
 * (seed default, until capped at the horizon, decisions in time order with
 * ties kept in file order, players sorted and unique), `start()` already
 * called. `drill play` builds its Sim here too, so that a session and a
 * decisions file give the same log.
 */
export function createSim(scenario: Scenario, opts: RunOptions = {}): Sim {
  const model = opts.model ?? new Model(scenario);
  const seed = opts.seed ?? defaultSeed(scenario);
  const until = Math.min(opts.until ?? scenario.horizon, scenario.horizon);
  // decisions at the same time keep their order in the file
  const decisions = (opts.decisions ?? []).map((d, i) => ({ d, i })).sort((a, b) => a.d.at - b.d.at || a.i - b.i).map((x) => x.d);
  const players = [...new Set(opts.players ?? [])].sort();
  const joined = joinedOf(players, opts.joined);
  const sim = new Sim(model, { seed, decisions, players, joined, ...(opts.varied ? { varied: { key: opts.varied.key, value: opts.varied.value } } : {}), until, mode: opts.mode ?? 'full', keyframeEvery: scenario.keyframe_every, keepIncidents: opts.keepIncidents, onRefused: opts.onRefused });
  if (opts.sha256) sim.log?.useSha256(opts.sha256);
  sim.start();
  return sim;
}

/**
 * Run a scenario in metrics mode (no log): its summary, as `runScenario(..., { mode: 'metrics' })` gives it,
 * and where it lost time (what a batch keeps of each run).
 */
export function runMetrics(scenario: Scenario, opts: Omit<RunOptions, 'mode' | 'sha256'> = {}): { summary: Summary; bottlenecks: Bottlenecks } {
  const sim = createSim(scenario, { ...opts, mode: 'metrics' });
  sim.run();
  return { summary: sim.metrics.finish(sim.world.t), bottlenecks: sim.metrics.bottlenecks(sim.world.t) };
}

/** Join times of players only, keys sorted, later than T0 (joined at T0 is playing throughout); undefined when none. */
function joinedOf(players: string[], joined: Record<string, number> | undefined): Record<string, number> | undefined {
  if (!joined) return undefined;
  const out: Record<string, number> = {};
  for (const role of players) if (joined[role] > 0) out[role] = joined[role];
  return Object.keys(out).length ? out : undefined;
}
