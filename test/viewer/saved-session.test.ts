/**
 * A play session saved part-way ends, in the viewer, where it was saved. Its
 * log keeps the scenario's `until` (T+18:00 for Kỳ Sơn) and the time it was
 * saved at in `session.t`; the viewer went by `until` alone, so a seek, End or
 * play went on past the save, the engine deciding for the players, and the
 * board showed units on scene at incidents the log does not hold. Comparing
 * it, the controls said "B stopped at", where drill compare and drill report
 * say it was saved then. A link to a time past the save opens at the save and
 * says so (it did so in silence).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, openServedRun, openViewer, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-saved-');
const saved = join(dir, 'saved.json'), full = join(dir, 'full.json');
/** where the session below is saved: T+02:51 */
const SAVED_T = 10260;
let session: ViewerSession;
let page: Page;

const shownT = (): Promise<number> => page.evaluate(() => (window as any).drillViewer.app.t);

beforeAll(async () => {
  const play = drill(['play', 'scenarios/ky-son-flash-flood.yaml', '--role', 'mx-chair', '--seed', '11'], { input: `advance\nanswer evacuate-now\nadvance\nsave ${saved}\nquit\n` });
  expect(play.stdout).toContain('saved to');
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '11', '--out', full, '--quiet']).code).toBe(0);
  ({ page } = session = await viewerSession([saved, full], undefined, '#run=0&t=T+10:00'));
});

afterAll(async () => {
  await session?.close();
});

describe('a play session saved part-way', () => {
  it('opens a link past its save at the save, says so, and shows no incident the log does not hold', async () => {
    expect(await shownT()).toBe(SAVED_T);
    expect(await page.locator('#clock').textContent()).toMatch(/^T\+02:51 /);
    // the link asked for T+10:00: it says why T+02:51 is shown instead, not in silence
    await page.waitForFunction(() => document.querySelectorAll('#error .error-line[data-kind="badLink"]').length === 1);
    expect(await page.locator('#error .error-line[data-kind="badLink"]').textContent()).toBe("Link: the link's time T+10:00 is past the end of saved.json, a session saved at T+02:51: showing T+02:51×");
    await page.keyboard.press('5');
    // nothing has happened by T+02:51 but warnings and evacuations: no incident open, no unit sent
    expect(await page.locator('#panel-board tr[data-incident]').count()).toBe(0);
    expect(await page.locator('#panel-board tr[data-unit]:not([data-state="available"])').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-saved-session.png') });
  });

  it('goes no further than the save by seeking, End or playing', async () => {
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(36000));
    expect(await shownT()).toBe(SAVED_T);
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    expect(await shownT()).toBe(SAVED_T);
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(10000));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !(window as any).drillViewer.app.playing, undefined, { timeout: 10_000 });
    expect(await shownT()).toBe(SAVED_T);
  });

  it('draws its timeline to the save, not to the scenario\'s end', async () => {
    const r = await page.evaluate(() => {
      const tl = (window as any).drillViewer.app.timeline;
      const ticks = [...document.querySelectorAll('#timeline-slider g.axis .tick text')].map((t) => t.textContent);
      return { domain: tl.x.domain(), max: document.getElementById('timeline-slider')!.getAttribute('aria-valuemax'), last: ticks.at(-1) };
    });
    expect(r.domain).toEqual([0, SAVED_T]);
    expect(r.max).toBe(String(SAVED_T));
    expect(r.last).toBe('T+02:50');
  });

  it('compared with a full run, is said to be saved then, as drill compare says, in both languages', async () => {
    const p = await session.browser.newPage({ viewport: { width: 1440, height: 950 } });
    await openViewer(p, `${session.server.url}#run=1&cmp=0`);
    await p.waitForFunction(() => document.querySelector('#divergence-label')?.getAttribute('data-stopped') !== null && (window as any).drillViewer.app.b?.served === 0);
    const label = p.locator('#divergence-label');
    expect(await label.getAttribute('data-stopped')).toBe(`B ${SAVED_T}`);
    expect(await label.textContent()).toMatch(/ · B saved at T\+02:51$/);
    await p.screenshot({ path: join(ARTIFACTS, 'viewer-saved-session-compare.png') });
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await label.textContent()).toMatch(/ · B được lưu lúc T\+02:51$/);
    await p.close();
  });
});

describe('a link to a time past a run\'s end', () => {
  const notices = (p: Page) => p.locator('#error .error-line[data-kind="badLink"]').allTextContents();

  it('says the run ends sooner, in the interface\'s language, and a time within the run says nothing', async () => {
    const past = await openServedRun(session.browser, session.server, 1, 'vi', '&t=T+30:00');
    await past.waitForFunction(() => document.querySelectorAll('#error .error-line[data-kind="badLink"]').length === 1);
    expect(await notices(past)).toEqual(["Đường dẫn: thời điểm T+1d06:00 trong đường dẫn đã qua lúc kết thúc của full.json, kết thúc lúc T+18:00: đang hiển thị T+18:00×"]);
    expect(await past.evaluate(() => (window as any).drillViewer.app.t)).toBe(18 * 3600);
    await past.close();
    const within = await openServedRun(session.browser, session.server, 1, 'en', '&t=T+10:00');
    await within.waitForFunction(() => (window as any).drillViewer.app.t === 36000);
    // every run has arrived (the links are checked then): still no notice
    await within.waitForFunction(() => (window as any).drillViewer.app.runs.length === 2);
    expect(await notices(within)).toEqual([]);
    await within.close();
  });
});
