/**
 * The side panels from the keyboard: a panel's list of time buttons (the
 * messages, the decisions, the objectives' evidence) is one Tab stop, so that
 * Tab reaches the timeline's controls without crossing every message; ↑ ↓
 * Home End move within the list, and Enter jumps to the time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-keys-');
let session: ViewerSession;
let page: Page;

/**
 * Where the keyboard is: the focused element's id, or the panel and data-t of a time button, and its place among
 * those shown (a message's outcome still to come is hidden, its time too).
 */
async function focus(): Promise<{ id: string; panel: string | null; t: string | null; index: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const panel = el.closest('[role=tabpanel]');
    return { id: el.id, panel: panel?.id ?? null, t: el.getAttribute('data-t'), index: panel ? [...panel.querySelectorAll('button.time')].filter((b) => !b.closest('[hidden]')).indexOf(el) : -1 };
  });
}

const clock = () => page.locator('#clock').getAttribute('data-t');

beforeAll(async () => {
  const file = join(dir, 'ky-son.json');
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', file, '--quiet']).code).toBe(0);
  ({ page } = session = await viewerSession([file]));
});

afterAll(async () => {
  await session?.close();
});

describe('a panel\'s time buttons from the keyboard', () => {
  for (const name of ['messages', 'decisions', 'objectives'] as const) {
    it(`are one Tab stop in the ${name} panel: the next Tab leaves the panel for the timeline's controls`, async () => {
      // at the end of the run, every decision is listed too
      await page.evaluate(() => { const v = (window as any).drillViewer; return v.paintedSeek(v.app.a.data.until); });
      await page.locator(`#tab-${name}`).click();
      const buttons = await page.locator(`#panel-${name} button.time`).count();
      expect(buttons).toBeGreaterThan(3);
      await page.locator(`#tab-${name}`).focus();
      await page.keyboard.press('Tab');
      const inside = await focus();
      expect(inside.panel).toBe(`panel-${name}`);
      expect(inside.t).not.toBeNull();
      await page.keyboard.press('Tab');
      expect((await focus()).id).toBe('prev-event');
      // and back: Shift+Tab returns to the button it left, then to the tab
      await page.keyboard.press('Shift+Tab');
      expect(await focus()).toEqual(inside);
      await page.keyboard.press('Shift+Tab');
      expect((await focus()).id).toBe(`tab-${name}`);
    });
  }

  it('move with ↑ ↓ Home End inside the messages, without moving the clock, and Enter goes to the time', async () => {
    await page.evaluate(() => (window as any).drillViewer.paintedSeek(0));
    await page.locator('#tab-messages').click();
    await page.locator('#tab-messages').focus();
    await page.keyboard.press('Tab');
    const all = await page.locator('#panel-messages button.time').evaluateAll((bs) => bs.filter((b) => !b.closest('[hidden]')).map((b) => b.getAttribute('data-t')));
    expect((await focus()).panel).toBe('panel-messages');
    await page.keyboard.press('Home');
    expect((await focus()).index).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focus()).index).toBe(2);
    await page.keyboard.press('ArrowUp');
    expect((await focus()).index).toBe(1);
    await page.keyboard.press('End');
    expect((await focus()).index).toBe(all.length - 1);
    await page.keyboard.press('Home');
    expect((await focus()).index).toBe(0);
    // Home, End and the arrows moved the focus in the list, not the time
    expect(await clock()).toBe('0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(clock).toBe(all[2]);
    // on the same button (at its time, outcomes settled since are shown above it: its place in the list moves)
    const at = await focus();
    expect(at.t).toBe(all[2]);
    // still one stop, now on the button last used
    await page.keyboard.press('Tab');
    expect((await focus()).id).toBe('prev-event');
    await page.keyboard.press('Shift+Tab');
    expect(await focus()).toEqual(at);
    await page.locator('#side').screenshot({ path: join(ARTIFACTS, 'viewer-panel-keys.png') });
  });

  it('keep the keyboard in the decisions list when Enter jumps back in time and the list is drawn again', async () => {
    await page.evaluate(() => { const v = (window as any).drillViewer; return v.paintedSeek(v.app.a.data.until); });
    await page.locator('#tab-decisions').click();
    await page.locator('#tab-decisions').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    const oldest = await focus();
    expect(oldest.panel).toBe('panel-decisions');
    const before = await page.locator('#panel-decisions li.decision').count();
    await page.keyboard.press('Enter');
    await expect.poll(clock).toBe(oldest.t);
    // fewer decisions are listed at that time: the list was drawn again, and the keyboard is still in it
    expect(await page.locator('#panel-decisions li.decision').count()).toBeLessThan(before);
    expect((await focus()).panel).toBe('panel-decisions');
    await page.keyboard.press('Tab');
    expect((await focus()).id).toBe('prev-event');
  });

  it('Tab into the messages lands on the message of the moment', async () => {
    const delivered = await page.locator('#panel-messages li.msg.delivered').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-delivered-t'))));
    const t = delivered[Math.floor(delivered.length / 2)];
    await page.locator('#timeline-slider').focus();
    await page.evaluate((t) => (window as any).drillViewer.paintedSeek(t), t);
    await page.locator('#tab-messages').click();
    await page.locator('#tab-messages').focus();
    await page.keyboard.press('Tab');
    const f = await focus();
    expect(f.panel).toBe('panel-messages');
    expect(await page.evaluate(() => document.activeElement!.closest('li.msg')!.hasAttribute('aria-current'))).toBe(true);
  });

  it('the list of keys says so, in both languages', async () => {
    await page.locator('#help-button').click();
    await expect(page.locator('#help-keys').textContent()).resolves.toContain('↑ ↓ Home End');
    await expect(page.locator('#help-keys').textContent()).resolves.toContain('one Tab stop');
    await page.keyboard.press('Escape');
    await page.locator('#lang').click();
    await page.locator('#help-button').click();
    await expect(page.locator('#help-keys').textContent()).resolves.toContain('một điểm dừng Tab');
    await page.locator('#help').screenshot({ path: join(ARTIFACTS, 'viewer-help-keys-vi.png') });
    await page.keyboard.press('Escape');
    await page.locator('#lang').click();
  });
});
