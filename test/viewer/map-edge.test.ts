/**
 * A scenario whose places lie at the corners of its whole view (minimal: Mường Xén and the province, its one
 * incident at Mường Xén, so the run opens on the whole scenario): the incident's circle, its people at risk and
 * the units on its rim are on the map. The whole view kept 40 px round the places, less than what is drawn beside
 * one: the incident, fanned off Mường Xén's name, had its people at risk at x = -2, off the map.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, browserAndServer, openViewer, type BrowserAndServer } from './browser.js';

const file = join(tempDir('drillsim-viewer-edge-'), 'minimal.json');
let started: BrowserAndServer;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', file, '--quiet']).code).toBe(0);
  started = await browserAndServer([file]);
});

afterAll(async () => {
  await started?.close();
});

describe('the whole scenario on the map', () => {
  for (const [width, height] of [[1366, 768], [1280, 720], [800, 720]] as const) {
    it(`keeps an incident at a corner place, its people at risk and its units on the map (${width} x ${height})`, async () => {
      const page = await started.browser.newPage({ viewport: { width, height } });
      await openViewer(page, `${started.server.url}#run=0&lang=en&t=T+00:40`);
      const { map, marks } = await page.evaluate(() => {
        const r = document.getElementById('map-a')!.getBoundingClientRect();
        const m = (window as any).drillViewer.markers('a');
        const marks = [
          ...m.incidents.map((d: any) => ({ what: `circle ${d.id ?? ''}`, left: d.cx - d.r, right: d.cx + d.r, top: d.cy - d.r, bottom: d.cy + d.r })),
          ...m.incidents.filter((d: any) => d.people_box).map((d: any) => ({ what: `people ${d.people_box.text}`, ...d.people_box })),
          ...m.units.map((u: any) => ({ what: `unit ${u.id}`, left: u.cx - u.half, right: u.cx + u.half, top: u.cy - u.half, bottom: u.cy + u.half })),
        ];
        return { map: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, marks };
      });
      await page.screenshot({ path: join(ARTIFACTS, `viewer-map-edge-${width}.png`) });
      expect(marks.length).toBeGreaterThanOrEqual(3);
      for (const k of marks) {
        expect(k.left, k.what).toBeGreaterThanOrEqual(map.left);
        expect(k.top, k.what).toBeGreaterThanOrEqual(map.top);
        expect(k.right, k.what).toBeLessThanOrEqual(map.right);
        expect(k.bottom, k.what).toBeLessThanOrEqual(map.bottom);
      }
      await page.close();
    });
  }
});
