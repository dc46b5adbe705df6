/**
 * The HTML report as a reader opens it: in headless Chromium it loads with
 * no network request at all, runs no script (the inject message holding
 * `<img onerror=alert(1)>` stays text), draws its charts, and prints to PDF.
 * Screenshots go to test/artifacts/ (report.png, report-figures.png).
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { buildAar } from '../../engine/review/aar.js';
import { renderReport } from '../../engine/review/report.js';
import { ARTIFACTS, launchChromium } from '../helpers/browser.js';
import { MARKUP } from '../helpers/scenarios.js';
import { kySon } from './ky-son-runs.js';

let browser: { context: BrowserContext; close: () => Promise<void> };
let html: string;

beforeAll(async () => {
  const r = kySon('late');
  html = renderReport(buildAar(r.log, r.scenario, r.events), 'html', 'vi');
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Open the report and record every request, dialog and console error it causes. */
async function open(how: 'content' | 'file') {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  if (how === 'content') await page.setContent(html, { waitUntil: 'load' });
  else {
    const file = join(ARTIFACTS, 'report.html');
    writeFileSync(file, html);
    await page.goto(`file://${file}`, { waitUntil: 'load' });
  }
  return { page, requests, dialogs, errors };
}

describe('HTML report in headless Chromium', () => {
  it('loads with no network request, no script run and no error', async () => {
    const { page, requests, dialogs, errors } = await open('content');
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.images.length)).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    await page.close();
  });

  it('opened from disk, it fetches nothing but itself; the screenshot is saved', async () => {
    const { page, requests, dialogs } = await open('file');
    expect(requests).toEqual([`file://${join(ARTIFACTS, 'report.html')}`]);
    expect(dialogs).toEqual([]);
    expect(await page.title()).toBe('Báo cáo sau diễn tập và kế hoạch khắc phục: Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn)');
    await page.screenshot({ path: join(ARTIFACTS, 'report.png') });
    expect(statSync(join(ARTIFACTS, 'report.png')).size).toBeGreaterThan(50_000);
    await page.close();
  });

  it('lines up the two columns of the contents: the second starts level with the first', async () => {
    const { page } = await open('content');
    await page.setViewportSize({ width: 1366, height: 768 });
    const tops = await page.evaluate(() => [...document.querySelectorAll('nav.toc li')].map((li) => ({ left: Math.round(li.getBoundingClientRect().left), top: Math.round(li.getBoundingClientRect().top) })));
    const firstOf = (left: number) => tops.find((t) => t.left === left)!.top;
    const lefts = [...new Set(tops.map((t) => t.left))];
    expect(lefts).toHaveLength(2);
    expect(firstOf(lefts[1])).toBe(firstOf(lefts[0]));
    await page.close();
  });

  it('shows the rumour message with its HTML as text', async () => {
    const { page } = await open('content');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(`người dân hoảng loạn chạy lên đồi ${MARKUP}`);
    await page.close();
  });

  it('draws the four charts with their lines and bars', async () => {
    const { page } = await open('content');
    const charts = await page.evaluate(() => [...document.querySelectorAll('figure svg')].map((s) => ({ paths: s.querySelectorAll('path').length, rects: s.querySelectorAll('rect').length, width: s.getBoundingClientRect().width })));
    expect(charts).toHaveLength(4);
    expect(charts[0].paths).toBe(2); // one line per evacuation zone
    expect(charts[1].paths).toBe(3); // one line per shelter
    expect(charts[2].rects).toBeGreaterThan(9); // incident bars
    expect(charts[3].rects).toBeGreaterThan(13); // unit state bars
    for (const c of charts) expect(c.width).toBeGreaterThan(600);
    await page.evaluate(() => window.scrollTo(0, document.querySelector('#figures')!.getBoundingClientRect().top + window.scrollY - 10));
    await page.screenshot({ path: join(ARTIFACTS, 'report-figures.png') });
    await page.close();
  });

  it('prints to a PDF of several A4 pages, with nothing cut off the page width', async () => {
    const { page } = await open('content');
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => [...document.querySelectorAll('table, figure')].filter((el) => el.scrollWidth > el.clientWidth + 1).length);
    expect(overflow).toBe(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(5);
    await page.close();
  });

  it('fits every table, the incidents\' ten columns in English included, in the printable width of an A4 page', async () => {
    const r = kySon('doctrine');
    const en = renderReport(buildAar(r.log, r.scenario, r.events), 'html', 'en');
    const page = await browser.context.newPage();
    await page.setContent(en, { waitUntil: 'load' });
    // 210 mm less the left and right margins of the report's own @page rule, in CSS px (96 to the inch)
    const mm = await page.evaluate(() => {
      const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules]).flatMap((r) => (r instanceof CSSMediaRule ? [...r.cssRules] : [r]));
      const pageRule = rules.find((r): r is CSSPageRule => r instanceof CSSPageRule)!;
      return [pageRule.style.marginLeft, pageRule.style.marginRight].map((m) => parseFloat(m));
    });
    expect(mm).toEqual([12, 12]);
    const printable = ((210 - mm[0] - mm[1]) * 96) / 25.4;
    await page.setViewportSize({ width: Math.floor(printable), height: 1200 });
    await page.emulateMedia({ media: 'print' });
    const tables = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) => {
      let h = t.previousElementSibling;
      while (h && !/^H\d$/.test(h.tagName)) h = h.previousElementSibling;
      return { heading: h?.textContent ?? '', width: t.getBoundingClientRect().width, overflow: t.scrollWidth - t.clientWidth };
    }));
    expect(tables.map((t) => t.heading)).toContain('Incidents');
    for (const t of tables) {
      expect(t.width, t.heading).toBeLessThanOrEqual(printable);
      expect(t.overflow, t.heading).toBeLessThanOrEqual(0);
    }
    await page.locator('h3:text-is("Incidents") ~ table').first().screenshot({ path: join(ARTIFACTS, 'report-incidents-print-en.png') });
    writeFileSync(join(ARTIFACTS, 'report-en.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
    await page.close();
  });
});
