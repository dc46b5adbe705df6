/**
 * Two plans, each batched on its own scenario file, compared run for run (`drill compare a.json b.json` of two
 * results files). A planner tries a plan that differs from the library's in more than one parameter (a copy of
 * the scenario with its own id), so `--vary` cannot set the two side by side; yet with the same master seed and
 * number of runs, run k of each plays the same seed, and the difference of run k's figures is what the plan
 * changed in that run, as between a sweep's values (PairedAggregate in results.ts). Does no I/O.
 */
import { aggregate, sameDecisions, type Aggregate, type BatchResults } from './results.js';

export interface PlanComparison {
  a: BatchResults;
  b: BatchResults;
  /** a's and b's figures over their runs, and (b) b's less a's, run for run */
  aggregates: [Aggregate, Aggregate];
  /** the metrics both files hold, in a's order (not objectives_met where the plans rate different objectives) */
  metrics: string[];
  /** the objectives both batches rated alike (the same id, metric, place, comparator and threshold), in a's order */
  objectives: BatchResults['objectives'];
  /** objectives only one of them has, and those both have with another criterion: not compared */
  onlyA: string[];
  onlyB: string[];
  changed: string[];
}

export type PlanRefusal = { why: 'sweep' | 'shard' | 'engine' | 'formula' | 'seed' | 'runs' | 'pairs'; file: 'a' | 'b'; run?: number; seeds?: [number, number] };

/**
 * Are the two batches the same runs (the same scenario text, decisions and sweep), so that every difference is 0?
 * The decisions as they were replayed: a session's log and the decisions file it played are the same plan.
 */
export function samePlan(c: Pick<PlanComparison, 'a' | 'b'>): boolean {
  return c.a.scenario.hash === c.b.scenario.hash && sameDecisions(c.a.decisions, c.b.decisions) && JSON.stringify(c.a.vary) === JSON.stringify(c.b.vary);
}

type Objective = BatchResults['objectives'][number];
const sameCriterion = (x: Objective, y: Objective) => x.metric === y.metric && x.of === y.of && x.comparator === y.comparator && x.threshold === y.threshold;

/**
 * The comparison, or why the two files cannot be compared run for run: a sweep (it holds several plans: its own
 * table compares them), a shard (part of the runs), another engine (the same seed may play otherwise), or another
 * seed formula, master seed or number of runs (run k would not play the same seed in both).
 */
export function comparePlans(a: BatchResults, b: BatchResults): { ok: true; comparison: PlanComparison } | { ok: false; refusal: PlanRefusal } {
  for (const [side, r] of [['a', a], ['b', b]] as const) {
    if (r.vary && r.vary.values.length > 1) return { ok: false, refusal: { why: 'sweep', file: side } };
    if (r.shard) return { ok: false, refusal: { why: 'shard', file: side } };
  }
  if (a.engine !== b.engine) return { ok: false, refusal: { why: 'engine', file: 'b' } };
  if (a.seed_formula !== b.seed_formula) return { ok: false, refusal: { why: 'formula', file: 'b' } };
  if (a.seed !== b.seed) return { ok: false, refusal: { why: 'seed', file: 'b' } };
  if (a.runs !== b.runs) return { ok: false, refusal: { why: 'runs', file: 'b' } };
  // what the pairing stands on, checked run by run rather than trusted from the header
  const seedOf = new Map(a.results.map((r) => [r.run, r.seed]));
  const unpaired = b.results.find((r) => seedOf.get(r.run) !== r.seed);
  if (unpaired) return { ok: false, refusal: { why: 'pairs', file: 'b', run: unpaired.run, seeds: [seedOf.get(unpaired.run) ?? NaN, unpaired.seed] } };
  const inB = new Map(b.objectives.map((o) => [o.id, o])), inA = new Set(a.objectives.map((o) => o.id));
  const objectives = a.objectives.filter((o) => inB.has(o.id) && sameCriterion(o, inB.get(o.id)!));
  const changed = a.objectives.filter((o) => inB.has(o.id) && !sameCriterion(o, inB.get(o.id)!)).map((o) => o.id);
  const onlyA = a.objectives.filter((o) => !inB.has(o.id)).map((o) => o.id);
  const onlyB = b.objectives.filter((o) => !inA.has(o.id)).map((o) => o.id);
  // a count of objectives met is a plan's figure only where both count the same objectives
  const alike = onlyA.length === 0 && onlyB.length === 0 && changed.length === 0;
  const metrics = Object.keys(a.metrics).filter((m) => m in b.metrics && (alike || m !== 'objectives_met'));
  const header = {
    ...a,
    metrics: Object.fromEntries(metrics.map((m) => [m, a.metrics[m]])),
    objectives,
    vary: { key: 'plan', values: ['a', 'b'] },
  };
  const records = [...a.results.map((r) => ({ ...r, value: 'a' })), ...b.results.map((r) => ({ ...r, value: 'b' }))];
  const [aggA, aggB] = aggregate(header, records);
  return { ok: true, comparison: { a, b, aggregates: [aggA, aggB], metrics, objectives, onlyA, onlyB, changed } };
}
