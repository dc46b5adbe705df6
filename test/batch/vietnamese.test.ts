/**
 * The batch results in Vietnamese, for the provincial planners: the results
 * keep the scenario's Vietnamese title and objective texts, and the table and
 * page in Vietnamese carry no English sentence left over (checked against
 * every phrase of the English catalogue and the English metric names), with
 * figures written as the AAR writes them (decimal comma, giây/phút/giờ).
 * Results written before the Vietnamese texts were kept still read and
 * render, with the English texts; shards of either kind merge to the whole.
 */
import { describe, expect, it } from 'vitest';
import { fmtFigure, metricLabel } from '../../engine/batch/format.js';
import { batchHtml, esc } from '../../engine/batch/html.js';
import { batchHeader, buildResults, mergeResults, runRecord, serializeResults, RUN_METRIC_NAMES, type BatchResults } from '../../engine/batch/results.js';
import { readResults } from '../../engine/batch/read-results.js';
import { batchJobs } from '../../engine/batch/seeds.js';
import { varyScenario } from '../../engine/batch/vary.js';
import { catalogueKeys, say } from '../../engine/batch/words.js';
import { formatBatchSummary } from '../../engine/cli/batch-summary.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { textIn } from '../../engine/scenario/text.js';
import { Model } from '../../engine/sim/model.js';
import { runMetrics } from '../../engine/sim/runner.js';
import { loadNamed } from '../helpers/scenarios.js';

function batch(scenarios: Scenario[], runs: number, vary: { key: string; values: string[] } | null, shard: { index: number; count: number } | null = null): BatchResults {
  const header = batchHeader({ engine: 'test', scenario: scenarios[0], scenarioHash: 'h', seed: 11, runs, decisions: null, vary });
  const models = scenarios.map((s) => new Model(s));
  const records = batchJobs(11, runs, scenarios.length, shard).map((job) =>
    runRecord(job, vary ? vary.values[job.v] : null, runMetrics(scenarios[job.v], { seed: job.seed, keepIncidents: false, model: models[job.v] })));
  return buildResults(header, shard, records);
}
const text = (r: BatchResults) => serializeResults(r).join('');
const reread = (t: string) => { const x = readResults(t); if (!x.ok) throw new Error(x.message); return x.results; };
/** A results file as written before the Vietnamese texts were kept: no "vi" line. */
const withoutVi = (t: string) => t.split('\n').filter((l) => !l.startsWith('"vi":')).join('\n');

const ksn = loadNamed('ky-son-flash-flood');
const cuaLo = loadNamed('cua-lo-high-rise-fire');
const ks = batch([ksn], 30, null);
// cua-lo: the chlorine objective is not tested in about half the runs, so the page says "not tested" in places
const cl = batch([cuaLo], 24, null);
const spec = { key: 'doctrine.request_support_after', labels: ['15m', '1h'], values: ['15m', '1h'] };
const swept = varyScenario(ksn, spec);
if (!swept.ok) throw new Error(swept.messages.join('\n'));
const vary = batch(swept.scenarios, 8, { key: spec.key, values: spec.labels });

