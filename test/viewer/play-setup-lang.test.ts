/**
 * The play page's setup says its problem (no role ticked, a seed that is no number) in the language of the
 * session chosen, also when that is chosen after the problem was said: switched to English, the page read
 * English with "Hãy chọn ít nhất một vai, hoặc ban đạo diễn." left under it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAndServer, type BrowserAndServer, type Served } from './browser.js';

let browser: Browser;
let server: Served;
let started: BrowserAndServer;

beforeAll(async () => {
  ({ browser, server } = started = await browserAndServer([], ['--play', 'scenarios/ky-son-flash-flood.yaml']));
});

afterAll(async () => {
  await started?.close();
});

describe('the setup\'s problem', () => {
  it('is said again in the language chosen after it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}play.html#lang=vi`);
    await page.waitForSelector('#setup:not([hidden])');
    const problem = () => page.locator('#setup-error').innerText();
    await page.click('#start');
    expect(await problem()).toBe('Hãy chọn ít nhất một vai, hoặc ban đạo diễn.');
    await page.check('input[name=lang][value=en]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await problem()).toBe('Choose at least one role, or the controller.');
    // a seed that is no number, and back to Vietnamese
    await page.check('#role-list input[value=mx-chair]');
    await page.fill('#seed', '12a');
    await page.click('#start');
    expect(await problem()).toBe("The seed must be a whole number from 0 to 9007199254740991, not '12a'.");
    await page.check('input[name=lang][value=vi]');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await problem()).toBe("Seed phải là số nguyên từ 0 đến 9007199254740991, không phải '12a'.");
    await page.close();
  });
});
