/**
 * The play page (`drill view --play`) in headless Chromium, used as a trainee
 * would from the keyboard: choose a role, type orders (Tab completes, ↑ recalls),
 * see a refusal, move the clock, save. The run log the browser downloads must
 * be byte-identical to what `drill play --out` writes for the same lines, and
 * the transcript must read as `drill play`'s does. Screenshots go to
 * test/artifacts/ for review.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { edit, kySonWithMarkupText, MARKUP } from '../helpers/scenarios.js';
import { ARTIFACTS, browserAndServer, type BrowserAndServer, type Served } from './browser.js';

const dir = tempDir('drillsim-play-page-');
// the flash flood with markup in the dam rumour's message (the page must show it as text)
const SCENARIO = join(dir, 'ky-son-flash-flood.yaml');
writeFileSync(SCENARIO, kySonWithMarkupText());
let browser: Browser;
let server: Served;
let started: BrowserAndServer;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];
const dialogs: string[] = [];

/** A page on the play page, in English, with what goes wrong in it (script errors, CSP refusals, dialogs) noted. */
async function openPlay(hash = '#lang=en'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  p.on('request', (r) => requests.push(r.url()));
  // what the page's content-security policy refused, from its first script on (a refusal need not be a console error)
  await p.exposeFunction('cspRefused', (what: string) => problems.push(`csp: ${what}`));
  await p.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as any).cspRefused(`${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`)));
  await p.goto(`${server.url}play.html${hash}`);
  await p.waitForFunction(() => (window as any).drillPlay?.ready);
  await p.evaluate(() => (window as any).drillPlay.ready);
  return p;
}

/** Tick these roles in the chooser and start, from the keyboard. */
async function startAs(p: Page, roles: string[]): Promise<void> {
  await p.locator('#setup').waitFor();
  for (const r of roles) {
    await p.locator(`#role-list input[value="${r}"]`).focus();
    await p.keyboard.press('Space');
  }
  await p.keyboard.press('Enter');
  await p.locator('#console').waitFor();
}

/** minimal.yaml with `limits: { <limit> }`, picked in the page as `name` (its roles offered); returns its text. */
async function pickLimited(p: Page, name: string, limit: string): Promise<string> {
  const text = edit(readFileSync('scenarios/minimal.yaml', 'utf8'), ['\nseed: 7\n', `\nseed: 7\nlimits: { ${limit} }\n`]);
  await p.locator('#scenario-input').setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await p.locator('#role-list input[value="mx-commander"]').waitFor();
  return text;
}

/** Type a line at the command line and press Enter; resolves once the reply is shown. */
async function typeLine(p: Page, line: string): Promise<void> {
  await p.locator('#line').focus();
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => !(window as any).drillPlay.page.busy && (document.getElementById('line') as HTMLInputElement).value === '');
}

/** The transcript as text, block by block (each block a line or more): the page's own notes left out when `notes` is false. */
function transcript(p: Page, notes = true): Promise<string> {
  return p.evaluate((n) => [...document.querySelectorAll('#transcript > div')].filter((d) => n || !d.classList.contains('note')).map((d) => d.textContent).join('\n') + '\n', notes);
}

beforeAll(async () => {
  ({ browser, server } = started = await browserAndServer([], ['--play', SCENARIO]));
  page = await openPlay();
});

afterAll(async () => {
  await started?.close();
});

