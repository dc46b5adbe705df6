/**
 * Times written in an MSEL sheet without `T+`: read as time since the start,
 * and said once per sheet, with the `T+` to write for the clock time the
 * planner may have meant (the next day when it comes before the start's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareTimesWarning, clockAdvice, clockReading, clockTimeSay } from '../../engine/scenario/msel-bare-times.js';
import { sayIn } from '../../engine/scenario/say.js';
import { importMsel, mselToCsv } from '../../engine/scenario/msel.js';
import { loadNamed } from '../helpers/scenarios.js';

const H = 3600;
// Kỳ Sơn starts 2022-10-01 18:00 +07:00 and runs 18 h
const ksn = loadNamed('ky-son-flash-flood');
const EVENING = '2026-10-02T18:00:00+07:00';

/** The Kỳ Sơn MSEL as a sheet, with the time cells of the given inject numbers replaced. */
function sheet(times: Record<number, string>): string {
  return mselToCsv(ksn.injects).split('\n').map((line) => {
    const m = /^(\d+),([^,]*),([^,]*),/.exec(line);
    return m && times[Number(m[1])] !== undefined ? `${m[1]},${m[2]},${times[Number(m[1])]},${line.slice(m[0].length)}` : line;
  }).join('\n');
}

describe('the clock reading of a bare time', () => {
  it('is the time since the start\'s clock time, the next day when it comes before it', () => {
    expect(clockReading(19.5 * H, EVENING)).toEqual({ seconds: 1.5 * H, next_day: false });
    expect(clockReading(5 * H, EVENING)).toEqual({ seconds: 11 * H, next_day: true });
  });

  it('is none for 24:00 and later, and none when it reads the same as T+ (a start at midnight)', () => {
    expect(clockReading(26 * H, EVENING)).toBeNull();
    expect(clockReading(7 * H, '2026-10-02T00:00:00+07:00')).toBeNull();
  });

  it('property: the clock reading is within a day, and added to the start\'s clock time gives the bare time back (mod 24 h)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 24 * H - 1 }), (h, m, t) => {
      const start = `2026-10-02T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+07:00`;
      const c = clockReading(t, start);
      // none only when both readings agree: a start at midnight
      if (c === null) return h === 0 && m === 0;
      return c.seconds >= 0 && c.seconds < 24 * H && (c.seconds + h * H + m * 60) % (24 * H) === t;
    }));
  });

  it('advises the T+ to write, or says the clock time falls after the end of a short scenario', () => {
    expect(clockAdvice(19.5 * H, EVENING, 18 * H)).toBe('if you meant the clock time 19:30, write T+01:30');
    expect(clockAdvice(5 * H, EVENING, 24 * H)).toBe('if you meant the clock time 05:00 the next day, write T+11:00');
    expect(clockAdvice(5 * H, EVENING, 6 * H)).toBe('the clock time 05:00 the next day would be T+11:00, after the end of the scenario (horizon 6h)');
  });
});

describe('drill msel import of a sheet with times written without T+', () => {
  it('imports them as time since the start, with exactly one warning naming the rows', () => {
    // inject 2 at row 3, inject 4 at row 5, inject 9 further down
    const r = importMsel(sheet({ 2: '00:30', 4: '1:45', 9: '03:10' }), ksn);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const rowOf = (seq: number) => r.rows[r.injects.findIndex((i) => i.seq === seq)];
    expect(r.injects.find((i) => i.seq === 2)!.at).toBe(30 * 60);
    expect(r.injects.find((i) => i.seq === 4)!.at).toBe(1.75 * H);
    expect(r.warnings).toHaveLength(1);
    const [w] = r.warnings;
    expect(w).toMatchObject({ row: 0, column: 'time', severity: 'warning' });
    expect(w.message).toMatch(new RegExp(`^rows ${rowOf(2)}, ${rowOf(4)} and ${rowOf(9)} give their times without 'T\\+', read as time since the start\\. `));
    // the first two spelt out, with the T+ for the clock time: the start is 18:00, so 00:30 is the next day, T+06:30
    expect(w.message).toContain(`Row ${rowOf(2)}: '00:30' is T+00:30, 30 min after the start (2022-10-01 18:30 local); if you meant the clock time 00:30 the next day, write T+06:30.`);
    expect(w.message).toContain(`Row ${rowOf(4)}: '1:45' is T+01:45, 1 h 45 min after the start (2022-10-01 19:45 local); if you meant the clock time 01:45 the next day, write T+07:45.`);
    expect(w.message).toMatch(/\. And 1 more$/);
    expect(w.hint).toBe('write T+ before each time; the start, T+00:00, is 18:00 local');
  });

  it('says nothing of a sheet whose times all have T+ (or are conditions and contingencies)', () => {
    const r = importMsel(mselToCsv(ksn.injects), ksn);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('a bare wall-clock time past the end is an error that gives the T+ of the clock reading', () => {
    const r = importMsel(sheet({ 2: '19:30' }), ksn);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ row: 3, column: 'time', message: "'19:30' read as T+19:30 is after the end of the scenario (horizon 18h)", hint: 'if you meant the clock time 19:30, write T+01:30' }]);
  });

  it('bareTimesWarning is null when every bare time reads the same as the clock (a start at midnight)', () => {
    expect(bareTimesWarning([{ row: 2, text: '07:00', seconds: 7 * H }], '2026-10-02T00:00:00+07:00', 24 * H)).toBeNull();
  });
});

describe('a time cell written as a date', () => {
  const START = '2025-09-20T20:00:00+07:00', HORIZON_S = 4 * 3600;
  const said = (text: string) => { const r = clockTimeSay(text, START, HORIZON_S); return r && sayIn(r.message, 'en'); };

  it('is a date whatever way its month is written, with its time or none', () => {
    for (const text of ['14 Sep 2026', '14 September 2026', '14-Sep-2026', 'Sep 14 2026', 'September 14th, 2026', '2026-09-14', '14/09/2026', '14.9.2026', 'ngày 14/9/2026', '14 tháng 9 năm 2026']) {
      expect(said(text), text).toBe(`'${text}' is a date, not a time since the start`);
    }
    for (const text of ['14 Sep 2026 08:30', 'Sep 14, 2026 8:30 PM', '8:30 14-Sep-2026', '14 tháng 9 2026 8h30']) {
      expect(said(text), text).toBe(`'${text}' is a date and time, not a time since the start`);
    }
  });

  it('is not found in text that holds no date (a time, a number of days, a month with no year)', () => {
    for (const text of ['T+5', '2 days', '14 Sep', 'may 2026', '12345', 'sep']) expect(said(text), text).toBeUndefined();
  });
});
