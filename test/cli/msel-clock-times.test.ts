/**
 * Time cells written as a planner writes a clock time or a date (14h30, 7:30 PM, 01/10/2022 19:30, as Excel in a
 * Vietnamese locale shows a date and time): '14h30' was told to write T+14:30, 14 h 30 min after the start, and
 * nothing of the clock time 14:30 it most likely is; a date and time got the generic "write T+02:30 ..." with
 * nothing of where the date falls. Each now says both readings from the scenario's start (minimal.yaml starts
 * 2025-09-20 20:00 local, horizon 4h), in English and Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;
const T = ": write a time since the start up to T+04:00, or make the scenario's `horizon` longer";

describe('drill msel import of times written as a clock time or a date', () => {
  let scenario: string, sheet: string, rest: string;
  beforeEach(() => {
    ({ scenario, sheet } = exportedSheet('drillsim-msel-clock-'));
    rest = readFileSync(sheet, 'utf8');
  });
  const withTimes = (times: string[]) => {
    const [header, row] = rest.replace(/\r\n$/, '').split('\r\n');
    writeFileSync(sheet, [header, ...times.map((t, k) => row.replace(/^1,first-call,T\+00:22,/, `${k + 1},call-${k + 1},"${t}",`))].join('\r\n'));
  };

  it('says what a clock time and a date and time are as T+, in English', () => {
    withTimes(['21h30', '9:15 PM', '1h45', '20/09/2025 21:30', '20/09/2025 19:00', '21/09/2025 03:30']);
    const r = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      // T+21:30 is past the end (4h): the clock reading alone; 1h45 as the clock would be past it: both said
      `${sheet}: row 2, column time: '21h30' is not a time (if you meant the clock time 21:30, write T+01:30)`,
      `${sheet}: row 3, column time: '9:15 PM' is not a time (if you meant the clock time 21:15, write T+01:15)`,
      `${sheet}: row 4, column time: '1h45' is not a time (write T+01:45 (1h45m after the start); the clock time 01:45 the next day would be T+05:45, after the end of the scenario (horizon 4h))`,
      `${sheet}: row 5, column time: '20/09/2025 21:30' is a date and time, not a time since the start (read day/month/year, it is 2025-09-20 21:30 local, T+01:30: write T+01:30 (the start, T+00:00, is 20:00 local))`,
      `${sheet}: row 6, column time: '20/09/2025 19:00' is a date and time, not a time since the start (read day/month/year, it is 2025-09-20 19:00 local, before the start (2025-09-20 20:00 local): the time column counts from the start, so write T+ and the time since it, as T+02:30)`,
      `${sheet}: row 7, column time: '21/09/2025 03:30' is a date and time, not a time since the start (read day/month/year, it is 2025-09-21 03:30 local, T+07:30, after the end of the scenario (horizon 4h): write a time since the start up to T+04:00, or make the scenario's \`horizon\` longer)`,
      '6 problems in 6 rows; nothing was changed',
      '',
    ].join('\n'));
  });

  it('and in Vietnamese', () => {
    withTimes(['21h30', '19h30 ngày 19/09/2025', '20/09/2025 9:30 CH']);
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${sheet}: hàng 2, cột time: '21h30' không phải một thời điểm (nếu ý bạn là giờ đồng hồ 21:30, hãy viết T+01:30)`,
      `${sheet}: hàng 3, cột time: '19h30 ngày 19/09/2025' là ngày và giờ, không phải thời gian tính từ lúc bắt đầu (đọc theo ngày/tháng/năm, đó là 2025-09-19 19:30 giờ địa phương, trước lúc bắt đầu (2025-09-20 20:00 giờ địa phương): cột thời gian tính từ lúc bắt đầu, nên hãy viết T+ và khoảng thời gian kể từ đó, như T+02:30)`,
      `${sheet}: hàng 4, cột time: '20/09/2025 9:30 CH' là ngày và giờ, không phải thời gian tính từ lúc bắt đầu (đọc theo ngày/tháng/năm, đó là 2025-09-20 21:30 giờ địa phương, tức T+01:30: hãy viết T+01:30 (lúc bắt đầu, T+00:00, là 20:00 giờ địa phương))`,
      '3 lỗi trong 3 hàng; chưa thay đổi gì',
      '',
    ].join('\n'));
  });

  it('says a date, with or without its time, with its month in words or figures, is one, and to write T+, EN and VI', () => {
    // '14 Sep 2026' and a date alone were 'not a time' with the generic hint, nothing said of the date
    withTimes(['14 Sep 2026', '2025-09-21', '20/09/2025', 'Sep 21, 2025 8:30 PM', '21-Sep-2025 00:30', '21 tháng 9 năm 2025']);
    const r = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${sheet}: row 2, column time: '14 Sep 2026' is a date, not a time since the start (it is 2026-09-14: the time column counts from the start (T+00:00, 2025-09-20 20:00 local), so write T+ and the time since it, as T+02:30)`,
      `${sheet}: row 3, column time: '2025-09-21' is a date, not a time since the start (it is 2025-09-21: the time column counts from the start (T+00:00, 2025-09-20 20:00 local), so write T+ and the time since it, as T+02:30; 2025-09-21 begins at T+04:00)`,
      `${sheet}: row 4, column time: '20/09/2025' is a date, not a time since the start (read day/month/year, it is 2025-09-20: the time column counts from the start (T+00:00, 2025-09-20 20:00 local), so write T+ and the time since it, as T+02:30)`,
      `${sheet}: row 5, column time: 'Sep 21, 2025 8:30 PM' is a date and time, not a time since the start (it is 2025-09-21 20:30 local, T+1d00:30, after the end of the scenario (horizon 4h)${T})`,
      `${sheet}: row 6, column time: '21-Sep-2025 00:30' is a date and time, not a time since the start (it is 2025-09-21 00:30 local, T+04:30, after the end of the scenario (horizon 4h)${T})`,
      `${sheet}: row 7, column time: '21 tháng 9 năm 2025' is a date, not a time since the start (it is 2025-09-21: the time column counts from the start (T+00:00, 2025-09-20 20:00 local), so write T+ and the time since it, as T+02:30; 2025-09-21 begins at T+04:00)`,
      '6 problems in 6 rows; nothing was changed',
      '',
    ].join('\n'));
    withTimes(['14 Sep 2026', '20 Sep 2025 21:15']);
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--lang', 'vi'], { env: PLAIN });
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe([
      `${sheet}: hàng 2, cột time: '14 Sep 2026' là ngày tháng, không phải thời gian tính từ lúc bắt đầu (đó là ngày 2026-09-14: cột thời gian tính từ lúc bắt đầu (T+00:00, tức 2025-09-20 20:00 giờ địa phương), nên hãy viết T+ và khoảng thời gian kể từ đó, như T+02:30)`,
      `${sheet}: hàng 3, cột time: '20 Sep 2025 21:15' là ngày và giờ, không phải thời gian tính từ lúc bắt đầu (đó là 2025-09-20 21:15 giờ địa phương, tức T+01:15: hãy viết T+01:15 (lúc bắt đầu, T+00:00, là 20:00 giờ địa phương))`,
      '2 lỗi trong 2 hàng; chưa thay đổi gì',
      '',
    ].join('\n'));
  });

  it('reads an hour alone (2h) as time since the start, with the warning a bare 02:00 gets: in Vietnam 14h is the clock', () => {
    withTimes(['2h', '1h30m']);
    const r = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run'], { env: PLAIN });
    expect(r.code).toBe(0);
    // '1h30m', in the notation's own form, is a length of time: no warning for it
    expect(r.stderr).toBe(`${sheet}: column time: warning: row 2 gives its time without 'T+', read as time since the start. Row 2: '2h' is T+02:00, 2 h after the start (2025-09-20 22:00 local); the clock time 02:00 the next day would be T+06:00, after the end of the scenario (horizon 4h) (write T+ before each time; the start, T+00:00, is 20:00 local)\n`);
  });
});
