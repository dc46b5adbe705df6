/**
 * `drill compare` writes its counts with the thousands grouped, in English as in Vietnamese and as the report
 * writes the same figures ("1,108 at risk"): the English column read 2240 beside the report's 2,240, and a reviewer
 * putting the two side by side at the conference read two notations for one figure.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

describe('drill compare: counts with their thousands grouped', () => {
  it('people evacuated 2,240 (en), 2.240 (vi), as the report says', () => {
    const dir = tempDir('drillsim-compare-thousands-');
    const a = join(dir, 'minimal.json'), b = join(dir, 'cua-lo.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', a, '--quiet']).code).toBe(0);
    expect(drill(['run', 'scenarios/cua-lo-high-rise-fire.yaml', '--out', b, '--quiet']).code).toBe(0);
    for (const [lang, label, value, report] of [
      ['en', 'people evacuated', '2,240', '2,240 people in shelters'],
      ['vi', 'số người đã vào nơi sơ tán', '2.240', '2.240 người đã vào nơi sơ tán'],
    ]) {
      const row = drill(['compare', a, b, '--lang', lang]).stdout.split('\n').find((l) => l.trim().startsWith(label))!;
      expect(row.trim().split(/\s{2,}/).slice(0, 3)).toEqual([label, '0', value]);
      expect(drill(['report', b, '--lang', lang]).stdout).toContain(report);
    }
  });
});
