/**
 * Results files edited by hand, given to `drill merge` and `drill report`.
 *
 * A shard with one run's line cut out was refused as "the files hold 11 of the batch's 12 runs; missing: 4
 * (missing shards: )": an empty list of shards, when every shard was given. A shard whose run line was edited
 * to another shard's run was "run 2 is in both a.json and b.json (give each shard once)", when each was given
 * once. A whole batch with a line cut out was told to "give every shard of the batch". Each is now said of the
 * file that changed: what it lacks or holds that drill batch does not write there, and to write it again.
 *
 * A figure edited to text ("people_lost": "24") or a rating no batch writes ("X") was read without a word:
 * merge counted the run as one where nothing was lost ("never") and its rating in none of P, S, M, U, so the
 * merged table and page were wrong. It is now refused with the file, the line and the field.
 *
 * drill report printed a results file with a run's line cut out (or copied, or changed to another run) without a
 * word: the stored aggregates of 12 runs above 11 runs, the page's totals not those of the runs it drew. It now
 * refuses it as drill merge does, in merge's words, and writes no page. A number changed to another number (a
 * run's figure, or a total) it still shows as the file holds it (drill verify is the check), but it says on stderr,
 * with the file and the line of the totals, that they no longer match the runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';
let dir: string;
const f = (name: string) => join(dir, name);
/** The file's lines, changed by `edit`, written as `name`. */
function edited(from: string, name: string, edit: (lines: string[]) => string[]): string {
  writeFileSync(f(name), edit(readFileSync(f(from), 'utf8').split('\n')).join('\n'));
  return f(name);
}
const runLine = (lines: string[], j: number) => lines.findIndex((l) => l.startsWith(`{"j":${j},`));

beforeAll(() => {
  dir = tempDir('drillsim-merge-edited-');
  for (const i of [1, 2, 3]) expect(drill(['batch', S, '--runs', '12', '--shard', `${i}/3`, '--workers', '1', '--out', f(`s${i}.json`), '--quiet']).code).toBe(0);
  expect(drill(['batch', S, '--runs', '12', '--workers', '1', '--out', f('whole.json'), '--out', f('whole.csv'), '--quiet']).code).toBe(0);
});

