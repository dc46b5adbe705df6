/**
 * `drill run --decisions F` says which of F's decisions the engine refused,
 * where they are in F, when, and why; and F cannot quietly give orders for a
 * role that doctrine plays.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir, writeDecisions } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('drill run --decisions with refused decisions', () => {
  const dir = tempDir();
  const f = join(dir, 'f.yaml');
  writeFileSync(f, [
    'drillsim_decisions: 1',
    'players: [tc-chair, mx-chair]',
    'decisions:',
    '  - { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
    '  - { at: T+00:35, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',                 // line 5: ordered already
    '  - { at: T+01:00, role: mx-chair, do: declare_level, area: muong-xen, level: 2 }',        // line 6: a commune declares level 1 only
    '  - { at: T+01:00, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }', // line 7: not reported yet
    '  - { at: T+01:05, role: tc-chair, do: request_support, area: ta-ca }',
    '',
  ].join('\n'));

  // the refusals the file and the scenario show before the run: a level the role may not declare, an order for a
  // scripted incident before its report (ta-ca-houses at T+03:10)
  const KNOWN_BEFORE = `${f}:6:79: warning[no-authority] decisions[2].level: role 'mx-chair' may not declare level 2: the decision will be refused (it may declare 1, as its declares: says)\n`
    + `${f}:7:11: warning[before-incident] decisions[3].at: incident 'ta-ca-houses' is reported at T+03:10, after this decision (T+01:00): there is no such incident yet, and the decision will be refused (give it a time from T+03:10 on: an order at T+03:10 comes after that report)\n`;

  it('prints one line per refused decision: file:line, time, role, the order, and the reason in drill play\'s words, naming the role where the prompt says "you"', () => {
    const r = drill(['run', KY_SON, '--decisions', f]);
    // the refusals the file and the scenario show before the run are said then too
    expect(r.stderr).toBe(KNOWN_BEFORE);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  decisions   '));
    expect(lines[at]).toMatch(/ 3 refused$/);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      `    refused  ${f}:5  T+00:35  tc-chair  evacuate ta-ca-riverside: zone 'ta-ca-riverside' already has its order: ordered (warning people)`,
      `    refused  ${f}:6  T+01:00  mx-chair  declare level 2 in muong-xen: Mường Xén commune chair (commune civil-defence board) may not declare level 2 (it may declare 1): the law names who declares each level`,
      `    refused  ${f}:7  T+01:00  tc-chair  dispatch tc-militia to ta-ca-houses: there is no open incident 'ta-ca-houses' yet (reported at T+03:10)`,
    ]);
    expect(lines[at + 4]).toMatch(/^ {2}objectives/);
  });

  it('an order for an incident the run reports later says when: a scripted one as the file is read, a generator\'s from the run (EN and VI)', () => {
    const g = join(dir, 'later.yaml');
    writeDecisions(g, ['mx-chair'], [
      '{ at: T+04:00, role: mx-chair, do: dispatch, unit: mx-police, incident: muong-xen-slide }',
      '{ at: T+07:00, role: mx-chair, do: dispatch, unit: mx-police, incident: slides-1 }',
      '{ at: T+07:00, role: mx-chair, do: dispatch, unit: mx-police, incident: slides-99 }',
    ]);
    const refused = (lang: string) => drill(['run', KY_SON, '--decisions', g, '--lang', lang]).stdout.split('\n').filter((l) => /^ {4}(refused|bị từ chối) /.test(l));
    expect(refused('en')).toEqual([
      `    refused  ${g}:4  T+04:00  mx-chair  dispatch mx-police to muong-xen-slide: there is no open incident 'muong-xen-slide' yet (reported at T+04:30)`,
      `    refused  ${g}:5  T+07:00  mx-chair  dispatch mx-police to slides-1: there is no open incident 'slides-1' yet (reported at T+07:39:36)`,
      // never reported in this run: nothing to say of when
      `    refused  ${g}:6  T+07:00  mx-chair  dispatch mx-police to slides-99: there is no open incident 'slides-99'`,
    ]);
    expect(refused('vi')[1]).toBe(`    bị từ chối  ${g}:5  T+07:00  mx-chair  dispatch mx-police to slides-1: chưa có sự cố đang mở 'slides-1' (được báo tin lúc T+07:39:36)`);
  });

  it('the reasons are those in the run log (decision.refused), and the log is the same with --quiet, which prints nothing', () => {
    const a = join(dir, 'a.json'), b = join(dir, 'b.json');
    expect(drill(['run', KY_SON, '--decisions', f, '--out', a]).code).toBe(0);
    const q = drill(['run', KY_SON, '--decisions', f, '--out', b, '--quiet']);
    expect(q.stdout + q.stderr).toBe(KNOWN_BEFORE);
    // putting the reasons into words during the run changes nothing in it
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const codes = JSON.parse(readFileSync(a, 'utf8')).events.filter((e: any) => e.type === 'decision.refused').map((e: any) => e.code);
    expect(codes).toEqual(['no-change', 'no-authority', 'unknown-incident']);
  });

  it('an order of the option a person chose that found the thing already so: the answer was accepted, its order changed nothing (not "refused")', () => {
    const g = join(dir, 'g.yaml');
    writeDecisions(g, ['mx-chair'], [
      '{ at: T+00:30, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
      '{ at: T+01:46, role: mx-chair, do: answer, inject: night-evacuation, option: evacuate-now }',
      '{ at: T+01:46, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
    ]);
    const out = join(dir, 'g.json');
    const r = drill(['run', KY_SON, '--decisions', g, '--out', out]);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.decisions).toMatchObject({ refused: 1, no_change: 1 });
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  decisions   '));
    // the person's own repeat is refused; the answer's order is counted apart, not among the refused
    expect(lines[at]).toMatch(/ 1 refused, 1 no change \(an answer's order that found it already so\)$/);
    expect(lines.slice(at + 1, at + 3)).toEqual([
      `    no change  ${g}:5  T+01:46  mx-chair  answer night-evacuation evacuate-now accepted; its order "evacuate muong-xen-lowland" changed nothing: zone 'muong-xen-lowland' already has its order: moving`,
      // the same order given by the person, right after: that one is theirs
      `    refused  ${g}:6  T+01:46  mx-chair  evacuate muong-xen-lowland: zone 'muong-xen-lowland' already has its order: moving`,
    ]);
  });

  it('a log written before no_change was counted (those orders among refused, no no_change field) still verifies and reports without a warning; one whose refused count is wrong does not', () => {
    const out = join(dir, 'g.json'), old = join(dir, 'g-old.json'), bad = join(dir, 'g-bad.json');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const { taken, refused, no_change } = log.summary.decisions;
    expect(no_change).toBe(1);
    // the summary is not part of the hash chain: only it changes
    writeFileSync(old, JSON.stringify({ ...log, summary: { ...log.summary, decisions: { taken, refused: refused + no_change } } }));
    const r = drill(['verify', old]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: ok: /);
    // and the report takes its summary as it is, without a warning
    const rep = drill(['report', old, '--lang', 'en']);
    expect(rep.code).toBe(0);
    expect(rep.stderr).not.toContain('the stored summary differs');
    writeFileSync(bad, JSON.stringify({ ...log, summary: { ...log.summary, decisions: { taken, refused } } }));
    const b = drill(['verify', bad]);
    expect(b.code).toBe(1);
    expect(b.stdout).toContain('MISMATCH: the summary differs from a re-simulation');
    expect(drill(['report', bad, '--lang', 'en']).stderr).toContain('the stored summary differs');
  });
});

describe('drill run --decisions with an evacuation ordered after the hazard reached the zone', () => {
  it('says it came too late and how many people were caught, not that the zone "already has its order: done" (it never had one), in each language', () => {
    const dir = tempDir();
    // tc-chair is played and orders nothing until the flood has reached the riverside at T+03:00
    const f = writeDecisions(join(dir, 'late.yaml'), ['tc-chair'], ['{ at: T+03:05, role: tc-chair, do: evacuate, zone: ta-ca-riverside }']);
    const en = drill(['run', KY_SON, '--decisions', f, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(`    refused  ${f}:4  T+03:05  tc-chair  evacuate ta-ca-riverside: too late: the hazard reached zone 'ta-ca-riverside' at T+03:00; 700 people were caught there\n`);
    const vi = drill(['run', KY_SON, '--decisions', f, '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain(`    bị từ chối  ${f}:4  T+03:05  tc-chair  evacuate ta-ca-riverside: quá muộn: hiểm hoạ đã ập đến vùng 'ta-ca-riverside' lúc T+03:00; 700 người bị kẹt lại ở đó\n`);
    expect(en.stdout + vi.stdout).not.toMatch(/already has its order|đã có lệnh/);
  });
});

describe('drill run where doctrine answers a decision point whose order finds the thing already so', () => {
  it('counts no refusal in drill run\'s summary, the run log\'s summary and the report, and lists none (gió Lào, seed 1: support for Diễn Đoài was already requested)', () => {
    const dir = tempDir();
    const out = join(dir, 'g.json');
    const r = drill(['run', 'scenarios/gio-lao-forest-fire.yaml', '--seed', '1', '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  decisions   '));
    expect(lines[at]).toBe('  decisions   21 taken, 0 refused');
    expect(lines[at + 1]).toMatch(/^ {2}objectives/);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(log.summary.decisions).toEqual({ taken: 21, refused: 0, no_change: 0 });
    expect(log.events.filter((e: any) => e.type === 'decision.refused')).toEqual([]);
    const report = drill(['report', out, '--lang', 'en']).stdout;
    expect(report).toContain('| **Decisions** | 21 taken, 0 refused (trainees, exercise control and doctrine) |');
    expect(report).toContain('Doctrine took 21 further decisions for the roles nobody played');
    expect(report).not.toContain('No change');
    expect(report).toMatch(/Provincial civil-defence board \(doctrine\): request support for Hùng Thành \(the order of the answer "Send troops under one command"\)/);
  });
});

describe('drill fork with refused decisions', () => {
  it('lists them too: those of the new file at their line, those kept from the run as such', () => {
    const dir = tempDir();
    const run = join(dir, 'run.json'), f = join(dir, 'f.yaml');
    writeDecisions(join(dir, 'd.yaml'), ['tc-chair'], [
      '{ at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '{ at: T+00:35, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
    ]);
    expect(drill(['run', KY_SON, '--decisions', join(dir, 'd.yaml'), '--out', run, '--quiet']).code).toBe(0);
    writeFileSync(f, 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+01:00, role: tc-chair, do: evacuate, zone: ta-ca-riverside }\n');
    const r = drill(['fork', run, '--at', 'T+01:00', '--decisions', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`    refused  kept from ${run}  T+00:35  tc-chair  evacuate ta-ca-riverside: zone 'ta-ca-riverside' already has its order`);
    expect(r.stdout).toContain(`    refused  ${f}:4  T+01:00  tc-chair  evacuate ta-ca-riverside: zone 'ta-ca-riverside' already has its order: moving`);
  });
});

describe('a decision for a role not in players', () => {
  const dir = tempDir();

  it('is an error at its line, naming the role and the players, and nothing is run', () => {
    const f = join(dir, 'f.yaml');
    writeDecisions(f, ['tc-chair'], [
      '{ at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '{ at: T+01:00, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
    ]);
    const out = join(dir, 'out.json');
    const r = drill(['run', KY_SON, '--decisions', f, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `${f}:5:26: error[not-a-player] decisions[1].role: role mx-chair is not in players: [tc-chair], so doctrine plays it (add mx-chair to players, or, for an order the controller gives in that role's name, write author: controller)`,
    ]);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });

  it('is accepted when the controller gives it (author: controller), or when players is left out', () => {
    const c = join(dir, 'c.yaml');
    writeFileSync(c, 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+01:00, role: mx-chair, author: controller, do: evacuate, zone: muong-xen-lowland }\n');
    expect(drill(['run', KY_SON, '--decisions', c, '--quiet']).code).toBe(0);
    const n = join(dir, 'n.yaml');
    writeFileSync(n, 'drillsim_decisions: 1\ndecisions:\n  - { at: T+01:00, role: mx-chair, do: evacuate, zone: muong-xen-lowland }\n');
    expect(drill(['run', KY_SON, '--decisions', n, '--quiet']).code).toBe(0);
  });

  it('the decisions files shipped with drillsim are all valid', () => {
    for (const f of ['scenarios/decisions/ky-son-evacuate-early.yaml', 'scenarios/decisions/ky-son-evacuate-late.yaml', 'scenarios/decisions/ky-son-trainee.yaml', 'test/fixtures/play/ky-son.decisions.yaml']) {
      const r = drill(['run', KY_SON, '--decisions', f, '--quiet']);
      expect(r.stderr, f).toBe('');
      expect(r.code, f).toBe(0);
    }
  });
});
