/**
 * Decisions that name an inject exercise control adds during the run: a
 * decisions file that adds an inject may answer, hold or release it after
 * the add (before, they were refused as "unknown inject"), one that names it
 * before the add is told when the file adds it, `drill fork` takes new
 * decisions about an inject the run added before the fork, and `drill play`
 * (which could always do it) gives the same log as the equivalent file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir, writeDecisions } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';
/** exercise control asks the Mường Xén chair, from T+02:10, whether to open the school; the default is to wait */
const ADD = '{ at: T+02:00, role: controller, do: add_inject, inject: { id: mx-school, seq: 21, at: T+02:10, from: Exercise control, to: mx-chair, method: in-person, type: request, subject: Open the school?, message: Open the school as a shelter now?, decision: { options: [{ id: open-now, label: Open now, commands: [{ do: open_shelter, shelter: muong-xen-school }] }, { id: wait, label: Wait }], deadline: 20m, default: wait } } }';
const ANSWER = '{ at: T+02:15, role: mx-chair, do: answer, inject: mx-school, option: open-now }';

const dir = tempDir('drillsim-added-');
const events = (file: string) => JSON.parse(readFileSync(file, 'utf8')).events as Record<string, any>[];

describe('drill run --decisions with a file that adds an inject and then decides about it', () => {
  it('answers it: the answer is taken, its option\'s order carried out, nothing refused', () => {
    const f = writeDecisions(join(dir, 'answer.yaml'), ['mx-chair'], [ADD, ANSWER]);
    const out = join(dir, 'answer.json');
    const r = drill(['run', KY_SON, '--decisions', f, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {2}decisions {3}\d+ taken, 0 refused\n/);
    const e = events(out);
    expect(e.find((x) => x.type === 'inject.answered')).toEqual({ t: 8100, type: 'inject.answered', id: 'mx-school', option: 'open-now', by: 'mx-chair' });
    expect(e.some((x) => x.type === 'shelter.state' && x.id === 'muong-xen-school' && x.state === 'open' && x.t === 8100)).toBe(true);
  });

  it('holds it as it is added and releases it later: it is delivered at the release', () => {
    const f = writeDecisions(join(dir, 'hold.yaml'), ['mx-chair'], [ADD, '{ at: T+02:00, role: controller, do: hold_inject, inject: mx-school }', '{ at: T+03:00, role: controller, do: release_inject, inject: mx-school }']);
    const out = join(dir, 'hold.json');
    const r = drill(['run', KY_SON, '--decisions', f, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ 0 refused\n/);
    expect(events(out).filter((x) => x.id === 'mx-school').map((x) => [x.t, x.type, x.state ?? x.option ?? ''])).toEqual([
      [7200, 'inject.added', ''], [7200, 'inject.state', 'held'], [10800, 'inject.state', 'scheduled'], [10800, 'inject.delivered', ''], [12000, 'inject.expired', 'wait'],
    ]);
  });

  it('names it before the add: the file is refused with where and when the file adds it, exit 1, no log written', () => {
    const f = writeDecisions(join(dir, 'early.yaml'), ['mx-chair'], ['{ at: T+01:30, role: controller, do: hold_inject, inject: mx-school }', ADD, ANSWER]);
    const out = join(dir, 'early.json');
    const r = drill(['run', KY_SON, '--decisions', f, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toBe(`${f}:4:63: error[inject-added-later] decisions[0].inject: inject 'mx-school' is not added yet at T+01:30: this file adds it later, at T+02:00 (the add_inject on line 5) (give this decision at T+02:00 or later, or add the inject earlier)\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('sends it to a role the scenario lacks, or gives it an id already taken: the file is refused before the run, naming each', () => {
    const typo = ADD.replace('to: mx-chair', 'to: mx-chiar');
    const again = ADD.replace('at: T+02:00', 'at: T+02:30').replace('seq: 21', 'seq: 22');
    const taken = ADD.replace('id: mx-school', 'id: dam-rumour');
    const f = writeDecisions(join(dir, 'bad-adds.yaml'), ['mx-chair'], [typo, again, taken]);
    const out = join(dir, 'bad-adds.json');
    const r = drill(['run', KY_SON, '--decisions', f, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${f}:4:\\d+: error\\[unknown-id\\] decisions\\[0\\]\\.inject\\.to: unknown role 'mx-chiar' \\(did you mean 'mx-chair'\\?\\)$`));
    expect(lines[1]).toMatch(/decisions\[1\]\.inject\.id: an inject 'mx-school' exists already \(in the scenario, or added by an earlier decision\): the run would refuse this one \(give the added inject an id of its own\)$/);
    expect(lines[2]).toMatch(/decisions\[2\]\.inject\.id: an inject 'dam-rumour' exists already/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('drill fork with new decisions about an inject the run added before the fork', () => {
  it('takes them; naming an inject the run adds only after the fork is refused with when the run adds it and what to do', () => {
    const run = join(dir, 'base.json');
    expect(drill(['run', KY_SON, '--decisions', writeDecisions(join(dir, 'base.yaml'), ['mx-chair'], [ADD, ANSWER]), '--out', run, '--quiet']).code).toBe(0);
    const wait = writeDecisions(join(dir, 'wait.yaml'), ['mx-chair'], ['{ at: T+02:12, role: mx-chair, do: answer, inject: mx-school, option: wait }']);
    const out = join(dir, 'forked.json');
    const r = drill(['fork', run, '--at', 'T+02:05', '--decisions', wait, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept 1 of its 2 decisions (those before T+02:05), took 1 from');
    expect(events(out).find((x) => x.type === 'inject.answered')).toEqual({ t: 7920, type: 'inject.answered', id: 'mx-school', option: 'wait', by: 'mx-chair' });
    const before = drill(['fork', run, '--at', 'T+01:00', '--decisions', wait]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(`${wait}:4:56: error[inject-added-after-fork] decisions[0].inject: inject 'mx-school' is added by the run at T+02:00, not before the fork at T+01:00: a fork keeps only the run's decisions before --at, so it is not added (add it in this file with an add_inject before this decision, as the run's decisions do, or fork at T+02:00 or later)`);
    expect(before.stderr).not.toContain('unknown inject');
  });
});

describe('drill play, where the controller adds an inject and holds it at the same stop', () => {
  it('gives the same run log as drill run on the decisions file that says the same', () => {
    const played = join(dir, 'played.json'), ran = join(dir, 'ran.json');
    const session = ['role controller', 'inject mx-chair at T+03:00 Road check | Report the state of QL7', 'hold adhoc-1', 'advance T+04:00', 'release adhoc-1', 'advance until end', ''].join('\n');
    const p = drill(['play', KY_SON, '--role', 'mx-chair', '--controller', '--lang', 'en', '--out', played], { input: session });
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('T+00:00 controller> hold adhoc-1\norder for T+00:00: hold adhoc-1');
    const f = writeDecisions(join(dir, 'played.yaml'), ['mx-chair'], [
      '{ at: T+00:00, role: controller, do: add_inject, inject: { id: adhoc-1, seq: 19, at: T+03:00, from: { vi: Ban đạo diễn, en: Exercise control }, to: mx-chair, method: in-person, type: information, subject: Road check, message: Report the state of QL7 } }',
      '{ at: T+00:00, role: controller, do: hold_inject, inject: adhoc-1 }',
      '{ at: T+04:00, role: controller, do: release_inject, inject: adhoc-1 }',
    ]);
    const r = drill(['run', KY_SON, '--decisions', f, '--out', ran, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(played, 'utf8')).toBe(readFileSync(ran, 'utf8'));
    expect(events(ran).filter((x) => x.id === 'adhoc-1').map((x) => [x.t, x.type])).toEqual([
      [0, 'inject.added'], [0, 'inject.state'], [14400, 'inject.state'], [14400, 'inject.delivered'],
    ]);
  });
});
