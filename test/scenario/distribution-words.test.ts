/**
 * An impossible distribution of durations is said in the durations the
 * planner wrote (`uniform: [30m, 5m]`: "min (30m) is greater than max (5m)"),
 * not in the seconds the loader turned them into ("min (1800) ... max (300)"),
 * which the planner never wrote and has to convert back to find the mistake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';

const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');

function problems(text: string, lang: 'en' | 'vi' = 'en'): string[] {
  const r = parseScenario(text, 'm.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.filter((i) => i.code === 'bad-distribution').map((i) => (lang === 'en' ? i.message : formatIssueIn(i, lang)));
}

describe('an impossible duration distribution', () => {
  it('names min and max as written, in durations (uniform: [30m, 10m])', () => {
    const text = minimal.replace('mobilisation: { uniform: [10m, 30m] }', 'mobilisation: { uniform: [30m, 10m] }');
    expect(problems(text)).toEqual(['impossible duration distribution: uniform: min (30m) is greater than max (10m)']);
    expect(problems(text, 'vi')[0]).toContain('min (30m) lớn hơn max (10m)');
  });

  it('names a triangular and a truncated normal in durations too', () => {
    expect(problems(minimal.replace('mobilisation: { uniform: [10m, 30m] }', 'mobilisation: { triangular: [1h, 20m, 40m] }'))[0])
      .toBe('impossible duration distribution: triangular: min (1h) is greater than max (40m)');
    expect(problems(minimal.replace('mobilisation: { uniform: [10m, 30m] }', 'mobilisation: { normal: { mean: 2h, sd: 5m, min: 10m, max: 30m } }'))[0])
      .toMatch(/normal\(mean 2h, sd 5m\) lies within the truncation interval \[10m, 30m\]/);
  });

  it('keeps a count distribution in plain numbers (people: { uniform: [16, 6] })', () => {
    const text = minimal.replace('people: { uniform: [2, 6] }', 'people: { uniform: [16, 6] }');
    expect(text).not.toBe(minimal);
    expect(problems(text)).toEqual(['impossible count distribution: uniform: min (16) is greater than max (6)']);
  });
});

describe('a distribution written in none of its forms', () => {
  const issue = (text: string) => {
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    return r.ok ? undefined : r.issues[0];
  };

  it('a list where a duration or a distribution goes (mobilisation: [5m]) is told the forms, not only what the field means', () => {
    const i = issue(minimal.replace('mobilisation: 5m', 'mobilisation: [5m]'))!;
    expect(i).toMatchObject({ code: 'form', path: 'units[1].mobilisation' });
    expect(i.hint).toBe('write one value (20m), or a distribution: { uniform: [min, max] }, { triangular: [min, mode, max] }, { normal: { mean, sd } }, { lognormal: { median, sigma } } or { exponential: mean }');
    expect(formatIssueIn(i, 'vi')).toContain('(hãy viết một giá trị (20m), hoặc một phân phối: { uniform: [min, max] }');
    expect(issue(minimal.replace('people: { uniform: [2, 6] }', 'people: [2, 6]'))!.hint).toMatch(/^write one value \(3\), or a distribution: /);
  });

  it('a family in the other brackets (normal: [2, 6], uniform: { min: 2, max: 6 }) is told its own form; too many items what they hold', () => {
    expect(issue(minimal.replace('people: { uniform: [2, 6] }', 'people: { normal: [2, 6] }'))).toMatchObject({ path: 'incident_kinds[0].people.normal', code: 'type', hint: 'write it normal: { mean: ..., sd: ... } (min: and max: may bound it)' });
    expect(issue(minimal.replace('people: { uniform: [2, 6] }', 'people: { uniform: { min: 2, max: 6 } }'))).toMatchObject({ code: 'type', hint: 'write it uniform: [min, max]' });
    expect(issue(minimal.replace('people: { uniform: [2, 6] }', 'people: { uniform: [2, 6, 8] }'))).toMatchObject({ code: 'too-many', hint: 'it holds [min, max]' });
  });
});

describe('a list of names where a mapping of each to its value goes', () => {
  it('capabilities: [rescue] is told to give each name its value, in braces', () => {
    const r = parseScenario(minimal.replace('capabilities: { rescue: 1 }', 'capabilities: [rescue]'), 'm.yaml');
    expect(r.ok).toBe(false);
    const i = r.ok ? undefined : r.issues[0];
    expect(i).toMatchObject({ path: 'units[0].capabilities', code: 'type', hint: 'write it as a mapping, in braces, each name with its value: capabilities: { rescue: ... }' });
    expect(formatIssueIn(i!, 'vi')).toContain('(hãy viết thành một nhóm khóa, trong ngoặc nhọn, mỗi tên kèm giá trị của nó: capabilities: { rescue: ... })');
  });
});
