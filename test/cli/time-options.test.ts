/**
 * `drill run --until 3` and `drill fork --at 2`: a number without its unit. The message says so and writes
 * the time meant, in the unit that falls within the run first, as the scenario's own check says "a number
 * alone has no unit".
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir, writeDecisions } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml'; // horizon 4h
const HELP = '(drill run --help lists the options)';

describe('a time option given as a bare number', () => {
  it('--until 3 says the number has no unit and writes 3h (hours first: 3 hours fall within the 4-hour run)', () => {
    const r = drill(['run', S, '--until', '3']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`drill run: --until: '3' is not a time: a number alone has no unit; write 3h for 3 hours after the start, or 3m for 3 minutes\n${HELP}\n`);
    // what it suggests is taken
    expect(drill(['run', S, '--until', '3h', '--quiet']).code).toBe(0);
  });

  it('--until 30 on a 4-hour run puts minutes first (30 hours is past the end)', () => {
    expect(drill(['run', S, '--until', '30']).stderr.split('\n')[0]).toBe("drill run: --until: '30' is not a time: a number alone has no unit; write 30m for 30 minutes after the start, or 30h for 30 hours");
  });

  it('--until past the horizon is said on stderr (the run ends at the horizon); at the horizon nothing is said', () => {
    const r = drill(['run', S, '--until', '99h']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("drill run: --until 99h is past the scenario's horizon: the run ends at T+04:00\n");
    expect(r.stdout).toContain('T+00:00 to T+04:00');
    expect(drill(['run', S, '--until', '4h']).stderr).toBe('');
  });

  it('a decimal number is written in the units it means, and 1 is said in the singular', () => {
    expect(drill(['run', S, '--until', '1.5']).stderr.split('\n')[0]).toBe("drill run: --until: '1.5' is not a time: a number alone has no unit; write 1h30m for 1.5 hours after the start, or 1m30s for 1.5 minutes");
    expect(drill(['run', S, '--until', '1']).stderr.split('\n')[0]).toBe("drill run: --until: '1' is not a time: a number alone has no unit; write 1h for 1 hour after the start, or 1m for 1 minute");
  });

  it('a negative time is said to be before the start, with the time written the right way', () => {
    const r = drill(['run', S, '--until', '-1h']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("drill run: --until: '-1h' is before the start; times count from the start (T+00:00): write e.g. 1h or T+01:00");
  });

  it('--until 5:00 (a clock time) says times count from the start, what they are written as, and the T+ of the clock time meant', () => {
    const r = drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--until', '5:00']); // starts 18:00, horizon 18h
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe("drill run: --until: '5:00' is not a time: times count from the start (T+00:00, 18:00 local), not by the clock: write a length of time like 5h or 30m, or T+hh:mm; for 5h after the start, write 5h or T+05:00; if you meant the clock time 05:00 the next day, write T+11:00\n" + HELP + '\n');
    // on the 4-hour run the clock time is past its end, and that is said
    expect(drill(['run', S, '--until', '21:30']).stderr.split('\n')[0]).toBe("drill run: --until: '21:30' is not a time: times count from the start (T+00:00, 20:00 local), not by the clock: write a length of time like 5h or 30m, or T+hh:mm; for 21h30m after the start, write 21h30m or T+21:30; if you meant the clock time 21:30, write T+01:30");
    expect(drill(['run', S, '--until', '5:00']).stderr.split('\n')[0]).toMatch(/; the clock time 05:00 the next day would be T\+09:00, after the end of the scenario \(horizon 4h\)$/);
  });

  it('--until given as an ISO date and time says what the options take and the T+ of that moment from the scenario\'s start', () => {
    const forms = "times count from the start (T+00:00, 20:00 local), not by the clock: write a length of time like 5h or 30m, or T+hh:mm";
    const first = (v: string) => drill(['run', S, '--until', v]).stderr.split('\n')[0]; // minimal starts 2025-09-20T20:00:00+07:00, horizon 4h
    expect(first('2025-09-20T23:00+07:00')).toBe(`drill run: --until: '2025-09-20T23:00+07:00' is not a time: ${forms}; that date and time is T+03:00, 3h after the start: write 3h or T+03:00`);
    // without an offset, the start's; in UTC, converted
    expect(first('2025-09-20 22:30')).toMatch(/; that date and time is T\+02:30, 2h30m after the start: write 2h30m or T\+02:30$/);
    expect(first('2025-09-20T16:00Z')).toMatch(/; that date and time is T\+03:00, 3h after the start/);
    expect(first('2025-09-21T05:00')).toMatch(/; that date and time would be T\+09:00, after the end of the scenario \(horizon 4h\)$/);
    expect(first('2025-09-19T05:00')).toMatch(/; that date and time is before the start \(2025-09-20T20:00:00\+07:00\)$/);
  });

  it('--until 5:00 under --lang vi is said in Vietnamese, the pointer to --help too', () => {
    const r = drill(['run', S, '--until', '5:00', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("drill run: --until: '5:00' không phải một thời điểm: thời điểm được tính từ lúc bắt đầu (T+00:00, tức 20:00 giờ địa phương), không theo giờ đồng hồ: hãy viết một khoảng thời gian như 5h hoặc 30m, hoặc dạng T+hh:mm; để chỉ 5h sau khi bắt đầu, hãy viết 5h hoặc T+05:00; giờ đồng hồ 05:00 ngày hôm sau sẽ là T+09:00, sau khi kịch bản kết thúc (horizon 4h)\n(drill run --help liệt kê các tùy chọn)\n");
  });

  it('a bare number and a time before the start are said in Vietnamese under --lang vi', () => {
    const first = (v: string) => drill(['run', S, '--until', v, '--lang', 'vi']).stderr.split('\n')[0];
    expect(first('30')).toBe("drill run: --until: '30' không phải một thời điểm: một con số đứng một mình thì không có đơn vị; hãy viết 30m cho 30 phút sau khi bắt đầu, hoặc 30h cho 30 giờ");
    expect(first('0')).toBe("drill run: --until: '0' không phải một thời điểm: một con số đứng một mình thì không có đơn vị; hãy viết 0s cho chính lúc bắt đầu");
    expect(first('-1h')).toBe("drill run: --until: '-1h' là trước lúc bắt đầu; thời điểm được tính từ lúc bắt đầu (T+00:00): hãy viết ví dụ 1h hoặc T+01:00");
  });

  it('a time of more seconds than a number holds exactly is said to be too long, with the run\'s end to write instead', () => {
    const first = (v: string, ...more: string[]) => drill(['run', S, '--until', v, ...more]).stderr.split('\n')[0];
    const end = 'the run ends at T+04:00 (4h): write a time up to it, like 4h or T+04:00';
    // it was "'…' is not a time; write it like 'T+02:30' or '2h30m'", as if the notation were wrong
    expect(first('99999999999999999999999h')).toBe(`drill run: --until: '99999999999999999999999h' is too long to be a time: it is more seconds than a number holds exactly; ${end}`);
    expect(first('T+99999999999999999999d01:00')).toBe(`drill run: --until: 'T+99999999999999999999d01:00' is too long to be a time: it is more seconds than a number holds exactly; ${end}`);
    // a bare number: it offered '100000000000000000000h', itself too long to be a duration
    expect(first('99999999999999999999')).toBe(`drill run: --until: '99999999999999999999' is too long to be a time: a number alone has no unit, and as hours or minutes it is more seconds than a number holds exactly; ${end}`);
    expect(first('9999999999999')).toBe("drill run: --until: '9999999999999' is not a time: a number alone has no unit; write 9999999999999m for 9999999999999 minutes after the start (as hours it is more seconds than a number holds exactly)");
    expect(first('99999999999999999999999h', '--lang', 'vi')).toBe("drill run: --until: '99999999999999999999999h' quá dài để là một thời điểm: số giây lớn quá mức máy tính đếm được chính xác; lượt chạy kết thúc lúc T+04:00 (4h): hãy viết một thời điểm không quá lúc đó, như 4h hoặc T+04:00");
    expect(first('99999999999999999999', '--lang', 'vi')).toMatch(/^drill run: --until: '99999999999999999999' quá dài để là một thời điểm: một con số đứng một mình thì không có đơn vị/);
  });

  it('a negative time of more seconds than a number holds is before the start, as -1h is, not too long (EN and VI)', () => {
    const first = (v: string, ...more: string[]) => drill(['run', S, '--until', v, ...more]).stderr.split('\n')[0];
    // it was "'-99999999999999999999h' is too long to be a time", as if it were far past the end
    expect(first('-99999999999999999999h')).toBe("drill run: --until: '-99999999999999999999h' is before the start; times count from the start (T+00:00); the run ends at T+04:00 (4h): write a time up to it, like 4h or T+04:00");
    expect(first('-99999999999999999999h', '--lang', 'vi')).toBe("drill run: --until: '-99999999999999999999h' là trước lúc bắt đầu; thời điểm được tính từ lúc bắt đầu (T+00:00); lượt chạy kết thúc lúc T+04:00 (4h): hãy viết một thời điểm không quá lúc đó, như 4h hoặc T+04:00");
    expect(drill(['run', S, '--until', '-99999999999999999999h']).code).toBe(2);
  });

  describe('drill fork --at', () => {
    let log: string;
    let decisions: string;
    beforeAll(() => {
      const dir = tempDir();
      log = join(dir, 'run.json');
      expect(drill(['run', S, '--out', log, '--quiet']).code).toBe(0);
      decisions = writeDecisions(join(dir, 'd.yaml'), ['mx-commander'], []);
    });

    it('--at 2 is read against the run it forks: 2h first', () => {
      const r = drill(['fork', log, '--at', '2', '--decisions', decisions]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("drill fork: --at: '2' is not a time: a number alone has no unit; write 2h for 2 hours after the start, or 2m for 2 minutes\n(drill fork --help lists the options)\n");
    });

    it('--at of more seconds than a number holds exactly is too long, with the end of the run forked', () => {
      const r = drill(['fork', log, '--at', '99999999999999999999999h', '--decisions', decisions]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe("drill fork: --at: '99999999999999999999999h' is too long to be a time: it is more seconds than a number holds exactly; the run ends at T+04:00 (4h): write a time up to it, like 4h or T+04:00");
    });

    it('--at a negative time of more seconds than a number holds is before the start, in English and Vietnamese', () => {
      const first = (...more: string[]) => drill(['fork', log, '--at', '-99999999999999999999h', '--decisions', decisions, ...more]);
      expect(first().code).toBe(2);
      expect(first().stderr.split('\n')[0]).toBe("drill fork: --at: '-99999999999999999999h' is before the start; times count from the start (T+00:00); the run ends at T+04:00 (4h): write a time up to it, like 4h or T+04:00");
      expect(first('--lang', 'vi').stderr).toBe("drill fork: --at: '-99999999999999999999h' là trước lúc bắt đầu; thời điểm được tính từ lúc bắt đầu (T+00:00); lượt chạy kết thúc lúc T+04:00 (4h): hãy viết một thời điểm không quá lúc đó, như 4h hoặc T+04:00\n(drill fork --help liệt kê các tùy chọn)\n");
    });

    it('--at 21:00 is said as the clock time it may be (the run starts 20:00): T+01:00', () => {
      const r = drill(['fork', log, '--at', '21:00', '--decisions', decisions]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe("drill fork: --at: '21:00' is not a time: times count from the start (T+00:00, 20:00 local), not by the clock: write a length of time like 5h or 30m, or T+hh:mm; for 21h after the start, write 21h or T+21:00; if you meant the clock time 21:00, write T+01:00");
    });
  });
});
