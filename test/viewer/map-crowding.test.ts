/**
 * The map where the drill crowds at one place, as a reviewer reads it in the
 * after-action review: incident markers at (nearly) one place fan out so that
 * none covers another or a place's symbol (shelter, base, area), and stay put
 * while the time moves on; the figures a reviewer reads (a shelter's
 * occupancy, a zone's people) are not under the units resting at their base;
 * the first view frames where the drill happens, with no marker under the
 * legend button. Screenshots go to test/artifacts/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, keptPages, launch, lookAtEach, openRun, openServedRun, servers, spread } from './browser.js';

const dir = tempDir('drillsim-viewer-crowding-');
/** a hotel fire whose casualty groups pile up by the shelter; a flash flood; a typhoon over four wards of one city */
const RUNS = ['cua-lo-high-rise-fire', 'ky-son-flash-flood', 'vinh-wards-typhoon-night'] as const;
let browser: Browser;

interface Rect { left: number; top: number; right: number; bottom: number }
interface Disc { id: string; cx: number; cy: number; r: number; leader: boolean; lx: number; ly: number }
interface Look {
  map: Rect;
  legend: Rect;
  incidents: Disc[];
  /** shelters' triangles, bases' squares, areas' hexagons */
  symbols: (Rect & { what: string })[];
  /** units by state, with their diamond's box */
  units: (Rect & { id: string; state: string })[];
  /** the placed labels that show */
  labels: (Rect & { text: string })[];
  zones: (Rect & { what: string })[];
}

/** What is on map A now: screen boxes (page pixels). */
const LOOK = `() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const hidden = (el) => el.closest('[display="none"], [visibility="hidden"], .spare') || getComputedStyle(el).visibility === 'hidden';
  // the markers, drawn on a canvas: what it draws, read from the map
  const marks = window.drillViewer.markers('a');
  const incidents = marks.incidents.filter((d) => !d.ghost).map((d) => ({ id: d.id, cx: d.cx, cy: d.cy, r: d.r, leader: d.leader !== null, lx: d.leader?.x ?? 0, ly: d.leader?.y ?? 0 }));
  const symbols = [
    ...[...document.querySelectorAll('#map-a g.shelter path')].map((el) => ({ what: 'shelter ' + el.parentElement.getAttribute('data-shelter'), ...box(el) })),
    ...[...document.querySelectorAll('#map-a rect.base')].map((el) => ({ what: 'base ' + el.textContent, ...box(el) })),
    ...[...document.querySelectorAll('#map-a g.area path.badge')].map((el) => ({ what: 'area ' + el.parentElement.getAttribute('data-area'), ...box(el) })),
  ];
  const units = marks.units.filter((u) => !u.ghost).map((u) => ({ id: u.id, state: u.state, left: u.cx - u.half, right: u.cx + u.half, top: u.cy - u.half, bottom: u.cy + u.half }));
  const labels = [...document.querySelectorAll('#map-a text.area-name, #map-a g.zone > text, #map-a g.shelter > text')]
    .filter((el) => el.textContent && !hidden(el) && el.getBoundingClientRect().width > 0).map((el) => ({ text: el.textContent, ...box(el) }));
  const zones = [...document.querySelectorAll('#map-a g.zone circle')].map((el) => ({ what: 'zone ' + el.parentElement.getAttribute('data-zone'), ...box(el) }));
  return { map: box(document.querySelector('#map-a')), legend: box(document.querySelector('#map-a details.legend')), incidents, symbols, units, labels, zones };
}`;

const look = (page: Page) => page.evaluate(`(${LOOK})()`) as Promise<Look>;

const lookAt = (page: Page, times: number[]) => lookAtEach<Look>(page, times, LOOK);

/** Two discs that share more than half a pixel (their outlines may touch). */
function discsOverlap(a: Disc, b: Disc): boolean {
  return Math.hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r - 0.5;
}

/** A disc and a box that share more than half a pixel. */
function discOverBox(d: Disc, b: Rect): boolean {
  const x = Math.max(b.left, Math.min(d.cx, b.right)), y = Math.max(b.top, Math.min(d.cy, b.bottom));
  return Math.hypot(d.cx - x, d.cy - y) < d.r - 0.5;
}

/** Two boxes that share more than a pixel each way (a halo's touch is not a cover). */
function boxesOverlap(a: Rect, b: Rect): boolean {
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

const inside = (a: Rect, m: Rect) => a.left >= m.left && a.right <= m.right && a.top >= m.top && a.bottom <= m.bottom;

/** Incidents that cover one another or a place's symbol, in view. */
function crowding(l: Look): string[] {
  const out: string[] = [];
  const shown = l.incidents.filter((d) => inside({ left: d.cx - d.r, right: d.cx + d.r, top: d.cy - d.r, bottom: d.cy + d.r }, l.map));
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) if (discsOverlap(shown[i], shown[j])) out.push(`${shown[i].id} × ${shown[j].id}`);
    for (const s of l.symbols) if (discOverBox(shown[i], s)) out.push(`${shown[i].id} over ${s.what}`);
  }
  return out;
}

