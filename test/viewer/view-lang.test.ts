/**
 * `drill view --lang vi` said its own lines in Vietnamese, but the pages it served opened in their own language
 * (English in a fresh English browser): a Vietnamese planner who typed --lang vi got an English viewer and an
 * English play page. The addresses it prints now carry the language (#lang=vi), which both pages read first;
 * their own language switch still works (and the address then says the language chosen), and the viewer's
 * share link keeps the language. Headless Chromium has an English navigator.language and a fresh profile, so
 * the Vietnamese comes from the address alone. Screenshots: test/artifacts/view-lang-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, browserAndServer, openViewer, type BrowserAndServer, type Served } from './browser.js';

let browser: Browser;
let server: Served;
let started: BrowserAndServer;
let viewerUrl: string, playUrl: string;

beforeAll(async () => {
  const log = join(tempDir('drillsim-view-lang-'), 'run.json');
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
  ({ browser, server } = started = await browserAndServer([log], ['--play', 'scenarios/minimal.yaml', '--lang', 'vi']));
  // the addresses as the user reads them in the terminal
  const out = server.stdout();
  playUrl = /hãy mở (\S+) trong trình duyệt để chơi/.exec(out)![1];
  viewerUrl = /trang xem lại: (\S+)/.exec(out)![1];
}, 60_000);

afterAll(async () => {
  await started?.close();
});

/** A page in a fresh browser context (nothing saved), English by the browser's own language. */
async function fresh(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  return context.newPage();
}

describe('drill view --lang vi: the pages open in Vietnamese', () => {
  it('prints addresses that ask for Vietnamese', () => {
    expect(playUrl).toBe(`${server.url}play.html#lang=vi`);
    expect(viewerUrl).toBe(`${server.url}#lang=vi`);
  });

  it('the replay viewer at the printed address is in Vietnamese; its share link keeps it; its switch still works', async () => {
    const page = await fresh();
    await openViewer(page, viewerUrl);
    await page.waitForFunction(() => (window as any).drillViewer.app.a !== null);
    await page.screenshot({ path: join(ARTIFACTS, 'view-lang-viewer-vi.png') });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expect(page.locator('#tab-messages').textContent()).resolves.toBe('Tình huống');
    await expect(page.locator('#lang').textContent()).resolves.toBe('EN');
    // the address it rewrites (what Copy link copies) still asks for Vietnamese
    await page.waitForFunction(() => /[#&]run=0\b/.test(location.hash));
    const shared = page.url();
    expect(new URL(shared).hash).toMatch(/[#&]lang=vi\b/);
    // the page's own switch: English, and the address no longer asks for Vietnamese; a reload stays English
    await page.locator('#lang').click();
    await expect(page.locator('#tab-messages').textContent()).resolves.toBe('Messages');
    await page.waitForFunction(() => !/lang=vi/.test(location.hash));
    await page.reload();
    await page.waitForFunction(() => (window as any).drillViewer?.ready);
    await page.waitForFunction(() => (window as any).drillViewer.app.a !== null);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
    // the shared link, opened by a colleague with nothing saved: Vietnamese
    const colleague = await fresh();
    await openViewer(colleague, shared);
    await colleague.waitForFunction(() => (window as any).drillViewer.app.a !== null);
    await expect(colleague.locator('#tab-messages').textContent()).resolves.toBe('Tình huống');
    await colleague.context().close();
  });

  it('the English a link asks for stays in the address (and so on a reload and in Copy link) in a Vietnamese browser', async () => {
    // `drill view --lang en` prints #lang=en; the page rewrote its address without it (#run=0&t=0), so in a browser
    // whose own language is Vietnamese a reload, or the link Copy link copies, opened the viewer in Vietnamese
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await openViewer(page, `${server.url}#lang=en`);
    await page.waitForFunction(() => (window as any).drillViewer.app.a !== null);
    await page.waitForFunction(() => /[#&]run=0\b/.test(location.hash));
    expect(new URL(page.url()).hash).toMatch(/[#&]lang=en\b/);
    await page.reload();
    await page.waitForFunction(() => (window as any).drillViewer?.ready);
    await page.waitForFunction(() => (window as any).drillViewer.app.a !== null);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.locator('#tab-messages').textContent()).resolves.toBe('Messages');
    // switched to Vietnamese and back in the page: the address says English again
    await page.keyboard.press('l');
    await page.waitForFunction(() => /[#&]lang=vi\b/.test(location.hash));
    await page.keyboard.press('l');
    await page.waitForFunction(() => /[#&]lang=en\b/.test(location.hash));
    await context.close();
  });

  it('the play page at the printed address is in Vietnamese; its switch still works, and a reload keeps the choice', async () => {
    const page = await fresh();
    await page.goto(playUrl);
    await page.waitForFunction(() => (window as any).drillPlay?.ready);
    await page.evaluate(() => (window as any).drillPlay.ready);
    await page.locator('#role-list input[value="mx-commander"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'view-lang-play-vi.png') });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expect(page.locator('#start').textContent()).resolves.toBe('Bắt đầu phiên');
    expect(await page.locator('input[name=lang][value=vi]').isChecked()).toBe(true);
    // switched to English in the page: the address says so, and a reload does not bring the Vietnamese back
    await page.locator('input[name=lang][value=en]').check();
    await expect(page.locator('#start').textContent()).resolves.toBe('Start the session');
    expect(new URL(page.url()).hash).toBe('#lang=en');
    await page.reload();
    await page.waitForFunction(() => (window as any).drillPlay?.ready);
    await page.locator('#role-list input[value="mx-commander"]').waitFor();
    await expect(page.locator('#start').textContent()).resolves.toBe('Start the session');
    await page.context().close();
  });
});
