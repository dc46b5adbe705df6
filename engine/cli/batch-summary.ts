/**
 * The table `drill batch` and `drill merge` print on stdout: per metric its
 * mean with the 95 % confidence interval, median and 5th/95th percentiles;
 * per objective the probability of meeting it, of each rating and of its
 * not being tested (all over all runs), and of meeting it when tested. A sweep
 * (--vary) is shown one column per value.
 */
import { areasBySlowness, busiestUnits, shownMetrics, sweepWithoutEffect, unitsByBusy, type Aggregate, type BatchResults, type PairedAggregate } from '../batch/results.js';
import { samePlan, type PlanComparison } from '../batch/plans.js';
import { MIN_RUNS_EDGE, sessionPlaces, sessionUnit, tooFewToMark, underMark } from '../batch/session.js';
import type { MetricStats, Proportion } from '../batch/stats.js';
import { differenceDirection, fmtFigure, fmtFigureBeside, metricLabel, OBJECTIVE_MET, showsDifference, signedFigure, signedPoints, unitReference, withPercent } from '../batch/format.js';
import { say } from '../batch/words.js';
import { headline } from '../batch/headline.js';
import type { Lang } from '../scenario/text.js';

export function pct(p: number, lang: Lang = 'en'): string {
  const v = p * 100;
  return withPercent(String(v > 0 && v < 1 ? v.toFixed(1) : v > 99 && v < 100 ? v.toFixed(1) : Math.round(v)), lang);
}

function pctCI(x: Proportion, lang: Lang): string {
  // no runs at all (a value of a sweep that a shard holds none of): not '0 % [0-100]', a probability of nothing
  if (x.n === 0) return '-';
  const lo = Math.round(x.ci95[0] * 100), hi = Math.round(x.ci95[1] * 100);
  return `${pct(x.p, lang)} [${lo}-${hi}]`;
}

/** A mean and its interval, in the unit `unitOf` picks (the row's: one unit along a row of durations). */
function meanCI(metric: string, s: MetricStats, lang: Lang, unitOf: number | null = s.mean): string {
  const fmtValue = (v: number | null) => fmtFigure(metric, v, unitOf, lang);
  // no runs to average (an empty shard, or a value of a sweep that a shard holds none of): 'never' would say
  // the runs had none of it
  if (s.n === 0 && s.never === 0) return '-';
  if (s.mean === null) return say(lang, 'sum.never');
  const ci = s.ci95 ? ` [${fmtValue(s.ci95[0])}${lang === 'vi' ? '; ' : ', '}${fmtValue(s.ci95[1])}]` : '';
  return `${fmtValue(s.mean)}${ci}`;
}

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('   ').trimEnd());
}

