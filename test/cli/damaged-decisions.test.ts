// A run log whose decisions were edited by hand (a time written as in a decisions file, a field left out): every
// command that reads it, and the viewer, names the decision and the field, instead of crashing (a zod error shown
// as an internal one) or replaying a decision at no time over and over until the run hits a bound.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunLog } from '../../engine/replay/open.js';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/minimal.yaml';

describe("a run log whose decisions were edited by hand", () => {
  const dir = tempDir();
  const good = join(dir, 'good.json');
  expect(drill(['run', SCENARIO, '--seed', '3', '--out', good]).code).toBe(0);
  const edited = (name: string, decision: Record<string, unknown>): string => {
    const log = JSON.parse(readFileSync(good, 'utf8'));
    log.decisions = [decision];
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(log));
    return file;
  };
  const clockTime = edited('clock.json', { at: 'T+00:40', role: 'mx-commander', author: 'trainee', do: 'request_support', area: 'muong-xen' });
  const noTime = edited('no-time.json', { role: 'mx-commander', author: 'trainee', do: 'request_support', area: 'muong-xen' });
  const noCommand = edited('no-command.json', { at: 2400, role: 'mx-commander', author: 'trainee', area: 'muong-xen' });

  const named = /decisions\[0\]\.at is not as drill writes it \(a whole number of seconds since T0\)/;

  it('drill run and drill batch --decisions name the decision and its field, with what to do; no internal error', () => {
    for (const args of [['run', SCENARIO, '--decisions', clockTime], ['batch', SCENARIO, '--runs', '2', '--workers', '1', '--decisions', clockTime]]) {
      const r = drill(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(named);
      expect(r.stderr).toContain('write a decisions file');
      expect(r.stderr).not.toMatch(/internal error|invalid_type/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('drill verify and drill play --resume say the log is damaged, not that the scenario loops', () => {
    for (const args of [['verify', clockTime], ['verify', noTime], ['play', '--resume', noTime]]) {
      const r = drill(args, { input: '' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(named);
      expect(r.stderr).not.toMatch(/hit a bound|loops/);
    }
    const r = drill(['verify', noCommand]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/decisions\[0\]\.do is not as drill writes it \(the name of a command\)/);
  });

  it('says it in Vietnamese with --lang vi', () => {
    const r = drill(['verify', clockTime, '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nhật ký chạy bị hỏng: decisions[0].at không đúng như drill ghi (phải là số giây nguyên kể từ T0)');
    expect(r.stderr).not.toMatch(/is not as drill writes it|write a decisions file/);
  });

  it('the viewer refuses to open it, naming the decision, rather than replay it', () => {
    const o = openRunLog(readFileSync(clockTime, 'utf8'), 'clock.json');
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.code).toBe('decisionBad');
    expect(o.args).toMatchObject({ index: 0, field: 'at' });
    expect(o.message).toMatch(named);
    // the log as drill wrote it opens
    expect(openRunLog(readFileSync(good, 'utf8'), 'good.json').ok).toBe(true);
  });

  it('the viewer names a scenario or a decisions file picked by mistake for what it is, and a JSON file with no format as not a run log', () => {
    const cases: [string, string, string][] = [
      ['drillsim: 1\nid: x\n', 'isScenario', 's.yaml is a scenario, not a run log'],
      ['{"drillsim": 1, "id": "x"}', 'isScenario', 's.yaml is a scenario (in JSON), not a run log'],
      ['drillsim_decisions: 1\ndecisions: []\n', 'isDecisions', 's.yaml is a decisions file, not a run log'],
      ['{"id": "x"}', 'noFormat', 's.yaml is not a run log: it has no "format"'],
    ];
    for (const [text, code, message] of cases) {
      const o = openRunLog(text, 's.yaml');
      expect(o.ok, text).toBe(false);
      if (o.ok) continue;
      expect(o.code, text).toBe(code);
      expect(o.message.startsWith(message), o.message).toBe(true);
    }
  });
});
