/**
 * A time refused for being past the end was echoed back rewritten: `drill fork --at T+30:00` answered
 * "--at T+1d06:00 is after the end", a sheet's cell `T+25:00` came back as "T+1d01:00 is after the end", and the
 * controller's `inject ... at 30h` as "T+1d06:00". The planner looked for a cell or word that is not there. Each
 * now quotes what was typed, with the canonical form beside it only when that reads otherwise.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { mselToCsv } from '../../engine/scenario/msel.js';
import { writtenClock } from '../../engine/scenario/duration.js';
import { drill, tempDir } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';
const LATE = 'scenarios/decisions/ky-son-evacuate-late.yaml';
const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const kySon = loadNamed('ky-son-flash-flood');

describe('a time echoed back', () => {
  it('is as typed, and the canonical form is added only when it differs', () => {
    expect(writtenClock('T+30:00', 30 * 3600)).toBe('T+30:00 (T+1d06:00)');
    expect(writtenClock('2h', 2 * 3600)).toBe('2h (T+02:00)');
    expect(writtenClock('T+1d06:00', 30 * 3600)).toBe('T+1d06:00');
  });
});

describe('drill fork --at after the end of the run', () => {
  let run: string;
  beforeAll(() => {
    run = join(tempDir('drillsim-typed-'), 'late.json');
    expect(drill(['run', SCENARIO, '--decisions', LATE, '--out', run, '--quiet']).code).toBe(0);
  });

  it('quotes --at as typed, in English and Vietnamese', () => {
    const en = drill(['fork', run, '--at', 'T+30:00', '--decisions', LATE, '--lang', 'en'], { env: PLAIN });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('drill fork: --at T+30:00 (T+1d06:00) is after the end of the run (T+18:00); give a time between T+00:00 and T+18:00');
    const vi = drill(['fork', run, '--at', '30h', '--decisions', LATE, '--lang', 'vi'], { env: PLAIN });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('drill fork: --at 30h (T+1d06:00) là sau thời điểm kết thúc lượt chạy (T+18:00)');
  });
});

describe('drill msel import, a time cell after the end of the scenario', () => {
  it('quotes the cell as written, in English and Vietnamese', () => {
    const dir = tempDir('drillsim-typed-msel-');
    const sheet = join(dir, 'late.csv');
    writeFileSync(sheet, mselToCsv(kySon.injects).replace(/^9,declare-level-1,T\+04:00,/m, '9,declare-level-1,T+25:00,'));
    const en = drill(['msel', 'import', sheet, '--into', SCENARIO, '--dry-run', '--lang', 'en'], { env: PLAIN });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${sheet}: row 10, column time: T+25:00 (T+1d01:00) is after the end of the scenario (horizon 18h) (move it earlier or lengthen the horizon)`);
    const vi = drill(['msel', 'import', sheet, '--into', SCENARIO, '--dry-run', '--lang', 'vi'], { env: PLAIN });
    expect(vi.stderr).toContain(`${sheet}: hàng 10, cột time: T+25:00 (T+1d01:00) là sau khi kịch bản kết thúc (horizon 18h)`);
  });
});

describe('the controller\'s inject at a time it cannot take', () => {
  it('quotes the time as typed, past the end or already passed, in English and Vietnamese', () => {
    for (const [lang, after, passed] of [
      ['en', 'refused: 30h (T+1d06:00) is after the end of the exercise (T+18:00)', 'refused: 30m (T+00:30) has already passed'],
      ['vi', 'bị từ chối: 30h (T+1d06:00) là sau khi kết thúc diễn tập (T+18:00)', 'bị từ chối: 30m (T+00:30) đã qua'],
    ] as const) {
      const s = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: true, lang });
      s.handle('role controller');
      expect(s.handle('inject mx-chair at 30h Hello | World').text, lang).toContain(after);
      s.handle('advance T+01:00');
      expect(s.handle('inject mx-chair at 30m Hello | World').text, lang).toContain(passed);
      expect(s.handle('inject mx-chair at T+00:30 Hello | World').text, lang).toMatch(/T\+00:30 (has already passed|đã qua)/);
    }
  });
});
