import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchHtml } from '../../engine/batch/html.js';
import { batchHeader, buildResults, runRecord, type BatchResults } from '../../engine/batch/results.js';
import { batchJobs } from '../../engine/batch/seeds.js';
import { parseVarySpec, varyScenario } from '../../engine/batch/vary.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { Model } from '../../engine/sim/model.js';
import { runMetrics } from '../../engine/sim/runner.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const dir = mkdtempSync(join(tmpdir(), 'drillsim-batch-html-'));

function batch(scenarios: Scenario[], runs: number, vary: { key: string; values: string[] } | null): BatchResults {
  const header = batchHeader({ engine: 'test', scenario: scenarios[0], scenarioHash: 'h', seed: 11, runs, decisions: null, vary });
  const models = scenarios.map((s) => new Model(s));
  const records = batchJobs(11, runs, scenarios.length, null).map((job) =>
    runRecord(job, vary ? vary.values[job.v] : null, runMetrics(scenarios[job.v], { seed: job.seed, keepIncidents: false, model: models[job.v] })));
  return buildResults(header, null, records);
}

let ctx: BrowserContext;
beforeAll(async () => {
  ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'drillsim-chromium-')), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => { await ctx?.close(); });

async function open(html: string, name: string) {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${file}`);
  await page.waitForLoadState('load');
  return { page, requests: requests.filter((u) => u !== `file://${file}`), errors };
}

