/**
 * What may cover what on the map, as a reviewer reads it in the after-action
 * review: an area's name never lies over (or under) an open incident's circle;
 * no unit's diamond lies over an incident's people-at-risk number, nor another
 * incident's circle; no label goes under a unit resting at its base, run A's or
 * run B's overlaid; no unit standing still hides an area's risk hexagon; the
 * typhoon eye's wind force lies on no incident's circle
 * or number, and under no unit's diamond; and, when
 * two runs are overlaid on one map (compare, overlay layout), run B's units at
 * their base rest at spots of their own, each beside the same unit of run A,
 * as A's do, and A's people at risk lie on none of B's dashed circles. Real
 * scenarios, at times spread over each run; screenshots go to test/artifacts/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, launch, lookAtEach, openServedRun, servers, spread, toFront } from './browser.js';

const dir = tempDir('drillsim-viewer-overlap-');
/**
 * the dam release (area names by the villages' incidents), the flash flood, the typhoon over Vinh's wards; the flash
 * flood again, another seed (B); the hotel fire (its spread at its place); the dam release again, another seed (B);
 * the typhoon's night over Vinh's wards (the eye crosses the city); the flash flood, seed 7, as the trainee played it
 * and under doctrine (B). [scenario, seed, decisions file]
 */
const RUNS = [['ban-ve-extreme-inflow', 1], ['ky-son-flash-flood', 1], ['typhoon-landfall-coast', 1], ['ky-son-flash-flood', 2], ['cua-lo-high-rise-fire', 1], ['ban-ve-extreme-inflow', 2],
  ['vinh-wards-typhoon-night', 1], ['ky-son-flash-flood', 7, 'ky-son-trainee'], ['ky-son-flash-flood', 7]] as const;
let browser: Browser;

interface Rect { left: number; top: number; right: number; bottom: number }
interface Look {
  incidents: { id: string; cx: number; cy: number; r: number }[];
  /** run B's incidents overlaid (compare, overlay layout) */
  ghosts: { id: string; cx: number; cy: number; r: number }[];
  names: (Rect & { text: string })[];
  /** a zone's or a shelter's figures (placed with the area names) */
  figures: (Rect & { text: string })[];
  /** `ghost`: run B's, overlaid */
  people: (Rect & { id: string; text: string; ghost: boolean })[];
  /** the typhoon eyes' wind force */
  eyes: (Rect & { text: string })[];
  units: { id: string; state: string; incident: string | null; ghost: boolean; cx: number; cy: number; half: number }[];
  /** where each shown leader line starts (its true spot's end), and whether its dot shows */
  leaders: { id: string; x: number; y: number; foot: boolean }[];
  /** the areas' risk badges: their hexagon's corners */
  badges: { id: string; risk: number; corners: [number, number][] }[];
}

/**
 * What map A shows now (page pixels): open incidents' circles, the area names and people-at-risk numbers that show,
 * units' diamonds (B's overlaid too). The markers are drawn on a canvas: what it draws is read from the map.
 */
const LOOK = `() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const shows = (el) => el.textContent && !el.closest('[display="none"], [visibility="hidden"], .spare') && getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
  const marks = window.drillViewer.markers('a');
  const disc = (d) => ({ id: d.id, cx: d.cx, cy: d.cy, r: d.r });
  const incidents = marks.incidents.filter((d) => !d.ghost && !d.resolved).map(disc);
  const ghosts = marks.incidents.filter((d) => d.ghost).map(disc);
  const names = [...document.querySelectorAll('#map-a text.area-name')].filter(shows).map((el) => ({ text: el.textContent, ...box(el) }));
  const figures = [...document.querySelectorAll('#map-a g.zone text, #map-a g.shelter text')].filter(shows).map((el) => ({ text: el.textContent, ...box(el) }));
  const people = marks.incidents.filter((d) => d.people_box).map((d) => ({ id: d.id, ghost: d.ghost, ...d.people_box }));
  const eyes = [...document.querySelectorAll('#map-a g.eye text')].filter(shows).map((el) => ({ text: el.textContent, ...box(el) }));
  const units = marks.units.map((u) => ({ id: u.id, state: u.state, incident: u.incident, ghost: u.ghost, cx: u.cx, cy: u.cy, half: u.half }));
  const leaders = marks.incidents.filter((d) => !d.ghost && !d.resolved && d.leader).map((d) => ({ id: d.id, ...d.leader }));
  // a badge's corners from its path, in page pixels (getScreenCTM: its place and the map's scale)
  const badges = [...document.querySelectorAll('#map-a g.area path.badge')].map((el) => {
    const m = el.getScreenCTM();
    const corners = el.getAttribute('d').match(/-?[\\d.]+,-?[\\d.]+/g).map((xy) => { const [x, y] = xy.split(',').map(Number); return [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]; });
    return { id: el.parentElement.getAttribute('data-area'), risk: Number(el.parentElement.getAttribute('data-risk')), corners };
  });
  return { incidents, ghosts, names, figures, people, eyes, units, leaders, badges };
}`;

