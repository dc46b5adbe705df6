/**
 * `drill compare` of a log that ends part-way (drill run --until, a play session saved part-way) shows an objective
 * not yet due where that log ends as not yet due, with when it falls due, not as U: a run stopped at T+03:25 read
 * "level-1  U  never  <- rating differs" beside the full run's P at T+03:30, though the level was due by T+04:00 and
 * the report of the same log says "not yet missed, so no area for improvement" (objectiveOpenAtEnd).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const EARLY = 'scenarios/decisions/ky-son-evacuate-early.yaml';

describe('drill compare: an objective still open where a log ends', () => {
  let full = '', short = '';
  beforeAll(() => {
    const dir = tempDir('drillsim-compare-open-');
    [full, short] = ['full', 'short'].map((n) => join(dir, `${n}.json`));
    expect(drill(['run', SCENARIO, '--decisions', EARLY, '--out', full, '--quiet']).code).toBe(0);
    expect(drill(['run', SCENARIO, '--decisions', EARLY, '--until', 'T+03:25', '--out', short, '--quiet']).code).toBe(0);
  });

  it.each([
    ['en', 'not yet due', '15 %', '25 min', 'not yet missed, so no area for improvement'],
    ['vi', 'chưa đến hạn', '15%', '25 phút', 'chưa thể coi là không đạt'],
  ])('%s: not yet due (when it falls due), its value as it stood, and no "rating differs"', (lang, due, share, min, report) => {
    const rows = drill(['compare', short, full, '--lang', lang]).stdout.split('\n');
    const row = (id: string) => rows.find((l) => l.startsWith(`  ${id} `))!;
    // a share read at its deadline (T+05:00); a level due by its time (T+04:00); a unit due an hour after the report
    expect(row('evac-muong-xen')).toMatch(new RegExp(`^ {2}evac-muong-xen +- {2}${due} \\(T\\+05:00\\): ${share} +S {2}60 ?%$`));
    expect(row('level-1')).toMatch(new RegExp(`^ {2}level-1 +- {2}${due} \\(T\\+04:00\\) +P {2}T\\+03:30$`));
    expect(row('first-on-scene')).toMatch(new RegExp(`^ {2}first-on-scene +- {2}${due} \\(T\\+04:10\\) +P {2}${min}$`));
    // what was met by the stop is rated as before; a figure that may still change (people lost) is rated so far
    expect(row('evac-ta-ca')).toMatch(/^ {2}evac-ta-ca +P {2}100 ?% +P {2}100 ?%$/);
    expect(row('lives')).toMatch(new RegExp(`^ {2}lives +P {2}\\d+ ${lang === 'en' ? 'so far' : 'tính đến lúc dừng'} +[PSMU] {2}\\d+`));
    // the report of the stopped run says the same three are not yet missed
    expect(drill(['report', short, '--lang', lang]).stdout.split(report).length - 1).toBe(3);
  });

  it('a play session saved at T+03:25 reads the same', () => {
    const saved = join(tempDir('drillsim-compare-open-session-'), 'saved.json');
    const played = drill(['play', SCENARIO, '--controller', '--lang', 'en'], { input: `advance T+03:25\nsave ${saved}\nquit\n` });
    expect(played.code, played.stderr).toBe(0);
    const out = drill(['compare', saved, full, '--lang', 'en']).stdout;
    expect(out).toMatch(/^ {2}level-1 +- {2}not yet due \(T\+04:00\) +P {2}T\+03:30$/m);
    expect(out).not.toMatch(/^ {2}level-1 .*<- rating differs$/m);
  });

  it('--json keeps the rating as the log has it (U), and says when the objective falls due', () => {
    const c = JSON.parse(drill(['compare', short, full, '--json']).stdout);
    const level = c.objectives.find((o: { id: string }) => o.id === 'level-1');
    expect(level.a).toEqual({ value: null, rating: 'U', met: false, open_at_end: { from: null, by: 14400 } });
    expect(level.b.open_at_end).toBeUndefined();
    expect(c.objectives.find((o: { id: string }) => o.id === 'first-on-scene').a.open_at_end).toEqual({ from: 11400, by: 15000 });
    // people lost by the stop: rated as it stood, a figure that may still grow; the full run's is final
    const lives = c.objectives.find((o: { id: string }) => o.id === 'lives');
    expect([lives.a.so_far, lives.b.so_far]).toEqual([true, undefined]);
  });
});
