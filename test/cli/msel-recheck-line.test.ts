/**
 * A sheet that leaves out an inject an objective times (decision_latency_s of dam-rumour): the import refuses it
 * and writes nothing, but named the objective's line in the scenario as the import would have rewritten it
 * (drill's layout of the injects is shorter than Kỳ Sơn's), fifteen lines before where the planner finds it in
 * the file as it is. The line is now the file's own, as a dry run's warnings already gave theirs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

describe('drill msel import refused by the whole scenario\'s check', () => {
  it('names the line of the scenario as it is on disk', () => {
    const { scenario, sheet } = exportedSheet('drillsim-msel-recheck-', 'scenarios/ky-son-flash-flood.yaml', 'k.yaml');
    writeFileSync(sheet, readFileSync(sheet, 'utf8').split('\r\n').filter((row) => !/^\d+,dam-rumour,/.test(row)).join('\r\n'));
    const before = readFileSync(scenario, 'utf8');
    const line = before.split('\n').findIndex((l) => l.includes('of: dam-rumour')) + 1;
    for (const lang of ['en', 'vi']) {
      const r = drill(['msel', 'import', sheet, '--into', scenario, '--lang', lang], { env: PLAIN });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${scenario}:${line}:`);
    }
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });
});
