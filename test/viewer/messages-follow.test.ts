/**
 * The messages panel follows the time: the message of the moment is the one
 * delivered last (the MSEL's numbers are not the order of delivery: in the
 * Kỳ Sơn run #16 arrives at T+03:00, before #6, #7 and #9), and the list
 * scrolls to it as the time moves, also when the panel was hidden meanwhile.
 * Before, the panel marked the highest-numbered message delivered (#16 at
 * T+04:05, after #7 and #9 had arrived at T+04:00) and stayed at #1.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-follow-');
let session: ViewerSession;
let page: Page;

interface Msg { id: string; delivered_t: number | null }

/** The list as shown: each message's inject id and delivery time, in the panel's order. */
const shown = (): Promise<Msg[]> => page.locator('#panel-messages li.msg').evaluateAll((ls) => ls.map((l) => ({ id: l.getAttribute('data-inject')!, delivered_t: l.hasAttribute('data-delivered-t') ? Number(l.getAttribute('data-delivered-t')) : null })));

/** The message marked as the moment's, and whether the panel shows it (its head within the panel's box). */
const current = (): Promise<{ id: string | null; inView: boolean }> => page.evaluate(() => {
  const panel = document.getElementById('panel-messages')!;
  const li = panel.querySelector('li.msg[aria-current]');
  if (!li) return { id: null, inView: false };
  const box = panel.getBoundingClientRect(), at = li.getBoundingClientRect();
  return { id: li.getAttribute('data-inject'), inView: at.top >= box.top - 1 && at.top + 20 <= box.bottom };
});

/** The message delivered last by t (the later in the list of those delivered at the same time). */
function lastDelivered(msgs: Msg[], t: number): string {
  let best: Msg | null = null;
  for (const m of msgs) if (m.delivered_t !== null && m.delivered_t <= t && (best === null || m.delivered_t >= best.delivered_t!)) best = m;
  return best!.id;
}

const seek = (t: number) => page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), t);

beforeAll(async () => {
  const file = join(dir, 'late.json');
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--decisions', 'scenarios/decisions/ky-son-evacuate-late.yaml', '--out', file, '--quiet']).code).toBe(0);
  ({ page } = session = await viewerSession([file]));
});

afterAll(async () => {
  await session?.close();
});

describe('the messages panel follows the time', () => {
  it('marks the message delivered last at each delivery time and scrolls it into view', async () => {
    const msgs = await shown();
    const times = [...new Set(msgs.flatMap((m) => (m.delivered_t === null ? [] : [m.delivered_t])))].sort((a, b) => a - b);
    // the case that matters: at some time the message delivered last is not the last delivered one in the list
    const lastInList = (t: number) => msgs.filter((m) => m.delivered_t !== null && m.delivered_t <= t).at(-1)!.id;
    expect(times.some((t) => lastDelivered(msgs, t) !== lastInList(t))).toBe(true);
    for (const t of times) {
      // a few minutes after the delivery, as a reviewer scrubbing would land
      await seek(t + 300);
      expect(await current(), `at t=${t + 300}`).toEqual({ id: lastDelivered(msgs, t + 300), inView: true });
    }
    await page.screenshot({ path: join(ARTIFACTS, 'messages-follow.png') });
  });

  it('shows the message of the moment when the panel comes back after the time moved while it was hidden', async () => {
    const msgs = await shown();
    await seek(0);
    await page.locator('#tab-decisions').click();
    const end: number = await page.evaluate(() => (window as any).drillViewer.app.a.data.until);
    await seek(end);
    await page.locator('#tab-messages').click();
    expect(await current()).toEqual({ id: lastDelivered(msgs, end), inView: true });
  });
});

describe('a message whose expected action was already taken when it arrived', () => {
  // the late chair asked for support at T+03:20 and declared level 1 at T+03:30; #9 (declare) came at T+04:00 and
  // #8 (local forces not enough: ask for support) at T+04:10. The report says "already done before it arrived";
  // the panel said "done by Tà Cạ commune chair, latency 0 s, T+04:10", as if the chair had acted on the message.
  const outcome = (id: string) => page.locator(`#panel-messages li[data-inject="${id}"] .outcome`).evaluateAll((ps) => ps.map((p) => ({
    text: p.textContent!.replace(/\s+/g, ' ').trim(), latency: p.querySelector('[data-latency-s]') !== null, t: p.querySelector('button.time')?.getAttribute('data-t') ?? null,
  })));

  it('says so, with the earlier decision and its time, and no latency, in both languages', async () => {
    await seek(6 * 3600);
    expect(await outcome('forces-committed')).toEqual([{ text: 'already done before it arrived (by Tà Cạ commune chair T+03:20)', latency: false, t: String(3 * 3600 + 20 * 60) }]);
    expect(await outcome('declare-level-1')).toEqual([{ text: 'already done before it arrived (by Tà Cạ commune chair T+03:30)', latency: false, t: String(3 * 3600 + 30 * 60) }]);
    // one acted on after it arrived keeps its latency: #6, houses swept away, answered 5 minutes later
    expect(await outcome('houses-swept-call')).toEqual([expect.objectContaining({ latency: true })]);
    await page.locator('#lang').click();
    try {
      expect((await outcome('forces-committed'))[0].text).toBe('đã thực hiện trước khi nhận (bởi Chủ tịch UBND xã Tà Cạ T+03:20)');
    } finally {
      await page.locator('#lang').click();
    }
  });
});
