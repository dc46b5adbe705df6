/**
 * `drill verify <results.json> <scenario>`: batch results checked against the scenario they were run on. An
 * untouched file verifies (whole, a sample, a merge of shards, a sweep, a batch with decisions); a run's
 * figure edited is named with its run, seed and both values; an aggregate edited is caught though every run
 * is right; a scenario or decisions file other than the batch's is refused with what differs and what to do;
 * a run log is verified as it always was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { differences, sampleIndices } from '../../engine/batch/verify.js';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const EARLY = 'scenarios/decisions/ky-son-evacuate-early.yaml';
const dir = tempDir('drillsim-verify-results-');
const p = (f: string) => join(dir, f);
const batch = (args: string[]) => {
  const r = drill(['batch', SCENARIO, '--seed', '5', '--workers', '1', '--quiet', ...args]);
  if (r.code !== 0) throw new Error(r.stderr);
};
const verify = (...args: string[]) => drill(['verify', ...args]);
/** A copy of a results file with one line changed by `edit`, the line found by `find`. */
function edited(from: string, to: string, find: (line: string) => boolean, edit: (line: string) => string): string {
  const lines = readFileSync(p(from), 'utf8').split('\n');
  const i = lines.findIndex(find);
  expect(i, `a line to edit in ${from}`).toBeGreaterThan(0);
  const before = lines[i];
  lines[i] = edit(lines[i]);
  expect(lines[i]).not.toBe(before);
  writeFileSync(p(to), lines.join('\n'));
  return p(to);
}

