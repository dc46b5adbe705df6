/**
 * Copy link with a run opened in the page (Open run logs…, or handed over by
 * the play page). The address names runs by their number on `drill view`, and
 * a file opened in the page has none: the link copied read `#t=3600` (or
 * `#cmp=1&t=3600`) and opened the first served run there instead, with no word
 * said, so a colleague reviewed another run. The button is disabled then, its
 * tooltip saying why, and works again once the runs shown are served ones.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-copy-link-');
const served = join(dir, 'served.json');
const picked = join(dir, 'picked.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', served, '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/minimal.yaml', '--seed', '7', '--out', picked, '--quiet']).code).toBe(0);
  session = await viewerSession([served], undefined, '#run=0&lang=en');
});

afterAll(async () => {
  await session?.close();
});

const button = () => session.page.evaluate(() => {
  const b = document.getElementById('copy-link') as HTMLButtonElement;
  return { disabled: b.disabled, title: b.title };
});

describe('Copy link with a run opened in the page', () => {
  it('is disabled, saying why, while that run is shown or compared; enabled again for served runs only', async () => {
    const { page } = session;
    expect(await button()).toEqual({ disabled: false, title: 'Copy link to this moment' });
    await page.setInputFiles('#file-input', picked);
    await page.waitForFunction(() => (window as any).drillViewer.app.a?.data.name === 'picked.json');
    const shown = await button();
    expect(shown.disabled).toBe(true);
    expect(shown.title).toMatch(/^No link to copy: picked\.json was opened in this page/);
    // in Vietnamese too
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect((await button()).title).toMatch(/^Không có liên kết để chép: picked\.json được mở ngay trong trang này/);
    await page.keyboard.press('l');
    // the served run shown, the picked one compared: the link would drop the comparison
    const ids = await page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#run-select option')].map((o) => [o.value, o.textContent]));
    const servedValue = ids.find(([, text]) => text === '#0 served.json')![0]!;
    const pickedValue = ids.find(([, text]) => text === 'picked.json')![0]!;
    await page.selectOption('#run-select', servedValue);
    await page.selectOption('#compare-select', pickedValue);
    expect((await button()).disabled).toBe(true);
    await page.selectOption('#compare-select', '');
    expect(await button()).toEqual({ disabled: false, title: 'Copy link to this moment' });
  });
});
