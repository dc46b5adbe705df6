/**
 * Two plans, each batched on its own scenario file, compared run for run (`drill compare a.json b.json` of two
 * results files). A planner tries a plan that differs from the library's in more than one parameter (a copy of
 * the scenario with its own id), so `--vary` cannot set the two side by side; yet with the same master seed and
 * number of runs, run k of each plays the same seed, and the difference of run k's figures is what the plan
 * changed in that run, as between a sweep's values (PairedAggregate in results.ts). Does no I/O.
 */
import { aggregate, type Aggregate, type BatchResults } from './results.js';

export interface PlanComparison {
  a: BatchResults;
  b: BatchResults;
  /** a's and b's figures over their runs, and (b) b's less a's, run for run */
  aggregates: [Aggregate, Aggregate];
  /** the metrics both files hold, in a's order */
  metrics: string[];
  /** the objectives both batches rated (by id, in a's order), and those only one of them has */
  objectives: BatchResults['objectives'];
  onlyA: string[];
  onlyB: string[];
}

export type PlanRefusal = { why: 'sweep' | 'shard' | 'seed' | 'runs'; file: 'a' | 'b' };

/**
 * The comparison, or why the two files cannot be compared run for run: a sweep (it holds several plans: its own
 * table compares them), a shard (part of the runs), or another master seed or number of runs (run k would not
 * play the same seed in both).
 */
export function comparePlans(a: BatchResults, b: BatchResults): { ok: true; comparison: PlanComparison } | { ok: false; refusal: PlanRefusal } {
  for (const [side, r] of [['a', a], ['b', b]] as const) {
    if (r.vary && r.vary.values.length > 1) return { ok: false, refusal: { why: 'sweep', file: side } };
    if (r.shard) return { ok: false, refusal: { why: 'shard', file: side } };
  }
  if (a.seed !== b.seed) return { ok: false, refusal: { why: 'seed', file: 'b' } };
  if (a.runs !== b.runs) return { ok: false, refusal: { why: 'runs', file: 'b' } };
  const inB = new Set(b.objectives.map((o) => o.id)), inA = new Set(a.objectives.map((o) => o.id));
  const objectives = a.objectives.filter((o) => inB.has(o.id));
  const metrics = Object.keys(a.metrics).filter((m) => m in b.metrics);
  const header = {
    ...a,
    metrics: Object.fromEntries(metrics.map((m) => [m, a.metrics[m]])),
    objectives,
    vary: { key: 'plan', values: ['a', 'b'] },
  };
  const records = [...a.results.map((r) => ({ ...r, value: 'a' })), ...b.results.map((r) => ({ ...r, value: 'b' }))];
  const [aggA, aggB] = aggregate(header, records);
  return {
    ok: true,
    comparison: {
      a, b, aggregates: [aggA, aggB], metrics, objectives,
      onlyA: a.objectives.filter((o) => !inB.has(o.id)).map((o) => o.id),
      onlyB: b.objectives.filter((o) => !inA.has(o.id)).map((o) => o.id),
    },
  };
}
