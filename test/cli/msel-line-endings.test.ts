/**
 * The exported sheet ends its rows with CRLF (as Excel does); a row added in a text editor, or pasted from a
 * tool that writes LF, ends with LF alone. csv-parse took the first row's ending for the whole file, so a bare LF
 * was read as text inside the cell before it: the added row was glued to the one above it, and the planner was
 * told of "a value in a column without a name" for each of its cells. Excel, LibreOffice and Python's csv end a
 * row at any of CRLF, LF or CR outside quotes; so does the import now. Problems in unnamed columns are listed in
 * the order of the columns, not of their text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMselCsv, sortMselIssues } from '../../engine/scenario/msel.js';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

describe('drill msel import of a sheet with mixed line endings', () => {
  it('reads a row ended with LF after rows ended with CRLF as a row of its own', () => {
    const { scenario, sheet } = exportedSheet('drillsim-msel-eol-');
    const exported = readFileSync(sheet, 'utf8');
    expect(exported.endsWith('\r\n')).toBe(true);
    const row = (n: number, at: string) => exported.split('\r\n')[1].replace(/^1,first-call,/, `${n},call-${n},`).replace('T+00:22', at);
    writeFileSync(sheet, exported + row(2, 'T+00:40') + '\n' + row(3, 'T+01:00') + '\n');
    const r = drill(['msel', 'import', sheet, '--into', scenario], { env: PLAIN_LOCALE });
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', `${scenario}: MSEL replaced: 1 inject -> 3 from ${sheet}\n`]);
    expect(readFileSync(scenario, 'utf8')).toContain('  - id: call-2\n    seq: 2\n    at: T+00:40\n');
    expect(readFileSync(scenario, 'utf8')).toContain('  - id: call-3\n    seq: 3\n    at: T+01:00\n');
  });

  it('keeps a line break inside a quoted cell, whatever the rows end with', () => {
    const r = readMselCsv('number,time,from,to,method,subject,message\n1,T+00:10,Hotline,mx-commander,phone,Call,"two\r\nlines"\r\n');
    expect(r.ok && r.rows.map((x) => x.cells.message)).toEqual(['two\r\nlines']);
  });

  it('lists the cells of columns without a name in the order of the columns', () => {
    const r = readMselCsv('number,time,from,to,method,subject,message\r\n1,T+00:10,Hotline,mx-commander,phone,Call,Text,zeta,alpha,mid\r\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(sortMselIssues(r.issues).map((i) => i.column)).toEqual(['8', '9', '10']);
  });
});
