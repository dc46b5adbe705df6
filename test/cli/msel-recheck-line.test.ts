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

describe("drill msel import refused by the whole scenario's check of one row", () => {
  it('names the column of the cell as well as the row, in both languages, as its warnings do', () => {
    // it said 'row 3:' alone: the planner had to find which of the row's cells the scenario's check meant
    const { scenario, sheet } = exportedSheet('drillsim-msel-recheck-col-', 'scenarios/ky-son-flash-flood.yaml', 'k.yaml');
    const text = readFileSync(sheet, 'utf8');
    const edited = text.replace('evacuate zone=ta-ca-riverside within=1h30m', 'evacuate area=ta-ca within=1h30m');
    expect(edited).not.toBe(text);
    writeFileSync(sheet, edited);
    const en = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', 'en'], { env: PLAIN });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${sheet}: row 3, column expected action: inject 'province-directive' expects \`evacuate area=ta-ca\``);
    const vi = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', 'vi'], { env: PLAIN });
    expect(vi.stderr).toContain(`${sheet}: hàng 3, cột expected action: tình huống 'province-directive' yêu cầu \`evacuate area=ta-ca\``);
  });
});
