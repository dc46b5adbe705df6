/**
 * The map's place labels late in a run, where the places crowd: the flash
 * flood's seed 7 compared with seed 3 (each pane half as wide, and seed 3's
 * pane framing more of the district), and the typhoon with the whole
 * scenario in view. A zone's or a shelter's figures lie under the incidents'
 * circles: one that a circle would cover steps to another of its sides (a
 * shelter's '700/700' lay under a bank collapse's circle for an hour and a
 * half); the names of the areas where the run happens come before the quiet
 * ones' and the figures, farther off where need be (Thành Vinh, the city,
 * had no name in the whole typhoon). Screenshots go to test/artifacts/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, launch, lookAtEach, openViewer, servers, spread } from './browser.js';

const dir = tempDir('drillsim-viewer-late-labels-');
const files = { seed7: join(dir, 'ky-son-7.json'), seed3: join(dir, 'ky-son-3.json'), typhoon: join(dir, 'typhoon.json') };
let browser: Browser;
/** each page on a server of the runs it shows (see servers) */
const served = servers();

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', files.seed7, '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '3', '--out', files.seed3, '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/typhoon-landfall-coast.yaml', '--out', files.typhoon, '--quiet']).code).toBe(0);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served.stop();
});

/**
 * In a pane: each zone's and shelter's figures shown (text, not hidden), and whether an open incident's circle lies
 * on its letters (its box less a pixel each side and the font's room above and below); and the area names shown.
 */
const look = (pane: string) => `() => {
  const shown = (el) => el.textContent && !el.closest('[display="none"]') && el.getAttribute('visibility') !== 'hidden';
  const circles = window.drillViewer.markers('${pane === 'map-b' ? 'b' : 'a'}').incidents.filter((d) => !d.ghost && !d.resolved).map((d) => ({ x: d.cx, y: d.cy, r: d.r }));
  const figures = [...document.querySelectorAll('#${pane} g.zone > text, #${pane} g.shelter > text')].filter(shown).map((el) => {
    const r = el.getBoundingClientRect(), b = { x0: r.left + 1, y0: r.top + 2, x1: r.right - 1, y1: r.bottom - 2 };
    const under = circles.some((c) => { const nx = Math.max(b.x0, Math.min(c.x, b.x1)), ny = Math.max(b.y0, Math.min(c.y, b.y1)); return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r; });
    return { text: el.textContent, what: el.parentElement.getAttribute('data-zone') ?? el.parentElement.getAttribute('data-shelter') ?? el.parentElement.className.baseVal, under };
  });
  const names = [...document.querySelectorAll('#${pane} text.area-name')].filter(shown).map((el) => el.textContent);
  return { t: window.drillViewer.t, figures, names };
}`;

type Look = { t: number; figures: { text: string; what: string; under: boolean }[]; names: string[] };

async function page(runs: string[], hash: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await openViewer(p, `${(await served.of(runs)).url}${hash}`);
  return p;
}

describe('the map\'s place labels where the places crowd', () => {
  it('keeps a zone\'s or a shelter\'s figures out from under an open incident\'s circle, late in the flash flood compared (seed 7 | seed 3)', async () => {
    const p = await page([files.seed7, files.seed3], '#run=0&cmp=1&lang=vi&t=27000');
    await p.waitForFunction(() => document.body.classList.contains('comparing'));
    // every ten minutes from T+05:00 to the end
    const times = spread(64800 - 18000, 78).map((t) => t + 18000);
    for (const pane of ['map-a', 'map-b']) {
      const looks = await lookAtEach<Look>(p, times, look(pane));
      const under = looks.flatMap((l) => l.figures.filter((f) => f.under).map((f) => `T+${(l.t / 3600).toFixed(2)} ${f.what} ${f.text}`));
      expect(under, pane).toEqual([]);
      // and the figure stepped aside shows: Tà Cạ school's, while the bank collapse's circle lies where it was
      if (pane === 'map-b') {
        const collapse = looks.filter((l) => l.t >= 24600 && l.t <= 29400);
        expect(collapse.length).toBeGreaterThan(5);
        for (const l of collapse) expect(l.figures.map((f) => f.what), `T+${l.t / 3600}`).toContain('ta-ca-school');
      }
    }
    await p.evaluate(() => (window as any).drillViewer.paintedSeek(27000));
    await p.screenshot({ path: join(ARTIFACTS, 'viewer-late-labels-compare-vi.png'), clip: { x: 0, y: 40, width: 980, height: 470 } });
    await p.close();
  });

  it('names the areas where the run happens before the quiet ones, with the whole typhoon in view', async () => {
    const p = await page([files.typhoon], '#run=0&lang=en&t=36000');
    await p.locator('#map-a').hover();
    await p.keyboard.press('0');
    await p.waitForTimeout(300);
    const [l] = await lookAtEach<Look>(p, [36000], look('map-a'));
    await p.screenshot({ path: join(ARTIFACTS, 'viewer-late-labels-typhoon-whole.png'), clip: { x: 0, y: 40, width: 980, height: 470 } });
    // the city of the landfall, its zones' and shelters' place, had no name at this zoom
    expect(l.names).toContain('Thành Vinh ward');
    expect(l.names).toEqual(expect.arrayContaining(['Cửa Lò ward', 'Quỳnh Anh commune']));
    await p.close();
  });
});
