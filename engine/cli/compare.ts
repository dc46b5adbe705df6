import { compareRuns, type Comparison, type DecisionRecord, type TakenRecord } from '../review/compare.js';
import type { Lang } from '../scenario/text.js';
import { parse } from './args.js';
import { langOption } from './lang.js';
import { say } from './messages.js';
import { loadReviewable } from './reviewable.js';
import type { Subcommand } from './main.js';
import { fmtFigure, localNumber } from '../batch/format.js';
import { MESSAGES } from '../review/messages.js';
import { fmtValue } from './run.js';
import { clock } from './time.js';

export const compareCommand: Subcommand = {
  name: 'compare',
  summary: 'two run logs side by side: first divergence, decisions that differ, figures and ratings',
  usage: [
    'drill compare <a.json> <b.json> [--json] [--lang vi|en]',
    '',
    '  Prints where the two runs first part (event index and time, both events),',
    '  the decisions given to one run and not the other (the first of them named),',
    '  the decisions taken during the runs that differ, and the figures and',
    '  objective ratings side by side. Exit 0 whether or not they differ.',
    '  --json         the comparison as JSON (the same in every language)',
    '  --lang vi|en   language of the comparison (default: vi when LANG starts with vi, else en)',
  ].join('\n'),
  options: { json: { type: 'boolean' }, lang: { type: 'string', short: 'l' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 2, 2, ['the two run logs to compare', 'the second run log']);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    const lang = langOption(values.lang);
    const [fa, fb] = positionals;
    const c = compareRuns(loadReviewable(fa), loadReviewable(fb));
    process.stdout.write(values.json ? JSON.stringify(c, null, 2) + '\n' : formatComparison(c, fa, fb, lang));
    return 0;
  },
};

const args = (d: Record<string, unknown>, skip: string[]) => Object.entries(d).filter(([k]) => !skip.includes(k)).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ');
/** Level and support metrics are times since T0: show them as clock times. */
/**
 * A value as a and b are shown side by side: a duration in the unit the larger of the two calls for, so that a
 * row reads "2.2 h  1.6 h", not "2.2 h  98 min"; a moment (a level declared) as a clock time.
 */
function objectiveValue(metric: string, v: number | null, other: number | null, lang: Lang): string {
  if (v !== null && (metric === 'level_declared_s' || metric === 'support_requested_s')) return clock(v);
  if (v !== null && metric.endsWith('_s')) return fmtFigure(metric, v, Math.max(Math.abs(v), Math.abs(other ?? 0)), lang);
  return fmtValue(metric, v, lang);
}
// `cw`: the width of the time column, the longest time listed and a space (times with seconds are longer)
const given = (d: DecisionRecord, cw: number, lang: Lang) => `${clock(d.at).padEnd(cw)} ${d.role} (${author(d.author, lang)}): ${d.do} ${args(d, ['at', 'role', 'author', 'do'])}`.trimEnd();
const took = (d: TakenRecord, cw: number, lang: Lang) => `${clock(d.t).padEnd(cw)} ${d.role} (${author(d.author, lang)}): ${d.do} ${args(d, ['t', 'role', 'author', 'do'])}`.trimEnd();
/** Who decided, as the log says it (English) or in the report's words (học viên, phương án tự động). */
const author = (a: unknown, lang: Lang) => (lang === 'en' ? String(a) : MESSAGES[lang][`author.${String(a)}`] ?? String(a));

