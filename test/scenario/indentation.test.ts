/**
 * A line out of line in a scenario file is said once, at that line, with the
 * column it belongs at and the line it should line up with. Before, the YAML
 * parser's words came back ("all mapping items must start at the same column",
 * "sequence item without - indicator", "a block sequence may not be used as an
 * implicit map key"), at column 1, often on every line under the slip, with
 * the hint "fix the YAML syntax here".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { indentationSlips, unclosedFlows } from '../../engine/scenario/indentation.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { sayIn } from '../../engine/scenario/say.js';
import { ROOT } from '../helpers/cli.js';
import { edit, scenarioFiles } from '../helpers/scenarios.js';

const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');

/** Every issue of a text as `line:column code message (hint)`. */
function issues(text: string): string[] {
  const r = parseScenario(text, 'm.yaml');
  return r.ok ? [] : r.issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.message} (${i.hint})`);
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('an indentation slip in a scenario', () => {
  it('a key indented one space too far: that line alone, with the column of the key above', () => {
    const text = edit(minimal, ['    crew: 12\n', '     crew: 12\n']);
    expect(issues(text)).toEqual([`${lineOf(text, 'crew: 12')}:6 indentation 'crew:' is indented 5 spaces, but 'capabilities:' (line ${lineOf(text, 'crew: 12') - 1}) above it 4: the keys of one mapping must line up (indent it 4 spaces, like 'capabilities:' (line ${lineOf(text, 'crew: 12') - 1}))`]);
  });

  it("a key indented between the list's dash and the item's keys", () => {
    const text = edit(minimal, ['    mobilisation: 5m\n', '   mobilisation: 5m\n']);
    const line = lineOf(text, 'mobilisation: 5m');
    expect(issues(text)).toEqual([`${line}:4 indentation 'mobilisation:' is indented 3 spaces: more than the list's '-' (2, line ${lineOf(text, '- id: mx-police')}) and less than 'home:' (4, line ${line - 1}), so it lines up with neither (indent it 4 spaces, like 'home:' (line ${line - 1}))`]);
  });

  it("a key as far in as the list's dash: it belongs to no item (before: an error on it and on every key under it)", () => {
    const text = edit(minimal, ['  - id: mx-commander\n    name:', '  - id: mx-commander\n  name:']);
    const line = lineOf(text, '- id: mx-commander') + 1;
    expect(issues(text)).toEqual([`${line}:3 indentation 'name:' is indented 2 spaces, as far as the list's '-' (line ${line - 1}) but without a '-', so it belongs to no item (indent it 4 spaces, like 'id:' (line ${line - 1}), to belong to that item; or start a new item with '- ')`]);
  });

  it("a list item added at the end of the file, under 'doctrine:' instead of 'objectives:'", () => {
    const text = `${minimal}doctrine:\n  dispatch: severity\n  - id: second\n    text: Another\n`;
    const line = lineOf(text, '- id: second');
    expect(issues(text)).toEqual([`${line}:3 indentation the list item '- id:' is among the keys of 'doctrine:' (line ${line - 2}): a mapping holds keys, not list items (move it to the list it belongs to, under that list's key, such as 'objectives:' or 'injects:')`]);
  });

  it("the first key of a block out of line with the keys under it, which agree: the first key is the slip", () => {
    const text = edit(minimal, ['title:\n  vi:', 'title:\n   vi:']);
    expect(issues(text)).toEqual(["8:4 indentation 'vi:' is indented 3 spaces, but 'en:' (line 9) and the lines after it 2: the keys of one mapping must line up (indent it 2 spaces, like 'en:' (line 9))"]);
  });

  it("a list's first item whose '- id:' does not line up with the keys under it: the dash is the slip", () => {
    const text = edit(minimal, ['  - id: nghe-an\n', '   - id: nghe-an\n']);
    const line = lineOf(text, '- id: nghe-an');
    expect(issues(text)).toEqual([`${line}:4 indentation the list item '- id:' is indented 3 spaces, so 'id:' is 5 spaces in, but 'name:' (line ${line + 1}) and the keys after it 4: the keys of one item must line up (indent the '-' 2 spaces, so that 'id:' lines up with 'name:')`]);
  });

  it('a key that came out too far, between keys that agree: that key, not the one after it', () => {
    const text = edit(minimal, ['    tier: commune\n', 'tier: commune\n']);
    const line = lineOf(text, 'tier: commune');
    expect(issues(text)).toEqual([`${line}:1 indentation 'tier:' is indented 0 spaces, but the keys around it ('name:', line ${line - 1}, and 'parent:', line ${line + 1}) 4: the keys of one mapping must line up (indent it 4 spaces, like 'parent:' (line ${line + 1}))`]);
  });

  it('a key that left the block above it empty, with its sibling deeper: it was meant inside the block', () => {
    const text = edit(minimal, ['title:\n  vi:', 'title:\nvi:']);
    expect(issues(text)).toEqual(["8:1 indentation 'vi:' is indented 0 spaces, no more than 'title:' (line 7) above it, which is left holding nothing; 'en:' (line 9) is at 2 (indent it 2 spaces, like 'en:' (line 9), to put it under 'title:')"]);
  });

  it('two slips in two places are both said, each once', () => {
    const text = edit(minimal, ['    crew: 12\n', '     crew: 12\n'], ['    crew: 6\n', '     crew: 6\n']);
    expect(issues(text).map((i) => i.split(' ')[0])).toEqual([`${lineOf(text, 'crew: 12')}:6`, `${lineOf(text, 'crew: 6')}:6`]);
  });

  it('keeps a syntax error elsewhere that the slip does not explain', () => {
    const text = edit(minimal, ['    method: phone\n', '    method: "phone\n'], ['    crew: 12\n', '     crew: 12\n']);
    const found = issues(text);
    expect(found[0]).toMatch(/^\d+:6 indentation 'crew:'/);
    expect(found.slice(1).every((i) => / yaml /.test(i))).toBe(true);
    expect(found.length).toBeGreaterThan(1);
  });
});