/**
 * A text's box as read: the font's box less the room above and below the glyphs (2 px each way), less a pixel
 * at each end (a halo's touch is not a cover).
 */
const ink = (b: Rect): Rect => ({ left: b.left + 1, right: b.right - 1, top: b.top + 2, bottom: b.bottom - 2 });

/** A circle that reaches more than a pixel into a box. */
function circleOnBox(c: { cx: number; cy: number; r: number }, b: Rect): boolean {
  const x = Math.max(b.left, Math.min(c.cx, b.right)), y = Math.max(b.top, Math.min(c.cy, b.bottom));
  return Math.hypot(c.cx - x, c.cy - y) < c.r - 1;
}

/** A diamond (a square turned 45°, `half` its half-width on screen) that reaches more than a pixel into a box. */
function diamondOnBox(u: { cx: number; cy: number; half: number }, b: Rect): boolean {
  const x = Math.max(b.left, Math.min(u.cx, b.right)), y = Math.max(b.top, Math.min(u.cy, b.bottom));
  return Math.abs(u.cx - x) + Math.abs(u.cy - y) < u.half - 1;
}

/**
 * How deep two convex shapes (corners in order) reach into each other, in px: the least overlap of their
 * shadows on each edge's normal (separating axes); 0 or less where they are apart.
 */
