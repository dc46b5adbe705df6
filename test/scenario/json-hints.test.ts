/**
 * A scenario written in JSON is told what to add in JSON: a planner who
 * copied `add 'areas:'` into a .json file made it worse. And a .json file
 * that only YAML reads (a trailing comma) is read with a warning: an
 * editor's JSON schema or jq would refuse it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';

const TEXT = '{"drillsim": 1, "id": "x"}';
const hints = (file: string) => {
  const r = parseScenario(TEXT, file);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.filter((i) => i.code === 'missing');
};

describe('the hint for a missing key', () => {
  it('is written as JSON in a .json file, as YAML in a .yaml file', () => {
    const json = hints('s.json');
    expect(json.find((i) => i.path === 'areas')?.hint).toBe('add "areas": with its value');
    expect(json.find((i) => i.path === 'exercise')?.hint).toBe('add "exercise": with one of: tabletop, functional, drill, full-scale');
    expect(json.find((i) => i.path === 'horizon')?.hint).toBe('add "horizon": length of the simulated period');
    expect(json.every((i) => !/'[a-z_]+:'/.test(i.hint ?? ''))).toBe(true);
    expect(formatIssueIn(json.find((i) => i.path === 'areas')!, 'vi')).toContain('(hãy thêm "areas": cùng giá trị của nó)');
    expect(hints('s.yaml').find((i) => i.path === 'areas')?.hint).toBe("add 'areas:'");
  });
});

describe('a .json file that is not strict JSON', () => {
  const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
  const asJson = JSON.stringify(parseScenario(minimal, 'minimal.yaml').ok ? YAML.parse(minimal) : null, null, 2);

  it('is read, with a warning at the trailing comma that other JSON tools would refuse', () => {
    const text = asJson.replace(/\n}$/, ',\n}');
    const r = parseScenario(text, 's.json');
    expect(r.ok).toBe(true);
    const [w, ...more] = r.ok ? r.warnings.filter((i) => i.code === 'not-strict-json') : [];
    expect(more).toEqual([]);
    expect(w.severity).toBe('warning');
    expect(text.split('\n')[w.line - 1][w.column - 1]).toBe(',');
    expect(formatIssueIn(w, 'en')).toMatch(/warning\[not-strict-json\] \(syntax\): not strict JSON: a comma after the last item; .* \(remove this comma\)$/);
    expect(formatIssueIn(w, 'vi')).toMatch(/không phải JSON chuẩn: có dấu phẩy sau phần tử cuối/);
  });

  it('says nothing of strict JSON, nor of YAML read as JSON', () => {
    const r = parseScenario(asJson, 's.json');
    expect(r.ok && r.warnings.map((i) => i.code)).not.toContain('not-strict-json');
    const y = parseScenario(minimal, 'minimal.yaml');
    expect(y.ok && y.warnings.map((i) => i.code)).not.toContain('not-strict-json');
  });
});

// minimal.yaml written as JSON, and the problems a .json text of it gets
const asJson = JSON.stringify(YAML.parse(readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8')), null, 2);
const problems = (text: string, lang: 'en' | 'vi' = 'en') => {
  const r = parseScenario(text, 's.json');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, lang));
};

// the commonest slip in JSON written by hand: it was two lines of YAML talk ("implicit keys need to be on a single
// line", then "put the text in quotes: drillsim: '1" with a line break inside the message), or a line ten lines up
describe('a .json file with a comma left out', () => {

  it('between two keys: one line, where the comma goes, with both entries named', () => {
    const text = asJson.replace('"crew": 12,', '"crew": 12');
    const line = text.split('\n').findIndex((l) => l.trim() === '"crew": 12') + 1;
    expect(problems(text)).toEqual([
      `s.json:${line}:17: error[yaml] (syntax): a ',' is missing between '"crew": 12' and '"base": "muong-xen"': in JSON, a comma separates each entry from the next (add ',' at the end of line ${line})`,
    ]);
    expect(problems(text, 'vi')[0]).toContain(`(hãy thêm ',' vào cuối dòng ${line})`);
  });

  it('between two entries of a list, and on one line', () => {
    const text = asJson.replace(/\n {4}\},\n {4}\{\n {6}"id": "muong-xen"/, '\n    }\n    {\n      "id": "muong-xen"');
    const line = text.split('\n').findIndex((l, k, all) => l === '    }' && all[k + 1] === '    {') + 1;
    expect(line).toBeGreaterThan(0);
    expect(problems(text)).toEqual([`s.json:${line}:6: error[yaml] (syntax): a ',' is missing between '}' and '{': in JSON, a comma separates each entry from the next (add ',' at the end of line ${line})`]);
    expect(problems('{"drillsim": 1 "id": "x"}')).toEqual([`s.json:1:15: error[yaml] (syntax): a ',' is missing between '"drillsim": 1' and '"id": "x"}': in JSON, a comma separates each entry from the next (add ',' at line 1, column 15)`]);
  });

  it('a closing bracket left out at the end is still said as such', () => {
    expect(problems(asJson.replace(/\}$/, ''))).toEqual([expect.stringContaining("s.json:1:1: error[yaml] (syntax): the '{' opened here is never closed")]);
  });
});

// "missing , or : between flow map items (fix the JSON syntax here)": which of the two, and after what, was left to guess
describe('a .json file with a colon left out', () => {
  const lineOf = (text: string, l: string) => text.split('\n').findIndex((x) => x.trim() === l) + 1;

  it('after a key: one line, right after the key, with the key and its value as they go', () => {
    const seed = asJson.replace('"seed": 7', '"seed" 7');
    const line = lineOf(seed, '"seed" 7,');
    expect(problems(seed)).toEqual([
      `s.json:${line}:9: error[yaml] (syntax): a ':' is missing after the key '"seed"': in JSON, each key is followed by ':' and then its value (add ':' at line ${line}, column 9: '"seed": 7')`,
    ]);
    expect(problems(seed, 'vi')).toEqual([`s.json:${line}:9: error[yaml] (syntax): thiếu dấu ':' sau khóa '"seed"': trong JSON, sau mỗi khóa phải có ':' rồi mới đến giá trị của nó (hãy thêm ':' ở dòng ${line}, cột 9: '"seed": 7')`]);
    const id = asJson.replace('"id": "minimal"', '"id" "minimal"');
    expect(problems(id)).toEqual([expect.stringContaining(`s.json:${lineOf(id, '"id" "minimal",')}:7: error[yaml] (syntax): a ':' is missing after the key '"id"'`)]);
    expect(problems(id)[0]).toMatch(/\(add ':' at line \d+, column 7: '"id": "minimal"'\)$/);
    // before a mapping, deep in the file, and on one line
    const coords = asJson.replace('"coords": {', '"coords" {');
    expect(problems(coords)).toEqual([expect.stringMatching(/^s\.json:\d+:15: error\[yaml\] \(syntax\): a ':' is missing after the key '"coords"'.*column 15: '"coords": \{'\)$/)]);
    expect(problems('{"drillsim" 1, "id": "x"}')).toEqual([`s.json:1:12: error[yaml] (syntax): a ':' is missing after the key '"drillsim"': in JSON, each key is followed by ':' and then its value (add ':' at line 1, column 12: '"drillsim": 1')`]);
  });

  it('with the value on the next line: at the end of the key\'s line', () => {
    expect(problems('{\n  "drillsim": 1,\n  "id"\n    "x"\n}\n')).toEqual([expect.stringMatching(/^s\.json:3:7: .*\(add ':' at the end of line 3\)$/)]);
  });

  it('a comma left out is still said as such', () => {
    expect(problems('{"drillsim": 1 "id": "x"}')[0]).toContain("a ',' is missing between");
  });
});
