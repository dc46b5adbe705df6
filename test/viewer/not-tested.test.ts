/**
 * The objectives panel on the reviewer's case: cua-lo with its own seed has
 * no chlorine leak; the chemical objective shows as not tested, with why,
 * not as P with 0 s (and not as "not met"), in English and Vietnamese.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const file = join(tempDir('drillsim-viewer-nt-'), 'cua-lo.json');
let session: ViewerSession;
let page: Page;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file]);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('the objectives panel', () => {
  it('shows an objective not tested in the run as such, with the reason, and no rating', async () => {
    await page.locator('#tab-objectives').click();
    const li = page.locator('li[data-objective="chemical"]');
    await expect(li.locator('.rating').first().textContent()).resolves.toBe('–');
    expect(await li.getAttribute('data-rating')).toBe('');
    const text = (await li.locator('.result').textContent())!;
    // the report's sentence and reason (obj.result_not_tested)
    expect(text).toMatch(/^Result: Not tested in this run: no incident of the kind "[^"]+" in this run\. Not rated/);
    expect(text).not.toMatch(/not met|0 s/);
    // a tested objective still shows its rating
    await expect(page.locator('li[data-objective="first-engine"] .rating').first().textContent()).resolves.toBe('P');
  });
});