describe("a ': ' inside a plain text", () => {
  it('says so and shows the text in quotes (before: "nested mappings are not allowed in compact mappings")', () => {
    const text = edit(minimal, ['    subject: { vi: Báo tin sập nhà, en: House collapse reported }\n', '    subject: Báo tin: sập nhà\n']);
    expect(issues(text)).toEqual([`${lineOf(text, 'Báo tin: sập nhà')}:21 yaml the text after 'subject:' holds ': ', which YAML reads as the start of a key (put the text in quotes: subject: "Báo tin: sập nhà")`]);
  });
});

describe('the reading of indentation', () => {
  it('finds no slip in any file the project ships', () => {
    const files = [...scenarioFiles(), join(ROOT, 'test/fixtures/que-phong.yaml'), join(ROOT, 'test/fixtures/tour.yaml'), join(ROOT, 'scenarios/decisions/ky-son-trainee.yaml')];
    for (const f of files) expect(indentationSlips(readFileSync(f, 'utf8')), f).toEqual([]);
  });

  it('a list at its key\'s own column ends at the next key there, however many keys follow (fast-check found it: the item\'s key was taken to be out of line)', () => {
    expect(indentationSlips('root:\n  a:\n  - d: 0\n  b: x\n  c: y\n')).toEqual([]);
    expect(indentationSlips(stringify({ root: { '': [{ '': 0 }], ' ': '', ':': [] } }, { indent: 2, indentSeq: false }))).toEqual([]);
  });

  it('finds no slip in any YAML the yaml library writes, at any indentation (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 2, max: 4 }), fc.boolean(), (v, indent, indentSeq) => {
      expect(indentationSlips(stringify({ root: v, list: [v, { k: v }] }, { indent, indentSeq }))).toEqual([]);
    }), { numRuns: 400 });
  });

  it('a key line moved one space in or out that breaks the file is said once, at that line (every key line of minimal.yaml)', () => {
    const lines = minimal.split('\n');
    let broken = 0;
    lines.forEach((l, i) => {
      if (!/^ +[a-z_]+:/.test(l)) return;
      for (const moved of [` ${l}`, l.slice(1)]) {
        const r = parseScenario([...lines.slice(0, i), moved, ...lines.slice(i + 1)].join('\n'), 'm.yaml');
        const syntax = r.ok ? [] : r.issues.filter((x) => x.path === '(syntax)');
        if (syntax.length === 0) continue; // still YAML (a key moved out of a block can be)
        broken++;
        expect(syntax.map((x) => `${x.line} ${x.code}`), `line ${i + 1} as ${JSON.stringify(moved)}`).toEqual([`${i + 1} indentation`]);
      }
    });
    expect(broken).toBeGreaterThan(50);
  });
});

