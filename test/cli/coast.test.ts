/**
 * Sea bans and coasts through the real `drill` command: `drill validate`
 * stops a scenario that would order a sea ban inland (exit 1, file:line:col,
 * the hint), and `drill run --decisions` warns about such a decision, runs,
 * and lists its refusal.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, STACK, tempDir, writeDecisions } from '../helpers/cli.js';

const TYPHOON = 'scenarios/typhoon-landfall-coast.yaml';

describe('drill validate and a sea ban for an area without a coast', () => {
  it('exits 1 with one line at the sea ban: file:line:col, the path, and what to do', () => {
    const dir = tempDir();
    const file = join(dir, 'inland.yaml');
    // the planner forgot that Hải Châu is on the sea
    const text = readFileSync(join(ROOT, TYPHOON), 'utf8').replace(/(- \{ id: hai-chau, name: .*), coast: true \}/, '$1 }');
    writeFileSync(file, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('{ do: sea_ban, area: hai-chau }')) + 1;
    const column = lines[line - 1].indexOf('hai-chau }') + 1;
    const areaLine = lines.findIndex((l) => l.includes('- { id: hai-chau,')) + 1;
    const r = drill(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${file}:${line}:${column}: error[no-coast] injects[3].decision.options[0].commands[1].area: option 'ban-now' of inject 'emergency-bulletin' (the default, taken when nobody answers by the deadline) orders a sea ban in 'hai-chau', which has no coast: the engine refuses it (add \`coast: true\` to area 'hai-chau' (areas[3], line ${areaLine}) if it borders the sea; otherwise name a coastal area instead (nghe-an, cua-lo, quynh-anh))`,
    ]);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    // drill run refuses to run it, with the same line
    const run = drill(['run', file, '--out', join(dir, 'run.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:${line}:${column}: error[no-coast]`);
  });
});

describe('drill run --decisions with a sea ban for an area without a coast', () => {
  it('warns with the place in the file, runs, and lists the refusal with the reason', () => {
    const dir = tempDir();
    const f = writeDecisions(join(dir, 'd.yaml'), ['province-board'], [
      '{ at: T+01:00, role: province-board, do: sea_ban, area: thanh-vinh }',
      '{ at: T+01:00, role: province-board, do: sea_ban, area: cua-lo }',
    ]);
    const r = drill(['run', TYPHOON, '--decisions', f, '--out', join(dir, 'run.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${f}:4:61: warning[no-coast] decisions[0].area: a decision orders a sea ban in 'thanh-vinh', which has no coast: the engine will refuse it (name a coastal area instead (nghe-an, cua-lo, hai-chau, quynh-anh); if 'thanh-vinh' borders the sea, mark it \`coast: true\` in the scenario)\n`);
    expect(r.stdout).toContain(`    refused  ${f}:4  T+01:00  province-board  sea ban in thanh-vinh: Thành Vinh ward has no coast, so there are no boats to keep in port: order the sea ban for a coastal area (Nghệ An province (nghe-an), Cửa Lò ward (cua-lo), Hải Châu commune (hai-chau), Quỳnh Anh commune (quynh-anh)); if it does border the sea, the scenario should mark it coast: true\n`);
    expect(r.stdout).toMatch(/ 1 refused\n/);
  });
});

describe('drill msel import and a sea ban for an area without a coast', () => {
  it('refuses a sheet whose expected action is a sea ban inland, naming the row, and writes nothing', () => {
    const dir = tempDir();
    const target = join(dir, 'typhoon.yaml');
    copyFileSync(join(ROOT, TYPHOON), target);
    const before = readFileSync(target, 'utf8');
    const sheet = drill(['msel', 'export', target, '--format', 'csv']).stdout;
    const edited = sheet.replace('evacuate zone=fishing-fleet within=2h', 'sea_ban area=thanh-vinh within=2h');
    expect(edited).not.toBe(sheet);
    const csv = join(dir, 'msel.csv');
    writeFileSync(csv, edited);
    const r = drill(['msel', 'import', csv, '--into', target]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${csv}: row 5, column expected action: inject 'emergency-bulletin' expects a sea ban in 'thanh-vinh', which has no coast`);
    expect(readFileSync(target, 'utf8')).toBe(before);
  });
});
