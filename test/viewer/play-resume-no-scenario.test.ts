/**
 * The play page with no scenario (`drill view` without --play, or a copy of the page) resumes a saved session all
 * the same: a run log holds its scenario, as `drill play --resume F` in a terminal knows. "Resume a saved session…"
 * is offered on the empty page, and the log's own scenario becomes the page's (its title, its roles for a new
 * session) as if it had been opened; the session goes on from its save. A file that cannot be resumed is said above
 * the page, in the page's language, with what to do there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, browserAndServer, type BrowserAndServer, type Served } from './browser.js';

const dir = tempDir('drillsim-play-resume-none-');
const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const TITLE = 'Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)';
let browser: Browser;
let server: Served;
let started: BrowserAndServer;
const problems: string[] = [];

async function openPlay(hash = '#lang=en'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  p.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await p.goto(`${server.url}play.html${hash}`);
  await p.waitForFunction(() => (window as any).drillPlay?.ready);
  await p.evaluate(() => (window as any).drillPlay.ready);
  await p.locator('#empty').waitFor();
  return p;
}

async function typeLine(p: Page, line: string): Promise<void> {
  await p.locator('#line').focus();
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => !(window as any).drillPlay.page.busy && (document.getElementById('line') as HTMLInputElement).value === '');
}

/** Pick a file with a resume button (the label `label` of it), as a trainee would: the file chooser it opens. */
async function pickToResume(p: Page, label: string, name: string, bytes: Buffer): Promise<void> {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.locator(label).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: bytes });
}

const EMPTY = 'label[for=empty-resume-input]';
const FIRST = ['evacuate ta-ca-riverside', 'advance', 'advance until T+03:30', 'dispatch tc-militia to ta-ca-houses'];
const THEN = ['advance', 'advance until T+05:00'];

beforeAll(async () => {
  // no --play: the page is served with no scenario (play/index.json says none)
  ({ browser, server } = started = await browserAndServer([]));
  // a session saved part-way in a terminal (drill play --out at the end of its input), two roles, another seed
  const first = drill(['play', SCENARIO, '--role', 'tc-chair', '--role', 'mx-chair', '--seed', '11', '--lang', 'en', '--out', join(dir, 'first.json')], { input: FIRST.join('\n') + '\n' });
  expect(first.code).toBe(0);
});

afterAll(async () => {
  await started?.close();
});

