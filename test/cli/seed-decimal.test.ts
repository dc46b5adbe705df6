/**
 * `--seed 0x10` ran, and was logged, as seed 16 (and `1e3` as 1000, `5.0` as 5): the number a planner writes
 * down beside a run is not the one the log holds. Seeds, and every number option, are decimal digits; another
 * form is refused with the number it would have read as, to write instead. The same check in every command.
 */
import { describe, expect, it } from 'vitest';
import { drill } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';

describe('a number option written in another form than decimal digits', () => {
  it('drill run --seed 0x10, 1e3, 5.0 and 0b11 are refused, with the decimal number to write', () => {
    for (const [value, n] of [['0x10', 16], ['1e3', 1000], ['5.0', 5], ['0b11', 3]] as const) {
      const r = drill(['run', S, '--seed', value]);
      expect([r.code, r.stdout], value).toEqual([2, '']);
      expect(r.stderr).toBe(`drill run: --seed must be a whole number written in decimal digits, not '${value}' (if ${n} is meant, write --seed ${n})\n(drill run --help lists the options)\n`);
    }
    // decimal digits still read, leading zeros and all
    expect(drill(['run', S, '--seed', '007']).stdout).toContain('seed 7,');
  });

  it('drill batch (--seed, --runs) and drill play say the same', () => {
    expect(drill(['batch', S, '--runs', '2', '--seed', '0x10']).stderr.split('\n')[0]).toBe("drill batch: --seed must be a whole number written in decimal digits, not '0x10' (if 16 is meant, write --seed 16)");
    expect(drill(['batch', S, '--runs', '1e1']).stderr.split('\n')[0]).toBe("drill batch: --runs must be a whole number written in decimal digits, not '1e1' (if 10 is meant, write --runs 10)");
    const play = drill(['play', S, '--role', 'mx-commander', '--seed', '0x10'], { input: 'quit\n' });
    expect(play.code).toBe(2);
    expect(play.stderr.split('\n')[0]).toBe("drill play: --seed must be a whole number written in decimal digits, not '0x10' (if 16 is meant, write --seed 16)");
  });

  it('in Vietnamese under --lang vi', () => {
    const r = drill(['run', S, '--seed', '1e3', '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("drill run: --seed phải là số nguyên viết bằng chữ số thập phân, không phải '1e3' (nếu muốn số 1000, hãy viết --seed 1000)\n(drill run --help liệt kê các tùy chọn)\n");
  });
});