describe('the play page', () => {
  it('offers the served scenario\'s roles and the controller, and asks for one before starting', async () => {
    expect(server.stdout()).toMatch(/^drill view: serving the play page for ky-son-flash-flood\.yaml\n {2}open http:\/\/127\.0\.0\.1:\d+\/play\.html in a browser to play/);
    await expect(page.locator('#setup-title').textContent()).resolves.toBe('Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)');
    const roles = await page.locator('#role-list input').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(roles).toEqual(['mx-chair', 'tc-chair', 'hk-chair', 'nc-border', 'ml-chair', 'province-board', 'controller']);
    await expect(page.locator('label.role', { hasText: 'tc-chair' }).textContent()).resolves.toContain('Tà Cạ commune chair');
    expect(await page.locator('input[name=lang][value=en]').isChecked()).toBe(true);
    // nobody chosen: said, and no session
    await page.locator('#start').click();
    await expect(page.locator('#setup-error').textContent()).resolves.toBe('Choose at least one role, or the controller.');
    expect(await page.locator('#console').isHidden()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'play-setup.png') });
  });

  it('plays as tc-chair from the keyboard: a refusal changes nothing, and the run log downloaded is byte for byte drill play\'s', async () => {
    await startAs(page, ['tc-chair']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('line');
    await expect(page.locator('#prompt').textContent()).resolves.toBe('T+00:00 tc-chair> ');
    const sent: string[] = [];
    // Tab completes the verb, then the zone (each with its space, as readline does)
    await page.keyboard.type('evac');
    await page.keyboard.press('Tab');
    expect(await page.locator('#line').inputValue()).toBe('evacuate ');
    await page.keyboard.type('ta-ca-r');
    await page.keyboard.press('Tab');
    expect(await page.locator('#line').inputValue()).toBe('evacuate ta-ca-riverside ');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('line') as HTMLInputElement).value === '');
    sent.push('evacuate ta-ca-riverside ');
    await expect(page.locator('#transcript > div.out').last().textContent()).resolves.toBe('order for T+00:00: evacuate ta-ca-riverside (carried out when the clock moves on)');
    // several fit: the choices are listed under the line
    await page.keyboard.type('d');
    await page.keyboard.press('Tab');
    await expect(page.locator('#completions').textContent()).resolves.toBe('Tab: dispatch  declare');
    await page.locator('#line').fill('');

    // a refused order: its reason, and the world, the orders and the log as they were
    const before = await page.evaluate(() => { const s = (window as any).drillPlay.session; return { hash: s.worldHash(), pending: s.pending.length, revision: s.revision }; });
    await typeLine(page, 'declare level 2');
    sent.push('declare level 2');
    await expect(page.locator('#transcript > div.refused').last().textContent()).resolves.toBe('refused: you may not declare level 2 (you may declare 1): the law names who declares each level. Nothing was changed.');
    const after = await page.evaluate(() => { const s = (window as any).drillPlay.session; return { hash: s.worldHash(), pending: s.pending.length, revision: s.revision }; });
    expect(after).toEqual(before);

    // ↑ brings the last line back
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#line').inputValue()).toBe('declare level 2');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#line').inputValue()).toBe('evacuate ta-ca-riverside ');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#line').inputValue()).toBe('');

    for (const line of ['advance', 'advance until T+03:30', 'dispatch tc-militia to ta-ca-houses', 'advance']) {
      await typeLine(page, line);
      sent.push(line);
    }
    await expect(page.locator('#prompt').textContent()).resolves.toBe('T+04:01 tc-chair> ');
    const scrolled = await page.locator('#transcript').evaluate((t) => t.scrollTop);
    await page.keyboard.press('PageUp');
    expect(await page.locator('#transcript').evaluate((t) => t.scrollTop)).toBeLessThan(scrolled);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('line');
    await page.keyboard.press('PageDown');
    expect(await page.locator('#transcript').evaluate((t) => t.scrollTop)).toBe(scrolled);
    await expect(page.locator('#transcript').textContent()).resolves.toContain('order carried out: dispatch tc-militia to ta-ca-houses');
    await page.screenshot({ path: join(ARTIFACTS, 'play-console.png') });

    // save: the browser downloads the log, named as typed (without the folder, which the browser chooses)
    const saveLine = `save ${join(dir, 'typed.json')}`;
    const [download] = await Promise.all([page.waitForEvent('download'), typeLine(page, saveLine)]);
    sent.push(saveLine);
    expect(download.suggestedFilename()).toBe('typed.json');
    const downloaded = readFileSync(await download.path());
    await expect(page.locator('#transcript > div.note').last().textContent()).resolves.toBe(`Run log saved as typed.json at T+04:01 (the browser downloads it). To carry on from here later: on this page, Resume a saved session… with that file; or in a terminal, drill play --resume typed.json.`);

    // the same lines piped into drill play
    const out = join(dir, 'terminal.json');
    const r = drill(['play', SCENARIO, '--role', 'tc-chair', '--lang', 'en', '--out', out], { input: sent.join('\n') + '\n' });
    expect(r.code).toBe(1); // the refused line
    expect(downloaded.equals(readFileSync(out))).toBe(true);
    expect(readFileSync(join(dir, 'typed.json')).equals(downloaded)).toBe(true);
    // and the transcript reads as the terminal's, up to where the terminal talks about its files; its first line
    // names the scenario, not a command the page's user never typed
    const terminal = r.stdout.slice(0, r.stdout.indexOf('Session saved to '));
    expect(terminal.startsWith('drill play: Night flash flood')).toBe(true);
    expect(await transcript(page, false)).toBe(terminal.replace(/^drill play: /, ''));
    expect(await page.evaluate(() => (window as any).drillPlay.session.log().decisions.length)).toBe(JSON.parse(readFileSync(out, 'utf8')).decisions.length);
  });

  it('keeps the log on offer after save: the download button gives the same bytes, and the replay viewer opens it', async () => {
    await expect(page.locator('#download').textContent()).resolves.toBe('Download the run log (typed.json)');
    const [again] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(readFileSync(await again.path()).equals(readFileSync(join(dir, 'terminal.json')))).toBe(true);
    const [viewer] = await Promise.all([page.context().waitForEvent('page'), page.locator('#to-viewer').click()]);
    await viewer.waitForFunction(() => (window as any).drillViewer?.app?.a?.data.name === 'typed.json', undefined, { timeout: 30_000 });
    await expect(viewer.locator('#title').textContent()).resolves.toContain('Mường Xén');
    expect(await viewer.locator('#error').isHidden()).toBe(true);
    await viewer.close();
  });

  it('quit warns once about decisions not saved, then closes the session with the log still on offer', async () => {
    await typeLine(page, 'advance');
    await typeLine(page, 'quit');
    await expect(page.locator('#transcript > div.note').last().textContent()).resolves.toBe('Some decisions are not saved. Type save <file>, or quit again to leave without saving.');
    expect(await page.locator('#line').isDisabled()).toBe(false);
    await typeLine(page, 'quit');
    await expect(page.locator('#transcript > div.note').last().textContent()).resolves.toMatch(/^Session closed at T\+\d\d:\d\d\.\nThe run log can still be downloaded below\.$/);
    expect(await page.locator('#line').isDisabled()).toBe(true);
    expect(await page.locator('#after').isVisible()).toBe(true);
    // PageUp from the line scrolls the transcript back, as Shift+PageUp in a terminal
    await page.locator('#transcript').evaluate((t) => { t.scrollTop = t.scrollHeight; });
    const bottom = await page.locator('#transcript').evaluate((t) => t.scrollTop);
    await page.locator('#download').focus();
    await page.screenshot({ path: join(ARTIFACTS, 'play-closed.png') });
    expect(bottom).toBeGreaterThan(0);
  });

  it('shows a message with HTML in it as text (mx-chair gets the dam rumour), in Vietnamese', async () => {
    const p = await openPlay('#lang=vi');
    await expect(p.locator('#roles legend').textContent()).resolves.toBe('Vai đóng tại đây');
    await startAs(p, ['mx-chair']);
    await typeLine(p, 'tiếp T+05:31');
    const text = await p.locator('#transcript').textContent();
    expect(text).toContain('Tin đồn vỡ đập thủy điện');
    expect(text).toContain(MARKUP);
    expect(await p.locator('img').count()).toBe(0);
    await p.screenshot({ path: join(ARTIFACTS, 'play-vi.png') });
    await p.close();
  });

  it('draws Vietnamese letters in a monospace font served with the page, which has them all (DejaVu Sans Mono, Linux\'s usual one, puts the second accent of ố, ế, ắ beside the letter)', async () => {
    const p = await openPlay('#lang=vi');
    await startAs(p, ['mx-chair']);
    await typeLine(p, 'tiếp T+05:31');
    expect(await p.locator('#transcript').textContent()).toMatch(/sự cố mới.*Trạm y tế/s);
    // every letter of the alphabet with its accents, in the transcript's font: the fonts Chromium drew them with
    // (after the page's font stack and any fallback), one font that has them all
    await p.evaluate(() => {
      const probe = document.createElement('span');
      probe.id = 'vi-probe';
      probe.style.fontFamily = getComputedStyle(document.getElementById('transcript')!).fontFamily;
      const base = 'aăâeêioôơuưy';
      const lower = [...base].flatMap((v) => [...'\u0300\u0301\u0303\u0309\u0323'].map((m) => (v + m).normalize('NFC'))).join('') + 'đăâêôơư';
      probe.textContent = lower + lower.toUpperCase();
      document.body.append(probe);
    });
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#vi-probe' });
    await p.evaluate(() => document.fonts.ready);
    const used = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
    // the font served with the page, whatever the machine has (isCustomFont: a web font, not one of the system's)
    expect(used.map((f) => [f.familyName, f.isCustomFont])).toEqual([['Noto Sans Mono', true]]);
    await p.close();
  });

  it('a broken scenario picked in the Vietnamese page shows its issues in Vietnamese, at the same file:line:col', async () => {
    const p = await openPlay('#lang=vi');
    const broken = readFileSync(SCENARIO, 'utf8').replace('horizon: 18h', 'horizon: 18 giờ');
    await p.locator('#scenario-input').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    await p.locator('#error').waitFor();
    const error = await p.locator('#error').textContent();
    expect(error).toMatch(/\nbroken\.yaml:\d+:\d+: error\[duration\] horizon: '18 giờ' không phải một khoảng thời gian \(hãy viết 18h\)$/);
    await p.screenshot({ path: join(ARTIFACTS, 'play-broken-scenario-vi.png') });
    await p.close();
  });

  it('opens a scenario file picked in the page; a broken one shows its issues at file:line:col, and names stay text', async () => {
    const p = await openPlay();
    const broken = readFileSync(SCENARIO, 'utf8').replace('horizon: 18h', 'horizon: eighteen hours');
    await p.locator('#scenario-input').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    await p.locator('#error').waitFor();
    const error = await p.locator('#error').textContent();
    expect(error).toMatch(/^broken\.yaml is not a valid scenario \(1 error\); fix it and open it again:\nbroken\.yaml:\d+:\d+: error\[/);
    expect(error).toContain('horizon');
    expect(error).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await p.screenshot({ path: join(ARTIFACTS, 'play-broken-scenario.png') });
    const tricky = readFileSync('scenarios/minimal.yaml', 'utf8');
    const file = join(dir, 'tricky.yaml');
    writeFileSync(file, tricky.replace('  en: House collapse after heavy rain in Mường Xén', '  en: "Drill <img src=x onerror=window.__hacked=1>"'));
    await p.locator('#scenario-input').setInputFiles(file);
    await p.waitForFunction(() => document.getElementById('error')!.hidden);
    await expect(p.locator('#setup-title').textContent()).resolves.toBe('Drill <img src=x onerror=window.__hacked=1>');
    expect(await p.locator('img').count()).toBe(0);
    expect(await p.evaluate(() => (window as any).__hacked)).toBeUndefined();
    await p.close();
  });

  it('at a limit of the scenario (limits:) says what drill play says, closes the session, and offers no run log', async () => {
    const p = await openPlay();
    const limited = await pickLimited(p, 'limited.yaml', 'max_events: 5');
    await startAs(p, ['mx-commander']);
    const lines = ['advance', 'dispatch mx-militia to collapse-1', 'advance', 'advance'];
    for (const line of lines) await typeLine(p, line);
    await expect(p.locator('#transcript > div.out').last().textContent()).resolves.toBe("The run stopped at T+01:05: it reached the scenario's limit limits.max_events = 5 (events in one run). The session cannot go on from here. To play this scenario further, raise limits.max_events in the scenario and start the session again.");
    await expect(p.locator('#transcript > div.note').last().textContent()).resolves.toBe('There is no run log to download: a run stopped at a limit has none (drill run writes none either). Raise the limit in the scenario file, then open it again (Open a scenario…) to play it.');
    // the transcript reads as the terminal's, up to where the terminal talks about its files
    const file = join(dir, 'limited.yaml');
    writeFileSync(file, limited);
    const r = drill(['play', file, '--role', 'mx-commander', '--lang', 'en'], { input: lines.join('\n') + '\n' });
    expect(r.code).toBe(1);
    expect(await transcript(p, false)).toBe(r.stdout.replace(/^drill play: /, ''));
    expect(await p.locator('#line').isDisabled()).toBe(true);
    expect(await p.locator('#after').isVisible()).toBe(true);
    expect(await p.locator('#download').isVisible()).toBe(false);
    expect(await p.locator('#to-viewer').isVisible()).toBe(false);
    expect(await p.locator('#restart').isVisible()).toBe(true);
    await p.screenshot({ path: join(ARTIFACTS, 'play-limit.png') });
    // nothing to lose by starting again: no "not saved" question
    await p.locator('#restart').click();
    await p.locator('#setup').waitFor();
    await p.close();
  });

  it('plays another seed when one is typed (a second team): the log is drill play --seed\'s; a seed that is not a whole number is refused', async () => {
    const p = await openPlay();
    await p.locator('#setup').waitFor();
    expect(await p.locator('#seed').inputValue()).toBe('2022');
    await expect(p.locator('#setup-seed').textContent()).resolves.toContain("The scenario's is 2022");
    await p.locator('#role-list input[value="tc-chair"]').check();
    for (const bad of ['-1', '7.5', 'abc', '', '99999999999999999999']) {
      await p.locator('#seed').fill(bad);
      await p.locator('#start').click();
      await expect(p.locator('#setup-error').textContent()).resolves.toBe(`The seed must be a whole number from 0 to 9007199254740991, not '${bad}'.`);
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('seed');
      expect(await p.locator('#console').isHidden()).toBe(true);
    }
    // a language switch keeps the seed typed
    await p.locator('#seed').fill(' 7 ');
    await p.locator('input[name=lang][value=vi]').check();
    await p.locator('input[name=lang][value=en]').check();
    expect(await p.locator('#seed').inputValue()).toBe(' 7 ');
    await p.locator('#start').click();
    await p.locator('#console').waitFor();
    const lines = ['evacuate ta-ca-riverside', 'advance until T+03:30', 'dispatch tc-militia to ta-ca-houses', 'advance'];
    for (const line of lines) await typeLine(p, line);
    const save = `save ${join(dir, 'seed7.json')}`;
    const [download] = await Promise.all([p.waitForEvent('download'), typeLine(p, save)]);
    const r = drill(['play', SCENARIO, '--seed', '7', '--role', 'tc-chair', '--lang', 'en'], { input: [...lines, save].join('\n') + '\n' });
    expect(r.code).toBe(0);
    const log = readFileSync(await download.path());
    expect(JSON.parse(log.toString('utf8')).seed).toBe(7);
    expect(log.equals(readFileSync(join(dir, 'seed7.json')))).toBe(true);
    await p.close();
  });

  it('a limit so low that the run stops while it is set up: said where the session would have started', async () => {
    const p = await openPlay();
    await pickLimited(p, 'too-low.yaml', 'max_queue: 1');
    await p.locator('#role-list input[value="mx-commander"]').check();
    await p.locator('#start').click();
    await expect(p.locator('#setup-error').textContent()).resolves.toBe("The run stopped at T+00:00: it reached the scenario's limit limits.max_queue = 1 (events waiting at once). The session cannot go on from here. To play this scenario further, raise limits.max_queue in the scenario and start the session again.");
    expect(await p.locator('#console').isHidden()).toBe(true);
    await p.screenshot({ path: join(ARTIFACTS, 'play-limit-at-start.png') });
    await p.close();
  });

  it('asks for nothing beyond 127.0.0.1, and nothing on it breaks the page\'s rules (no script errors, no CSP refusals, no dialogs)', () => {
    const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
