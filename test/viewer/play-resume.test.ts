/**
 * The play page resumes a session saved on it: a trainee who saved in the browser goes on there, not in a terminal.
 * "Resume a saved session…" (beside Start, reached with Tab) takes the downloaded run log and carries the session on
 * from its save, with the run's roles and seed, as `drill play --resume` does; a save after that is the very log
 * `drill play --resume` writes after the same lines, and `drill verify` accepts it. A log the page cannot resume (of
 * another scenario, edited, not a run log) is said, in the page's language, with what to do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, browserAndServer, type BrowserAndServer, type Served } from './browser.js';

const dir = tempDir('drillsim-play-resume-');
const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
let browser: Browser;
let server: Served;
let started: BrowserAndServer;
const problems: string[] = [];

async function openPlay(hash = '#lang=en'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  // a reload with decisions saved asks nothing; any dialog is a fault here
  p.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await p.goto(`${server.url}play.html${hash}`);
  await p.waitForFunction(() => (window as any).drillPlay?.ready);
  await p.evaluate(() => (window as any).drillPlay.ready);
  await p.locator('#setup').waitFor();
  return p;
}

async function typeLine(p: Page, line: string): Promise<void> {
  await p.locator('#line').focus();
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => !(window as any).drillPlay.page.busy && (document.getElementById('line') as HTMLInputElement).value === '');
}

/** `save <name>` typed, and the bytes the browser downloaded. */
async function saveAs(p: Page, name: string): Promise<Buffer> {
  const [download] = await Promise.all([p.waitForEvent('download'), typeLine(p, `save ${name}`)]);
  expect(download.suggestedFilename()).toBe(name);
  const bytes = readFileSync(await download.path());
  writeFileSync(join(dir, name), bytes);
  return bytes;
}

/** Pick a file with the resume button, as a trainee would (the file chooser the label opens). */
async function pickToResume(p: Page, name: string, bytes: Buffer): Promise<void> {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.locator('label[for=resume-input]').click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: bytes });
}

/** What the session looks like: its time, seat, decisions and board. */
function state(p: Page) {
  return p.evaluate(() => {
    const s = (window as any).drillPlay.session;
    return { t: s.t, seat: s.seat, seed: s.opts.seed, players: s.opts.players, decisions: JSON.stringify(s.decisions), pending: s.pending.length, board: s.boardText() };
  });
}

const FIRST = ['evacuate ta-ca-riverside', 'advance', 'advance until T+03:30', 'dispatch tc-militia to ta-ca-houses'];
const THEN = ['advance', 'advance until T+05:00'];

beforeAll(async () => {
  ({ browser, server } = started = await browserAndServer([], ['--play', SCENARIO]));
});

afterAll(async () => {
  await started?.close();
});

