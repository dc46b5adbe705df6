/**
 * The viewer's words on the reviewer's case (ky-son, seed 3, the play
 * fixture's decisions, compared with the doctrine run): durations in the
 * language's own units as the report writes them, the help dialog and the
 * divergence label in the interface's language, names (not ids) for roles
 * and incidents, and B's value beside B's rating when comparing objectives.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDivergence } from '../../engine/replay/divergence.js';
import type { RunData } from '../../engine/replay/open.js';
import { metricParam, Words } from '../../engine/review/words.js';
import type { Lang } from '../../engine/scenario/text.js';
import { drill, tempDir } from '../helpers/cli.js';
import { ARTIFACTS, openRun, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-words-');
const fileA = join(dir, 'ky-seed-3.json');
const fileB = join(dir, 'ky-doctrine.json');
let session: ViewerSession;
let page: Page;
let runA: RunData;
let runB: RunData;

/** The report's words for a run: what the viewer must agree with. */
function words(run: RunData, lang: Lang): Words {
  const incidents = run.events.filter((e) => e.type === 'incident.reported').map((e) => ({ id: String(e.id), kind: String(e.kind) }));
  return new Words(lang, run.scenario).learnIncidents(incidents);
}

async function setLang(lang: Lang): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.locator('#lang').click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '3', '--decisions', 'test/fixtures/play/ky-son.decisions.yaml', '--out', fileA, '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', fileB, '--quiet']).code).toBe(0);
  runA = openRun(fileA);
  runB = openRun(fileB);
  session = await viewerSession([fileA, fileB]);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('the viewer\'s words', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`writes durations in the report's units (${lang})`, async () => {
      await setLang(lang);
      const w = words(runA, lang);
      await page.locator('#tab-messages').click();
      const within = runA.scenario.injects.find((i) => i.id === 'province-directive')!.expected!.within as number;
      await expect(page.locator('li[data-inject="province-directive"] .expected').textContent()).resolves.toContain(`${lang === 'vi' ? 'trong vòng' : 'within'} ${w.dur(within)}`);
      const latencies = await page.locator('#panel-messages .outcome.done strong[data-latency-s]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-latency-s')), e.textContent]));
      expect(latencies.length).toBeGreaterThan(0);
      for (const [s, text] of latencies) expect(text, `latency ${s}`).toBe(w.dur(s as number));
      if (lang === 'vi') {
        const all = (await page.locator('#panel-messages').textContent())!;
        expect(all).not.toMatch(/\d (s|min|h)\b/);
      }
      await page.locator('#tab-metrics').click();
      const row = (label: string) => page.locator('#panel-metrics table.final tr', { has: page.locator('th', { hasText: label }) }).locator('td').first().textContent();
      const S = lang === 'vi' ? { mean: 'thời gian trung bình', worst: 'lâu nhất' } : { mean: 'mean time to first unit', worst: 'worst' };
      await expect(row(S.mean)).resolves.toBe(w.dur(runA.summary!.response.mean_first_on_scene_s!));
      await expect(row(S.worst)).resolves.toBe(w.dur(runA.summary!.response.max_first_on_scene_s!));
      // and how many incidents the mean leaves out, as drill run and the report say it
      await expect(row(lang === 'vi' ? 'sự cố chưa có lực lượng nào đến được' : 'incidents no unit reached')).resolves.toBe(lang === 'vi' ? '5 (156 người)' : '5 (156 people)');
      if (lang === 'vi') expect((await page.locator('#panel-metrics').textContent())!).not.toMatch(/\d (s|min|h)\b/);
    });
  }

  it('shows the inject exercise control added in play like the scenario\'s: its message and channel, marked as added', async () => {
    const spec = runA.events.find((e) => e.type === 'decision' && e.do === 'add_inject')!.inject as { id: string; message: string; seq: number };
    expect(spec.id).toBe('adhoc-1');
    for (const lang of ['en', 'vi'] as const) {
      await setLang(lang);
      await page.locator('#tab-messages').click();
      const li = page.locator(`#panel-messages li[data-inject="${spec.id}"]`);
      await expect(li.locator('.message').textContent()).resolves.toBe(spec.message);
      await expect(li.locator('.subject').textContent()).resolves.toBe('Road check');
      await expect(li.locator('.method').textContent()).resolves.toBe(lang === 'vi' ? 'trực tiếp' : 'in person');
      await expect(li.locator('.added-by').textContent()).resolves.toBe(lang === 'vi' ? 'ban đạo diễn thêm lúc T+01:46' : 'added by exercise control at T+01:46');
      await expect(li.locator('.route').textContent()).resolves.toBe(lang === 'vi' ? 'từ Ban đạo diễn tới Chủ tịch UBND xã Tà Cạ' : 'from Exercise control to Tà Cạ commune chair');
      // in the MSEL's order (by seq), and once
      expect(await page.locator(`#panel-messages li[data-inject="${spec.id}"]`).count()).toBe(1);
      expect(await page.locator('#panel-messages li.msg').evaluateAll((els) => els.map((e) => e.getAttribute('data-inject')).at(-1))).toBe(spec.id);
    }
    await page.locator(`#panel-messages li[data-inject="${spec.id}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-added-inject-vi.png') });
    await setLang('en');
  });

  it('says what + − 0 do in the help dialog in Vietnamese', async () => {
    await setLang('vi');
    await page.keyboard.press('?');
    const help = page.locator('#help');
    await expect(help.isVisible()).resolves.toBe(true);
    const dd = help.locator('dt', { hasText: '+ − 0' }).locator('xpath=following-sibling::dd[1]');
    try {
      await expect(dd.textContent()).resolves.toBe('phóng to / thu nhỏ / về toàn cảnh');
      await page.screenshot({ path: join(ARTIFACTS, 'viewer-words-help-vi.png') });
    } finally {
      await page.keyboard.press('Escape'); // the modal dialog would stop the other tests' clicks
    }
    await setLang('en');
    await expect(dd.textContent()).resolves.toBe('zoom in / out / whole map');
  });

  it('names unit states and the figures at the end with the report\'s Vietnamese words', async () => {
    // the report's charts said "đang quay về" for a unit returning, the viewer "đang trở về"; "người gặp nạn" and
    // "đã vào nơi sơ tán" in the report were "gặp nguy hiểm" and "đã sơ tán tới nơi trú ẩn" here
    await setLang('vi');
    const w = words(runA, 'vi');
    const legend = await page.locator('#map-a .legend li').allTextContents();
    for (const st of ['available', 'mobilising', 'en_route', 'on_scene', 'returning', 'resting', 'blocked', 'out_of_service']) expect(legend, st).toContain(w.m(`unit_state.${st}`));
    expect(legend.some((l) => l.startsWith(w.m('h.zones').toLowerCase()))).toBe(true);
    await page.locator('#tab-metrics').click();
    const rows = await page.locator('#panel-metrics table.final th[scope=row]').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['Người: gặp nạn', 'Người: chưa được cứu', 'Người: đã vào nơi sơ tán', 'Nhật ký: số sự kiện']));
    await setLang('en');
  });

  it('heads each objective\'s criterion, result and evidence as `drill report` does, in its words (vi, en)', async () => {
    // the panel had said "giá trị: 45%" and "căn cứ: tính tại ..." where the report says "Kết quả: 45%, tính tại ...: mức đánh giá M"
    for (const lang of ['vi', 'en'] as const) {
      const md = drill(['report', fileA, '--lang', lang]).stdout;
      const plain = (cell: string) => cell.replace(/\*\*/g, '').replace(/\\(.)/g, '$1').trim();
      /** each objective's section of the report: its Criterion and Result cells, and its evidence heading */
      const sections = new Map(md.split(/^#### /m).slice(1).map((sec) => {
        const cell = (k: string) => plain(sec.split('\n').find((l) => l.startsWith(`| **${k}** | `))!.slice(`| **${k}** | `.length).replace(/ \|$/, ''));
        const head = sec.split('\n')[0];
        return [head, { sec, cell }];
      }));
      const w = words(runA, lang);
      const C = w.m('obj.criterion'), R = w.m('obj.result'), E = w.m('obj.evidence');
      // the report's own headings, so that the comparison below is with the report and not with itself
      expect(md).toContain(`| **${C}** | `);
      expect(md).toContain(`| **${R}** | `);
      await setLang(lang);
      await page.locator('#tab-objectives').click();
      const shown = await page.locator('#panel-objectives li.objective').evaluateAll((lis) => lis.map((li) => ({
        text: li.querySelector('.obj-text')!.textContent!, rating: li.querySelector('.rating')!.getAttribute('title'),
        criterion: li.querySelector('.criterion')?.textContent, result: li.querySelector('.result')?.textContent,
        evidence: li.querySelector('p.evidence .label')?.textContent ?? null,
      })));
      expect(shown.length).toBe(runA.scenario.objectives.length);
      for (const o of shown) {
        const sec = sections.get(o.text);
        expect(sec, o.text).toBeDefined();
        expect(o.criterion, o.text).toBe(`${C}: ${sec!.cell(C)}`);
        const r = runA.summary!.objectives.find((x) => w.name('objective', x.id) === o.text)!;
        expect(o.result, o.text).toBe(`${R}: ${sec!.cell(R)}${r.not_tested ? '' : lang === 'vi' ? (r.met ? ' (đạt)' : ' (không đạt)') : r.met ? ' (met)' : ' (not met)'}`);
        if (r.rating) expect(o.rating, o.text).toBe(w.p({ rating: r.rating }));
        if (o.evidence !== null) {
          expect(o.evidence.replace(/:$/, '').trim()).toBe(E);
          expect(sec!.sec).toContain(`**${E}**`);
        }
      }
      expect(shown.some((o) => o.evidence !== null)).toBe(true);
      if (lang === 'vi') {
        expect(shown.map((o) => `${o.criterion} ${o.result}`).join(' ')).not.toMatch(/giá trị|căn cứ:/);
        await page.screenshot({ path: join(ARTIFACTS, 'viewer-words-objectives-vi.png') });
      }
    }
    await setLang('en');
  });

  it('says what a timeline marker stands for in the report\'s words when the pointer comes over it', async () => {
    // a decision's tooltip had said "Decisions: evacuate (trainee)", a declaration's "Level declarations: ta-ca"
    for (const lang of ['vi', 'en'] as const) {
      await setLang(lang);
      for (const kind of ['decision', 'level']) {
        const marker = page.locator(`#timeline-slider g.marker.${kind}`).first();
        await marker.dispatchEvent('pointerenter');
        const t = Number(await marker.getAttribute('data-t'));
        const event = runA.events.find((e) => e.t === t && (kind === 'level' ? e.type === 'level' : e.type === 'decision' && e.author !== 'doctrine'))!;
        const index = runA.events.indexOf(event);
        const w = words(runA, lang);
        await expect(marker.locator('title').textContent()).resolves.toBe(`${w.time(t).split(' ')[0]} ${w.event(event as never, index)}`);
      }
    }
    await setLang('en');
  });

  it('names the role that answered a message, not its id', async () => {
    // "đã trả lời: Tăng cường lực lượng, chưa ban bố cấp 2 (T+07:00, bởi province-board)"
    for (const lang of ['vi', 'en'] as const) {
      await setLang(lang);
      await page.locator('#tab-messages').click();
      const answered = await page.locator('#panel-messages li.msg p.outcome').evaluateAll((els) => els.map((e) => e.textContent!).filter((t) => /^(answered|đã trả lời)/.test(t)));
      expect(answered.length).toBeGreaterThan(0);
      for (const text of answered) {
        // an answer doctrine gave says so after the name: "(T+07:00, by Nghệ An provincial civil-defence board (doctrine))"
        const doctrine = lang === 'vi' ? ' (phương án tự động)' : ' (doctrine)';
        const role = runA.scenario.roles.find((r) => [')', `${doctrine})`].some((end) => text.includes(`${lang === 'vi' ? 'bởi' : 'by'} ${words(runA, lang).name('role', r.id)}${end}`)));
        expect(role, text).toBeDefined();
        for (const r of runA.scenario.roles) expect(text).not.toContain(` ${r.id})`);
      }
    }
    await setLang('en');
  });

  it('names the roles that decided and the incidents units work on, with their ids in the title', async () => {
    await setLang('en');
    await page.evaluate(() => (window as any).drillViewer.app.seek(5 * 3600));
    await page.locator('#tab-decisions').click();
    const roles = await page.locator('#panel-decisions .role').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('title')]));
    const ids = new Set(roles.map(([, id]) => id));
    expect(ids).toContain('mx-chair');
    for (const [text, id] of roles) expect(text, id!).toBe(words(runA, 'en').name('role', id!));
    // exercise control's own orders carry its tag alone: "controller exercise control: ..." would say it twice
    const control = page.locator('#panel-decisions li[data-author="controller"]');
    expect(await control.count()).toBeGreaterThan(0);
    expect(await control.locator('.role').count()).toBe(0);
    expect(await control.first().textContent()).toMatch(/^T\+\S+ exercise control: /);
    await setLang('vi');
    expect(await page.locator('#panel-decisions li[data-author="controller"]').first().textContent()).toMatch(/^T\+\S+ ban đạo diễn: /);
    // who decided, in the report's words (it said "phương án tự động" where the panel said "tự động theo phương án")
    for (const lang of ['vi', 'en'] as const) {
      await setLang(lang);
      const tags = await page.locator('#panel-decisions li.decision').evaluateAll((els) => els.map((e) => [e.getAttribute('data-author'), e.querySelector('.author')!.textContent]));
      expect(new Set(tags.map(([a]) => a))).toEqual(new Set(['controller', 'doctrine', 'trainee']));
      for (const [author, tag] of tags) expect(tag, author!).toBe(words(runA, lang).m(`author.${author}`));
      // and how many are listed, in the language's own word order
      expect(await page.locator('#panel-decisions > p.muted').textContent()).toMatch(lang === 'vi' ? /: hiển thị \d+ trên \d+$/ : /: \d+ shown of \d+$/);
    }
    await setLang('en');

    await page.locator('#tab-board').click();
    const cells = await page.locator('#panel-board table.units td.incident').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('title')]));
    const busy = cells.filter(([, id]) => id);
    expect(busy.map(([, id]) => id)).toContain('ta-ca-houses');
    // each cell opens with a capital as the report's tables do ("People caught in ...")
    const cap = (x: string) => x.charAt(0).toLocaleUpperCase() + x.slice(1);
    for (const [text, id] of busy) {
      expect(text, id!).toBe(cap(words(runA, 'en').name('incident', id!)));
      expect(text).not.toBe(id);
    }
    // the open incidents' table names them as well (it gave their ids, English slugs in the Vietnamese page too, under a column "id")
    for (const lang of ['vi', 'en'] as const) {
      await setLang(lang);
      const rows = await page.locator('#panel-board table.incidents tbody th[scope=row]').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('title')]));
      expect(rows.length).toBeGreaterThan(0);
      for (const [text, id] of rows) expect(text, id!).toBe(cap(words(runA, lang).name('incident', id!)));
      expect(await page.locator('#panel-board table.incidents thead th').allTextContents()).not.toContain('id');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-words-board.png') });
  });

  it('reads the divergence point as one event, in either language', async () => {
    await setLang('en');
    await page.locator('#compare-select').selectOption('1');
    const label = page.locator('#divergence-label');
    await page.waitForFunction(() => document.getElementById('divergence-label')?.dataset.index !== undefined);
    const index = await label.getAttribute('data-index');
    expect(index).toBe(String(findDivergence(runA, runB).index));
    // seed 3 against the scenario's own: the label says the seeds differ, after the event
    await expect(label.textContent()).resolves.toMatch(new RegExp(` · event #${index} · different seeds: `));
    await setLang('vi');
    await expect(label.textContent()).resolves.toMatch(new RegExp(` · sự kiện #${index} · khác seed: `));
    await setLang('en');
  });

  it('shows each run\'s value beside its own rating when comparing objectives', async () => {
    await setLang('en');
    await page.locator('#compare-select').selectOption('1');
    await page.locator('#tab-objectives').click();
    const w = words(runB, 'en'), wa = words(runA, 'en');
    let shown = 0;
    for (const b of runB.summary!.objectives) {
      const li = page.locator(`#panel-objectives li[data-objective="${b.id}"]`);
      if (!(await li.count())) continue;
      const value = li.locator('.obj-head .other-value');
      const want = b.not_tested ? 'not tested' : w.p(metricParam(b.metric, b.value));
      await expect(value.textContent({ timeout: 5000 }), b.id).resolves.toContain(want);
      const a = runA.summary!.objectives.find((x) => x.id === b.id)!;
      await expect(li.locator('.obj-head .own-value').textContent(), b.id).resolves.toBe(a.not_tested ? 'not tested' : wa.p(metricParam(a.metric, a.value)));
      shown++;
    }
    expect(shown).toBeGreaterThan(0);
    // B's value differs from A's somewhere, or the test would not tell them apart
    const differs = runB.summary!.objectives.some((b) => runA.summary!.objectives.find((a) => a.id === b.id)?.value !== b.value);
    expect(differs).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-words-compare-objectives.png') });
    await page.locator('#compare-select').selectOption('');
  });
});