describe('drill verify <results.json> <scenario>', () => {
  beforeAll(() => batch(['--runs', '12', '--out', p('whole.json')]));

  it('an untouched results file verifies, every run or a sample of them, exit 0', () => {
    const r = verify(p('whole.json'), SCENARIO);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^${p('whole.json')}: ok: 12 of its 12 runs re-played, each the same as the file's record, byte for byte; the aggregates are those of the file's runs, and the header that of ${SCENARIO} \\(hash [0-9a-f]{12}\\)\\n$`));
    expect(r.code).toBe(0);
    const s = verify(p('whole.json'), SCENARIO, '--sample', '4', '--workers', '2');
    expect(s.stdout).toContain(': ok: 4 of its 12 runs re-played (--sample 4: spread evenly over the file from the first, one run in 3),');
    expect(s.code).toBe(0);
    // a sample as large as the file plays it all
    expect(verify(p('whole.json'), SCENARIO, '--sample', '100').stdout).toContain('ok: 12 of its 12 runs re-played, each');
  });

  it('a run\'s metric edited is caught and named: run, seed, metric, the file\'s value and the re-run\'s; the aggregates no longer match', () => {
    const record = (l: string) => l.startsWith('{"j":5,');
    const file = edited('whole.json', 'lost.json', record, (l) => l.replace(/"people_lost":\d+/, '"people_lost":1'));
    const run = JSON.parse(readFileSync(p('whole.json'), 'utf8').split('\n').find(record)!.replace(/,$/, ''));
    const r = verify(file, SCENARIO);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${file}: MISMATCH: the file is not what drill batch gives on ${SCENARIO}`);
    expect(lines[1]).toBe(`  run 5 (seed ${run.seed}): metrics.people_lost: file 1, re-run ${run.metrics.people_lost}`);
    expect(r.stdout).toMatch(/^ {2}aggregates: metrics\.people_lost\.mean: file [\d.]+, recomputed from the file's runs [\d.]+$/m);
    expect(r.stdout).toMatch(/^ {2}summary: 1 of the 12 runs re-played differs from the file \(metrics\.people_lost in 1\); \d+ figures of the aggregates differ from those recomputed from the file's runs$/m);
    // a sample that leaves the run out still sees its figure in the aggregates
    const s = verify(file, SCENARIO, '--sample', '2');
    expect(s.code).toBe(1);
    expect(s.stdout).not.toContain('  run 5 ');
    expect(s.stdout).toContain('summary: the 2 runs re-played are the same as the file\'s; 10 not re-played (--sample); ');
    expect(r.stderr + s.stderr).not.toMatch(STACK);
  });

  it('several runs edited: the first five are shown, then how many more, and the summary counts each field', () => {
    const text = readFileSync(p('whole.json'), 'utf8').replace(/^(\{"j":\d+,.*?"rating":)"([PSMU])"/gm, (_, head, rating) => `${head}"${rating === 'P' ? 'U' : 'P'}"`);
    writeFileSync(p('ratings.json'), text);
    const r = verify(p('ratings.json'), SCENARIO);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^ {2}run \d+ \(seed \d+\): objectives\.evac-ta-ca\.rating: file "[PU]", re-run "[PSMU]"$/gm)).toHaveLength(5);
    expect(r.stdout).toContain('  ... and 7 more runs that differ\n');
    expect(r.stdout).toContain('summary: 12 of the 12 runs re-played differ from the file (objectives.evac-ta-ca.rating in 12);');
  });

  it('a run\'s seed edited is named as such; the master seed edited is said to be, not left to read from every run differing', () => {
    const file = edited('whole.json', 'seed.json', (l) => l.startsWith('{"j":7,'), (l) => l.replace(/"seed":\d+/, '"seed":12345'));
    const r = verify(file, SCENARIO);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}run 7 \(seed 12345\): seed: file 12345, re-run \d+$/m);
    expect(r.stdout).toContain("summary: 1 of the 12 runs re-played differs from the file (seed in 1); the aggregates are those of the file's runs\n");
    const master = edited('whole.json', 'master.json', (l) => l.startsWith('"seed":5,'), (l) => l.replace('5', '6'));
    const m = verify(master, SCENARIO);
    expect(m.code).toBe(1);
    expect(m.stdout).toContain("  no run played again holds the seed the formula gives it for the header's master seed, 6: that seed was edited");
  });

  it('an edited aggregate is caught though every run is right', () => {
    const file = edited('whole.json', 'mean.json', (l) => l.startsWith('{"value":null,"runs":12,'), (l) => l.replace(/("people_lost":\{"n":12,"never":0,"mean":)[\d.]+/, '$1' + '1.5'));
    const r = verify(file, SCENARIO);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}aggregates: metrics\.people_lost\.mean: file 1\.5, recomputed from the file's runs [\d.]+$/m);
    expect(r.stdout).toContain("summary: the 12 runs re-played are the same as the file's; 1 figure of the aggregates differs from those recomputed from the file's runs\n");
  });

  it('a run missing, a header edited, or the bytes laid out otherwise (same figures) are caught too', () => {
    const lines = readFileSync(p('whole.json'), 'utf8').split('\n');
    writeFileSync(p('gap.json'), lines.filter((l) => !l.startsWith('{"j":4,')).join('\n'));
    const gap = verify(p('gap.json'), SCENARIO);
    expect(gap.code).toBe(1);
    expect(gap.stdout).toContain('  the file lacks 1 run of the batch (run 4)\n');
    expect(gap.stdout).toContain('summary: 1 run missing; the 11 runs re-played are the same');
    const title = edited('whole.json', 'title.json', (l) => l.startsWith('"scenario":'), (l) => l.replace('Night flash flood', 'Night flash floods'));
    const t = verify(title, SCENARIO);
    expect(t.code).toBe(1);
    expect(t.stdout).toContain('  header: scenario.title: file "Night flash floods at Mường Xén - Tà Cạ (Kỳ Sơn)", from the scenario "Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)"\n');
    const layout = edited('whole.json', 'layout.json', (l) => l.startsWith('{"j":2,'), (l) => l.replace(/"people_lost":(\d+)/, '"people_lost":$1.0'));
    const b = verify(layout, SCENARIO);
    expect(b.code).toBe(1);
    expect(b.stdout).toMatch(/: MISMATCH: every run re-played, the aggregates and the header match, but the file is not byte for byte what drill batch writes: line \d+ differs\n {2}in the file: {9}.*"people_lost":\d+\.0,/);
  });

  it('a scenario other than the batch\'s is refused with the reason and what to do, before any run is played', () => {
    const other = verify(p('whole.json'), 'scenarios/minimal.yaml');
    expect(other.code).toBe(1);
    expect(other.stdout).toBe(`${p('whole.json')}: MISMATCH: these are results of another scenario: the batch was run on 'ky-son-flash-flood' ("Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)"), scenarios/minimal.yaml is 'minimal' ("House collapse after heavy rain in Mường Xén")\n  (give the scenario file the batch was run on, 'ky-son-flash-flood')\n`);
    // the same scenario, one figure changed since the batch
    const changed = p('changed.yaml');
    writeFileSync(changed, readFileSync(SCENARIO, 'utf8').replace('population: 9000', 'population: 9100'));
    const c = verify(p('whole.json'), changed);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(new RegExp(`^${p('whole.json')}: MISMATCH: the scenario is not the one the batch was run on: the results record 'ky-son-flash-flood' with hash [0-9a-f]{12}, ${changed} \\(the same id and title\\) hashes to [0-9a-f]{12}\\n`));
    expect(c.stdout).toContain(`run the batch again on it: drill batch ${changed} --runs 12 --seed 5 --out results.json)`);
    // in Vietnamese
    const vi = verify(p('whole.json'), changed, '--lang', 'vi');
    expect(vi.stdout).toContain(': KHÔNG KHỚP: kịch bản không phải bản mà loạt chạy đã dùng: kết quả ghi \'ky-son-flash-flood\' với mã băm ');
  });

  it('a batch with a decisions file verifies with it; without it, or with another, it is refused with which differs', () => {
    batch(['--runs', '6', '--decisions', EARLY, '--out', p('early.json')]);
    const ok = verify(p('early.json'), SCENARIO, '--decisions', EARLY);
    expect(ok.stdout).toMatch(new RegExp(`: ok: 6 of its 6 runs re-played, .* and of ${EARLY} \\(hash [0-9a-f]{12}\\)\\n$`));
    expect(ok.code).toBe(0);
    const none = verify(p('early.json'), SCENARIO);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/: MISMATCH: the batch replayed a decisions file \(6 decisions, played by tc-chair; hash [0-9a-f]{12}\), and none was given\n {2}\(give with --decisions the decisions file the batch was run with\)\n$/);
    const late = verify(p('early.json'), SCENARIO, '--decisions', 'scenarios/decisions/ky-son-evacuate-late.yaml');
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/: MISMATCH: the decisions file is not the one the batch replayed: the results record 6 decisions played by tc-chair \(hash ([0-9a-f]{12})\), scenarios\/decisions\/ky-son-evacuate-late\.yaml holds 6 played by tc-chair \(hash (?!\1)[0-9a-f]{12}\)/);
    const extra = verify(p('whole.json'), SCENARIO, '--decisions', EARLY);
    expect(extra.code).toBe(1);
    expect(extra.stdout).toContain(`MISMATCH: the batch replayed no decisions file (doctrine played every role), but --decisions ${EARLY} was given\n  (leave --decisions out)\n`);
  });

  it('shards merged into the whole batch verify, and so does each shard alone', () => {
    for (const i of [1, 2, 3]) batch(['--runs', '12', '--shard', `${i}/3`, '--out', p(`shard${i}.json`)]);
    expect(drill(['merge', p('shard1.json'), p('shard2.json'), p('shard3.json'), '--out', p('merged.json'), '--quiet']).code).toBe(0);
    const m = verify(p('merged.json'), SCENARIO);
    expect(m.stdout).toContain(': ok: 12 of its 12 runs re-played, each the same');
    expect(m.code).toBe(0);
    const s = verify(p('shard2.json'), SCENARIO);
    expect(s.stdout).toContain(': ok: 4 of its 4 runs re-played (shard 2/3 of a batch of 12), each the same');
    expect(s.code).toBe(0);
  });

  it('a --vary batch verifies (each run on its value\'s scenario); an edited run is named with its value', () => {
    batch(['--runs', '5', '--vary', 'doctrine.request_support_after=15m,2h', '--out', p('vary.json')]);
    const r = verify(p('vary.json'), SCENARIO, '--sample', '4');
    expect(r.stdout).toContain(': ok: 4 of its 10 runs re-played (--sample 4: spread evenly over the file from the first, one run in 2.5),');
    expect(r.code).toBe(0);
    expect(verify(p('vary.json'), SCENARIO).code).toBe(0);
    const file = edited('vary.json', 'vary-edited.json', (l) => l.startsWith('{"j":7,'), (l) => l.replace(/"decisions_taken":(\d+)/, (_, n) => `"decisions_taken":${Number(n) + 1}`));
    const e = verify(file, SCENARIO);
    expect(e.code).toBe(1);
    expect(e.stdout).toMatch(/^ {2}run 2 of doctrine\.request_support_after=2h \(seed \d+\): metrics\.decisions_taken: file (\d+), re-run \d+$/m);
    expect(e.stdout).toMatch(/^ {2}aggregates of doctrine\.request_support_after=2h: metrics\.decisions_taken\.mean: /m);
  });

  it('in Vietnamese: the verdict, the runs that differ and the summary', () => {
    const ok = verify(p('whole.json'), SCENARIO, '--lang', 'vi');
    expect(ok.stdout).toContain(': khớp: đã chạy lại 12 trên 12 lượt chạy của tệp, mỗi lượt đều giống hệt bản ghi trong tệp, từng byte;');
    const bad = verify(p('lost.json'), SCENARIO, '--lang', 'vi');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^ {2}lượt chạy 5 \(seed \d+\): metrics\.people_lost: trong tệp 1, chạy lại \d+$/m);
    expect(bad.stdout).toMatch(/^ {2}tóm tắt: 1 trên 12 lượt chạy lại khác với tệp \(metrics\.people_lost ở 1 lượt\); /m);
  });

  it('results given without their scenario, or after it, are told what to give; a run log verifies as before and takes nothing else', () => {
    const alone = verify(p('whole.json'));
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe(`drill verify: ${p('whole.json')} holds batch results: give the scenario file the batch was run on after it (drill verify ${p('whole.json')} <scenario.yaml>), to check the results against it and re-play their runs\n(drill verify --help lists the options)\n`);
    expect(verify(p('whole.json'), '--lang', 'vi').stderr).toContain('là kết quả chạy loạt: hãy cho thêm, sau nó, tệp kịch bản mà loạt chạy đã dùng');
    const swapped = verify(SCENARIO, p('whole.json'));
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain(`give the results first (drill verify ${p('whole.json')} ${SCENARIO})`);
    expect(drill(['run', SCENARIO, '--seed', '3', '--out', p('run.json'), '--quiet']).code).toBe(0);
    const log = verify(p('run.json'));
    expect(log.stdout).toMatch(/: ok: \d+ events re-simulated, hash [0-9a-f]{64}; the events, hash chain, \d+ keyframes and summary all match\n$/);
    expect(log.code).toBe(0);
    const extra = verify(p('run.json'), SCENARIO);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('is a run log, which holds its own scenario and inputs: give it alone');
    const option = verify(p('run.json'), '--sample', '3');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('drill verify: --sample is for batch results');
  });

  it('the CSV export is sent to the JSON results, with the batch line that writes them (not a merge hint), in English and Vietnamese', () => {
    batch(['--runs', '3', '--out', p('rows.csv')]);
    const command = `drill batch ${SCENARIO} --runs 3 --seed 5 --out results.json --out results.csv`;
    const r = verify(p('rows.csv'), SCENARIO);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${p('rows.csv')}: error[file] (file): this is the CSV export of batch results, a row of figures a run; drill verify checks the JSON results (\`drill batch --out results.json\`), which hold what the runs are checked against (the scenario's whole hash, the sweep, the shard) and each run's record as drill batch writes it (write the JSON results with the same batch, beside the CSV: ${command}; then verify those: drill verify results.json ${SCENARIO})\n`);
    expect(r.stderr).not.toMatch(/merge|shard\.json/);
    const vi = verify(p('rows.csv'), SCENARIO, '--lang', 'vi');
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain(': error[file] (file): đây là tệp CSV xuất ra từ kết quả chạy loạt, mỗi lượt chạy một dòng số liệu; drill verify kiểm tra tệp kết quả JSON (`drill batch --out results.json`)');
    expect(vi.stderr).toContain(`(hãy ghi tệp kết quả JSON bằng đúng loạt chạy đó, bên cạnh tệp CSV: ${command}; rồi kiểm tra tệp JSON: drill verify results.json ${SCENARIO})`);
    expect(vi.stderr).not.toContain('drill merge');
    // without the scenario: the same, not 'give the scenario file' first (it would then refuse the CSV anyway)
    const alone = verify(p('rows.csv'));
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain(`: drill batch <scenario.yaml> --runs 3 --seed 5 --out results.json --out results.csv; then verify those: drill verify results.json <scenario.yaml>)`);
  });

  it('the progress bar shows on a terminal and stays out of piped output', () => {
    const piped = verify(p('whole.json'), SCENARIO, '--workers', '1');
    expect(piped.stderr + piped.stdout).not.toMatch(/\x1b\[|\r/);
    if (!existsSync('/usr/bin/script')) return;
    const cmd = `${process.execPath} ${join(ROOT, 'bin/drill.mjs')} verify ${p('whole.json')} ${SCENARIO} --workers 1`;
    const tty = spawnSync('/usr/bin/script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\[#+\] 12\/12 runs {2}100 %/);
    expect(tty.stdout).toMatch(/\r\x1b\[2K\S+whole\.json: ok: /);
  });
});

describe('what is played again and how records are compared', () => {
  it('--sample N: N records spread evenly from the first, the same at every try', () => {
    expect(sampleIndices(12, 4)).toEqual({ indices: [0, 3, 6, 9], step: 3 });
    expect(sampleIndices(10, 4).indices).toEqual([0, 2, 5, 7]);
    expect(sampleIndices(5, 9).indices).toEqual([0, 1, 2, 3, 4]);
    expect(sampleIndices(5).indices).toEqual([0, 1, 2, 3, 4]);
  });

  it('differences name each leaf that differs with both values, a field only one side has, and fields in another order', () => {
    expect(differences({ a: 1, b: { c: 'P', d: [1, 2] } }, { a: 1, b: { c: 'S', d: [1, 3] } })).toEqual([
      { path: 'b.c', file: '"P"', other: '"S"' },
      { path: 'b.d[1]', file: '2', other: '3' },
    ]);
    expect(differences({ a: 1, x: null }, { a: 1 })).toEqual([{ path: 'x', file: 'null', other: '(none)' }]);
    expect(differences({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([{ path: '(order of the fields)', file: 'a,b', other: 'b,a' }]);
    expect(differences({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
