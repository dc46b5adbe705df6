/**
 * `drill compare` of a run stopped early with `drill run --until` against a full one: what the full run counts
 * after the stop is no difference of decisions, so compare says which run stopped, when and why, and does not
 * claim the decisions explain the difference (as drill run and the report say of such a log on its own).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';

describe('drill compare of a run stopped with --until against a full run', () => {
  let full = '', short = '', short2 = '';
  beforeAll(() => {
    const dir = tempDir('drillsim-compare-until-');
    [full, short, short2] = ['full', 'short', 'short2'].map((n) => join(dir, `${n}.json`));
    expect(drill(['run', SCENARIO, '--out', full, '--quiet']).code).toBe(0);
    expect(drill(['run', SCENARIO, '--until', 'T+03:00', '--out', short, '--quiet']).code).toBe(0);
    expect(drill(['run', SCENARIO, '--until', 'T+03:00', '--seed', '2022', '--out', short2, '--quiet']).code).toBe(0);
  });

  it('says b stopped at T+03:00 (--until), that later figures and ratings are not comparable, and does not blame the decisions', () => {
    const r = drill(['compare', full, short, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const head = r.stdout.split('\n').slice(0, 5).join('\n');
    expect(head).toContain("b stopped at T+03:00 (drill run --until), before the scenario's end at T+18:00: every figure and rating of b is as it stood then");
    expect(head).toContain('note: the runs end at different times (a at T+18:00, b at T+03:00): figures and ratings after T+03:00 are not comparable, so their differences are not only the decisions');
    expect(r.stdout).not.toContain('so the differences come from the decisions');
    expect(r.stdout).not.toMatch(/^a stopped/m);
    // where they part is where b stopped, not T+00:00 (run.start says where each was told to stop: set-up)
    expect(r.stdout).toMatch(/^First divergence: event #\d+ at T\+03:00$/m);
    // the full run's doctrine decisions after the stop are said to be so
    expect(r.stdout).toMatch(/^Decisions taken during the runs that differ \(all authors\): (\d+) only in a, 0 only in b\n {2}\1 of those only in a are from T\+03:00 on, after b had stopped$/m);
  });

  it('says it in Vietnamese too', () => {
    const out = drill(['compare', short, full, '--lang', 'vi']).stdout;
    expect(out).toContain('a dừng lúc T+03:00 (drill run --until), trước khi kịch bản kết thúc lúc T+18:00: mọi số liệu và mức đánh giá của a là như lúc đó');
    expect(out).toContain('lưu ý: hai lượt chạy kết thúc vào hai thời điểm khác nhau (a lúc T+03:00, b lúc T+18:00): số liệu và mức đánh giá sau T+03:00 không so sánh được');
    expect(out).not.toContain('nên chỗ khác nhau là do các quyết định');
  });

  it('gives where each run stopped in --json', () => {
    const c = JSON.parse(drill(['compare', full, short, '--json']).stdout);
    expect(c.stopped).toEqual({ a: null, b: { t: 10800, end: 64800, by: 'until' } });
    expect(c.same_end).toBe(false);
  });

  it('two runs stopped at the same time are compared as at that time: the decisions still explain their differences', () => {
    const out = drill(['compare', short, short2, '--lang', 'en']).stdout;
    expect(out).toContain('The two runs are identical');
    expect(out).toContain('a stopped at T+03:00 (drill run --until)');
    expect(out).toContain('b stopped at T+03:00 (drill run --until)');
    expect(out).not.toContain('end at different times');
  });

  it('a play session saved at T+05:01 and a run stopped there with --until read the same figures (the people still at risk counted alike), and the decisions are not blamed', () => {
    const dir = tempDir('drillsim-compare-session-');
    const until = join(dir, 'until.json'), saved = join(dir, 'saved.json');
    expect(drill(['run', SCENARIO, '--until', 'T+05:01', '--out', until, '--quiet']).code).toBe(0);
    expect(drill(['play', SCENARIO, '--controller', '--lang', 'en'], { input: `advance T+05:01\nsave ${saved}\nquit\n` }).code).toBe(0);
    const c = JSON.parse(drill(['compare', until, saved, '--json']).stdout);
    expect(c.stopped).toEqual({ a: { t: 18060, end: 64800, by: 'until' }, b: { t: 18060, end: 64800, by: 'session' } });
    // people died waiting by then: a session saved then says so, as the run stopped there does
    const people = (s: { people: Record<string, number> }) => s.people;
    expect(people(c.b.summary).lost).toBeGreaterThan(0);
    expect(people(c.b.summary)).toEqual(people(c.a.summary));
    expect(c.objectives.every((o: { a: { rating: string } | null; b: { rating: string } | null }) => o.a?.rating === o.b?.rating)).toBe(true);
    const en = drill(['compare', until, saved, '--lang', 'en']).stdout;
    expect(en).toContain('same scenario, seed, players and decisions given: the differences come from how each stopped (a run stopped with --until ends with run.end; a session saved part-way does not)');
    expect(en).not.toContain('come from the decisions');
    expect(en).not.toContain('<- differs');
    expect(drill(['verify', saved]).code).toBe(0);
    expect(drill(['compare', until, saved, '--lang', 'vi']).stdout).toContain('chỗ khác nhau là do cách mỗi lượt dừng');
  });

  it('two values that differ but read the same rounded are shown finer, and marked as differing', () => {
    const other = join(tempDir('drillsim-compare-finer-'), 'seed3.json');
    const a = join(tempDir('drillsim-compare-finer-'), 'seed2022.json');
    expect(drill(['run', SCENARIO, '--until', 'T+05:01', '--out', a, '--quiet']).code).toBe(0);
    expect(drill(['run', SCENARIO, '--until', 'T+05:01', '--seed', '3', '--out', other, '--quiet']).code).toBe(0);
    // 2 of 577 and 2 of 581 rescued: 0 % both when rounded to a whole per cent
    expect(drill(['compare', a, other, '--lang', 'en']).stdout).toMatch(/^ {2}share of people at risk rescued +0\.35 % +0\.34 % +<- differs$/m);
  });

  it('a run of a version of the scenario that ends sooner, run to its own end: neither is said to have stopped, EN and VI', () => {
    const dir = tempDir('drillsim-compare-until-');
    // Kỳ Sơn ending at T+15:00 instead of T+18:00: the late run's doctrine still sends PC07 at T+15:31 in the full one
    const yaml = join(dir, 'ky-son-15h.yaml'), late = join(dir, 'late.json'), late15 = join(dir, 'late-15h.json');
    writeFileSync(yaml, readFileSync(SCENARIO, 'utf8').replace(/^horizon: 18h$/m, 'horizon: 15h'));
    for (const [file, out] of [[SCENARIO, late], [yaml, late15]]) {
      expect(drill(['run', file, '--decisions', 'scenarios/decisions/ky-son-evacuate-late.yaml', '--out', out, '--quiet']).code).toBe(0);
    }
    const en = drill(['compare', late, late15, '--lang', 'en']).stdout;
    expect(en).toMatch(/^ {2}1 of those only in a is from T\+15:00 on, after b had run to the end of its version of the scenario$/m);
    expect(en).not.toMatch(/stopped/);
    const vi = drill(['compare', late, late15, '--lang', 'vi']).stdout;
    expect(vi).toMatch(/^ {2}1 quyết định chỉ có ở a là từ T\+15:00 trở đi, khi b đã chạy hết phiên bản kịch bản của nó$/m);
    expect(vi).not.toMatch(/đã dừng|dừng lúc/);
  });
});
