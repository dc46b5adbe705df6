/**
 * The header's run lists. Closed, a select shows its chosen option's text in
 * a box some 27ch wide: each run reads as its number and file name (a long
 * name with its middle left out, its end kept), all of it (file, scenario
 * title, seed) in the tooltip; the Vietnamese scenario titles had cut the
 * text to "#0 ky-son.json: L". And before any run is open, the run lists, the
 * layout, Copy link and the timeline's controls are disabled, the run list saying that no run is open.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, launch, openViewer, serve, type Served } from './browser.js';

const dir = tempDir('drillsim-viewer-run-select-');
/** a Vietnamese file name longer than the box, and an English one that fits */
const LONG = 'lũ-quét-kỳ-sơn-đêm-hạt-giống-7-sơ-tán-muộn.json';
const SHORT = 'ky-son-seed-7.json';
const files = [join(dir, LONG), join(dir, SHORT)];
let browser: Browser;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', files[1], '--quiet']).code).toBe(0);
  copyFileSync(files[1], files[0]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** A closed select: the text it shows, its tooltip, and whether that text fits the box (measured in the select's own font, less its padding and arrow). */
function closed(page: Page, id: string) {
  return page.evaluate((id) => {
    const s = document.getElementById(id) as HTMLSelectElement;
    const text = s.selectedOptions[0]?.textContent ?? '';
    const probe = document.createElement('span');
    const cs = getComputedStyle(s);
    probe.style.font = cs.font;
    probe.style.whiteSpace = 'pre';
    probe.style.position = 'absolute';
    probe.textContent = text;
    document.body.append(probe);
    const textWidth = probe.getBoundingClientRect().width;
    probe.remove();
    // Chromium's arrow takes some 20 px at the right of the box
    const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
    return { text, title: s.title, fits: textWidth <= room, textWidth, room, disabled: s.disabled };
  }, id);
}

describe('the run lists with a run open', () => {
  let server: Served;
  beforeAll(async () => { server = await serve(files); });
  afterAll(async () => { await server?.stop(); });

  for (const lang of ['vi', 'en'] as const) {
    it(`show the chosen runs' names whole in the closed box, the rest in the tooltip (${lang}, comparing)`, async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await openViewer(page, `${server.url}#run=0&cmp=1&lang=${lang}`);
      await page.waitForFunction(() => document.body.classList.contains('comparing'));
      const title = lang === 'vi' ? 'Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn)' : 'Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)';
      const a = await closed(page, 'run-select'), b = await closed(page, 'compare-select');
      await page.screenshot({ path: join(ARTIFACTS, `viewer-run-select-${lang}.png`), clip: { x: 0, y: 0, width: 1440, height: 60 } });
      // the long name: its start and its end, the middle left out; the short one whole
      expect(a.text).toMatch(/^#0 lũ-quét-kỳ.*….*muộn\.json$/);
      expect(b.text).toBe(`#1 ${SHORT}`);
      for (const s of [a, b]) expect(s.fits, `${s.text}: ${s.textWidth} px in ${s.room} px`).toBe(true);
      // all of it in the tooltip: file, scenario title in the page's language, seed
      expect(a.title).toBe(`#0 ${LONG}: ${title} (seed 7)`);
      expect(b.title).toBe(`#1 ${SHORT}: ${title} (seed 7)`);
      // each option of the open list says it too
      expect(await page.locator('#compare-select option[value="0"]').getAttribute('title')).toBe(a.title);
      await page.close();
    });
  }
});

describe('a shared link the server cannot follow', () => {
  let server: Served;
  beforeAll(async () => { server = await serve(files); });
  afterAll(async () => { await server?.stop(); });

  it('says which run it named and which is shown instead, and a time that is no time, in both languages', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openViewer(page, `${server.url}#run=9&t=abc`);
    const lines = page.locator('#error .error-line[data-kind="badLink"]');
    await page.waitForFunction(() => document.querySelectorAll('#error .error-line[data-kind="badLink"]').length === 2);
    expect(await lines.nth(0).textContent()).toBe(`Link: the link names run #9, but drill view serves runs #0 to #${files.length - 1}: showing ${LONG}×`);
    expect(await lines.nth(1).textContent()).toBe("Link: the link's time 'abc' is no time of the run: showing T+00:00 (write t=T+03:00, t=3h or t=10800 (seconds))×");
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await lines.nth(0).textContent()).toMatch(/^Đường dẫn: đường dẫn ghi lượt chạy #9, nhưng drill view chỉ phục vụ các lượt #0 đến #\d+: đang hiển thị /);
    // a link it can follow says nothing
    const good = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openViewer(good, `${server.url}#run=1&t=T+01:00`);
    await good.evaluate(() => (window as any).drillViewer.settled());
    expect(await good.locator('#error .error-line').count()).toBe(0);
    await page.close();
    await good.close();
  });
});

describe('the viewer with no run open', () => {
  let server: Served;
  beforeAll(async () => { server = await serve([]); });
  afterAll(async () => { await server?.stop(); });

  it('disables the run lists, the layout, Copy link and the timeline\'s controls until a run is opened, then enables them', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openViewer(page, `${server.url}#lang=vi`);
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    const state = () => page.evaluate(() => ['run-select', 'compare-select', 'compare-layout', 'copy-link', 'play', 'prev-event', 'next-event', 'speed'].map((id) => (document.getElementById(id) as HTMLSelectElement | HTMLButtonElement).disabled));
    const slider = () => page.evaluate(() => document.getElementById('timeline-slider')!.getAttribute('aria-disabled'));
    expect(await state()).toEqual([true, true, true, true, true, true, true, true]);
    expect(await slider()).toBe('true');
    expect((await closed(page, 'run-select')).text).toBe('(chưa mở lượt chạy)');
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-run-select-empty-vi.png'), clip: { x: 0, y: 0, width: 1440, height: 60 } });
    // in English too
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect((await closed(page, 'run-select')).text).toBe('(no run open)');
    expect(await state()).toEqual([true, true, true, true, true, true, true, true]);
    // a run picked in the page: every control is live but Copy link (no link can open a file opened in the page:
    // copy-link.test.ts), the run list naming it
    await page.locator('#file-input').setInputFiles(files[1]);
    await page.waitForFunction(() => !(document.getElementById('run-select') as HTMLSelectElement).disabled);
    expect(await state()).toEqual([false, false, false, true, false, false, false, false]);
    expect(await slider()).toBe('false');
    expect((await closed(page, 'run-select')).text).toBe(SHORT);
    await expect(page.locator('#run-select option').count()).resolves.toBe(1);
    await page.close();
  });
});