export function formatComparison(c: Comparison, fa: string, fb: string, lang: Lang = 'en'): string {
  const L: string[] = [];
  const w = Math.max(fa.length, fb.length);
  const head = (label: string, f: string, s: Comparison['a']) => say(lang, 'compare.head', {
    label, file: f.padEnd(w), scenario: s.scenario, seed: s.seed,
    who: s.players.length ? say(lang, 'compare.played', { roles: s.players.join(', ') }) : say(lang, 'compare.doctrine'), events: s.events, hash: s.hash.slice(0, 16),
  });
  L.push(head('a', fa, c.a), head('b', fb, c.b));
  L.push(say(lang, !c.same_scenario ? 'compare.other-scenario' : !c.same_seed ? 'compare.other-seed' : 'compare.same'));
  if (c.identical) {
    L.push('', say(lang, 'compare.identical'));
    return L.join('\n') + '\n';
  }
  L.push('');
  if (c.divergence) {
    const d = c.divergence;
    L.push(say(lang, 'compare.divergence', { index: d.index, t: clock(d.t) }));
    L.push(`  a: ${d.a ? JSON.stringify(d.a) : say(lang, 'compare.log-ends')}`);
    L.push(`  b: ${d.b ? JSON.stringify(d.b) : say(lang, 'compare.log-ends')}`);
  } else L.push(say(lang, 'compare.elsewhere'));

  const ta = c.taken.only_a, tb = c.taken.only_b;
  const MAX = 12;
  const cw = 1 + Math.max(8, ...[...c.given.only_a, ...c.given.only_b].map((d) => clock(d.at).length));
  const tw = 1 + Math.max(8, ...[...ta.slice(0, MAX), ...tb.slice(0, MAX)].map((d) => clock(d.t).length));
  L.push('', say(lang, 'compare.given'));
  if (c.given.first) {
    L.push(say(lang, 'compare.first-differs', { decision: given(c.given.first.decision, cw, lang), side: c.given.first.side }));
    for (const [label, list] of [['a', c.given.only_a], ['b', c.given.only_b]] as const) {
      L.push(say(lang, list.length ? 'compare.only-in' : 'compare.only-in-none', { side: label }));
      for (const d of list) L.push(`    ${given(d, cw, lang)}`);
    }
  } else L.push(say(lang, 'compare.same-in-both'));

  L.push('', say(lang, 'compare.taken', { a: ta.length, b: tb.length }));
  for (const [label, list] of [['a', ta], ['b', tb]] as const) {
    if (!list.length) continue;
    L.push(say(lang, 'compare.only-in', { side: label }));
    for (const d of list.slice(0, MAX)) L.push(`    ${took(d, tw, lang)}`);
    if (list.length > MAX) L.push(say(lang, 'compare.more', { n: list.length - MAX }));
  }

  if (c.objectives.length) {
    const iw = Math.max(10, ...c.objectives.map((o) => o.id.length)) + 2;
    L.push('', `  ${say(lang, 'compare.objective').padEnd(iw)}${'a'.padEnd(18)}b`);
    const rows = c.objectives.map((o) => {
      const metric = c.a.summary.objectives.find((x) => x.id === o.id)!.metric;
      const cell = (x: { value: number | null; rating: string | null } | null, other: { value: number | null } | null) => (!x ? '-' : x.rating === null ? `-  ${say(lang, 'compare.not-tested')}` : `${x.rating}  ${objectiveValue(metric, x.value, other?.value ?? null, lang)}`);
      return { head: `  ${o.id.padEnd(iw)}${cell(o.a, o.b).padEnd(18)}`, b: cell(o.b, o.a), mark: !o.b || o.a.rating !== o.b.rating ? say(lang, 'compare.rating-differs') : '' };
    });
    L.push(...marked(rows));
  }
  const fw = Math.max(...c.figures.map((f) => f.key.length)) + 2;
  L.push('', `  ${say(lang, 'compare.figure').padEnd(fw)}${'a'.padEnd(14)}b`);
  const show = (v: number | null, kind: string, other: number | null) => (v === null ? '-' : kind === 's' ? objectiveValue('x_s', v, other, lang) : kind === 'share' ? fmtValue('x_share', v, lang) : localNumber(String(Math.round(v * 100) / 100), lang));
  L.push(...marked(c.figures.map((f) => ({ head: `  ${f.key.padEnd(fw)}${show(f.a, f.kind, f.b).padEnd(14)}`, b: show(f.b, f.kind, f.a), mark: f.a !== f.b ? say(lang, 'compare.differs') : '' }))));
  return L.join('\n') + '\n';
}

/** Rows of a two-column table, the marks of those that differ in one column however wide b's values ('2' beside '1108'). */
function marked(rows: { head: string; b: string; mark: string }[]): string[] {
  const bw = Math.max(0, ...rows.map((r) => r.b.length));
  return rows.map((r) => (r.mark ? `${r.head}${r.b.padEnd(bw)}${r.mark}` : `${r.head}${r.b}`));
}