/** What a reader meets on the page: its text, tooltips (<title>) and the charts' accessible names; no style sheet. */
function pageWords(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
  const aria = [...body.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return unescape(`${body.replace(/<[^>]+>/g, '\n')}\n${aria.join('\n')}`);
}

/** Codes the page shows as they are in both languages (ids, the sweep key), taken out before looking for English words. */
function withoutCodes(words: string, r: BatchResults): string {
  const codes = [r.scenario.id, ...r.objectives.flatMap((o) => [o.id, o.of ?? '']), ...(r.vary ? [r.vary.key] : [])].filter(Boolean).sort((a, b) => b.length - a.length);
  return codes.reduce((t, c) => t.split(c).join(' '), words);
}

/**
 * The English phrases a Vietnamese page or table must not hold: every piece of text of the English catalogue
 * (between its parameters and its markup) of two words or more, and the English metric names.
 */
const ENGLISH_PHRASES = [...new Set([
  ...catalogueKeys('en').flatMap((k) => say('en', k, {}).replace(/<[^>]+>/g, '|').split(/⟦[^⟧]*⟧|\|/))
    .map((p) => p.replace(/^[\s,;:.()"'`[\]]+|[\s,;:.()"'`[\]]+$/g, ''))
    .filter((p) => /^[A-Za-z].*\s.*[a-z]/.test(p) && !/^drill (batch|merge|run|report)/.test(p)),
  ...RUN_METRIC_NAMES.map((m) => metricLabel(m)),
  'first on scene', 'evacuated share', 'rescued share', 'people lost', 'level declared', 'support requested',
])];
const ENGLISH_WORDS = /\b(never|runs?|mean|median|seeds?|objectives?|ratings?|met|tested|metrics?|histogram|percentile|interval|shard|engine|doctrine|decisions?|people|probability|criterion|threshold|min|value)\b/;

function expectNoEnglish(words: string, r: BatchResults): void {
  const plain = withoutCodes(words, r);
  const left = ENGLISH_PHRASES.filter((p) => plain.includes(p));
  expect(left, 'English phrases left on the Vietnamese page or table').toEqual([]);
  // 'seed' is the term Vietnamese keeps (as 'seed gốc 11'), as it keeps Wilson's name; 'seeds' is still English
  const line = plain.split('\n').find((l) => ENGLISH_WORDS.test(l.replace(/Wilson|Student|HSEEP|drill (batch|merge|run|report)|sha256|\bseed\b/g, '')));
  expect(line, 'a line with an English word').toBeUndefined();
  // figures as the AAR writes them: a decimal comma, and the units in words
  expect(plain).not.toMatch(/\d\.\d{1,2}(?!\d)/);
  expect(plain).not.toMatch(/\d (s|min|h)\b/);
  expect(plain).not.toContain('⟦');
}

describe('batch results in Vietnamese', () => {
  it('every key of the catalogue is in both languages', () => {
    expect(catalogueKeys('vi').sort()).toEqual(catalogueKeys('en').sort());
    expect(ENGLISH_PHRASES.length).toBeGreaterThan(60);
  });

  it('the results keep the scenario\'s Vietnamese title and objective texts; an English-only scenario\'s results have no "vi" field', () => {
    expect(ks.vi?.title).toBe('Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn)');
    for (const o of ksn.objectives) expect(ks.vi?.objectives[o.id]).toBe(textIn(o.text, 'vi'));
    expect(reread(text(ks)).vi).toEqual(ks.vi);
    const english = { ...ksn, title: textIn(ksn.title, 'en'), objectives: ksn.objectives.map((o) => ({ ...o, text: textIn(o.text, 'en') })) } as Scenario;
    const h = batchHeader({ engine: 'test', scenario: english, scenarioHash: 'h', seed: 1, runs: 1, decisions: null, vary: null });
    expect('vi' in h).toBe(false);
    expect(text(buildResults(h, null, []))).not.toContain('"vi"');
  });

  it('the page is in Vietnamese: html lang="vi", the Vietnamese title and objective texts, its headings, and no English sentence', () => {
    for (const r of [ks, cl, vary]) {
      const html = batchHtml(r, 'vi');
      expect(html).toContain('<html lang="vi">');
      expect(html).toContain('<title>Kết quả nhiều lượt chạy: ');
      expect(html).toContain(`<h1>${esc(r.vi!.title)}</h1>`);
      for (const o of r.objectives) expect(html).toContain(`<div class="otext">${esc(r.vi!.objectives[o.id])}</div>`);
      for (const h of ['Mục tiêu: tần suất của từng mức đánh giá', 'Các chỉ số chính qua các lượt chạy', 'Giá trị của các mục tiêu qua các lượt chạy', 'Tất cả các chỉ số']) expect(html).toContain(`<h2>${h}`);
      expectNoEnglish(pageWords(html), r);
    }
    expect(batchHtml(vary, 'vi')).toContain('<h2>Đường biến thiên theo giá trị tham số');
    // not tested, in the bar, its tooltip and the line under the probability
    const page = batchHtml(cl, 'vi');
    expect(page).toMatch(/>KĐG( \d+(,\d)?%)?<\/text>/);
    expect(page).toMatch(/<div class="nt">không đánh giá trong \d+ trên 24 lượt \(\d+(,\d)?%\); đạt \d+ trên \d+ lượt có đánh giá/);
    // a rating's tooltip says what its letter stands for, in the AAR's words
    expect(page).toContain('P: Thực hiện không gặp khó khăn: ');
  });

  it('the table is in Vietnamese: the Vietnamese title, its headings, figures with a decimal comma, and no English sentence', () => {
    for (const r of [ks, cl, vary]) {
      const t = formatBatchSummary(r, 'vi');
      expect(t.split('\n')[0]).toContain(`: "${r.vi!.title}", `);
      expectNoEnglish(t, r);
    }
    const t = formatBatchSummary(cl, 'vi');
    expect(t).toMatch(/^chỉ số +trung bình \[KTC 95%\] +trung vị +p5 +p95 +không có$/m);
    expect(t).toMatch(/^mục tiêu +đạt \[KTC 95%\] +P +S +M +U +không đánh giá +đạt khi được đánh giá +giá trị trung vị$/m);
    expect(t).toMatch(/^số người thiệt mạng +\d+(,\d+)? \[\d+(,\d+)?; \d+(,\d+)?\]/m);
    expect(formatBatchSummary(vary, 'vi')).toMatch(/^mục tiêu đạt \[KTC 95%\]\s*$/m);
  });

  it('figures read as in the AAR: a decimal comma, a point between thousands, giây, phút, giờ, "%" against its number', () => {
    expect(fmtFigure('people_lost', 8.756, 8.756, 'vi')).toBe('8,76');
    expect(fmtFigure('people_evacuated', 1392, 1392, 'vi')).toBe('1.392');
    expect(fmtFigure('mean_dispatch_s', 45, 45, 'vi')).toBe('45 giây');
    expect(fmtFigure('mean_dispatch_s', 4080, 4080, 'vi')).toBe('68 phút');
    expect(fmtFigure('mean_first_on_scene_s', 12600, 12600, 'vi')).toBe('3,5 giờ');
    expect(fmtFigure('evacuated_share', 0.551, 0.551, 'vi')).toBe('55,1%');
    expect(fmtFigure('support_requested_s', 13200, 13200, 'vi')).toBe('T+03:40');
    expect(fmtFigure('people_lost', null, null, 'vi')).toBe('không có');
    // and the English as it was
    expect(fmtFigure('mean_first_on_scene_s', 12600)).toBe('3.5 h');
    expect(fmtFigure('evacuated_share', 0.551)).toBe('55.1 %');
  });

  it('results written before the Vietnamese texts were kept still read, and render in Vietnamese with the English texts', () => {
    const old = reread(withoutVi(text(ks)));
    expect(old.vi).toBeUndefined();
    const html = batchHtml(old, 'vi');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain(`<h1>${esc(ks.scenario.title)}</h1>`);
    expect(html).toContain(`<div class="otext">${esc(ks.objectives[0].text)}</div>`);
    expect(html).toContain('<h2>Mục tiêu: tần suất của từng mức đánh giá</h2>');
    expect(formatBatchSummary(old, 'vi').split('\n')[0]).toBe(`ky-son-flash-flood: "${ks.scenario.title}", 30 lượt chạy, seed gốc 11, mọi vai do phương án tự động đảm nhận`);
    // the English page of an old file is the English page of a new one
    expect(batchHtml(old)).toBe(batchHtml(ks));
    expect(formatBatchSummary(old)).toBe(formatBatchSummary(ks));
  });

  it('shards merge to the whole batch, byte for byte, when some of them were written before the Vietnamese texts were kept', () => {
    const shards = [1, 2, 3].map((i) => ({ name: `s${i}.json`, text: text(batch([ksn], 30, null, { index: i, count: 3 })) }));
    const whole = text(ks);
    const all = mergeResults(shards.map((s) => ({ name: s.name, results: reread(s.text) })));
    expect(all.ok && text(all.results)).toBe(whole);
    // the first, or every shard, from before: the Vietnamese texts come from the others, or stay out
    const mixed = mergeResults(shards.map((s, i) => ({ name: s.name, results: reread(i === 0 ? withoutVi(s.text) : s.text) })));
    expect(mixed.ok && text(mixed.results)).toBe(whole);
    const allOld = mergeResults(shards.map((s) => ({ name: s.name, results: reread(withoutVi(s.text)) })));
    expect(allOld.ok && text(allOld.results)).toBe(withoutVi(whole));
    // shards whose Vietnamese texts differ are not parts of one batch
    const edited = reread(shards[1].text);
    edited.vi = { ...edited.vi!, title: 'khác' };
    const m = mergeResults([{ name: 's1.json', results: reread(shards[0].text) }, { name: 's2.json', results: edited }]);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.message).toBe('s1.json and s2.json are not parts of the same batch: their Vietnamese texts (title or objectives) differ');
  });

  it('a damaged "vi" field is refused with what it should be', () => {
    const bad = text(ks).replace(/^"vi":.*$/m, '"vi":{"title":3},');
    const r = readResults(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/"vi" \(the Vietnamese texts\) is not \{ "title"/);
  });
});
