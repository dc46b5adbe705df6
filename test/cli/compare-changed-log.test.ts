/**
 * `drill compare` of a run log changed after it was written (an event edited by hand: nobody lost; its embedded
 * scenario edited) warns before anything it shows, as `drill report` warns at the top of the report. It printed
 * both logs with the same hash, "the differences are not the decisions", and the edited figures, with no word
 * that one log had been tampered with.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

describe('drill compare of a log changed after it was written', () => {
  const dir = tempDir('drillsim-compare-changed-');
  const a = join(dir, 'a.json'), edited = join(dir, 'edited.json'), scenario = join(dir, 'scenario.json');

  it('warns, in English and in Vietnamese, naming the side and the file, and only of the changed log', () => {
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', a, '--quiet']).code).toBe(0);
    const text = readFileSync(a, 'utf8');
    const line = text.split('\n').find((l) => l.includes('"type":"incident.people"') && l.includes('"lost":1'))!;
    expect(line).toBeDefined();
    writeFileSync(edited, text.replace(line, line.replace('"lost":1', '"lost":0')));
    writeFileSync(scenario, text.replace('House collapse', 'House kollapse'));

    const en = drill(['compare', a, edited, '--lang', 'en']);
    expect(en.code).toBe(0);
    const warnings = en.stdout.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toEqual([`warning: b's hash chain does not match its events: ${edited} was changed after it was written, so what compare shows of it may be false (drill verify ${edited} says what differs)`]);
    // before the differences it shows
    expect(en.stdout.indexOf('warning:')).toBeLessThan(en.stdout.indexOf('First divergence'));

    const vi = drill(['compare', edited, a, '--lang', 'vi']);
    expect(vi.stdout).toContain(`cảnh báo: chuỗi băm của a không khớp với các sự kiện: ${edited} đã bị thay đổi sau khi ghi`);

    const sc = drill(['compare', a, scenario, '--lang', 'en']);
    expect(sc.stdout.split('\n').filter((l) => l.startsWith('warning:'))).toEqual([`warning: the scenario embedded in b does not match its hash: it was edited in ${scenario} after the run, so what compare shows of it may be false (drill verify ${scenario} says what differs)`]);

    // two logs as written: no warning
    expect(drill(['compare', a, a, '--lang', 'en']).stdout).not.toContain('warning:');
    // and --json says it too
    expect(JSON.parse(drill(['compare', a, edited, '--json']).stdout)).toMatchObject({ a: { hash_ok: true, scenario_ok: true }, b: { hash_ok: false, scenario_ok: true } });
  });
});
