/**
 * A decision after the end of the scenario (T+19:00 in an 18-hour drill) is reached by no run: run, batch and fork
 * warned and went on, and the run was read as the file's when one of its decisions had never been played. It is now
 * an error of the file (exit 1, nothing run or written), at its line and column, with what to do, in English and
 * Vietnamese. A run stopped early with --until still takes the whole file (the same file plays the run to its end),
 * and its summary counts those after the stop apart instead of leaving them out without a word.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, PLAIN_LOCALE, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const dir = tempDir('drillsim-after-end-');
const file = join(dir, 'late.yaml');
writeFileSync(file, [
  'drillsim_decisions: 1',
  'scenario: ky-son-flash-flood',
  'players: [tc-chair]',
  'decisions:',
  '  - { at: T+00:40, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
  '  - { at: T+19:00, role: tc-chair, do: request_support, area: ta-ca }',
  '',
].join('\n'));

const EN = `${file}:6:11: error[outside-horizon] decisions[1].at: decision at T+19:00 is after the end of the scenario at T+18:00: no run reaches it, so it would never be played (give it a time up to T+18:00, or take it out of the file)\n`;
const VI = `${file}:6:11: error[outside-horizon] decisions[1].at: quyết định lúc T+19:00 là sau khi kịch bản kết thúc lúc T+18:00: không lượt chạy nào tới được thời điểm đó, nên quyết định sẽ không bao giờ được thực hiện (hãy cho nó thời điểm không muộn hơn T+18:00, hoặc bỏ nó khỏi tệp)\n`;

describe('a decision after the end of the scenario', () => {
  it('is refused by drill run, batch and fork, exit 1, at its line and column, with what to do; nothing is written', () => {
    const out = join(dir, 'run.json');
    const run = drill(['run', SCENARIO, '--decisions', file, '--out', out], { env: PLAIN_LOCALE });
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', EN]);
    expect(existsSync(out)).toBe(false);
    const batch = drill(['batch', SCENARIO, '--decisions', file, '--runs', '2'], { env: PLAIN_LOCALE });
    expect([batch.code, batch.stdout, batch.stderr]).toEqual([1, '', EN]);
    const log = join(dir, 'doctrine.json');
    expect(drill(['run', SCENARIO, '--out', log, '--quiet']).code).toBe(0);
    const fork = drill(['fork', log, '--at', 'T+00:30', '--decisions', file], { env: PLAIN_LOCALE });
    expect([fork.code, fork.stdout, fork.stderr]).toEqual([1, '', EN]);
    expect(run.stderr + batch.stderr + fork.stderr).not.toMatch(STACK);
  });

  it('is said in Vietnamese with --lang vi', () => {
    for (const args of [['run', SCENARIO, '--decisions', file, '--lang', 'vi'], ['batch', SCENARIO, '--decisions', file, '--runs', '2', '--lang', 'vi']]) {
      const r = drill(args, { env: PLAIN_LOCALE });
      expect([r.code, r.stderr], args[0]).toEqual([1, VI]);
    }
  });
});

describe('decisions after the stop of a run stopped early with --until', () => {
  it('are taken with the file, not played, and counted apart in the summary, EN and VI', () => {
    const trainee = 'scenarios/decisions/ky-son-trainee.yaml';
    const en = drill(['run', SCENARIO, '--decisions', trainee, '--until', 'T+02:00'], { env: PLAIN_LOCALE });
    expect([en.code, en.stderr]).toEqual([0, '']);
    expect(en.stdout).toContain('\n  decisions   4 taken, 0 refused; 2 more decisions given, from T+03:15 on, after the stop: not played\n');
    const vi = drill(['run', SCENARIO, '--decisions', trainee, '--until', 'T+02:00', '--lang', 'vi'], { env: PLAIN_LOCALE });
    expect(vi.stdout).toContain('\n  quyết định  4 được thực hiện, 0 bị từ chối; thêm 2 quyết định được giao, từ T+03:15 trở đi, sau lúc dừng: không được thực hiện\n');
    // played to its end, every decision is played: nothing is counted apart
    expect(drill(['run', SCENARIO, '--decisions', trainee]).stdout).not.toContain('after the stop');
  });

  it('are counted apart in the report of the run too, EN and VI', () => {
    const log = join(dir, 'stopped.json');
    expect(drill(['run', SCENARIO, '--decisions', 'scenarios/decisions/ky-son-trainee.yaml', '--until', 'T+02:00', '--out', log, '--quiet']).code).toBe(0);
    expect(drill(['report', log]).stdout).toContain('| **Decisions** | 4 taken, 0 refused (trainees, exercise control and doctrine); 2 more decisions given, from T+03:15 (21:15) on, after the stop: not played |');
    expect(drill(['report', log, '--lang', 'vi']).stdout).toContain('; thêm 2 quyết định được giao, từ T+03:15 (21:15) trở đi, sau lúc dừng: không được thực hiện |');
    const whole = join(dir, 'whole.json');
    expect(drill(['run', SCENARIO, '--decisions', 'scenarios/decisions/ky-son-trainee.yaml', '--out', whole, '--quiet']).code).toBe(0);
    expect(drill(['report', whole]).stdout).not.toContain('after the stop');
  });
});
