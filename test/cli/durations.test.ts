/**
 * `drill run` printed a wait of an hour or more as "98 min" or "7.3 h" where the after-action report of the same
 * run writes "1 h 38 min" and "7 h 20 min": a reviewer reading both saw two figures for one wait. The summary (run,
 * fork) now writes durations as the report does, in English and Vietnamese. The run log itself is not changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('durations of an hour or more, in the run summary and in the report', () => {
  let log: string;
  let summary: string;
  beforeAll(() => {
    log = join(tempDir(), 'ks.json');
    const r = drill(['run', KY_SON, '--seed', '7', '--out', log]);
    expect(r.code).toBe(0);
    summary = r.stdout;
  });

  it('the summary writes hours and minutes, as the report does for the same run', () => {
    expect(summary).toContain('  response    first unit on scene after 1 h 7 min on average (worst 3 h 15 min)\n');
    const report = drill(['report', log]).stdout;
    expect(report).toContain('first unit on scene after 1 h 7 min on average (worst 3 h 15 min)');
  });

  it('under --lang vi, as the Vietnamese report writes them', () => {
    const vi = drill(['run', KY_SON, '--seed', '7', '--lang', 'vi']).stdout;
    expect(vi).toContain('lực lượng đầu tiên có mặt sau trung bình 1 giờ 7 phút (lâu nhất 3 giờ 15 phút)');
    expect(drill(['report', log, '--lang', 'vi']).stdout).toContain('1 giờ 7 phút');
  });

  it('an objective measured in time reads the same way; under an hour stays in minutes', () => {
    const r = drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--seed', '1']).stdout;
    expect(r).toContain('    M  chemical: contained_s of toxic-release = 2 h 40 min (not met)\n');
    expect(r).toContain('    S  ambulance: first_on_scene_s of casualty-group = 57 min\n');
  });

  it('the run log is the same as before: only the printed summary changed', () => {
    const written = JSON.parse(readFileSync(log, 'utf8'));
    // the hash README.md shows for this run, before and after (engine 0.7.0: people travel to their shelters by
    // road and are in them when their trip is over, at once here, where the shelters are where the zones are)
    expect(written.hash.slice(0, 16)).toBe('59769279c315db5d');
    expect(written.summary.response.mean_first_on_scene_s).toBe(4030.667);
    expect(drill(['verify', log]).code).toBe(0);
  });
});

/**
 * `drill compare` still wrote its side-by-side durations as decimal hours ("3.9 h  5.0 h") beside a summary and
 * a report that say "1 h 38 min": the same formatter now, in both languages.
 */
describe('durations in drill compare, as drill run and the report write them', () => {
  let a: string, b: string, c1: string, c2: string;
  beforeAll(() => {
    const dir = tempDir();
    a = join(dir, 's7.json'); b = join(dir, 's8.json'); c1 = join(dir, 'c1.json'); c2 = join(dir, 'c2.json');
    expect(drill(['run', KY_SON, '--seed', '7', '--out', a, '--quiet']).code).toBe(0);
    expect(drill(['run', KY_SON, '--seed', '8', '--out', b, '--quiet']).code).toBe(0);
    expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--seed', '1', '--out', c1, '--quiet']).code).toBe(0);
    expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--seed', '2', '--out', c2, '--quiet']).code).toBe(0);
  });

  it('the figures in hours and minutes, the same wait as the report says for each run', () => {
    const out = drill(['compare', a, b]).stdout;
    expect(out).toContain('  mean first on scene              1 h 7 min     1 h 27 min   <- differs\n');
    expect(out).toContain('  max first on scene               3 h 15 min    3 h 10 min   <- differs\n');
    expect(out).toContain('  mean dispatch                    31 min        49 min       <- differs\n');
    expect(drill(['report', a]).stdout).toContain('first unit on scene after 1 h 7 min on average (worst 3 h 15 min)');
  });

  it('in Vietnamese, giờ and phút, the column as wide as its longest value', () => {
    const out = drill(['compare', a, b, '--lang', 'vi']).stdout;
    expect(out).toContain('  số liệu                                    a              b\n');
    expect(out).toContain('  lực lượng đầu tiên có mặt sau, trung bình  1 giờ 7 phút   1 giờ 27 phút   <- khác\n');
    expect(out).toContain('  chờ điều động lực lượng, trung bình        31 phút        49 phút         <- khác\n');
    expect(out).not.toMatch(/\d,\d giờ/);
  });

  it("an objective measured in time, beside the other run's", () => {
    const out = drill(['compare', c1, c2]).stdout;
    expect(out).toContain('  chemical      M  2 h 40 min     -  not tested   <- rating differs\n');
    expect(out).toContain('  max first on scene               1 h 20 min    45 min   <- differs\n');
    expect(drill(['compare', c1, c2, '--lang', 'vi']).stdout).toContain('  chemical      M  2 giờ 40 phút  -  không đánh giá   <- mức đánh giá khác\n');
  });
});
