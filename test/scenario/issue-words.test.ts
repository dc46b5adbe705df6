/**
 * Every problem the loader can find in a planner's file says itself in Vietnamese as well as in English:
 * the catalogue (engine/scenario/issue-words.ts) has a Vietnamese text for every key, that text is not
 * the English one left untranslated, and it takes what the English takes. An issue carries its words as
 * keys and parameters, so a new problem written without a Vietnamese text fails here (and does not
 * type-check). The schema's field descriptions and the metrics, which hints quote, have theirs too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_PROBLEMS } from '../../engine/core/distributions.js';
import { DESCRIPTIONS_VI, ISSUE_WORDS, METRIC_VI, SAME_IN_BOTH, type IssueKey } from '../../engine/scenario/issue-words.js';
import { formatIssueIn, type ScenarioIssue } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { MISSING, sayIn } from '../../engine/scenario/say.js';
import { METRICS, Scenario } from '../../engine/scenario/schema.js';
import { DecisionsFile, parseDecisions } from '../../engine/sim/decisions.js';
import { ROOT } from '../helpers/cli.js';

const keys = Object.keys(ISSUE_WORDS.en) as IssueKey[];
/** {name} and {name:one|many} */
const placeholders = (t: string) => new Set([...t.matchAll(/\{(\w+)(?::[^|{}]*\|[^{}]*)?\}/g)].map((m) => m[1]));
/** Letters only Vietnamese has (a text with none of them and with English words is most likely English). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/**
 * Where the Vietnamese text leaves out a parameter the English uses, and why: the YAML reader's and zod's own
 * words (`{text}`) are English only, Vietnamese says the problem by its code instead; 'a scenario' / 'kịch bản'
 * (English needs the article, Vietnamese does not); English plural forms of a count Vietnamese says once.
 */
const VI_LEAVES_OUT: Record<string, string[]> = {
  bi: ['en'], 'binary.message': ['what_a'], 'binary.hint': ['what_a'], 'wrong.message': ['what_a'], 'top.list': ['what_a'], 'top.value': ['what_a'],
  'yaml.unreadable-aliases': ['text'], 'yaml.unreadable-unresolved': ['text'], 'zod.format': ['text'], 'zod.invalid-key': ['text'], 'zod.other': ['text'], 'strict-json.message': ['text'],
  'art.a': [], 'art.an': [], 'ref.list-add': ['a_label'], 'vary.unreadable': ['text'], 'bare.message': ['n'], 'parent-coast.message': ['n'], 'fork.before': ['n'], 'fork.a-decision': [],
  'time.hours': ['n'], 'time.minutes': ['n'], 'expected-key.hint': ['n'], 'expected-key.zones': ['n'], 'ref.zones-in': ['n'], 'sheet.expected-key.hint': ['n'], 'sheet.expected-key.zones': ['n'],
};