function reach(a: [number, number][], b: [number, number][]): number {
  let least = Infinity;
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const [x0, y0] = shape[i], [x1, y1] = shape[(i + 1) % shape.length];
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (len === 0) continue;
      const nx = (y0 - y1) / len, ny = (x1 - x0) / len;
      const on = (s: [number, number][]) => s.map(([x, y]) => x * nx + y * ny);
      const pa = on(a), pb = on(b);
      least = Math.min(least, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return least;
}

/** A unit's diamond's corners. */
const diamond = (u: { cx: number; cy: number; half: number }): [number, number][] => [[u.cx, u.cy - u.half], [u.cx + u.half, u.cy], [u.cx, u.cy + u.half], [u.cx - u.half, u.cy]];

/** Two boxes that overlap by more than a pixel. */
function boxOnBox(a: Rect, b: Rect): boolean {
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

/** states in which a unit is at its base */
const AT_BASE = ['available', 'mobilising', 'resting'];

const files = RUNS.map(([s, seed, decisions]) => join(dir, `${s}-${seed}${decisions ? `-${decisions}` : ''}.json`));

const served = servers();

/** A page on run i (`cmp`: run B overlaid, compare in the overlay layout), the keys pressed on it so far, its looks then. */
interface Opened { page: Page; pressed: string[]; times: number[]; looks: Look[] }

/**
 * Pages kept for the file, one for each run or pair of runs opened: opening one (Chromium reading a run or two of
 * 600 kB and drawing them) took as long as its 61 looks. A test that asks for a view with more keys pressed (the
 * framed view, then '+' to zoom in) gets the same page with the rest of its keys pressed, and looks again: a page
 * shows the same at the same times, whatever it showed before (see map-crowding); one that asks for fewer gets a
 * page of its own.
 */
const kept = new Map<string, Promise<Opened>>();

/**
 * Run i opened (`cmp`: run B overlaid, compare in the overlay layout; `keys`: keys the reviewer presses then, as
 * '+' to zoom in), looked at 61 times over the run: the page, in that view, and a copy of the times and looks for
 * the test's own use. Each test seeks to what it shows before its pictures.
 */
async function looksOver(i: number, cmp?: number, keys: string[] = []): Promise<{ page: Page; times: number[]; looks: Look[] }> {
  const id = `${i} ${cmp ?? ''}`;
  const was = await kept.get(id);
  let now: Promise<Opened>;
  if (was !== undefined && was.pressed.join(' ') === keys.join(' ')) now = Promise.resolve(was);
  else if (was !== undefined && keys.slice(0, was.pressed.length).join(' ') === was.pressed.join(' ')) now = looked(was.page, keys.slice(was.pressed.length), keys);
  else now = opened(i, cmp).then((page) => looked(page, keys, keys));
  kept.set(id, now);
  const { page, times, looks } = await now;
  return { page: await toFront(page), times: [...times], looks: [...looks] };
}

/** A page on run i (and B), on a server of the runs it shows (see servers). */
async function opened(i: number, cmp: number | undefined): Promise<Page> {
  const page = await openServedRun(browser, await served.of(cmp === undefined ? [files[i]] : [files[i], files[cmp]]), 0, 'en', cmp === undefined ? '' : '&cmp=1&layout=overlay');
  if (cmp !== undefined) await page.waitForFunction(() => (window as any).drillViewer.app.b?.served === 1);
  return page;
}

/** `press` pressed on the page (which then has had `pressed` in all), and its 61 looks. */
async function looked(page: Page, press: string[], pressed: string[]): Promise<Opened> {
  await toFront(page);
  for (const k of press) await page.keyboard.press(k);
  const until: number = await page.evaluate(() => (window as any).drillViewer.app.a.data.until);
  const times = spread(until, 60);
  return { page, pressed, times, looks: await lookAtEach<Look>(page, times, LOOK) };
}

beforeAll(async () => {
  // Chromium starts while the runs are made
  const launching = launch();
  RUNS.forEach(([s, seed, decisions], i) => {
    const also = decisions ? ['--decisions', `scenarios/decisions/${decisions}.yaml`] : [];
    expect(drill(['run', `scenarios/${s}.yaml`, '--seed', String(seed), ...also, '--out', files[i], '--quiet']).code).toBe(0);
  });
  browser = await launching;
});

afterAll(async () => {
  await browser?.close();
  await served.stop();
});

describe('incident markers and area names', () => {
  for (const [i, [s]] of RUNS.slice(0, 3).entries()) {
    it(`no area name lies on an open incident's circle, at any time of ${s}`, async () => {
      const { page, times, looks } = await looksOver(i);
      const bad: string[] = [];
      looks.forEach((l, k) => {
        for (const n of l.names) for (const c of l.incidents) if (circleOnBox(c, ink(n))) bad.push(`T${times[k]}: ${n.text} / ${c.id}`);
      });
      // the names are there to be kept off: incidents at the places they name
      expect(looks.some((l) => l.incidents.length > 0 && l.names.length > 0)).toBe(true);
      // and they move aside rather than go: on the whole, nine in ten of the names shown at T0 (no incident yet) still show
      const share = looks.reduce((n, l) => n + l.names.length, 0) / looks.length / looks[0].names.length;
      expect(share).toBeGreaterThan(0.9);
      const worst = looks.findIndex((l) => l.incidents.length === Math.max(...looks.map((x) => x.incidents.length)));
      await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), times[worst]);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-overlap-names-${s}.png`) });
      expect(bad).toEqual([]);
    });
  }
});

describe("incidents' people at risk", () => {
  for (const [i, [s]] of RUNS.slice(0, 3).entries()) {
    it(`are under no unit's diamond, at any time of ${s}`, async () => {
      const { times, looks } = await looksOver(i);
      const bad: string[] = [];
      let seen = 0;
      looks.forEach((l, k) => {
        seen += l.people.length;
        for (const p of l.people) for (const u of l.units) if (diamondOnBox(u, ink(p))) bad.push(`T${times[k]}: ${p.id} (${p.text}) under ${u.id} (${u.state})`);
      });
      expect(seen).toBeGreaterThan(10);
      expect(bad).toEqual([]);
    });

    it(`lie on no other open incident's circle, at any time of ${s}`, async () => {
      const { page, times, looks } = await looksOver(i);
      const bad: string[] = [];
      looks.forEach((l, k) => {
        for (const p of l.people) for (const c of l.incidents) if (c.id !== p.id && circleOnBox(c, ink(p))) bad.push(`T${times[k]}: ${p.id} (${p.text}) on ${c.id}`);
      });
      // the flash flood's crowded hours: the villages' incidents side by side, 770 people caught in the lowland
      const worst = looks.findIndex((l) => l.incidents.length === Math.max(...looks.map((x) => x.incidents.length)));
      await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), s === 'ky-son-flash-flood' ? 21600 : times[worst]);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-overlap-people-${s}.png`) });
      expect(looks.some((l) => l.people.length > 1)).toBe(true);
      expect(bad).toEqual([]);
    });
  }
});

describe("units standing round an incident's circle", () => {
  for (const [i, [s, seed, decisions]] of RUNS.entries()) {
    it(`stand on their own incident's rim while on scene, even at their own base, at any time of ${s} (seed ${seed}${decisions ? `, ${decisions}` : ""})`, async () => {
      const { times, looks } = await looksOver(i);
      const bad: string[] = [];
      let seen = 0;
      looks.forEach((l, k) => {
        for (const u of l.units) {
          const c = u.state === 'on_scene' && !u.ghost ? l.incidents.find((d) => d.id === u.incident) : undefined;
          if (!c) continue;
          seen++;
          // its centre on the circle, or out on the ring a diamond farther where the rim is full
          const off = Math.hypot(u.cx - c.cx, u.cy - c.cy) - c.r;
          if (off < -u.half || off > 3 * u.half + 2) bad.push(`T${times[k]}: ${u.id} ${off.toFixed(1)} px off ${c.id}'s rim`);
        }
      });
      // the flash flood's Tà Cạ shock team works the houses swept away at its own commune: it was drawn resting at its base
      if (s === 'ky-son-flash-flood') expect(seen).toBeGreaterThan(10);
      expect(bad).toEqual([]);
    });
  }
  for (const [i, [s]] of RUNS.slice(0, 3).entries()) {
    it(`hide no letter of a zone's or a shelter's figures, at any time of ${s}`, async () => {
      const { page, times, looks } = await looksOver(i);
      // the flash flood at T+13:57: a unit on the rim covered the end of the lowland's '0↓ 630⌂'
      if (s === 'ky-son-flash-flood') { times.push(50220); looks.push(...await lookAtEach<Look>(page, [50220], LOOK)); }
      const bad: string[] = [];
      looks.forEach((l, k) => {
        for (const u of l.units) {
          if (u.state === 'en_route' || u.state === 'returning') continue;
          // the diamond's middle on the text: a touch of its corner on a figure's edge leaves it readable
          for (const f of l.figures) if (diamondOnBox({ ...u, half: u.half - 3 }, ink(f))) bad.push(`T${times[k]}: ${f.text} under ${u.id} (${u.state})`);
        }
      });
      expect(looks.some((l) => l.figures.length > 0)).toBe(true);
      expect(bad).toEqual([]);
    });
  }
});

