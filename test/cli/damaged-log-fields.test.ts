// A run log edited by hand in a field drill writes one way only, as a fuzzing of `drill report` and `drill
// verify` on mutated logs found: a 'hash' of 0 or an 'engine' of null stopped drill report with an internal error
// (and an 'engine' left out printed "drillsim ⟦undefined⟧" in the report); an 'until' of 3.5, 'players' of {} or a
// decision's unit of 0.5 stopped drill verify with one; a 'format' of {} was "format '[object Object]'"; an
// event's 'by' of -1 stopped drill report (it is now said as that event's field, below). Each is one line naming the field, in English and Vietnamese.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-log-fields-');
const good = join(dir, 'good.json');
expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--decisions', 'scenarios/decisions/ky-son-trainee.yaml', '--seed', '7', '--out', good]).code).toBe(0);

function edited(name: string, edit: (log: Record<string, any>) => void): string {
  const log = JSON.parse(readFileSync(good, 'utf8'));
  edit(log);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(log));
  return file;
}

const cases: [string, (log: Record<string, any>) => void, RegExp, RegExp][] = [
  ['hash-0', (l) => { l.hash = 0; }, /:1: error\[file\] hash: not a usable run log: its 'hash' is not a text \(0\)/, /'hash' không phải một văn bản \(0\)/],
  ['engine-null', (l) => { l.engine = null; }, /:1: error\[file\] engine: not a usable run log: its 'engine' is not a text \(null\)/, /'engine' không phải một văn bản/],
  ['engine-gone', (l) => { delete l.engine; }, /not a usable run log: its 'engine' is missing/, /thiếu 'engine'/],
  ['until-decimal', (l) => { l.until = 3.5; }, /:1: error\[file\] until: not a usable run log: its 'until' is not a whole number \(3\.5\)/, /'until' không phải số nguyên \(3\.5\)/],
  ['players-mapping', (l) => { l.players = {}; }, /its 'players' is not a list/, /'players' không phải một danh sách/],
  ['players-numbers', (l) => { l.players = [0]; }, /its 'players' is not a list of role ids/, /'players' không phải một danh sách mã vai/],
  ['unit-decimal', (l) => { l.decisions[3].unit = 0.5; }, /the run log is damaged: decisions\[3\]\.unit is not as drill writes it \(the id of a unit\)/, /decisions\[3\]\.unit không đúng như drill ghi \(phải là mã của một đơn vị lực lượng\)/],
  ['incident-gone', (l) => { delete l.decisions[3].incident; }, /decisions\[3\]\.incident is not as drill writes it \(the id of an incident\)/, /decisions\[3\]\.incident không đúng như drill ghi \(phải là mã của một sự cố\)/],
  ['level-text', (l) => { l.decisions[2].level = 'one'; }, /decisions\[2\]\.level is not as drill writes it \(a civil-defence level, a whole number from 0 to 3\)/, /decisions\[2\]\.level không đúng như drill ghi/],
  ['format-mapping', (l) => { l.format = {}; }, /unsupported run log format '\{\}'/, /không hỗ trợ định dạng nhật ký chạy '\{\}'/],
];

