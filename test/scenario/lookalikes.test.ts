// Characters pasted from Word, a web page or a chat into a scenario or a decisions file, that look like the ones the
// file needs: a dash for '-' in an id, a non-breaking space or a full-width colon where YAML needs ' ' or ':', curly
// quotes around a value. Before: 'write mxmilitia' (the dash dropped, and the correct references then told 'did you
// mean mxmilitia'), 'implicit keys need to be on a single line (add the colon after the key)' with the colon there,
// nine parser errors for one non-breaking space, and a date hint of another day for a date in curly quotes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { lookalikesInStructure } from '../../engine/scenario/lookalikes.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { parseDecisions } from '../../engine/sim/decisions.js';

const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;

function said(text: string, lang: 'en' | 'vi' = 'en'): string[] {
  const r = parseScenario(text, 'm.yaml');
  return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, lang));
}

describe('a lookalike character in an id', () => {
  it("an en dash (Word's autocorrect) is named, the id to write keeps its '-', and the references written right are not questioned", () => {
    const text = minimal.replace('  - id: mx-militia\n', '  - id: mx\u2013militia\n');
    expect(said(text)).toEqual([`m.yaml:${lineOf(text, 'mx\u2013militia')}:9: error[id] units[0].id: 'mx\u2013militia' is not a valid id (replace the dash '\u2013' (U+2013) with '-': write 'mx-militia')`]);
    expect(said(text, 'vi')[0]).toContain("hãy thay dấu gạch '\u2013' (U+2013) bằng '-': viết 'mx-militia'");
  });

  it('each of the dash family (U+2010-2015, the minus sign) stands for -', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']) {
      const text = minimal.replace('  - id: mx-militia\n', `  - id: mx${dash}militia\n`);
      const code = 'U+' + dash.codePointAt(0)!.toString(16).toUpperCase();
      expect(said(text), code).toEqual([expect.stringContaining(`(replace the dash '${dash}' (${code}) with '-': write 'mx-militia')`)]);
    }
  });

  it('an invisible zero-width space is named, with the id to write', () => {
    const text = minimal.replace('  - id: muong-xen\n', '  - id: muong-xen\u200b\n');
    expect(said(text)).toEqual([expect.stringContaining("areas[1].id: 'muong-xen\u200b' is not a valid id (remove the invisible zero-width space (U+200B): write 'muong-xen')")]);
  });

  it('a dash in a reference is the reference meant, said once at it', () => {
    const text = minimal.replace('    base: muong-xen\n', '    base: muong\u2013xen\n');
    expect(said(text)).toEqual([expect.stringContaining("units[0].base: 'muong\u2013xen' is not a valid id (replace the dash '\u2013' (U+2013) with '-': write 'muong-xen')")]);
  });

  it('a diacritic is still said as ids being without them', () => {
    const text = minimal.replace('  - id: muong-xen\n', '  - id: mường-xén\n');
    expect(said(text)).toEqual([expect.stringContaining('(ids use lower-case letters, digits, ".", "_" and "-" (no spaces or diacritics): write \'muong-xen\')')]);
  });

  it('a non-breaking hyphen in a decisions file: the id to write, and no warning that names it another way', () => {
    const scenario = parseScenario(minimal, 'm.yaml');
    expect(scenario.ok).toBe(true);
    if (!scenario.ok) return;
    const d = parseDecisions('drillsim_decisions: 1\nplayers: [mx-commander]\ndecisions:\n  - { at: T+00:30, role: mx-commander, do: dispatch, unit: mx-militia, incident: collapse\u20111 }\n', 'd.yaml', scenario.scenario);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      "d.yaml:4:82: error[id] decisions[0].incident: 'collapse\u20111' is not a valid id (replace the dash '\u2011' (U+2011) with '-': write 'collapse-1')",
    ]);
  });
});