const files = RUNS.map((s) => join(dir, `${s}.json`));
const served = servers();
/** Run i in this language, on a server of its own (see servers). */
const open = async (i: number, lang: 'en' | 'vi', hash = '') => openServedRun(browser, await served.of([files[i]]), 0, lang, hash);
/** What a page of the flash flood or the typhoon showed as it opened, before any seek: what is on its map, its picture, the map's framing. */
interface FirstView { look: Look; shot: Buffer; framed: string | null }
const firstViews = new Map<string, FirstView>();
const framing = (page: Page) => page.locator('#map-a svg.map-svg > g.geo').getAttribute('transform');
/**
 * the pages the tests only seek and read, kept for the tests after that want the same run: each seeks to the times
 * it looks at (see 'stay put'). Their first view is kept as they open, for the first view's tests: a page of its own
 * for each of those took a quarter of the file's time.
 */
const keep = keptPages(async (i, lang) => {
  const page = await open(i, lang);
  if (i > 0) firstViews.set(`${i} ${lang}`, { look: await look(page), shot: await page.locator('#maps').screenshot(), framed: await framing(page) });
  return page;
});
/** The first view of run i in this language, and a page that opened on it. */
const firstView = async (i: number, lang: 'en' | 'vi'): Promise<FirstView> => { await keep(i, lang); return firstViews.get(`${i} ${lang}`)!; };

beforeAll(async () => {
  // Chromium starts while the runs are made
  const launching = launch();
  RUNS.forEach((s, i) => expect(drill(['run', `scenarios/${s}.yaml`, '--seed', '1', '--out', files[i], '--quiet']).code).toBe(0));
  browser = await launching;
});

afterAll(async () => {
  await browser?.close();
  await served.stop();
});

describe('incident markers at one place', () => {
  for (const lang of ['en', 'vi'] as const) {
    it(`fan out: none covers another or a shelter, base or area symbol in Cửa Lò at T+02:00 (${lang})`, async () => {
      const page = await keep(0, lang);
      await page.evaluate(() => (window as any).drillViewer.paintedSeek(7200));
      const l = await look(page);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-crowding-cua-lo-T0200-${lang}.png`) });
      // the casualty groups by the shelter are there to be fanned out
      expect(l.incidents.length).toBeGreaterThan(3);
      expect(crowding(l)).toEqual([]);
      // a marker moved off its place is tied to it by a leader line from the true spot to its rim
      const moved = l.incidents.filter((d) => d.leader);
      expect(moved.length).toBeGreaterThan(0);
      for (const d of moved) expect(Math.hypot(d.lx - d.cx, d.ly - d.cy)).toBeGreaterThan(d.r);
    });
  }

  for (const [i, s] of RUNS.entries()) {
    it(`fan out at every time of ${s}`, async () => {
      const page = await keep(i, 'en');
      const until: number = await page.evaluate(() => (window as any).drillViewer.app.a.data.until);
      const times = spread(until, 40);
      const looks = await lookAt(page, times);
      const bad = looks.flatMap((l, k) => crowding(l).map((x) => `T${times[k]}: ${x}`));
      expect(bad).toEqual([]);
      expect(looks.some((l) => l.incidents.length > 1)).toBe(true);
    });
  }

  it('stay put while the time moves and the incidents shown stay the same, and come back to the same place after a seek away', async () => {
    const page = await keep(0, 'en');
    const at = (l: Look) => new Map(l.incidents.map((d) => [d.id, `${d.cx.toFixed(1)},${d.cy.toFixed(1)},${d.r.toFixed(1)}`]));
    // a minute per frame over the busy first hours, as playing does
    const times = Array.from({ length: 60 }, (_, k) => 3600 + k * 60);
    const looks = await lookAt(page, times);
    let same = 0;
    for (let k = 1; k < looks.length; k++) {
      const a = at(looks[k - 1]), b = at(looks[k]);
      const radii = (m: Map<string, string>) => [...m.entries()].map(([id, v]) => `${id}:${v.split(',')[2]}`).sort().join(' ');
      // the same incidents at the same sizes: nothing moves
      if (radii(a) !== radii(b)) continue;
      same++;
      expect([...b.entries()].filter(([id, v]) => a.get(id) !== v), `T${times[k]}`).toEqual([]);
    }
    expect(same).toBeGreaterThan(10);
    const [first, , again] = await lookAt(page, [7200, 600, 7200]);
    expect(at(again)).toEqual(at(first));
  });
});

describe('figures a reviewer reads', () => {
  for (const [i, s] of RUNS.entries()) {
    if (i === 0) continue;
    const lang = i === 1 ? 'en' : 'vi';
    it(`are not under the units resting at their base, at any time of ${s} (${lang})`, async () => {
      const page = await keep(i, lang);
      const until: number = await page.evaluate(() => (window as any).drillViewer.app.a.data.until);
      const times = spread(until, 40);
      const looks = await lookAt(page, times);
      const covered: string[] = [];
      let seen = 0;
      looks.forEach((l, k) => {
        const resting = l.units.filter((u) => ['available', 'mobilising', 'resting'].includes(u.state));
        seen += resting.length;
        for (const u of resting) for (const t of l.labels) if (boxesOverlap(u, t)) covered.push(`T${times[k]}: ${u.id} (${u.state}) over ${t.text}`);
      });
      // Tà Cạ's shelter filling while its units rest, for the eye
      const k = Math.round(times.length / 3);
      await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), times[k]);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-crowding-units-${s}-${lang}.png`) });
      expect(covered).toEqual([]);
      expect(seen).toBeGreaterThan(0);
    });
  }
});

