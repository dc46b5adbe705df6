/**
 * Comparing two runs, the timeline marks where they part with a dashed line
 * and "A ≠ B T+00:30". That label sat on the first hazard lane, over the
 * curve's own top value ("330 mm/24h" of the rain over the upper Nậm Mộ, for
 * the flash flood's early and doctrine runs, which part at T+00:30). It now
 * sits in the Units heading's strip, where no lane draws anything.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, openViewer, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-divergence-');
const files = [join(dir, 'doctrine.json'), join(dir, 'early.json'), join(dir, 'stopped.json'), join(dir, 'seed-8.json'), join(dir, 'minimal.json')];
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', files[0], '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', 'scenarios/decisions/ky-son-evacuate-early.yaml', '--out', files[1], '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--until', 'T+03:00', '--out', files[2], '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '8', '--out', files[3], '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/minimal.yaml', '--seed', '7', '--out', files[4], '--quiet']).code).toBe(0);
  // opened on the comparison's address, not a hash set on the open page: that could reach it before the second run
  // had (on a loaded machine), and a comparison with a run not yet there is not made
  session = await viewerSession(files, undefined, '#run=0&cmp=1');
});

afterAll(async () => {
  await session?.close();
});

describe('the divergence label on the timeline', () => {
  it('covers no hazard lane (nor its values), and stays on its line', async () => {
    const { page } = session;
    await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 1 && document.body.classList.contains('comparing'));
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#timeline-slider text.divergence-label')!).display !== 'none');
    const r = await page.evaluate(() => {
      const svg = document.querySelector('#timeline-slider svg')!.getBoundingClientRect();
      const label = document.querySelector('#timeline-slider text.divergence-label') as SVGTextElement;
      const box = label.getBoundingClientRect();
      const line = document.querySelector('#timeline-slider line.divergence') as SVGLineElement;
      const rows = (window as any).drillViewer.app.timeline.rows as { kind: string; y: number; h: number }[];
      return { text: label.textContent, top: box.top - svg.top, bottom: box.bottom - svg.top, left: box.left - svg.left, lineX: Number(line.getAttribute('x1')), curves: rows.filter((x) => x.kind === 'curve' || x.kind === 'unit').map((x) => [x.y, x.y + x.h]) };
    });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-divergence-label.png') });
    expect(r.text).toBe('A ≠ B T+00:30');
    expect(r.curves.length).toBeGreaterThan(0);
    for (const [top, bottom] of r.curves) expect(r.bottom <= top || r.top >= bottom, `label ${r.top}-${r.bottom} over lane ${top}-${bottom}`).toBe(true);
    expect(r.left).toBeGreaterThanOrEqual(r.lineX);
    expect(r.left).toBeLessThan(r.lineX + 10);
  });

  it('says which run stopped sooner, and when, beside where they diverge (what follows is not comparable)', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1440, height: 950 } });
    await openViewer(page, `${session.server.url}#run=0&cmp=2`);
    await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 2 && document.body.classList.contains('comparing'));
    const label = page.locator('#divergence-label');
    await page.waitForFunction(() => document.querySelector('#divergence-label')?.getAttribute('data-stopped') !== null);
    expect(await label.getAttribute('data-stopped')).toBe('B 10800');
    // the runs are the same until the stopped one's end: they part there, not at T+00:00
    expect(await label.getAttribute('data-t')).toBe('10800');
    expect(await label.textContent()).toMatch(/^Runs diverge at T\+03:00 · event #\d+ · B stopped at T\+03:00$/);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-compare-stopped.png') });
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await label.textContent()).toMatch(/· B dừng lúc T\+03:00$/);
    await page.close();
  });

  it('past the stopped run\'s end, shows it as it stood then and says so on its pane and in its metrics column', async () => {
    // at T+06:00 pane B (stopped at T+03:00) showed its T+03:00 world unmarked, its low-lying zone hatched by the
    // T+05:00 flood it never reached, and the metrics' B column read as if at T+06:00
    const page = await session.browser.newPage({ viewport: { width: 1440, height: 950 } });
    await openViewer(page, `${session.server.url}#run=0&cmp=2&t=T+06:00`);
    await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 2 && (window as any).drillViewer.t === 21600);
    const caption = page.locator('#map-b .map-caption');
    const look = () => page.evaluate(() => ({
      a: document.querySelector('#map-a g.zone[data-zone=muong-xen-lowland]')?.getAttribute('data-flooded'),
      b: document.querySelector('#map-b g.zone[data-zone=muong-xen-lowland]')?.getAttribute('data-flooded'),
    }));
    expect(await caption.textContent()).toBe('B: stopped.json · B stopped at T+03:00');
    expect(await look()).toEqual({ a: 'true', b: 'false' });
    await page.keyboard.press('4');
    expect(await page.locator('#panel-metrics table.metrics.now thead th').allTextContents()).toEqual(['', 'A', 'B (T+03:00)']);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-compare-past-stop.png') });
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await caption.textContent()).toBe('B: stopped.json · B dừng lúc T+03:00');
    // before the stop, B's pane is B at that time, as A's is
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(7200));
    expect(await caption.textContent()).toBe('B: stopped.json');
    expect(await page.locator('#panel-metrics table.metrics.now thead th').allTextContents()).toEqual(['', 'A', 'B']);
    await page.close();
  });

  it('says runs of two seeds differ partly by the dice, as drill compare does (they part at their first event whatever was decided)', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1440, height: 950 } });
    await openViewer(page, `${session.server.url}#run=0&cmp=3`);
    await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 3 && document.getElementById('divergence-label')?.dataset.index !== undefined);
    const label = page.locator('#divergence-label');
    expect(await label.textContent()).toBe('Runs diverge at T+00:00 · event #0 · different seeds: their differences are partly the dice, not only the decisions');
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await label.textContent()).toMatch(/· khác seed: khác biệt giữa hai lượt một phần do yếu tố ngẫu nhiên, không chỉ do các quyết định$/);
    await page.close();
  });

  it('says a run of a shorter scenario ends there, not that it stopped (it was played to its end)', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1440, height: 950 } });
    await openViewer(page, `${session.server.url}#run=0&cmp=4`);
    await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 4 && document.querySelector('#divergence-label')?.getAttribute('data-stopped') !== null);
    const label = page.locator('#divergence-label');
    expect(await label.textContent()).toMatch(/ · B ends at T\+04:00$/);
    expect(await label.textContent()).not.toContain('stopped');
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await label.textContent()).toMatch(/· B kết thúc lúc T\+04:00$/);
    await page.close();
  });
});
