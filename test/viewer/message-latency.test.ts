/**
 * A message's expected action taken late by seconds is written to the second beside the time it allowed, as the
 * report writes it (engine/review/words.ts injectLatency): the messages panel said 'taken by Anh Sơn commune
 * chair after 30 min' beside 'within 30 min' for an answer 30 min 6 s after the dam-break rumour (khe-bo-release,
 * seed 1815660459), which read as on time when it was late. An answer well inside the time keeps the usual rounding.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { openServedRun, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-message-latency-');
const file = join(dir, 'khe-bo.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/khe-bo-release.yaml', '--seed', '1815660459', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file], undefined, '#run=0&t=T+20:00&lang=en');
});

afterAll(async () => {
  await session?.close();
});

const message = async (lang: 'en' | 'vi', id: string) => {
  const page = lang === 'en' ? session.page : await openServedRun(session.browser, session.server, 0, 'vi', '&t=T+20:00');
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  const li = page.locator(`#panel-messages li.msg[data-inject="${id}"]`);
  return { expected: await li.locator('p.expected').innerText(), done: await li.locator('p.outcome.done').innerText() };
};

describe('a message answered seconds past the time it allowed', () => {
  it('says how long it took to the second (en)', async () => {
    const m = await message('en', 'dam-break-rumour');
    expect(m.expected).toMatch(/, within 30 min$/);
    expect(m.done).toMatch(/^expected action taken by Anh Sơn commune chair after 30 min 6 s /);
    // as the report says it
    expect(drill(['report', file, '--lang', 'en']).stdout).toMatch(/expected action taken by Anh Sơn commune chair after 30 min 6 s/);
  });

  it('says how long it took to the second (vi)', async () => {
    const m = await message('vi', 'dam-break-rumour');
    expect(m.expected).toMatch(/30 phút$/);
    expect(m.done).toMatch(/đã xử lý sau 30 phút 6 giây /);
  });

  it('keeps the usual rounding for an answer well inside the time', async () => {
    // Thanh Chương's chair took the directive's action 25 min 1 s after it
    const m = await message('en', 'evac-directive-tc');
    expect(m.done).toMatch(/ after 25 min /);
  });
});
