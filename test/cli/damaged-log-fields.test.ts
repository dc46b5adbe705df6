// A run log edited by hand in a field drill writes one way only, as a fuzzing of `drill report` and `drill
// verify` on mutated logs found: a 'hash' of 0 or an 'engine' of null stopped drill report with an internal error
// (and an 'engine' left out printed "drillsim ⟦undefined⟧" in the report); an 'until' of 3.5, 'players' of {} or a
// decision's unit of 0.5 stopped drill verify with one; a 'format' of {} was "format '[object Object]'"; an
// event's 'by' of -1 stopped drill report. Each is now one line naming the field, in English and Vietnamese.
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

  it("an event's field edited to a number where drill writes a text: the report is written, and says the log was changed", () => {
    const file = edited('by-number.json', (l) => {
      const i = l.events.findIndex((e: Record<string, unknown>) => e.type === 'level');
      expect(i).toBeGreaterThan(0);
      l.events[i].by = -1;
    });
    for (const format of ['md', 'html']) {
      const r = drill(['report', file, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/the hash chain does not match the events/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