describe('the play page resumes a saved session', () => {
  let saved: Buffer;
  let before: Awaited<ReturnType<typeof state>>;

  it('offers Resume a saved session… beside Start, reached with Tab, in English and Vietnamese', async () => {
    const p = await openPlay();
    await expect(p.locator('label[for=resume-input]').textContent()).resolves.toBe('Resume a saved session…');
    await p.locator('#start').focus();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('resume-input');
    // the ring is on the label, which is what is seen
    expect(await p.locator('label[for=resume-input]').evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('solid');
    await p.locator('input[name=lang][value=vi]').check();
    await expect(p.locator('label[for=resume-input]').textContent()).resolves.toBe('Chơi tiếp phiên đã lưu…');
    await expect(p.locator('#resume-hint').textContent()).resolves.toMatch(/^Chọn một nhật ký chạy đã lưu của kịch bản này/);
    await p.close();
  });

  it('plays, saves, reloads, and resumes from the saved file: the board at the saved time, with the same decisions', async () => {
    const p = await openPlay('#lang=en');
    // another seed than the scenario's, and two roles: the resumed session must take both from the log
    await p.locator('#seed').fill('11');
    for (const r of ['tc-chair', 'mx-chair']) await p.locator(`#role-list input[value="${r}"]`).check();
    await p.locator('#start').click();
    await p.locator('#console').waitFor();
    await typeLine(p, 'role tc-chair');
    for (const line of FIRST) await typeLine(p, line);
    await expect(p.locator('#prompt').textContent()).resolves.toBe('T+03:30 tc-chair> ');
    saved = await saveAs(p, 'first.json');
    await expect(p.locator('#transcript > div.note').last().textContent()).resolves.toBe('Run log saved as first.json at T+03:30 (the browser downloads it). To carry on from here later: on this page, Resume a saved session… with that file; or in a terminal, drill play --resume first.json.');
    before = await state(p);
    expect(before.pending).toBe(1);

    await p.reload();
    await p.waitForFunction(() => (window as any).drillPlay?.ready);
    await p.evaluate(() => (window as any).drillPlay.ready);
    await p.locator('#setup').waitFor();
    // the scenario's seed in the box, and only tc-chair ticked: the log's roles and seed are taken, not these; the
    // ticked role of the run sits first (as drill play --resume --role tc-chair)
    expect(await p.locator('#seed').inputValue()).toBe('2022');
    await p.locator('#role-list input[value="tc-chair"]').check();
    await pickToResume(p, 'first.json', saved);
    await p.locator('#console').waitFor();
    expect(await p.locator('#setup-error').isHidden()).toBe(true);
    await expect(p.locator('#prompt').textContent()).resolves.toBe('T+03:30 tc-chair> ');
    const after = await state(p);
    expect(after).toEqual(before);
    expect(after.seed).toBe(11);
    expect(after.players).toEqual(['mx-chair', 'tc-chair']);
    await expect(p.locator('#transcript > div.note').last().textContent()).resolves.toBe('Resumed first.json: saved at T+03:30, with 2 decisions taken; save again to keep what follows.');
    const shown = await p.locator('#transcript > div.out').first().textContent();
    expect(shown).toContain('T+03:30');
    expect(shown).toContain('dispatch tc-militia to ta-ca-houses');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('line');
    await p.screenshot({ path: join(ARTIFACTS, 'play-resumed.png') });

    // on from there, and saved again: the log drill play --resume writes after the same lines, which drill verify accepts
    for (const line of THEN) await typeLine(p, line);
    const again = await saveAs(p, 'first.json');
    const out = join(dir, 'terminal.json');
    writeFileSync(join(dir, 'first-saved.json'), saved);
    const t = drill(['play', '--resume', join(dir, 'first-saved.json'), '--role', 'tc-chair', '--lang', 'en', '--out', out], { input: THEN.join('\n') + '\n' });
    expect(t.code).toBe(0);
    expect(again.equals(readFileSync(out))).toBe(true);
    const v = drill(['verify', join(dir, 'first.json')]);
    expect(v.code).toBe(0);
    expect(drill(['play', '--resume', join(dir, 'first.json'), '--lang', 'en'], { input: 'quit\n' }).stdout).toContain('T+05:00');
    await p.close();
  });

  it('a log of another scenario is not resumed: said, with what to do, in English and then Vietnamese', async () => {
    const other = join(dir, 'other.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', other, '--quiet']).code).toBe(0);
    const p = await openPlay('#lang=en');
    await pickToResume(p, 'other.json', readFileSync(other));
    const err = p.locator('#setup-error');
    await err.waitFor();
    await expect(err.textContent()).resolves.toBe('other.json: cannot resume: the log is a run of another scenario, minimal (House collapse after heavy rain in Mường Xén); this page plays ky-son-flash-flood (Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn))\nOpen that scenario (Open a scenario…) and resume it there, or carry it on in a terminal: drill play --resume other.json');
    expect(await p.locator('#console').isHidden()).toBe(true);
    expect(await p.evaluate(() => (window as any).drillPlay.session)).toBeNull();
    await p.screenshot({ path: join(ARTIFACTS, 'play-resume-other.png') });
    await p.locator('input[name=lang][value=vi]').check();
    await expect(err.textContent()).resolves.toBe('other.json: không tiếp tục được: nhật ký là lượt chạy của một kịch bản khác, minimal (Sập nhà sau mưa lớn ở Mường Xén); trang này chơi ky-son-flash-flood (Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn))\nHãy mở kịch bản đó (Mở kịch bản…) rồi chơi tiếp ở đó, hoặc chơi tiếp trong cửa sổ lệnh: drill play --resume other.json');
    await p.close();
  });

  it('an edited log, and a file that is no run log, are not resumed: said in the engine\'s words', async () => {
    const p = await openPlay('#lang=vi');
    // the scenario inside the log changed (its seed), its hash left as it was
    const edited = saved.toString('utf8').replace('\\"seed\\":2022', '\\"seed\\":2023');
    expect(edited).not.toBe(saved.toString('utf8'));
    await pickToResume(p, 'edited.json', Buffer.from(edited));
    const err = p.locator('#setup-error');
    await err.waitFor();
    await expect(err.textContent()).resolves.toBe('edited.json: không tiếp tục được: kịch bản trong nhật ký đã bị sửa (mã băm không khớp)\nHãy chọn một nhật ký chạy do trang này (save) hoặc drill play lưu, chưa bị sửa; hoặc bắt đầu một phiên mới.');
    await pickToResume(p, 'ky-son.yaml', readFileSync(SCENARIO));
    // the page reads the file picked as it comes: the line said of the first file stays until then
    await p.waitForFunction(() => document.querySelector('#setup-error')?.textContent?.startsWith('ky-son.yaml:'));
    await expect(err.textContent()).resolves.toBe('ky-son.yaml: không tiếp tục được: đây là một kịch bản, không phải nhật ký chạy\nHãy chọn một nhật ký chạy do trang này (save) hoặc drill play lưu, chưa bị sửa; hoặc bắt đầu một phiên mới.');
    await p.locator('input[name=lang][value=en]').check();
    await expect(err.textContent()).resolves.toBe('ky-son.yaml: cannot resume: this is a scenario, not a run log\nPick a run log saved by this page (save) or by drill play, unchanged since; or start a new session.');
    expect(await p.locator('#console').isHidden()).toBe(true);
    await p.close();
  });

  it('breaks none of the page\'s rules on the way (no script errors, no dialogs)', () => {
    expect(problems).toEqual([]);
  });
});
