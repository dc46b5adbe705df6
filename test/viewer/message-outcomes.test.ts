/**
 * The messages panel shows a message's outcome only from the time the log
 * settled it. The whole MSEL is listed at every time (messages still to come
 * greyed), but each was built with its end already written: in the Kỳ Sơn
 * run at T+01:00, #3 read "not delivered" though it was only dropped at
 * T+01:30 (its expected action taken), #4 "answered: Wait for daylight"
 * though it arrives at T+01:45, #10 "taken after 25 min" (T+05:30). A
 * reviewer scrubbing through the run read what happened next before it did.
 * An action never taken is known so only when the run is over. An answer
 * doctrine gave says so, as the report's key events do.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../engine/review/metrics.js';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, openRun, openServedRun, spread, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-outcomes-');
// doctrine's run, and one where the Tà Cạ chair is played and does nothing: messages asking it to act go unanswered
const files = [join(dir, 'seed7.json'), join(dir, 'idle.json')];
let session: ViewerSession;
/** each run's page: the first opened on the reviewer's link */
const pages: Page[] = [];
let page: Page;

/** What each message shows at the time shown: its head, and the kinds of outcome line visible. */
const shown = (page: Page): Promise<Record<string, { head: string; lines: string[] }>> => page.locator('#panel-messages li.msg').evaluateAll((ls) => Object.fromEntries(ls.map((l) => [l.getAttribute('data-inject')!, {
  head: l.querySelector('.msg-head')!.textContent!,
  lines: [...l.querySelectorAll<HTMLElement>('p.outcome')].filter((p) => p.checkVisibility()).map((p) => (p.classList.contains('missing') ? 'missing' : p.classList.contains('done') ? 'done' : 'answered')),
}])));

const seek = (page: Page, t: number) => page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), t);

/** Has the log an event of one of these types for this inject at or before t? */
const seen = (events: LogEvent[], type: string[], id: string, t: number) => events.some((e) => type.includes(e.type) && e.id === id && e.t <= t);

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', files[0], '--quiet']).code).toBe(0);
  const idle = join(dir, 'idle.yaml');
  writeFileSync(idle, 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions: []\n');
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', idle, '--out', files[1], '--quiet']).code).toBe(0);
  session = await viewerSession(files, undefined, '#run=0&t=T+01:00');
  pages.push(page = session.page, await openServedRun(session.browser, session.server, 1, 'en'));
});

afterAll(async () => {
  await session?.close();
});

describe('a message\'s outcome', () => {
  it('is not told before it happens (the reviewer\'s case, T+01:00)', async () => {
    const at = await shown(page);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-message-outcomes.png') });
    // #3 is dropped at T+01:30, #4 answered at T+01:45, #10 acted on at T+05:55
    expect(at['no-move-yet'].head).toBe('#3 not yet · phone · contingency');
    expect(at['night-evacuation'].lines).toEqual([]);
    expect(at['dam-rumour'].lines).toEqual([]);
    // #2, acted on at T+00:30, says so
    expect(at['province-directive'].lines).toEqual(['done']);
    await seek(page, 5400);
    expect((await shown(page))['no-move-yet'].head).toBe('#3 not delivered · phone · contingency');
  });

  it('shows at each time just what the log had settled by then: answers, actions taken, messages dropped, actions never taken', async () => {
    for (const [i, p] of pages.entries()) {
      const run = openRun(files[i]), { events, end } = run;
      const expecting = new Set(run.scenario.injects.filter((x) => x.expected).map((x) => x.id));
      for (const t of [...spread(end, 24), 6299, 6300, 21299, 21300]) {
        await seek(p, t);
        for (const [id, m] of Object.entries(await shown(p))) {
          const delivered = seen(events, ['inject.delivered'], id, end), done = seen(events, ['inject.done'], id, t);
          const lines = [
            ...(seen(events, ['inject.answered', 'inject.expired'], id, t) ? ['answered'] : []),
            ...(done ? ['done'] : []),
            ...(delivered && expecting.has(id) && t >= end && !done ? ['missing'] : []),
          ];
          expect(m.lines, `${files[i]}: ${id} at ${t}`).toEqual(lines);
          if (!delivered) expect(m.head.includes('not delivered'), `${files[i]}: ${id} at ${t}`).toBe(seen(events, ['inject.skipped'], id, t) || t >= end);
        }
      }
    }
  });

  it('says an answer doctrine gave is doctrine\'s, as the report does', async () => {
    // doctrine's run: the Mường Xén chair's answer to #4 at T+01:45 is doctrine's
    await seek(pages[0], 7200);
    const answer = pages[0].locator('#panel-messages li[data-inject="night-evacuation"] p.outcome:not(.done):not(.missing)');
    expect(await answer.textContent()).toMatch(/^(answered|đã trả lời): .+ \(T\+01:45, (by|bởi) .+ \((doctrine|phương án tự động)\)\)$/);
    expect(drill(['report', files[0]]).stdout).toMatch(/\| T\+01:45 \(19:45\) \| Mường Xén commune chair \(commune civil-defence board\) \(doctrine\): answer inject #4 /);
  });

  it('says an action never taken once the run is over, in both languages', async () => {
    const p = pages[1], { end } = openRun(files[1]);
    await seek(p, end - 1);
    expect((await shown(p))['province-directive'].lines).toEqual([]);
    await seek(p, end);
    expect((await shown(p))['province-directive'].lines).toEqual(['missing']);
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'vi');
    await expect(p.locator('#panel-messages li[data-inject="province-directive"] p.outcome.missing').textContent()).resolves.toBe('chưa thực hiện hành động mong đợi');
    // and a message the run dropped, before it was (in doctrine's run: the idle chair's #3 came at T+01:30)
    await pages[0].locator('#lang').click();
    await pages[0].waitForFunction(() => document.documentElement.lang === 'vi');
    await seek(pages[0], 0);
    expect((await shown(pages[0]))['no-move-yet'].head).toBe('#3 chưa tới · điện thoại · tình huống dự phòng');
    await seek(pages[0], 5400);
    expect((await shown(pages[0]))['no-move-yet'].head).toBe('#3 không được chuyển · điện thoại · tình huống dự phòng');
  });
});
