/**
 * The viewer on a small laptop (1280 x 720), where a reviewer in a commune
 * office often has it: the header keeps to one row and every panel's tab is
 * read whole, in English and in Vietnamese, alone and comparing two runs.
 * In Vietnamese the header had wrapped its Keys button to a second row (the
 * map lost 32 px) and the last tab read "Bảng trạng t", cut by the panel.
 * Run logs named as planners name them (long) wrapped it again at 1280 and
 * at 1366 x 768 when comparing: the run lists now give up room first.
 * In an 800-px window the tabs take a second row rather than cut the last one.
 * And, on the same run, a message never delivered reads apart from its channel.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, browserAndServer, openViewer, toFront, type BrowserAndServer, type Served } from './browser.js';

const dir = tempDir('drillsim-viewer-laptop-');
const files = [join(dir, 'seed7.json'), join(dir, 'early7.json'), join(dir, 'ky-son-flash-flood-doctrine-seed-7.json'), join(dir, 'ky-son-flash-flood-evacuate-early-seed-7.json')];
let browser: Browser;
let server: Served;
let started: BrowserAndServer;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', files[0], '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', 'scenarios/decisions/ky-son-evacuate-early.yaml', '--out', files[1], '--quiet']).code).toBe(0);
  copyFileSync(files[0], files[2]);
  copyFileSync(files[1], files[3]);
  ({ browser, server } = started = await browserAndServer(files));
});

afterAll(async () => {
  await started?.close();
});

/**
 * The viewer opened at 1280 x 720 in this language, as a link opens it. A page is kept for the tests after that
 * want the same (the message test at the end reads the pages not comparing; the legend test at 1280 x 720 opens the
 * Vietnamese one comparing), rather than opened again; the test that uses it last closes it.
 */
async function open(lang: 'en' | 'vi', comparing: boolean): Promise<Page> {
  const key = `${lang}${comparing ? ' comparing' : ''}`;
  let page = kept.get(key);
  if (page === undefined) {
    page = (async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await openViewer(page, `${server.url}#run=0&lang=${lang}${comparing ? '&cmp=1' : ''}`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      return page;
    })();
    kept.set(key, page);
  }
  return toFront(await page);
}

const kept = new Map<string, Promise<Page>>();

async function look(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.bar') as HTMLElement;
    const kids = [...header.children].filter((el) => getComputedStyle(el).position !== 'absolute' && (el as HTMLElement).offsetWidth > 0)
      .map((el) => { const r = el.getBoundingClientRect(); return { id: el.id || el.className, top: r.top, bottom: r.bottom }; });
    const list = document.querySelector('#tabs') as HTMLElement;
    const box = list.getBoundingClientRect();
    const tabs = [...list.querySelectorAll('[role=tab]')].map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, left: r.left, right: r.right }; });
    return { kids, tabs, box: { left: box.left, right: box.right } };
  });
}

for (const lang of ['en', 'vi'] as const) {
  for (const comparing of [false, true]) {
    describe(`the viewer at 1280 x 720 (${lang}${comparing ? ', comparing' : ''})`, () => {
      it('keeps the header on one row and shows every panel\'s tab whole', async () => {
        const page = await open(lang, comparing);
        if (comparing) await page.waitForFunction(() => document.body.classList.contains('comparing'));
        const { kids, tabs, box } = await look(page);
        await page.screenshot({ path: join(ARTIFACTS, `viewer-laptop-${lang}${comparing ? '-comparing' : ''}.png`) });
        expect(Math.max(...kids.map((k) => k.top)), JSON.stringify(kids)).toBeLessThan(Math.min(...kids.map((k) => k.bottom)));
        expect(tabs).toHaveLength(5);
        for (const t of tabs) {
          expect(t.left, t.text!).toBeGreaterThanOrEqual(box.left);
          expect(t.right, t.text!).toBeLessThanOrEqual(box.right);
        }
        // (the legend test reads the Vietnamese page comparing)
        if (comparing && lang === 'en') await page.close();
      });
    });
  }
}

describe('the viewer in a narrow window (800 x 720, Vietnamese)', () => {
  it('shows every panel\'s tab whole, on a second row if need be', async () => {
    // the tabs were scrolled sideways: "Bảng trạng thái" read "Bảng tr", its scrollbar unseen, and key 5 selected it out of sight
    const page = await browser.newPage({ viewport: { width: 800, height: 720 } });
    await openViewer(page, `${server.url}#run=0&lang=vi`);
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    await page.keyboard.press('5');
    const { tabs, box } = await page.evaluate(() => {
      const list = document.querySelector('#tabs') as HTMLElement;
      const b = list.getBoundingClientRect();
      const tabs = [...list.querySelectorAll('[role=tab]')].map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, left: r.left, right: r.right, bottom: r.bottom }; });
      return { tabs, box: { left: b.left, right: b.right, bottom: b.bottom } };
    });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-narrow-vi.png') });
    expect(tabs).toHaveLength(5);
    for (const t of tabs) {
      expect(t.left, t.text!).toBeGreaterThanOrEqual(box.left);
      expect(t.right, t.text!).toBeLessThanOrEqual(box.right);
      expect(t.bottom, t.text!).toBeLessThanOrEqual(box.bottom + 0.5);
    }
    await page.close();
  });
});

