/**
 * The map's labels against what lies over them: the labels that move with the
 * time (the typhoon eye's wind force, an incident's people at risk) and the
 * units on the move never cover a placed label (area name, zone and shelter figures) at any time of
 * the run, and an open incident's circle never leaves a zone's or shelter's
 * figures half hidden; the legend, opened, and the compare captions have no
 * label under them. Screenshots go to test/artifacts/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, keptPages, launch, lookAtEach, openServedRun, servers, spread } from './browser.js';

const dir = tempDir('drillsim-viewer-moving-');
/** a typhoon whose eye crosses the coast's labels; a flash flood whose incidents crowd round Mường Xén and Tà Cạ */
const RUNS = [
  { scenario: 'typhoon-landfall-coast', seed: 1 },
  { scenario: 'ky-son-flash-flood', seed: 1 },
  { scenario: 'ky-son-flash-flood', seed: 7 },
] as const;
let browser: Browser;

interface Shown { what: string; text: string; left: number; top: number; right: number; bottom: number }

/**
 * At the time shown: the placed labels that show (displayed, not hidden, with a text), the moving labels that
 * show, the open incidents' circles, and the placed labels hidden because something lies over them.
 */
const LOOK = `() => {
  const box = (el, what) => { const r = el.getBoundingClientRect(); return { what, text: el.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const shows = (el) => el.textContent && !el.closest('[display="none"], [visibility="hidden"], .spare') && getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
  const placed = [...document.querySelectorAll('#map-a text.area-name, #map-a g.zone > text, #map-a g.shelter > text')];
  // the markers, drawn on a canvas: what it draws, read from the map
  const marks = window.drillViewer.markers('a');
  const disc = (d) => ({ what: 'circle', text: String(d.severity), left: d.cx - d.r, right: d.cx + d.r, top: d.cy - d.r, bottom: d.cy + d.r });
  return {
    placed: placed.filter(shows).map((el) => box(el, el.classList.contains('area-name') ? 'area' : 'figures')),
    hidden: placed.filter((el) => el.textContent && el.getAttribute('visibility') === 'hidden').map((el) => el.textContent),
    moving: [...[...document.querySelectorAll('#map-a g.eye text')].filter(shows).map((el) => box(el, 'eye')),
      ...marks.incidents.filter((d) => !d.ghost && d.people_box).map((d) => ({ what: 'people', ...d.people_box }))],
    circles: marks.incidents.filter((d) => !d.ghost && !d.resolved).map(disc),
    units: marks.units.filter((u) => !u.ghost && ['en_route', 'returning'].includes(u.state)).map((u) => ({ what: 'unit ' + u.id, text: '', left: u.cx - u.half, right: u.cx + u.half, top: u.cy - u.half, bottom: u.cy + u.half })),
    eye: [...document.querySelectorAll('#map-a g.eye text')].map((el) => el.getAttribute('x') + ',' + el.getAttribute('y')).join(' '),
  };
}`;
type Look = { placed: Shown[]; hidden: string[]; moving: Shown[]; circles: Shown[]; units: Shown[]; eye: string };

const look = (page: Page) => page.evaluate(`(${LOOK})()`) as Promise<Look>;

const lookAt = (page: Page, times: number[]) => lookAtEach<Look>(page, times, LOOK);

