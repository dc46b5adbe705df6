/**
 * The viewer in headless Chromium, used as a reviewer would: open runs served
 * by `drill view`, scrub, click, compare, open broken files. Screenshots of
 * the map, the timeline and compare mode go to test/artifacts/ for review.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findDivergence } from '../../engine/replay/divergence.js';
import { MESSAGES } from '../../engine/review/messages.js';
import type { RunData } from '../../engine/replay/open.js';
import { Model } from '../../engine/sim/model.js';
import { decisionFromRecord } from '../../engine/sim/run.js';
import { Sim } from '../../engine/sim/sim.js';
import type { World } from '../../engine/sim/world.js';
import { drill, tempDir } from '../helpers/cli.js';
import { kySonWithMarkupText, MARKUP } from '../helpers/scenarios.js';
import { severityColour, UNIT_COLOUR } from '../../viewer/src/look.js';
import { ARTIFACTS, openRun, openViewer, serve, viewerSession, watchRequests, type Served, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-');
const fileA = join(dir, 'doctrine.json');
const fileB = join(dir, 'early-evacuation.json');
let session: ViewerSession;
let browser: Browser;
let server: Served;
let page: Page;
let requests: string[];
const dialogs: string[] = [];
let runA: RunData;
let runB: RunData;

/** The engine's world at t the slow way (a straight run from T0, no keyframe): what the board must show. */
function engineAt(r: RunData, t: number): World {
  const sim = new Sim(new Model(r.scenario), { seed: r.seed, decisions: r.decisions.map(decisionFromRecord), players: r.players, until: r.until, mode: 'metrics', keyframeEvery: r.keyframe_every });
  sim.start();
  sim.run(t + 1);
  return sim.world;
}

/** How many units a pane's map draws (its own, or `ghost`: run B's overlaid on it); the markers are drawn on a canvas. */
function unitsDrawn(p: Page, pane: 'a' | 'b', ghost = false): Promise<number> {
  return p.evaluate(([pane, ghost]) => ((window as any).drillViewer.markers(pane)?.units ?? []).filter((u: { ghost: boolean }) => u.ghost === ghost).length, [pane, ghost] as const);
}

async function clockT(p: Page): Promise<number> {
  return Number(await p.locator('#clock').getAttribute('data-t'));
}

