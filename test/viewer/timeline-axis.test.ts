/**
 * The timeline's clock and its markers stay in sight while the lanes scroll.
 * On a 1366 x 768 laptop half the coastal typhoon's unit and incident lanes
 * are below the fold of the timeline strip; scrolling down to them took the time axis and the
 * inject and decision markers away, so a reviewer read bars with no clock.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-axis-');
const file = join(dir, 'typhoon.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/typhoon-landfall-coast.yaml', '--seed', '1', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file], (page) => page.setViewportSize({ width: 1366, height: 768 }));
});

afterAll(async () => {
  await session?.close();
});

/** Where the strip's top, its axis and its first inject marker are on the page, and how far the lanes can scroll. */
function look() {
  return session.page.evaluate(() => {
    const body = document.getElementById('timeline-body')!;
    const axis = document.querySelector('#timeline-slider g.axis')!.getBoundingClientRect();
    const marker = document.querySelector('#timeline-slider g.marker.inject')!.getBoundingClientRect();
    return { top: body.getBoundingClientRect().top, axisTop: axis.top, markerTop: marker.top, markerX: marker.left + marker.width / 2, room: body.scrollHeight - body.clientHeight };
  });
}

describe('the timeline scrolled down to its last lanes', () => {
  it('keeps its clock axis and markers at the top, and a marker still seeks', async () => {
    const { page } = session;
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(3600));
    const before = await look();
    // the case itself: the lanes do not fit the strip at this size
    expect(before.room).toBeGreaterThan(100);
    await page.evaluate(() => { const b = document.getElementById('timeline-body')!; b.scrollTop = b.scrollHeight; });
    await page.waitForFunction(() => { const b = document.getElementById('timeline-body')!; return b.scrollTop > 0; });
    const after = await look();
    expect(after.axisTop - after.top).toBeCloseTo(before.axisTop - before.top, 0);
    expect(after.markerTop - after.top).toBeCloseTo(before.markerTop - before.top, 0);
    // what is under the marker's middle is the marker (not a lane painted over it)
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('g.marker')?.getAttribute('data-t') ?? null, [after.markerX, after.markerTop + 4]);
    expect(hit).not.toBeNull();
    await page.mouse.click(after.markerX, after.markerTop + 4);
    await page.waitForFunction((t) => document.getElementById('timeline-slider')!.getAttribute('aria-valuenow') === t, hit);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-timeline-scrolled.png') });
  });
});