/** The table, in English or Vietnamese (figures with a decimal comma in Vietnamese, as the AAR writes them). */
export function formatBatchSummary(r: BatchResults, lang: Lang = 'en'): string {
  const m = (key: string) => say(lang, key);
  const lines = [headline(r, lang), ''];
  // a shard that holds no run (more shards than runs): a table of dashes read as a result
  if (r.results.length === 0) return [lines[0], m('sum.no_runs'), ''].join('\n');
  const shown = shownMetrics(r, (name) => metricLabel(name, lang), m('sum.contained_resolved'));
  if (!r.vary) {
    const a = r.aggregates[0];
    const rows = [[m('sum.metric'), m('sum.mean_ci'), m('sum.median'), 'p5', 'p95', m('sum.never')]];
    for (const { metric: name, label } of shown) {
      const s = a.metrics[name];
      // every figure of a row in the unit of its mean: "2.6 h ... 0.9 h", not "2.6 h ... 55 min"
      const fig = (v: number | null) => (v === null ? '-' : fmtFigure(name, v, s.mean, lang));
      rows.push([label, meanCI(name, s, lang), fig(s.median), fig(s.p5), fig(s.p95), s.never ? String(s.never) : '']);
    }
    lines.push(...table(rows, [false, false, true, true, true, true]));
    if (r.objectives.length) {
      lines.push('');
      const orows = [[m('sum.objective'), m('sum.met_ci'), 'P', 'S', 'M', 'U', m('sum.not_tested'), m('sum.met_if_tested'), m('sum.median_value')]];
      for (const o of r.objectives) {
        const x = a.objectives[o.id];
        // results files written before `not_tested` existed: every run was taken as tested
        const nt = x.not_tested ?? { p: 0, count: 0 };
        const ifTested = x.met_if_tested ?? x.met;
        // a median over the runs where it came about only, with how many it never did: 'answered in 5 min' read alone hid 125 runs of no answer
        // read against the threshold: written finely enough not to read as it ('30 min 6 s' beside 30 min, not '30 min')
        const value = (v: number) => fmtFigureBeside(o.metric, v, [o.threshold], lang);
        const median = x.value.n === 0 && x.value.never === 0 ? '-' : x.value.median === null ? m('sum.never')
          : x.value.never > 0 ? say(lang, 'sum.median_never', { v: value(x.value.median), n: String(x.value.never) }) : value(x.value.median);
        if (x.met.n === 0) { orows.push([o.id, '-', '-', '-', '-', '-', '-', '-', '-']); continue; }
        orows.push([o.id, pctCI(x.met, lang), pct(x.ratings.P.p, lang), pct(x.ratings.S.p, lang), pct(x.ratings.M.p, lang), pct(x.ratings.U.p, lang), pct(nt.p, lang), ifTested.n === 0 ? '-' : pctCI(ifTested, lang), median]);
      }
      lines.push(...table(orows, [false, false, true, true, true, true, true, false, true]));
      lines.push('', m('sum.note1'), m('sum.note2'), m('sum.note3'));
    }
    lines.push(...sessionAmongRuns(r, shown, lang));
    lines.push(...whereTimeWent(a, lang));
  } else {
    const aggs: Aggregate[] = r.aggregates;
    const rows = [[m('sum.mean_ci'), ...aggs.map((a) => `${r.vary!.key.split('.').pop()}=${a.value}`)]];
    for (const { metric: name, label } of shown) {
      const unitOf = unitReference(aggs.map((a) => a.metrics[name].mean));
      rows.push([label, ...aggs.map((a) => meanCI(name, a.metrics[name], lang, unitOf))]);
    }
    if (r.objectives.length) {
      rows.push(['', ...aggs.map(() => '')]);
      rows.push([m('sum.objective_met'), ...aggs.map(() => '')]);
      for (const o of r.objectives) rows.push([`  ${o.id}`, ...aggs.map((a) => pctCI(a.objectives[o.id].met, lang))]);
      const untested = r.objectives.filter((o) => aggs.some((a) => (a.objectives[o.id].not_tested?.count ?? 0) > 0));
      if (untested.length) {
        rows.push([m('sum.objective_not_tested'), ...aggs.map(() => '')]);
        for (const o of untested) rows.push([`  ${o.id}`, ...aggs.map((a) => (a.objectives[o.id].met.n === 0 ? '-' : pct(a.objectives[o.id].not_tested?.p ?? 0, lang)))]);
      }
    }
    sweepBottleneckRows(rows, aggs, lang);
    lines.push(...table(rows, [false, ...aggs.map(() => false)]));
    if (sweepWithoutEffect(r)) lines.push('', say(lang, 'sum.no_effect', { key: r.vary.key }));
    else lines.push(...pairedRows(r, shown, lang));
  }
  lines.push('', m('sum.intervals'));
  return lines.join('\n') + '\n';
}

/**
 * A sweep's values after the first, against it run for run (results.ts PairedAggregate): the question a sweep
 * asks is whether the change matters, and two means with overlapping intervals side by side do not answer it when
 * the runs share their seeds. Nothing for results written before it was kept.
 */
function pairedRows(r: BatchResults, shown: { metric: string; label: string }[], lang: Lang): string[] {
  const aggs = r.aggregates.slice(1).filter((a) => a.paired !== undefined && a.paired.pairs > 0);
  const m = (key: string, params?: Record<string, string | number>) => say(lang, key, params);
  const key = r.vary!.key;
  // a shard whose runs of one value pair with runs of the others in other shards: said, not left out unexplained
  if (aggs.length === 0) return r.shard && r.aggregates.slice(1).some((a) => a.paired !== undefined) ? ['', m('sum.paired_shard', { key, value: String(r.aggregates[0].value) })] : [];
  const rows = [['', ...aggs.map((a) => `${key.split('.').pop()}=${a.value}`)]];
  for (const { metric, label } of shown) {
    const unitOf = pairedUnit(aggs, metric);
    rows.push([label, ...aggs.map((a) => pairedMetricCell(a.paired!, metric, unitOf, lang))]);
  }
  if (r.objectives.length) {
    rows.push(['', ...aggs.map(() => '')], [m('sum.paired_objectives'), ...aggs.map(() => '')]);
    for (const o of r.objectives) rows.push([`  ${o.id}`, ...aggs.map((a) => pairedObjectiveCell(a.paired!, o.id, lang))]);
  }
  return ['', m('sum.paired_h', { key, value: String(r.aggregates[0].value) }), ...table(rows, [false, ...aggs.map(() => false)]), m('sum.paired_note')];
}

