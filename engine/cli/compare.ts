import { compareRuns, type Comparison, type DecisionRecord, type TakenRecord } from '../review/compare.js';
import { parse } from './args.js';
import { loadReviewable } from './reviewable.js';
import type { Subcommand } from './main.js';
import { fmtFigure } from '../batch/format.js';
import { fmtValue } from './run.js';
import { clock } from './time.js';

export const compareCommand: Subcommand = {
  name: 'compare',
  summary: 'two run logs side by side: first divergence, decisions that differ, figures and ratings',
  usage: [
    'drill compare <a.json> <b.json> [--json]',
    '',
    '  Prints where the two runs first part (event index and time, both events),',
    '  the decisions given to one run and not the other (the first of them named),',
    '  the decisions taken during the runs that differ, and the figures and',
    '  objective ratings side by side. Exit 0 whether or not they differ.',
    '  --json   the comparison as JSON',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 2, 2, ['the two run logs to compare', 'the second run log']);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    const [fa, fb] = positionals;
    const c = compareRuns(loadReviewable(fa), loadReviewable(fb));
    process.stdout.write(values.json ? JSON.stringify(c, null, 2) + '\n' : formatComparison(c, fa, fb));
    return 0;
  },
};

const args = (d: Record<string, unknown>, skip: string[]) => Object.entries(d).filter(([k]) => !skip.includes(k)).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ');
/** Level and support metrics are times since T0: show them as clock times. */
/**
 * A value as a and b are shown side by side: a duration in the unit the larger of the two calls for, so that a
 * row reads "2.2 h  1.6 h", not "2.2 h  98 min"; a moment (a level declared) as a clock time.
 */
function objectiveValue(metric: string, v: number | null, other: number | null): string {
  if (v !== null && (metric === 'level_declared_s' || metric === 'support_requested_s')) return clock(v);
  if (v !== null && metric.endsWith('_s')) return fmtFigure(metric, v, Math.max(Math.abs(v), Math.abs(other ?? 0)));
  return fmtValue(metric, v);
}
// `cw`: the width of the time column, the longest time listed and a space (times with seconds are longer)
const given = (d: DecisionRecord, cw: number) => `${clock(d.at).padEnd(cw)} ${d.role} (${d.author}): ${d.do} ${args(d, ['at', 'role', 'author', 'do'])}`.trimEnd();
const took = (d: TakenRecord, cw: number) => `${clock(d.t).padEnd(cw)} ${d.role} (${d.author}): ${d.do} ${args(d, ['t', 'role', 'author', 'do'])}`.trimEnd();

export function formatComparison(c: Comparison, fa: string, fb: string): string {
  const L: string[] = [];
  const w = Math.max(fa.length, fb.length);
  const head = (label: string, f: string, s: Comparison['a']) => `${label}: ${f.padEnd(w)}  ${s.scenario}, seed ${s.seed}, ${s.players.length ? `played: ${s.players.join(', ')}` : 'all roles by doctrine'}, ${s.events} events, hash ${s.hash.slice(0, 16)}`;
  L.push(head('a', fa, c.a), head('b', fb, c.b));
  if (!c.same_scenario) L.push('note: the runs are of different scenarios (or different versions of one): their differences are not only the decisions');
  else if (!c.same_seed) L.push('note: the runs have different seeds: their differences are partly the dice, not only the decisions');
  else L.push('same scenario and seed: the random streams are shared (per entity), so the differences come from the decisions');
  if (c.identical) {
    L.push('', 'The two runs are identical: same events, same hash.');
    return L.join('\n') + '\n';
  }
  L.push('');
  if (c.divergence) {
    const d = c.divergence;
    L.push(`First divergence: event #${d.index} at ${clock(d.t)}`);
    L.push(`  a: ${d.a ? JSON.stringify(d.a) : '(the log ends here)'}`);
    L.push(`  b: ${d.b ? JSON.stringify(d.b) : '(the log ends here)'}`);
  } else L.push('The events are the same; the logs differ elsewhere (hash or summary).');

  const ta = c.taken.only_a, tb = c.taken.only_b;
  const MAX = 12;
  const cw = 1 + Math.max(8, ...[...c.given.only_a, ...c.given.only_b].map((d) => clock(d.at).length));
  const tw = 1 + Math.max(8, ...[...ta.slice(0, MAX), ...tb.slice(0, MAX)].map((d) => clock(d.t).length));
  L.push('', 'Decisions given to the runs:');
  if (c.given.first) {
    L.push(`  first that differs: ${given(c.given.first.decision, cw)} (only in ${c.given.first.side})`);
    for (const [label, list] of [['a', c.given.only_a], ['b', c.given.only_b]] as const) {
      L.push(`  only in ${label}:${list.length ? '' : ' none'}`);
      for (const d of list) L.push(`    ${given(d, cw)}`);
    }
  } else L.push('  the same in both');

  L.push('', `Decisions taken during the runs that differ (all authors): ${ta.length} only in a, ${tb.length} only in b`);
  for (const [label, list] of [['a', ta], ['b', tb]] as const) {
    if (!list.length) continue;
    L.push(`  only in ${label}:`);
    for (const d of list.slice(0, MAX)) L.push(`    ${took(d, tw)}`);
    if (list.length > MAX) L.push(`    ... and ${list.length - MAX} more (--json lists them all)`);
  }

  if (c.objectives.length) {
    const iw = Math.max(10, ...c.objectives.map((o) => o.id.length)) + 2;
    L.push('', `  ${'objective'.padEnd(iw)}${'a'.padEnd(18)}b`);
    const rows = c.objectives.map((o) => {
      const metric = c.a.summary.objectives.find((x) => x.id === o.id)!.metric;
      const cell = (x: { value: number | null; rating: string | null } | null, other: { value: number | null } | null) => (!x ? '-' : x.rating === null ? '-  not tested' : `${x.rating}  ${objectiveValue(metric, x.value, other?.value ?? null)}`);
      return { head: `  ${o.id.padEnd(iw)}${cell(o.a, o.b).padEnd(18)}`, b: cell(o.b, o.a), mark: !o.b || o.a.rating !== o.b.rating ? '   <- rating differs' : '' };
    });
    L.push(...marked(rows));
  }
  const fw = Math.max(...c.figures.map((f) => f.key.length)) + 2;
  L.push('', `  ${'figure'.padEnd(fw)}${'a'.padEnd(14)}b`);
  const show = (v: number | null, kind: string, other: number | null) => (v === null ? '-' : kind === 's' ? objectiveValue('x_s', v, other) : kind === 'share' ? fmtValue('x_share', v) : String(Math.round(v * 100) / 100));
  L.push(...marked(c.figures.map((f) => ({ head: `  ${f.key.padEnd(fw)}${show(f.a, f.kind, f.b).padEnd(14)}`, b: show(f.b, f.kind, f.a), mark: f.a !== f.b ? '   <- differs' : '' }))));
  return L.join('\n') + '\n';
}

/** Rows of a two-column table, the marks of those that differ in one column however wide b's values ('2' beside '1108'). */
function marked(rows: { head: string; b: string; mark: string }[]): string[] {
  const bw = Math.max(0, ...rows.map((r) => r.b.length));
  return rows.map((r) => (r.mark ? `${r.head}${r.b.padEnd(bw)}${r.mark}` : `${r.head}${r.b}`));
}
