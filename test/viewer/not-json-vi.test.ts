/**
 * A file that is not JSON, opened in the viewer in Vietnamese: the page said so with the browser's own parser
 * words, in English ("không phải JSON hợp lệ (Unexpected token 'h', "hello world" is not valid JSON)"). In
 * Vietnamese it says where the JSON breaks, by line and column, when the parser gives a place, and otherwise
 * no more than that it is not JSON; in English the parser's words stay. A run
 * log cut short is said to be one, as drill view says it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, viewerSession, type ViewerSession } from './browser.js';

let session: ViewerSession;

beforeAll(async () => {
  session = await viewerSession([], undefined, '#lang=vi');
});

afterAll(async () => {
  await session?.close();
});

const line = (name: string) => session.page.locator(`#error .error-line[data-file='${name}']`);

async function open(name: string, text: string): Promise<void> {
  await session.page.locator('#file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await line(name).waitFor();
}

describe('a file that is not JSON, opened in the page', () => {
  it('is said in Vietnamese without the parser\'s English, placed by line and column when the parser gives a place', async () => {
    const { page } = session;
    await open('notes.txt', 'hello world\n');
    await open('trailing-comma.json', '{\n  "format": "drillsim/run@1",\n}\n');
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-not-json-vi.png') });
    expect(await line('notes.txt').innerText()).toBe('Không mở được: notes.txt không phải nhật ký chạy: không phải JSON hợp lệ (lỗi tại dòng 1, cột 1) (hãy mở một tệp do `drill run --out run.json` ghi)×');
    expect(await line('trailing-comma.json').innerText()).toBe('Không mở được: trailing-comma.json không phải nhật ký chạy: không phải JSON hợp lệ (lỗi tại dòng 3, cột 1) (hãy mở một tệp do `drill run --out run.json` ghi)×');
    // in English, the parser's words and the same place, on one line (V8's message quoted the text, line break and all)
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-not-json-en.png') });
    expect(await line('notes.txt').innerText()).toBe("Cannot open: notes.txt is not a run log: it is not valid JSON (Unexpected token 'h', line 1, column 1) (open a file written by `drill run --out run.json`)×");
    expect(await line('trailing-comma.json').innerText()).toMatch(/^Cannot open: trailing-comma\.json is not a run log: it is not valid JSON \(Expected double-quoted property name, line 3, column 1\)/);
  });

  it('says a run log cut short is one, cut short, as drill view says it (not "not a run log"), EN and VI', async () => {
    const { page } = session;
    // a copy stopped part-way: drill view refuses it as cut short; the page had said it was no run log, not JSON
    await open('cut.json', '{"format":"drillsim/run@1","engine":"0.5.1","seed":7,"until":14400,"players":[],"events":[{"t":0,"type":"run.start","seed":7},{"t":1320,"ty');
    expect(await line('cut.json').innerText()).toBe('Cannot open: cut.json is cut short: the file ends at line 1, before the log does (it is incomplete or damaged) (copy it again, or write it again with `drill run --out`)×');
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await line('cut.json').innerText()).toBe('Không mở được: cut.json bị cụt: tệp kết thúc ở dòng 1, trước khi nhật ký kết thúc (thiếu hoặc hỏng) (hãy chép lại, hoặc ghi lại bằng `drill run --out`)×');
  });
});

describe('a scenario or a decisions file, opened in the page', () => {
  it('is told what to do once: the command that makes a run log of it, with no second hint after it, EN and VI', async () => {
    // "... make a run log of it first (drill run minimal.yaml --out run.json), or play it (drill view --play
    // minimal.yaml) (open a file written by `drill run --out run.json`)": the same advice twice, in two brackets
    const { page } = session;
    await open('minimal.yaml', 'drillsim: 1\nid: minimal\n');
    await open('early.yaml', 'drillsim_decisions: 1\nscenario: ky-son-flash-flood\ndecisions: []\n');
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== 'en') { await page.keyboard.press('l'); await page.waitForFunction(() => document.documentElement.lang === 'en'); }
    expect(await line('minimal.yaml').innerText()).toBe('Cannot open: minimal.yaml is a scenario, not a run log: make a run log of it first (drill run minimal.yaml --out run.json), or play it (drill view --play minimal.yaml)×');
    expect(await line('early.yaml').innerText()).toBe('Cannot open: early.yaml is a decisions file, not a run log: run it first (drill run <scenario> --decisions early.yaml --out run.json)×');
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await line('minimal.yaml').innerText()).not.toMatch(/hãy mở một tệp do/);
    expect(await line('early.yaml').innerText()).not.toMatch(/hãy mở một tệp do/);
  });
});
