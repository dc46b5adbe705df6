/**
 * The viewer's Decisions tab on an answer whose order changed nothing: the
 * order says it came from the answer, and reads as "no change", not as a
 * refusal; the person's own repeat of it right after is refused as before.
 * Reasons are in drill run's words, naming the role (not the log's sentence by
 * ids). In Vietnamese, the reasons are Vietnamese too, with what the English says
 * of the case (the zone and its order, the levels the role may declare), in
 * drill run --lang vi's words: they read "vai này không có thẩm quyền" or
 * "việc này đã được thực hiện", the same for every case. The Metrics tab's summary
 * counts them the same way, and its figures at this time follow the clock
 * while the run plays.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir, writeDecisions } from '../helpers/cli.js';
import { ARTIFACTS, openRun, openServedRun, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-decisions-');
const file = join(dir, 'answer-no-change.json');
// docs/trainee.md's mistakes.yaml: three orders refused for three reasons
const mistakes = join(dir, 'mistakes.json');
let mistakesFile: string;
let session: ViewerSession;

beforeAll(async () => {
  const d = writeDecisions(join(dir, 'd.yaml'), ['mx-chair'], [
    '{ at: T+00:30, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
    '{ at: T+01:46, role: mx-chair, do: answer, inject: night-evacuation, option: evacuate-now }',
    '{ at: T+01:46, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
  ]);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--decisions', d, '--out', file, '--quiet']).code).toBe(0);
  mistakesFile = writeDecisions(join(dir, 'mistakes.yaml'), ['tc-chair', 'mx-chair'], [
    '{ at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
    '{ at: T+00:35, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
    '{ at: T+01:00, role: mx-chair, do: declare_level, area: muong-xen, level: 2 }',
    '{ at: T+01:00, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }',
    '{ at: T+01:05, role: tc-chair, do: request_support, area: ta-ca }',
  ]);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', mistakesFile, '--out', mistakes, '--quiet']).code).toBe(0);
  session = await viewerSession([file, mistakes]);
});

afterAll(async () => {
  await session?.close();
});

describe('the Decisions tab', () => {
  it('shows the order of an answer that found the zone already moving as "no change", and the person\'s own repeat as refused', async () => {
    const page = session.page;
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') await page.locator('#lang').click();
    await page.evaluate(() => (window as any).drillViewer.app.seek(2 * 3600));
    await page.locator('#tab-decisions').click();
    const items = page.locator('#panel-decisions li.decision[data-author="trainee"]');
    await page.waitForFunction(() => document.querySelectorAll('#panel-decisions li.decision[data-author="trainee"]').length >= 4);
    // latest first: the own repeat, the answer's order, the answer, the first order
    const texts = await items.evaluateAll((els) => els.map((e) => [e.className, e.textContent]));
    expect(texts.slice(0, 3)).toEqual([
      ['decision trainee refused', expect.stringMatching(/^T\+01:46 trainee .+: evacuate Mường Xén low-lying quarter \(refused: zone 'muong-xen-lowland' already has its order: moving\)$/)],
      ['decision trainee no-change', expect.stringMatching(/^T\+01:46 trainee .+: evacuate Mường Xén low-lying quarter \(the order of the answer "Evacuate now"\) \(no change: zone 'muong-xen-lowland' already has its order: moving\)$/)],
      ['decision trainee', expect.stringMatching(/^T\+01:46 trainee .+: answer .+: Evacuate now$/)],
    ]);
    await page.locator('#panel-decisions').screenshot({ path: join(ARTIFACTS, 'viewer-decisions-answer-no-change.png') });
  });

  it('gives the reason for a refusal in Vietnamese when the interface is in Vietnamese, with the engine\'s own sentence as its tooltip', async () => {
    const page = session.page;
    await page.locator('#lang').click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.waitForFunction(() => document.querySelector('#panel-decisions')?.getAttribute('data-lang') === 'vi');
    const reasons = await page.locator('#panel-decisions li.decision[data-author="trainee"] .refused-reason').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('title')]));
    expect(reasons).toEqual([
      [" (bị từ chối: vùng 'muong-xen-lowland' đã có lệnh: đang di dời)", "zone 'muong-xen-lowland' is already moving"],
      [" (không có gì thay đổi: vùng 'muong-xen-lowland' đã có lệnh: đang di dời)", "zone 'muong-xen-lowland' is already moving"],
    ]);
    await page.locator('#panel-decisions').screenshot({ path: join(ARTIFACTS, 'viewer-decisions-refused-vi.png') });
    await page.locator('#lang').click();
  });

  it('says in Vietnamese what each refusal was about, as drill run --lang vi does, where English names it', async () => {
    const reasons = async (lang: 'en' | 'vi') => {
      const page = await openServedRun(session.browser, session.server, 1, lang, '&t=T+02:00');
      await page.locator('#tab-decisions').click();
      const list = await page.locator('#panel-decisions li.decision.refused .refused-reason').allTextContents();
      if (lang === 'vi') await page.locator('#panel-decisions').screenshot({ path: join(ARTIFACTS, 'viewer-decisions-mistakes-vi.png') });
      await page.close();
      return list;
    };
    // latest first
    // English names the role too, as drill run does (the log's own sentence by ids is the tooltip)
    const en = await reasons('en');
    expect(en).toEqual([
      " (refused: there is no open incident 'ta-ca-houses' yet (reported at T+03:10))",
      ' (refused: Mường Xén commune chair (commune civil-defence board) may not declare level 2 (it may declare 1): the law names who declares each level)',
      " (refused: zone 'ta-ca-riverside' already has its order: ordered (warning people))",
    ]);
    const runEn = drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', mistakesFile]);
    for (const r of en) expect(runEn.stdout).toContain(`: ${r.replace(/^ \(refused: /, '').replace(/\)$/, '')}\n`);
    const vi = await reasons('vi');
    expect(vi).toEqual([
      " (bị từ chối: chưa có sự cố đang mở 'ta-ca-houses' (được báo tin lúc T+03:10))",
      ' (bị từ chối: Chủ tịch UBND xã Mường Xén (Ban chỉ huy PTDS xã) không có thẩm quyền ban bố cấp độ 2 (được ban bố cấp độ 1): luật quy định ai ban bố từng cấp độ)',
      " (bị từ chối: vùng 'ta-ca-riverside' đã có lệnh: đã ra lệnh (đang báo cho dân))",
    ]);
    // the same words as drill run's list of refusals
    const run = drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', mistakesFile, '--lang', 'vi']);
    for (const r of vi) expect(run.stdout).toContain(`: ${r.replace(/^ \(bị từ chối: /, '').replace(/\)$/, '')}\n`);
  });
});

describe('the Metrics tab', () => {
  it('counts the answer\'s order apart from the refused in the summary at the end', async () => {
    const page = session.page;
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') await page.locator('#lang').click();
    await page.locator('#tab-metrics').click();
    const rows = await page.locator('#panel-metrics table:not(.now) tbody tr').evaluateAll((els) => els.map((e) => [...e.children].map((c) => c.textContent)));
    expect(rows).toContainEqual(['Decisions: refused', '1']);
    expect(rows).toContainEqual(['Decisions: no change', '1']);
    await page.locator('#panel-metrics').screenshot({ path: join(ARTIFACTS, 'viewer-metrics-no-change.png') });
  });
});

describe('the Metrics tab while the run plays', () => {
  it('keeps its figures at this time following the clock, not frozen at the moment play was pressed', async () => {
    const page = session.page;
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') await page.locator('#lang').click();
    await page.locator('#tab-metrics').click();
    await page.evaluate(() => { const v = (window as any).drillViewer; v.app.seek(0); v.app.setSpeed(3600); });
    const reported = () => page.locator('#panel-metrics table.now tr', { has: page.locator('th', { hasText: 'Incidents: reported' }) }).locator('td').first().textContent();
    expect(await reported()).toBe('0');
    await page.locator('#play').click();
    // an hour per second: the Kỳ Sơn run's first incidents are reported within its first hours
    await page.waitForFunction(() => Number(document.querySelector('#panel-metrics table.now td')?.textContent) > 0, null, { timeout: 20_000 });
    const playing = await page.evaluate(() => (window as any).drillViewer.app.playing);
    await page.locator('#play').click();
    expect(playing).toBe(true);
    // and the figures agree with the clock once paused
    const t = await page.evaluate(() => (window as any).drillViewer.app.t);
    const shown = Number(await reported());
    const run = openRun(file);
    expect(shown).toBe(run.events.filter((e: any) => e.type === 'incident.reported' && e.t <= t).length);
  });
});
