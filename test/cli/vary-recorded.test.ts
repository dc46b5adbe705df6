/**
 * A planner replays one run of a sweep alone (`drill run --seed N --vary K=V --out`) to review it. The log held the
 * changed scenario but not what was changed: the report said nothing of it, and `drill compare` of two values' runs
 * could only say "edited between them, or one played with --vary". The run now records `varied: { key, value }` in
 * its run.start event (under the hash chain) and its head; the report, compare, fork and verify read it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const KEY = 'doctrine.request_support_after';
const dir = tempDir('drillsim-vary-recorded-');
const f15 = join(dir, 'support-15m.json'), f2h = join(dir, 'support-2h.json'), plain = join(dir, 'plain.json');
const firstEvent = (file: string) => JSON.parse(readFileSync(file, 'utf8')).events[0];

beforeAll(() => {
  for (const [out, extra] of [[f15, ['--vary', `${KEY}=15m`]], [f2h, ['--vary', `${KEY}=2h`]], [plain, []]] as const) {
    const r = drill(['run', SCENARIO, '--seed', '229999288', ...extra, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('a run played with --vary', () => {
  it('records the key and value as typed, in its head and in run.start (which the hash chain covers); a run without has neither', () => {
    const log = JSON.parse(readFileSync(f15, 'utf8'));
    expect(log.varied).toEqual({ key: KEY, value: '15m' });
    expect(firstEvent(f15)).toMatchObject({ type: 'run.start', varied: { key: KEY, value: '15m' } });
    expect(readFileSync(plain, 'utf8')).not.toContain('"varied"');
    expect(firstEvent(plain)).not.toHaveProperty('varied');
  });

  it('verifies, and a head whose varied was edited by hand is named as disagreeing with run.start', () => {
    const ok = drill(['verify', f15]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, readFileSync(f15, 'utf8').replace(`"varied":{"key":"${KEY}","value":"15m"}`, `"varied":{"key":"${KEY}","value":"2h"}`));
    const r = drill(['verify', edited]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/varied/);
    expect(r.stdout + r.stderr).toContain('"2h"');
  });

  it("is said in the report's overview, in English and Vietnamese", () => {
    const en = drill(['report', f15]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/\*\*Changed for this run\*\* \| doctrine\.request\\_support\\_after = 15m \(drill run --vary\)/);
    const vi = drill(['report', f15, '--lang', 'vi']);
    expect(vi.stdout).toMatch(/\*\*Thay đổi cho lượt chạy này\*\* \| doctrine\.request\\_support\\_after = 15m/);
    expect(drill(['report', plain]).stdout).not.toContain('Changed for this run');
    // a head edited by hand is warned of, and the report says what the hash chain covers: run.start's value
    const edited = join(dir, 'head-edited.json');
    writeFileSync(edited, readFileSync(f15, 'utf8').replace(`"value":"15m"}`, `"value":"2h"}`));
    const r = drill(['report', edited]);
    expect(r.stderr).toContain('--vary at the head of the log differ');
    expect(r.stdout).toContain('doctrine.request\\_support\\_after = 15m (drill run --vary)');
  });

  it('is named by drill compare, each side with its own value', () => {
    const both = drill(['compare', f15, f2h]);
    expect(both.stdout).toContain(`(a: --vary ${KEY}=15m; b: --vary ${KEY}=2h)`);
    expect(both.stdout).not.toContain('edited between them');
    // the runs part where the change first tells (doctrine asks for support at 15 min short), not at run.start
    expect(both.stdout).toMatch(/First divergence: event #(\d+)/);
    expect(Number(/First divergence: event #(\d+)/.exec(both.stdout)![1])).toBeGreaterThan(0);
    const one = drill(['compare', plain, f2h, '--lang', 'vi']);
    expect(one.stdout).toContain(`(a: không có --vary; b: chạy với --vary ${KEY}=2h)`);
  });

  it('is kept by a fork of the run, and by drill play --resume of the fork', () => {
    const decisions = join(dir, 'more.yaml');
    writeFileSync(decisions, 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+03:00, role: tc-chair, do: evacuate, zone: ta-ca-riverside }\n');
    const forked = join(dir, 'forked.json');
    const r = drill(['fork', f15, '--at', 'T+03:00', '--decisions', decisions, '--out', forked]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${KEY} = 15m (--vary)`);
    expect(JSON.parse(readFileSync(forked, 'utf8')).varied).toEqual({ key: KEY, value: '15m' });
    expect(drill(['verify', forked]).code).toBe(0);
    // a session resumed from the fork re-simulates it: without the change recorded, it parted at run.start
    const saved = join(dir, 'resumed.json');
    const p = drill(['play', '--resume', forked, '--role', 'tc-chair'], { input: `save ${saved}\nquit\n` });
    expect(p.code, p.stdout + p.stderr).toBe(0);
    expect(JSON.parse(readFileSync(saved, 'utf8')).varied).toEqual({ key: KEY, value: '15m' });
  });

  it("gives its decisions to another run: told to add its --vary, and with it replayed to the same events, unwarned", () => {
    const trainee = join(dir, 'trainee-15m.json');
    const made = drill(['run', SCENARIO, '--seed', '5', '--vary', `${KEY}=15m`, '--decisions', 'scenarios/decisions/ky-son-trainee.yaml', '--out', trainee, '--quiet']);
    expect(made.code, made.stderr).toBe(0);
    const without = drill(['run', SCENARIO, '--seed', '5', '--decisions', trainee, '--quiet']);
    expect(without.stderr).toContain(`warning[other-text] varied: this run was played with --vary ${KEY}=15m, and its decisions are replayed here without it`);
    expect(without.stderr).toContain(`(to replay them on what was played, add --vary ${KEY}=15m)`);
    const again = join(dir, 'trainee-again.json');
    const withIt = drill(['run', SCENARIO, '--seed', '5', '--vary', `${KEY}=15m`, '--decisions', trainee, '--out', again, '--quiet']);
    expect(withIt.code, withIt.stderr).toBe(0);
    expect(withIt.stderr).not.toContain('other-text');
    expect(JSON.parse(readFileSync(again, 'utf8')).events).toEqual(JSON.parse(readFileSync(trainee, 'utf8')).events);
    // a sweep of the same parameter changes it on purpose: no warning; of another, the log's own change is missing
    const same = drill(['batch', SCENARIO, '--runs', '2', '--workers', '1', '--decisions', trainee, '--vary', `${KEY}=15m,2h`, '--out', join(dir, 'same.json')]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).not.toContain('other-text');
    const other = drill(['batch', SCENARIO, '--runs', '2', '--workers', '1', '--decisions', trainee, '--vary', 'units.mobilisation=x1,x2', '--out', join(dir, 'other.json')]);
    expect(other.stderr).toContain(`warning[other-text] varied: this run was played with --vary ${KEY}=15m`);
  });
});
