/**
 * The file buttons, reached with Tab, show the focus ring themselves. Each is a label for a hidden file input
 * that takes the focus; the ring was drawn on the element after that input: in the viewer on **Copy link**
 * (Enter there opened the file picker, not a link), and on the play page on nothing at all.
 */
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { browserAndServer, openViewer, type BrowserAndServer, type Served } from './browser.js';

const file = join(tempDir('drillsim-viewer-file-focus-'), 'run.json');

let browser: Browser;
let server: Served;
let started: BrowserAndServer;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', file, '--quiet']).code).toBe(0);
  ({ browser, server } = started = await browserAndServer([file]));
});

afterAll(async () => {
  await started?.close();
});

/** Tab until the input has the focus; then the outline of each of these elements. */
async function ringsAt(page: Page, input: string, ids: string[]) {
  for (let i = 0; i < 20 && await page.evaluate(() => document.activeElement?.id) !== input; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(input);
  return page.evaluate((ids) => ids.map((id) => {
    const el = id.startsWith('for:') ? document.querySelector(`label[for=${id.slice(4)}]`)! : document.getElementById(id)!;
    return getComputedStyle(el).outlineStyle;
  }), ids);
}

describe('a file button reached from the keyboard', () => {
  it('in the viewer: Open run logs… shows the ring, Copy link does not', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // a run open, as a reviewer has it (with none, Copy link is disabled)
    await openViewer(page, `${server.url}#run=0&lang=en`);
    expect(await ringsAt(page, 'file-input', ['for:file-input', 'copy-link'])).toEqual(['solid', 'none']);
    await page.close();
  });

  it('on the play page: Open a scenario… shows the ring', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}play.html#lang=en`);
    await page.waitForSelector('#empty:not([hidden])');
    expect(await ringsAt(page, 'scenario-input', ['for:scenario-input'])).toEqual(['solid']);
    await page.close();
  });
});
