/**
 * A decisions file replayed over many seeds with a decision the engine refuses (the Tà Cạ chair dispatching a unit
 * it does not command): drill run names it, with its line; drill batch only counted it in the table, and said
 * nothing at all with --quiet. It now warns, quiet or not, in EN and VI, with a drill run that shows which and why.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const dir = tempDir('drillsim-batch-refused-');
const file = join(dir, 'notmine.yaml');
writeFileSync(file, 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+03:15, role: tc-chair, do: dispatch, unit: mx-militia, incident: ta-ca-houses }\n');

describe('drill batch --decisions with a decision refused', () => {
  it('warns, even with --quiet, naming how many runs refused and the drill run that shows which and why', () => {
    const r = drill(['batch', SCENARIO, '--runs', '6', '--seed', '3', '--workers', '1', '--decisions', file, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const m = new RegExp(`^drill batch: warning: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: decisions were refused in 6 of 6 runs \\(6 in all\\); replay one alone to see which and why: (drill run .*)\\n$`).exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    // the command it gives shows the refusal, with the file's line
    const replay = m![1].split(' ').slice(1);
    const run = drill(replay);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`refused +${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4 +T\\+03:15 +tc-chair +dispatch mx-militia`));
  });

  it('in Vietnamese, with a sweep: the replay carries the sweep value', () => {
    const r = drill(['batch', SCENARIO, '--runs', '3', '--seed', '3', '--workers', '1', '--decisions', file, '--vary', 'doctrine.dispatch=nearest,severity', '--quiet', '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^drill batch: cảnh báo: .*notmine\.yaml: có quyết định bị từ chối trong 6 trên 6 lượt chạy \(tổng cộng 6\); chạy lại riêng một lượt để xem quyết định nào và vì sao: drill run .* --vary doctrine\.dispatch=nearest\n$/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('says nothing when every decision is taken', () => {
    const r = drill(['batch', SCENARIO, '--runs', '3', '--seed', '3', '--workers', '1', '--decisions', 'scenarios/decisions/ky-son-evacuate-early.yaml', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