/** The unit a row of differences reads in: one along the row, from the ends of its intervals. */
const pairedUnit = (aggs: Aggregate[], metric: string) => unitReference(aggs.flatMap((a) => [a.paired!.metrics[metric].ci95?.[0], a.paired!.metrics[metric].ci95?.[1]]));

/** A metric's difference, run for run: its mean, its interval and `*` where the runs show it, better or worse where it has a side. */
function pairedMetricCell(p: PairedAggregate, metric: string, unitOf: number | null, lang: Lang): string {
  const d = p.metrics[metric];
  if (d.mean === null) return d.n === 0 && d.never === 0 ? '-' : say(lang, 'sum.never');
  const f = (v: number) => signedFigure(metric, v, unitOf, lang);
  const sep = lang === 'vi' ? '; ' : ', ';
  return d.ci95 ? `${f(d.mean)} [${f(d.ci95[0])}${sep}${f(d.ci95[1])}]${shown(lang, metric, d.ci95, d.up, d.down)}` : f(d.mean);
}

/** After a difference's interval: ` *` where the runs show it, then ` better` or ` worse` where the metric has a direction. */
function shown(lang: Lang, metric: string, ci: [number, number], up?: number, down?: number): string {
  if (!showsDifference(ci, up, down)) return '';
  const direction = differenceDirection(metric, ci, up, down);
  return direction === null ? ' *' : ` * ${say(lang, `dir.${direction}`)}`;
}

/** An objective's change in points, run for run, with the runs that met it under one side only. */
function pairedObjectiveCell(p: PairedAggregate, id: string, lang: Lang): string {
  const x = p.objectives[id];
  const d = x.met;
  if (d.mean === null) return '-';
  const pts = (v: number) => signedPoints(v, lang);
  const sep = lang === 'vi' ? '; ' : ', ';
  const ci = d.ci95 ? ` [${pts(d.ci95[0])}${sep}${pts(d.ci95[1])}]${shown(lang, OBJECTIVE_MET, d.ci95, x.gained, x.lost)}` : '';
  return `${pts(d.mean)}${ci}${x.gained || x.lost ? `  (+${x.gained} -${x.lost})` : ''}`;
}

/**
 * Two plans' batches side by side and b's figures less a's, run for run (engine/batch/plans.ts): each plan's
 * means and probabilities, then the difference with its interval and `*`, as a sweep's table gives it.
 */
