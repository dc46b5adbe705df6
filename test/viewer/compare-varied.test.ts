/**
 * Two runs of a sweep replayed alone (`drill run --seed N --vary K=V`), laid over each other: the label where they
 * part said only "different scenarios". The run logs record what --vary changed, and the label names it per run; a
 * run's entry in the run list names it in its tooltip too.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-compare-varied-');
const files = [join(dir, 'support-15m.json'), join(dir, 'plain.json')];
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '229999288', '--vary', 'doctrine.request_support_after=15m', '--out', files[0], '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '229999288', '--out', files[1], '--quiet']).code).toBe(0);
  session = await viewerSession(files, undefined, '#run=0&cmp=1');
});

afterAll(async () => {
  await session?.close();
});

describe('comparing runs played with and without --vary', () => {
  it('names what each run was played with where they part, and in the run list', async () => {
    const { page } = session;
    await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 1 && document.body.classList.contains('comparing'));
    await page.waitForFunction(() => document.querySelector('#divergence-label')?.getAttribute('data-t') !== null);
    const label = await page.locator('#divergence-label').textContent();
    expect(label).toContain('(different scenarios: A --vary doctrine.request_support_after=15m, B no --vary)');
    const titles = await page.evaluate(() => [...document.querySelectorAll('option[title]')].map((o) => o.getAttribute('title')));
    expect(titles.some((t) => t?.includes('support-15m.json') && t.includes('--vary doctrine.request_support_after=15m'))).toBe(true);
    expect(titles.some((t) => t?.includes('plain.json') && t.includes('--vary'))).toBe(false);
  });
});
