/**
 * The panels' tabs from the keyboard, as the page opens: the tab list is one
 * Tab stop (the chosen tab), ← → move between the tabs, as WAI-ARIA's tabs
 * pattern has it. On opening, all five tabs had been Tab stops until a tab
 * was chosen, after which only one was: a reviewer walking the page with Tab
 * met a different page the second time.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

let session: ViewerSession;

beforeAll(async () => {
  const file = join(tempDir('drillsim-viewer-tablist-'), 'ky-son.json');
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file]);
});

afterAll(async () => {
  await session?.close();
});

describe('the panels\' tab list on opening', () => {
  it('is one Tab stop, the chosen tab, and the arrows move along it', async () => {
    const page = session.page;
    const focused = () => page.evaluate(() => document.activeElement!.id || document.activeElement!.className);
    await page.locator('#help-button').focus();
    const stops: string[] = [];
    for (let k = 0; k < 4; k++) { await page.keyboard.press('Tab'); stops.push(await focused()); }
    expect(stops.filter((s) => s.startsWith('tab-'))).toEqual(['tab-messages']);
    // from the tab, the next Tab goes into the messages panel's list
    await page.locator('#tab-messages').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-decisions');
    expect(await page.locator('#panel-decisions').isVisible()).toBe(true);
  });
});
