/**
 * What the play page says of a file picked goes when another file is picked: a scenario picked with "Resume a
 * saved session…" (not a run log, said under the seed) and then a broken scenario opened with "Open a scenario…"
 * showed the broken scenario's issues above the page with the first file's error still under the seed, two
 * files' words at once. Each new file clears the earlier one's message, whichever button picked either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { browserAndServer, type BrowserAndServer } from './browser.js';

const MINIMAL = join(ROOT, 'scenarios/minimal.yaml');
const BROKEN = join(ROOT, 'test/fixtures/broken.yaml');
let browser: Browser;
let started: BrowserAndServer;
const problems: string[] = [];

async function openPlay(lang: 'en' | 'vi'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await p.goto(`${started.server.url}play.html#lang=${lang}`);
  await p.waitForFunction(() => (window as any).drillPlay?.ready);
  await p.evaluate(() => (window as any).drillPlay.ready);
  await p.locator('#setup').waitFor();
  return p;
}

/** Pick a file with one of the page's buttons, as a trainee would (the file chooser its label opens). */
async function pick(p: Page, button: 'resume-input' | 'scenario-input', file: string): Promise<void> {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.locator(`label[for=${button}]`).click()]);
  await chooser.setFiles({ name: file.split('/').pop()!, mimeType: 'text/yaml', buffer: readFileSync(file) });
}

beforeAll(async () => {
  started = await browserAndServer([], ['--play', 'scenarios/ky-son-flash-flood.yaml']);
  browser = started.browser;
});

afterAll(async () => {
  await started?.close();
});

describe('the play page, a file picked after another', () => {
  it('a broken scenario opened after a resume that failed: its issues alone, the resume error gone (EN)', async () => {
    const p = await openPlay('en');
    await pick(p, 'resume-input', MINIMAL);
    const setupError = p.locator('#setup-error');
    await setupError.waitFor();
    await expect(setupError.textContent()).resolves.toMatch(/^minimal\.yaml: cannot resume: this is a scenario, not a run log/);
    await pick(p, 'scenario-input', BROKEN);
    const error = p.locator('#error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/^broken\.yaml is not a valid scenario \(4 errors\); fix it and open it again:\nbroken\.yaml:14:17: error\[thousands-separator\]/);
    expect(await setupError.isHidden()).toBe(true);
    // and a language switch does not bring it back
    await p.locator('input[name=lang][value=vi]').check();
    expect(await setupError.isHidden()).toBe(true);
    await p.close();
  });

  it('a resume that fails after a broken scenario: the scenario\'s issues go, the new error alone (VI)', async () => {
    const p = await openPlay('vi');
    await pick(p, 'scenario-input', BROKEN);
    const error = p.locator('#error');
    await error.waitFor();
    await pick(p, 'resume-input', MINIMAL);
    const setupError = p.locator('#setup-error');
    await setupError.waitFor();
    await expect(setupError.textContent()).resolves.toMatch(/^minimal\.yaml: không tiếp tục được: đây là một kịch bản, không phải nhật ký chạy/);
    expect(await error.isHidden()).toBe(true);
    await p.close();
  });

  it('a good scenario opened after a resume that failed: its setup, with no error under the seed', async () => {
    const p = await openPlay('en');
    await pick(p, 'resume-input', MINIMAL);
    const setupError = p.locator('#setup-error');
    await setupError.waitFor();
    await pick(p, 'scenario-input', MINIMAL);
    await p.waitForFunction(() => document.getElementById('setup-title')?.textContent === 'House collapse after heavy rain in Mường Xén');
    expect(await setupError.isHidden()).toBe(true);
    expect(await p.locator('#error').isHidden()).toBe(true);
    await p.close();
  });

  it('breaks none of the page\'s rules on the way (no script errors, no dialogs)', () => {
    expect(problems).toEqual([]);
  });
});
