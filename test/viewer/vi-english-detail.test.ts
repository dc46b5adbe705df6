/**
 * The viewer in Vietnamese does not put the browser's or the engine's English inside its sentences: a served run
 * that could not be fetched said "không tải được (Failed to fetch)", a log whose embedded scenario does not load
 * gave the scenario issue in English, and the play page's scenario fetch said "(Failed to fetch)" too. Where a
 * language-neutral form exists it is kept (the HTTP status), a scenario issue is said in its Vietnamese words,
 * and the browser's words are left out; English keeps every detail as before. A fault of the program on the play
 * page, wholly English in a Vietnamese session, keeps the engine's words (the only clue), said to be such.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { browserAndServer, openViewer, type BrowserAndServer } from './browser.js';

const dir = tempDir('drillsim-vi-detail-');
const good = join(dir, 'good.json');
const badScenario = join(dir, 'bad-scenario.json');
let viewer: BrowserAndServer, play: BrowserAndServer;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', good, '--quiet']).code).toBe(0);
  // the embedded scenario (JSON text in the log) of a format version this drillsim does not read
  const text = readFileSync(good, 'utf8');
  expect(text).toContain('"text":"{\\"drillsim\\":1,');
  writeFileSync(badScenario, text.replace('"text":"{\\"drillsim\\":1,', '"text":"{\\"drillsim\\":2,'));
  [viewer, play] = await Promise.all([browserAndServer([good]), browserAndServer([], ['--play', 'scenarios/minimal.yaml'])]);
}, 60_000);
afterAll(async () => { await viewer?.close(); await play?.close(); });

describe('the viewer in Vietnamese, on a failure the browser or the engine words in English', () => {
  it('a served run that cannot be fetched: no browser words; a broken embedded scenario: its issue in Vietnamese', async () => {
    const page = await viewer.browser.newPage({ viewport: { width: 1440, height: 950 } });
    // the served run's request fails as when drill view has stopped
    await page.route('**/runs/0.json', (r) => r.abort('failed'));
    await openViewer(page, `${viewer.server.url}#lang=vi`);
    const line = (name: string) => page.locator(`#error .error-line[data-file='${name}']`);
    await line('good.json').waitFor();
    await page.locator('#file-input').setInputFiles(badScenario);
    await line('bad-scenario.json').waitFor();
    expect(await line('good.json').innerText()).toBe('Không mở được: good.json: không tải được (`drill view` còn chạy không? Hãy chạy lại với cùng các tệp)×');
    expect(await line('bad-scenario.json').innerText()).toBe('Không mở được: bad-scenario.json bị hỏng: kịch bản nhúng trong nhật ký không tải được (số 2 là phiên bản định dạng mà drillsim này không đọc được (nó đọc 1)) (hãy mở một tệp do `drill run --out run.json` ghi)×');
    // in English, the browser's and the engine's words as before
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await line('good.json').innerText()).toMatch(/^Cannot open: good\.json: it could not be fetched \(Failed to fetch\)/);
    expect(await line('bad-scenario.json').innerText()).toMatch(/^Cannot open: bad-scenario\.json is damaged: its embedded scenario does not load \(.*2.*\)/);
    await page.close();
  });

  it('the play page: the HTTP status kept, the browser\'s words left out', async () => {
    const said: Record<string, string> = {};
    for (const how of ['500', 'abort']) {
      const page = await play.browser.newPage({ viewport: { width: 1440, height: 950 } });
      await page.route((u) => u.pathname.endsWith('.yaml'), (r) => (how === 'abort' ? r.abort('failed') : r.fulfill({ status: 500, body: '' })));
      await page.goto(`${play.server.url}play.html#lang=vi`);
      await page.getByText('Không tải được kịch bản').waitFor();
      said[how] = await page.getByText('Không tải được kịch bản').innerText();
      await page.close();
    }
    expect(said['500']).toBe('Không tải được kịch bản (HTTP 500): drill view còn chạy không? Hoặc mở tệp bằng nút phía trên.');
    expect(said.abort).toBe('Không tải được kịch bản: drill view còn chạy không? Hoặc mở tệp bằng nút phía trên.');
  });

  it('the play page: a fault of the program keeps the engine\'s English, marked as technical detail', async () => {
    const page = await play.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${play.server.url}play.html#lang=vi`);
    await page.waitForFunction(() => (window as any).drillPlay?.ready);
    await page.evaluate(() => (window as any).drillPlay.ready);
    await page.locator('#role-list input[value="mx-commander"]').check();
    await page.locator('#role-list input[value="mx-commander"]').press('Enter');
    await page.locator('#console').waitFor();
    // a fault of the engine while it handles a line (none is known: it stands for one)
    await page.evaluate(() => { (window as any).drillPlay.session.handle = () => { throw new TypeError("Cannot read properties of undefined (reading 'at')"); }; });
    await page.locator('#line').fill('board');
    await page.locator('#line').press('Enter');
    const refused = page.locator('#transcript .refused').last();
    await refused.waitFor();
    expect(await refused.innerText()).toBe("drillsim: lỗi của chương trình (chi tiết kỹ thuật, tiếng Anh: Cannot read properties of undefined (reading 'at'))");
    await page.close();
  });
});