describe('the header with long run file names, comparing, in Vietnamese', () => {
  for (const [width, height] of [[1280, 720], [1366, 768]]) {
    it(`keeps to one row at ${width} x ${height}, every control inside the bar and the run lists still readable`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      await openViewer(page, `${server.url}#run=2&cmp=3&lang=vi`);
      await page.waitForFunction(() => document.documentElement.lang === 'vi' && document.body.classList.contains('comparing'));
      const { kids, bar } = await page.evaluate(() => {
        const header = document.querySelector('header.bar') as HTMLElement;
        const kids = [...header.children].filter((el) => getComputedStyle(el).position !== 'absolute' && (el as HTMLElement).offsetWidth > 0)
          .map((el) => { const r = el.getBoundingClientRect(); return { id: el.id || el.className, top: r.top, bottom: r.bottom, right: r.right }; });
        return { kids, bar: header.getBoundingClientRect().right };
      });
      await page.screenshot({ path: join(ARTIFACTS, `viewer-laptop-long-names-${width}.png`), clip: { x: 0, y: 0, width, height: 90 } });
      expect(Math.max(...kids.map((k) => k.top)), JSON.stringify(kids)).toBeLessThan(Math.min(...kids.map((k) => k.bottom)));
      expect(bar).toBeLessThanOrEqual(width);
      for (const k of kids) expect(k.right, k.id).toBeLessThanOrEqual(bar);
      // the run lists give up room, but not all of it: the run's number and the start of its name stay
      for (const id of ['#run-select', '#compare-select']) expect((await page.locator(id).boundingBox())!.width, id).toBeGreaterThanOrEqual(100);
      await page.close();
    });
  }
});

describe('a message never delivered in the run', () => {
  it('says so apart from its channel, in both languages', async () => {
    // "#3 not delivered phone · contingency" ran the two together ("#3 chưa phát điện thoại" in Vietnamese)
    for (const [lang, head] of [['en', '#3 not delivered · phone · contingency'], ['vi', '#3 không được chuyển · điện thoại · tình huống dự phòng']] as const) {
      // a page of its own for each language, as a link opens it (the second address typed into the first page's
      // bar could race the page's own rewriting of its address, which still said the first language)
      const page = await open(lang, false);
      // at the run's end: before #3 was dropped (T+01:30) it reads 'not yet'
      await page.evaluate(() => (window as any).drillViewer.paintedSeek((window as any).drillViewer.app.a.data.end));
      await expect(page.locator('li.msg[data-inject="no-move-yet"] .msg-head').textContent()).resolves.toBe(head);
      await page.close();
    }
  });
});

describe('the legend of a side-by-side pane', () => {
  // Opened in pane A when comparing, the two-column legend (560 px, 700 in Vietnamese) was wider than the pane and
  // grew leftwards past the window's edge: at 1440 x 900 its first 81 px were cut off, at 1024 x 700 229 px (the
  // severities' and the units' symbols and half their words). It keeps within its pane now, and scrolls.
  for (const [width, height, lang] of [[1024, 700, 'en'], [1280, 720, 'vi'], [1440, 900, 'en']] as const) {
    it(`stays inside its pane, every row whole, at ${width} x ${height} (${lang})`, async () => {
      // at 1280 x 720 in Vietnamese, the page the header test opened (the same address, never clicked on)
      let page: Page;
      if (width === 1280 && height === 720 && lang === 'vi') page = await open('vi', true);
      else {
        page = await browser.newPage({ viewport: { width, height } });
        await openViewer(page, `${server.url}#run=0&cmp=1&lang=${lang}`);
      }
      await page.waitForFunction((l) => document.documentElement.lang === l && document.body.classList.contains('comparing'), lang);
      await page.locator('details.legend summary').first().click();
      const { box, pane, rows } = await page.evaluate(() => {
        const legend = document.querySelector('details.legend[open]') as HTMLElement;
        const r = legend.getBoundingClientRect(), p = legend.parentElement!.getBoundingClientRect();
        // each row read where it lies in the box's scrolled content: none reaches past the box's sides
        const rows = [...legend.querySelectorAll('li')].filter((li) => li.offsetWidth > 0)
          .map((li) => { const b = li.getBoundingClientRect(); return { text: li.textContent, left: b.left, right: b.right, scroll: li.scrollWidth - li.clientWidth }; });
        return { box: { left: r.left, right: r.right, width: legend.clientWidth, scroll: legend.scrollWidth }, pane: { left: p.left, right: p.right }, rows };
      });
      await page.screenshot({ path: join(ARTIFACTS, `viewer-legend-compare-${width}-${lang}.png`) });
      expect(box.left).toBeGreaterThanOrEqual(Math.max(0, pane.left));
      expect(box.right).toBeLessThanOrEqual(pane.right);
      expect(box.scroll, 'no sideways scrolling').toBeLessThanOrEqual(box.width);
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows) {
        expect(row.left, row.text!).toBeGreaterThanOrEqual(box.left);
        expect(row.right, row.text!).toBeLessThanOrEqual(box.right);
        expect(row.scroll, row.text!).toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  }
});