describe('drill merge: a shard edited or cut since it was written', () => {
  it('a shard with a run cut out is named, with the run it lacks, not "missing shards: " with none', () => {
    const cut = edited('s1.json', 'cut.json', (ls) => ls.filter((_, i) => i !== runLine(ls, 4)));
    const r = drill(['merge', cut, f('s2.json'), f('s3.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`drill merge: ${cut} is not what drill batch wrote: it lacks these runs of its shard 1/3: 4\n`
      + '  (a line was cut out of it or edited since: write it again with the same drill batch command (its --shard 1/3), or copy it again)\n');
    expect(r.stderr).not.toContain('missing shards');
    const vi = drill(['merge', cut, f('s2.json'), f('s3.json'), '--lang', 'vi']);
    expect(vi.stderr).toBe(`drill merge: ${cut} không còn như drill batch đã ghi: tệp thiếu các lượt chạy sau của phần 1/3: 4\n`
      + '  (một dòng của tệp đã bị cắt bỏ hoặc bị sửa: hãy ghi lại tệp bằng đúng lệnh drill batch đó (với --shard 1/3 của tệp), hoặc chép lại tệp)\n');
  });

  it('a shard holding another shard\'s run is named as edited, not as a shard given twice', () => {
    const moved = edited('s1.json', 'moved.json', (ls) => ls.map((l) => l.replace(/^\{"j":1,"run":1,/, '{"j":2,"run":2,')));
    const r = drill(['merge', moved, f('s2.json'), f('s3.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`drill merge: ${moved} is not what drill batch wrote: it lacks these runs of its shard 1/3: 1; it holds runs that are not of its shard 1/3: 2`);
    expect(r.stderr).not.toContain('give each shard once');
  });

  it('a whole batch with a run cut out is not told to give every shard', () => {
    const cut = edited('whole.json', 'whole-cut.json', (ls) => ls.filter((_, i) => i !== runLine(ls, 7)));
    const r = drill(['merge', cut]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`drill merge: ${cut} is not what drill batch wrote: it lacks these runs of the batch: 7`);
    expect(r.stderr).not.toContain('give every shard');
  });

  it('the shards as written still merge into the whole batch, to the byte', () => {
    const r = drill(['merge', f('s3.json'), f('s1.json'), f('s2.json'), '--out', f('merged.json'), '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(f('merged.json'), 'utf8')).toBe(readFileSync(f('whole.json'), 'utf8'));
  });
});

describe('drill report: a results file with a run\'s line cut out, copied or moved since it was written', () => {
  const HINT = '  (a line was cut out of it or edited since: write it again with the same drill batch command, or copy it again)\n';

  it('a whole batch with a run cut out is refused as drill merge refuses it, and no page is written', () => {
    const cut = edited('whole.json', 'report-cut.json', (ls) => ls.filter((_, i) => i !== runLine(ls, 7)));
    const said = `${cut} is not what drill batch wrote: it lacks these runs of the batch: 7\n${HINT}`;
    expect(drill(['merge', cut]).stderr).toBe(`drill merge: ${said}`);
    const r = drill(['report', cut]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `drill report: ${said}`]);
    const page = drill(['report', cut, '--out', f('report-cut.html')]);
    expect([page.code, page.stderr]).toEqual([1, `drill report: ${said}`]);
    expect(existsSync(f('report-cut.html'))).toBe(false);
    expect(drill(['report', cut, '--lang', 'vi']).stderr).toBe(`drill report: ${cut} không còn như drill batch đã ghi: tệp thiếu các lượt chạy sau của loạt chạy: 7\n`
      + '  (một dòng của tệp đã bị cắt bỏ hoặc bị sửa: hãy ghi lại tệp bằng đúng lệnh drill batch đó, hoặc chép lại tệp)\n');
  });

  it('a shard with a run copied twice, or changed to another shard\'s run, is refused with its --shard', () => {
    const twice = edited('s1.json', 'report-twice.json', (ls) => ls.flatMap((l, i) => (i === runLine(ls, 4) ? [l, l] : [l])));
    const r = drill(['report', twice]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`drill report: ${twice} is not what drill batch wrote: it holds runs twice: 4\n`
      + '  (a line was cut out of it or edited since: write it again with the same drill batch command (its --shard 1/3), or copy it again)\n');
    const moved = edited('s1.json', 'report-moved.json', (ls) => ls.map((l) => l.replace(/^\{"j":1,"run":1,/, '{"j":2,"run":2,')));
    expect(drill(['report', moved, '--out', f('report-moved.html')]).stderr.split('\n')[0])
      .toBe(`drill report: ${moved} is not what drill batch wrote: it lacks these runs of its shard 1/3: 1; it holds runs that are not of its shard 1/3: 2`);
    expect(existsSync(f('report-moved.html'))).toBe(false);
  });

  it('the CSV export with a row cut out is named as the CSV, as drill merge names it, and no page is written', () => {
    const csv = readFileSync(f('whole.csv'), 'utf8').split('\r\n');
    writeFileSync(f('report-cut.csv'), csv.filter((_, i) => i !== 5).join('\r\n'));
    for (const args of [['report', f('report-cut.csv'), '--out', f('report-csv.html')], ['merge', f('report-cut.csv')]]) {
      const r = drill(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${f('report-cut.csv')}: error[file] (file): this is a CSV export; merge and reports read the JSON results`);
    }
    expect(existsSync(f('report-csv.html'))).toBe(false);
  });

  it('a run\'s figure or a total changed to another number is shown as the file holds it, with a warning naming the file and the line of the totals', () => {
    let line = 0;
    const total = edited('whole.json', 'report-total.json', (ls) => {
      line = ls.findIndex((l) => l.startsWith('"aggregates":[')) + 2;
      return ls.map((l, i) => (i === line - 1 ? l.replace(/"people_lost":\{"n":12,"never":0,"mean":[\d.]+,/, '"people_lost":{"n":12,"never":0,"mean":20.5,') : l));
    });
    expect(readFileSync(total, 'utf8')).toContain('"mean":20.5,');
    const r = drill(['report', total, '--out', f('report-total.html')]);
    expect(r.code).toBe(0);
    const [warning, written] = r.stderr.split('\n');
    expect(warning).toMatch(new RegExp(`^${total.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: warning: aggregates\\.metrics\\.people_lost\\.mean: the file holds 20\\.5, its runs give [\\d.]+: the totals no longer match the runs`));
    expect(warning).toContain(`(drill verify ${total} <scenario.yaml> plays the runs again and names the figures that were changed;`);
    expect(written).toBe(`${total}: report written to ${f('report-total.html')}`);
    expect(readFileSync(f('report-total.html'), 'utf8')).toContain('</html>');
    const vi = drill(['report', total, '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.stderr).toMatch(new RegExp(`:${line}: cảnh báo: aggregates\\.metrics\\.people_lost\\.mean: tệp ghi 20\\.5, các lượt chạy của tệp cho [\\d.]+: số liệu tổng hợp không còn khớp với các lượt chạy`));
    // a run's figure changed, its totals left as they were
    const run = edited('whole.json', 'report-run.json', (ls) => ls.map((l, i) => (i === runLine(ls, 4) ? l.replace(/"people_lost":(\d+),/, (_m, n) => `"people_lost":${Number(n) + 30},`) : l)));
    const ran = drill(['report', run]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/:\d+: warning: aggregates\.metrics\.people_lost\.mean: the file holds [\d.]+, its runs give [\d.]+ \(\d+ figures of the totals differ in all\): the totals no longer match the runs/);
  });

  it('the files as written are reported, the whole batch and each shard', () => {
    for (const name of ['whole.json', 's1.json', 's2.json', 's3.json']) {
      const r = drill(['report', f(name)]);
      expect([name, r.code, r.stderr]).toEqual([name, 0, '']);
    }
    const page = drill(['report', f('whole.json'), '--out', f('whole.html')]);
    expect(page.code).toBe(0);
    expect(existsSync(f('whole.html'))).toBe(true);
  });
});

describe('a figure of a run edited to what no batch writes', () => {
  it('a number made text is refused with the file, line and field, in merge and in report, and no merged file is written', () => {
    let line = 0;
    const text = edited('s1.json', 'text.json', (ls) => {
      line = runLine(ls, 4) + 1;
      return ls.map((l, i) => (i === line - 1 ? l.replace(/"people_lost":(\d+),/, '"people_lost":"$1",') : l));
    });
    const r = drill(['merge', text, f('s2.json'), f('s3.json'), '--out', f('never.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: error\\[file\\] metrics\\.people_lost: run 4 holds "\\d+" here, where drill batch writes a number \\(or null where it did not come about\\): the file was edited since it was written`));
    expect(r.stdout).toBe('');
    expect(() => readFileSync(f('never.json'))).toThrow();
    const rep = drill(['report', text, '--lang', 'vi']);
    expect(rep.code).toBe(1);
    expect(rep.stderr).toContain(`:${line}: error[file] metrics.people_lost: lượt chạy 4 ở đây có giá trị "`);
  });

  it('in a file re-indented over many lines (JSON.stringify(..., 2)), the line named is the figure\'s own, not its run\'s opening brace', () => {
    const results = JSON.parse(readFileSync(f('s1.json'), 'utf8'));
    const run = results.results.find((x: { j: number }) => x.j === 4);
    const pretty = f('pretty.json');
    /** `run` written so, and the line (1-based) of the first line after run 4's opening that `is` picks */
    const write = (is: (l: string) => boolean) => {
      writeFileSync(pretty, JSON.stringify(results, null, 2));
      const lines = readFileSync(pretty, 'utf8').split('\n');
      const brace = lines.findIndex((l) => l.trim() === '"j": 4,');
      return { brace, line: lines.findIndex((l, i) => i > brace && is(l)) + 1 };
    };
    run.metrics.people_lost = String(run.metrics.people_lost);
    const { brace, line } = write((l) => /^ +"people_lost": "\d+",$/.test(l));
    expect(line).toBeGreaterThan(brace + 1);
    const rep = drill(['report', pretty]);
    expect(rep.code).toBe(1);
    expect(rep.stderr).toMatch(new RegExp(`^${pretty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: error\\[file\\] metrics\\.people_lost: run 4 holds "\\d+" here`));
    const merge = drill(['merge', pretty, f('s2.json'), f('s3.json'), '--lang', 'vi']);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toContain(`${pretty}:${line}: error[file] metrics.people_lost: lượt chạy 4 ở đây có giá trị "`);
    // a figure taken out has no line of its own: the line of what holds it
    const objective = Object.keys(run.objectives)[0];
    run.metrics.people_lost = Number(run.metrics.people_lost);
    delete run.objectives[objective].met;
    const at = write((l) => l.trim() === `"${objective}": {`).line;
    expect(drill(['report', pretty]).stderr).toContain(`${pretty}:${at}: error[file] objectives.${objective}.met: run 4 holds nothing here`);
  });

  it('a run whose metrics or objectives were edited to null is refused as damaged, with no internal error', () => {
    // it was "drill: internal error: Cannot read properties of null (reading 'people_lost')"
    for (const [key, name] of [['metrics', 'mnull.json'], ['objectives', 'onull.json']] as const) {
      const x = edited('s2.json', name, (ls) => ls.map((l) => (l.startsWith('{"j":2,') ? l.replace(new RegExp(`"${key}":\\{.*?\\}\\}?,"`), `"${key}":null,"`) : l)));
      expect(readFileSync(x, 'utf8')).toContain(`"${key}":null,`);
      for (const r of [drill(['report', x]), drill(['merge', f('s1.json'), x, f('s3.json')])]) {
        expect(r.code, key).toBe(1);
        expect(r.stderr, key).not.toContain('internal error');
        expect(r.stderr, key).toContain('error[file] (file): the results file is damaged: a run record is malformed ({"j":2,');
      }
    }
  });

  it("an objective's outcome edited to null is said to want an outcome, not 'a number (or null ...)' of a null", () => {
    const x = edited('s2.json', 'outcome.json', (ls) => ls.map((l) => (l.startsWith('{"j":2,') ? l.replace(/"objectives":\{"([\w-]+)":\{[^}]*\}/, '"objectives":{"$1":null') : l)));
    const r = drill(['report', x]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[file\] objectives\.[\w-]+: run 2 holds null here, where drill batch writes the objective's outcome, \{ "value": \.\.\., "rating": \.\.\., "met": \.\.\. \}: the file was edited/);
    expect(drill(['report', x, '--lang', 'vi']).stderr).toContain('có giá trị null, trong khi drill batch ghi kết quả của mục tiêu, dạng { "value": ..., "rating": ..., "met": ... }');
  });

  it('a figure written twice in a re-indented record is named at the one that is read (the last), not at the first', () => {
    const results = JSON.parse(readFileSync(f('s1.json'), 'utf8'));
    const run = results.results.find((x: { j: number }) => x.j === 4);
    const lost = run.metrics.people_lost;
    const text = JSON.stringify(results, null, 2).replace(/("j": 4,[\s\S]*?\n(\s+)"people_lost": )(\d+),/, (_m, head, indent, n) => `${head}${n},\n${indent}"people_rescued": 0,\n${indent}"people_lost": "${n}",`);
    const twice = f('twice-key.json');
    writeFileSync(twice, text);
    const lines = text.split('\n');
    const read = lines.findIndex((l) => l.trim() === `"people_lost": "${lost}",`) + 1;
    expect(read).toBeGreaterThan(lines.findIndex((l) => l.trim() === `"people_lost": ${lost},`) + 1);
    const r = drill(['report', twice]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${twice}:${read}: error[file] metrics.people_lost: run 4 holds "${lost}" here`);
  });

  it('a rating no batch writes is refused', () => {
    const x = edited('s2.json', 'rating.json', (ls) => ls.map((l) => (l.startsWith('{"j":2,') ? l.replace(/"rating":"[PSMU]"/, '"rating":"X"') : l)));
    const r = drill(['merge', f('s1.json'), x, f('s3.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[file\] objectives\.[\w-]+\.rating: run 2 holds "X" here, where drill batch writes a rating P, S, M or U \(or null: not tested\)/);
  });
});