describe('batch results page (drill batch --html)', () => {
  it('is self-contained: no request, no error; histograms, objective probabilities and the figures of the results', async () => {
    const ksn = loadNamed('ky-son-flash-flood');
    const r = batch([ksn], 60, null);
    const { page, requests, errors } = await open(batchHtml(r), 'batch');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('h1').textContent()).toBe('Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)');
    // one histogram per key metric, and one per objective value (or a line when every run gave the same)
    expect(await page.locator('figure.chart').count()).toBe(6 + ksn.objectives.length);
    expect(await page.locator('svg[aria-label="histogram of people lost"] rect.bar').count()).toBeGreaterThan(1);
    // the objective table shows the probability the results file holds
    const met = r.aggregates[0].objectives['first-on-scene'].met;
    const row = page.locator('table.obj tr', { hasText: 'first-on-scene' });
    await expect.poll(() => row.locator('.p').textContent()).toBe(`${Math.round(met.p * 1000) / 10}\u00a0%`);
    // the shares written inside the rating bars can be read: WCAG contrast of at least 4.5 against their segment
    const contrasts = await page.evaluate(() => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return [...document.querySelectorAll('svg text.inbar')].map((t) => {
        const rect = t.previousElementSibling as SVGRectElement;
        const [a, b] = [lum(getComputedStyle(t).fill), lum(getComputedStyle(rect).fill)].sort((x, y) => y - x);
        return { text: t.textContent, ratio: (a + 0.05) / (b + 0.05) };
      });
    });
    expect(contrasts.length).toBeGreaterThan(0);
    for (const c of contrasts) expect(c.ratio, c.text ?? '').toBeGreaterThanOrEqual(4.5);
    // the footer says how seeds are made in words a planner reads, not as a line of code
    const footer = await page.locator('footer').textContent();
    expect(footer).toContain('Seeds: seed of run k = first 8 hex digits of sha256("S/k") (S the master seed, k the run number)');
    expect(footer).not.toContain('${');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'batch.png'), fullPage: true });
  });

  it('writes each probability whole and beside its bar: a figure never apart from its % sign, centred on its bar, a share in a rating bar inside its segment', async () => {
    const r = batch([loadNamed('ky-son-flash-flood')], 60, null);
    const { page } = await open(batchHtml(r), 'batch-figures');
    // narrow enough for the interval to go under the bar: it goes whole
    await page.setViewportSize({ width: 900, height: 900 });
    const look = await page.evaluate(() => {
      const mid = (r: DOMRect) => (r.top + r.bottom) / 2;
      return {
        // each figure and each interval on one line, the % sign with its number
        lines: [...document.querySelectorAll('table.obj .p, table.obj .ci')].map((el) => ({ text: el.textContent, lines: new Set([...el.getClientRects()].map((c) => Math.round(c.top))).size })),
        // a figure on the bar's line stands level with the bar
        level: [...document.querySelectorAll('table.obj svg[aria-label="probability met"]')].map((svg) => {
          const p = svg.parentElement!.querySelector('.p')!.getBoundingClientRect(), b = svg.getBoundingClientRect();
          return { text: svg.parentElement!.querySelector('.p')!.textContent, beside: p.left > b.right, off: Math.abs(mid(p) - mid(b)) };
        }),
        inbar: [...document.querySelectorAll('svg text.inbar')].map((t) => {
          const rect = t.previousElementSibling as SVGRectElement, tb = (t as SVGTextElement).getBBox();
          const x = Number(rect.getAttribute('x')), w = Number(rect.getAttribute('width'));
          return { text: t.textContent, inside: tb.x >= x && tb.x + tb.width <= x + w };
        }),
        figures: [...document.querySelectorAll('table.obj :is(.fig, .nt, text.inbar)')].map((el) => el.textContent!),
      };
    });
    await page.locator('table.obj').screenshot({ path: join(ARTIFACTS, 'batch-objectives-900.png') });
    expect(look.lines.filter((l) => l.lines !== 1)).toEqual([]);
    expect(look.level.length).toBe(r.objectives.length);
    for (const l of look.level) if (l.beside) expect(l.off, l.text ?? '').toBeLessThanOrEqual(1.5);
    expect(look.inbar.length).toBeGreaterThan(0);
    expect(look.inbar.filter((t) => !t.inside)).toEqual([]);
    // a share reads the same in the bar as beside it: "P 62 %", not "P 62%"
    for (const t of look.inbar) expect(t.text).toMatch(/^(?:[PSMU]|n\/t)(?: \d+(?:\.\d)?\u00a0%)?$/);
    for (const f of look.figures) expect(f).not.toMatch(/\d ?%/);
    // every share a segment has is written, in the bar or, where the segment is too narrow, under it
    const told = await page.evaluate(() => [...document.querySelectorAll('table.obj svg[aria-label="ratings"]')].map((svg) => ({
      inbar: [...svg.querySelectorAll('text.inbar')].map((t) => t.textContent!),
      under: svg.nextElementSibling?.classList.contains('untold') ? svg.nextElementSibling.textContent! : '',
    })));
    expect(told.length).toBe(r.objectives.length);
    let under = 0;
    r.objectives.forEach((o, i) => {
      for (const k of ['P', 'S', 'M', 'U'] as const) {
        const q = r.aggregates[0].objectives[o.id].ratings[k];
        if (q.p === 0) continue;
        const share = `${k} ${Math.round(q.p * 1000) / 10}\u00a0%`;
        if (!told[i].inbar.includes(share)) { expect(told[i].under, `${o.id} ${share}`).toContain(share); under++; }
      }
    });
    // not a check of nothing: some segment was too narrow for its share at this width
    expect(under).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    const wide = await page.evaluate(() => [...document.querySelectorAll('table.obj svg[aria-label="probability met"]')].map((svg) => {
      const p = svg.parentElement!.querySelector('.p')!.getBoundingClientRect(), b = svg.getBoundingClientRect();
      return { beside: p.left > b.right, off: Math.abs((p.top + p.bottom) / 2 - (b.top + b.bottom) / 2) };
    }));
    // wide enough: every figure beside its bar, level with it
    for (const l of wide) { expect(l.beside).toBe(true); expect(l.off).toBeLessThanOrEqual(1.5); }
    await page.locator('table.obj').screenshot({ path: join(ARTIFACTS, 'batch-objectives.png') });
  });

  it('draws sweep curves, one point per value, when --vary was used', async () => {
    const ksn = loadNamed('ky-son-flash-flood');
    const spec = { key: 'doctrine.request_support_after', labels: ['15m', '1h', '2h'], values: ['15m', '1h', '2h'] };
    const v = varyScenario(ksn, spec);
    if (!v.ok) throw new Error(v.messages.join('\n'));
    const r = batch(v.scenarios, 12, { key: spec.key, values: spec.labels });
    const { page, requests, errors } = await open(batchHtml(r), 'batch-vary');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const curve = page.locator('figure.chart', { hasText: 'first-on-scene: probability met' });
    expect(await curve.locator('circle.dot').count()).toBe(3);
    expect(await curve.locator('svg text', { hasText: '1h' }).count()).toBe(1);
    // the curves come before the objectives' table: each says what its objective is, not only its id
    const text = ksn.objectives.find((o) => o.id === 'first-on-scene')!.text;
    await expect(curve.locator('figcaption').textContent()).resolves.toBe(`first-on-scene: probability met${typeof text === 'string' ? text : text.en}`);
    await page.screenshot({ path: join(ARTIFACTS, 'batch-vary.png'), fullPage: true });
  });

  // a sweep's points on the page: each dot's x, and the labels under its axis with their boxes
  async function sweepLook(spec: { key: string; labels: string[] }, name: string, scenario = 'minimal') {
    const parsed = parseVarySpec(`${spec.key}=${spec.labels.join(',')}`);
    if (typeof parsed === 'string') throw new Error(parsed);
    const v = varyScenario(loadNamed(scenario), parsed);
    if (!v.ok) throw new Error(v.messages.join('\n'));
    const { page, errors } = await open(batchHtml(batch(v.scenarios, 3, { key: spec.key, values: spec.labels })), name);
    expect(errors).toEqual([]);
    const charts = await page.locator('figure.chart:has(circle.dot)').evaluateAll((figs) => figs.map((f) => {
      const svg = f.querySelector('svg')!, box = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('text.vtick')].map((t) => { const b = t.getBoundingClientRect(); return { text: t.textContent ?? '', left: b.left - box.left, right: b.right - box.left, top: b.top - box.top, bottom: b.bottom - box.top }; });
      return { title: f.querySelector('figcaption')!.textContent ?? '', dots: [...svg.querySelectorAll('circle.dot')].map((c) => Number(c.getAttribute('cx'))), labels, xlabel: svg.querySelector('text.xlabel')?.textContent ?? '', width: box.width };
    }));
    return { page, charts };
  }

  /** Each dot's place along the axis, 0 at the first value's, 1 at the last's. */
  const along = (xs: number[]) => { const lo = Math.min(...xs), hi = Math.max(...xs); return xs.map((x) => (x - lo) / (hi - lo)); };
  const overlaps = (labels: { text: string; left: number; right: number; top: number; bottom: number }[]) => labels.flatMap((a, i) => labels.slice(i + 1)
    .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `'${a.text}' over '${b.text}'`));

  it('places the points of a sweep of counts to scale: 1, 2, 5, 10 at distances 1, 3 and 5 apart, each labelled as written', async () => {
    const { charts, page } = await sweepLook({ key: 'unit.mx-police.copies', labels: ['1', '2', '5', '10'] }, 'batch-vary-counts');
    expect(charts.length).toBeGreaterThan(2);
    for (const c of charts) {
      along(c.dots).forEach((x, i) => expect(x, `${c.title}: dot ${i}`).toBeCloseTo([0, 1 / 9, 4 / 9, 1][i], 2));
      expect(c.labels.map((l) => l.text), c.title).toEqual(['1', '2', '5', '10']);
      expect(c.xlabel).toBe('unit.mx-police.copies (to scale)');
    }
    await page.locator('figure.chart:has(circle.dot)').first().screenshot({ path: join(ARTIFACTS, 'batch-vary-counts.png') });
  });

  it('places the points of a sweep of durations to scale, in seconds, in the order of their values whatever the order given', async () => {
    const { charts } = await sweepLook({ key: 'unit.mx-police.mobilisation', labels: ['30m', '10m', '2h'] }, 'batch-vary-durations');
    for (const c of charts) {
      // 10m, 30m and 2h are 600, 1800 and 7200 s: 30m is 2/11 of the way from 10m to 2h
      along(c.dots).forEach((x, i) => expect(x, `${c.title}: dot ${i}`).toBeCloseTo([2 / 11, 0, 1][i], 2));
      // read from left to right
      expect([...c.labels].sort((a, b) => a.left - b.left).map((l) => l.text), c.title).toEqual(['10m', '30m', '2h']);
    }
  });

  it('keeps the points of a sweep evenly spaced in the order given when its values are not all numbers or all durations', async () => {
    const { charts } = await sweepLook({ key: 'doctrine.dispatch', labels: ['severity', 'nearest'] }, 'batch-vary-names');
    for (const c of charts) {
      expect(along(c.dots)).toEqual([0, 1]);
      expect(c.labels.map((l) => l.text)).toEqual(['severity', 'nearest']);
      expect(c.xlabel).toBe('doctrine.dispatch (evenly spaced)');
    }
    const mixed = await sweepLook({ key: 'unit.mx-police.capabilities.medical', labels: ['unset', '1', '2', '5'] }, 'batch-vary-unset');
    for (const c of mixed.charts) along(c.dots).forEach((x, i) => expect(x).toBeCloseTo(i / 3, 2));
  });

  it('keeps the labels of bunched values apart and inside the chart: 1, 2, 3, 100', async () => {
    const { charts, page } = await sweepLook({ key: 'unit.mx-police.crew', labels: ['1', '2', '3', '100'] }, 'batch-vary-bunched');
    for (const c of charts) {
      along(c.dots).forEach((x, i) => expect(x, `${c.title}: dot ${i}`).toBeCloseTo([0, 1 / 99, 2 / 99, 1][i], 2));
      expect(overlaps(c.labels), c.title).toEqual([]);
      for (const l of c.labels) { expect(l.left, l.text).toBeGreaterThanOrEqual(0); expect(l.right, l.text).toBeLessThanOrEqual(c.width); }
      // the ends always labelled
      expect(c.labels.map((l) => l.text)).toEqual(expect.arrayContaining(['1', '100']));
    }
    await page.locator('figure.chart:has(circle.dot)').first().screenshot({ path: join(ARTIFACTS, 'batch-vary-bunched.png') });
  });

  it('labels every axis with distinct round values, a duration axis in one unit, even when every run gave 0 s', async () => {
    const ksn = loadNamed('ky-son-flash-flood');
    const spec = { key: 'doctrine.request_support_after', labels: ['15m', '30m', '1h'], values: ['15m', '30m', '1h'] };
    const v = varyScenario(ksn, spec);
    if (!v.ok) throw new Error(v.messages.join('\n'));
    const r = batch(v.scenarios, 12, { key: spec.key, values: spec.labels });
    // what que-phong's planner saw: doctrine dispatches the moment an incident is reported, in every run
    for (const x of r.results) (x.metrics as Record<string, number | null>).mean_dispatch_s = 0;
    for (const a of r.aggregates) Object.assign(a.metrics.mean_dispatch_s, { mean: 0, ci95: [0, 0], median: 0, p5: 0, p95: 0 });
    const { page, errors } = await open(batchHtml(r), 'batch-vary-ticks');
    expect(errors).toEqual([]);
    const axes = await page.locator('figure.chart').evaluateAll((figs) => figs.map((f) => {
      const texts = [...f.querySelectorAll('svg text')];
      const at = (attr: string, v: string) => texts.filter((t) => t.getAttribute(attr) === v).map((t) => t.textContent ?? '');
      return { title: f.querySelector('figcaption')?.textContent ?? '', y: at('x', '38'), x: at('y', '166') };
    }));
    expect(axes.length).toBeGreaterThan(10);
    for (const a of axes) {
      expect(new Set(a.y).size, `${a.title}: ${a.y.join(' | ')}`).toBe(a.y.length);
      expect(new Set(a.x).size, `${a.title}: ${a.x.join(' | ')}`).toBe(a.x.length);
    }
    const y = (title: string) => axes.find((a) => a.title === title)!.y;
    expect(y('mean dispatch: mean')).toEqual(['0', '15 s', '30 s', '45 s', '60 s']);
    for (const title of ['mean first on scene: mean', 'mean first on scene']) {
      const ticks = title.endsWith('mean') ? y(title) : axes.find((a) => a.title === title)!.x;
      expect(ticks.length, title).toBeGreaterThanOrEqual(3);
      // one unit along the axis: "1 h, 2 h, 3 h", not "0 s, 83 min, 2.8 h"
      expect(new Set(ticks.filter((t) => t !== '0').map((t) => t.replace(/^[\d.]+ /, ''))).size, `${title}: ${ticks.join(' | ')}`).toBe(1);
    }
    await page.locator('figure.chart', { hasText: 'mean dispatch: mean' }).screenshot({ path: join(ARTIFACTS, 'batch-vary-dispatch-zero.png') });
  });

  it('in Vietnamese, the longer labels stay inside their charts and apart: axis ticks, axis titles, shares in the rating bars', async () => {
    const ksn = loadNamed('ky-son-flash-flood');
    const spec = { key: 'doctrine.request_support_after', labels: ['15m', '1h', '2h'], values: ['15m', '1h', '2h'] };
    const v = varyScenario(ksn, spec);
    if (!v.ok) throw new Error(v.messages.join('\n'));
    for (const [name, r] of [['batch-vi', batch([ksn], 60, null)], ['batch-vary-vi', batch(v.scenarios, 12, { key: spec.key, values: spec.labels })], ['batch-cua-lo-vi', batch([loadNamed('cua-lo-high-rise-fire')], 40, null)]] as const) {
      const { page, requests, errors } = await open(batchHtml(r, 'vi'), name);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      const look = await page.evaluate(() => {
        const problems: string[] = [];
        for (const fig of document.querySelectorAll('figure.chart')) {
          const svg = fig.querySelector('svg');
          if (!svg) continue;
          const box = svg.getBoundingClientRect();
          const caption = fig.querySelector('figcaption')?.textContent ?? '';
          // the labels under the axis (ticks, then the axis title) and beside it (counts)
          const texts = [...svg.querySelectorAll('text')].filter((t) => !t.classList.contains('tlabel'));
          for (const t of texts) {
            const b = t.getBoundingClientRect();
            if (b.left < box.left - 0.5 || b.right > box.right + 0.5) problems.push(`${caption}: '${t.textContent}' runs off the chart`);
          }
          const ticks = texts.filter((t) => t.getAttribute('y') === '166').map((t) => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
          ticks.forEach((b, i) => { if (i > 0 && ticks[i - 1].right > b.left) problems.push(`${caption}: axis labels overlap`); });
          if (fig.getBoundingClientRect().width > box.width + 40) problems.push(`${caption}: the figure is wider than its chart`);
        }
        for (const t of document.querySelectorAll('svg text.inbar')) {
          const rect = t.previousElementSibling as SVGRectElement, tb = (t as SVGTextElement).getBBox();
          const x = Number(rect.getAttribute('x')), w = Number(rect.getAttribute('width'));
          if (tb.x < x || tb.x + tb.width > x + w) problems.push(`rating bar: '${t.textContent}' runs out of its segment`);
        }
        for (const el of document.querySelectorAll('table.obj .p, table.obj .ci')) {
          if (new Set([...el.getClientRects()].map((c) => Math.round(c.top))).size !== 1) problems.push(`'${el.textContent}' is cut over two lines`);
        }
        return { problems, inbar: [...document.querySelectorAll('svg text.inbar')].map((t) => t.textContent ?? '') };
      });
      expect(look.problems, name).toEqual([]);
      for (const t of look.inbar) expect(t).toMatch(/^(?:[PSMU]|KĐG)(?: \d+(?:,\d)?%)?$/);
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    }
  });

  it("keeps a threshold's label inside its chart when the threshold lies at the right end of the histogram", async () => {
    // a deadline every run met at the last minute (a rumour answered within 30 min at most): the dashed line is at
    // the right edge, and its label, centred on it, ran out of the chart ("<= 30 r")
    const r = batch([loadNamed('ky-son-flash-flood')], 40, null);
    const values = (id: string) => r.results.map((x) => x.objectives[id]?.value).filter((v): v is number => typeof v === 'number');
    // support's threshold at its latest request (a long label, T+08:03:25), first-on-scene's at its slowest unit
    const edited = { ...r, objectives: r.objectives.map((o) => (['support', 'first-on-scene'].includes(o.id) ? { ...o, threshold: Math.max(...values(o.id)) } : o)) };
    const { page } = await open(batchHtml(edited), 'batch-threshold-ends');
    const out = await page.evaluate(() => [...document.querySelectorAll('svg text.tlabel')].flatMap((t) => {
      const box = t.closest('svg')!.getBoundingClientRect(), b = t.getBoundingClientRect();
      return b.left < box.left - 0.5 || b.right > box.right + 0.5 ? [`'${t.textContent}' runs off its chart`] : [];
    }));
    expect(await page.locator('svg text.tlabel').count()).toBeGreaterThanOrEqual(2);
    expect(out).toEqual([]);
  });

  it('keeps each figure of the metrics table on one line in an 800-px window (a number never apart from its unit)', async () => {
    // on a narrow screen 'mean dispatch' read "54 / min" and "127 / min" over two lines each
    const r = batch([loadNamed('ky-son-flash-flood')], 40, null);
    for (const lang of ['en', 'vi'] as const) {
      const { page } = await open(batchHtml(r, lang), `batch-narrow-${lang}`);
      await page.setViewportSize({ width: 800, height: 720 });
      const split = await page.evaluate(() => [...document.querySelectorAll('table.stats td')].flatMap((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const tops = new Set([...range.getClientRects()].map((b) => Math.round(b.top)));
        return tops.size > 1 ? [td.textContent] : [];
      }));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.locator('table.stats').last().screenshot({ path: join(ARTIFACTS, `batch-html-narrow-${lang}.png`) });
      expect(split, lang).toEqual([]);
      expect(wide, lang).toBeLessThanOrEqual(800);
      await page.close();
    }
  });

  it('fits a sweep of six values in a 1280-px window: every unit column in sight, each unit id on one line', async () => {
    // the units table drew a 200-px bar per value: six values ran to 1,400 px, the last column cut off at the
    // window's edge (the whole page scrolled sideways), and ids broke over three lines ('nc- / border- / post')
    const ksn = loadNamed('ky-son-flash-flood');
    const spec = parseVarySpec('unit.pc07-rescue.copies=0,1,2,3,4,5');
    if (typeof spec === 'string') throw new Error(spec);
    const v = varyScenario(ksn, spec);
    if (!v.ok) throw new Error(v.messages.join('\n'));
    const r = batch(v.scenarios, 6, { key: spec.key, values: spec.labels });
    for (const lang of ['en', 'vi'] as const) {
      const { page } = await open(batchHtml(r, lang), `batch-sweep-units-${lang}`);
      await page.setViewportSize({ width: 1280, height: 900 });
      const look = await page.evaluate(() => {
        const table = document.querySelector('table.units')!;
        return {
          page: document.documentElement.scrollWidth,
          right: Math.round(table.getBoundingClientRect().right),
          columns: table.querySelectorAll('thead th').length,
          broken: [...table.querySelectorAll('tbody th')].flatMap((th) => {
            const range = document.createRange();
            range.selectNodeContents(th);
            return new Set([...range.getClientRects()].map((b) => Math.round(b.top))).size > 1 ? [th.textContent] : [];
          }),
        };
      });
      await page.locator('table.units').screenshot({ path: join(ARTIFACTS, `batch-sweep-units-${lang}.png`) });
      expect(look.columns, lang).toBe(7);
      expect(look.page, lang).toBeLessThanOrEqual(1280);
      expect(look.right, lang).toBeLessThanOrEqual(1280);
      expect(look.broken, lang).toEqual([]);
      // narrower still, the wide tables scroll in their own box: the page itself, its headings and notes, does not
      await page.setViewportSize({ width: 900, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), lang).toBeLessThanOrEqual(900);
      await page.close();
    }
  });

  it('shows texts from the scenario as text, never as markup', async () => {
    const ksn = loadNamed('minimal');
    const evil = { ...ksn, title: '<img src=x onerror="document.title=\'pwned\'"> & "quotes"', objectives: ksn.objectives.map((o) => ({ ...o, text: '</td><script>document.title="pwned"</script>' })) } as Scenario;
    const { page, requests } = await open(batchHtml(batch([evil], 5, null)), 'batch-escape');
    expect(requests).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('h1').textContent()).toBe(evil.title);
    expect(await page.locator('.otext').first().textContent()).toBe('</td><script>document.title="pwned"</script>');
  });
});