describe("a key written without its ':'", () => {
  it("is said as that, at the end of the word, once, with nothing said of the block under it (before: 'indent it 2 spaces')", () => {
    const text = edit(minimal, ['\nunits:\n', '\nunits\n']);
    const line = text.split('\n').indexOf('units') + 1;
    expect(issues(text)).toEqual([`${line}:6 indentation 'units' has a block under it but no ':' after it, so YAML reads it as a text, not a key (write 'units:')`]);
    const vi = parseScenario(text, 'm.yaml');
    expect(vi.ok ? [] : vi.issues.map((i) => sayIn(i.words.hint!, 'vi'))).toEqual(["hãy viết 'units:'"]);
  });

  it('every key of minimal.yaml that opens a block, its colon left out: said at that key alone', () => {
    const lines = minimal.split('\n');
    let checked = 0;
    lines.forEach((l, i) => {
      const m = /^( *)([a-z_]+):\s*$/.exec(l);
      if (!m) return;
      const broken = [...lines.slice(0, i), `${m[1]}${m[2]}`, ...lines.slice(i + 1)].join('\n');
      const r = parseScenario(broken, 'm.yaml');
      expect(r.ok, `line ${i + 1}`).toBe(false);
      if (r.ok) return;
      checked++;
      expect(r.issues.map((x) => `${x.line}:${x.column} ${x.hint}`), `line ${i + 1}`).toEqual([`${i + 1}:${m[1].length + m[2].length + 1} write '${m[2]}:'`]);
    });
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});

describe('a list item written on one line, `- { ... }`, moved one space in or out', () => {
  it("is said once, at that line, and names no key 'undefined:' (before: the next items were measured against one)", () => {
    const text = readFileSync(join(ROOT, 'scenarios/vinh-wards-typhoon-night.yaml'), 'utf8');
    const lines = text.split('\n');
    let broken = 0;
    lines.forEach((l, i) => {
      if (!/^ +- \{/.test(l) || !/^ +- \{/.test(lines[i + 1] ?? '')) return;
      for (const moved of [` ${l}`, l.slice(1)]) {
        const r = parseScenario([...lines.slice(0, i), moved, ...lines.slice(i + 1)].join('\n'), 'v.yaml');
        const syntax = r.ok ? [] : r.issues.filter((x) => x.path === '(syntax)');
        if (syntax.length === 0) continue;
        broken++;
        expect(syntax.map((x) => `${x.line} ${x.code}`), `line ${i + 1} as ${JSON.stringify(moved)}`).toEqual([`${i + 1} indentation`]);
        for (const x of syntax) expect(`${x.message} ${x.hint}`).not.toContain('undefined');
      }
    });
    expect(broken).toBeGreaterThan(10);
  });
});

describe("a '{' or '[' never closed", () => {
  it("is said at the bracket, once (before: five errors on the lines under it, about indentation and implicit keys)", () => {
    const text = edit(minimal, ['en: Mường Xén militia }', 'en: Mường Xén militia']);
    const line = lineOf(text, 'en: Mường Xén militia');
    expect(issues(text)).toEqual([`${line}:11 yaml the '{' opened here is never closed (add the closing '}' where the value ends; YAML reads what follows as more of it)`]);
    const vi = parseScenario(text, 'm.yaml');
    expect(vi.ok ? [] : vi.issues.map((i) => sayIn(i.words.message, 'vi'))).toEqual(["dấu '{' mở ở đây không được đóng"]);
  });

  it("a '[' inside a '{' closed by its '}': the '['", () => {
    const text = edit(minimal, ['{ uniform: [10m, 30m] }', '{ uniform: [10m, 30m }']);
    const line = lineOf(text, 'uniform: [10m, 30m }');
    expect(issues(text)).toEqual([`${line}:30 yaml the '[' opened here is never closed (add the closing ']' where the value ends; YAML reads what follows as more of it)`]);
  });

  it('in a JSON scenario too, with the JSON words for any other syntax error', () => {
    const json = JSON.stringify(parse(minimal), null, 2);
    const lines = json.split('\n');
    const open = lines.findIndex((l) => l.trim() === '"title": {');
    const close = lines.findIndex((l, i) => i > open && l.trim() === '},');
    const unclosed = [...lines.slice(0, close), lines[close].replace('},', ','), ...lines.slice(close + 1)].join('\n');
    const r = parseScenario(unclosed, 'm.json');
    expect(r.ok ? [] : r.issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([`${open + 1}:12 the '{' opened here is never closed`]);
    const comma = parseScenario(json.replace('"exercise": "tabletop",', '"exercise": "tabletop"'), 'm.json');
    // (a comma left out: said where it goes, as JSON would have it)
    expect(comma.ok ? [] : comma.issues.map((i) => i.hint)).toEqual([`add ',' at the end of line ${lines.findIndex((l) => l.trim() === '"exercise": "tabletop",') + 1}`]);
  });

  it('finds none in any YAML or JSON the libraries write, block or flow (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 2, max: 4 }), fc.constantFrom('any', 'block', 'flow'), (v, indent, style) => {
      const doc = { root: v, list: [v, { k: v }] };
      expect(unclosedFlows(stringify(doc, { indent, collectionStyle: style as 'any' | 'block' | 'flow' }))).toEqual([]);
      expect(unclosedFlows(JSON.stringify(doc, null, indent))).toEqual([]);
    }), { numRuns: 400 });
    for (const f of scenarioFiles()) expect(unclosedFlows(readFileSync(f, 'utf8')), f).toEqual([]);
  });

  it("any closing bracket of minimal.yaml left off that breaks the file is said once, at its opening bracket", () => {
    const lines = minimal.split('\n');
    let broken = 0;
    lines.forEach((l, i) => {
      const at = l.lastIndexOf('}') >= 0 ? l.lastIndexOf('}') : l.lastIndexOf(']');
      if (at < 0 || l.trimStart().startsWith('#')) return;
      const cut = l.slice(0, at) + l.slice(at + 1);
      const r = parseScenario([...lines.slice(0, i), cut, ...lines.slice(i + 1)].join('\n'), 'm.yaml');
      const syntax = r.ok ? [] : r.issues.filter((x) => x.path === '(syntax)');
      if (syntax.length === 0) return;
      broken++;
      expect(syntax.map((x) => `${x.line} ${x.message.replace(/'.'/, 'B')}`), `line ${i + 1} as ${JSON.stringify(cut)}`).toEqual([`${i + 1} the B opened here is never closed`]);
    });
    expect(broken).toBeGreaterThan(5);
  });
});

describe('a key written twice in one mapping', () => {
  it('names the key and the line that has it already', () => {
    const text = edit(minimal, ['    population: 12000\n', '    population: 12000\n    population: 5\n']);
    const line = lineOf(text, 'population: 5');
    expect(issues(text)).toEqual([`${line}:5 yaml 'population' is written a second time here: line ${line - 1} has it already (keep one of them; YAML would keep only the last)`]);
  });
});
