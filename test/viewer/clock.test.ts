/**
 * The clock above the timeline reads one time in both its forms. Playing
 * moves the time by fractions of a second, and a pause leaves it between two
 * seconds (T+00:02:59.6, say): the scenario time was rounded (T+00:03) but
 * the wall clock cut short (18:02), so the clock read "T+00:03 · 01/10 18:02".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-clock-');
const file = join(dir, 'run.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file]);
});

afterAll(async () => {
  await session?.close();
});

describe('the clock paused between two seconds', () => {
  it('reads the same minute as scenario time and as wall clock', async () => {
    const { page } = session;
    // T0 is 18:00: each time below reads T+hh:mm that is 18:00 plus as much on the wall clock
    const read: string[] = [];
    for (const t of [179.6, 3599.5, 7200.4]) {
      await page.evaluate((s) => (window as any).drillViewer.paintedSeek(s), t);
      read.push(await page.locator('#clock').innerText());
    }
    expect(read).toEqual(['T+00:03 · 01/10 18:03', 'T+01:00 · 01/10 19:00', 'T+02:00 · 01/10 20:00']);
  });
});
