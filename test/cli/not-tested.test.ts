/**
 * `drill run` and `drill report` on the reviewer's case: cua-lo with its own
 * seed has no chlorine leak, so the chemical objective is shown as not
 * tested with its reason, not as "P ... = 0 s" and not under Strengths.
 * With seed 1 (a leak) it is rated as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-nt-cli-');
const p = (f: string) => join(dir, f);

describe('drill run and drill report: an objective not tested in the run', () => {
  it('drill run prints it as not tested with its reason, and counts met objectives among those tested', () => {
    const r = drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--out', p('no-leak.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('\n    -  chemical: contained_s of toxic-release: not tested (no toxic-release incident in this run)\n');
    expect(r.stdout).toContain('\n  objectives  2 of the 5 tested met; 1 not tested in this run\n');
    expect(r.stdout).not.toMatch(/P {2}chemical/);
    const log = JSON.parse(readFileSync(p('no-leak.json'), 'utf8'));
    expect(log.events.some((e: { type: string; kind?: string }) => e.type === 'incident.reported' && e.kind === 'toxic-release')).toBe(false);
  });

  it('drill run with a leak (seed 1) rates it as before', () => {
    const r = drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--seed', '1']);
    expect(r.stdout).toContain('\n    M  chemical: contained_s of toxic-release = 2 h 40 min (not met)\n');
  });

  it('drill report puts it in neither Strengths nor the improvement plan, and says why in both languages', () => {
    const en = drill(['report', p('no-leak.json'), '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stderr).not.toMatch(STACK);
    const strengths = en.stdout.slice(en.stdout.indexOf('## 4. Strengths'), en.stdout.indexOf('## 5.'));
    expect(strengths).not.toContain('chlorine');
    const plan = en.stdout.slice(en.stdout.indexOf('## 7.'));
    expect(plan).not.toContain('chlorine');
    expect(en.stdout).toContain('**Not tested in this run: no incident of the kind "Chlorine leak from the chemical store" in this run.');
    expect(en.stdout).not.toContain('0 s, read at T+08:00 (22:00): rated P');
    const vi = drill(['report', p('no-leak.json'), '--lang', 'vi']);
    expect(vi.stdout).toContain('Không đánh giá trong lượt chạy này: không có sự cố loại "Rò rỉ khí clo từ kho hóa chất" trong lượt chạy này.');
  });

  it('drill compare shows "not tested" on the side where it was not tested', () => {
    drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--seed', '1', '--out', p('leak.json'), '--quiet']);
    const c = drill(['compare', p('leak.json'), p('no-leak.json')]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/\n {2}chemical +M {2}2 h 40 min +- {2}not tested {3}<- rating differs\n/);
  });

  it('drill run, the hot wash of drill play and drill report count the objectives met in the same words: out of those tested, then those not tested, EN and VI', () => {
    // the report said "2 of 6 met": the one not tested counted in the denominator, read as a failure
    const words = {
      en: '2 of the 5 tested met; 1 not tested in this run',
      vi: 'đạt 2 trên 5 mục tiêu được đánh giá; 1 không đánh giá trong lượt chạy này',
    };
    for (const lang of ['en', 'vi'] as const) {
      expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--lang', lang]).stdout).toContain(words[lang]);
      const play = drill(['play', 'scenarios/cua-lo-high-rise-fire.yaml', '--controller', '--lang', lang], { input: 'advance until end\n' });
      expect(play.stdout).toContain(`  ${lang === 'en' ? 'objectives' : 'mục tiêu'}: ${words[lang]}\n`);
      const report = drill(['report', p('no-leak.json'), '--lang', lang]).stdout;
      // the report adds its ratings after those tested
      expect(report).toContain(lang === 'en'
        ? '| **Objectives** | 2 of the 5 tested met (P 1 · S 1 · M 2 · U 1); 1 not tested in this run |'
        : '| **Mục tiêu** | đạt 2 trên 5 mục tiêu được đánh giá (P 1 · S 1 · M 2 · U 1); 1 không đánh giá trong lượt chạy này |');
    }
    // all of them tested: "n of N met" everywhere ("đạt n trên N"; the hot wash said "đạt n/N")
    expect(drill(['play', 'scenarios/minimal.yaml', '--controller', '--lang', 'vi'], { input: 'advance until end\n' }).stdout).toContain('  mục tiêu: đạt 1 trên 1\n');
    expect(drill(['run', 'scenarios/minimal.yaml', '--lang', 'vi']).stdout).toMatch(/mục tiêu +đạt 1 trên 1\n/);
  });

  it('a run stopped early: drill run and drill report say what was not tested by the stop, not in the run', () => {
    const r = drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--until', 'T+01:00', '--out', p('1h.json')]);
    expect(r.stdout).toContain('\n  objectives  2 of the 5 tested met; 1 not tested by T+01:00\n');
    expect(drill(['report', p('1h.json'), '--lang', 'en']).stdout).toContain('| **Objectives** | 2 of the 5 tested met (P 2 · S 0 · M 0 · U 3); 1 not tested by T+01:00 (15:00) |');
    expect(drill(['report', p('1h.json'), '--lang', 'vi']).stdout).toContain('| **Mục tiêu** | đạt 2 trên 5 mục tiêu được đánh giá (P 2 · S 0 · M 0 · U 3); 1 không đánh giá được tính đến T+01:00 (15:00) |');
  });
});
