/**
 * `drill report` on a run stopped early with `drill run --until`: like a
 * session saved part-way, it is read at its stop, and says so at the top,
 * or an evacuation objective due at T+03:00 reads "0 %, rated U" at T+00:10
 * as though the players had failed it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';

describe('drill report on a run stopped with --until', () => {
  it('warns at the top, in both languages, that it is read at the stop, before the scenario\'s end', () => {
    const dir = tempDir('drillsim-until-');
    const log = join(dir, 'short.json');
    expect(drill(['run', SCENARIO, '--until', 'T+00:10', '--out', log, '--quiet']).code).toBe(0);
    const en = drill(['report', log, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    const top = en.stdout.split('\n').slice(0, 6).join('\n');
    expect(top).toContain('> **This run stopped at T+00:10 (18:10), before the scenario\'s end at T+18:00 (12:00) (drill run --until): every figure and rating is as it stood then, and objectives read later are read at T+00:10 (18:10).**');
    const vi = drill(['report', log, '--lang', 'vi']).stdout.split('\n').slice(0, 6).join('\n');
    expect(vi).toContain('Lượt chạy này dừng lúc T+00:10 (18:10), trước khi kịch bản kết thúc lúc T+18:00 (12:00)');
  });

  it("names no strength from a figure that may still change, and says what had not happened 'by' the stop, not 'in this run'", () => {
    const dir = tempDir('drillsim-until-');
    const log = join(dir, 'part.json');
    expect(drill(['run', SCENARIO, '--until', 'T+01:01', '--out', log, '--quiet']).code).toBe(0);
    const md = drill(['report', log, '--lang', 'en']).stdout;
    const strengths = md.slice(md.indexOf('## 4. Strengths'), md.indexOf('## 5.'));
    // people lost so far: 0, rated P at T+01:01, is no strength (a helper found it listed as one)
    expect(strengths).not.toContain('lives lost');
    expect(md).toContain('did not occur by T+01:01 (19:01)');
    expect(md).toContain('was not delivered by T+01:01 (19:01)');
    expect(md).not.toMatch(/did not occur in this run|was not delivered in this run/);
    // the same run to the end: its reasons say "in this run"
    const whole = join(dir, 'whole.json');
    expect(drill(['run', SCENARIO, '--out', whole, '--quiet']).code).toBe(0);
    expect(drill(['report', whole, '--lang', 'en']).stdout).not.toMatch(/ by T\+18:00 \(12:00\)\. Not rated/);
  });

  it('says nothing of the kind for a run to the scenario\'s end', () => {
    const dir = tempDir('drillsim-until-');
    const log = join(dir, 'full.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    expect(drill(['report', log]).stdout).not.toContain('This run stopped at');
  });

  it("says an incident still open where the log stops was not reached 'by' then, not 'ever', nor 'at the end of the run'", () => {
    // Quế Phong stopped at T+06:10: the Huổi Mường slide was reported at T+05:40, half an hour before, and the Tri Lễ
    // chair (a trainee who only ordered the evacuation) had sent nobody
    const dir = tempDir('drillsim-until-');
    const log = join(dir, 'slide.json');
    const decisions = join(dir, 'tri-le.yaml');
    writeFileSync(decisions, 'drillsim_decisions: 1\nscenario: que-phong-landslides\nplayers: [tl-chair]\ndecisions:\n  - { at: T+02:10, role: tl-chair, do: evacuate, zone: tri-le-slope }\n');
    expect(drill(['run', 'scenarios/que-phong-landslides.yaml', '--decisions', decisions, '--until', 'T+06:10', '--out', log, '--quiet']).code).toBe(0);
    const en = drill(['report', log, '--lang', 'en']).stdout;
    expect(en).toContain('- Slide buries houses at Huổi Mường, reported at T+05:40 (22:40): people still at risk at T+06:10 (23:10), where the log ends: 5, and no unit had reached it by then.');
    expect(en).not.toMatch(/no unit ever reached|at the end of the run: \d/);
    const vi = drill(['report', log, '--lang', 'vi']).stdout;
    expect(vi).toContain('- Sạt lở vùi nhà bản Huổi Mường, báo tin lúc T+05:40 (22:40): 5 người vẫn còn gặp nạn lúc T+06:10 (23:10), khi nhật ký kết thúc, và đến lúc đó chưa có lực lượng nào đến được.');
  });

  it("says what supplies an area cut off had left where the log stops, not 'at the end', in the finding and the areas table", () => {
    // Kỳ Sơn stopped at T+06:00: Tà Cạ had been cut off for 2 h, and the road stayed cut for hours after
    const dir = tempDir('drillsim-until-');
    const log = join(dir, 'cut-off.json');
    expect(drill(['run', SCENARIO, '--until', 'T+06:00', '--out', log, '--quiet']).code).toBe(0);
    const en = drill(['report', log, '--lang', 'en']).stdout;
    expect(en).toContain('- Tà Cạ had been cut off for 2 h by T+06:00 (00:00), where the log ends, and had supplies for only 1.9 days left then.');
    expect(en).toContain('| Supplies left where the log ends |');
    expect(en).not.toMatch(/left at the end\.|Supplies left at the end/);
    const vi = drill(['report', log, '--lang', 'vi']).stdout;
    expect(vi).toContain('- Tà Cạ bị chia cắt trong 2 giờ tính đến T+06:00 (00:00), khi nhật ký kết thúc, và lúc đó chỉ còn dự trữ cho 1,9 ngày.');
    expect(vi).toContain('| Dự trữ còn lại khi nhật ký kết thúc |');
    expect(vi).not.toContain('cuối lượt chỉ còn dự trữ');
    // the same run to the end still says "at the end"
    const whole = join(dir, 'whole.json');
    expect(drill(['run', SCENARIO, '--out', whole, '--quiet']).code).toBe(0);
    expect(drill(['report', whole, '--lang', 'en']).stdout).toContain('- Tà Cạ was cut off for 7 h and had supplies for only 1.7 days left at the end.');
  });
});

describe("drill report on a run stopped early: no 'at the end' left", () => {
  it("says the people still at risk, an unfinished incident and a criterion without a deadline at the stop, where the log ends, in both languages", () => {
    // Quế Phong stopped at T+06:10: the Huổi Mường slide, reported at T+05:40, still had 4 people at risk
    const dir = tempDir('drillsim-until-');
    const log = join(dir, 'slide.json');
    expect(drill(['run', 'scenarios/que-phong-landslides.yaml', '--until', '6h10m', '--out', log, '--quiet']).code).toBe(0);
    const en = drill(['report', log, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('| **People at risk** | 5 at risk: 1 rescued, 0 lost, 4 still at risk at T+06:10 (23:10), where the log ends |');
    expect(en.stdout).toContain('| T+06:10 (23:10) | Slide buries houses at Huổi Mường, unfinished at T+06:10 (23:10), where the log ends: 1 rescued, 0 lost while waiting, 4 still at risk | 133 |');
    expect(en.stdout).toContain('| **Criterion** | people lost: at most 30, read at T+06:10 (23:10), where the log ends |');
    expect(en.stdout).not.toMatch(/at risk at the end|unfinished at the end|read at the end of the run/);
    const vi = drill(['report', log, '--lang', 'vi']).stdout;
    expect(vi).toContain('| **Người gặp nạn** | 5 người gặp nạn: cứu được 1, thiệt mạng 0, còn 4 người chưa được cứu lúc T+06:10 (23:10), khi nhật ký kết thúc |');
    expect(vi).toContain('Sạt lở vùi nhà bản Huổi Mường, chưa xử lý xong lúc T+06:10 (23:10), khi nhật ký kết thúc: cứu được 1 người');
    expect(vi).toContain('| **Tiêu chí** | số người thiệt mạng: tối đa 30, tính lúc T+06:10 (23:10), khi nhật ký kết thúc |');
    expect(vi).not.toMatch(/chưa được cứu khi kết thúc|chưa xử lý xong khi kết thúc|tính khi kết thúc lượt chạy/);
    const html = drill(['report', log, '--format', 'html', '--lang', 'en']).stdout;
    expect(html).toContain('4 still at risk at T+06:10 (23:10), where the log ends');
    expect(html).not.toMatch(/at risk at the end|unfinished at the end|read at the end of the run/);
  });

  it("a run played to the scenario's end still says 'at the end'", () => {
    const dir = tempDir('drillsim-until-');
    const log = join(dir, 'whole.json');
    expect(drill(['run', 'scenarios/que-phong-landslides.yaml', '--out', log, '--quiet']).code).toBe(0);
    const en = drill(['report', log, '--lang', 'en']).stdout;
    expect(en).toMatch(/\| \*\*People at risk\*\* \| \d+ at risk: \d+ rescued, \d+ lost, \d+ still at risk at the end \|/);
    expect(en).toContain('| **Criterion** | people lost: at most 30, read at the end of the run |');
    expect(en).not.toContain('where the log ends |');
    const vi = drill(['report', log, '--lang', 'vi']).stdout;
    expect(vi).toContain('tính khi kết thúc lượt chạy');
  });
});