describe('a run log with a field edited by hand', () => {
  for (const [name, edit, en, vi] of cases) {
    it(`${name}: drill report and drill verify say the field, in English and Vietnamese, without an internal error`, () => {
      const file = edited(`${name}.json`, edit);
      for (const cmd of ['report', 'verify']) {
        const r = drill([cmd, file, '--lang', 'en']);
        expect(r.code, `${cmd} ${name}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toMatch(en);
        expect(r.stderr + r.stdout).not.toMatch(/internal error|object Object|undefined/);
        expect(r.stderr).not.toMatch(STACK);
        const v = drill([cmd, file, '--lang', 'vi']);
        expect(v.code).toBe(1);
        expect(v.stderr).toMatch(vi);
      }
    });
  }

  it("an event's field edited to a number where drill writes a text: said as that event's field, not used in the report", () => {
    const file = edited('by-number.json', (l) => {
      const i = l.events.findIndex((e: Record<string, unknown>) => e.type === 'level');
      expect(i).toBeGreaterThan(0);
      l.events[i].by = -1;
    });
    for (const format of ['md', 'html']) {
      const r = drill(['report', file, '--format', format]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/not a usable run log: event #\d+ \(level\): 'by' is -1 where drill writes an id/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

// An event's inner field edited by hand, as the same fuzzing found: a route's "km" of {} was "NaN km" in the report,
// an incident's people of "-5m" "NaN rescued", an incident.reported without its kind "⟦undefined⟧ … [object Object]".
// Each is one line naming the event's line and field, as the head's fields are (engine/review/event-fields.ts).
describe("a run log with an event's field edited by hand", () => {
  const run = join(dir, 'minimal.json');
  expect(drill(['run', 'scenarios/minimal.yaml', '--seed', '7', '--out', run, '--quiet']).code).toBe(0);
  /** The log with the first line `pick` matches changed by `change` (one event a line), and that line's number. */
  function lineEdited(name: string, pick: (l: string) => boolean, change: (l: string) => string): { file: string; line: number } {
    const lines = readFileSync(run, 'utf8').split('\n');
    const k = lines.findIndex(pick);
    expect(k).toBeGreaterThan(0);
    const was = lines[k];
    lines[k] = change(was);
    expect(lines[k]).not.toBe(was);
    const file = join(dir, name);
    writeFileSync(file, lines.join('\n'));
    return { file, line: k + 1 };
  }
  const fieldCases: [string, (l: string) => boolean, (l: string) => string, string, RegExp, RegExp][] = [
    ['route-km', (l) => l.includes('"type":"unit.route"'), (l) => l.replace(/"km":[\d.]+/, '"km":{}'), 'km',
      /not a usable run log: event #\d+ \(unit\.route\): 'km' is \{\} where drill writes a number/, /sự kiện #\d+ \(unit\.route\): 'km' là \{\}, trong khi drill ghi một số ở đó/],
    ['people-text', (l) => l.includes('"type":"incident.people"'), (l) => l.replace(/"rescued":\d+/, '"rescued":"-5m"'), 'rescued',
      /event #\d+ \(incident\.people\): 'rescued' is "-5m" where drill writes a whole number, 0 or more/, /'rescued' là "-5m", trong khi drill ghi một số nguyên từ 0 trở lên ở đó/],
    ['reported-people', (l) => l.includes('"type":"incident.reported"'), (l) => l.replace(/"people":\d+/, '"people":"-5m"'), 'people',
      /event #1 \(incident\.reported\): 'people' is "-5m" where drill writes a whole number, 0 or more/, /sự kiện #1 \(incident\.reported\): 'people' là "-5m"/],
    ['kind-gone', (l) => l.includes('"type":"incident.reported"'), (l) => l.replace(/"kind":"[^"]*",/, ''), 'kind',
      /event #1 \(incident\.reported\): 'kind' is missing where drill writes an id/, /sự kiện #1 \(incident\.reported\): thiếu 'kind', trong khi drill ghi một mã ở đó/],
    ['severity-infinite', (l) => l.includes('"type":"incident.reported"'), (l) => l.replace(/"severity":\d+/, '"severity":1e999'), 'severity',
      /event #1 \(incident\.reported\): 'severity' is a number too large to read where drill writes a whole number/, /'severity' là một số quá lớn không đọc được/],
  ];
  for (const [name, pick, change, field, en, vi] of fieldCases) {
    it(`${name}: report, verify and compare say the event's line and field, in English and Vietnamese, and draw no NaN`, () => {
      const { file, line } = lineEdited(`${name}.json`, pick, change);
      for (const args of [['report', file], ['report', file, '--format', 'html'], ['verify', file], ['compare', file, run]]) {
        const r = drill([...args, '--lang', 'en']);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toContain(`${file}:${line}: error[file] events[`);
        expect(r.stderr).toMatch(new RegExp(`events\\[\\d+\\]\\.${field}: `));
        expect(r.stderr).toMatch(en);
        expect(r.stdout + r.stderr).not.toMatch(/NaN|undefined|object Object|internal error/);
        expect(r.stderr).not.toMatch(STACK);
        const v = drill([...args, '--lang', 'vi']);
        expect(v.code).toBe(1);
        expect(v.stderr).toMatch(vi);
      }
    });
  }
});
