/**
 * `drill compare` says the two events where the runs part in the report's words, and reads them as the report
 * does: a trainee's evacuation order refused because the flood had already caught people in the zone is "too
 * late", as the report's timeline says of the same event. Compare said "Refused: it was already so" (the log's
 * code, no-change), which a reviewer read as the quarter having been evacuated already, with 560 people caught.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir, writeDecisions } from '../helpers/cli.js';

describe('drill compare: the first divergence in the report\'s words', () => {
  const dir = tempDir('drillsim-compare-words-');
  const late = join(dir, 'late.json'), fork = join(dir, 'fork.json');
  const setUp = () => {
    expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--decisions', 'scenarios/decisions/ky-son-evacuate-late.yaml', '--out', late, '--quiet']).code).toBe(0);
    // the Mường Xén chair taken over at T+05:00, when the flood reaches the low-lying quarter, orders it out: too late
    const d = writeDecisions(join(dir, 'mx.yaml'), ['mx-chair'], ['{ at: T+05:00, role: mx-chair, do: evacuate, zone: muong-xen-lowland }']);
    expect(drill(['fork', late, '--at', 'T+05:00', '--decisions', d, '--out', fork, '--quiet']).code).toBe(0);
  };

  it('an evacuation refused once the hazard had caught people reads "too late", as in the report', () => {
    setUp();
    for (const [lang, said, not] of [
      ['en', '(trainee): evacuate Mường Xén low-lying quarter. Refused: too late: the hazard had already reached the zone, with people still there', 'it was already so'],
      ['vi', '(học viên): sơ tán khu thấp trũng xã Mường Xén. Bị từ chối: quá muộn: hiểm hoạ đã ập đến vùng này khi người dân còn ở đó', 'việc này đã được thực hiện'],
    ]) {
      const c = drill(['compare', late, fork, '--lang', lang]);
      expect(c.code).toBe(0);
      const b = c.stdout.split('\n').find((l) => l.startsWith('  b: T+05:00'))!;
      expect(b).toContain(said);
      expect(b).not.toContain(not);
      // the report of the forked run says the same of the same event
      const r = drill(['report', fork, '--lang', lang]);
      expect(r.stdout).toContain(said);
    }
  });
});
