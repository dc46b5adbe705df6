/**
 * A sweep's differences say whether they are better or worse: a planner reading "-8.7 [-10.4, -7.04] *" on people
 * lost and "-131 [...] *" on people still at risk had to work out, row by row, that fewer is good on both, and that
 * "+0.72 *" decisions taken is neither. Where the runs show a difference (`*`) and the metric has a side that is
 * better whatever the plan, the table says "better" or "worse" after the `*` (format.ts metricDirection).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const LIBRARY = 'scenarios/nam-dan-compound-flood.yaml';

/** The rows of the table of differences from the first value. */
const differences = (stdout: string, heading: RegExp) => {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  expect(start).toBeGreaterThan(0);
  return lines.slice(start);
};

describe('drill batch --vary: better or worse beside each difference the runs show', () => {
  let dir = '', results = '';
  beforeAll(() => {
    dir = tempDir('drillsim-batch-directions-');
    results = join(dir, 'boats.json');
    // no boat team against one: without boats the stranded wait for the militia
    const r = drill(['batch', LIBRARY, '--runs', '60', '--workers', '1', '--quiet', '--vary', 'unit.pc07-boats.copies=0,1', '--out', results, '--lang', 'en']);
    expect(r.code).toBe(0);
  });

  it('one boat team loses fewer people: "better" on that row, and on the people still at risk and the first unit on scene', () => {
    const rows = differences(drill(['report', results, '--lang', 'en']).stdout, /^difference from unit\.pc07-boats\.copies=0, run for run/);
    expect(rows).toContainEqual(expect.stringMatching(/^people lost +-[\d.]+ \[-[\d.]+, -[\d.]+\] \* better$/));
    // more rescued is not said better: a plan that leaves more people to be caught rescues more of them
    expect(rows).toContainEqual(expect.stringMatching(/^people rescued +\+[\d.]+ \[.*\] \*$/));
    expect(rows).toContainEqual(expect.stringMatching(/^people still at risk +-[\d.]+ \[.*\] \* better$/));
    expect(rows).toContainEqual(expect.stringMatching(/^mean first on scene +-\d+ min \[.*\] \* better$/));
    expect(rows).toContainEqual(expect.stringMatching(/^incidents contained = resolved +\+[\d.]+ \[.*\] \*$/));
    expect(rows.join('\n')).toContain('better, worse: fewer lost or still at risk');
  });

  it('says nothing where the side that is good depends on the plan, nor where the runs show no difference', () => {
    const rows = differences(drill(['report', results, '--lang', 'en']).stdout, /^difference from/);
    // the runs show one more decision, which is not in itself better or worse
    expect(rows).toContainEqual(expect.stringMatching(/^decisions taken +\+[\d.]+ \[\+[\d.]+, \+[\d.]+\] \*$/));
    expect(rows).toContainEqual(expect.stringMatching(/^people at risk +[-+\d.]+ \[[^\]]+\]$/));
    expect(rows).toContainEqual(expect.stringMatching(/^people evacuated +0 \[0, 0\]$/));
    // an interval that holds 0 on a metric with a side: no *, and no word
    expect(rows).toContainEqual(expect.stringMatching(/^max first on scene +-\d+ min \[-\d+ min, \+\d+ min\]$/));
    // the table before the differences (means side by side) says nothing of the kind
    const before = drill(['report', results, '--lang', 'en']).stdout.split(/^difference from/m)[0];
    expect(before).not.toMatch(/\b(better|worse)\b/);
  });

  it('the other way round, fewer boats lose more: "worse"', () => {
    const back = join(dir, 'back.json');
    expect(drill(['batch', LIBRARY, '--runs', '60', '--workers', '1', '--quiet', '--vary', 'unit.pc07-boats.copies=1,0', '--out', back]).code).toBe(0);
    const rows = differences(drill(['report', back, '--lang', 'en']).stdout, /^difference from unit\.pc07-boats\.copies=1/);
    expect(rows).toContainEqual(expect.stringMatching(/^people lost +\+[\d.]+ \[.*\] \* worse$/));
    expect(rows).toContainEqual(expect.stringMatching(/^people still at risk +\+[\d.]+ \[.*\] \* worse$/));
    expect(rows).toContainEqual(expect.stringMatching(/^decisions taken +-[\d.]+ \[.*\] \*$/));
  });

  it('in Vietnamese: tốt hơn, and the note under the table says what it means', () => {
    const out = drill(['report', results, '--lang', 'vi']).stdout;
    const rows = differences(out, /^chênh lệch so với unit\.pc07-boats\.copies=0/);
    expect(rows).toContainEqual(expect.stringMatching(/^số người thiệt mạng +-[\d,]+ \[-[\d,]+; -[\d,]+\] \* tốt hơn$/));
    expect(rows).toContainEqual(expect.stringMatching(/^số quyết định được thực hiện +\+[\d,]+ \[[^\]]+\] \*$/));
    expect(rows.join('\n')).toContain('tốt hơn, kém hơn: ít người thiệt mạng');
    expect(out).not.toMatch(/\b(better|worse)\b|⟦/);
  });

  it('the page says it in a word, its colour only a second reading of the word, the figures aligned in their column', () => {
    const page = join(dir, 'boats.html');
    expect(drill(['report', results, '--out', page, '--lang', 'en']).code).toBe(0);
    const html = readFileSync(page, 'utf8');
    const row = (label: string) => new RegExp(`<tr><th>${label}</th>(<td[^>]*>.*?</td>)</tr>`).exec(html)?.[1];
    expect(row('people lost')).toMatch(/^<td class="shows better">-[\d.]+ \[[^\]]+\] <span class="dir">better<\/span><\/td>$/);
    // no word, its place kept empty so that the column's figures stay aligned
    expect(row('decisions taken')).toMatch(/^<td class="shows">[^<]+ <span class="dir"><\/span><\/td>$/);
    expect(html).toContain('Better, worse: fewer people lost');
    const vi = join(dir, 'boats-vi.html');
    expect(drill(['report', results, '--out', vi, '--lang', 'vi']).code).toBe(0);
    expect(readFileSync(vi, 'utf8')).toContain('<span class="dir">tốt hơn</span>');
  });
});