describe("areas' risk badges", () => {
  // the diamonds of units standing still (at their base, on scene, waiting at a cut road): one on an area's place
  // hid its hexagon, and with it the area's risk level (a commune's militia resting at its own commune)
  for (const [i, [s]] of RUNS.slice(0, 3).entries()) {
    it(`lie under no unit's diamond, at any time of ${s}`, async () => {
      const { page, times, looks } = await looksOver(i);
      const bad: string[] = [];
      let seen = 0;
      looks.forEach((l, k) => {
        for (const u of l.units) {
          if (u.ghost || u.state === 'en_route' || u.state === 'returning') continue;
          for (const b of l.badges) {
            if (Math.hypot(u.cx - b.corners[0][0], u.cy - b.corners[0][1]) < 40) seen++;
            // a diamond's corner on the hexagon's edge leaves its colour and number readable (as on a label's edge)
            const d = reach(diamond(u), b.corners);
            if (d > 3) bad.push(`T${times[k]}: ${b.id} (risk ${b.risk}) under ${u.id} (${u.state}), ${d.toFixed(1)} px in`);
          }
        }
      });
      await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), s === 'ky-son-flash-flood' ? 21600 : times[30]);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-overlap-badges-${s}.png`) });
      // units stand by the areas' places: the bases are at the communes
      expect(seen).toBeGreaterThan(20);
      expect(bad.slice(0, 20)).toEqual([]);
    });
  }
});

describe("the typhoon eye's wind force", () => {
  /**
   * [run, keys, from, to, why]: the coast's landfall at Cửa Lò (T+35:00 to T+38:00, looked at every 12 min besides), the
   * eye passing over the units on scene there; Vinh's night seen whole ('0': framed on the wards, the eye passes
   * beyond the view's edge), the eye crossing the wards' incidents (T+05:30 to T+08:00, every 6 min)
   */
  const CASES = [[2, [], 126000, 136800, 720, 'typhoon-landfall-coast'], [6, ['0'], 19800, 28800, 360, 'vinh-wards-typhoon-night, seen whole']] as const;
  for (const [i, keys, from, to, step, name] of CASES) {
    it(`lies on no incident's circle or number, and under no unit's diamond, at any time of ${name}`, async () => {
      const { page, times, looks } = await looksOver(i, undefined, [...keys]);
      const dense = Array.from({ length: (to - from) / step + 1 }, (_, k) => from + k * step);
      times.push(...dense);
      looks.push(...await lookAtEach<Look>(page, dense, LOOK));
      const bad: string[] = [];
      // the eye within 20 px of a marker: where the check bites
      let near = 0;
      looks.forEach((l, k) => {
        for (const e of l.eyes) {
          const at = `T${times[k]}: ${e.text}`;
          if (l.incidents.some((c) => circleOnBox({ ...c, r: c.r + 21 }, e)) || l.units.some((u) => diamondOnBox({ ...u, half: u.half + 21 }, e))) near++;
          for (const c of l.incidents) if (circleOnBox(c, ink(e))) bad.push(`${at} on ${c.id}'s circle`);
          for (const p of l.people) if (boxOnBox(ink(p), ink(e))) bad.push(`${at} on ${p.id}'s people at risk (${p.text})`);
          for (const u of l.units) if (diamondOnBox(u, ink(e))) bad.push(`${at} on ${u.id}'s diamond (${u.state})`);
          for (const n of [...l.names, ...l.figures]) if (boxOnBox(ink(n), ink(e))) bad.push(`${at} on ${n.text}`);
        }
      });
      // and it takes no side a number needs: placed first, it pushed an incident's people at risk (2) over the shelter's
      // figures beside it, which were hidden while the number was there (Vinh's night seen whole, T+06:30)
      if (i === 6) expect(looks[times.indexOf(23400)].figures.map((f) => f.text)).toContain('1092/1300');
      const t = i === 2 ? 130320 : 23400;
      await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), t);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-overlap-eye-${RUNS[i][0]}.png`) });
      // a few times are enough for the check to bite; how many depends on where the label is placed: at Cửa Lò the
      // eye's 'force 11' came within 20 px of a marker 5 times (the '11 Bft' it replaced, 6), Vinh's 27 times
      expect(near).toBeGreaterThan(3);
      expect(bad).toEqual([]);
    });
  }
});

describe("leader lines (a marker moved off its place, tied to it)", () => {
  it("start clear of other incidents' circles: the hotel fire's spread, moved off the fire, no longer crosses out its number", async () => {
    const { page, times, looks } = await looksOver(4);
    const bad: string[] = [];
    let seen = 0;
    looks.forEach((l, k) => {
      seen += l.leaders.length;
      for (const d of l.leaders) for (const c of l.incidents) if (c.id !== d.id && Math.hypot(d.x - c.cx, d.y - c.cy) < c.r - 1) bad.push(`T${times[k]}: ${d.id}'s leader starts inside ${c.id}`);
    });
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(7200));
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'viewer-overlap-leaders-cua-lo.png') });
    expect(seen).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });
});

