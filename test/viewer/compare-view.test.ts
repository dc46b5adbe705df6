/**
 * Two runs compared side by side are looked at in one view: both panes open
 * framed on the same place at the same zoom (the incidents of both runs in
 * it), and a zoom or pan on either pane moves the other with it. Two seeds
 * of the Kỳ Sơn flood: their incidents differ, and each pane framed on its
 * own run opened at about twice the other's zoom. The Metrics panel heads
 * each run's column over its figures.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import type { Page } from 'playwright-core';
import { ARTIFACTS, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-compare-view-');
const files = [join(dir, 'doctrine.json'), join(dir, 'seed-7.json')];
let session: ViewerSession;
let page: Page;

const view = (pane: 'a' | 'b') => page.locator(`#map-${pane} svg.map-svg > g.geo`).getAttribute('transform');

/**
 * Do the panes show the same view? Their zoom transforms within a pixel and 0.1 % of scale: the two panes of one
 * row differ in width by a fraction of a pixel (489.59 and 489.61 px), so each fits its projection a hair apart.
 */
async function sameView(): Promise<boolean> {
  const parse = (t: string | null) => (t?.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number);
  const [a, b] = [parse(await view('a')), parse(await view('b'))];
  return a.length === 3 && b.length === 3 && Math.abs(a[0] - b[0]) < 1 && Math.abs(a[1] - b[1]) < 1 && Math.abs(a[2] / b[2] - 1) < 1e-3;
}

/** Where each pane draws the places of the scenario (its areas' markers), relative to the pane. */
const places = (pane: 'a' | 'b') => page.locator(`#map-${pane} .layer-areas path.badge`).evaluateAll((cs) => {
  const box = cs[0]!.closest('.map')!.getBoundingClientRect();
  return cs.map((c) => { const r = c.getBoundingClientRect(); return [r.x + r.width / 2 - box.x, r.y + r.height / 2 - box.y]; });
});

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', files[0], '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', files[1], '--quiet']).code).toBe(0);
  // opened on the address a reviewer sends for a comparison
  ({ page } = session = await viewerSession(files, undefined, '#run=0&cmp=1'));
  await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 1);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('compare, side by side', () => {
  it('opens both panes on the same view, framed on both runs', async () => {
    await expect.poll(sameView).toBe(true);
    expect(await view('a')).not.toMatch(/scale\(1\)$/);
    // the same projection too: each place of the scenario lies at the same spot of both panes
    const [pa, pb] = [await places('a'), await places('b')];
    expect(pa.length).toBeGreaterThan(3);
    expect(pb.length).toBe(pa.length);
    pa.forEach(([x, y], i) => { expect(Math.abs(pb[i]![0]! - x)).toBeLessThan(1.5); expect(Math.abs(pb[i]![1]! - y)).toBeLessThan(1.5); });
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'viewer-compare-same-view.png') });
  });

  it('zooms and pans both panes together, from either', async () => {
    const before = await view('a');
    const b = (await page.locator('#map-b').boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => view('b')).not.toBe(before);
    await expect.poll(sameView).toBe(true);
    const a = (await page.locator('#map-a').boundingBox())!;
    const zoomed = await view('a');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 80, a.y + a.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => view('a')).not.toBe(zoomed);
    await expect.poll(sameView).toBe(true);
    // 0 shows the whole scenario in both
    await page.locator('#timeline-slider').focus();
    await page.keyboard.press('0');
    await expect.poll(() => view('a')).toMatch(/translate\(0,0\) scale\(1\)/);
    expect(await sameView()).toBe(true);
  });
});

describe('compare, the Metrics panel', () => {
  it('heads each run\'s column over its figures (right-aligned, as they are)', async () => {
    // "A" and "B" sat at the left of columns whose figures are right-aligned: B's head read as over A's numbers
    await page.locator('#tab-metrics').click();
    const gaps = await page.evaluate(() => [...document.querySelectorAll('#panel-metrics table.metrics')].flatMap((t) => {
      const heads = [...t.querySelectorAll('thead th')].slice(1), first = [...t.querySelectorAll('tbody tr:first-child td')];
      const right = (el: Element) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().right; };
      return heads.map((h, i) => right(first[i]!) - right(h));
    }));
    await page.locator('#panel-metrics').screenshot({ path: join(ARTIFACTS, 'viewer-compare-metrics-heads.png') });
    expect(gaps).toHaveLength(4);
    for (const g of gaps) expect(Math.abs(g)).toBeLessThan(1);
  });
});
