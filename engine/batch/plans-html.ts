/**
 * Two plans compared run for run (plans.ts comparePlans) as one self-contained HTML page (`drill compare a.json
 * b.json --out F.html`), what a planner brings to a meeting: the two files and their headlines; per objective the
 * probability of meeting it under a and under b, and the change in points; per metric the two means, and b - a run
 * for run as a forest plot (a dot and its interval around a zero line); the notes the text gives. Drawn with the
 * batch page's frame, style and bars (html.ts). Pure: the comparison in, text out.
 */
import { headline } from './headline.js';
import { samePlan, type PlanComparison } from './plans.js';
import { esc, htmlPage, metBar, metFigure, notTested, objectiveHead, r1, sayIn, type Say } from './html.js';
import { shownMetrics, textsIn, type ObjectiveAggregate } from './results.js';
import type { MetricStats } from './stats.js';
import { differenceDirection, OBJECTIVE_MET, showsDifference, signedFigure, signedPoints, unitReference, type Direction } from './format.js';
import { zeroBasedTicks } from './ticks.js';
import { seedFormula } from './words.js';

/** The forest plot of one row: its width and height (px), and the room left at each end of its scale. */
const FW = 220, FH = 34, FPAD = 6;

/** The bars of a and b in an objective's row: narrower than the batch page's, for both and the plot in 1280 px. */
const MET_BAR_PX = 150;

/**
 * One row's b - a, run for run: what it is of (a metric, or an objective met), the mean of the runs' differences
 * with its interval, whether the runs show it, and how a difference is written ("+7.3", "-12 min", "+31" points).
 */
interface Difference {
  of: { metric: string } | { objective: string };
  label: string;
  stats: MetricStats;
  shows: boolean;
  write: (v: number) => string;
  /** the end of the row's scale at or above `max` and its label, unsigned ("30 min", "10") */
  scale: (max: number) => { top: number; text: string };
  /** after the interval: the runs that met an objective under one plan only, "(+N -M)" */
  counts?: string;
  /** better or worse for b, where the runs show the difference and its figure has a better side (format.ts) */
  direction: Direction | null;
}

/**
 * The two cells of a difference: the figure with its interval (and `*` where the runs show it), then its forest
 * plot. Every row's difference, of a metric or an objective, is drawn here and only here, so that what the page
 * says of a difference (words on which way is better) is added in one place.
 */
function differenceCells(say: Say, d: Difference): string {
  const { mean, ci95 } = d.stats;
  if (mean === null) return `<td class="num">${d.stats.n === 0 && d.stats.never === 0 ? '-' : esc(say.m('sum.never'))}</td><td></td>`;
  const text = ci95 ? `${d.write(mean)} <span class="ci">[${d.write(ci95[0])}${say.sep} ${d.write(ci95[1])}]</span>` : d.write(mean);
  const star = d.shows ? ` <b>*</b>${d.direction ? ` <span class="dir ${d.direction}">${esc(say.m(`dir.${d.direction}`))}</span>` : ''}` : '';
  const counts = d.counts ? ` <span class="ci">${esc(d.counts)}</span>` : '';
  return `<td class="num${d.shows ? ' shows' : ''}">${text}${star}${counts}</td><td class="plot">${forest(say, d)}</td>`;
}

/**
 * A forest plot's row: the mean difference as a dot (filled where the runs show it, hollow where it may be chance)
 * and its interval as a line with caps, on a scale of its own from -top to +top with 0 in the middle (dashed),
 * its ends labelled under it.
 */
function forest(say: Say, d: Difference): string {
  const mean = d.stats.mean!;
  const [lo, hi] = d.stats.ci95 ?? [mean, mean];
  const { top, text } = d.scale(Math.max(Math.abs(lo), Math.abs(hi), Math.abs(mean)));
  const mid = FW / 2, half = FW / 2 - FPAD;
  const x = (v: number) => r1(mid + (v / top) * half);
  const y = 11, ay = FH - 4;
  const cls = d.shows ? 'whisker' : 'whisker faint';
  const parts = [
    `<line x1="${mid}" y1="1" x2="${mid}" y2="${y + 9}" class="zero"/>`,
    `<line x1="${FPAD}" y1="${y + 9}" x2="${FW - FPAD}" y2="${y + 9}" class="axis"/>`,
    `<line x1="${x(lo)}" y1="${y}" x2="${x(hi)}" y2="${y}" class="${cls}"/><line x1="${x(lo)}" y1="${y - 4}" x2="${x(lo)}" y2="${y + 4}" class="${cls}"/><line x1="${x(hi)}" y1="${y - 4}" x2="${x(hi)}" y2="${y + 4}" class="${cls}"/>`,
    `<circle cx="${x(mean)}" cy="${y}" r="4" class="${d.shows ? 'dot' : 'dot open'}"/>`,
    `<text x="${FPAD}" y="${ay}" text-anchor="start" class="scale">-${esc(text)}</text><text x="${mid}" y="${ay}" text-anchor="middle" class="scale">0</text><text x="${FW - FPAD}" y="${ay}" text-anchor="end" class="scale">+${esc(text)}</text>`,
  ];
  const said = d.stats.ci95 ? `${d.write(mean)} [${d.write(lo)}${say.sep} ${d.write(hi)}]` : d.write(mean);
  const aria = say.m('pp.plot_aria', { label: d.label, v: said });
  return `<svg viewBox="0 0 ${FW} ${FH}" width="${FW}" height="${FH}" role="img" aria-label="${esc(aria)}"><title>${esc(aria)}</title>${parts.join('')}</svg>`;
}

