/**
 * `drill view` started with no run log (the reviewer opens them in the page):
 * an address asking for Vietnamese (#lang=vi, as a colleague's link has it)
 * gets the page in Vietnamese, its empty-state text and its buttons. It had
 * stayed in English until a run was opened: the language in the address was
 * applied only with a run to show.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAndServer, openViewer, type BrowserAndServer, type Served } from './browser.js';

let browser: Browser;
let server: Served;
let started: BrowserAndServer;

beforeAll(async () => {
  ({ browser, server } = started = await browserAndServer([]));
});

afterAll(async () => {
  await started?.close();
});

describe('the viewer with no run log yet', () => {
  it('takes its language from the address', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openViewer(page, `${server.url}#lang=vi`);
    await page.waitForFunction(() => document.documentElement.lang === 'vi', undefined, { timeout: 5000 }).catch(() => {});
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-empty-vi.png') });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expect(page.locator('#empty').textContent()).resolves.toContain('Mở một nhật ký chạy');
    await expect(page.locator('#lang').textContent()).resolves.toBe('EN');
    await page.close();
  });
});
