/**
 * Injects exercise control adds in play, in the after-action review: the log
 * keeps their whole spec only in the add_inject decision, and the report
 * must read it from there to show their message and channel and to judge
 * the action they expected, as it does for the scenario's own injects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addedInjects } from '../../engine/review/added-injects.js';
import { isInjectSpec } from '../../engine/review/inject-spec.js';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

const FILE = join(ROOT, 'test/fixtures/review/ky-son-added-injects.decisions.yaml');

/** The fixture's run, written as `drill run --out` writes it and read back as `drill report` reads it. */
function run() {
  const scenario = loadNamed('ky-son-flash-flood');
  const d = parseDecisions(readFileSync(FILE, 'utf8'), FILE, scenario);
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const { log } = runScenario(scenario, { decisions: d.value.decisions, players: d.value.players });
  const back = readRunLog(serializeRunLog(log!).join(''));
  if (!back.ok) throw new Error(back.message);
  return { log: back.log, scenario, events: back.events as LogEvent[] };
}
const r = run();
const aar = buildAar(r.log, r.scenario, r.events);
const row = (md: string, start: string) => md.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('injects added by exercise control, in the report', () => {
  it('are read from the log\'s add_inject decisions, in the order they were added', () => {
    expect(addedInjects(r.events, isInjectSpec).map((a) => [a.spec.id, a.spec.method, a.added_t])).toEqual([['road-check', 'radio', 1800], ['tc-ask-support', 'phone', 3600], ['mx-school', 'in-person', 3600]]);
  });

  it('show their message and channel in the timeline, marked as added by exercise control, in both languages', () => {
    const en = renderReport(aar, 'md', 'en');
    expect(en).toContain('Inject #20, added by exercise control, to Tà Cạ commune chair (phone): "Ask for support"<br>*Message: Tà Cạ should ask the district for support now.*');
    expect(en).toContain('Exercise control added inject #19 "Road check" for Tà Cạ commune chair');
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toContain('Tình huống số 20 (ban đạo diễn thêm) gửi Chủ tịch UBND xã Tà Cạ (điện thoại): "Đề nghị chi viện"<br>*Nội dung: Xã Tà Cạ đề nghị huyện chi viện ngay.*');
    expect(vi).not.toContain('"tc-ask-support"');
  });

  it('show a message holding markup as text, never as markup, in HTML and Markdown', () => {
    const html = renderReport(aar, 'html', 'en');
    expect(html).toContain('Report the state of QL7 &lt;km 180&gt; &amp; the Huồi Cọ bridge');
    expect(html).not.toContain('<km 180>');
    expect(renderReport(aar, 'md', 'vi')).toContain('Báo cáo tình trạng QL7 &lt;km 180&gt; &amp; cầu Huồi Cọ');
  });

  it('judge the expected action of an added inject against its own `within`, and read its decision point\'s options', () => {
    const en = renderReport(aar, 'md', 'en');
    expect(row(en, '| Inject #20 "Ask for support"')).toBe('| Inject #20 "Ask for support" (added by exercise control) | Tà Cạ commune chair | T+02:00 (20:00) | request support for Tà Cạ | T+03:30 (21:30) | 1 h 30 min | 30 min | **late** |');
    expect(row(en, '| Inject #21 ')).toMatch(/ \| Open now \/ Wait \| T\+02:20 \(20:20\) \| 20 min \| 20 min \| default applied at the deadline \|$/);
    expect(row(en, '| Inject #19 ')).toMatch(/\(added by exercise control\) .* \| information only \|$/);
    expect(en).toContain('- Inject #20 "Ask for support": Tà Cạ commune chair took the expected action after 1 h 30 min; the time allowed was 30 min.');
    expect(en).toContain('the default (Wait) was applied');
    const late = aar.review.injects.find((i) => i.id === 'tc-ask-support')!;
    expect(late).toMatchObject({ expects: true, within_s: 1800, latency_s: 5400, on_time: false, added_t: 3600 });
  });

  it('leave the summary as the live run stored it: the review agrees with the log', () => {
    expect(aar.integrity.summary_agrees).toBe(true);
    for (const lang of ['en', 'vi'] as const) for (const format of ['md', 'html'] as const) expect(renderReport(aar, format, lang)).not.toMatch(/⟦[^⟧]*⟧/);
  });
});