/** The end of a scale at or above `max`, round in the metric's unit ("30 min", "2"), with its label. */
function scaleOf(metric: string, lang: Say['lang'], factor = 1): (max: number) => { top: number; text: string } {
  return (max) => {
    const t = zeroBasedTicks(max * factor, metric, 2, false, lang);
    return { top: t.top / factor, text: t.ticks[t.ticks.length - 1].text };
  };
}

/** A sentence of the text's notes on the page: capitalised, with its full stop. */
const sentence = (s: string) => `${s.replace(/^./, (c) => c.toUpperCase())}.`;

/** A probability of meeting an objective under one plan: its bar over its figure and interval, and how often it was not tested. */
function metCell(say: Say, x: ObjectiveAggregate): string {
  return `<td class="met">${metBar(say, x.met, MET_BAR_PX)}<div class="fig">${metFigure(say, x.met)}</div>${notTested(say, x)}</td>`;
}

/** The page of two plans compared, in English or Vietnamese; `files`: the results files as the command was given them. */
export function plansHtml(c: PlanComparison, files: { a: string; b: string }, lang: Say['lang'] = 'en'): string {
  const say = sayIn(lang);
  const { m: w, fmt, label, sep } = say;
  const [aggA, aggB] = c.aggregates;
  const p = aggB.paired!;
  const sides = (['a', 'b'] as const).map((side) => `<tr><th>${side}</th><td><code>${esc(files[side])}</code></td><td>${esc(headline(c[side], lang))}</td></tr>`);
  const same = samePlan(c)
    ? `<p class="warn">${esc(sentence(w('cp.same_scenario', { hash: c.a.scenario.hash.slice(0, 12), decisions: c.a.decisions ? w('cp.same_decisions') : '' })))}</p>` : '';
  const sections: string[] = [];

  const notes: string[] = [];
  if (c.onlyA.length) notes.push(w('cp.only', { side: 'a', ids: c.onlyA.join(', ') }));
  if (c.onlyB.length) notes.push(w('cp.only', { side: 'b', ids: c.onlyB.join(', ') }));
  if (c.changed.length) notes.push(w('cp.changed', { ids: c.changed.join(', ') }));
  const objectiveNotes = notes.map((n) => `<p class="note">${esc(sentence(n))}</p>`).join('');
  const texts = textsIn(c.a, lang);
  if (c.objectives.length) {
    const rows = c.objectives.map((o) => {
      const x = p.objectives[o.id];
      const d: Difference = {
        of: { objective: o.id }, label: o.id, stats: x.met, shows: showsDifference(x.met.ci95, x.gained, x.lost), direction: differenceDirection(OBJECTIVE_MET, x.met.ci95, x.gained, x.lost),
        write: (v) => signedPoints(v, lang), scale: scaleOf('points', lang, 100), counts: x.gained || x.lost ? `(+${x.gained} -${x.lost})` : undefined,
      };
      const head = `<th class="oid">${objectiveHead(say, o, texts.objective(o.id))}</th>`;
      return `<tr>${head}${metCell(say, aggA.objectives[o.id])}${metCell(say, aggB.objectives[o.id])}${differenceCells(say, d)}</tr>`;
    });
    const th = `<tr><th>${w('obj.th_objective')}</th><th>${esc(w('pp.th_met', { side: 'a' }))}</th><th>${esc(w('pp.th_met', { side: 'b' }))}</th><th>${esc(w('pp.th_points'))}</th><th>${esc(w('pp.th_plot'))}</th></tr>`;
    sections.push(`<section><h2>${esc(w('pp.obj_h2'))}</h2><div class="wide"><table class="cmp"><thead>${th}</thead><tbody>${rows.join('')}</tbody></table></div>${objectiveNotes}</section>`);
  } else if (notes.length) sections.push(`<section><h2>${esc(w('pp.obj_h2'))}</h2><p class="note">${esc(w('pp.none_compared'))}</p>${objectiveNotes}</section>`);

  // contained and resolved as one row only where they are the same in every run of both (as the text's table)
  const both = { ...c.a, metrics: Object.fromEntries(c.metrics.map((x) => [x, ''])), results: [...c.a.results, ...c.b.results] };
  const rows = shownMetrics(both, label, w('sum.contained_resolved')).map(({ metric, label: name }) => {
    const unitOf = unitReference([aggA.metrics[metric].mean, aggB.metrics[metric].mean]);
    const mean = (s: MetricStats) => (s.n === 0 && s.never === 0 ? '-' : s.mean === null ? esc(w('sum.never'))
      : `${esc(fmt(metric, s.mean, unitOf))}${s.ci95 ? ` <span class="ci">[${esc(fmt(metric, s.ci95[0], unitOf))}${sep} ${esc(fmt(metric, s.ci95[1], unitOf))}]</span>` : ''}`);
    const s = p.metrics[metric];
    const diffUnit = unitReference([s.ci95?.[0], s.ci95?.[1]]);
    const d: Difference = {
      of: { metric }, label: name, stats: s, shows: showsDifference(s.ci95, s.up, s.down), direction: differenceDirection(metric, s.ci95, s.up, s.down),
      write: (v) => signedFigure(metric, v, diffUnit, lang), scale: scaleOf(metric, lang),
    };
    return `<tr><th>${esc(name)}</th><td class="num">${mean(aggA.metrics[metric])}</td><td class="num">${mean(aggB.metrics[metric])}</td>${differenceCells(say, d)}</tr>`;
  });
  const left = !c.metrics.includes('objectives_met') && 'objectives_met' in c.a.metrics ? `<p class="note">${esc(sentence(w('cp.objectives_met')))}</p>` : '';
  const th = `<tr><th>${w('stats.metric')}</th><th>${esc(w('pp.th_mean', { side: 'a' }))}</th><th>${esc(w('pp.th_mean', { side: 'b' }))}</th><th>${esc(w('cp.diff'))}</th><th>${esc(w('pp.th_plot'))}</th></tr>`;
  sections.push(`<section><h2>${esc(w('pp.metrics_h2'))}</h2><div class="wide"><table class="cmp"><thead>${th}</thead><tbody>${rows.join('')}</tbody></table></div>${left}</section>`);

  const body = `<h1>${esc(w('pp.h1'))}</h1>
<table class="sides"><thead><tr><th>${esc(w('pp.plan'))}</th><th>${esc(w('pp.file'))}</th><th>${esc(w('pp.batch'))}</th></tr></thead><tbody>${sides.join('')}</tbody></table>
${same}<p class="note">${esc(`${w('cp.note').replace(/\n/g, ' ')}.`)}</p><p class="note">${esc(w('pp.plot_note'))}</p>
${sections.join('\n')}
<footer>${esc(w('pp.footer', { seeds: seedFormula(lang, c.a.seed_formula) }))}</footer>
`;
  return htmlPage(lang, w('pp.title', { a: c.a.scenario.id, b: c.b.scenario.id }), body, PLANS_CSS);
}

/** The page's own rules, after the batch pages' (html.ts). */
const PLANS_CSS = `table.sides{margin:8px 0}table.sides th{white-space:nowrap}table.sides td code{overflow-wrap:anywhere}
table.cmp td.num{font-variant-numeric:tabular-nums;white-space:nowrap}table.cmp td.shows{font-weight:600}table.cmp .dir.better{color:#1a7f37}table.cmp .dir.worse{color:#b42318}table.cmp td.shows .ci{font-weight:400}
table.cmp thead th{max-width:230px;vertical-align:bottom}table.cmp th.oid{min-width:240px;max-width:300px;font-weight:600}table.cmp td.met .fig{margin-top:2px}table.cmp td.met .nt{max-width:${MET_BAR_PX + 40}px}
table.cmp td.plot{padding-top:2px;padding-bottom:2px}
svg .zero{stroke:#999;stroke-dasharray:3 3}svg .whisker.faint{stroke:#999}svg .dot.open{fill:#fff;stroke:#1b2f45;stroke-width:1.5}svg .scale{font-size:10px;fill:#777}
`;

