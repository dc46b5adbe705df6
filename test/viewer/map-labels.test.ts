/**
 * The map's labels as a reviewer first sees them: on the scenarios with many
 * areas close together, at the zoom a run opens with, in English and
 * Vietnamese, no label covers another; the ones left out come back when the
 * reviewer zooms in. Screenshots go to test/artifacts/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, launch, openViewer, servers } from './browser.js';

/** the scenarios whose labels piled up: several communes a few pixels apart at the opening zoom */
const CROWDED = ['ban-ve-extreme-inflow-legacy', 'ban-ve-extreme-inflow', 'typhoon-landfall-coast'];
const dir = tempDir('drillsim-viewer-labels-');
let browser: Browser;

/**
 * The map's placed labels (area names, zone and shelter figures) that have a text: each named by its place,
 * whether it shows (displayed, inside the map's box), its box, and whether its place is in view.
 */
const LABELS = `() => {
  const map = document.querySelector('#map-a').getBoundingClientRect();
  const inMap = (r) => r.right > map.left && r.left < map.right && r.bottom > map.top && r.top < map.bottom;
  return [...document.querySelectorAll('#map-a text.area-name, #map-a g.zone > text, #map-a g.shelter > text')].filter((el) => el.textContent).map((el) => {
    const mark = el.closest('g.zone, g.shelter') ?? document.querySelector('#map-a g.area[data-area="' + el.getAttribute('data-area') + '"] path.badge') ?? el;
    const key = mark.hasAttribute('data-zone') ? 'zone ' + mark.getAttribute('data-zone') : mark.hasAttribute('data-shelter') ? 'shelter ' + mark.getAttribute('data-shelter') : 'area ' + (el.getAttribute('data-area') ?? el.textContent);
    const m = mark.getBoundingClientRect(), r = el.getBoundingClientRect();
    const displayed = !el.closest('[display="none"]') && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
    return { key, text: el.textContent, shows: displayed && r.width > 0 && inMap(r), placeInView: inMap(m), x: m.x + m.width / 2, y: m.y + m.height / 2, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}`;

type Shown = { key: string; text: string; shows: boolean; placeInView: boolean; x: number; y: number; left: number; top: number; right: number; bottom: number };

async function labels(page: Page): Promise<Shown[]> {
  return page.evaluate(`(${LABELS})()`) as Promise<Shown[]>;
}

async function shown(page: Page): Promise<Shown[]> {
  return (await labels(page)).filter((l) => l.shows);
}

function overlaps(boxes: Shown[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${a.text} × ${b.text}`);
    }
  }
  return out;
}

/**
 * Run i opened in this language, on a `drill view` of its own (see servers). One page per run and language: the tests only read it, and the later ones want it as it opened.
 */
function openRun(i: number, lang: 'en' | 'vi'): Promise<Page> {
  let page = pages.get(`${i} ${lang}`);
  if (page === undefined) pages.set(`${i} ${lang}`, page = (async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openViewer(page, `${(await served.of([files[i]])).url}#run=0&lang=${lang}`);
    await page.waitForFunction((s) => document.querySelector('#run-select option:checked')?.getAttribute('title')?.includes(s), `${CROWDED[i]}.json`);
    return page;
  })());
  return page;
}

const files = CROWDED.map((s) => join(dir, `${s}.json`));
const served = servers();
const pages = new Map<string, Promise<Page>>();

beforeAll(async () => {
  CROWDED.forEach((s, i) => expect(drill(['run', `scenarios/${s}.yaml`, '--seed', '1', '--out', files[i], '--quiet']).code).toBe(0));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served.stop();
});

describe('map labels', () => {
  for (const [i, s] of CROWDED.entries()) {
    for (const lang of ['en', 'vi'] as const) {
      it(`do not overlap at the zoom ${s} opens with (${lang})`, async () => {
        const page = await openRun(i, lang);
        const boxes = await shown(page);
        await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-labels-${s}-${lang}.png`) });
        expect(overlaps(boxes)).toEqual([]);
        // every area is still named somewhere on the map: the most important ones at least
        expect(boxes.length).toBeGreaterThan(2);
      });
    }
  }

  it('stay where they were placed while the time changes: a seek does not place them again', async () => {
    const page = await openRun(0, 'en');
    const moved = await page.evaluate(async () => {
      const changes: string[] = [];
      const watch = new MutationObserver((ms) => { for (const m of ms) changes.push(`${(m.target as Element).textContent} ${m.attributeName}`); });
      for (const el of document.querySelectorAll('#map-a text.area-name, #map-a g.zone > text, #map-a g.shelter > text')) watch.observe(el, { attributes: true, attributeFilter: ['x', 'y', 'display', 'text-anchor'] });
      const v = (window as any).drillViewer;
      for (const f of [0.2, 0.5, 0.8, 1]) await v.paintedSeek(v.app.a.data.until * f);
      watch.disconnect();
      return changes;
    });
    expect(moved).toEqual([]);
    await page.close();
  });

  it('come back as the reviewer zooms in where they were left out', async () => {
    const page = await openRun(0, 'vi');
    const before = await labels(page);
    // the labels left out at the opening zoom, of places in view: where they crowd
    const out = before.filter((l) => !l.shows && l.placeInView);
    expect(out.length).toBeGreaterThan(0);
    const x = out.reduce((s, l) => s + l.x, 0) / out.length, y = out.reduce((s, l) => s + l.y, 0) / out.length;
    const geo = page.locator('#map-a svg.map-svg > g.geo');
    for (let k = 0; k < 2; k++) {
      const was = await geo.getAttribute('transform');
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, -400);
      await expect.poll(() => geo.getAttribute('transform')).not.toBe(was);
    }
    const after = await labels(page);
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'viewer-labels-zoomed.png') });
    // of the places still in view, more are labelled than at the opening zoom, among them some left out then
    const inView = new Set(after.filter((l) => l.placeInView).map((l) => l.key));
    const count = (ls: Shown[]) => ls.filter((l) => l.shows && inView.has(l.key)).length;
    expect(count(after)).toBeGreaterThan(count(before));
    expect(out.filter((l) => after.find((a) => a.key === l.key)?.shows).map((l) => l.text)).not.toEqual([]);
    const shownAfter = after.filter((l) => l.shows);
    expect(overlaps(shownAfter)).toEqual([]);
    await page.close();
  });
});