beforeAll(async () => {
  // the flash flood with markup in the dam rumour's message (the page must show it as text)
  const scenario = join(dir, 'ky-son-flash-flood.yaml');
  writeFileSync(scenario, kySonWithMarkupText());
  expect(drill(['run', scenario, '--out', fileA, '--quiet']).code).toBe(0);
  const decisions = join(dir, 'decisions.yaml');
  writeFileSync(decisions, 'drillsim_decisions: 1\nscenario: ky-son-flash-flood\ndecisions:\n  - { at: T+00:40, role: tc-chair, do: evacuate, zone: ta-ca-riverside }\n');
  expect(drill(['run', scenario, '--decisions', decisions, '--out', fileB, '--quiet']).code).toBe(0);
  runA = openRun(fileA);
  runB = openRun(fileB);
  ({ browser, server, page } = session = await viewerSession([fileA, fileB], async (p) => {
    requests = watchRequests(p);
    p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    // what the page's content-security policy refused, from its first script on (a refusal need not be a console error)
    await p.addInitScript(() => {
      const w = window as unknown as { cspRefused: string[] };
      w.cspRefused = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspRefused.push(`${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    });
  }));
});

afterAll(async () => {
  await session?.close();
});

describe('the replay viewer', () => {
  // the page in front again after a test's own pages: Chromium runs a tab behind others at a few frames a second (see toFront)
  beforeEach(async () => { await page?.bringToFront(); });

  it('opens the run it was given: title, map, timeline, no error', async () => {
    await expect(page.locator('#title').textContent()).resolves.toContain('Mường Xén');
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(await unitsDrawn(page, 'a')).toBe(runA.scenario.units.length);
    expect(await page.locator('#map-a g.road').count()).toBe(runA.scenario.travel.edges.length);
    expect(await page.locator('#timeline-slider').getAttribute('aria-valuemax')).toBe(String(runA.until));
  });

  it('after scrubbing, shows every unit and incident as the engine holds them at that time', async () => {
    const box = (await page.locator('#timeline-slider').boundingBox())!;
    // drag from the start of the lanes to about two fifths of the run
    await page.mouse.move(box.x + 200, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + 200 + (box.width - 228 - 170) * 0.2, box.y + 30, { steps: 5 });
    await page.mouse.move(box.x + 170 + (box.width - 28 - 170) * 0.4, box.y + 30, { steps: 5 });
    await page.mouse.up();
    const t = await clockT(page);
    expect(t).toBeGreaterThan(runA.until * 0.35);
    expect(t).toBeLessThan(runA.until * 0.45);
    const world = engineAt(runA, t);
    // the markers are drawn on a canvas: what it draws, read from the map
    const shown = await page.evaluate(() => {
      const m = (window as any).drillViewer.markers('a') as { incidents: any[]; units: any[] };
      return {
        units: Object.fromEntries(m.units.map((u) => [u.id, u.state])),
        incidents: Object.fromEntries(m.incidents.filter((d) => !d.resolved).map((d) => [d.id, [d.phase, d.severity, d.people]])),
        resolved: m.incidents.filter((d) => d.resolved).map((d) => d.id),
        // each drawn in the colour of its state or severity, and unit and incident ids once each
        colours: [...new Set(m.units.map((u) => `${u.state} ${u.colour}`)), ...new Set(m.incidents.filter((d) => !d.resolved).map((d) => `${d.severity} ${d.fill}`))],
        ids: [m.units.length, new Set(m.units.map((u) => u.id)).size, m.incidents.length, new Set(m.incidents.map((d) => d.id)).size],
      };
    });
    expect(shown.units).toEqual(Object.fromEntries(Object.entries(world.units).map(([id, u]) => [id, String(u.m.value)])));
    expect(shown.incidents).toEqual(Object.fromEntries(Object.values(world.incidents).map((i) => [i.id, [(i.m.value as any).lifecycle, i.severity, i.people]])));
    expect(Object.keys(shown.incidents).length).toBeGreaterThan(0);
    const open = new Set(Object.values(world.incidents).map((i) => i.id));
    for (const id of shown.resolved) expect(open.has(id as string)).toBe(false);
    expect(shown.ids[0]).toBe(shown.ids[1]);
    expect(shown.ids[2]).toBe(shown.ids[3]);
    for (const c of shown.colours) {
      const [k, colour] = c.split(' ');
      expect(colour, c).toBe(/^\d/.test(k) ? severityColour(Number(k)) : UNIT_COLOUR[k]);
    }
    // and the canvas shows them so: a unit's diamond, an open incident's circle inside its outline, in its colour
    // where nothing is drawn over it
    const seen = await page.evaluate(() => {
      const m = (window as any).drillViewer.markers('a') as { incidents: any[]; units: any[] };
      const canvas = document.querySelector<HTMLCanvasElement>('#map-a canvas.map-canvas')!, r = canvas.getBoundingClientRect();
      const k = canvas.width / r.width, ctx = canvas.getContext('2d')!;
      const hex = (x: number, y: number) => '#' + [...ctx.getImageData(Math.round((x - r.left) * k), Math.round((y - r.top) * k), 1, 1).data.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('');
      const all = [...m.incidents.map((d) => ({ x: d.cx, y: d.cy, r: d.r + 2 })), ...m.units.map((u) => ({ x: u.cx, y: u.cy, r: u.half + 1 }))];
      // in view, and no marker drawn after it (above it) reaching there
      const alone = (x: number, y: number, i: number) => x > r.left + 2 && x < r.right - 2 && y > r.top + 2 && y < r.bottom - 2 && all.every((o, j) => j <= i || Math.hypot(o.x - x, o.y - y) > o.r + 1);
      const n = m.incidents.length, scratch = document.createElement('canvas').getContext('2d')!;
      const norm = (c: string) => { scratch.fillStyle = c; return scratch.fillStyle as string; };
      return [
        ...m.units.map((u, i) => alone(u.cx, u.cy, n + i) ? { want: norm(u.colour), got: hex(u.cx, u.cy), what: u.id } : null),
        ...m.incidents.map((d, i) => !d.resolved && alone(d.cx - d.r + 4, d.cy, i) ? { want: norm(d.fill), got: hex(d.cx - d.r + 4, d.cy), what: d.id } : null),
      ].filter((x) => x !== null);
    });
    expect(seen.length).toBeGreaterThan(3);
    for (const p of seen) expect(p.got, p.what).toBe(p.want);
    // a marker's tooltip is written when the pointer comes over it, and says what the engine holds: the canvas
    // takes the pointer while it is over a marker, and carries the marker's text as its title
    const canvas = page.locator('#map-a canvas.map-canvas');
    expect(await canvas.getAttribute('title')).toBeNull();
    const drawn = await page.evaluate(() => (window as any).drillViewer.markers('a').units as { id: string; cx: number; cy: number; half: number }[]);
    // a busy unit that no unit drawn after it (above it) covers
    const k = drawn.findIndex((u, i) => (world.units[u.id] as { incident?: string }).incident && drawn.slice(i + 1).every((o) => Math.abs(o.cx - u.cx) + Math.abs(o.cy - u.cy) > 2 * u.half));
    expect(k).toBeGreaterThanOrEqual(0);
    const busy = drawn[k];
    await page.mouse.move(busy.cx, busy.cy);
    const name = runA.scenario.units.find((u) => u.id === busy.id)!.name;
    await expect.poll(() => canvas.getAttribute('title')).toMatch(new RegExp(`: .+ → .+\\(${(world.units[busy.id] as { incident?: string }).incident}\\)$`));
    expect(await canvas.getAttribute('title')).toContain(typeof name === 'string' ? name : (name as { en?: string })?.en ?? busy.id);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className, [busy.cx, busy.cy])).toBe('map-canvas');
    // off the markers, the pointer goes through to the map's own tooltips (roads, areas, zones): the canvas says nothing
    const map = (await page.locator('#map-a').boundingBox())!;
    await page.mouse.move(map.x + 3, map.y + map.height / 2);
    await expect.poll(() => canvas.getAttribute('title')).toBeNull();
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('svg')?.getAttribute('class'), [map.x + 3, map.y + map.height / 2])).toBe('map-svg');
    await page.locator('#maps').screenshot({ path: join(ARTIFACTS, 'viewer-map.png') });
    await page.locator('#timeline').screenshot({ path: join(ARTIFACTS, 'viewer-timeline.png') });
  });

  it('zooms with the wheel over the map or a marker, and 0 resets the view', async () => {
    const geo = page.locator('#map-a svg.map-svg > g.geo');
    const before = await geo.getAttribute('transform');
    const unit = await page.evaluate(() => (window as any).drillViewer.markers('a').units[0] as { cx: number; cy: number });
    await page.mouse.move(unit.cx, unit.cy);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => geo.getAttribute('transform')).not.toBe(before);
    const zoomed = await geo.getAttribute('transform');
    const map = (await page.locator('#map-a').boundingBox())!;
    await page.mouse.move(map.x + 40, map.y + 40);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => geo.getAttribute('transform')).not.toBe(zoomed);
    await page.locator('#timeline-slider').focus();
    await page.keyboard.press('0');
    await expect.poll(() => geo.getAttribute('transform')).toMatch(/translate\(0,0\) scale\(1\)/);
  });

  it('steps to the next and previous event and plays from the keyboard', async () => {
    await page.locator('#timeline-slider').focus();
    await page.keyboard.press('Home');
    expect(await clockT(page)).toBe(0);
    await page.keyboard.press('ArrowRight');
    const next = await clockT(page);
    expect(next).toBe(runA.events.find((e) => e.t > 0)!.t);
    await page.keyboard.press('ArrowLeft');
    expect(await clockT(page)).toBe(0);
    await page.keyboard.press(']');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => Number(document.querySelector('#clock')!.getAttribute('data-t')) > 0);
    await page.keyboard.press('Space');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('false');
  });

  it('jumps to the time of an objective\'s evidence when it is clicked, and the address holds it', async () => {
    await page.locator('#tab-objectives').click();
    const o = runA.summary!.objectives.find((x) => x.id === 'evac-ta-ca')!;
    await page.locator('li[data-objective="evac-ta-ca"] .result button[data-kind="read"]').click();
    expect(await clockT(page)).toBe(o.at);
    // where the value names a moment (level declared at), the evidence jumps there
    const level = runA.summary!.objectives.find((x) => x.id === 'level-1')!;
    // (the declaration, among the evidence events the report lists)
    await page.locator('li[data-objective="level-1"] :is(.evidence, .evidence-events) button[data-kind="moment"]').click();
    expect(await clockT(page)).toBe(level.value);
    expect(runA.events.some((e) => e.type === 'level' && e.area === 'ta-ca' && e.t === level.value)).toBe(true);
    await page.locator('li[data-objective="evac-ta-ca"] .result button[data-kind="read"]').click();
    await page.waitForFunction((at) => location.hash.includes(`t=${at}`), o.at);
    // the address brings a colleague to the same moment
    const other = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await openViewer(other, page.url());
    expect(await clockT(other)).toBe(o.at);
    await other.close();
  });

  it('shows a message containing HTML as inert text', async () => {
    await page.locator('#tab-messages').click();
    const msg = page.locator('li[data-inject="dam-rumour"] .message');
    await expect(msg.textContent()).resolves.toContain(MARKUP);
    expect(await page.locator('#panel-messages img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    await page.locator('#lang').click();
    await expect(msg.textContent()).resolves.toContain(`người dân hoảng loạn chạy lên đồi ${MARKUP}`);
    await page.locator('#lang').click();
    expect(dialogs).toEqual([]);
  });

  it('writes a message\'s expected action and who took it in words, in the interface\'s language', async () => {
    await page.locator('#tab-messages').click();
    const li = page.locator('li[data-inject="province-directive"]');
    await expect(li.locator('.expected').textContent()).resolves.toMatch(/^expected: evacuate Tà Cạ riverside villages, within 1 h 30 min$/);
    // in the report's words (its evidence for an inject acted on), not "done by Tà Cạ commune chair latency 0 s";
    // doctrine takes it the moment it arrives: "as soon as it arrived", not "after 0 s"
    await expect(li.locator('.outcome.done').textContent()).resolves.toMatch(/^expected action taken by Tà Cạ commune chair as soon as it arrived T\+\d\d:\d\d(:\d\d)?$/);
    await page.locator('#lang').click();
    await expect(li.locator('.outcome.done').textContent()).resolves.toMatch(/^Chủ tịch UBND xã Tà Cạ đã xử lý ngay khi nhận được T\+\d\d:\d\d(:\d\d)?$/);
    await expect(li.locator('.expected').textContent()).resolves.toMatch(/^hành động mong đợi: sơ tán các bản ven suối Tà Cạ, trong vòng 1 giờ 30 phút$/);
    await expect(page.locator('#speed option[value="60"]').textContent()).resolves.toBe('1 phút/giây');
    await page.locator('#lang').click();
    await expect(page.locator('#speed option[value="60"]').textContent()).resolves.toBe('1 min/s');
    // the metrics panel says what its rows count
    await page.locator('#tab-metrics').click();
    await expect(page.locator('#panel-metrics table.now th[scope=row]').allTextContents()).resolves.toContain('Open incidents: responding');
    // objectives read as the report writes them, not as metric names
    await page.locator('#tab-objectives').click();
    const crit = page.locator('li[data-objective="evac-ta-ca"] .criterion');
    await expect(crit.textContent()).resolves.toBe('Criterion: share of people in shelter (Tà Cạ riverside villages): at least 90 %, read at T+03:00 (21:00)');
    await expect(page.locator('li[data-objective="evac-ta-ca"] .result').textContent()).resolves.toMatch(/^Result: \d+ %, read at T\+03:00 \(21:00\): rated [PSMU]: /);
    await expect(page.locator('li[data-objective="level-1"] .result').textContent()).resolves.toMatch(/^Result: T\+\d\d:\d\d \(\d\d:\d\d\), read at/);
    await page.locator('#tab-messages').click();
  });

  it('compares two runs side by side and marks where they diverge', async () => {
    const d = findDivergence(runA, runB);
    expect(d.t).not.toBeNull();
    await page.locator('#compare-select').selectOption('1');
    await expect(page.locator('#divergence-label').getAttribute('data-t')).resolves.toBe(String(d.t));
    expect(await unitsDrawn(page, 'b')).toBe(runB.scenario.units.length);
    // each pane says which run it shows
    const paneLabel = (id: string) => page.locator(`#${id} .map-caption`).textContent();
    expect(await paneLabel('map-a')).toBe(`A: ${basename(fileA)}`);
    expect(await paneLabel('map-b')).toBe(`B: ${basename(fileB)}`);
    expect(await page.locator('#timeline-slider line.divergence').getAttribute('data-t')).toBe(String(d.t));
    await page.locator('#divergence-label button.time').click();
    expect(await clockT(page)).toBe(d.t);
    await page.evaluate((t) => (window as any).drillViewer.app.seek(t), d.t! + 3600);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-compare.png') });
    await page.waitForFunction(() => location.hash.includes('cmp=1'));
    await page.locator('#compare-layout').selectOption('overlay');
    expect(await unitsDrawn(page, 'a', true)).toBe(runB.scenario.units.length);
    expect(await paneLabel('map-a')).toBe(`A: ${basename(fileA)} · B: ${basename(fileB)} (outlines)`);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-compare-overlay.png') });
    await page.locator('#compare-layout').selectOption('side');
    await page.locator('#compare-select').selectOption('');
  });

  it('the legend has rows for B\'s marks while B is overlaid (the caption says "outlines"), drawn as the marks are, EN and VI', async () => {
    const rowsB = (p: Page) => p.locator('#map-a details.legend li.run-b').evaluateAll((ls) => ls.filter((l) => (l as HTMLElement).offsetParent !== null).map((l) => l.textContent));
    await page.locator('#map-a details.legend summary').click();
    expect(await page.locator('#map-a details.legend').getAttribute('open')).not.toBeNull();
    // no second run, or side by side: A's rows only (B's own pane has its own legend)
    expect(await rowsB(page)).toEqual([]);
    await page.locator('#compare-select').selectOption('1');
    expect(await rowsB(page)).toEqual([]);
    await page.locator('#compare-layout').selectOption('overlay');
    expect(await page.locator('#map-a .map-caption').textContent()).toMatch(/ \(outlines\)$/);
    const d = findDivergence(runA, runB);
    await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), d.t! + 5 * 3600);
    expect(await rowsB(page)).toEqual(['3B: incident (its severity inside)', "B: unit, outlined in its state's colour", 'B: evacuees on their way', '10B: evacuees stranded on the road (how many)']);
    // drawn as B's marks are drawn on the map: an incident a dashed outline in their colour, no fill; a unit an outline in its state's colour
    const marks = await page.evaluate(() => (window as any).drillViewer.markers('a'));
    const ghost = marks.incidents.find((m: { ghost: boolean }) => m.ghost);
    expect(ghost, 'an incident of B overlaid at this time').toBeDefined();
    expect(ghost.fill).toBeNull();
    expect(ghost.dashed).toBe(true);
    const legendB = page.locator('#map-a details.legend li.run-b svg');
    const circle = legendB.nth(0).locator('circle');
    expect(await circle.getAttribute('stroke')).toBe(ghost.stroke);
    expect(await circle.getAttribute('fill')).toBe('none');
    expect(await circle.getAttribute('stroke-dasharray')).toBeTruthy();
    const diamonds = legendB.nth(1).locator('rect');
    for (const stroke of await diamonds.evaluateAll((rs) => rs.map((r) => [r.getAttribute('stroke'), r.getAttribute('fill')]))) {
      expect(Object.values(UNIT_COLOUR)).toContain(stroke[0]);
      expect(stroke[1]).toBe('none');
    }
    expect(marks.units.filter((u: { ghost: boolean }) => u.ghost).every((u: { colour: string; state: string }) => u.colour === (UNIT_COLOUR as Record<string, string>)[u.state])).toBe(true);
    // evacuees on the road and stranded: the map's own ghost style (dashed, in the cut road's vermillion)
    const look = (sel: string) => page.locator(sel).evaluate((e) => { const c = getComputedStyle(e); return { stroke: c.stroke, dash: c.strokeDasharray }; });
    expect(await look('#map-a details.legend li.run-b .trip-dot')).toEqual({ stroke: 'rgb(213, 94, 0)', dash: '3px, 2px' });
    expect((await look('#map-a details.legend li.run-b .stranded-box')).dash).toBe('3px, 2px');
    await page.locator('#map-a details.legend').screenshot({ path: join(ARTIFACTS, 'viewer-compare-overlay-legend.png') });
    // in Vietnamese too, and gone again side by side
    const vi = await browser.newPage({ viewport: { width: 1440, height: 950 } });
    await openViewer(vi, `${server.url}#run=0&cmp=1&layout=overlay&lang=vi`);
    await vi.locator('#map-a details.legend summary').click();
    expect(await rowsB(vi)).toEqual(['3B: sự cố (mức độ ghi bên trong)', 'B: lực lượng, viền theo màu trạng thái', 'B: người sơ tán đang trên đường', '10B: người sơ tán bị kẹt giữa đường (số người)']);
    await vi.close();
    await page.locator('#compare-layout').selectOption('side');
    expect(await rowsB(page)).toEqual([]);
    await page.locator('#compare-select').selectOption('');
    await page.locator('#map-a details.legend summary').click();
  });

  it('a link to a comparison opens the comparison, whatever else the address holds', async () => {
    // the page rewrites its address (time, language) while the second run is still arriving: it must not lose `cmp`
    const d = findDivergence(runA, runB);
    for (const hash of ['#run=0&cmp=1&lang=vi', `#run=0&cmp=1&t=${d.t}`, '#run=1&cmp=0&layout=overlay']) {
      for (let i = 0; i < 2; i++) {
        const other = await browser.newPage({ viewport: { width: 1200, height: 800 } });
        await openViewer(other, server.url + hash);
        const want = new URLSearchParams(hash.slice(1));
        expect(await other.evaluate(() => (window as any).drillViewer.app.b?.served ?? null), hash).toBe(Number(want.get('cmp')));
        expect(await other.evaluate(() => (window as any).drillViewer.app.a?.served ?? null), hash).toBe(Number(want.get('run')));
        if (want.get('t')) expect(await clockT(other)).toBe(Number(want.get('t')));
        // and the address, once written, still says what is shown
        await other.waitForTimeout(400);
        const now = new URLSearchParams((await other.evaluate(() => location.hash)).slice(1));
        expect(now.get('cmp'), hash).toBe(want.get('cmp'));
        for (const k of ['lang', 'layout', 't']) if (want.get(k)) expect(now.get(k), `${hash}: ${k}`).toBe(want.get(k));
        await other.close();
      }
    }
  }, 180_000); // six page loads: on a loaded 2-core machine they took 60-100 s

  it('says clearly in the page when a file is corrupt or not a run log', async () => {
    const text = readFileSync(fileA, 'utf8');
    await page.locator('#file-input').setInputFiles({ name: 'cut-short.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, text.length / 2)) });
    const err = page.locator('#error');
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('cut-short.json'));
    // the line it breaks off at, as drill view names it
    expect(await err.textContent()).toContain(`cut-short.json is cut short: the file ends at line ${text.slice(0, text.length / 2).trimEnd().split('\n').length}, before the log does`);
    await page.locator('#file-input').setInputFiles({ name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from('{"drillsim": 1, "id": "x"}') });
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('scenario.json'));
    await expect(err.textContent()).resolves.toMatch(/scenario\.json is a scenario, not a run log: make a run log of it first \(drill run scenario\.json --out run\.json\)/);
    expect(await unitsDrawn(page, 'a')).toBe(runA.scenario.units.length);
    // dropped on the page, the same
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"format": "drillsim/run@1", "events": "none"}'], 'dropped.json', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('dropped.json'));
    expect(await err.textContent()).toMatch(/dropped\.json has no 'scenario'/);
    // every file that failed keeps its line: none replaced another
    expect(await page.locator('#error .error-line').count()).toBe(3);
    await page.locator('#error .error-line[data-file="dropped.json"] button.dismiss').click();
    // keyframes the engine cannot restore: said when it tries, naming the file and the time
    const broken = text.replaceAll('"queue":{"nextSeq"', '"queue":{"nextSeqX"');
    expect(broken).not.toBe(text);
    await page.locator('#file-input').setInputFiles({ name: 'damaged-keyframes.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('damaged-keyframes.json'));
    expect(await err.textContent()).toMatch(/Cannot replay: damaged-keyframes\.json: the engine cannot replay it at T\+/);
    await page.locator('#error .error-line[data-file="damaged-keyframes.json"] button.dismiss').click();
    // a log of an engine before 0.2.0 (keyframes without the people reached): said with the keyframe's clock time, in either language
    const older = text.replaceAll('"saved":', '"saved_before":');
    expect(older).not.toBe(text);
    await page.locator('#file-input').setInputFiles({ name: 'older-engine.json', mimeType: 'application/json', buffer: Buffer.from(older) });
    // it opens (its head is sound) and fails at the first keyframe with an incident open: seek until then
    await page.waitForFunction(() => (window as any).drillViewer.app.a?.data.name === 'older-engine.json');
    await page.evaluate(() => (window as any).drillViewer.app.seek(4 * 3600));
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('older-engine.json'));
    const olderLine = page.locator('#error .error-line[data-file="older-engine.json"]');
    expect(await olderLine.textContent()).toMatch(/older-engine\.json: the engine cannot replay it at T\+[\d:]+: its keyframe at T\+[\d:]+ holds incident \S+ without the work done and the people reached/);
    expect(await olderLine.textContent()).not.toMatch(/\d s /);
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await olderLine.textContent()).toMatch(/khung khoá lúc T\+[\d:]+ chứa sự cố \S+ mà thiếu phần việc đã làm/);
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await olderLine.locator('button.dismiss').click();
    // a good file opened the same way replaces nothing and becomes the current run; the errors stay until dismissed
    await page.locator('#file-input').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => (document.querySelector('#run-select') as HTMLSelectElement).options.length === 5);
    expect(await page.locator('#error .error-line').count()).toBe(2);
    while (await page.locator('#error button.dismiss').count()) await page.locator('#error button.dismiss').first().click();
    expect(await err.isHidden()).toBe(true);
  });

  it('made no request beyond 127.0.0.1', () => {
    const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
  });

  it('had nothing refused by its content-security policy, on opening and since (a refusal is reported, and costs the page time)', async () => {
    expect(await page.evaluate(() => (window as unknown as { cspRefused: string[] }).cspRefused)).toEqual([]);
  });
});

