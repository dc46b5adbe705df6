import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/minimal.yaml';
const dir = tempDir('drillsim-report-csv-');
const p = (f: string) => join(dir, f);

describe('drill report and drill merge on the two results files of a batch', () => {
  const batch = drill(['batch', SCENARIO, '--runs', '4', '--workers', '1', '--out', p('r.json'), '--out', p('r.csv'), '--quiet']);

  it('names the CSV export as such in drill report, as drill merge does, rather than as a run log that is not JSON', () => {
    expect(batch.code).toBe(0);
    for (const args of [['report', p('r.csv')], ['report', p('r.csv'), '--format', 'md'], ['merge', p('r.csv')]]) {
      const r = drill(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/r\.csv: error\[file\] \(file\): this is a CSV export; merge and reports read the JSON results/);
      expect(r.stderr).not.toMatch(/run log|not valid JSON|\uFEFF/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('reads JSON results saved with a byte-order mark (a Windows editor) as the results they are, not as the CSV', () => {
    writeFileSync(p('bom.json'), '\uFEFF' + readFileSync(p('r.json'), 'utf8'));
    const merged = drill(['merge', p('bom.json'), '--out', p('merged.json'), '--quiet']);
    expect([merged.code, merged.stderr]).toEqual([0, '']);
    expect(readFileSync(p('merged.json'))).toEqual(readFileSync(p('r.json')));
    const report = drill(['report', p('bom.json')]);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe(drill(['report', p('r.json')]).stdout);
  });
});
