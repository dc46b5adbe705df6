import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecord, type BatchResults } from '../../engine/batch/results.js';
import { readResults } from '../../engine/batch/read-results.js';
import { openRunLog } from '../../engine/replay/open.js';
import { isInjectSpec } from '../../engine/review/inject-spec.js';
import { Metrics } from '../../engine/review/metrics.js';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const dir = tempDir('drillsim-batch-');
const p = (f: string) => join(dir, f);
/** A `drill run` log as a batch keeps its run: the summary it stores, and where the time went read back from its events. */
function ranOfLog(file: string) {
  const o = openRunLog(readFileSync(file, 'utf8'), file);
  if (!o.ok) throw new Error(o.message);
  const m = new Metrics(o.run.scenario, true, isInjectSpec);
  for (const e of o.run.events) m.observe(e);
  const log = JSON.parse(readFileSync(file, 'utf8'));
  return { summary: log.summary, bottlenecks: m.bottlenecks(log.summary.t_end) };
}
/** A batch page without its worst runs' section, whose commands name the scenario file only where drill batch wrote the page. */
const withoutWorst = (page: string) => page.replace(/<section><h2>[^<]*<\/h2><p class="note">[^<]*<\/p><table class="worst">[\s\S]*?<\/section>/, '');
const results = (f: string): BatchResults => { const r = readResults(readFileSync(f, 'utf8')); if (!r.ok) throw new Error(r.message); return r.results; };

