/**
 * C (compare on / off) with a single run open has nothing to compare with. It did nothing and said nothing:
 * the reviewer could not tell a key that was not taken from one that has no use yet. The notices say why, in
 * the page's language, until a second run is open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, viewerSession, type ViewerSession } from './browser.js';

const file = join(tempDir('drillsim-viewer-compare-one-'), 'one.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file], undefined, '#run=0&lang=en');
});

afterAll(async () => {
  await session?.close();
});

describe('C with one run open', () => {
  it('says there is no other run to compare with, in English and Vietnamese, until another is opened', async () => {
    const { page } = session;
    const notice = page.locator('#error .error-line[data-kind=cannotCompare]');
    await page.keyboard.press('c');
    await notice.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-compare-one-en.png') });
    expect(await notice.innerText()).toBe('Cannot compare: only one run is open (one.json): there is no other run to compare it with (open another run log with Open run logs… or by dropping it here, then press C again)×');
    expect(await page.evaluate(() => document.body.classList.contains('comparing'))).toBe(false);
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-compare-one-vi.png') });
    expect(await notice.innerText()).toBe('Không so sánh được: mới mở một lượt chạy (one.json): chưa có lượt chạy nào khác để so sánh (hãy mở thêm một nhật ký chạy bằng nút Mở nhật ký chạy… hoặc thả tệp vào đây, rồi nhấn lại C)×');
    // pressed again, one line still, not two
    await page.keyboard.press('c');
    expect(await notice.count()).toBe(1);
    // a second run open: the notice no longer holds, and C compares
    await page.locator('#file-input').setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await page.waitForFunction(() => document.querySelectorAll('#run-select option').length === 2);
    expect(await notice.count()).toBe(0);
    expect(await page.locator('#error').isHidden()).toBe(true);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.body.classList.contains('comparing'));
  });
});
