/**
 * A role, a time or an id pasted into a sheet from a document or a chat may carry a character that shows as
 * nothing (a zero-width space, a soft hyphen): the import said "unknown role 'mx-commander' (did you mean
 * 'mx-commander'?)", the two looking the same to the planner. A time kept as text with a leading "'" was
 * "''T+00:22' is not a time". Both are now read as the cell the planner sees.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const PLAIN = PLAIN_LOCALE;

describe('drill msel import of cells with characters that show as nothing', () => {
  it('reads them as the cells the planner sees', () => {
    const { dir, scenario, sheet } = exportedSheet('drillsim-msel-invisible-');
    const english = join(dir, 'plain.yaml');
    copyFileSync('scenarios/minimal.yaml', english);
    expect(drill(['msel', 'import', sheet, '--into', english]).code).toBe(0);
    writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(',mx-commander,', ',mx-commander\u200b,').replace(',first-call,', ',first\u00ad-call,').replace(',T+00:22,', ",'T+00:22,"));
    const r = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(english, 'utf8'));
  });
});
