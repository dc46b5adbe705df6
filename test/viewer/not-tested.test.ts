/**
 * The objectives panel on the reviewer's case: cua-lo with its own seed has
 * no chlorine leak; the chemical objective shows as not tested, with why,
 * not as P with 0 s (and not as "not met"), in English and Vietnamese. A run
 * stopped early (--until, a session saved part-way) says what had not
 * happened by its stop, as drill report does, not "in this run". The
 * metrics panel counts the objectives not tested apart, as drill run does,
 * and heads the figures of a run stopped early with when it stopped.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { openServedRun, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-nt-');
const file = join(dir, 'cua-lo.json'), early = join(dir, 'cua-lo-1h.json');
let session: ViewerSession;
let page: Page;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--out', file, '--quiet']).code).toBe(0);
  expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--until', 'T+01:00', '--out', early, '--quiet']).code).toBe(0);
  session = await viewerSession([file, early]);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('the objectives panel', () => {
  it('shows an objective not tested in the run as such, with the reason, and no rating', async () => {
    await page.locator('#tab-objectives').click();
    const li = page.locator('li[data-objective="chemical"]');
    await expect(li.locator('.rating').first().textContent()).resolves.toBe('–');
    expect(await li.getAttribute('data-rating')).toBe('');
    const text = (await li.locator('.result').textContent())!;
    // the report's sentence and reason (obj.result_not_tested)
    expect(text).toMatch(/^Result: Not tested in this run: no incident of the kind "[^"]+" in this run\. Not rated/);
    expect(text).not.toMatch(/not met|0 s/);
    // a tested objective still shows its rating
    await expect(page.locator('li[data-objective="first-engine"] .rating').first().textContent()).resolves.toBe('P');
  });

  it('for a run stopped early, says what had not happened by the stop, as drill report does, EN and VI', async () => {
    const said = {
      en: ['"Chlorine leak from the chemical store" by T+01:00 (15:00).', '" in this run.'],
      vi: ['"Rò rỉ khí clo từ kho hóa chất" đến T+01:00 (15:00).', '" trong lượt chạy này.'],
    };
    for (const lang of ['en', 'vi'] as const) {
      const p = await openServedRun(session.browser, session.server, 1, lang);
      await p.locator('#tab-objectives').click();
      const text = (await p.locator('li[data-objective="chemical"] .result').textContent())!;
      expect(text).toContain(said[lang][0]);
      expect(text).not.toContain(said[lang][1]);
      await p.close();
    }
  });
});

describe('the metrics panel', () => {
  it('counts the objectives not tested apart, as drill run\'s summary does, EN and VI', async () => {
    // drill run: "2 of the 5 tested met; 1 not tested in this run"; the panel said "2 / 6", as if 4 had failed
    const out = drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml']);
    expect(out.code).toBe(0);
    expect(out.stdout + out.stderr).toContain('2 of the 5 tested met; 1 not tested in this run');
    // now in the same words as drill run's (and the hot wash's, and the report's): met out of those tested
    for (const [lang, want] of [['en', '2 of the 5 tested met; 1 not tested in this run'], ['vi', 'đạt 2 trên 5 mục tiêu được đánh giá; 1 không đánh giá trong lượt chạy này']] as const) {
      const p = await openServedRun(session.browser, session.server, 0, lang);
      await p.locator('#tab-metrics').click();
      const cells = await p.locator('#panel-metrics table.metrics.final tr').filter({ has: p.locator('th', { hasText: lang === 'en' ? /^Objectives$/ : /^Mục tiêu$/ }) }).locator('td').allTextContents();
      expect(cells).toEqual([want]);
      await p.close();
    }
    // a run stopped early: not tested by its stop, as drill run --until says it
    const out1h = drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--until', 'T+01:00']);
    expect(out1h.stdout).toContain('2 of the 5 tested met; 1 not tested by T+01:00');
    for (const [lang, want] of [['en', '2 of the 5 tested met; 1 not tested by T+01:00'], ['vi', 'đạt 2 trên 5 mục tiêu được đánh giá; 1 không đánh giá được tính đến T+01:00']] as const) {
      const p = await openServedRun(session.browser, session.server, 1, lang);
      await p.locator('#tab-metrics').click();
      const cells = await p.locator('#panel-metrics table.metrics.final tr').filter({ has: p.locator('th', { hasText: lang === 'en' ? /^Objectives$/ : /^Mục tiêu$/ }) }).locator('td').allTextContents();
      expect(cells).toEqual([want]);
      await p.close();
    }
  });

  it('heads the figures at the end of a run stopped early with when it stopped, as drill run says, EN and VI', async () => {
    // "At the end of the run: People lost 0" read as the whole run's
    for (const [i, lang, want] of [[1, 'en', 'At the end of the run (stopped at T+01:00)'], [1, 'vi', 'Khi kết thúc lượt chạy (dừng lúc T+01:00)'], [0, 'en', 'At the end of the run']] as const) {
      const p = await openServedRun(session.browser, session.server, i, lang);
      await p.locator('#tab-metrics').click();
      expect(await p.locator('#panel-metrics h3').allTextContents()).toEqual([lang === 'en' ? 'At this time' : 'Tại thời điểm này', want]);
      await p.close();
    }
  });
});
