/**
 * The board's incident table heads its columns as words of their own, each with a capital as the others
 * ("Incident", "Kind", "Severity", "Phase", "At risk"): its last read "at risk" ("gặp nạn"), the metric's
 * mid-sentence words ("People: at risk").
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const file = join(tempDir('drillsim-viewer-board-heads-'), 'run.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file], undefined, '#run=0&t=T+05:00&lang=en');
});

afterAll(async () => {
  await session?.close();
});

describe('the board\'s column heads', () => {
  it('each open with a capital, in English and in Vietnamese', async () => {
    const { page } = session;
    await page.keyboard.press('5');
    const heads = () => page.locator('#panel-board table th').evaluateAll((ths) => ths.filter((th) => th.closest('thead')).map((th) => th.textContent!));
    const en = await heads();
    expect(en).toContain('At risk');
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    const vi = await heads();
    expect(vi).toContain('Gặp nạn');
    for (const h of [...en, ...vi]) expect(h, h).toMatch(/^\p{Lu}/u);
  });
});
