/**
 * A batch's one-line description (scenario, runs, sweep, master seed, who decides, shard): the first line of its
 * table (cli/batch-summary.ts) and the head of each plan on the page of two plans compared (plans-html.ts).
 */
import { textsIn, type BatchResults } from './results.js';
import { say } from './words.js';
import type { Lang } from '../scenario/text.js';

export function headline(r: BatchResults, lang: Lang = 'en'): string {
  const m = (key: string, params?: Record<string, string | number>) => say(lang, key, params);
  const values = r.vary ? r.vary.values.length : 1;
  // one value is a setting, not a sweep: 'for each of 1 values' said nothing
  const runs = !r.vary ? m('runs', { n: r.runs })
    : values === 1 ? m('sum.runs_vary_one', { runs: r.runs, key: r.vary.key, value: String(r.vary.values[0]) })
    : m('sum.runs_vary', { runs: r.runs, n: values, key: r.vary.key });
  const who = r.decisions ? m('sum.decisions', { count: r.decisions.count, players: r.decisions.players.join(', ') || m('none') }) : m('sum.doctrine');
  const shard = r.shard ? m('sum.shard', { i: r.shard.index, n: r.shard.count, k: r.results.length, total: r.runs * values }) : '';
  return m('sum.headline', { id: r.scenario.id, title: textsIn(r, lang).title, runs, seed: m('master_seed', { seed: r.seed }), who, shard });
}