/** Two boxes that share more than a pixel each way (a halo's touch is not a cover). */
function over(a: Shown, b: { left: number; top: number; right: number; bottom: number }): boolean {
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

/** Does a circle's disc cross the middle line of a text's box (where its digits are)? */
function crossesMiddle(c: Shown, t: Shown): boolean {
  const r = (c.right - c.left) / 2, cx = (c.left + c.right) / 2, cy = (c.top + c.bottom) / 2;
  const mid = t.top + (t.bottom - t.top) * 0.6, dy = mid - cy;
  if (Math.abs(dy) >= r - 1) return false;
  const half = Math.sqrt(r * r - dy * dy) - 1;
  return cx - half < t.right - 2 && cx + half > t.left + 2;
}

const files = RUNS.map((r) => join(dir, `${r.scenario}-${r.seed}.json`));
const served = servers();
/** Run i in this language (`cmp`: compared with that run), on a server of the runs it shows (see servers). */
const open = async (i: number, lang: 'en' | 'vi', cmp?: number) =>
  openServedRun(browser, await served.of(cmp === undefined ? [files[i]] : [files[i], files[cmp]]), 0, lang, cmp === undefined ? '' : '&cmp=1');
/** the pages the tests only seek and read, kept for the test after that wants the same run (it takes any time) */
const keep = keptPages(open);

beforeAll(async () => {
  RUNS.forEach((r, i) => expect(drill(['run', `scenarios/${r.scenario}.yaml`, '--seed', String(r.seed), '--out', files[i], '--quiet']).code).toBe(0));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served.stop();
});

describe('labels that move with the time', () => {
  for (const [i, r] of RUNS.entries()) {
    const lang = i === 0 ? 'vi' : 'en';
    it(`never cover a placed label, at any time of ${r.scenario} seed ${r.seed} (${lang})`, async () => {
      const page = await keep(i, lang);
      const until: number = await page.evaluate(() => (window as any).drillViewer.app.a.data.until);
      const covered: string[] = [], cut: string[] = [];
      let movingSeen = 0, unitsSeen = 0;
      const times = spread(until, 40);
      const looks = await lookAt(page, times);
      looks.forEach((l, k) => {
        const t = times[k];
        movingSeen += l.moving.length;
        for (const m of l.moving) for (const p of l.placed) if (over(m, p)) covered.push(`T${t}: ${m.what} ${m.text} over ${p.text}`);
        // a unit on the move over a label: the label gives way while it passes
        for (const u of l.units) for (const p of l.placed) if (over(u, p)) covered.push(`T${t}: ${u.what} over ${p.text}`);
        unitsSeen += l.units.length;
        // zone and shelter figures lie under the incidents: a circle across them would leave a wrong number to read
        for (const c of l.circles) for (const p of l.placed) if (p.what === 'figures' && crossesMiddle(c, p)) cut.push(`T${t}: a circle across ${p.text}`);
      });
      // a moment where a placed label gave way, for the eye
      const k = looks.findIndex((l) => l.hidden.length > 0);
      await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), times[Math.max(0, k)]);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-moving-labels-${r.scenario}-${r.seed}-${lang}.png`) });
      expect(covered).toEqual([]);
      expect(cut).toEqual([]);
      expect(movingSeen).toBeGreaterThan(0);
      expect(unitsSeen).toBeGreaterThan(0);
      // a label hidden while something lay over it shows again once it has gone (at T0 nothing has happened yet)
      await page.evaluate(() => (window as any).drillViewer.paintedSeek(0));
      const atStart = await look(page);
      expect(atStart.hidden).toEqual([]);
    }, 120_000);
  }

  it('the typhoon eye\'s wind force takes another side rather than cover a label, and the label it had to cover shows again when it has passed', async () => {
    const page = await open(0, 'en');
    const until: number = await page.evaluate(() => (window as any).drillViewer.app.a.data.until);
    const sides = new Set<string>();
    const hidden = new Set<string>();
    for (const l of await lookAt(page, spread(until, 64))) {
      if (l.eye) sides.add(l.eye);
      for (const h of l.hidden) hidden.add(h);
    }
    // it passed over the coast's labels: it took more than its first side on the way
    expect(sides.size).toBeGreaterThan(1);
    await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), until);
    const end = await look(page);
    for (const h of hidden) expect(end.hidden, h).not.toContain(h);
    await page.close();
  }, 120_000);
});

describe('the legend and the compare captions', () => {
  it('the legend, opened, has no label under it, and its room is given back when it is closed', async () => {
    const page = await keep(1, 'en');
    const before = (await look(page)).placed.map((p) => p.text).sort();
    await page.locator('#map-a details.legend summary').click();
    const legend = page.locator('#map-a details.legend');
    await expect.poll(() => legend.evaluate((el: HTMLDetailsElement) => el.open)).toBe(true);
    const box = (await legend.boundingBox())!;
    const edge = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
    // the labels are placed again once the legend has its size (its observer's next frame)
    await expect.poll(async () => (await look(page)).placed.filter((p) => over(p, edge)).map((p) => p.text)).toEqual([]);
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'viewer-labels-legend-open.png') });
    await page.locator('#map-a details.legend summary').click();
    await expect.poll(async () => (await look(page)).placed.map((p) => p.text).sort()).toEqual(before);
    await page.close();
  });

  for (const lang of ['en', 'vi'] as const) {
    it(`a compare caption has no label under it, where the map is dragged to put one there (${lang})`, async () => {
      const page = await open(1, lang, 2);
      const caption = page.locator('#map-a .map-caption');
      const cap = (await caption.boundingBox({ timeout: 5000 }))!;
      expect(await caption.textContent()).toMatch(/^A: ky-son-flash-flood-1\.json/);
      // drag Nậm Cắn's marker to just under the caption's left end: its name's first spot (above right) lies under the caption
      const marker = (await page.locator('#map-a g.area[data-area="nam-can"] path.badge').boundingBox())!;
      const from = { x: marker.x + marker.width / 2, y: marker.y + marker.height / 2 };
      const to = { x: cap.x + 12, y: cap.y + cap.height + 8 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
      const moved = (await page.locator('#map-a g.area[data-area="nam-can"] path.badge').boundingBox())!;
      expect(Math.abs(moved.x + moved.width / 2 - to.x)).toBeLessThan(3);
      const edge = { left: cap.x, top: cap.y, right: cap.x + cap.width, bottom: cap.y + cap.height };
      const l = await look(page);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-labels-caption-${lang}.png`) });
      expect(l.placed.filter((p) => over(p, edge)).map((p) => p.text)).toEqual([]);
      // and the name is still shown, beside its marker rather than under the caption
      expect(l.placed.map((p) => p.text)).toContain('Nậm Cắn');
      await page.close();
    });
  }
});
