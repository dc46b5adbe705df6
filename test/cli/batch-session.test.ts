/**
 * "Was a trainee's good result luck?" A batch of the decisions a session's run log holds now places that session's
 * own figures among its runs: the shares of runs below, equal to and above each, with a mark where the session is
 * beyond 95 % of them. Before, the table gave the runs' spread and the planner had to grep the results file and
 * the log to find where the session fell. The session is kept only where it is comparable: played to the end, on
 * the same text of the scenario, without --vary, and not in a sweep.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const DECISIONS = 'scenarios/decisions/ky-son-trainee.yaml';
const runsOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{"j":')).map((l) => JSON.parse(l.replace(/,$/, '')));

describe('drill batch --decisions <session log>: the session among the runs', () => {
  let dir = '', log = '', results = '', table = '';
  let summary: { people: { lost: number }; objectives: { id: string; met: boolean; rating: string }[] };
  beforeAll(() => {
    dir = tempDir('drillsim-batch-session-');
    log = join(dir, 'session.json');
    expect(drill(['run', SCENARIO, '--decisions', DECISIONS, '--seed', '2022', '--out', log, '--quiet']).code).toBe(0);
    summary = JSON.parse(/^"summary":(.*),$/m.exec(readFileSync(log, 'utf8'))![1]);
    results = join(dir, 'r.json');
    const r = drill(['batch', SCENARIO, '--runs', '60', '--workers', '1', '--decisions', log, '--out', results]);
    expect(r.code).toBe(0);
    table = r.stdout;
  });

  it('prints the session\'s figures with the shares of runs below, equal and above, as the runs give them', () => {
    expect(table).toContain('the session\'s own run (seed 2022), which these decisions were taken in, among the 60 runs');
    const row = /^people lost +(\d+) +(\d+) % +(\d+) % +(\d+) %/m.exec(table)!;
    expect(Number(row[1])).toBe(summary.people.lost);
    const lost = runsOf(results).map((x) => x.metrics.people_lost as number);
    const share = (n: number) => Math.round((100 * n) / lost.length);
    expect([Number(row[2]), Number(row[3]), Number(row[4])]).toEqual([
      share(lost.filter((v) => v < summary.people.lost).length),
      share(lost.filter((v) => v === summary.people.lost).length),
      share(lost.filter((v) => v > summary.people.lost).length),
    ]);
    // each objective as the session rated it, beside how often the runs met it
    const lives = summary.objectives.find((o) => o.id === 'lives')!;
    expect(table).toMatch(new RegExp(`^lives +${lives.rating} \\(${lives.met ? 'met' : 'not met'}\\) +\\d+ % \\[`, 'm'));
  });

  it('marks a figure beyond 95 % of the runs, and no share it leaves unmarked reads 95 % or more', () => {
    const rows = table.slice(table.indexOf('own run')).split('\n').filter((l) => / %\s+\d+(\.\d)? %\s+\d+(\.\d)? %/.test(l));
    expect(rows.length).toBeGreaterThan(10);
    for (const line of rows) {
      const shares = [...line.matchAll(/(\d+(?:\.\d)?) %/g)].map((m) => Number(m[1]));
      const marked = /than 95 % of the runs$/.test(line);
      expect(marked, line).toBe(shares[0] >= 95 || shares[2] >= 95);
    }
    // the trainee's session got its first units out far sooner than its decisions usually do
    expect(table).toMatch(/^mean first on scene .* lower than 95 % of the runs$/m);
  });

  it('writes the session\'s times in the unit the table above reads them in', () => {
    const unit = (re: RegExp) => re.exec(table)![1];
    // the runs' mean first on scene reads in hours; the session's, 111 min, read '111 min' beside it
    expect(unit(/^mean first on scene +[\d.]+ (h|min) \[/m)).toBe('h');
    expect(unit(/^mean first on scene +[\d.]+ (h|min) +\d/m)).toBe('h');
  });

  it('is kept in the results, so drill report prints the same table, in Vietnamese too', () => {
    expect(drill(['report', results]).stdout).toBe(table);
    const vi = drill(['report', results, '--lang', 'vi']).stdout;
    expect(vi).toContain('lượt chạy của chính buổi diễn tập (seed 2022), trong đó các quyết định này đã được đưa ra, so với 60 lượt chạy');
    expect(vi).toMatch(/thấp hơn 95% số lượt$/m);
  });

  it('places the session on the page too: its table, and its figure marked on the key histograms', () => {
    const html = join(dir, 'r.html');
    expect(drill(['report', results, '--out', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain("<h2>The session's own run (seed 2022) among the 60 runs of its decisions</h2>");
    expect(page).toMatch(new RegExp(`<tr><th>people lost</th><td>${summary.people.lost}</td>`));
    expect(page).toContain(`session: ${summary.people.lost}</text>`);
    expect(page.match(/class="session"/g)!.length).toBeGreaterThanOrEqual(4);
  });

  it('plays the same runs as the decisions file, which has no session to place', () => {
    const fromFile = join(dir, 'file.json');
    const r = drill(['batch', SCENARIO, '--runs', '60', '--workers', '1', '--decisions', DECISIONS, '--out', fromFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('own run');
    expect(runsOf(fromFile)).toEqual(runsOf(results));
    const html = join(dir, 'file.html');
    expect(drill(['report', fromFile, '--out', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toContain('class="session"');
    // and drill verify of the log's results with the decisions file: the session's record cannot be checked, and stands
    expect(drill(['verify', results, SCENARIO, '--decisions', DECISIONS, '--sample', '3']).code).toBe(0);
    expect(drill(['verify', results, SCENARIO, '--decisions', log, '--sample', '3']).code).toBe(0);
  });

  it('leaves out a session that stopped before the end, and any sweep', () => {
    const cut = join(dir, 'cut.json');
    expect(drill(['run', SCENARIO, '--decisions', DECISIONS, '--until', '6h', '--out', cut, '--quiet']).code).toBe(0);
    const early = drill(['batch', SCENARIO, '--runs', '4', '--workers', '1', '--decisions', cut]);
    expect(early.code).toBe(0);
    expect(early.stdout).not.toContain('own run');
    const sweep = drill(['batch', SCENARIO, '--runs', '4', '--workers', '1', '--decisions', log, '--vary', 'unit.mx-militia.crew=6,12']);
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).not.toContain('own run');
  });

  it('refuses a results file whose session record was changed into something else, naming it', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, readFileSync(results, 'utf8').replace(/"session":\{"seed":2022,"metrics":\{"people_lost":\d+/, '"session":{"seed":2022,"metrics":{"people_lost":"many"'));
    const r = drill(['report', bad]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('"decisions"."session"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a session\'s log and the decisions file it played: the same decisions, wherever a batch meets them', () => {
  let dir = '', log = '', other = '';
  beforeAll(() => {
    dir = tempDir('drillsim-batch-session-same-');
    log = join(dir, 'session.json');
    other = join(dir, 'other.json');
    expect(drill(['run', SCENARIO, '--decisions', DECISIONS, '--seed', '2022', '--out', log, '--quiet']).code).toBe(0);
    expect(drill(['run', SCENARIO, '--decisions', DECISIONS, '--seed', '7', '--out', other, '--quiet']).code).toBe(0);
  });
  const batch = (out: string, decisions: string, ...more: string[]) =>
    expect(drill(['batch', SCENARIO, '--runs', '6', '--workers', '1', '--decisions', decisions, '--out', out, '--quiet', ...more]).code).toBe(0);

  it('drill verify of the decisions file\'s results accepts the session\'s log (it was "MISMATCH: decisions.session")', () => {
    const fromFile = join(dir, 'file.json');
    batch(fromFile, DECISIONS);
    const r = drill(['verify', fromFile, SCENARIO, '--decisions', log, '--sample', '2']);
    expect(r.stdout + r.stderr).not.toContain('MISMATCH');
    expect(r.code).toBe(0);
  });

  it('drill verify of the log\'s results still checks the session\'s record against the log', () => {
    const fromLog = join(dir, 'log.json');
    batch(fromLog, log);
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, readFileSync(fromLog, 'utf8').replace('"session":{"seed":2022,', '"session":{"seed":2023,'));
    const r = drill(['verify', edited, SCENARIO, '--decisions', log, '--sample', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('decisions.session');
  });

  it('drill merge joins a shard played from the log and one from the decisions file, into the log\'s whole batch byte for byte', () => {
    const whole = join(dir, 'whole.json'), s1 = join(dir, 's1.json'), s2 = join(dir, 's2.json');
    batch(whole, log);
    batch(s1, log, '--shard', '1/2');
    batch(s2, DECISIONS, '--shard', '2/2');
    for (const [i, files] of [[s1, s2], [s2, s1]].entries()) {
      const merged = join(dir, `merged-${i}.json`);
      const r = drill(['merge', ...files, '--out', merged]);
      expect(r.stderr).toBe(`results written to ${merged}\n`);
      expect(r.code).toBe(0);
      expect(readFileSync(merged, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    }
  });

  it('drill merge refuses shards of two sessions\' logs, naming both seeds and what to do, in English and Vietnamese', () => {
    const s1 = join(dir, 'a1.json'), s2 = join(dir, 'b2.json');
    batch(s1, log, '--shard', '1/2');
    batch(s2, other, '--shard', '2/2');
    const r = drill(['merge', s1, s2, '--out', join(dir, 'm.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the same decisions, taken from the logs of two sessions (seed 2022 in ${s1}, seed 7 in ${s2})`);
    expect(r.stderr).toContain('play the shards again with --decisions naming the same file');
    const vi = drill(['merge', s1, s2, '--out', join(dir, 'm.json'), '--lang', 'vi']);
    expect(vi.stderr).toContain('lấy từ nhật ký của hai buổi diễn tập (seed 2022');
    expect(vi.stderr).toContain('hãy chạy lại các phần với --decisions cùng một tệp');
  });

  it('drill compare of the two batches says they are the same runs, in the text and on the page', () => {
    const a = join(dir, 'ca.json'), b = join(dir, 'cb.json'), page = join(dir, 'c.html');
    batch(a, DECISIONS);
    batch(b, log);
    expect(drill(['compare', a, b]).stdout).toContain('with the same decisions: the same runs, so every difference is 0');
    expect(drill(['compare', a, b, '--out', page]).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('<p class="warn">Both files are batches of the same scenario file');
  });
});

describe('a session among too few runs to mark, and a session without a figure', () => {
  let dir = '', log = '';
  beforeAll(() => {
    dir = tempDir('drillsim-batch-session-few-');
    log = join(dir, 'session.json');
    expect(drill(['run', SCENARIO, '--decisions', DECISIONS, '--seed', '2022', '--out', log, '--quiet']).code).toBe(0);
  });

  it('a batch of 1 run marks nothing beyond 95 % of the runs (it marked 9 figures) and says why, in English and Vietnamese', () => {
    const results = join(dir, 'one.json');
    const r = drill(['batch', SCENARIO, '--runs', '1', '--workers', '1', '--decisions', log, '--out', results]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('among the 1 run');
    expect(r.stdout).not.toContain('than 95 % of the runs');
    expect(r.stdout).toContain('fewer than 20 runs have a figure: too few to mark the session beyond 95 % of them (play more with --runs)');
    expect(drill(['report', results, '--lang', 'vi']).stdout).toContain('chỉ có ít hơn 20 lượt chạy có số liệu: quá ít để đánh dấu');
    const html = join(dir, 'one.html');
    expect(drill(['report', results, '--out', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toContain('than 95 % of the runs');
    // a note of its own, not run on after the note above (it read '... decisions alone fewer than 20 runs ...')
    expect(page).toContain('<p class="note">fewer than 20 runs have a figure');
    // every chart of one run is one value, with no axis to mark: the session's figure is said under it
    const lost = /^people lost +(\d+)/m.exec(r.stdout.slice(r.stdout.indexOf('own run')))!;
    expect(page).toMatch(new RegExp(`<figcaption>people lost</figcaption><p class="single">.*?</p><p class="note slabel">session: ${lost[1]}</p></figure>`));
  });

  it('a session figure that never came about reads never, with no shares, in the table and under its chart', () => {
    const results = join(dir, 'r.json');
    expect(drill(['batch', SCENARIO, '--runs', '4', '--workers', '1', '--decisions', log, '--out', results, '--quiet']).code).toBe(0);
    // as a session whose units never reached an incident records it
    const none = join(dir, 'none.json');
    writeFileSync(none, readFileSync(results, 'utf8').replace(/("session":\{.*?"mean_first_on_scene_s":)[\d.]+/, '$1null'));
    const r = drill(['report', none]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mean first on scene +never +- +- +-$/m);
    const html = join(dir, 'none.html');
    expect(drill(['report', none, '--out', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<figcaption>mean first on scene<\/figcaption>.*?<p class="note slabel">session: never \(the session had no such figure\)<\/p><\/figure>/s);
  });

  it('says under a key chart a session figure beyond its ends (sooner than every run: the most telling), as it says a threshold', () => {
    const results = join(dir, 'r.json');
    const soon = join(dir, 'soon.json');
    writeFileSync(soon, readFileSync(results, 'utf8').replace(/("session":\{.*?"mean_first_on_scene_s":)[\d.]+/, '$160'));
    expect(drill(['report', soon]).stdout).toMatch(/^mean first on scene +60 s +0 % +0 % +100 %$/m);
    const html = join(dir, 'soon.html');
    expect(drill(['report', soon, '--out', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    const chart = page.slice(page.indexOf('<figcaption>mean first on scene</figcaption>'));
    expect(chart.slice(0, chart.indexOf('</figure>'))).not.toContain('class="session"');
    expect(chart).toMatch(/^[^]*?<\/svg><p class="note slabel">session: [\d.]+ (h|min), beyond the left of the chart \(below every run\)<\/p><\/figure>/);
  });

  it('a shard that holds no run places the session among none: no table "among the 0 runs", no "met in the runs 0 %"', () => {
    const results = join(dir, 'empty.json'), html = join(dir, 'empty.html');
    expect(drill(['batch', SCENARIO, '--runs', '1', '--workers', '1', '--decisions', log, '--shard', '2/2', '--out', results, '--html', html, '--quiet']).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>All metrics</h2>');
    expect(page).not.toContain('among the 0 runs');
    expect(page).not.toContain('class="note slabel"');
    expect(page).not.toContain('class="session"');
  });
});
