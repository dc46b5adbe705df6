/**
 * A number YAML reads as infinity or as 'not a number' (`crew: 1e309`, `.inf`, `-.inf`, `.nan`), as a fuzzing of
 * the loader found: `drill validate` said "expected a number, got the number Infinity", "severity NaN ... would run
 * as NaN", "the number Infinity is not a duration", "the number -Infinity is a format version this drillsim does
 * not read", in scenarios and in decisions files alike. Each is now said once, at its place, as it was written,
 * with what to write instead, in English and in Vietnamese.
 */
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { drill, ROOT, STACK, tempDir, validateText } from '../helpers/cli.js';

const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
const dir = tempDir('drillsim-non-finite-');
const ENGINE_WORDS = /Infinity|NaN|undefined|object Object/;

/** [where, the line as written, the same line with `{v}` for the value, path, what the hint says] */
const fields: [string, string, string, string, RegExp][] = [
  ['a count', '    crew: 12', '    crew: {v}', 'units\\[0\\]\\.crew', /write the number in digits, from 0 to 9007199254740991/],
  ['a coordinate', '    coords: { lat: 19.40, lon: 104.13 }', '    coords: { lat: {v}, lon: 104.13 }', 'areas\\[1\\]\\.coords\\.lat', /from -90 to 90/],
  ['a severity', '    severity: 3', '    severity: {v}', 'incident_kinds\\[0\\]\\.severity', /severity takes/],
  ['a duration', 'horizon: 4h', 'horizon: {v}', 'horizon', /write it like '90s', '45m'/],
  ['a time', '    at: T+00:20', '    at: {v}', 'incidents\\[0\\]\\.at', /write it like '90s', '45m'/],
  ['a word of a list', '    tier: commune\n    parent', '    tier: {v}\n    parent', 'areas\\[1\\]\\.tier', /one of: national, province, district, commune/],
  ['the format version', 'drillsim: 1', 'drillsim: {v}', 'drillsim', /write drillsim: 1/],
  ['a value of a distribution', 'people: { uniform: [2, 6] }', 'people: { uniform: [2, {v}] }', 'incident_kinds\\[0\\]\\.people\\.uniform\\[1\\]', /from 0 to/],
];

const values: [string, RegExp][] = [
  ['1e309', /'1e309' is too large to be a number/],
  ['-1e309', /'-1e309' is too large to be a number/],
  ['.inf', /'\.inf' is infinity, which is not a number a drill can use/],
  ['-.inf', /'-\.inf' is infinity/],
  ['.nan', /'\.nan' is YAML's 'not a number'/],
];

describe('a number YAML reads as infinity or not a number', () => {
  for (const [where, from, to, path, hint] of fields) {
    it(`in ${where}: said as written, at its place, with what to write, and no 'Infinity' or 'NaN'`, () => {
      expect(minimal).toContain(from);
      for (const [v, said] of values) {
        const text = minimal.replace(from, to.replace('{v}', v));
        const en = validateText(join(dir, `${path.replace(/\W/g, '')}.yaml`), text);
        expect(en.code).toBe(1);
        expect(en.lines.join('\n')).not.toMatch(ENGINE_WORDS);
        expect(en.lines).toContainEqual(expect.stringMatching(new RegExp(`^${en.file}:\\d+:\\d+: error\\[number\\] ${path}: `)));
        const line = en.lines.find((l) => new RegExp(`\\] ${path}: `).test(l))!;
        expect(line).toMatch(said);
        expect(line).toMatch(hint);
        const vi = validateText(join(dir, `${path.replace(/\W/g, '')}-vi.yaml`), text, 'vi');
        expect(vi.code).toBe(1);
        expect(vi.lines.join('\n')).not.toMatch(ENGINE_WORDS);
        expect(vi.lines.join('\n')).toMatch(/quá lớn để là một số|là vô cực|'không phải số'/);
      }
    });
  }

  it("in a decisions file's at:, for validate and run alike", () => {
    const decisions = join(dir, 'd.yaml');
    writeFileSync(decisions, 'drillsim_decisions: 1\nplayers: [mx-commander]\ndecisions:\n  - { at: 1e309, role: mx-commander, do: dispatch, unit: mx-militia, incident: collapse-1 }\n');
    for (const cmd of ['validate', 'run']) {
      const r = drill([cmd, 'scenarios/minimal.yaml', '--decisions', decisions]);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(ENGINE_WORDS);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout + r.stderr).toMatch(/d\.yaml:4:11: error\[number\] decisions\[0\]\.at: '1e309' is too large to be a number: YAML reads it as infinity \(write it like '90s'/);
      const vi = drill([cmd, 'scenarios/minimal.yaml', '--decisions', decisions, '--lang', 'vi']);
      expect(vi.stdout + vi.stderr).toMatch(/decisions\[0\]\.at: '1e309' quá lớn để là một số/);
    }
  });

  it('in a scenario written in JSON', () => {
    const json = join(dir, 's.json');
    writeFileSync(json, JSON.stringify(parse(minimal), null, 2));
    writeFileSync(json, readFileSync(json, 'utf8').replace('"crew": 12', '"crew": 1e309'));
    expect(readFileSync(json, 'utf8')).toContain('1e309');
    const r = drill(['validate', json]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/error\[number\] units\[0\]\.crew: '1e309' is too large to be a number/);
  });
});

describe('a duration of more seconds than a number holds exactly', () => {
  const big = '9'.repeat(30);
  for (const [from, to, path] of [['horizon: 4h', `horizon: ${big}h`, 'horizon'], ['    mobilisation: 5m', `    mobilisation: ${big}m`, 'units\\[1\\]\\.mobilisation']] as const) {
    it(`${path.replace(/\\/g, '')}: said as written and too long, not as 'the number Infinity' (or not at all)`, () => {
      expect(minimal).toContain(from);
      const text = minimal.replace(from, to);
      const en = validateText(join(dir, 'long.yaml'), text);
      expect(en.code).toBe(1);
      expect(en.lines.join('\n')).not.toMatch(ENGINE_WORDS);
      expect(en.lines).toContainEqual(expect.stringMatching(new RegExp(`\\] ${path}: '${big}[hm]' is too long to be a duration`)));
      const vi = validateText(join(dir, 'long-vi.yaml'), text, 'vi');
      expect(vi.lines).toContainEqual(expect.stringMatching(new RegExp(`\\] ${path}: '${big}[hm]' quá dài để là một khoảng thời gian`)));
    });
  }
});

describe('a duration written with a unit word and too many digits', () => {
  it("is said to be too long, as the notation's own is, and gets no suggestion in the engine's number form ('write 1e+26h')", () => {
    const from = '    escalate_every: 45m';
    expect(minimal).toContain(from);
    const r = validateText(join(dir, 'words.yaml'), minimal.replace(from, `    escalate_every: ${'9'.repeat(26)} hours`));
    expect(r.code).toBe(1);
    expect(r.lines).toContainEqual(expect.stringMatching(/\] incident_kinds\[0\]\.escalate_every: '9{26} hours' is too long to be a duration: it is more seconds than a number holds exactly \(write it like '90s'/));
    expect(r.lines.join('\n')).not.toMatch(/\de\+\d/);
  });
});
