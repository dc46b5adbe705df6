/**
 * A planner inserts an inject into the exported sheet and renumbers the rows 1, 2, 3, ... (a sorted MSEL): the
 * contingencies must still chase the injects they chased. Export wrote them as `#N`, so after the renumbering
 * they chased whatever row took that number (an evacuation reminder chasing a river gauge), with nothing said.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { drill, exportedSheet } from '../helpers/cli.js';

type Inj = { id: string; seq: number; contingency?: { for: string; after: string } };
const chases = (file: string) => Object.fromEntries((parse(readFileSync(file, 'utf8')).injects as Inj[]).filter((i) => i.contingency).map((i) => [i.id, i.contingency!.for]));

describe('drill msel import of a sheet with a row inserted and the rows renumbered', () => {
  it('keeps every contingency chasing the inject it chased', () => {
    const { scenario, sheet } = exportedSheet('drillsim-msel-renumber-', 'scenarios/ky-son-flash-flood.yaml');
    const before = chases(scenario);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(2);
    const [header, ...rows] = readFileSync(sheet, 'utf8').trimEnd().split('\n');
    // a new phone call after the first row, then every row numbered again from 1 (multi-line cells continue a row)
    const added = '2,extra-call,T+00:15,information,phone,Trưởng bản,Village head,tc-chair,Mưa to,Heavy rain,Mưa rất to ở bản.,Very heavy rain in the village.,,,,,,';
    const lines = [rows[0], added, ...rows.slice(1)];
    let n = 0;
    const renumbered = lines.map((l) => (/^\d+,[a-z]/.test(l) ? l.replace(/^\d+,/, `${++n},`) : l));
    writeFileSync(sheet, [header, ...renumbered, ''].join('\n'));
    const r = drill(['msel', 'import', sheet, '--into', scenario]);
    expect(r.code, r.stderr).toBe(0);
    expect(chases(scenario)).toEqual(before);
    const seqs = (parse(readFileSync(scenario, 'utf8')).injects as Inj[]).map((i) => i.seq);
    expect(seqs.slice(0, 3)).toEqual([1, 2, 3]);
  });
});
