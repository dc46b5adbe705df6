/**
 * The table `drill batch` and `drill merge` print on stdout: per metric its
 * mean with the 95 % confidence interval, median and 5th/95th percentiles;
 * per objective the probability of meeting it, of each rating and of its
 * not being tested (all over all runs), and of meeting it when tested. A sweep
 * (--vary) is shown one column per value.
 */
import type { Aggregate, BatchResults } from '../batch/results.js';
import type { MetricStats, Proportion } from '../batch/stats.js';
import { fmtFigure as fmtValue, metricLabel } from '../batch/format.js';

export function pct(p: number): string {
  const v = p * 100;
  return `${v > 0 && v < 1 ? v.toFixed(1) : v > 99 && v < 100 ? v.toFixed(1) : Math.round(v)} %`;
}

function pctCI(x: Proportion): string {
  const lo = Math.round(x.ci95[0] * 100), hi = Math.round(x.ci95[1] * 100);
  return `${pct(x.p)} [${lo}-${hi}]`;
}

function meanCI(metric: string, s: MetricStats): string {
  if (s.mean === null) return 'never';
  const ci = s.ci95 ? ` [${fmtValue(metric, s.ci95[0], s.mean)}, ${fmtValue(metric, s.ci95[1], s.mean)}]` : '';
  return `${fmtValue(metric, s.mean)}${ci}`;
}

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('   ').trimEnd());
}

export function headline(r: BatchResults): string {
  const values = r.vary ? r.vary.values.length : 1;
  const runs = r.vary ? `${r.runs} runs for each of ${values} values of ${r.vary.key} (the same seeds for each value)` : `${r.runs} runs`;
  const who = r.decisions ? `decisions replayed (${r.decisions.count}, played: ${r.decisions.players.join(', ') || 'none'}; doctrine plays the rest)` : 'all roles by doctrine';
  const shard = r.shard ? `; this is shard ${r.shard.index}/${r.shard.count}: ${r.results.length} of the ${r.runs * values} runs (merge the shards with \`drill merge\`)` : '';
  return `${r.scenario.id}: "${r.scenario.title}", ${runs}, master seed ${r.seed}, ${who}${shard}`;
}

export function formatBatchSummary(r: BatchResults): string {
  const lines = [headline(r), ''];
  const metricNames = Object.keys(r.metrics);
  if (!r.vary) {
    const a = r.aggregates[0];
    const rows = [['metric', 'mean [95 % CI]', 'median', 'p5', 'p95', 'never']];
    for (const m of metricNames) {
      const s = a.metrics[m];
      rows.push([metricLabel(m), meanCI(m, s), s.median === null ? '-' : fmtValue(m, s.median), s.p5 === null ? '-' : fmtValue(m, s.p5), s.p95 === null ? '-' : fmtValue(m, s.p95), s.never ? String(s.never) : '']);
    }
    lines.push(...table(rows, [false, false, true, true, true, true]));
    if (r.objectives.length) {
      lines.push('');
      const orows = [['objective', 'met [95 % CI]', 'P', 'S', 'M', 'U', 'not tested', 'met if tested', 'median value']];
      for (const o of r.objectives) {
        const x = a.objectives[o.id];
        // results files written before `not_tested` existed: every run was taken as tested
        const nt = x.not_tested ?? { p: 0, count: 0 };
        const ifTested = x.met_if_tested ?? x.met;
        const median = x.value.n === 0 && x.value.never === 0 ? '-' : x.value.median === null ? 'never' : fmtValue(o.metric, x.value.median);
        orows.push([o.id, pctCI(x.met), pct(x.ratings.P.p), pct(x.ratings.S.p), pct(x.ratings.M.p), pct(x.ratings.U.p), pct(nt.p), ifTested.n === 0 ? '-' : pctCI(ifTested), median]);
      }
      lines.push(...table(orows, [false, false, true, true, true, true, true, false, true]));
      lines.push('', 'objectives: met, P, S, M, U and "not tested" are shares of all runs (they add up to 100 %, give or take rounding);');
      lines.push('"not tested": runs where what the objective measures did not come about (e.g. no incident of its kind), counted as not');
      lines.push('met; "met if tested" and the median value are over the runs where it was tested');
    }
  } else {
    const aggs: Aggregate[] = r.aggregates;
    const rows = [['mean [95 % CI]', ...aggs.map((a) => `${r.vary!.key.split('.').pop()}=${a.value}`)]];
    for (const m of metricNames) rows.push([metricLabel(m), ...aggs.map((a) => meanCI(m, a.metrics[m]))]);
    if (r.objectives.length) {
      rows.push(['', ...aggs.map(() => '')]);
      rows.push(['objective met [95 % CI]', ...aggs.map(() => '')]);
      for (const o of r.objectives) rows.push([`  ${o.id}`, ...aggs.map((a) => pctCI(a.objectives[o.id].met))]);
      const untested = r.objectives.filter((o) => aggs.some((a) => (a.objectives[o.id].not_tested?.count ?? 0) > 0));
      if (untested.length) {
        rows.push(['objective not tested', ...aggs.map(() => '')]);
        for (const o of untested) rows.push([`  ${o.id}`, ...aggs.map((a) => pct(a.objectives[o.id].not_tested?.p ?? 0))]);
      }
    }
    lines.push(...table(rows, [false, ...aggs.map(() => false)]));
  }
  lines.push('', 'intervals: mean with Student\'s t, probabilities with Wilson score; "never": runs in which it did not happen (left out of the mean)');
  return lines.join('\n') + '\n';
}
