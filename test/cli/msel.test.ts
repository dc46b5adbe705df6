import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mselToCsv } from '../../engine/scenario/msel.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';
import { loadScenarioFile } from '../helpers/scenarios.js';

const SCENARIO = join(ROOT, 'scenarios/ky-son-flash-flood.yaml');
const KSN = loadScenarioFile(SCENARIO);

function copyScenario(): string {
  const file = join(tempDir(), 'ky-son.yaml');
  copyFileSync(SCENARIO, file);
  return file;
}

describe('drill msel export', () => {
  it('writes the MSEL as CSV with a byte-order mark, one row per inject', () => {
    const r = drill(['msel', 'export', SCENARIO]);
    expect(r.code).toBe(0);
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(r.stdout).toContain('Tin cảnh báo mưa lớn, lũ quét, sạt lở đất');
    const s = parseScenario(readFileSync(SCENARIO, 'utf8')).ok;
    expect(s).toBe(true);
  });

  it('writes a Markdown table in one language with --lang', () => {
    const r = drill(['msel', 'export', SCENARIO, '--format', 'md', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 2 | T+00:30 (18:30) | Nghệ An provincial civil-defence board | Tà Cạ commune chair | official dispatch | Dispatch on preparing for the rain and floods |');
    expect(r.stdout).not.toContain('Công điện');
    expect(r.stdout).toContain('| # | time | from | to | method |');
    // in Vietnamese, the headings too
    const vi = drill(['msel', 'export', SCENARIO, '--format', 'md', '--lang', 'vi']);
    expect(vi.stdout).toContain('| # | thời điểm | người gửi | người nhận | phương thức | chủ đề | nội dung | hành động mong đợi |');
    expect(vi.stdout).not.toMatch(/\| time \||expected action|deadline/);
    // names and Vietnamese words, not role ids and English notation
    expect(vi.stdout).toContain('| 2 | T+00:30 (18:30) | Ban chỉ huy Phòng thủ dân sự tỉnh Nghệ An | Chủ tịch UBND xã Tà Cạ | công điện |');
    expect(vi.stdout).toContain('| 7 | khi QL7 Tà Cạ - Mường Xén bị chia cắt | Hạt quản lý đường bộ |');
    expect(vi.stdout).not.toMatch(/province-board|road_cut=|\| bulletin \|/);
  });

  it("counts one inject as '1 inject' when it writes, checks and imports (it said '1 injects')", () => {
    const file = join(tempDir(), 'minimal.yaml');
    copyFileSync(join(ROOT, 'scenarios/minimal.yaml'), file);
    const csv = join(tempDir(), 'one.csv');
    expect(drill(['msel', 'export', file, '--out', csv]).stderr).toBe(`${file}: 1 inject written to ${csv}\n`);
    expect(drill(['msel', 'import', csv, '--into', file, '--dry-run']).stdout).toBe(`${csv}: ok: 1 inject would replace the 1 of ${file} (dry run: nothing written)\n`);
    expect(drill(['msel', 'import', csv, '--into', file]).stdout).toBe(`${file}: MSEL replaced: 1 inject -> 1 from ${csv}\n`);
  });

  it('is a usage error (exit 2) for an unknown format or action', () => {
    expect(drill(['msel', 'export', SCENARIO, '--format', 'xlsx']).code).toBe(2);
    const r = drill(['msel', 'swap', SCENARIO]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: drill msel');
  });
});

describe('drill msel import', () => {
  it('export then import leaves the scenario\'s injects as they were', () => {
    const file = copyScenario();
    const csv = join(tempDir(), 'msel.csv');
    expect(drill(['msel', 'export', file, '--out', csv]).code).toBe(0);
    const r = drill(['msel', 'import', csv, '--into', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MSEL replaced: 18 injects -> 18');
    const before = parseScenario(readFileSync(SCENARIO, 'utf8'));
    const after = parseScenario(readFileSync(file, 'utf8'));
    expect(after.ok && before.ok && after.scenario).toEqual(before.ok && before.scenario);
  });

  it('reports a bad time in row 7 and an unknown role in row 9, exits 1 and leaves the scenario byte-identical', () => {
    const file = copyScenario();
    const bytes = readFileSync(file);
    const r = drill(['msel', 'import', 'test/fixtures/msel/bad-time-row7-role-row9.csv', '--into', file]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe("test/fixtures/msel/bad-time-row7-role-row9.csv: row 7, column time: '25:99' is not a time (write T+02:30 (2 h 30 min after the start), 'when <condition>' or 'if not done 1h after #3')");
    expect(lines[1]).toBe("test/fixtures/msel/bad-time-row7-role-row9.csv: row 9, column to: unknown role 'tc-chiar' (did you mean 'tc-chair'?)");
    expect(lines[2]).toBe('2 problems in 2 rows; nothing was changed');
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('adds a planner\'s new row and keeps the rest of the file as it was', () => {
    const file = copyScenario();
    const csv = join(tempDir(), 'msel.csv');
    drill(['msel', 'export', file, '--out', csv]);
    const text = readFileSync(csv, 'utf8');
    writeFileSync(csv, text + '19,,T+16:00,information,bulletin,"Đài KTTV, Nghệ An",,province-board,Tin cuối,Final,"Mưa đã dứt, ""an toàn""",All clear,,,,,,\r\n');
    const r = drill(['msel', 'import', csv, '--into', file]);
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const s = parseScenario(after);
    expect(s.ok && s.scenario.injects.at(-1)).toMatchObject({ id: 'inject-19', seq: 19, at: 16 * 3600, from: { vi: 'Đài KTTV, Nghệ An' }, message: { vi: 'Mưa đã dứt, "an toàn"', en: 'All clear' } });
    // everything before the MSEL is untouched, comments included
    const original = readFileSync(SCENARIO, 'utf8');
    const cut = original.indexOf('\ninjects:');
    expect(after.slice(0, cut)).toBe(original.slice(0, cut));
  });

  it('imports again and again into a scenario whose next key follows the injects without a blank line, changing nothing outside the injects', () => {
    const file = join(tempDir(), 'no-blank.yaml');
    const original = readFileSync(SCENARIO, 'utf8').replace(/\n\nobjectives:/, '\nobjectives:');
    writeFileSync(file, original);
    // the sheet with a changed row, so that the section is really rewritten (export itself is tested above)
    const csv = join(tempDir(), 'msel.csv');
    writeFileSync(csv, mselToCsv(KSN.injects).replace('Relief convoy ready', 'Relief convoy at Con Cuông'));
    for (const round of [1, 2]) {
      const r = drill(['msel', 'import', csv, '--into', file]);
      expect(r.stderr, `import ${round}`).toBe('');
      expect(r.code).toBe(0);
    }
    const after = readFileSync(file, 'utf8');
    const cut = (t: string) => [t.slice(0, t.indexOf('\ninjects:')), t.slice(t.indexOf('\nobjectives:'))];
    expect(cut(after)).toEqual(cut(original));
    const s = parseScenario(after);
    expect(s.ok && s.scenario.injects.at(-1)?.subject).toEqual({ vi: 'Đoàn cứu trợ sẵn sàng', en: 'Relief convoy at Con Cuông' });
  });

  it('keeps the blank line between the injects and the next section', () => {
    const file = copyScenario();
    const csv = join(tempDir(), 'msel.csv');
    writeFileSync(csv, mselToCsv(KSN.injects).replace('Relief convoy ready', 'Relief convoy at Con Cuông'));
    expect(drill(['msel', 'import', csv, '--into', file]).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const original = readFileSync(SCENARIO, 'utf8');
    expect(after.slice(after.indexOf('Relief convoy at Con Cuông'))).toContain('\n\nobjectives:');
    expect(after.slice(after.indexOf('\nobjectives:'))).toBe(original.slice(original.indexOf('\nobjectives:')));
  });

  it('imports times written without T+ as time since the start, and says so once for the sheet on stderr', () => {
    const file = copyScenario();
    const sheet = join(tempDir(), 'bare.csv');
    writeFileSync(sheet, mselToCsv(KSN.injects).replace(/^2,province-directive,T\+00:30,/m, '2,province-directive,00:30,').replace(/^4,night-evacuation,T\+01:45,/m, '4,night-evacuation,01:45,'));
    const r = drill(['msel', 'import', sheet, '--into', file]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('warning'))).toEqual([
      `${sheet}: column time: warning: rows 3 and 5 give their times without 'T+', read as time since the start. `
      + "Row 3: '00:30' is T+00:30, 30 min after the start (2022-10-01 18:30 local); if you meant the clock time 00:30 the next day, write T+06:30. "
      + "Row 5: '01:45' is T+01:45, 1 h 45 min after the start (2022-10-01 19:45 local); if you meant the clock time 01:45 the next day, write T+07:45 "
      + '(write T+ before each time; the start, T+00:00, is 18:00 local)',
    ]);
    expect(r.stdout).toContain('MSEL replaced');
    // read as written: the injects are where they were
    expect(parseScenario(readFileSync(file, 'utf8')).ok && loadScenarioFile(file).injects.map((i) => i.at)).toEqual(KSN.injects.map((i) => i.at));
  });

  it('says what to do with a sheet that is not UTF-8 text, and with no --into', () => {
    const file = copyScenario();
    const csv = join(tempDir(), 'latin1.csv');
    writeFileSync(csv, Buffer.from('number,time\r\n1,T+00:00 \xe0\xe1\xff\xfe\r\n', 'latin1'));
    const r = drill(['msel', 'import', csv, '--into', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CSV UTF-8');
    expect(r.stderr).not.toMatch(STACK);
    expect(drill(['msel', 'import', csv]).code).toBe(2);
  });
});
