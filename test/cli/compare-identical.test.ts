/**
 * `drill compare` of two runs that are the same run (a fork that took the decisions the other run was given, a
 * log copied): it said 'the differences are not the decisions' and then that there are none.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

describe('drill compare of two identical runs', () => {
  it('names the inputs they share and no cause of differences there are not', () => {
    const dir = tempDir('drillsim-identical-');
    const logs = ['a', 'b'].map((n) => {
      const log = join(dir, `${n}.json`);
      expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
      return log;
    });
    for (const [lang, inputs, identical] of [
      ['en', 'same scenario, seed, players and decisions given', 'The two runs are identical: same events, same hash.'],
      ['vi', 'cùng kịch bản, seed, người chơi và các quyết định được đưa vào', 'Hai lượt chạy giống hệt nhau: cùng các sự kiện, cùng mã băm.'],
    ]) {
      const r = drill(['compare', ...logs, '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').slice(2)).toEqual([inputs, '', identical, '']);
    }
  });
});
