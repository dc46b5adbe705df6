/**
 * The report's table of civil-defence levels and support against capacity,
 * in a run where no area ran short, declared a level or asked for support:
 * it was a header with no row under it, which reads as a table that failed
 * to fill. It now says in a sentence that none of it happened.
 */
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../engine/review/metrics.js';
import { reportOf } from '../../engine/review/report.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

function report(name: string, format: 'md' | 'html', lang: 'en' | 'vi'): string {
  const scenario = loadNamed(name);
  const { log } = runScenario(scenario, {});
  const back = readRunLog(serializeRunLog(log!).join(''));
  if (!back.ok) throw new Error(back.message);
  return reportOf(back.log, scenario, back.events as LogEvent[], format, lang).text;
}
const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

describe('the levels and support section of a run where no area ran short', () => {
  it('says so in a sentence instead of an empty table (minimal, in both languages)', () => {
    const en = section(report('minimal', 'md', 'en'), '### Civil-defence levels and support against capacity', '### Decisions by trainees');
    expect(en).not.toContain('| Area |');
    expect(en).toContain('No area ran short of its own forces: no civil-defence level was declared and no support was requested.');
    const vi = report('minimal', 'md', 'vi');
    expect(vi).toContain('Không địa bàn nào vượt khả năng tại chỗ: không ban bố cấp độ phòng thủ dân sự nào và không đề nghị hỗ trợ.');
  });

  it('has no empty table in the HTML either', () => {
    const html = report('minimal', 'html', 'en');
    const part = section(html, 'Civil-defence levels and support against capacity', 'Decisions by trainees');
    expect(part).not.toContain('<table');
    expect(part).toContain('No area ran short of its own forces');
  });

  it('keeps the table where an area did run short (ky-son)', () => {
    const md = section(report('ky-son-flash-flood', 'md', 'en'), '### Civil-defence levels and support against capacity', '### Decisions by trainees');
    expect(md).toMatch(/\| Tà Cạ \| T\+/);
  });
});