describe('the play page with no scenario resumes a saved session with the scenario inside its log', () => {
  it('offers Resume a saved session… on the empty page, reached with Tab, in English and Vietnamese', async () => {
    const p = await openPlay('#lang=en');
    expect(await p.evaluate(() => (window as any).drillPlay.page.scenario)).toBeNull();
    await expect(p.locator(EMPTY).textContent()).resolves.toBe('Resume a saved session…');
    expect(await p.locator(EMPTY).isVisible()).toBe(true);
    await expect(p.locator('#empty-resume-hint').textContent()).resolves.toMatch(/^Or carry on a session saved earlier: pick its run log/);
    // from the header's buttons, Tab goes on to it
    await p.locator('#viewer-link').focus();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('empty-resume-input');
    expect(await p.locator(EMPTY).evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('solid');
    await p.screenshot({ path: join(ARTIFACTS, 'play-empty-resume.png') });
    await p.close();
    const v = await openPlay('#lang=vi');
    await expect(v.locator(EMPTY).textContent()).resolves.toBe('Chơi tiếp phiên đã lưu…');
    await expect(v.locator('#empty-resume-hint').textContent()).resolves.toMatch(/^Hoặc chơi tiếp một phiên đã lưu: chọn nhật ký chạy/);
    await v.close();
  });

  it('resumes a log saved by drill play: its scenario is the page\'s, the session goes on from its save, and a save is drill play --resume\'s', async () => {
    const saved = readFileSync(join(dir, 'first.json'));
    const p = await openPlay('#lang=en');
    await pickToResume(p, EMPTY, 'first.json', saved);
    await p.locator('#console').waitFor();
    expect(await p.locator('#empty').isHidden()).toBe(true);
    expect(await p.locator('#error').isHidden()).toBe(true);
    // the log's scenario, as if it had been opened
    expect(await p.title()).toBe(`${TITLE} · drillsim`);
    expect(await p.evaluate(() => (window as any).drillPlay.page.scenario.id)).toBe('ky-son-flash-flood');
    const s = await p.evaluate(() => {
      const s = (window as any).drillPlay.session;
      return { t: s.t, seed: s.opts.seed, players: s.opts.players, decisions: s.decisions.length, pending: s.pending.length, controller: s.opts.controller };
    });
    expect(s).toEqual({ t: 12600, seed: 11, players: ['mx-chair', 'tc-chair'], decisions: 2, pending: 1, controller: false });
    await expect(p.locator('#transcript > div.note').last().textContent()).resolves.toBe('Resumed first.json: saved at T+03:30, with 2 decisions taken; save again to keep what follows.');
    // no role ticked (there were none to tick): the run's first sits first, as drill play --resume without --role
    await expect(p.locator('#prompt').textContent()).resolves.toBe('T+03:30 mx-chair> ');
    await expect(p.locator('#transcript > div.out').first().textContent()).resolves.toContain('Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn) · seed 11');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('line');
    await p.screenshot({ path: join(ARTIFACTS, 'play-empty-resumed.png') });

    // on from there, and saved: the very log drill play --resume writes after the same lines
    for (const line of THEN) await typeLine(p, line);
    const [download] = await Promise.all([p.waitForEvent('download'), typeLine(p, 'save again.json')]);
    const again = readFileSync(await download.path());
    const out = join(dir, 'terminal.json');
    const t = drill(['play', '--resume', join(dir, 'first.json'), '--lang', 'en', '--out', out], { input: THEN.join('\n') + '\n' });
    expect(t.code).toBe(0);
    expect(again.equals(readFileSync(out))).toBe(true);

    // New session sets up a session of that scenario: its roles offered, as for a scenario opened
    await typeLine(p, 'quit');
    await p.locator('#restart').click();
    await p.locator('#setup').waitFor();
    await expect(p.locator('#setup-title').textContent()).resolves.toBe(TITLE);
    expect(await p.locator('#role-list input[value="tc-chair"]').count()).toBe(1);
    expect(await p.locator('#seed').inputValue()).toBe('2022');
    // and the log resumes there too (the scenario it brought is the one the page plays now)
    await pickToResume(p, 'label[for=resume-input]', 'first.json', saved);
    await p.locator('#console').waitFor();
    expect(await p.evaluate(() => (window as any).drillPlay.session.t)).toBe(12600);
    await p.close();
  });

  it('a file that is no run log is not resumed: said above the page, with what to do there, in English and Vietnamese', async () => {
    const p = await openPlay('#lang=en');
    await pickToResume(p, EMPTY, 'ky-son.yaml', readFileSync(SCENARIO));
    const err = p.locator('#error');
    await err.waitFor();
    await expect(err.textContent()).resolves.toBe('ky-son.yaml: cannot resume: this is a scenario, not a run log\nPick a run log saved by this page (save) or by drill play, unchanged since; or open a scenario (Open a scenario…) to start a new session.');
    expect(await p.locator('#empty').isVisible()).toBe(true);
    expect(await p.evaluate(() => (window as any).drillPlay.session)).toBeNull();
    await p.close();
    const v = await openPlay('#lang=vi');
    const edited = readFileSync(join(dir, 'first.json'), 'utf8').replace('\\"seed\\":2022', '\\"seed\\":2023');
    await pickToResume(v, EMPTY, 'edited.json', Buffer.from(edited));
    await v.locator('#error').waitFor();
    await expect(v.locator('#error').textContent()).resolves.toBe('edited.json: không tiếp tục được: kịch bản trong nhật ký đã bị sửa (mã băm không khớp)\nHãy chọn một nhật ký chạy do trang này (save) hoặc drill play lưu, chưa bị sửa; hoặc mở một kịch bản (Mở kịch bản…) để bắt đầu một phiên mới.');
    expect(await v.evaluate(() => (window as any).drillPlay.page.scenario)).toBeNull();
    await v.close();
  });

  it('breaks none of the page\'s rules on the way (no script errors, no dialogs)', () => {
    expect(problems).toEqual([]);
  });
});