describe('drill batch', () => {
  it('writes the same bytes whatever the number of workers, with no timing in stdout or the files', () => {
    const one = drill(['batch', SCENARIO, '--runs', '12', '--seed', '5', '--workers', '1', '--out', p('w1.json'), '--out', p('w1.csv')]);
    expect(one.stderr).toMatch(/12 runs in .* on 1 worker .*peak heap per worker: [\d.]+ MiB/);
    expect(one.code).toBe(0);
    const three = drill(['batch', SCENARIO, '--runs', '12', '--seed', '5', '--workers', '3', '--out', p('w3.json'), '--out', p('w3.csv')]);
    expect(three.code).toBe(0);
    // a peak per worker that ran; one the others left without a run is said to be idle, not '0.0 MiB'
    expect(three.stderr).toMatch(/on 3 workers .*peak heap per worker: (?:[\d.]+, [\d.]+, [\d.]+ MiB;|[\d.]+(?:, [\d.]+)? MiB \(\d idle: the others took every run\);)/);
    expect(three.stderr).not.toMatch(/ 0\.0[,; ]/);
    expect(readFileSync(p('w3.json'))).toEqual(readFileSync(p('w1.json')));
    expect(readFileSync(p('w3.csv'))).toEqual(readFileSync(p('w1.csv')));
    expect(three.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/12 runs, master seed 5, all roles by doctrine/);
    expect(one.stdout).toMatch(/^people lost\s+[\d.]+ \[[\d.]+, [\d.]+\]/m);
    expect(one.stdout).toMatch(/^first-on-scene\s+\d+ % \[\d+-\d+\]/m);
    const r = results(p('w1.json'));
    expect(r.results.map((x) => x.run)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.aggregates[0].runs).toBe(12);
  });

  it('the shards 1/3, 2/3 and 3/3 merge to exactly the unsharded results (JSON and CSV)', () => {
    for (const i of [3, 1, 2]) {
      const s = drill(['batch', SCENARIO, '--runs', '12', '--seed', '5', '--workers', '1', '--shard', `${i}/3`, '--out', p(`shard${i}.json`)]);
      expect(s.code).toBe(0);
      expect(s.stdout).toMatch(new RegExp(`this is shard ${i}/3: 4 of the 12 runs`));
    }
    const m = drill(['merge', p('shard2.json'), p('shard3.json'), p('shard1.json'), '--out', p('merged.json'), '--out', p('merged.csv')]);
    expect(m.code).toBe(0);
    expect(readFileSync(p('merged.json'))).toEqual(readFileSync(p('w1.json')));
    expect(readFileSync(p('merged.csv'))).toEqual(readFileSync(p('w1.csv')));
    const whole = drill(['merge', p('w1.json')]);
    expect(m.stdout).toBe(whole.stdout);
  });

  it('merge refuses a missing shard, a run log, a CSV and parts of another batch, with exit 1 and no stack', () => {
    const missing = drill(['merge', p('shard1.json'), p('shard3.json'), '--out', p('never.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/hold 8 of the batch's 12 runs; missing: 2, 5, 8, 11\n  \(missing shards: 2\/3\)/);
    expect(existsSync(p('never.json'))).toBe(false);
    drill(['batch', SCENARIO, '--runs', '12', '--seed', '6', '--workers', '1', '--shard', '2/3', '--out', p('other2.json')]);
    const other = drill(['merge', p('shard1.json'), p('other2.json'), p('shard3.json')]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/are not parts of the same batch: the master seed differs \(5 vs 6\)/);
    // a header field that is an object or null is said in words, not as JSON
    drill(['batch', SCENARIO, '--runs', '12', '--seed', '5', '--workers', '1', '--shard', '2/3', '--vary', 'doctrine.request_support_after=15m,1h', '--out', p('swept2.json')]);
    const swept = drill(['merge', p('shard1.json'), p('swept2.json')]);
    expect([swept.code, swept.stderr]).toEqual([1, expect.stringContaining('the --vary sweep differs (no sweep vs doctrine.request_support_after=15m,1h)')]);
    const csv = drill(['merge', p('w1.csv')]);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toMatch(/w1\.csv: error\[file\] \(file\): this is a CSV export/);
    drill(['run', SCENARIO, '--out', p('run.json'), '--quiet']);
    const log = drill(['merge', p('run.json')]);
    expect(log.stderr).toMatch(/this is a run log, not batch results/);
    // and the other way round: the commands that take one run's log name batch results as such, and say what to do
    const wrongWay = ['view'].map((c) => drill([c, p('shard1.json')]));
    for (const r of wrongWay) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/shard1\.json: error\[file\] \(file\): this is batch results, not a run log \(give one run's log .*drill report <results\.json> --out report\.html\)/);
    }
    // drill verify checks batch results too, against their scenario: given alone, it asks for the scenario
    const verify = drill(['verify', p('shard1.json')]);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain(`drill verify: ${p('shard1.json')} holds batch results: give the scenario file the batch was run on after it`);
    wrongWay.push(verify);
    for (const r of [missing, other, csv, log, ...wrongWay]) expect(r.stderr).not.toMatch(STACK);
  });

  it('drill report on batch results prints their table, or writes the same page as --html; Markdown is refused with what to do', () => {
    const page = drill(['batch', SCENARIO, '--runs', '12', '--seed', '5', '--workers', '1', '--html', p('batch.html'), '--quiet']);
    expect(page.code).toBe(0);
    const table = drill(['report', p('w1.json')]);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(drill(['merge', p('w1.json')]).stdout);
    expect(drill(['report', p('w1.json'), '--out', p('report.html')]).code).toBe(0);
    // but for the worst runs' commands, which name the scenario file where drill batch knows it (a results file does not)
    const report = readFileSync(p('report.html'), 'utf8'), batch = readFileSync(p('batch.html'), 'utf8');
    expect(withoutWorst(report)).toBe(withoutWorst(batch));
    expect([report, batch]).toEqual([expect.stringContaining('<pre>drill run &lt;scenario.yaml&gt; --seed'), expect.stringContaining(`<pre>drill run ${SCENARIO} --seed`)]);
    const md = drill(['report', p('w1.json'), '--out', p('report.md')]);
    expect([md.code, md.stderr]).toEqual([2, expect.stringMatching(/holds batch results: their report is an HTML page \(--out F\.html\), or the table printed without --out/)]);
    expect(existsSync(p('report.md'))).toBe(false);
  });

  it('--lang vi: drill report, merge and batch print the table and write the page in Vietnamese, by default when LANG is Vietnamese', () => {
    const table = drill(['report', p('w1.json'), '--lang', 'vi']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ky-son-flash-flood: "Lũ quét ban đêm tại Mường Xén - Tà Cạ \(Kỳ Sơn\)", 12 lượt chạy, seed gốc 5, mọi vai do phương án tự động đảm nhận\n/);
    expect(table.stdout).toMatch(/^số người thiệt mạng +\d+(,\d+)? \[/m);
    expect(drill(['merge', p('w1.json'), '--lang', 'vi']).stdout).toBe(table.stdout);
    // the locale's language when --lang is not given, as drill play; --lang wins over it
    const vi = { LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    expect(drill(['report', p('w1.json')], { env: vi }).stdout).toBe(table.stdout);
    expect(drill(['report', p('w1.json'), '--lang', 'en'], { env: vi }).stdout).toBe(drill(['report', p('w1.json')], { env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } }).stdout);
    const b = drill(['batch', SCENARIO, '--runs', '12', '--seed', '5', '--workers', '1', '--out', p('vi.json'), '--html', p('batch.vi.html')], { env: vi });
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(table.stdout);
    // the results file is the same in either language; the page is the one drill report writes
    expect(readFileSync(p('vi.json'))).toEqual(readFileSync(p('w1.json')));
    expect(drill(['report', p('w1.json'), '--lang', 'vi', '--out', p('report.vi.html')]).code).toBe(0);
    const page = readFileSync(p('report.vi.html'), 'utf8');
    expect(withoutWorst(page)).toBe(withoutWorst(readFileSync(p('batch.vi.html'), 'utf8')));
    expect(readFileSync(p('batch.vi.html'), 'utf8')).toContain(`<pre>drill run ${SCENARIO} --seed`);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('<h1>Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn)</h1>');
    expect(drill(['merge', p('w1.json'), '--lang', 'vi', '--html', p('merge.vi.html'), '--quiet']).code).toBe(0);
    expect(readFileSync(p('merge.vi.html'), 'utf8')).toBe(page);
    for (const cmd of [['report', p('w1.json')], ['merge', p('w1.json')], ['batch', SCENARIO, '--runs', '2']]) {
      const bad = drill([...cmd, '--lang', 'fr']);
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--lang must be vi or en, not 'fr'/)]);
    }
  });

  it('a run of the batch, rerun alone with `drill run --seed`, gives the same metrics, ratings, and areas\' and units\' times', () => {
    const r = results(p('w1.json'));
    for (const rec of [r.results[0], r.results[7]]) {
      const out = p(`rerun-${rec.run}.json`);
      expect(drill(['run', SCENARIO, '--seed', String(rec.seed), '--out', out, '--quiet']).code).toBe(0);
      expect(runRecord({ j: rec.j, k: rec.run, seed: rec.seed }, null, ranOfLog(out))).toEqual(rec);
    }
  });

  it('a run of a sweep reruns alone with `drill run --seed S --vary K=V`, and its log holds the scenario so changed', () => {
    const b = drill(['batch', SCENARIO, '--runs', '3', '--seed', '4', '--workers', '1', '--vary', 'unit.pc07-rescue.copies=0,2', '--out', p('sweep.json')]);
    expect(b.code).toBe(0);
    const r = results(p('sweep.json'));
    for (const rec of r.results.filter((x) => x.run === 2)) {
      const out = p(`sweep-${rec.value}.json`);
      const run = drill(['run', SCENARIO, '--seed', String(rec.seed), '--vary', `unit.pc07-rescue.copies=${rec.value}`, '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`changed     the scenario with unit.pc07-rescue.copies = ${rec.value} (--vary); the run log holds it so changed`);
      expect(runRecord({ j: rec.j, k: rec.run, seed: rec.seed }, rec.value, ranOfLog(out))).toEqual(rec);
      expect(drill(['verify', out]).code).toBe(0);
    }
    // with no copy the team is gone from the scenario the log holds; with two, both are in it
    const units = (v: string) => (JSON.parse(readFileSync(p(`sweep-${v}.json`), 'utf8')).scenario.text.match(/"pc07-rescue(-\d+)?"/g) ?? []).length;
    expect(units('0')).toBe(0);
    expect(units('2')).toBeGreaterThan(units('0'));
    // one value only: a sweep is drill batch's
    const two = drill(['run', SCENARIO, '--vary', 'unit.pc07-rescue.copies=0,2']);
    expect([two.code, two.stderr]).toEqual([2, expect.stringMatching(/a run plays one value \(write --vary unit\.pc07-rescue\.copies=0\); a sweep of several is drill batch's/)]);
  });

  it('--decisions replays one decisions file over every seed; a run reruns alone with the same file and seed', () => {
    const dec = p('decisions.yaml');
    writeFileSync(dec, [
      'drillsim_decisions: 1', 'scenario: ky-son-flash-flood', 'players: [tc-chair]', 'decisions:',
      '  - { at: T+00:40, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '  - { at: T+03:15, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }',
    ].join('\n'));
    const b = drill(['batch', SCENARIO, '--runs', '6', '--seed', '9', '--decisions', dec, '--out', p('dec.json')]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/decisions replayed \(2, played: tc-chair; doctrine plays the rest\)/);
    const r = results(p('dec.json'));
    expect(r.decisions).toMatchObject({ count: 2, players: ['tc-chair'] });
    const rec = r.results[4];
    const out = p('dec-run.json');
    expect(drill(['run', SCENARIO, '--seed', String(rec.seed), '--decisions', dec, '--out', out, '--quiet']).code).toBe(0);
    expect(runRecord({ j: rec.j, k: rec.run, seed: rec.seed }, null, ranOfLog(out))).toEqual(rec);
    // that run's log given as --decisions (a session saved in the browser is a run log only): the same batch, to the
    // byte but for the header's record of the session the log holds (its seed and figures, placed among the runs)
    const fromLog = drill(['batch', SCENARIO, '--runs', '6', '--seed', '9', '--decisions', out, '--out', p('dec-from-log.json')]);
    expect([fromLog.code, fromLog.stderr]).toEqual([0, expect.not.stringMatching(/error|warning/)]);
    const notDecisions = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => !l.startsWith('"decisions":'));
    expect(notDecisions(p('dec-from-log.json'))).toEqual(notDecisions(p('dec.json')));
    expect(results(p('dec-from-log.json')).decisions).toEqual({ ...r.decisions, session: { seed: rec.seed, metrics: rec.metrics, objectives: rec.objectives } });
  });

  it('--vary plays every value over the same seeds and aggregates per value; CSV gets a column for it', () => {
    const v = drill(['batch', SCENARIO, '--runs', '4', '--seed', '3', '--vary', 'doctrine.request_support_after=15m,2h', '--out', p('vary.json'), '--out', p('vary.csv')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/4 runs for each of 2 values of doctrine\.request_support_after/);
    expect(v.stdout).toMatch(/request_support_after=15m\s+request_support_after=2h/);
    const r = results(p('vary.json'));
    expect(r.aggregates.map((a) => [a.value, a.runs])).toEqual([['15m', 4], ['2h', 4]]);
    expect(r.results.filter((x) => x.value === '2h').map((x) => x.seed)).toEqual(r.results.filter((x) => x.value === '15m').map((x) => x.seed));
    const csv = readFileSync(p('vary.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFscenario,scenario_hash,engine,master_seed,runs_per_value,decisions_hash,run,seed,doctrine\.request_support_after,people_lost,/);
    expect(csv.split('\r\n')[5]).toMatch(/^ky-son-flash-flood,sha256:[0-9a-f]{12},[^,]+,3,4,none,1,\d+,2h,/);
  });

  it('--vary mistakes are usage errors (exit 2) with the reason and where the keys are, not the whole usage', () => {
    const cases: [string, RegExp][] = [
      ['unit.mx-militai.crew=1,2', /unknown unit 'mx-militai' in 'unit\.mx-militai\.crew' \(did you mean 'mx-militia'\?\)/],
      ['unit.mx-militia.crew=0,2', /--vary unit\.mx-militia\.crew=0: the scenario is then not valid: units\[\d+\]\.crew: the number 0 is too small/],
      ['zone.nowhere.warning=1h', /unknown evacuation zone 'nowhere'/],
      ['warning=1h', /unknown key 'warning'/],
    ];
    for (const [arg, re] of cases) {
      const r = drill(['batch', SCENARIO, '--runs', '2', '--vary', arg, '--out', p('bad.json')]);
      expect(r.code, arg).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).toMatch(/\n\(drill batch --help lists the options\)\n$/);
      expect(r.stderr).not.toContain('usage:');
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(existsSync(p('bad.json'))).toBe(false);
  });

  it('usage mistakes exit 2 and say what to write', () => {
    const cases: [string[], RegExp][] = [
      [[SCENARIO], /--runs is required/],
      [[SCENARIO, '--runs', '0'], /--runs must be a whole number of at least 1/],
      [[SCENARIO, '--runs', '2', '--workers', '0'], /--workers must be a whole number of at least 1/],
      [[SCENARIO, '--runs', '2', '--shard', '4/3'], /--shard '4\/3': the shard number must be between 1 and 3/],
      [[SCENARIO, '--runs', '2', '--out', 'results.txt'], /must end in \.json .* or \.csv/],
      [[SCENARIO, '--runs', '2', '--vary', 'doctrine.dispatch=nearest', '--vary', 'unit.mx-police.crew=1'], /one --vary at a time/],
    ];
    for (const [args, re] of cases) {
      const r = drill(['batch', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
    const missing = drill(['batch', 'scenarios/nope.yaml', '--runs', '2']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/scenarios\/nope\.yaml: error\[file\] \(file\): no such file/);
    // a folder that does not exist is found before the runs, not after them
    const nodir = drill(['batch', SCENARIO, '--runs', '2', '--out', p('no/such/folder/r.json')]);
    expect(nodir.code).toBe(1);
    expect(nodir.stderr).toMatch(/r\.json: error\[file\] \(file\): cannot write: the folder '.*no\/such\/folder' does not exist/);
    expect(nodir.stderr).not.toMatch(/runs in/);
  });

  it('the progress bar shows on a terminal and stays out of piped output', () => {
    // a pipe: no bar, no escape codes anywhere
    const piped = drill(['batch', 'scenarios/minimal.yaml', '--runs', '40', '--workers', '1']);
    expect(piped.code).toBe(0);
    expect(piped.stderr + piped.stdout).not.toMatch(/\x1b\[|\r|\] \d+\/40 runs/);
    if (!existsSync('/usr/bin/script')) return;
    // a pseudo-terminal (util-linux script): the bar is drawn, then cleared before the table
    const cmd = `${process.execPath} ${join(ROOT, 'bin/drill.mjs')} batch scenarios/minimal.yaml --runs 40 --workers 1`;
    const tty = spawnSync('/usr/bin/script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\r\x1b\[2K\[#+-*\] \d+\/40 runs +\d+ %/);
    expect(tty.stdout).toMatch(/\[#+\] 40\/40 runs  100 %/);
    expect(tty.stdout).toMatch(/\r\x1b\[2Kminimal: "House collapse/);
  });

  it('in Vietnamese, the progress bar and the last line (time, speed, memory) are in Vietnamese too, with decimal commas', () => {
    const piped = drill(['batch', 'scenarios/minimal.yaml', '--runs', '40', '--workers', '1', '--lang', 'vi']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toMatch(/^40 lượt chạy trong \d+(,\d)? giây trên 1 luồng \(\d+(,\d)? lượt\/giây\); bộ nhớ heap cao nhất mỗi luồng: \d+,\d MiB; RSS cao nhất của tiến trình \d+,\d MiB$/m);
    if (!existsSync('/usr/bin/script')) return;
    const cmd = `${process.execPath} ${join(ROOT, 'bin/drill.mjs')} batch scenarios/minimal.yaml --runs 40 --workers 1 --lang vi`;
    const tty = spawnSync('/usr/bin/script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\[#+\] 40\/40 lượt chạy  100 %  đã chạy \d+(,\d)? giây, /);
    expect(tty.stdout).not.toMatch(/ runs |spent|left/);
  });
});
