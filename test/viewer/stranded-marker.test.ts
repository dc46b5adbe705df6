/**
 * Evacuees a cut road strands on their way (engine 0.8.0) are shown on the map where they wait: a marker at the
 * junction with how many wait there, from the `zone.trip` that strands them until the one that sends them on, and
 * a dot for each group on its way along its road. They were in the zone's tooltip only: a reviewer scrubbing the
 * run saw nothing at the bridge where ten people waited an hour. The village's school is over a bridge, or round
 * by the ridge (the valley of test/sim/evacuation-reroute.test.ts); both roads on from the bridge are cut at
 * T+00:05, while the first ten are on their way to it, and the ridge road opens again at T+01:00.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, lookAtEach, viewerSession, type ViewerSession } from './browser.js';
import { communeScenario } from '../helpers/commune-scenario.js';

const dir = tempDir('drillsim-viewer-stranded-marker-');
const file = join(dir, 'valley.json');
// the same valley with the order given at T+01:00, once the ridge road is open again: nobody is stranded
const late = join(dir, 'valley-late.json');
let session: ViewerSession;

// at 20 km/h: village to bridge 7 min 30 s, bridge to ridge and ridge to school 15 min each
const TEXT = communeScenario({
  id: 'valley-stranded',
  title: 'A village, a school over a bridge or round by the ridge',
  horizon: '3h',
  keyframe_every: '15m',
  base: 'village',
  travel: `
  detour: 1
  nodes:
    - { id: town, name: Town, coords: { lat: 18.70, lon: 105.60 }, area: province }
    - { id: village, name: Village, coords: { lat: 18.70, lon: 105.80 }, area: commune }
    - { id: bridge, name: { vi: Cầu treo, en: Suspension bridge }, coords: { lat: 18.70, lon: 105.82 }, area: commune }
    - { id: ridge, name: Ridge, coords: { lat: 18.74, lon: 105.83 }, area: commune }
    - { id: school-yard, name: School yard, coords: { lat: 18.70, lon: 105.84 }, area: commune }
  edges:
    - { id: town-village, from: town, to: village, length_km: 21 }
    - { id: village-bridge, from: village, to: bridge, length_km: 2.5 }
    - { id: bridge-school, from: bridge, to: school-yard, length_km: 2.5 }
    - { id: bridge-ridge, from: bridge, to: ridge, length_km: 5 }
    - { id: ridge-school, from: ridge, to: school-yard, length_km: 5 }
`,
  rules: `
  - { id: flood, from: T+00:05, every: 12h, probability: 1, once: true, effect: { cut_road: bridge-school } }
  - { id: slide, from: T+00:05, every: 12h, probability: 1, once: true, effect: { cut_road: bridge-ridge } }
  - { id: cleared, from: T+01:00, every: 12h, probability: 1, once: true, effect: { reopen_road: bridge-ridge } }
`,
  evacuation: `
  step: 10m
  zones:
    - { id: riverside, name: { vi: Xóm ven sông, en: Riverside hamlet }, area: commune, node: village, population: 100, shelters: [school], rate_people_per_hour: 60, warning: 0m }
  shelters:
    - { id: school, name: { vi: Trường học, en: School }, area: commune, node: school-yard, capacity_people: 1000 }
`,
});

beforeAll(async () => {
  const scenario = join(dir, 'valley.yaml'), decisions = join(dir, 'order.yaml');
  writeFileSync(scenario, TEXT);
  writeFileSync(decisions, 'drillsim_decisions: 1\nscenario: valley-stranded\nplayers: [chair]\ndecisions:\n  - { at: T+00:00, role: chair, do: evacuate, zone: riverside }\n');
  expect(drill(['run', scenario, '--seed', '1', '--decisions', decisions, '--out', file, '--quiet']).code).toBe(0);
  const lateOrder = join(dir, 'late-order.yaml');
  writeFileSync(lateOrder, 'drillsim_decisions: 1\nscenario: valley-stranded\nplayers: [chair]\ndecisions:\n  - { at: T+01:00, role: chair, do: evacuate, zone: riverside }\n');
  expect(drill(['run', scenario, '--seed', '1', '--decisions', lateOrder, '--out', late, '--quiet']).code).toBe(0);
  session = await viewerSession([file], undefined, '#lang=en');
});

afterAll(async () => {
  await session?.close();
});

interface Look { stranded: { run: string | null; ghost: boolean; node: string | null; n: string | null; text: string | null; title: string | null; x: number; y: number }[]; trips: { run: string | null; ghost: boolean; zone: string | null; n: string | null; x: number; y: number; title: string | null }[]; bridge: { x: number; y: number }; ridge: { x: number; y: number } }
const LOOK = `() => {
  const svg = document.querySelector('#map-a svg.map-svg');
  const at = (el) => { const m = /translate\\(([-\\d.e]+),([-\\d.e]+)\\)/.exec(el.getAttribute('transform')); return { x: Number(m[1]), y: Number(m[2]) }; };
  // a road's ends: its line from the village to the bridge ends at the bridge, the one to the ridge at the ridge
  const end = (id) => { const l = svg.querySelector('g.road[data-road="' + id + '"] line.line'); return { x: Number(l.getAttribute('x2')), y: Number(l.getAttribute('y2')) }; };
  return {
    stranded: [...svg.querySelectorAll('g.stranded')].map((g) => ({ run: g.getAttribute('data-run'), ghost: g.classList.contains('ghost'), node: g.getAttribute('data-node'), n: g.getAttribute('data-stranded'), text: g.querySelector('text').textContent, title: g.querySelector('title').textContent, ...at(g) })),
    trips: [...svg.querySelectorAll('g.trip')].map((g) => ({ run: g.getAttribute('data-run'), ghost: g.classList.contains('ghost'), zone: g.getAttribute('data-zone'), n: g.getAttribute('data-n'), title: g.querySelector('title').textContent, ...at(g) })),
    bridge: end('village-bridge'), ridge: end('bridge-ridge'),
  };
}`;

describe('evacuees stranded on the road, on the map', () => {
  it('shows a marker with how many wait at the junction only while they are stranded', async () => {
    const log = readFileSync(file, 'utf8');
    expect(log).toContain('"stranded":true,"nodes":["village","bridge"]');
    // T+00:03 on their way, nothing cut yet; T+00:30 stranded at the bridge; T+01:10 on again, round by the ridge
    const [before, during, after] = await lookAtEach<Look>(session.page, [180, 1800, 4200], LOOK);
    expect(before.stranded).toEqual([]);
    expect(before.trips).toMatchObject([{ zone: 'riverside', n: '10' }]);

    expect(during.stranded).toHaveLength(1);
    const m = during.stranded[0];
    expect(m).toMatchObject({ node: 'bridge', n: '10', text: '10' });
    expect(m.x).toBeCloseTo(during.bridge.x, 3);
    expect(m.y).toBeCloseTo(during.bridge.y, 3);
    expect(m.title).toBe('Suspension bridge: 10 evacuees stranded, no open road on to their shelter (Riverside hamlet → School 10, since T+00:05)');
    // waiting, they are no dot on a road; none of the others has set off
    expect(during.trips).toEqual([]);

    expect(after.stranded).toEqual([]);
    // the ten two thirds of the way up to the ridge (T+01:00 + 10 min of 15); the next ten, set off at T+01:00, past
    // the bridge; ten more setting off from the village
    expect(after.trips).toHaveLength(3);
    const up = after.trips[0];
    expect(up.x).toBeCloseTo(after.bridge.x + (after.ridge.x - after.bridge.x) * (2 / 3), 1);
    expect(up.y).toBeCloseTo(after.bridge.y + (after.ridge.y - after.bridge.y) * (2 / 3), 1);
    await session.page.evaluate(() => (window as any).drillViewer.paintedSeek(1800));
    await session.page.screenshot({ path: join(ARTIFACTS, 'stranded-marker.png') });
  });

  it('has a row in the legend, and says it in Vietnamese too', async () => {
    const page = session.page;
    expect(await page.locator('#map-a details.legend li:not(.run-b)', { hasText: 'evacuees stranded on the road (how many)' }).count()).toBe(1);
    expect(await page.locator('#map-a details.legend li:not(.run-b)', { hasText: 'evacuees on their way' }).count()).toBe(1);
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    const [during] = await lookAtEach<Look>(page, [1800], LOOK);
    expect(during.stranded[0].title).toBe('Cầu treo: 10 người sơ tán bị kẹt giữa đường, không còn đường thông tới điểm sơ tán (Xóm ven sông → Trường học 10, từ T+00:05)');
    expect(await page.locator('#map-a details.legend li:not(.run-b)', { hasText: 'người sơ tán bị kẹt giữa đường (số người)' }).count()).toBe(1);
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });
});

describe('two runs overlaid (compare), one stranded at the bridge and one not', () => {
  it('draws run B\'s stranded and its groups on their way too, a few pixels off, dashed and named as B\'s', async () => {
    // A ordered the village out at T+01:00, when the ridge road was open again; B at T+00:00, and was stranded
    const cmp = await viewerSession([late, file], undefined, '#run=0&cmp=1&lang=en&layout=overlay');
    try {
      await cmp.page.waitForFunction(() => (window as any).drillViewer.app.b !== null && document.body.classList.contains('overlaid'));
      const [before, during, after] = await lookAtEach<Look>(cmp.page, [180, 1800, 4200], LOOK);
      // T+00:03: only B's first ten on their way
      expect(before.stranded).toEqual([]);
      expect(before.trips).toMatchObject([{ run: 'b', ghost: true, zone: 'riverside', n: '10' }]);
      expect(before.trips[0].title).toBe('B: Riverside hamlet: 10 on their way to School');
      // T+00:30: B's ten wait at the bridge, drawn 5 px off it; A has nobody on the road
      expect(during.trips).toEqual([]);
      expect(during.stranded).toHaveLength(1);
      const m = during.stranded[0];
      expect(m).toMatchObject({ run: 'b', ghost: true, node: 'bridge', n: '10', text: '10' });
      expect(m.x).toBeCloseTo(during.bridge.x + 5, 3);
      expect(m.y).toBeCloseTo(during.bridge.y + 5, 3);
      expect(m.title).toMatch(/^B: Suspension bridge: 10 evacuees stranded/);
      // drawn dashed, as B's incidents are (A's solid)
      const dash = (sel: string) => cmp.page.evaluate((s) => getComputedStyle(document.querySelector(s)!).strokeDasharray, sel);
      // T+01:10: both runs' groups on the road, A's undashed and B's dashed
      expect(after.stranded).toEqual([]);
      expect(after.trips.filter((d) => d.run === 'a' && !d.ghost).length).toBeGreaterThan(0);
      expect(after.trips.filter((d) => d.run === 'b' && d.ghost)).toHaveLength(3);
      expect(await dash('#map-a g.trip.ghost circle')).not.toBe('none');
      expect(await dash('#map-a g.trip:not(.ghost) circle')).toBe('none');
      await cmp.page.evaluate(() => (window as any).drillViewer.paintedSeek(1800));
      expect(await dash('#map-a g.stranded.ghost rect')).not.toBe('none');
      // the legend has B's rows for them while B is overlaid, drawn as the map draws B's (the caption says "outlines")
      const look = (sel: string) => cmp.page.evaluate((s) => { const c = getComputedStyle(document.querySelector(s)!); return [c.stroke, c.strokeDasharray, c.fill]; }, sel);
      expect(await look('#map-a details.legend li.run-b .stranded-box')).toEqual(await look('#map-a g.stranded.ghost rect'));
      await cmp.page.evaluate(() => (window as any).drillViewer.paintedSeek(4200));
      expect(await look('#map-a details.legend li.run-b .trip-dot')).toEqual(await look('#map-a g.trip.ghost circle'));
      await cmp.page.locator('#map-a details.legend summary').click();
      expect(await cmp.page.locator('#map-a details.legend li.run-b:visible').allTextContents()).toEqual(['3B: incident (its severity inside)', "B: unit, outlined in its state's colour", 'B: evacuees on their way', '10B: evacuees stranded on the road (how many)']);
      await cmp.page.locator('#map-a details.legend summary').click();
      await cmp.page.evaluate(() => (window as any).drillViewer.paintedSeek(1800));
      await cmp.page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'stranded-marker-overlay.png') });
    } finally {
      await cmp.close();
    }
  });

  it('where both runs are stranded at one junction, draws a marker for each: A\'s on it, B\'s 5 px off', async () => {
    const copy = join(dir, 'valley-again.json');
    copyFileSync(file, copy);
    const cmp = await viewerSession([file, copy], undefined, '#run=0&cmp=1&lang=en&layout=overlay');
    try {
      await cmp.page.waitForFunction(() => (window as any).drillViewer.app.b !== null && document.body.classList.contains('overlaid'));
      const [during] = await lookAtEach<Look>(cmp.page, [1800], LOOK);
      expect(during.stranded.map((d) => [d.run, d.node, d.n])).toEqual([['a', 'bridge', '10'], ['b', 'bridge', '10']]);
      expect(during.stranded[0].x).toBeCloseTo(during.bridge.x, 3);
      expect(during.stranded[1].x).toBeCloseTo(during.bridge.x + 5, 3);
      expect(during.stranded[1].y).toBeCloseTo(during.bridge.y + 5, 3);
    } finally {
      await cmp.close();
    }
  });
});
