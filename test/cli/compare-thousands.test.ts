/**
 * `drill compare` writes its counts with the thousands grouped, in English as in Vietnamese and as the report
 * writes the same figures ("1,108 at risk"): the English column read 1540 beside the report's 1,540, and a reviewer
 * putting the two side by side at the conference read two notations for one figure.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

describe('drill compare: counts with their thousands grouped', () => {
  it('people evacuated 1,540 (en), 1.540 (vi), as the report says', () => {
    const dir = tempDir('drillsim-compare-thousands-');
    const [a, b] = ['early', 'late'].map((n) => join(dir, `${n}.json`));
    for (const [which, out] of [['early', a], ['late', b]]) {
      expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--decisions', `scenarios/decisions/ky-son-evacuate-${which}.yaml`, '--out', out, '--quiet']).code).toBe(0);
    }
    for (const [lang, label, value, other, report] of [
      ['en', 'people evacuated', '1,540', '1,023', '1,540 people in shelters'],
      ['vi', 'số người đã vào nơi sơ tán', '1.540', '1.023', '1.540 người đã vào nơi sơ tán'],
    ]) {
      const row = drill(['compare', a, b, '--lang', lang]).stdout.split('\n').find((l) => l.trim().startsWith(label))!;
      expect(row.trim().split(/\s{2,}/).slice(0, 3)).toEqual([label, value, other]);
      expect(drill(['report', a, '--lang', lang]).stdout).toContain(report);
    }
  });
});