describe('two runs on one map (compare, overlay)', () => {
  it("B's units at their base rest each at a spot of its own, 5 px off A's same unit's, at every time", async () => {
    const { page, times, looks } = await looksOver(1, 3);
    // where each of A's units rests (the same at every time: see map-crowding)
    const restA = new Map<string, [number, number]>();
    for (const l of looks) for (const u of l.units) if (!u.ghost && AT_BASE.includes(u.state)) restA.set(u.id, [u.cx, u.cy]);
    const bad: string[] = [];
    let seen = 0;
    looks.forEach((l, k) => {
      for (const u of l.units) {
        const a = restA.get(u.id);
        if (!u.ghost || !AT_BASE.includes(u.state) || !a) continue;
        seen++;
        // compared as numbers: rounded first, 402.55 + 5 and 407.55 fell either side of a tenth
        if (Math.abs(u.cx - a[0] - 5) > 0.05 || Math.abs(u.cy - a[1] - 5) > 0.05) bad.push(`T${times[k]}: B's ${u.id} at ${u.cx.toFixed(2)},${u.cy.toFixed(2)}, not ${(a[0] + 5).toFixed(2)},${(a[1] + 5).toFixed(2)}`);
      }
    });
    // bases whose units are partly out (some of B's at rest, some away): where a shared spot went wrong
    const k = looks.findIndex((l) => l.units.some((u) => u.ghost && !AT_BASE.includes(u.state)));
    await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), times[Math.max(0, k)]);
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'viewer-overlap-overlay-rest.png') });
    expect(seen).toBeGreaterThan(50);
    expect(bad).toEqual([]);
    // B's circles keep off the area names as A's do
    const names: string[] = [];
    looks.forEach((l, k) => { for (const n of l.names) for (const c of [...l.incidents, ...l.ghosts]) if (circleOnBox(c, ink(n))) names.push(`T${times[k]}: ${n.text} / ${c.id}`); });
    expect(looks.some((l) => l.ghosts.length > 0)).toBe(true);
    expect(names).toEqual([]);
  });

  /**
   * [A, B, keys]: the dam release, seed 1 against seed 2; the flash flood, seed 1 against seed 2, zoomed in; and the
   * trainee's run against doctrine's (seed 7), zoomed in. (The flash flood's seeds seen whole, at T+04:57-05:06, leave
   * the lowland's 770 no side off every circle and diamond: there it takes B's outline, see docs/viewer.md.)
   */
  // B's numbers, placed after A's, find every side taken at a few crowded moments (the dam release at Yên Hòa,
  // T+10:00-10:24; the flash flood's lowland beside the slides at Mường Xén): there a number goes over the edge
  // of one of A's circles, as A's may take B's outline. At most `crowded` such looks of the 61; before B's numbers
  // kept off A's circles, the dam release's 60 at Mỹ Lý lay on A's circle at every look from T+04:00 on.
  const PAIRS = [[0, 5, [], 'the dam release, seed 1 against seed 2', 4], [1, 3, ['+'], 'the flash flood, seed 1 against seed 2, zoomed in', 4],
    [7, 8, ['+'], "the flash flood, the trainee's decisions against doctrine, zoomed in", 0]] as const;
  for (const [a, b, keys, name, crowded] of PAIRS) {
    it(`A's people at risk lie on none of B's dashed circles (drawn over them), nor on A's; B's on A's filled circles only where every side is taken: ${name}`, async () => {
      const { page, times, looks } = await looksOver(a, b, [...keys]);
      const bad: string[] = [];
      let both = 0, bOnA = 0;
      const crowd: string[] = [];
      looks.forEach((l, k) => {
        const mine = l.people.filter((p) => !p.ghost);
        if (mine.length > 0 && l.ghosts.length > 0) both++;
        for (const p of mine) for (const c of l.ghosts) if (circleOnBox(c, ink(p))) bad.push(`T${times[k]}: ${p.id} (${p.text}) on B's ${c.id}`);
        // nor, to keep off B's, on another of A's own
        for (const p of mine) for (const c of l.incidents) if (c.id !== p.id && circleOnBox(c, ink(p))) bad.push(`T${times[k]}: ${p.id} (${p.text}) on ${c.id}`);
        // B's people at risk, drawn above A's filled circles, would hide the severity written in them
        const theirs = l.people.filter((p) => p.ghost);
        if (theirs.length > 0 && l.incidents.length > 0) bOnA++;
        if (theirs.some((p) => l.incidents.some((c) => circleOnBox(c, ink(p))))) crowd.push(`T${times[k]}`);
      });
      expect(bOnA).toBeGreaterThan(20);
      expect(crowd.length, `B's people at risk on A's circles at ${crowd.join(', ')}`).toBeLessThanOrEqual(crowded);
      await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), a === 0 ? 26640 : a === 1 ? 35640 : 21600);
      await page.locator('#maps').screenshot({ path: join(ARTIFACTS, `viewer-overlap-overlay-people-${a}-${b}.png`) });
      expect(both).toBeGreaterThan(20);
      expect(bad).toEqual([]);
    });
  }

  it("no label lies under a unit resting at its base, A's or B's overlaid: the shelters' figures by the dam release's militia, zoomed in", async () => {
    const { page, times, looks } = await looksOver(0, 5, ['+']);
    const bad: string[] = [];
    looks.forEach((l, k) => {
      const labels = [...l.names, ...l.figures, ...l.people];
      for (const u of l.units) if (AT_BASE.includes(u.state)) for (const b of labels) if (diamondOnBox(u, ink(b))) bad.push(`T${times[k]}: ${b.text} under ${u.ghost ? 'B' : 'A'}'s ${u.id}`);
    });
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(30000));
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'viewer-overlap-overlay-labels.png') });
    expect(looks.some((l) => l.units.some((u) => u.ghost && AT_BASE.includes(u.state)))).toBe(true);
    expect(looks.some((l) => l.figures.length > 0)).toBe(true);
    expect(bad).toEqual([]);
  });
});
