/**
 * The viewer on a play session saved part-way whose `session.t` was edited afterwards. The hash chain does not
 * cover the save time: `drill report` warns of it (review/session-agrees.ts), but the viewer checked only the
 * chain, the summary and the head, and showed the run to the edited time with no word of it. It warns now, in the
 * same place and manner as of a broken hash chain, in both languages; the session as saved gets no warning.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-session-t-');
const saved = join(dir, 'saved.json');
const edited = join(dir, 'edited.json');
const SAVED = '"session":{"t":12600}';
let session: ViewerSession;

beforeAll(async () => {
  const played = drill(['play', 'scenarios/ky-son-flash-flood.yaml', '--role', 'tc-chair', '--lang', 'en'], { input: `evacuate ta-ca-riverside\nadvance until T+03:30\nsave ${saved}\nquit\n` });
  expect(played.code, played.stdout + played.stderr).toBe(0);
  const text = readFileSync(saved, 'utf8');
  expect(text).toContain(SAVED);
  // saved at T+03:30, said to be saved at T+04:00: the chain still holds, drill verify refuses it
  writeFileSync(edited, text.replace(SAVED, '"session":{"t":14400}'));
  expect(drill(['verify', edited]).code).toBe(1);
  session = await viewerSession([edited, saved]);
}, 60_000);
afterAll(async () => { await session?.close(); });

const settled = () => session.page.evaluate(() => (window as any).drillViewer.settled());

describe('the viewer on a play session whose save time was edited', () => {
  it('warns that session.t does not agree with the log, naming the time written, in both languages', async () => {
    const p = session.page;
    await settled();
    const line = p.locator('#warning [data-warning="session"]');
    expect(await line.count()).toBe(1);
    expect(await line.getAttribute('class')).toBe('warn-line');
    expect(await line.getAttribute('data-file')).toBe('edited.json');
    expect(await line.textContent()).toBe('edited.json: Warning: the time the play session was saved at, written at the head of the run log (T+04:00), does not agree with its events, keyframes and stored summary, and the hash chain does not cover it. It has been edited since the session was saved, so the run may not end where it is shown to; `drill verify` re-simulates the log to check it.');
    // the chain does not cover session.t: it has nothing to say
    expect(await p.locator('#warning [data-warning="hash"]').count()).toBe(0);
    expect(await p.locator('#warning').isVisible()).toBe(true);
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await line.textContent()).toBe('edited.json: Cảnh báo: thời điểm lưu phiên diễn tập ghi ở đầu nhật ký (T+04:00) không khớp với các sự kiện, các khung khoá (keyframe) và phần tổng hợp lưu trong nhật ký, và chuỗi băm không bảo vệ phần này. Thời điểm đó đã bị sửa sau khi lưu phiên, nên lượt chạy có thể không kết thúc ở chỗ đang hiển thị; `drill verify` mô phỏng lại nhật ký để kiểm tra.');
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('gives the session as saved no warning at all', async () => {
    const p = session.page;
    await p.evaluate(() => { location.hash = '#run=1'; });
    await p.waitForFunction(() => (window as any).drillViewer.app.a?.served === 1);
    await settled();
    expect(await p.locator('#warning .warn-line').count()).toBe(0);
    expect(await p.locator('#warning').isHidden()).toBe(true);
  });
});
