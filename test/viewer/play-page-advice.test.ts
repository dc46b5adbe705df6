/**
 * The play page says what to do on the page: a trainee with no controller at the session who types a controller's
 * command (pause), or asks for the controller's seat, is told to tick Controller on the start form (quit, then New
 * session), not to start `drill play` with --controller or resume it from a terminal; and that advice is true:
 * quit, New session, Controller ticked, and pause is taken; a session with decisions saved first goes on with the
 * controller there by Resume a saved session…. EN and VI. Screenshots go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAndServer, type BrowserAndServer, type Served } from './browser.js';

let browser: Browser;
let server: Served;
let started: BrowserAndServer;

beforeAll(async () => {
  ({ browser, server } = started = await browserAndServer([], ['--play', 'scenarios/minimal.yaml']));
});

afterAll(async () => {
  await started?.close();
});

async function openPlay(lang: 'en' | 'vi'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await p.goto(`${server.url}play.html#lang=${lang}`);
  await p.waitForFunction(() => (window as any).drillPlay?.ready);
  await p.evaluate(() => (window as any).drillPlay.ready);
  await p.locator('#setup:not([hidden])').waitFor();
  return p;
}

async function start(p: Page, roles: string[]): Promise<void> {
  for (const r of roles) await p.check(`#role-list input[value="${r}"]`);
  await p.click('#start');
  await p.locator('#console:not([hidden])').waitFor();
}

/** Type a line and press Enter; the reply's text (the transcript's blocks after the echoed line). */
async function typeLine(p: Page, line: string): Promise<string> {
  const before = await p.locator('#transcript > div').count();
  await p.locator('#line').fill(line);
  await p.locator('#line').press('Enter');
  await p.waitForFunction(() => !(window as any).drillPlay.page.busy && (document.getElementById('line') as HTMLInputElement).value === '');
  return p.evaluate((n) => [...document.querySelectorAll('#transcript > div')].slice(n + 1).map((d) => d.textContent).join('\n'), before);
}

describe('the play page\'s advice about seats', () => {
  it('tells a trainee to tick Controller on the start form, and that works (EN)', async () => {
    const p = await openPlay('en');
    await start(p, ['mx-commander']);
    const pause = await typeLine(p, 'pause');
    expect(pause).toBe('refused: only the controller may do that, and no controller sits at this session: tick Controller under Roles played here when you start a session (quit, then New session, brings that choice back). Nothing was changed.');
    const seat = await typeLine(p, 'role controller');
    expect(seat).toContain('to take it, save <file>, then quit, press New session, tick Controller and pick that file with Resume a saved session…');
    // the page's own words for the controls it names
    expect(await p.locator('#roles legend').innerText()).toBe('Roles played here');
    expect(await p.locator('#restart').innerText()).toBe('New session');
    for (const text of [pause, seat]) expect(text).not.toMatch(/--controller|drill play --resume/);
    await p.screenshot({ path: join(ARTIFACTS, 'play-page-advice-en.png') });
    // as said: quit (nothing to lose: no decision taken), New session, Controller ticked (the role stays ticked):
    // the seat is there, and pause is the controller's
    await typeLine(p, 'quit');
    await p.click('#restart');
    await p.locator('#setup:not([hidden])').waitFor();
    await start(p, ['controller']);
    expect(await typeLine(p, 'role controller')).toContain('You now act as Exercise control (controller).');
    expect(await typeLine(p, 'pause')).toBe('Exercise paused: trainees can neither give orders nor move the clock until resume.');
    await p.close();
  });

  it('to take the controller\'s seat in a session with decisions: save, quit, New session, Controller ticked, Resume a saved session…, as said', async () => {
    const p = await openPlay('en');
    await start(p, ['mx-commander']);
    await typeLine(p, 'advance');
    await typeLine(p, 'dispatch mx-militia to collapse-1');
    const decisions = await p.evaluate(() => JSON.stringify((window as any).drillPlay.session.decisions));
    expect(JSON.parse(decisions)).toHaveLength(1);
    const [download] = await Promise.all([p.waitForEvent('download'), typeLine(p, 'save mx.json')]);
    const saved = readFileSync(await download.path());
    await typeLine(p, 'quit');
    await p.click('#restart');
    await p.locator('#setup:not([hidden])').waitFor();
    await p.check('#role-list input[value="controller"]');
    await p.locator('#resume-input').setInputFiles({ name: 'mx.json', mimeType: 'application/json', buffer: saved });
    await p.locator('#console:not([hidden])').waitFor();
    expect(await p.evaluate(() => JSON.stringify((window as any).drillPlay.session.decisions))).toBe(decisions);
    expect(await typeLine(p, 'role controller')).toContain('You now act as Exercise control (controller).');
    expect(await typeLine(p, 'pause')).toBe('Exercise paused: trainees can neither give orders nor move the clock until resume.');
    await p.close();
  });

  it('says the same in Vietnamese, with the page\'s Vietnamese labels', async () => {
    const p = await openPlay('vi');
    expect(await p.locator('#roles legend').innerText()).toBe('Vai đóng tại đây');
    await start(p, ['mx-commander']);
    const pause = await typeLine(p, 'pause');
    expect(pause).toBe('bị từ chối: chỉ ban đạo diễn được làm việc này, mà phiên này không có ban đạo diễn: hãy đánh dấu ô Ban đạo diễn ở mục Vai đóng tại đây khi bắt đầu phiên (gõ quit rồi bấm Phiên mới để chọn lại). Không có gì thay đổi.');
    const seat = await typeLine(p, 'role controller');
    expect(seat).toContain('rồi gõ quit, bấm Phiên mới, đánh dấu ô Ban đạo diễn và chọn tệp đó bằng Chơi tiếp phiên đã lưu…');
    for (const text of [pause, seat]) expect(text).not.toMatch(/--controller|drill play --resume/);
    await p.screenshot({ path: join(ARTIFACTS, 'play-page-advice-vi.png') });
    await typeLine(p, 'quit');
    expect(await p.locator('#restart').innerText()).toBe('Phiên mới');
    await p.close();
  });

  it('tells a controller alone to tick a role to give orders', async () => {
    const p = await openPlay('en');
    await start(p, ['controller']);
    expect(await typeLine(p, 'dispatch mx-militia collapse-1')).toBe("refused: the controller gives no orders to forces, and no role is played in this session: doctrine plays them all (to take a role's orders, tick it under Roles played here when you start a session: quit, then New session). Nothing was changed.");
    await p.close();
  });
});
