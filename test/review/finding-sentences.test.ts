/**
 * Each area for improvement opens a list item and a row of the improvement
 * plan, so it reads as a sentence with a capital letter, even when it begins
 * with a name the words write in lower case mid-sentence: an inject
 * ("inject #10 ...", "tình huống số 10 ...") or the people a hazard caught
 * ("people caught in ...", "người còn kẹt lại tại ...").
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import { renderReport } from '../../engine/review/report.js';
import { join } from 'node:path';
import { drill, tempDir, writeDecisions } from '../helpers/cli.js';
import { kySon } from './ky-son-runs.js';

describe('findings as sentences', () => {
  it('start with a capital in the list and in the plan, in both languages (ky-son under doctrine)', () => {
    const r = kySon('doctrine');
    const aar = buildAar(r.log, r.scenario, r.events);
    const en = renderReport(aar, 'md', 'en');
    expect(en).toContain('\n- Inject #10 "Rumour of a dam break" reached Mường Xén commune chair');
    expect(en).toContain('\n- People caught in Mường Xén low-lying quarter: 19 of 560 people at risk were lost');
    expect(en).toContain('| Public Information and Warning | Inject #10 "Rumour of a dam break" reached');
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toContain('\n- Tình huống số 10 "Tin đồn vỡ đập thủy điện" đến Chủ tịch UBND xã Mường Xén');
    expect(vi).toContain('\n- Người còn kẹt lại tại khu thấp trũng xã Mường Xén: 19 trong số 560 người');
    // every finding of both sections and every issue of the plan
    for (const md of [en, vi]) {
      const sections = md.split(/^## /m).filter((x) => /^[45]\. /.test(x));
      for (const item of sections.flatMap((x) => x.split('\n').filter((l) => l.startsWith('- ')))) expect(item.charAt(2), item).toBe(item.charAt(2).toLocaleUpperCase());
    }
  });

  it('a suggested action names a zone given by reference as the findings do, in lower case mid-sentence', () => {
    const r = kySon('doctrine');
    const aar = buildAar(r.log, r.scenario, r.events);
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toContain('*Gợi ý: Ra lệnh sơ tán khu thấp trũng xã Mường Xén trước T+01:55 (19:55)');
    expect(vi).not.toContain('sơ tán Khu thấp trũng');
    // a proper name stays as written
    expect(renderReport(aar, 'md', 'en')).toContain('*Suggested: Order the evacuation of Mường Xén low-lying quarter by T+01:55 (19:55)');
  });

  it('key events and the incidents table start their cells with a capital too (the people caught in a zone)', () => {
    const r = kySon('doctrine');
    const aar = buildAar(r.log, r.scenario, r.events);
    const en = renderReport(aar, 'md', 'en');
    expect(en).toMatch(/\| People caught in Mường Xén low-lying quarter contained \| \d+ \|/);
    expect(en).toMatch(/\n\| People caught in Mường Xén low-lying quarter \| Mường Xén \|/);
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toMatch(/\| Người còn kẹt lại tại khu thấp trũng xã Mường Xén: cứu được \d+ người/);
    expect(vi).toMatch(/\n\| Người còn kẹt lại tại khu thấp trũng xã Mường Xén \| Mường Xén \|/);
    // and the incidents chart of the HTML report labels its bars so
    expect(renderReport(aar, 'html', 'vi')).toMatch(/class="tick"><title>Người còn kẹt lại tại khu thấp trũng xã Mường Xén<\/title>Người còn kẹt/);
    // every row of both tables, in both languages
    for (const md of [en, vi]) {
      const rows = md.split('\n').filter((l) => /^\| T\+/.test(l)).map((l) => l.split(' | ')[1]);
      expect(rows.length).toBeGreaterThan(50);
      for (const cell of rows) expect(cell.charAt(0), cell).toBe(cell.charAt(0).toLocaleUpperCase());
    }
  });

  it('the evidence under each objective opens each line with a capital too, as the key events write the same event', () => {
    const r = kySon('doctrine');
    const aar = buildAar(r.log, r.scenario, r.events);
    const en = renderReport(aar, 'md', 'en');
    expect(en).toMatch(/\n- \*\*T\+08:19:40 \(02:19\)\*\*: People caught in Mường Xén low-lying quarter: 541 rescued, 19 lost \\\[log event #\d+\\\]/);
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toMatch(/\n- \*\*T\+08:19:40 \(02:19\)\*\*: Người còn kẹt lại tại khu thấp trũng xã Mường Xén: cứu được 541 người/);
    for (const md of [en, vi]) {
      const items = md.split('\n').filter((l) => /^- \*\*T\+/.test(l)).map((l) => l.replace(/^- \*\*[^*]+\*\*: /, ''));
      expect(items.length).toBeGreaterThan(10);
      for (const item of items) expect(item.charAt(0), item).toBe(item.charAt(0).toLocaleUpperCase());
    }
  });

  it('the injects table opens each row with a capital too, in both languages and formats (inject #1 ... mid-sentence)', () => {
    const r = kySon('doctrine');
    const aar = buildAar(r.log, r.scenario, r.events);
    const en = renderReport(aar, 'md', 'en');
    expect(en).toContain('\n| Inject #1 "Warning of heavy rain, flash floods and landslides" | Nghệ An provincial civil-defence board |');
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toMatch(/\n\| Tình huống số 1 "[^"]+" \| /);
    for (const [md, head] of [[en, '| Inject | To |'], [vi, '| Tình huống |']] as const) {
      const table = md.split('\n').slice(md.split('\n').findIndex((l) => l.startsWith(head)) + 2);
      const rows = table.slice(0, table.findIndex((l) => !l.startsWith('| '))).map((l) => l.slice(2));
      expect(rows.length).toBeGreaterThan(10);
      for (const cell of rows) expect(cell.charAt(0), cell).toBe(cell.charAt(0).toLocaleUpperCase());
    }
    expect(renderReport(aar, 'html', 'en')).toContain('<td>Inject #1 &quot;Warning of heavy rain');
  });

  it("the decisions table's role cell opens with a capital for exercise control too, as the trainees' do", () => {
    const dir = tempDir();
    const decisions = writeDecisions(join(dir, 'd.yaml'), ['tc-chair'], ['{ at: T+00:40, role: tc-chair, do: evacuate, zone: ta-ca-riverside }', '{ at: T+01:00, role: controller, do: hold_inject, inject: dam-rumour }']);
    const log = join(dir, 'run.json');
    expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--decisions', decisions, '--until', 'T+02:00', '--out', log, '--quiet']).code).toBe(0);
    expect(drill(['report', log]).stdout).toContain('| T+01:00 (19:00) | Exercise control | hold inject #10 "Rumour of a dam break" | ✓ |');
    expect(drill(['report', log, '--lang', 'vi']).stdout).toContain('| T+01:00 (19:00) | Ban đạo diễn | tạm giữ tình huống số 10 "Tin đồn vỡ đập thủy điện" | ✓ |');
  });
});