export function formatPlanComparison(c: PlanComparison, files: { a: string; b: string }, lang: Lang = 'en'): string {
  const m = (key: string, params?: Record<string, string | number>) => say(lang, key, params);
  const w = Math.max(files.a.length, files.b.length);
  const lines = [
    m('cp.side', { side: 'a', file: files.a.padEnd(w), headline: headline(c.a, lang) }),
    m('cp.side', { side: 'b', file: files.b.padEnd(w), headline: headline(c.b, lang) }),
  ];
  const [aggA, aggB] = c.aggregates;
  const p = aggB.paired!;
  if (samePlan(c)) {
    lines.push(m('cp.same_scenario', { hash: c.a.scenario.hash.slice(0, 12), decisions: c.a.decisions ? m('cp.same_decisions') : '' }));
  }
  lines.push('');
  // contained and resolved as one row only where they are the same in every run of both
  const both = { ...c.a, metrics: Object.fromEntries(c.metrics.map((x) => [x, ''])), results: [...c.a.results, ...c.b.results] };
  const shown = shownMetrics(both, (name) => metricLabel(name, lang), m('sum.contained_resolved'));
  const rows = [[m('sum.mean_ci'), 'a', 'b', m('cp.diff')]];
  for (const { metric, label } of shown) {
    const unitOf = unitReference([aggA.metrics[metric].mean, aggB.metrics[metric].mean]);
    rows.push([label, meanCI(metric, aggA.metrics[metric], lang, unitOf), meanCI(metric, aggB.metrics[metric], lang, unitOf), pairedMetricCell(p, metric, pairedUnit([aggB], metric), lang)]);
  }
  if (c.objectives.length) {
    rows.push(['', '', '', ''], [m('cp.objective_met'), '', '', '']);
    for (const o of c.objectives) rows.push([`  ${o.id}`, pctCI(aggA.objectives[o.id].met, lang), pctCI(aggB.objectives[o.id].met, lang), pairedObjectiveCell(p, o.id, lang)]);
    const untested = c.objectives.filter((o) => [aggA, aggB].some((a) => (a.objectives[o.id].not_tested?.count ?? 0) > 0));
    if (untested.length) {
      rows.push([m('sum.objective_not_tested'), '', '', '']);
      for (const o of untested) rows.push([`  ${o.id}`, ...[aggA, aggB].map((a) => pct(a.objectives[o.id].not_tested?.p ?? 0, lang)), '']);
    }
  }
  lines.push(...table(rows, [false, false, false, false]), m('cp.note'));
  if (c.onlyA.length) lines.push(m('cp.only', { side: 'a', ids: c.onlyA.join(', ') }));
  if (c.onlyB.length) lines.push(m('cp.only', { side: 'b', ids: c.onlyB.join(', ') }));
  if (c.changed.length) lines.push(m('cp.changed', { ids: c.changed.join(', ') }));
  if (!c.metrics.includes('objectives_met') && 'objectives_met' in c.a.metrics) lines.push(m('cp.objectives_met'));
  lines.push('', m('sum.intervals'));
  return lines.join('\n') + '\n';
}

/**
 * Where the run a decisions log was taken in falls among the batch's runs of the same decisions: the question
 * "was the trainee's result luck?" asks exactly this, and the table above gave the runs' spread without the
 * session's own figures beside it. Nothing for a sweep (the session played none of its values but the base).
 */
function sessionAmongRuns(r: BatchResults, shown: { metric: string; label: string }[], lang: Lang): string[] {
  const session = r.decisions?.session;
  if (!session || r.vary) return [];
  const m = (key: string, params?: Record<string, string | number>) => say(lang, key, params);
  const rows = [[m('sum.metric'), m('sum.session_fig'), m('sum.session_below'), m('sum.session_same'), m('sum.session_above'), '']];
  const labels = new Map(shown.map((x) => [x.metric, x.label]));
  const places = sessionPlaces(r, shown.map((y) => y.metric));
  for (const x of places) {
    const value = x.value === null ? m('sum.never') : fmtFigure(x.metric, x.value, sessionUnit(x.value, r.aggregates[0].metrics[x.metric]?.mean), lang);
    const share = (v: number | null) => (v === null ? '-' : underMark(v) !== null ? withPercent(String(underMark(v)), lang) : pct(v, lang));
    rows.push([labels.get(x.metric)!, value, share(x.below), share(x.same), share(x.above), x.edge ? m(`sum.session_edge_${x.edge}`) : '']);
  }
  const out = ['', m('sum.session_h', { seed: session.seed, n: r.results.length }), ...table(rows, [false, true, true, true, true, false])];
  const ids = r.objectives.filter((o) => session.objectives[o.id] !== undefined);
  if (ids.length) {
    const orows = [[m('sum.objective'), m('sum.session_obj'), m('sum.session_runs_met')]];
    for (const o of ids) {
      const x = session.objectives[o.id];
      orows.push([o.id, m(x.met ? 'sum.session_met' : 'sum.session_not_met', { rating: x.rating ?? '-' }), pctCI(r.aggregates[0].objectives[o.id].met, lang)]);
    }
    out.push('', ...table(orows, [false, false, false]));
  }
  out.push('', m('sum.session_note'), m('sum.session_note2'));
  if (tooFewToMark(places)) out.push(m('sum.session_few', { min: MIN_RUNS_EDGE }));
  return out;
}

/** Units shown by name in the table; the rest are summed up in one line. */
const UNITS_SHOWN = 10;