describe('the catalogue of problems, in both languages', () => {
  it('has a Vietnamese text for every key, in NFC, none of them the English left as it was', () => {
    expect(Object.keys(ISSUE_WORDS.vi).sort()).toEqual([...keys].sort());
    const untranslated = keys.filter((k) => !SAME_IN_BOTH.has(k) && ISSUE_WORDS.vi[k] === ISSUE_WORDS.en[k]);
    expect(untranslated).toEqual([]);
    for (const k of keys) {
      expect(ISSUE_WORDS.vi[k].normalize('NFC'), k).toBe(ISSUE_WORDS.vi[k]);
      if (!SAME_IN_BOTH.has(k) && ISSUE_WORDS.vi[k] !== '') {
        // a sentence in Vietnamese has Vietnamese letters (or is only punctuation, codes and parameters)
        // (placeholders, `keys`, quoted values and paths such as docs/scenario-format.md left out)
        const words = ISSUE_WORDS.vi[k].replace(/\{[^}]*\}|`[^`]*`|'[^']*'|"[^"]*"|\S*[/._<>]\S*/g, '').match(/[a-z]{3,}/gi) ?? [];
        if (words.length > 1) expect(ISSUE_WORDS.vi[k], k).toMatch(VIETNAMESE);
      }
    }
  });

  it('the Vietnamese takes the English text\'s parameters (a count, an id, a value) and no others', () => {
    for (const k of keys) {
      const en = placeholders(ISSUE_WORDS.en[k]), vi = placeholders(ISSUE_WORDS.vi[k]);
      const left = [...en].filter((p) => !vi.has(p) && !(VI_LEAVES_OUT[k] ?? []).includes(p) && !(/^yaml\.[A-Z0-9_]+$/.test(k) && p === 'text'));
      expect(left, `${k}: the Vietnamese leaves out`).toEqual([]);
      // a parameter only the Vietnamese uses must be one the code gives: the words of another language ('bi'), or the bare word beside 'a word'
      const extra = [...vi].filter((p) => !en.has(p) && !(k === 'bi' && p === 'vi') && !(p === 'what' && en.has('what_a')) && !(k === 'ref.list-add' && p === 'label'));
      expect(extra, `${k}: the Vietnamese takes`).toEqual([]);
    }
  });

  it('the Vietnamese marks the same snippets of the format as the English (shown as JSON to a .json file)', () => {
    const snippets = (t: string) => [...t.matchAll(/⟪([^⟪⟫]*)⟫/g)].map((m) => m[1]).sort();
    for (const k of keys) {
      expect(ISSUE_WORDS.en[k].split('⟪').length, `${k}: each ⟪ closed`).toBe(ISSUE_WORDS.en[k].split('⟫').length);
      // (a snippet's own words may differ: '<id>' is '<mã>' in Vietnamese)
      expect(snippets(ISSUE_WORDS.vi[k]).length, k).toBe(snippets(ISSUE_WORDS.en[k]).length);
    }
  });

  it('a distribution\'s problems are worded in English as the engine words them (core/distributions.ts)', () => {
    for (const [k, text] of Object.entries(DIST_PROBLEMS)) expect(ISSUE_WORDS.en[`dist.${k}` as IssueKey], k).toBe(text);
  });

  it('every metric and every field description the hints quote has its Vietnamese', () => {
    expect(Object.keys(METRIC_VI).sort()).toEqual(Object.keys(METRICS).sort());
    const described = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (s: any) => {
      if (!s || seen.has(s)) return;
      seen.add(s);
      if (typeof s.description === 'string') described.add(s.description);
      const def = s._zod?.def;
      if (!def) return;
      for (const k of ['innerType', 'in', 'out', 'element', 'valueType', 'keyType', 'rest']) walk(def[k]);
      for (const v of [...Object.values(def.shape ?? {}), ...(def.options ?? []), ...(def.items ?? [])]) walk(v);
    };
    walk(Scenario);
    walk(DecisionsFile);
    expect(described.size).toBeGreaterThan(80);
    expect([...described].filter((d) => DESCRIPTIONS_VI[d] === undefined)).toEqual([]);
    for (const vi of [...Object.values(DESCRIPTIONS_VI), ...Object.values(METRIC_VI)]) expect(vi).toMatch(VIETNAMESE);
  });
});

/** Files that hold many of the problems the loader finds: the fixtures, and the scenarios with one mistake each. */
function corpus(): [string, string][] {
  const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
  const minimal = read('scenarios/minimal.yaml');
  const ky = read('scenarios/ky-son-flash-flood.yaml');
  const edits: [string, string][] = [
    ['tier: commune', 'tier: xa'], ['population: 12000', 'population: 12.000'], ['base: muong-xen', 'base: muong-xem'], ['at: T+00:20', 'at: 20 phút'],
    ['to: mx-commander', 'to: Ban chỉ huy xã Mường Xén'], ['commands: [mx-militia, mx-police]', 'commands: [mx-militia]'], ['threshold: 2700', 'threshold: 45'],
    ['horizon: 4h', 'horizon: 240'], ['  - id: mx-police', '  - id: mx-militia'], ['capabilities: { rescue: 1 }', 'capabilities: { rescue: 1, excavator: 1 }'],
    ['exercise: tabletop', 'exercise: mechanism'], ['start: "2025-09-20T20:00:00+07:00"', 'start: 2025-09-20 20:00'], ['mobilisation: 5m', 'mobilisation: { uniform: [30m, 5m] }'],
    ['rating: { P: 2700, S: 3600, M: 5400 }', 'rating: { P: 5400, S: 3600, M: 2700 }'], ['    crew: 6\n', '    crew: 6\n\tcrew: 7\n'], ['seed: 7', 'seed: 7\n  oops: 1'],
  ];
  return [
    ['test/fixtures/broken.yaml', read('test/fixtures/broken.yaml')],
    ['test/fixtures/broken-syntax.yaml', read('test/fixtures/broken-syntax.yaml')],
    ...edits.map(([a, b]): [string, string] => [`minimal with ${b}`, minimal.replace(a, b)]),
    ['ky-son without coast', ky.replace(/coast: true/g, 'coast: false')],
    ['ky-son keeping all at home', ky.replace(/^doctrine:/m, 'doctrine:\n  keep_home: 5')],
    ['empty', ''], ['a list', '- a\n'], ['binary', 'a\u0000b'],
  ];
}

describe('each problem found says itself in both languages', () => {
  it('the English of an issue is its words rendered in English, and its Vietnamese is whole and another text', () => {
    const issues: ScenarioIssue[] = [];
    for (const [name, text] of corpus()) {
      const r = parseScenario(text, name);
      issues.push(...(r.ok ? r.warnings : r.issues));
    }
    const ky = parseScenario(readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8'));
    if (!ky.ok) throw new Error('ky-son does not load');
    const dec = parseDecisions('drillsim_decisions: 1\nscenario: other\n', 'd.yaml', ky.scenario);
    const dec2 = parseDecisions('drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+40:00, role: tc-chiar, do: evacuate, zone: ta-ca-bank }\n  - { at: T+00:10, role: mx-chair, do: sea_ban, area: ta-ca }\n', 'd.yaml', ky.scenario);
    for (const d of [dec, dec2]) issues.push(...(d.ok ? d.warnings : d.issues));
    const codes = new Set(issues.map((i) => i.code));
    expect(codes.size).toBeGreaterThan(20);
    for (const i of issues) {
      expect(sayIn(i.words.message, 'en'), i.code).toBe(i.message);
      expect(sayIn(i.words.hint, 'en'), i.code).toBe(i.hint);
      const vi = formatIssueIn(i, 'vi');
      expect(vi, i.code).not.toContain(MISSING);
      expect(vi.normalize('NFC')).toBe(vi);
      expect(sayIn(i.words.message, 'vi'), `${i.code}: ${i.message}`).not.toBe(i.message);
    }
  });
});
