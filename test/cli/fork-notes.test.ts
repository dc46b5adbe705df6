/**
 * What `drill fork` keeps of a run that a reviewer may not assume, said in one line on stderr (even with --quiet,
 * as the files' warnings are), in English and Vietnamese:
 * - a run stopped with `drill run --until` stops there in its fork too (a session saved part-way, by contrast, is
 *   forked to the scenario's end), and how to fork it played to the end;
 * - a fork whose new file decides for one of two trainees' roles drops the other's decisions from the fork on, and
 *   nobody decides for that role after it (a role a trainee played stays played): the Tà Cạ chair's dispatches,
 *   request for support and level were gone, and the fork read 160 lost without a word of why.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const dir = tempDir('drillsim-fork-notes-');

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [...lines, ''].join('\n'));
  return path;
}

const TWO = file('two.yaml', [
  'drillsim_decisions: 1', 'scenario: ky-son-flash-flood', 'players: [tc-chair, mx-chair]', 'decisions:',
  '  - { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
  '  - { at: T+00:40, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
  '  - { at: T+03:15, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }',
  '  - { at: T+03:20, role: tc-chair, do: request_support, area: ta-ca }',
  '  - { at: T+03:30, role: tc-chair, do: declare_level, area: ta-ca, level: 1 }',
]);
const MX = file('mx.yaml', [
  'drillsim_decisions: 1', 'scenario: ky-son-flash-flood', 'players: [mx-chair]', 'decisions:',
  '  - { at: T+00:20, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
]);

describe('drill fork of a run stopped with --until', () => {
  it('says the fork stops there too, and how to fork the run played to the end', () => {
    const log = join(dir, 'short.json');
    expect(drill(['run', SCENARIO, '--decisions', TWO, '--until', 'T+02:00', '--out', log, '--quiet']).code).toBe(0);
    const fork = drill(['fork', log, '--at', 'T+00:20', '--decisions', TWO, '--out', join(dir, 'short-fork.json')]);
    expect(fork.code, fork.stderr).toBe(0);
    expect(fork.stderr).toBe(`${log}: note: this run stopped at T+02:00 (drill run --until), before the scenario's end at T+18:00, and so does its fork; to fork it played to the end, run it again without --until (drill run <scenario> --seed 2022 --decisions ${log} --out F) and fork that log\n`);
    expect(fork.stdout).toContain('T+00:00 to T+02:00');
    const vi = drill(['fork', log, '--at', 'T+00:20', '--decisions', TWO, '--lang', 'vi', '--quiet']);
    expect(vi.stderr).toBe(`${log}: lưu ý: lượt chạy này dừng lúc T+02:00 (drill run --until), trước khi kịch bản kết thúc lúc T+18:00, nên nhánh rẽ của nó cũng dừng ở đó; muốn rẽ nhánh lượt chạy đến hết kịch bản, hãy chạy lại nó không có --until (drill run <kịch-bản> --seed 2022 --decisions ${log} --out F) rồi rẽ nhánh nhật ký mới\n`);
    // the way it names gives the run to its end, whose fork runs to T+18:00 without the note
    const whole = join(dir, 'whole.json');
    expect(drill(['run', SCENARIO, '--seed', '2022', '--decisions', log, '--out', whole, '--quiet']).code).toBe(0);
    const again = drill(['fork', whole, '--at', 'T+00:20', '--decisions', TWO]);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toContain('T+00:00 to T+18:00');
  });
});

describe('drill fork that takes over one of two trainees\' roles', () => {
  it('says how many of the other role\'s decisions after the fork it drops, why, and how to keep them', () => {
    const log = join(dir, 'two.json');
    expect(drill(['run', SCENARIO, '--decisions', TWO, '--out', log, '--quiet']).code).toBe(0);
    const fork = drill(['fork', log, '--at', 'T+00:15', '--decisions', MX, '--quiet']);
    expect(fork.code, fork.stderr).toBe(0);
    expect(fork.stderr).toBe(`${log}: note: the fork drops 4 decisions of tc-chair from T+00:15 on: ${MX} decides only for mx-chair, and a role a trainee played stays played (doctrine does not take it over), so from T+00:15 nobody decides for tc-chair; to keep them, copy them into ${MX}\n`);
    const vi = drill(['fork', log, '--at', 'T+00:15', '--decisions', MX, '--lang', 'vi', '--quiet']);
    expect(vi.stderr).toBe(`${log}: lưu ý: nhánh rẽ bỏ 4 quyết định của tc-chair từ T+00:15 trở đi: ${MX} chỉ quyết định cho mx-chair, và vai do học viên đảm nhận vẫn là vai của người chơi (phương án tự động không thay), nên từ T+00:15 không ai quyết định cho tc-chair; muốn giữ các quyết định đó, hãy chép chúng vào ${MX}\n`);
  });

  it('counts only what is dropped: those before the fork are kept, and a file deciding for both roles drops nothing', () => {
    const log = join(dir, 'two-kept.json');
    expect(drill(['run', SCENARIO, '--decisions', TWO, '--out', log, '--quiet']).code).toBe(0);
    const after = file('mx-late.yaml', [
      'drillsim_decisions: 1', 'scenario: ky-son-flash-flood', 'players: [mx-chair]', 'decisions:',
      '  - { at: T+03:25, role: mx-chair, do: request_support, area: muong-xen }',
    ]);
    // at T+03:25: the chair's dispatch and request for support are kept, its level at T+03:30 is dropped
    expect(drill(['fork', log, '--at', 'T+03:25', '--decisions', after, '--quiet']).stderr).toContain('the fork drops 1 decision of tc-chair from T+03:25 on');
    const both = drill(['fork', log, '--at', 'T+00:15', '--decisions', TWO, '--quiet']);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stderr).toBe('');
  });
});
