/**
 * `drill report` on a run that stops while an inject's time allowed is still running (a session saved
 * part-way, --until): its action is "not taken yet", not "never taken", and no area for improvement. Inject #6
 * "Houses swept away" reaches the Tà Cạ chair at T+03:10 with 30 min to act; stopped at T+03:30 the chair still
 * had 10 minutes, stopped at T+03:45 the time had run out.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir, writeDecisions } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';

describe('an inject still within its time allowed where the log ends', () => {
  it('is open in the injects table and no finding; once its time has run out it is "not taken" and a finding', () => {
    const dir = tempDir('drillsim-open-');
    const decisions = writeDecisions(join(dir, 'd.yaml'), ['tc-chair'], ['{ at: T+00:40, role: tc-chair, do: evacuate, zone: ta-ca-riverside }']);
    const report = (until: string, lang = 'en') => {
      const log = join(dir, `${until}.json`);
      expect(drill(['run', SCENARIO, '--decisions', decisions, '--until', until, '--out', log, '--quiet']).code).toBe(0);
      const r = drill(['report', log, '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const open = report('T+03:30');
    const row = open.split('\n').find((l) => l.startsWith('| Inject #6 "Houses swept away" |'));
    expect(row).toMatch(/\| 30 min \| not taken yet where the log ends, 20 min into the 30 min allowed \|$/);
    expect(open).not.toContain('Inject #6 "Houses swept away" reached Tà Cạ commune chair at T+03:10 (21:10); the action it called for was never taken.');
    const vi = report('T+03:30', 'vi');
    expect(vi).toContain('| chưa xử lý khi nhật ký kết thúc, mới qua 20 phút trong 30 phút cho phép |');

    const late = report('T+03:45');
    expect(late.split('\n').find((l) => l.startsWith('| Inject #6 "Houses swept away" |'))).toMatch(/\| \*\*not taken\*\* \|$/);
    expect(late).toContain('- Inject #6 "Houses swept away" reached Tà Cạ commune chair at T+03:10 (21:10); the action it called for was never taken.');
  });
});