/**
 * Where the runs lost time (issue: "where are the bottlenecks"): per area the wait for a unit and the
 * time to the first one on scene, per unit its busy share. Nothing for results written before they were kept.
 */
function whereTimeWent(a: Aggregate, lang: Lang): string[] {
  if (!a.areas || !a.units) return [];
  const m = (key: string, params?: Record<string, string | number>) => say(lang, key, params);
  const out: string[] = [];
  const areas = areasBySlowness(a.areas);
  // one unit down a column of waits
  const unitOf = { wait_s: unitReference(areas.map(([, x]) => x.wait_s.mean)), first_on_scene_s: unitReference(areas.map(([, x]) => x.first_on_scene_s.mean)) } as Record<string, number | null>;
  const fig = (metric: string, s: { mean: number | null; n: number }) => (s.n === 0 ? '-' : s.mean === null ? m('sum.never') : fmtFigure(metric, s.mean, unitOf[metric] ?? s.mean, lang));
  if (areas.length) {
    const rows = [[m('sum.area'), m('sum.incidents'), m('sum.wait'), m('sum.first'), m('sum.unreached')]];
    for (const [id, x] of areas) rows.push([id, fig('incidents', x.incidents), fig('wait_s', x.wait_s), fig('first_on_scene_s', x.first_on_scene_s), fig('unreached', x.unreached)]);
    out.push('', m('sum.areas_h'), ...table(rows, [false, true, true, true, true]));
  }
  const units = unitsByBusy(a.units);
  const used = units.filter(([, x]) => (x.busy.max ?? 0) > 0);
  const idle = units.filter(([, x]) => (x.busy.max ?? 0) === 0).map(([id]) => id).sort();
  if (used.length) {
    const rows = [[m('sum.unit'), m('sum.busy_ci'), m('sum.blocked')]];
    for (const [id, x] of used.slice(0, UNITS_SHOWN)) {
      const ci = x.busy.ci95 ? ` [${Math.round(x.busy.ci95[0] * 100)}-${Math.round(x.busy.ci95[1] * 100)}]` : '';
      rows.push([id, `${pct(x.busy.mean ?? 0, lang)}${ci}`, pct(x.blocked.mean ?? 0, lang)]);
    }
    out.push('', m('sum.units_h'), ...table(rows, [false, false, true]));
    const rest = used.slice(UNITS_SHOWN);
    if (rest.length) out.push(m(rest.length === 1 ? 'sum.more_unit' : 'sum.more_units', { n: rest.length, p: pct(rest[0][1].busy.mean ?? 0, lang) }));
  }
  if (idle.length) out.push(m('sum.idle', { list: idle.join(', ') }));
  return out;
}

/** A sweep's table: the first unit's time per area, and the busy share of the units busiest under any value. */
function sweepBottleneckRows(rows: string[][], aggs: Aggregate[], lang: Lang): void {
  if (!aggs.every((a) => a.areas && a.units)) return;
  const blank = () => aggs.map(() => '');
  const areaIds = [...new Set(aggs.flatMap((a) => areasBySlowness(a.areas!).map(([id]) => id)))];
  if (areaIds.length) {
    rows.push(['', ...blank()], [say(lang, 'sum.first_by_area'), ...blank()]);
    // one unit over the block: the areas are compared down it as much as the values across it
    const unitOf = unitReference(aggs.flatMap((a) => areaIds.map((id) => a.areas![id]?.first_on_scene_s.mean)));
    for (const id of areaIds) {
      rows.push([`  ${id}`, ...aggs.map((a) => { const x = a.areas![id]; return x === undefined ? '-' : meanCI('first_on_scene_s', x.first_on_scene_s, lang, unitOf); })]);
    }
  }
  const top = busiestUnits(aggs).slice(0, 5);
  if (top.length) {
    rows.push(['', ...blank()], [say(lang, 'sum.busy_by_unit'), ...blank()]);
    for (const id of top) rows.push([`  ${id}`, ...aggs.map((a) => { const x = a.units![id]; return x === undefined || x.busy.mean === null ? '-' : pctCI({ p: x.busy.mean, ci95: x.busy.ci95 ?? [x.busy.mean, x.busy.mean] } as Proportion, lang); })]);
  }
}
