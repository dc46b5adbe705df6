/**
 * A run log edited by hand into one drill cannot review (an event's time typed as a clock, its type deleted, the
 * seed put in quotes): report, compare and fork said which event ("event #6 has no 'type'") or only that "its seed,
 * end time, players or decisions are missing or malformed", and no line, where verify names the line of the event
 * that differs. They now give the line as a scenario's problems give theirs (file:line: error[file] what:), and
 * which of the run's inputs is wrong, in English and Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const DAMAGED = '(the log is damaged; run the scenario again with `drill run --out`)';

describe('a run log edited by hand into one that cannot be reviewed', () => {
  const dir = tempDir('drillsim-log-line-');
  const log = join(dir, 'run.json');
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
  const lines = readFileSync(log, 'utf8').split('\n');
  const first = lines.findIndex((l) => l === '"events":[') + 1;

  it('names the line of the event, in report, compare and fork, in English and Vietnamese', () => {
    // the sixth event's time typed as a clock, spaces and all, as a hand edits it
    const k = first + 5;
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, lines.map((l, i) => (i === k ? l.replace(/^\{"t":\d+/, '{"t": "00:30"') : l)).join('\n'));
    const line = `${edited}:${k + 1}: error[file] events[5]: not a usable run log: event #5 has a time 't' that is not whole seconds since T0 ("00:30") ${DAMAGED}\n`;
    for (const args of [['report', edited], ['compare', edited, log], ['fork', edited, '--at', '1h', '--decisions', 'scenarios/decisions/ky-son-trainee.yaml']]) {
      const r = drill(args);
      expect([r.code, r.stderr], args[0]).toEqual([1, line]);
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(drill(['report', edited, '--lang', 'vi']).stderr).toBe(`${edited}:${k + 1}: error[file] events[5]: không phải nhật ký chạy dùng được: sự kiện #5 có thời điểm 't' không phải số giây nguyên kể từ T0 ("00:30") (nhật ký bị hỏng; hãy chạy lại kịch bản với \`drill run --out\`)\n`);
  });

  it('says which of the run\'s inputs is wrong, and its line', () => {
    const edited = join(dir, 'seed.json');
    writeFileSync(edited, lines.map((l, i) => (i === 0 ? l.replace(/"seed":(\d+)/, '"seed":"$1"') : l)).join('\n'));
    const seed = JSON.parse(lines[0].replace(/,$/, '') + '}').seed;
    expect(drill(['report', edited]).stderr).toBe(`${edited}:1: error[file] seed: not a usable run log: its 'seed' is not a whole number ("${seed}") ${DAMAGED}\n`);
    expect(drill(['report', edited, '--lang', 'vi']).stderr).toBe(`${edited}:1: error[file] seed: không phải nhật ký chạy dùng được: 'seed' không phải số nguyên ("${seed}") (nhật ký bị hỏng; hãy chạy lại kịch bản với \`drill run --out\`)\n`);
  });
});