/** A copy of `file` with the first line that `find` picks rewritten by `edit`. */
function edited(file: string, name: string, find: (l: string) => boolean, edit: (l: string) => string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex(find);
  if (i < 0) throw new Error(`${name}: no line to edit`);
  const before = lines[i];
  lines[i] = edit(before);
  if (lines[i] === before) throw new Error(`${name}: the edit changed nothing`);
  const out = join(dir, name);
  writeFileSync(out, lines.join('\n'));
  return out;
}

describe('the replay viewer with logs that fail or were changed', () => {
  let served: Served;
  let p: Page;
  const errorLines = () => p.locator('#error .error-line');

  beforeAll(async () => {
    // each passes `drill view`'s check of its ends: the page finds what is wrong
    const back = edited(fileA, 'back.json', (l) => l.startsWith('{"t":') && /^\{"t":[1-9]\d*,"type"/.test(l) && l.includes('"type":"unit.state"'), (l) => l.replace(/^\{"t":\d+,/, '{"t":0,'));
    const gone = join(dir, 'gone.json');
    writeFileSync(gone, readFileSync(fileB));
    const lost = edited(fileA, 'lost.json', (l) => l.includes('"type":"incident.people"') && /"lost":[1-9]/.test(l), (l) => l.replace(/"lost":\d+/, '"lost":0'));
    const storedLost = JSON.parse(readFileSync(fileA, 'utf8')).summary.people.lost as number;
    const summary = edited(fileA, 'summary.json', (l) => l.startsWith('"summary":'), (l) => l.replace(`"lost":${storedLost}`, `"lost":${storedLost + 1}`));
    served = await serve([fileA, back, gone, fileB, lost, summary]);
    unlinkSync(gone); // removed after `drill view` started: the server answers 410, gone
    p = await browser.newPage({ viewport: { width: 1440, height: 950 } });
    await p.goto(`${served.url}#run=3`);
    await p.waitForFunction(() => (window as any).drillViewer?.ready);
    await p.evaluate(() => (window as any).drillViewer.ready);
  });
  afterAll(async () => { await p?.close(); await served?.stop(); });

  it('keeps one line per run that failed to open, while the others open, and the run numbers they were served with', async () => {
    await expect(p.locator('#title').textContent()).resolves.toContain('Mường Xén');
    expect(await errorLines().count()).toBe(2);
    expect(await p.locator('#error .error-line[data-file="back.json"]').textContent()).toMatch(/Cannot open: back\.json is damaged: event #\d+ \(unit\.state\) goes back in time/);
    expect(await p.locator('#error .error-line[data-file="gone.json"]').textContent()).toMatch(/Cannot open: gone\.json is no longer where drill view found it \(moved or deleted\) \(put the file back, or start `drill view` again with the files as they are now\)/);
    // still there once every log is in and well after (it used to be hidden when a good log arrived)
    await p.waitForTimeout(800);
    expect(await p.locator('#error').isVisible()).toBe(true);
    expect(await errorLines().count()).toBe(2);
    // the run the address named is shown, under its own number; the failed ones keep theirs
    await p.waitForFunction(() => location.hash.includes('run=3'));
    const options = await p.locator('#run-select option').evaluateAll((os) => os.map((o) => ({ text: o.textContent, disabled: (o as HTMLOptionElement).disabled, selected: (o as HTMLOptionElement).selected })));
    expect(options.map((o) => o.text!.split(' ')[0])).toEqual(['#0', '#1', '#2', '#3', '#4', '#5']);
    expect(options[1]).toMatchObject({ text: '#1 back.json: could not be opened', disabled: true });
    expect(options[2]).toMatchObject({ text: '#2 gone.json: could not be opened', disabled: true });
    expect(options[3].text).toBe('#3 early-evacuation.json');
    expect(options[3].selected).toBe(true);
    // another number in the address shows that run
    await p.evaluate(() => { location.hash = '#run=0'; });
    await p.waitForFunction(() => (document.querySelector('#run-select') as HTMLSelectElement).selectedOptions[0]?.textContent?.startsWith('#0 doctrine.json'));
  });

  it('shows each bad file picked at once on its own line, as text, and each line is dismissed from the keyboard', async () => {
    const text = readFileSync(fileA, 'utf8');
    const tricky = '<img src=x onerror="window.__hacked=1">.json';
    await p.locator('#file-input').setInputFiles([
      { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, text.length / 3)) },
      { name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from('{"drillsim": 1, "id": "x"}') },
      { name: tricky, mimeType: 'application/json', buffer: Buffer.from('not json at all') },
    ]);
    await p.waitForFunction(() => document.querySelectorAll('#error .error-line').length === 5);
    const files = await errorLines().evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.file));
    expect(files).toEqual(['back.json', 'gone.json', 'cut.json', 'scenario.json', '<img src=x onerror="window.__hacked=1">.json']);
    expect(await p.locator(`#error .error-line[data-file='${tricky}']`).textContent()).toContain(`${tricky} is not a run log: it is not valid JSON`);
    // a scenario picked by mistake is named as one, with what to do
    expect(await p.locator('#error .error-line[data-file="scenario.json"]').textContent()).toContain('scenario.json is a scenario, not a run log: make a run log of it first (drill run scenario.json --out run.json), or play it (drill view --play scenario.json)');
    expect(await p.locator('#error img').count()).toBe(0);
    expect(await p.evaluate(() => (window as any).__hacked)).toBeUndefined();
    // no run was added or renumbered
    expect(await p.locator('#run-select option').count()).toBe(6);
    // dismissed with the keyboard: the focus moves to the next line's button
    await p.locator('#error .error-line[data-file="cut.json"] button.dismiss').focus();
    await p.keyboard.press('Enter');
    expect(await errorLines().count()).toBe(4);
    expect(await p.evaluate(() => (document.activeElement as HTMLElement).closest('.error-line')?.getAttribute('data-file'))).toBe('scenario.json');
    await p.keyboard.press('Space');
    expect(await errorLines().count()).toBe(3);
    expect(await p.locator('#error .error-line[data-file="scenario.json"]').count()).toBe(0);
  });

  it('says the errors in Vietnamese when the page is in Vietnamese', async () => {
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await p.locator('#error .error-line[data-file="back.json"]').textContent()).toMatch(/^Không mở được: back\.json bị hỏng: sự kiện #\d+ \(unit\.state\) có thời gian sớm hơn sự kiện trước nó \(hãy mở một tệp do `drill run --out run\.json` ghi\)/);
    expect(await p.locator('#error .error-line[data-file="gone.json"]').textContent()).toMatch(/^Không mở được: gone\.json không còn ở chỗ drill view đã tìm thấy \(đã bị chuyển đi hoặc xoá\) \(hãy đặt tệp về chỗ cũ/);
    expect(await p.locator('#error').textContent()).not.toMatch(/is damaged|is not a run log|the server answered/);
    expect(await p.locator('#run-select option[data-failed="1"]').textContent()).toBe('#1 back.json: không mở được');
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('warns, as the report does, when a log\'s hash chain or stored summary does not match its events', async () => {
    const checked = (n: number) => p.waitForFunction((k) => (window as any).drillViewer.app.runs.find((r: any) => r.served === k)?.integrity !== undefined, n);
    // an untouched log: no warning, once checked
    await checked(0);
    expect(await p.locator('#warning').isHidden()).toBe(true);
    // an event edited (people lost set to 0): the chain no longer matches, nor the summary
    await p.evaluate(() => { location.hash = '#run=4'; });
    await checked(4);
    await p.waitForFunction(() => !document.querySelector('#warning')!.hasAttribute('hidden'));
    const warning = p.locator('#warning');
    expect(await p.locator('#warning [data-warning="hash"]').textContent()).toBe(`lost.json: ${MESSAGES.en['warn.hash']}`);
    expect(await p.locator('#warning [data-warning="summary"]').textContent()).toBe(`lost.json: ${MESSAGES.en['warn.summary']}`);
    await p.screenshot({ path: join(ARTIFACTS, 'viewer-tampered.png') });
    // only the stored summary edited: the chain matches, the summary does not
    await p.evaluate(() => { location.hash = '#run=5'; });
    await checked(5);
    await p.waitForFunction(() => document.querySelector('#warning [data-warning]')?.getAttribute('data-file') === 'summary.json');
    expect(await p.locator('#warning [data-warning="hash"]').count()).toBe(0);
    expect(await p.locator('#warning [data-warning="summary"]').textContent()).toBe(`summary.json: ${MESSAGES.en['warn.summary']}`);
    // in Vietnamese, the report's Vietnamese words
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await p.locator('#warning [data-warning="summary"]').textContent()).toBe(`summary.json: ${MESSAGES.vi['warn.summary']}`);
    await p.locator('#lang').click();
    // back on a good run the warning goes
    await p.evaluate(() => { location.hash = '#run=0'; });
    await p.waitForFunction(() => document.querySelector('#warning')!.hasAttribute('hidden'));
    expect(await warning.isHidden()).toBe(true);
  });

  it('parses every run\'s keyframes ahead in idle time, after its check, so that a seek restores one parsed already', async () => {
    await p.evaluate(() => (window as any).drillViewer.settled());
    const parsed = await p.evaluate(() => (window as any).drillViewer.app.runs.map((r: any) => {
      const k = r.data.keyframes;
      return { n: k.length, parsed: Array.from({ length: k.length }, (_, i) => k.has(i)).filter(Boolean).length, checked: r.integrity !== undefined };
    }));
    expect(parsed.length).toBeGreaterThan(1);
    for (const r of parsed) expect(r).toEqual({ n: r.n, parsed: r.n, checked: true });
    expect(parsed.some((r: { n: number }) => r.n > 1)).toBe(true);
  });
});
