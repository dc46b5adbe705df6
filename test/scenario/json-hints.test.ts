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
import { formatIssue, formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { jsonSnippet } from '../../engine/scenario/say.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
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

  // the slips YAML forgives, named in a planner's terms at their place, not in V8's parser's words
  it.each([
    ['a YAML comment', (t: string) => t.replace('\n  "id": "minimal",', '\n  # the scenario\n  "id": "minimal",'), '# the scenario',
      "not strict JSON: JSON has no comments, and '# the scenario' is one (YAML's)", 'remove the comment, or name the file .yaml', 'JSON không có chú thích'],
    ['a key not in quotes', (t: string) => t.replace('"title":', 'title:'), 'title:',
      'not strict JSON: the key title is not in double quotes', 'write "title"', 'khóa title không nằm trong dấu nháy kép'],
    ['a text in single quotes', (t: string) => t.replace('"exercise": "tabletop"', `"exercise": 'tabletop'`), `'tabletop'`,
      "not strict JSON: 'tabletop' is in single quotes, and JSON takes only double ones", 'write "tabletop"', 'nằm trong dấu nháy đơn'],
  ])('%s: said as such, at its place', (_what, edit, at, message, hint, vi) => {
    const text = edit(asJson);
    const r = parseScenario(text, 's.json');
    expect(r.ok).toBe(true);
    const [w] = r.ok ? r.warnings.filter((i) => i.code === 'not-strict-json') : [];
    expect(text.split('\n')[w.line - 1].slice(w.column - 1)).toMatch(new RegExp(`^${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(w.message).toContain(message);
    expect(w.hint).toBe(hint);
    expect(formatIssueIn(w, 'vi')).toContain(vi);
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

// `"seed": 7, // the seed` made a key of the comment and the key after it ('// the seed "areas"'): 8 errors, none of
// them the comment; in a decisions file, 'unexpected scalar at node end'
describe('a comment in a .json file', () => {
  const seedLine = (text: string, l: string) => text.split('\n').findIndex((x) => x.includes(l)) + 1;

  it('is one error at each comment, and nothing of what it garbled', () => {
    const text = asJson.replace('"seed": 7,', '"seed": 7, // the seed').replace('"horizon": "4h",', '"horizon": "4h", /* four hours */');
    const seed = seedLine(text, '// the seed'), horizon = seedLine(text, '/* four hours */');
    expect(problems(text)).toEqual([
      `s.json:${horizon}:20: error[yaml] (syntax): JSON has no comments: remove '/* four hours */' (or write the file as YAML, where comments start with '#')`,
      `s.json:${seed}:14: error[yaml] (syntax): JSON has no comments: remove '// the seed' (or write the file as YAML, where comments start with '#')`,
    ].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1])));
    expect(problems(text, 'vi')[0]).toContain("JSON không có chú thích: hãy bỏ '");
  });

  it('a // inside a text (a URL) is no comment', () => {
    const text = asJson.replace('"seed": 7,', '"seed": 7, "summary": "see https://example.org/a",');
    const r = parseScenario(text, 's.json');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((i) => i.code)).not.toContain('not-strict-json');
  });

  it('in a decisions file, and with other mistakes said as well', () => {
    const text = '{"drillsim_decisions": 1, "decisions": [ {"at": "T+00:40", "role": "tc-chair", "do": "evacuate", "zone": "ta-ca-riverside"} // c\n ]}';
    const r = parseDecisions(text, 'd.json');
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([`d.json:1:125: error[yaml] (syntax): JSON has no comments: remove '// c' (or write the file as YAML, where comments start with '#')`]);
    const two = parseDecisions('{"drillsim_decisions": 1, /* x */ "decisions": [ {"at": 600, "role": "a", "do": "recall", "unit": "u"} ]}', 'd.json');
    expect(two.ok ? [] : two.issues.map((i) => i.code)).toEqual(['yaml', 'time']);
  });
});

describe('a .json file with a comma left out between the items of a list', () => {
  it('is said where the comma goes, in English and in Vietnamese', () => {
    const text = asJson.replace(/("mx-militia"),(\n\s*"mx-police")/, '$1$2');
    const line = text.split('\n').findIndex((l) => l.trim() === '"mx-militia"') + 1;
    expect(line).toBeGreaterThan(0);
    expect(problems(text)).toEqual([`s.json:${line}:21: error[yaml] (syntax): a ',' is missing between '"mx-militia"' and '"mx-police"': in JSON, a comma separates each entry from the next (add ',' at the end of line ${line})`]);
    expect(problems(text, 'vi')).toEqual([`s.json:${line}:21: error[yaml] (syntax): thiếu dấu ',' giữa '"mx-militia"' và '"mx-police"': trong JSON, các mục phải cách nhau bằng dấu phẩy (hãy thêm ',' vào cuối dòng ${line})`]);
  });

  it('between two entries of a decisions file, the first closing on its line', () => {
    const r = parseDecisions('{"drillsim_decisions": 1, "decisions": [ {"at": "T+00:40", "role": "a", "do": "recall", "unit": "u"}\n {"at": "T+00:50", "role": "a", "do": "recall", "unit": "u"} ]}', 'd.json');
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([expect.stringMatching(/^d\.json:1:101: error\[yaml\] \(syntax\): a ',' is missing between '\}' and '\{"at": "T\+00:50".*\(add ',' at the end of line 1\)$/)]);
  });
});

// only the five hints that said a key to add were turned into JSON: 'seed: 7', 'drillsim: 1', `units:`, { vi: ..., en: ... }
describe('the hints to a .json file show what to write as JSON', () => {
  const hintsOf = (text: string, file = 's.json', lang: 'en' | 'vi' = 'en') => {
    const r = parseScenario(text, file);
    return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, lang));
  };

  it('a number in quotes, a version, the first key, a list to add to, a text', () => {
    expect(hintsOf(asJson.replace('"seed": 7', '"seed": "7"'))).toEqual([expect.stringMatching(/\(write the number without quotes: "seed": 7\)$/)]);
    expect(hintsOf(asJson.replace('"seed": 7', '"seed": "7"'), 's.json', 'vi')[0]).toMatch(/: "seed": 7\)$/);
    expect(hintsOf(asJson.replace('"drillsim": 1', '"drillsim": 2'))[0]).toContain('(write "drillsim": 1; a file made');
    expect(hintsOf(asJson.replace('"drillsim": 1,', ''))[0]).toContain(`(a scenario starts with '"drillsim": 1'; see`);
    const noUnits = hintsOf(asJson.replace(/"units": \[[\s\S]*?\n {2}\],/, '"units": null,'));
    expect(noUnits[0]).toMatch(/expected a list, got null \(write its value in place of null, or remove the line\)$/);
    expect(noUnits.slice(1).every((l) => l.includes('add it under `"units"`'))).toBe(true);
    expect(hintsOf(asJson.replace(/"title": \{[\s\S]*?\},/, '"title": 5,'))[0]).toContain('(expected text: a string, or { "vi": ..., "en": ... })');
    // the same mistakes in YAML are told in YAML
    const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    expect(hintsOf(minimal.replace('seed: 7', 'seed: "7"'), 's.yaml')[0]).toMatch(/\(write the number without quotes: seed: 7\)$/);
    expect(hintsOf(minimal.replace('drillsim: 1', 'drillsim: 2'), 's.yaml')[0]).toContain('(write drillsim: 1; a file made');
  });

  it('a quote never closed, in a .json file', () => {
    // (a file cut short in the middle of a text)
    const text = asJson.slice(0, asJson.indexOf('"id": "muong-xen"') + '"id": "muong-xe'.length);
    expect(hintsOf(text)[0]).toMatch(/as in "id": "muong-xe"; without it, what follows is read as more of the text\)$/);
  });

  it('a decisions file: the command written as a key, the file\'s first key', () => {
    const ky = parseScenario(readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8'));
    if (!ky.ok) throw new Error('ky-son does not load');
    const r = parseDecisions('{"drillsim_decisions": 1, "decisions": [ {"at": "T+03:15", "role": "tc-chair", "evacuate": "ta-ca-riverside"} ]}', 'd.json', ky.scenario);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([expect.stringContaining('`"evacuate": "ta-ca-riverside"` gives the command as a key: the command goes in `"do"` and the zone in `"zone"` (write `"do": "evacuate", "zone": "ta-ca-riverside"`)')]);
    const d = parseDecisions('{"decisions": []}', 'd.json');
    expect(d.ok ? [] : d.issues.map(formatIssue)).toEqual([expect.stringContaining('(a decisions file starts with "drillsim_decisions": 1; see docs/trainee.md)')]);
  });
});

describe('a .json file written in YAML', () => {
  it('is read, with one not-strict-json warning at its first line', () => {
    const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    const r = parseScenario(minimal, 's.json');
    expect(r.ok).toBe(true);
    const w = r.ok ? r.warnings.filter((i) => i.code === 'not-strict-json') : [];
    expect(w.map((i) => formatIssueIn(i, 'en'))).toEqual(["s.json:1:1: warning[not-strict-json] (syntax): this .json file is written in YAML, not JSON: drillsim reads it, but other JSON tools (editors, jq) will not (name the file .yaml, or write it as JSON)"]);
    expect(formatIssueIn(w[0], 'vi')).toContain('tệp .json này được viết bằng YAML');
    // and told in YAML, being YAML
    const bad = parseScenario(minimal.replace('seed: 7', 'seed: "7"'), 's.json');
    expect(bad.ok ? [] : bad.issues.map((i) => i.hint)).toContain('write the number without quotes: seed: 7');
  });
});

describe('a snippet of the format, as JSON', () => {
  it('quotes keys and texts, and leaves numbers, true, false, null, ... and texts in double quotes', () => {
    expect(jsonSnippet('seed: 7')).toBe('"seed": 7');
    expect(jsonSnippet('units:')).toBe('"units"');
    expect(jsonSnippet('travel.nodes:')).toBe('"travel": { "nodes" }');
    expect(jsonSnippet('do: evacuate, zone: ta-ca-riverside')).toBe('"do": "evacuate", "zone": "ta-ca-riverside"');
    expect(jsonSnippet('{ vi: ..., en: ... }')).toBe('{ "vi": ..., "en": ... }');
    expect(jsonSnippet('at: T+00:30')).toBe('"at": "T+00:30"');
    expect(jsonSnippet('id: "muong-xe"')).toBe('"id": "muong-xe"');
    expect(jsonSnippet("name: 'Nhà ''A'''")).toBe('"name": "Nhà \'A\'"');
    expect(jsonSnippet('{ uniform: [0.8, 1.2] }, coast: true')).toBe('{ "uniform": [0.8, 1.2] }, "coast": true');
  });
});

// a hint that said YAML to a .json file still: a distribution's forms, a river's alarm levels, keep_home by area, a
// decisions file's shape, a key named alone; each in both languages, and the same mistake in YAML told as before
describe('the hints to a .json file show its forms and its keys as JSON', () => {
  const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
  const of = (r: ReturnType<typeof parseScenario>, code: string, lang: 'en' | 'vi' = 'en') =>
    [...(r.ok ? r.warnings : r.issues)].filter((i) => i.code === code).map((i) => formatIssueIn(i, lang));
  const both = (edit: (s: any) => void) => {
    const s = YAML.parse(minimal);
    edit(s);
    return { json: parseScenario(JSON.stringify(s, null, 2), 's.json'), yaml: parseScenario(YAML.stringify(s), 's.yaml') };
  };

  it('a distribution: its gaps bare (a number, or a duration in quotes, goes there), its keys in quotes', () => {
    const { json, yaml } = both((s) => { s.incident_kinds[0].people = 'lots'; s.incident_kinds[0].work = { normal: [2, 6] }; });
    expect(of(json, 'form')[0]).toMatch(/\(write one value \(3\), or a distribution: \{ "uniform": \[<min>, <max>\] \}, \{ "triangular": \[<min>, <mode>, <max>\] \}, \{ "normal": \{ "mean": <mean>, "sd": <sd> \} \}, \{ "lognormal": \{ "median": <median>, "sigma": <sigma> \} \} or \{ "exponential": <mean> \}\)$/);
    expect(of(json, 'form', 'vi')[0]).toMatch(/\(hãy viết một giá trị \(3\), hoặc một phân phối: \{ "uniform": \[<min>, <max>\] \}, .* hoặc \{ "exponential": <mean> \}\)$/);
    expect(of(json, 'type')[0]).toMatch(/\(write it "normal": \{ "mean": \.\.\., "sd": \.\.\. \} \("min" and "max" may bound it\)\)$/);
    expect(of(json, 'type', 'vi')[0]).toMatch(/\(hãy viết "normal": \{ "mean": \.\.\., "sd": \.\.\. \} \(có thể giới hạn nó bằng "min" và "max"\)\)$/);
    expect(of(yaml, 'form')[0]).toMatch(/\(write one value \(3\), or a distribution: \{ uniform: \[min, max\] \}, \{ triangular: \[min, mode, max\] \}, \{ normal: \{ mean, sd \} \}, \{ lognormal: \{ median, sigma \} \} or \{ exponential: mean \}\)$/);
    expect(of(yaml, 'type')[0]).toMatch(/\(write it normal: \{ mean: \.\.\., sd: \.\.\. \} \(min: and max: may bound it\)\)$/);
    // a uniform in braces: the list its family takes
    const d = both((s) => { s.units[1].mobilisation = { uniform: { min: '5m', max: '10m' } }; });
    expect(of(d.json, 'type')[0]).toMatch(/\(write it "uniform": \[<min>, <max>\]\)$/);
    expect(of(d.yaml, 'type')[0]).toMatch(/\(write it uniform: \[min, max\]\)$/);
  });

  it('a river with no alarm levels, and keep_home by area', () => {
    const river = (s: any) => { s.hazards = [{ id: 'nam-mo', name: 'Nậm Mộ', kind: 'river', areas: ['muong-xen'], series: [{ at: 'T+00:00', value: 1 }] }]; };
    const { json, yaml } = both(river);
    expect(of(json, 'missing-alarms')).toEqual([expect.stringMatching(/\(give `"alarms": \{ "bd1": \.\.\., "bd2": \.\.\., "bd3": \.\.\. \}` for the gauge\)$/)]);
    expect(of(json, 'missing-alarms', 'vi')[0]).toMatch(/\(hãy ghi `"alarms": \{ "bd1": \.\.\., "bd2": \.\.\., "bd3": \.\.\. \}` của trạm đo\)$/);
    expect(of(yaml, 'missing-alarms')[0]).toMatch(/\(give `alarms: \{ bd1, bd2, bd3 \}` for the gauge\)$/);
    const keep = both((s) => { s.doctrine = { keep_home: 5 }; });
    expect(of(keep.json, 'keep-all')[0]).toMatch(/\(name only the communes that need a reserve, as "keep_home": \{ "<area>": <number> \}, or keep fewer\)$/);
    expect(of(keep.json, 'keep-all', 'vi')[0]).toMatch(/dạng "keep_home": \{ "<mã-xã>": <số> \}, hoặc giữ lại ít hơn\)$/);
    expect(of(keep.yaml, 'keep-all')[0]).toMatch(/\(name only the communes that need a reserve, as keep_home: \{ <area>: number \}, or keep fewer\)$/);
  });

  it('a key named alone is in quotes, as a key to add is', () => {
    const { json, yaml } = both((s) => { s.incidents[0].at = 'T+05:00'; });
    expect(of(json, 'outside-horizon')[0]).toMatch(/\(move it earlier or lengthen `"horizon"`\)$/);
    expect(of(json, 'outside-horizon', 'vi')[0]).toMatch(/hoặc kéo dài `"horizon"`\)$/);
    expect(of(yaml, 'outside-horizon')[0]).toMatch(/\(move it earlier or lengthen `horizon`\)$/);
    const cmd = both((s) => { s.roles[0].commands = ['mx-militia']; });
    expect(of(cmd.json, 'no-commander')[0]).toContain("(add it to a role's `\"commands\"`; until then");
    expect(of(cmd.yaml, 'no-commander')[0]).toContain("(add it to a role's `commands`; until then");
  });

  it('a decimal comma: what was written, what it reads as, and what to write', () => {
    const asText = JSON.stringify(YAML.parse(minimal), null, 2);
    const r = parseScenario(asText.replace('"crew": 12', '"crew": 1,5'), 's.json');
    expect(of(r, 'decimal-comma')).toEqual([expect.stringMatching(/: '"crew": 1,5' is read as "crew": 1 and a key '5': a comma inside \{ \.\.\. \} starts a new key \(write the decimals after a point: "crew": 1\.5\)$/)]);
    expect(of(r, 'decimal-comma', 'vi')[0]).toMatch(/'"crew": 1,5' được đọc thành "crew": 1 .*\(hãy viết phần thập phân sau dấu chấm: "crew": 1\.5\)$/);
    const d = parseScenario(asText.replace('"mobilisation": "5m"', '"mobilisation": 1,5m'), 's.json');
    expect(of(d, 'decimal-comma')[0]).toMatch(/'"mobilisation": 1,5m' is read as "mobilisation": 1 and a key '5m'.*\(a duration takes no decimals: write "mobilisation": "1m30s"\)$/);
    // (in YAML, as before: test/scenario/parse.test.ts)
  });

  it('a decisions file: its shape when it holds a list, and a role not among the players', () => {
    const list = parseDecisions('[ {"at": "T+00:30", "role": "tc-chair", "do": "evacuate", "zone": "ta-ca-riverside"} ]', 'd.json');
    const said = (r: ReturnType<typeof parseDecisions>, lang: 'en' | 'vi' = 'en') => (r.ok ? [] : r.issues.map((i) => formatIssueIn(i, lang)));
    expect(said(list)).toEqual(['d.json: error[not-a-decisions-file] (top): the file holds a list, not a decisions file (a decisions file in JSON is one mapping, \'{ "drillsim_decisions": 1, "players": ["tc-chair", ...], "decisions": [...] }\', its decisions a list of entries like \'{ "at": "T+00:30", "role": "tc-chair", "do": "evacuate", "zone": "ta-ca-riverside" }\'; see "Decisions files" in docs/trainee.md; drill play --decisions-out writes one from a session)']);
    expect(said(list, 'vi')[0]).toContain('(tệp quyết định viết bằng JSON là một nhóm khóa, \'{ "drillsim_decisions": 1, "players": ["tc-chair", ...], "decisions": [...] }\', trong đó decisions là một danh sách các mục như \'{ "at": "T+00:30", "role": "tc-chair"');
    // in YAML as before; and a scenario given as a decisions file is told how a decisions file starts, whatever this file's format
    expect(said(parseDecisions('- { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }\n', 'd.yaml'))[0]).toContain("(a decisions file is YAML: 'drillsim_decisions: 1', then 'players: [role, ...]'");
    expect(said(parseDecisions('{"drillsim": 1, "id": "x"}', 'd.json'))[0]).toContain('drillsim_decisions: 1');
    const ky = parseScenario(readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8'));
    if (!ky.ok) throw new Error('ky-son does not load');
    const np = parseDecisions('{"drillsim_decisions": 1, "players": ["tc-chair"], "decisions": [ {"at": "T+00:40", "role": "mx-chair", "do": "request_support", "area": "muong-xen"} ]}', 'd.json', ky.scenario);
    expect(said(np)).toEqual([expect.stringMatching(/: role mx-chair is not in "players": \["tc-chair"\], so doctrine plays it \(add mx-chair to players, or, for an order the controller gives in that role's name, write "author": "controller"\)$/)]);
    expect(said(np, 'vi')[0]).toMatch(/vai mx-chair không có trong "players": \["tc-chair"\], .*hãy ghi "author": "controller"\)$/);
    const npYaml = parseDecisions('drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+00:40, role: mx-chair, do: request_support, area: muong-xen }\n', 'd.yaml', ky.scenario);
    expect(said(npYaml)[0]).toMatch(/: role mx-chair is not in players: \[tc-chair\], so doctrine plays it \(.*write author: controller\)$/);
  });
});

// a decisions file told what to write in its scenario (mark an area coast: true, a role's declares:) was told it
// in YAML of a scenario written in JSON: what is to write there is shown as the scenario is written
describe('a decisions file\'s hint of what to write in the scenario follows the scenario\'s format', () => {
  const kyText = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
  const scenarioIn = (file: string) => {
    const r = parseScenario(file.endsWith('.json') ? JSON.stringify(YAML.parse(kyText), null, 2) : kyText, file);
    if (!r.ok) throw new Error('ky-son does not load');
    return r.scenario;
  };
  const entries = [
    { at: 'T+00:40', role: 'tc-chair', do: 'sea_ban', area: 'ta-ca' },
    { at: 'T+00:50', role: 'tc-chair', do: 'declare_level', area: 'ta-ca', level: 2 },
    { at: 'T+00:55', role: 'nc-border', do: 'declare_level', area: 'nam-can', level: 1 },
  ];
  const decisions = { json: JSON.stringify({ drillsim_decisions: 1, players: ['tc-chair', 'nc-border'], decisions: entries }, null, 2), yaml: YAML.stringify({ drillsim_decisions: 1, players: ['tc-chair', 'nc-border'], decisions: entries }) };
  const hints = (scenario: string, dec: 'json' | 'yaml', lang: 'en' | 'vi' = 'en') => {
    const r = parseDecisions(decisions[dec], `d.${dec}`, scenarioIn(scenario));
    return (r.ok ? r.warnings : r.issues).map((i) => formatIssueIn(i, lang).replace(/^.*\(/s, '('));
  };

  it('a scenario in JSON: "coast": true and "declares", whatever the decisions file is written in, EN and VI', () => {
    for (const dec of ['json', 'yaml'] as const) {
      const said = hints('ky.json', dec);
      expect(said.find((h) => h.includes('borders the sea'))).toMatch(/mark it `"coast": true` in the scenario\)$/);
      expect(said).toContain('(it may declare 1, as its "declares" says)');
      expect(said).toContain('(its "declares" is empty))');
      const vi = hints('ky.json', dec, 'vi');
      expect(vi.find((h) => h.includes('giáp biển'))).toMatch(/hãy đánh dấu `"coast": true` cho nó trong kịch bản\)$/);
      expect(vi).toContain('(vai này được ban bố cấp 1, theo "declares" của vai)');
      expect(vi).toContain('("declares" trống))');
    }
  });

  it('a scenario in YAML: coast: true and declares: as before, even to a decisions file in JSON', () => {
    for (const dec of ['json', 'yaml'] as const) {
      const said = hints('ky.yaml', dec);
      expect(said.find((h) => h.includes('borders the sea'))).toMatch(/mark it `coast: true` in the scenario\)$/);
      expect(said).toContain('(it may declare 1, as its declares: says)');
      expect(said).toContain('(its declares: is empty))');
    }
  });
});

describe('a gap in a snippet, as JSON', () => {
  it('is left bare, as ... is, but for an id, which is a text; a gap for a key is a key', () => {
    expect(jsonSnippet('above: <value>')).toBe('"above": <value>');
    expect(jsonSnippet('uniform: [<min>, <max>]')).toBe('"uniform": [<min>, <max>]');
    expect(jsonSnippet('risk_at_least: <cấp>')).toBe('"risk_at_least": <cấp>');
    expect(jsonSnippet('above: <giá trị>')).toBe('"above": <giá trị>');
    expect(jsonSnippet('hazard: <id>')).toBe('"hazard": "<id>"');
    expect(jsonSnippet('area: <mã>')).toBe('"area": "<mã>"');
    expect(jsonSnippet('keep_home: { <area>: <number> }')).toBe('"keep_home": { "<area>": <number> }');
  });
});