describe('a lookalike where YAML needs its own character', () => {
  it("a non-breaking space after a key's colon: that character, at its column, once", () => {
    const text = minimal.replace('horizon: 4h\n', 'horizon:\u00a04h\n');
    const line = lineOf(text, 'horizon:');
    expect(said(text)).toEqual([`m.yaml:${line}:9: error[yaml] (syntax): a non-breaking space (U+00A0) after 'horizon:', where YAML needs an ordinary space (type an ordinary space in its place: horizon: 4h)`]);
    expect(said(text, 'vi')).toEqual([`m.yaml:${line}:9: error[yaml] (syntax): một dấu cách không ngắt dòng (U+00A0) sau 'horizon:', chỗ YAML cần một dấu cách thường (hãy gõ một dấu cách thường vào chỗ đó: horizon: 4h)`]);
  });

  it('a non-breaking space in an indentation: one error at it, not nine about compact mappings', () => {
    const text = minimal.replace('    crew: 12\n', '\u00a0   crew: 12\n');
    expect(said(text)).toEqual([`m.yaml:${lineOf(text, 'crew: 12')}:1: error[yaml] (syntax): a non-breaking space (U+00A0) in the indentation, which YAML does not read as a space (type an ordinary space in its place; text pasted from Word, a web page or a chat brings these)`]);
    // at the top level YAML reads it without an error, as a key ' horizon': said the same
    expect(said(minimal.replace('horizon: 4h\n', '\u00a0horizon: 4h\n'))[0]).toContain(':1: error[yaml] (syntax): a non-breaking space (U+00A0) in the indentation');
  });

  it("a full-width colon where the key's ':' goes", () => {
    const text = minimal.replace('horizon: 4h\n', 'horizon\uff1a 4h\n');
    expect(said(text)).toEqual([`m.yaml:${lineOf(text, 'horizon')}:8: error[yaml] (syntax): a full-width colon '\uff1a' (U+FF1A) after 'horizon', where the key's ':' goes (type ':' in its place: horizon: 4h)`]);
  });

  it('in a { ... } mapping, and in a decisions file', () => {
    const text = minimal.replace('subject: { vi: Báo tin sập nhà, en: House collapse reported }', 'subject: { vi: Báo tin sập nhà, en:\u00a0House collapse reported }');
    expect(said(text)).toEqual([expect.stringMatching(/error\[yaml\] \(syntax\): a non-breaking space \(U\+00A0\) after 'en:'.*en: House collapse reported }\)$/)]);
    const scenario = parseScenario(minimal, 'm.yaml');
    if (!scenario.ok) throw new Error('minimal.yaml does not load');
    const d = parseDecisions('drillsim_decisions: 1\nplayers:\u00a0[mx-commander]\ndecisions: []\n', 'd.yaml', scenario.scenario);
    expect(!d.ok && d.issues.map((i) => formatIssueIn(i, 'en'))).toEqual(["d.yaml:2:9: error[yaml] (syntax): a non-breaking space (U+00A0) after 'players:', where YAML needs an ordinary space (type an ordinary space in its place: players: [mx-commander])"]);
  });

  it('inside a text value they are what the planner wrote: a scenario with them in its texts loads', () => {
    const text = minimal
      .replace('en: House collapse after heavy rain in Mường Xén', 'en: House collapse\u00a0after heavy rain in Mường Xén \u2013 note\uff1a 12 h')
      .replace('vi: Một nhà sàn bị sập do sạt lở sau mưa lớn, có người mắc kẹt.', 'vi: "Một nhà sàn bị sập\u00a0: có người mắc kẹt"');
    expect(parseScenario(text, 'm.yaml').ok).toBe(true);
  });

  it('finds none in a block text, a text going on over lines, or a text in quotes', () => {
    expect(lookalikesInStructure('message: |\n  \u00a0Note:\u00a0x\n  \u2013 item\nb: 1\n')).toEqual([]);
    expect(lookalikesInStructure('message:\n  en: A text that\n    \u2013 goes on\n    \u00a0and on\n')).toEqual([]);
    expect(lookalikesInStructure('- a text\n  \u2013 going on\n')).toEqual([]);
    expect(lookalikesInStructure('name: { vi: "a, b\uff1ac", en: b }\n')).toEqual([]);
    expect(lookalikesInStructure('en: "a\n  \u2013 b\uff1ac"\nx: 1\n')).toEqual([]);
  });
});

describe('a value in curly quotes', () => {
  it('is said to be in curly quotes, with what it reads as without them (not a date of another day)', () => {
    const text = minimal.replace('start: "2025-09-20T20:00:00+07:00"', 'start: \u201c2025-09-20T20:00:00+07:00\u201d');
    expect(said(text)).toEqual([`m.yaml:11:8: error[datetime] start: '\u201c2025-09-20T20:00:00+07:00\u201d' is not a date-time with a UTC offset (the value is in curly quotes \u201c2025-09-20T20:00:00+07:00\u201d, which YAML keeps as part of it: use straight quotes "…" or none: start: 2025-09-20T20:00:00+07:00)`]);
  });

  it('a number in curly quotes is to be written without quotes at all', () => {
    const text = minimal.replace('comparator: "<=", threshold: 2700', 'comparator: \u201c<=\u201d, threshold: \u201c2700\u201d');
    const lines = said(text);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("comparator: the text '\u201c<=\u201d' is not allowed here (the value is in curly quotes \u201c<=\u201d, which YAML keeps as part of it: use straight quotes \"…\" or none: comparator: <=)");
    expect(lines[1]).toContain("threshold: '\u201c2700\u201d' is not a duration (the value is in curly quotes \u201c2700\u201d, which YAML keeps as part of it: write it without them: threshold: 2700 (the number 2700))");
    expect(said(text, 'vi')[1]).toContain('giá trị nằm trong dấu nháy cong \u201c2700\u201d, mà YAML giữ lại như một phần của giá trị: hãy bỏ dấu nháy: threshold: 2700 (số 2700)');
  });

  it('a text in curly quotes where a text goes is a text like any other', () => {
    expect(parseScenario(minimal.replace('en: House collapse reported', 'en: \u201cHouse collapse reported\u201d'), 'm.yaml').ok).toBe(true);
  });
});

describe("a ': ' in a plain text", () => {
  it('twice in one text is one mistake, said once, at the first', () => {
    const text = minimal.replace('en: A stilt house has collapsed in a landslide after heavy rain; people are trapped.', 'en: Note: a stilt house has collapsed: people are trapped.');
    expect(said(text)).toEqual([`m.yaml:82:15: error[yaml] (syntax): the text after 'en:' holds ': ', which YAML reads as the start of a key (put the text in quotes: en: "Note: a stilt house has collapsed: people are trapped.")`]);
  });
});
