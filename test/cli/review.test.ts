/**
 * The reviewer's commands as a user runs them: `drill run` with the two
 * ky-son decision files, then `drill report`, `drill compare` and
 * `drill fork` on the logs, and their answers to bad input.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const EARLY = 'scenarios/decisions/ky-son-evacuate-early.yaml';
const LATE = 'scenarios/decisions/ky-son-evacuate-late.yaml';

let dir: string;
let early: string;
let late: string;
const runOut: Record<string, string> = {};

beforeAll(() => {
  dir = tempDir('drillsim-review-');
  early = join(dir, 'early.json');
  late = join(dir, 'late.json');
  for (const [file, dec] of [[early, EARLY], [late, LATE]]) {
    const r = drill(['run', SCENARIO, '--decisions', dec, '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    runOut[file] = r.stdout;
  }
});

describe('drill run with the two decision files', () => {
  it('rates the Tà Cạ evacuation P when ordered early and U when ordered late', () => {
    expect(runOut[early]).toMatch(/^ {4}P {2}evac-ta-ca: evacuated_share of ta-ca-riverside = 100 %$/m);
    expect(runOut[late]).toMatch(/^ {4}U {2}evac-ta-ca: evacuated_share of ta-ca-riverside = 26 % \(not met\)$/m);
  });
});

describe('drill report', () => {
  it('writes Markdown to standard output by default, in English', () => {
    const r = drill(['report', late]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# After-Action Report and Improvement Plan: /);
    expect(r.stdout).toContain('## 7. Improvement plan');
    expect(r.stderr).toBe('');
  });

  it('writes in Vietnamese on a Vietnamese terminal (LANG=vi_VN), as drill play and drill batch do; --lang en still gives English', () => {
    const vi = drill(['report', late], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/^# Báo cáo sau diễn tập và kế hoạch khắc phục/);
    const en = drill(['report', late, '--lang', 'en'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(en.stdout).toMatch(/^# After-Action Report and Improvement Plan: /);
  });

  it('writes one HTML file in Vietnamese with --format html --lang vi --out', () => {
    const out = join(dir, 'late.vi.html');
    const r = drill(['report', late, '--format', 'html', '--lang', 'vi', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('Báo cáo sau diễn tập và kế hoạch khắc phục');
    expect(html).toContain('<svg');
  });

  it('takes the format from the --out extension', () => {
    const out = join(dir, 'early.html');
    expect(drill(['report', early, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('refuses an unknown format or language with exit 2, the reason and where the options are (not the whole usage)', () => {
    for (const args of [['--format', 'pdf'], ['--lang', 'fr']]) {
      const r = drill(['report', late, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^drill report: --(format must be md or html|lang must be vi or en)[^\n]*\n\(drill report --help lists the options\)\n$/);
    }
  });

  it('refuses an --out it would not write what its name says (.pdf, .txt, no extension, or another format than --format), listing .md and .html, exit 2, writing nothing', () => {
    const cases: [string[], string][] = [
      [['--out', join(dir, 'r.pdf')], `--out ${join(dir, 'r.pdf')}: drill report writes Markdown (.md, .markdown) or HTML (.html, .htm), not '.pdf'; for a PDF, write ${join(dir, 'r')}.html and print it to PDF from a browser`],
      [['--out', join(dir, 'r.txt')], `--out ${join(dir, 'r.txt')}: drill report writes Markdown (.md, .markdown) or HTML (.html, .htm), not '.txt'`],
      [['--out', join(dir, 'report')], `--out ${join(dir, 'report')}: the file name needs an extension: drill report writes Markdown (.md, .markdown) or HTML (.html, .htm)`],
      [['--format', 'html', '--out', join(dir, 'r.md')], `--out ${join(dir, 'r.md')}: --format html writes HTML, which goes in a file ending in .html or .htm`],
    ];
    const before = readdirSync(dir).sort();
    for (const [args, message] of cases) {
      const r = drill(['report', late, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`drill report: ${message}\n(drill report --help lists the options)\n`);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    // the names it does write: .md and .markdown hold Markdown, .html and .htm HTML (any case)
    for (const [name, html] of [['r.markdown', false], ['r.HTM', true]] as const) {
      expect(drill(['report', late, '--out', join(dir, name)]).code).toBe(0);
      expect(readFileSync(join(dir, name), 'utf8').startsWith('<!DOCTYPE html>')).toBe(html);
    }
  });

  it('says plainly when the file is not a run log, or is damaged, and exits 1', () => {
    const r = drill(['report', SCENARIO]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${SCENARIO}: error[file] (file): this is a scenario, not a run log (make a run log first: drill run <scenario> --out run.json)\n`);
    const damaged = join(dir, 'damaged.json');
    const log = JSON.parse(readFileSync(late, 'utf8'));
    log.events[3] = { nothing: true };
    writeFileSync(damaged, JSON.stringify(log));
    const d = drill(['report', damaged]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain("not a usable run log: event #3 has no time 't'");
    // a time that is there but not seconds says so, in the reviewer's language too
    log.events[3] = { t: 'x', type: 'unit.state' };
    writeFileSync(damaged, JSON.stringify(log));
    expect(drill(['report', damaged]).stderr).toContain(`not a usable run log: event #3 has a time 't' that is not whole seconds since T0 ("x") (the log is damaged; run the scenario again with \`drill run --out\`)`);
    expect(drill(['report', damaged, '--lang', 'vi']).stderr).toContain(`không phải nhật ký chạy dùng được: sự kiện #3 có thời điểm 't' không phải số giây nguyên kể từ T0 ("x") (nhật ký bị hỏng; hãy chạy lại kịch bản với \`drill run --out\`)`);
    expect(r.stderr + d.stderr).not.toMatch(STACK);
  });

  it('warns when the log was changed after it was written, and still reports', () => {
    const edited = join(dir, 'edited.json');
    const log = JSON.parse(readFileSync(late, 'utf8'));
    log.events[10].edited = true;
    writeFileSync(edited, JSON.stringify(log));
    const r = drill(['report', edited]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: the hash chain does not match the events');
    expect(r.stdout).toContain('> **Warning: the hash chain of the run log does not match its events.');
  });

  it('warns when the seed at the head of the log was edited (the head is not hashed; its first event is), in both languages', () => {
    const edited = join(dir, 'seed-edited.json');
    const log = JSON.parse(readFileSync(late, 'utf8'));
    const recorded = log.seed;
    log.seed = recorded + 1;
    writeFileSync(edited, JSON.stringify(log));
    const r = drill(['report', edited]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${edited}: warning: the seed, end, players or --vary at the head of the log differ from those its first event records (the head was edited after the run); the report says so at the top\n`);
    expect(r.stdout).toContain(`> **Warning: the seed, end, players or --vary written at the head of the run log differ from those its first event records (seed ${recorded}), which the hash chain covers.`);
    const vi = drill(['report', edited, '--lang', 'vi']);
    expect(vi.stdout).toContain(`(seed ${recorded}), là phần được chuỗi băm bảo vệ`);
    // the log as written: no such warning
    expect(drill(['report', late]).stdout).not.toContain('at the head of the run log');
  });

  it('leaves no file behind when the output cannot be written', () => {
    const r = drill(['report', late, '--out', join(dir, 'no-such-dir', 'r.md')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-dir\/r\.md: error\[file\] \(file\): cannot write/);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});

describe('drill compare', () => {
  it('names the first decision that differs and where the runs diverge', () => {
    const r = drill(['compare', early, late]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('same scenario and seed');
    expect(r.stdout).toMatch(/^First divergence: event #\d+ at T\+00:40$/m);
    expect(r.stdout).toContain('  first that differs: T+00:40   Tà Cạ commune chair (trainee): evacuate Tà Cạ riverside villages (only in a)');
    expect(r.stdout).toMatch(/^ {2}evac-ta-ca +P {2}100 % +U {2}26 % +<- rating differs$/m);
  });

  it('says the two events where the runs part in words, each above its line of the log', () => {
    const lines = drill(['compare', early, late]).stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('First divergence'));
    // a: the trainee's early order; b: whatever the late run did at that instant instead, in words too
    expect(lines[at + 1]).toBe('  a: T+00:40 Tà Cạ commune chair (trainee): evacuate Tà Cạ riverside villages');
    expect(JSON.parse(lines[at + 2].trim())).toMatchObject({ t: 2400, type: 'decision', do: 'evacuate', zone: 'ta-ca-riverside' });
    expect(lines[at + 3]).toMatch(/^ {2}b: T\+\d\d:\d\d [A-ZÀ-Ỹ]/u);
    expect(lines[at + 3]).not.toContain('{');
    expect(JSON.parse(lines[at + 4].trim()).type).toBeTypeOf('string');
    const vi = drill(['compare', early, late, '--lang', 'vi']).stdout;
    expect(vi).toContain('  a: T+00:40 Chủ tịch UBND xã Tà Cạ (học viên): sơ tán các bản ven suối Tà Cạ');
  });

  it('puts the marks of what differs in one column of each table, however wide b\'s values', () => {
    const out = drill(['compare', early, late]).stdout;
    for (const mark of ['<- rating differs', '<- differs']) {
      const columns = out.split('\n').filter((l) => l.endsWith(mark)).map((l) => l.indexOf(mark));
      // 107 lost beside 35, 1108 at risk beside 8 reported
      expect(columns.length, mark).toBeGreaterThan(1);
      expect(new Set(columns).size, mark).toBe(1);
    }
    // a row that does not differ carries no padding at its end
    expect(out).toMatch(/^ {2}decisions refused +0 +0$/m);
  });

  it('shows a duration of a and of b in hours and minutes, as drill run and the report write them (1 h 35 min, not 1.6 h)', () => {
    const dir2 = join(dir, 'units');
    mkdirSync(dir2, { recursive: true });
    const [one, two] = [1, 2].map((seed) => { const f = join(dir2, `s${seed}.json`); expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', String(seed), '--out', f, '--quiet']).code).toBe(0); return f; });
    const out = drill(['compare', one, two]).stdout;
    // seed 1 waits 1 h 40 min for a dispatch on average, seed 2 1 h 21 min (engine 0.4.0, which also sends a near unit
    // to incidents covered only by far ones; 95 min and an hour in 0.3.0, 89 min and 2 h 53 min before Mường Xén's
    // units came back from the cut QL7 to their own incidents)
    expect(out).toMatch(/^ {2}mean dispatch +1 h 40 min +1 h 21 min +<- differs$/m);
    expect(out).toMatch(/^ {2}mean first on scene +2 h 37 min +2 h 21 min +<- differs$/m);
    expect(out).not.toMatch(/\d\.\d h\b/);
  });

  it('gives the comparison as JSON with --json', () => {
    const c = JSON.parse(drill(['compare', early, late, '--json']).stdout);
    expect(c.given.first.decision).toEqual({ at: 2400, role: 'tc-chair', author: 'trainee', do: 'evacuate', zone: 'ta-ca-riverside' });
    expect(c.divergence.t).toBe(2400);
  });

  it('says when two runs are identical', () => {
    expect(drill(['compare', late, late]).stdout).toContain('The two runs are identical: same events, same hash.');
  });
});

describe('drill fork', () => {
  it('the late run forked before its evacuation order with the early decisions is byte-identical to the early run', () => {
    const out = join(dir, 'fork.json');
    const r = drill(['fork', late, '--at', 'T+00:40', '--decisions', EARLY, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`forked ${late} at T+00:40: kept 0 of its 6 decisions (those before T+00:40), took 6 from ${EARLY}`);
    expect(readFileSync(out).equals(readFileSync(early))).toBe(true);
    expect(drill(['verify', out]).code).toBe(0);
  });

  it('refuses a decision after the scenario\'s end (never played), and does not count as taken, without saying so, one after the end of a run stopped early', () => {
    const file = join(dir, 'after-end.yaml');
    writeFileSync(file, 'drillsim_decisions: 1\nscenario: ky-son-flash-flood\nplayers: [tc-chair]\ndecisions:\n  - { at: T+02:00, role: tc-chair, do: evacuate, zone: ta-ca-riverside }\n  - { at: T+19:30, role: tc-chair, do: request_support, area: ta-ca }\n');
    const r = drill(['fork', late, '--at', 'T+01:00', '--decisions', file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `${file}:6:11: error[outside-horizon] decisions[1].at: decision at T+19:30 is after the end of the scenario at T+18:00: no run reaches it, so it would never be played (give it a time up to T+18:00, or take it out of the file)\n`]);
    // a run stopped at T+03:00 (--until), forked with a decision at T+05:00: taken from the file, never played
    const stopped = join(dir, 'late-3h.json');
    expect(drill(['run', SCENARIO, '--decisions', LATE, '--until', 'T+03:00', '--out', stopped, '--quiet']).code).toBe(0);
    writeFileSync(file, 'drillsim_decisions: 1\nscenario: ky-son-flash-flood\nplayers: [tc-chair]\ndecisions:\n  - { at: T+02:00, role: tc-chair, do: evacuate, zone: ta-ca-riverside }\n  - { at: T+05:00, role: tc-chair, do: request_support, area: ta-ca }\n');
    const f = drill(['fork', stopped, '--at', 'T+01:00', '--decisions', file]);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toContain(`took 2 from ${file}\n`);
    expect(f.stdout).toMatch(/\n  decisions   \d+ taken, \d+ refused; 1 more decision given, from T\+05:00 on, after the stop: not played\n/);
  });

  it('names a role taken over part-way with the time it was taken, in the fork\'s head and in drill compare (doctrine played it before)', () => {
    const doctrine = join(dir, 'doctrine.json'), file = join(dir, 'join.yaml'), out = join(dir, 'joined.json');
    expect(drill(['run', SCENARIO, '--out', doctrine, '--quiet']).code).toBe(0);
    writeFileSync(file, 'drillsim_decisions: 1\nscenario: ky-son-flash-flood\nplayers: [tc-chair]\ndecisions:\n  - { at: T+05:00, role: tc-chair, do: request_support, area: ta-ca }\n');
    const fork = drill(['fork', doctrine, '--at', 'T+05:00', '--decisions', file, '--out', out]);
    expect(fork.code).toBe(0);
    expect(fork.stdout).toContain(', played: tc-chair (from T+05:00; doctrine before)\n');
    const compare = drill(['compare', doctrine, out]);
    expect(compare.stdout.split('\n')[1]).toMatch(/, seed 2022, played: tc-chair \(from T\+05:00; doctrine before\), \d+ events/);
    const vi = drill(['compare', doctrine, out, '--lang', 'vi']);
    expect(vi.stdout.split('\n')[1]).toContain('vai do người chơi đảm nhận: tc-chair (từ T+05:00; trước đó do phương án tự động)');
  });

  it('refuses a time after the end of the run (exit 2)', () => {
    const r = drill(['fork', late, '--at', 'T+20:00', '--decisions', EARLY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('drill fork: --at T+20:00 is after the end of the run (T+18:00); give a time between T+00:00 and T+18:00');
  });

  it('refuses new decisions before the fork time, pointing at the line (exit 1), and writes nothing', () => {
    const out = join(dir, 'not-written.json');
    const r = drill(['fork', late, '--at', 'T+01:00', '--decisions', EARLY, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${EARLY.replace(/[.+]/g, '\\$&')}:10:11: error\\[decision-before-fork\\] \\(decisions\\[0\\]\\.at\\): a decision in the new file is before the fork at T\\+01:00 \\(the first at T\\+00:40\\)`));
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not a run log (exit 1), and a missing --at or --decisions (exit 2)', () => {
    const r = drill(['fork', SCENARIO, '--at', '1h', '--decisions', EARLY]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a run log');
    expect(drill(['fork', late, '--decisions', EARLY]).stderr).toContain('--at is required');
    expect(drill(['fork', late, '--at', '1h']).code).toBe(2);
    expect(drill(['fork', late, '--at', 'noon', '--decisions', EARLY]).stderr).toContain("--at: 'noon' is not a time");
    expect(drill(['fork', late, '--at', '5:00', '--decisions', EARLY]).stderr).toContain("--at: '5:00' is not a time: times count from the start (T+00:00, 18:00 local), not by the clock");
    expect(r.stderr).not.toMatch(STACK);
  });

  it('the help lists the three reviewer commands', () => {
    const r = drill(['--help']);
    for (const c of ['report', 'compare', 'fork']) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