describe('the first view', () => {
  for (const [i, s] of RUNS.entries()) {
    if (i === 0) continue;
    for (const lang of ['en', 'vi'] as const) {
      it(`frames where ${s} happens, with no marker under the legend (${lang})`, async () => {
        const { look: l, shot } = await firstView(i, lang);
        writeFileSync(join(ARTIFACTS, `viewer-crowding-first-view-${s}-${lang}.png`), shot);
        const map = l.map;
        // the drill's places: its communes or wards (not the province round them), shelters and zones, all in view...
        const areas = openRun(join(dir, `${s}.json`)).scenario.areas;
        const leaves = areas.filter((a) => !areas.some((b) => b.parent === a.id)).map((a) => `area ${a.id}`);
        const places = [...l.symbols.filter((x) => x.what.startsWith('shelter') || leaves.includes(x.what)), ...l.zones];
        expect(places.length).toBeGreaterThan(4);
        for (const p of places) expect(inside(p, map), p.what).toBe(true);
        // ...and take up a good part of the map, not a small cluster in its middle
        const w = Math.max(...places.map((p) => p.right)) - Math.min(...places.map((p) => p.left));
        const h = Math.max(...places.map((p) => p.bottom)) - Math.min(...places.map((p) => p.top));
        expect(Math.max(w / (map.right - map.left), h / (map.bottom - map.top))).toBeGreaterThan(0.45);
        // no marker of a place in view lies under the legend's button
        const under = [...l.symbols, ...l.zones].filter((x) => boxesOverlap(x, l.legend)).map((x) => x.what);
        expect(under).toEqual([]);
      });
    }
  }

  it('keeps the share-a-moment address and zoom: #t= opens at that time in the same view, 0 shows the whole scenario, + zooms in', async () => {
    // the view the run opens in, without a time (see firstView)
    const { framed } = await firstView(2, 'en');
    expect(framed).toMatch(/scale/);
    const at = await open(2, 'en', '&t=10800');
    expect(await at.evaluate(() => (window as any).drillViewer.t)).toBe(10800);
    const geo = at.locator('#map-a svg.map-svg > g.geo');
    expect(await geo.getAttribute('transform')).toBe(framed);
    await at.locator('body').press('0');
    await expect.poll(() => geo.getAttribute('transform')).toBe('translate(0,0) scale(1)');
    await at.locator('body').press('+');
    await expect.poll(() => geo.getAttribute('transform')).not.toBe('translate(0,0) scale(1)');
    await at.close();
  });
});

describe("an area's risk badge", () => {
  it('is a hexagon in its risk colour, not a numbered circle as an incident is (the colours run alike)', async () => {
    const page = await keep(1, 'en');
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(14400));
    const areas = await page.evaluate(() => [...document.querySelectorAll('#map-a g.area')].map((g) => ({
      id: g.getAttribute('data-area'), risk: Number(g.getAttribute('data-risk')), circles: g.querySelectorAll('circle').length,
      corners: (g.querySelector('path.badge')?.getAttribute('d')?.match(/L/g) ?? []).length + 1, fill: g.querySelector('path.badge')?.getAttribute('fill'),
    })));
    const { RISK_COLOUR } = await import('../../viewer/src/look.js');
    expect(areas.length).toBeGreaterThan(3);
    // the flash flood raises some areas' risk by then: coloured badges are there to be told from incidents
    expect(areas.some((a) => a.risk >= 2)).toBe(true);
    for (const a of areas) expect(a, a.id!).toMatchObject({ circles: 0, corners: 6, fill: RISK_COLOUR[a.risk] });
  });
});
