/**
 * A time typed at `advance` (or `jump`, `inject ... at`) in a form that does not read: the grammar did not know the
 * time now, so `advance 3:00` at T+01:30 of a 4-hour drill was answered "write advance T+03:00 or advance 3h", and
 * advance 3h was then refused as past the end; and `advance 23:00` in a drill that starts at 20:00 was told only that
 * T+23:00 is after the end, though 23:00 on the board's wall clock is T+03:00. The readings are now counted from now,
 * within the end, and include the wall clock; what is suggested is taken.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

// starts 20:00 20/09/2025, ends T+04:00 (00:00 21/09/2025)
const minimal = loadNamed('minimal');
const session = (lang: 'en' | 'vi' = 'en', controller = false) => new PlaySession(minimal, { seed: 7, players: ['mx-commander'], controller, lang });

describe('a time typed like the clock at advance', () => {
  it('advance 23:00 is read on the wall clock (T+03:00), and what it says to type goes there', () => {
    const s = session();
    const r = s.handle('advance 23:00');
    expect(r.refused).toBe(true);
    expect(r.text).toContain("cannot read that: '23:00' is not a time; write advance T+03:00 (to 23:00 20/09/2025 by the wall clock)");
    s.handle('advance T+03:00');
    expect(s.t).toBe(3 * 3600);
    expect(s.boardText()).toContain('T+03:00 · 23:00 20/09/2025');
  });

  it('counts a step from now: at T+01:30, 3:00 is T+03:00 only (3h forward is past the end); 1:00 is 1h forward only (T+01:00 has passed)', () => {
    const s = session();
    s.handle('advance 90m');
    expect(s.handle('advance 3:00').text).toContain("'3:00' is not a time; write advance T+03:00 (to that time on the exercise clock)\n");
    expect(s.handle('advance 1:00').text).toContain("'1:00' is not a time; write advance 1h (1h from now, to T+02:30)\n");
    // no reading ahead: each said with why, the end on both clocks, and how to play to it
    expect(s.handle('advance 5:00').text).toContain("'5:00' is not a time, and none of its readings lies between now (T+01:30) and the end of the exercise (T+04:00, 00:00 21/09/2025): T+05:00 is after the end; 5h from now is T+06:30, after the end; 05:00 21/09/2025 by the wall clock is T+09:00, after the end; to play to the end, write advance until end (or advance 2h30m)");
    expect(s.handle('advance until 1:00').text).toContain('T+01:00 has already passed; 01:00 21/09/2025 by the wall clock is T+05:00, after the end; to play to the end, write advance until end (or advance until T+04:00)');
    // a number alone: minutes; hours are not offered where they go past the end
    expect(s.handle('advance 5').text).toContain("cannot advance by '5': a length needs its unit; write advance 5m (5 minutes; 5h would go past the end of the exercise, T+04:00)");
    expect(s.t).toBe(90 * 60);
    // what it said is taken
    s.handle('advance 2h30m');
    expect(s.finished).toBe(true);
  });

  it('says it in Vietnamese, in the words typed (tiếp, tiếp đến, chờ), with and without diacritics', () => {
    const s = session('vi');
    expect(s.handle('tiếp 23:00').text).toContain("'23:00' không phải một thời điểm; hãy viết tiếp T+03:00 (đến 23:00 20/09/2025 theo giờ đồng hồ)");
    expect(s.handle('tiếp đến 22h30').text).toContain('hãy viết tiếp đến T+02:30 (đến 22:30 20/09/2025 theo giờ đồng hồ)');
    expect(s.handle('tiep den 23 gio').text).toContain('hãy viết tiep den T+03:00 (đến 23:00 20/09/2025 theo giờ đồng hồ)');
    s.handle('tiếp 90p');
    expect(s.handle('tiếp 5:00').text).toContain('để chơi đến hết, hãy viết tiếp đến hết (hoặc tiếp 2h30m)');
    expect(s.handle('tiep 5:00').text).toContain('để chơi đến hết, hãy viết tiep den het (hoặc tiep 2h30m)');
    // a step in hours past the end that is a time of day within it
    expect(s.handle('chờ 22h').text).toContain("'22h' nữa là T+23:30, đã quá giờ kết thúc diễn tập (T+04:00): hãy viết chờ 2h30m hoặc chờ đến hết để chơi đến hết, hoặc, nếu ý bạn là giờ đồng hồ, chờ T+02:00 (đến 22:00 20/09/2025 theo giờ đồng hồ)");
    expect(s.handle('tiếp đến 23h').text).toContain('nếu ý bạn là giờ đồng hồ, tiếp đến T+03:00 (đến 23:00 20/09/2025 theo giờ đồng hồ)');
    expect(s.t).toBe(90 * 60);
    s.handle('chờ T+02:00');
    expect(s.t).toBe(2 * 3600);
  });

  it('reads the controller\'s jump and an inject\'s time the same way', () => {
    const s = session('en', true);
    s.handle('role controller');
    expect(s.handle('jump 23:00').text).toContain("'23:00' is not a time; write jump T+03:00 (to 23:00 20/09/2025 by the wall clock)");
    expect(s.handle('inject mx-commander at 21:15 Call | Call the chair').text).toContain("'21:15' is not a time; write T+01:15 (to 21:15 20/09/2025 by the wall clock)");
    expect(s.handle('jump 5:00').text).toContain('T+05:00 is after the end; 05:00 21/09/2025 by the wall clock is T+09:00, after the end; write a time between T+00:00 and T+04:00');
    expect(s.handle('jump T+03:00').refused).toBeFalsy();
    expect(s.t).toBe(3 * 3600);
  });

  it('reads the time the wall clock shows now as now, not as the next day', () => {
    const s = session('en', true);
    s.handle('role controller');
    s.handle('advance 75m'); // 21:15 by the wall clock
    // an inject may be for now: offered at T+01:15, where the next day's 21:15 (T+25:15) was refused as past the end
    expect(s.handle('inject mx-commander at 21:15 Call | Call the chair').text).toContain("'21:15' is not a time; write T+01:15 (to 21:15 20/09/2025 by the wall clock)");
    expect(s.handle('inject mx-commander at T+01:15 Call | Call the chair').refused).toBeFalsy();
    // a step or a jump to it goes nowhere, and says it is now
    expect(s.handle('advance 21:15').text).toContain('21:15 20/09/2025 by the wall clock is now (T+01:15); to play to the end, write advance until end (or advance 2h45m)');
    expect(s.handle('jump 21:15').text).toContain('21:15 20/09/2025 by the wall clock is now (T+01:15); write a time between T+01:15 and T+04:00');
    expect(s.handle('advance until T+01:15').text).toContain('time only moves forward (T+01:15 is not after T+01:15)');
    expect(s.t).toBe(75 * 60);
    const v = session('vi', true);
    v.handle('vai controller');
    v.handle('tiếp 75p');
    expect(v.handle('tiếp 21:15').text).toContain('21:15 20/09/2025 theo giờ đồng hồ là bây giờ (T+01:15)');
  });
});

describe('a time or a length of more seconds than a number holds exactly', () => {
  it('advance says it is too long, with how to play to the end; it was "cannot advance by" or a reading at T+1666666666666666800:40', () => {
    const s = session();
    const toEnd = 'it is more seconds than a number holds exactly; to play to the end, write advance until end (or advance 4h)';
    expect(s.handle('advance 99999999999999999999999h').text).toContain(`cannot read that: '99999999999999999999999h' is too long to be a time or a length: ${toEnd}`);
    expect(s.handle('advance T+99999999999999999999d00:00').text).toContain(`'T+99999999999999999999d00:00' is too long to be a time or a length: ${toEnd}`);
    expect(s.handle('advance 99999999999999999999').text).toContain(`'99999999999999999999' is too long to be a time or a length: ${toEnd}`);
    expect(s.handle('advance until 99999999999999999999h').text).toContain('to play to the end, write advance until end (or advance until T+04:00)');
    expect(s.t).toBe(0);
    // what it says is taken
    s.handle('advance until end');
    expect(s.finished).toBe(true);
  });

  it('jump and inject ... at say it is too long, with the times there are; in Vietnamese too', () => {
    const s = session('en', true);
    s.handle('role controller');
    expect(s.handle('jump T+99999999999999999999d00:00').text).toContain("cannot read that: 'T+99999999999999999999d00:00' is too long to be a time: it is more seconds than a number holds exactly; write a time between T+00:00 and T+04:00");
    expect(s.handle('inject mx-commander at 99999999999999999999999h Call | Text').text).toContain("'99999999999999999999999h' is too long to be a time: it is more seconds than a number holds exactly; write a time between T+00:00 and T+04:00");
    const vi = session('vi', true);
    expect(vi.handle('tiếp 99999999999999999999999h').text).toContain("'99999999999999999999999h' quá dài để là một thời điểm hay một khoảng thời gian: số giây lớn quá mức máy tính đếm được chính xác; để chơi đến hết, hãy viết tiếp đến hết (hoặc tiếp 4h)");
    vi.handle('role controller');
    expect(vi.handle('jump T+99999999999999999999d00:00').text).toContain("'T+99999999999999999999d00:00' quá dài để là một thời điểm: số giây lớn quá mức máy tính đếm được chính xác; hãy viết một thời điểm từ T+00:00 đến T+04:00");
  });
});
