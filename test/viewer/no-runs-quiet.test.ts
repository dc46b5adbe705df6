/**
 * The viewer served with no run (`drill view` alone, or `drill view --play S`, whose play page hands its
 * session's log to this page) asks for no run that is not there. Its early request for the first run, made
 * before the list of runs is in, went out on every server and came back 404: an error in the browser's
 * console each time a trainee's log was opened in the replay viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAndServer, openViewer, type BrowserAndServer, type Served } from './browser.js';

let browser: Browser;
let server: Served;
let started: BrowserAndServer;

beforeAll(async () => {
  ({ browser, server } = started = await browserAndServer([], ['--play', 'scenarios/minimal.yaml']));
});

afterAll(async () => {
  await started?.close();
});

describe('the viewer served with no run', () => {
  it('asks for no run log and logs no error', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const failed: string[] = [];
    const asked: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') failed.push(m.text()); });
    page.on('pageerror', (e) => failed.push(e.message));
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    page.on('request', (r) => { if (/\/runs\//.test(r.url())) asked.push(new URL(r.url()).pathname); });
    await openViewer(page, `${server.url}index.html#lang=en`);
    // the list says there is none: the page offers its file picker
    await page.waitForFunction(() => !(document.getElementById('empty') as HTMLElement).hidden);
    await page.waitForTimeout(300);
    expect(asked).toEqual(['/runs/index.json']);
    expect(failed).toEqual([]);
    await page.close();
  });
});
