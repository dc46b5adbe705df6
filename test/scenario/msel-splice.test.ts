/**
 * `msel import` rewrites only the `injects:` section of a scenario file: the
 * section is found from the YAML parse, whatever follows it (the next key
 * right under it, blank lines, comments), and every byte outside it stays.
 */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { replaceInjectsInText, writtenInjects } from '../../engine/scenario/msel.js';
import { Inject } from '../../engine/scenario/schema.js';
import { loadNamed } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');
/** Written injects as the import hands them over; one with line breaks, which YAML writes as a block scalar. */
const pool = [
  ...(writtenInjects(ksn.injects.slice(0, 4)) as Record<string, unknown>[]),
  { ...(writtenInjects(ksn.injects.slice(4, 5))[0] as Record<string, unknown>), message: 'dòng 1\ndòng 2\n\n# not a comment\n' },
];

/** Other top-level sections, as planners lay them out (no line break at the end: the layout adds it). */
const otherSection = fc.constantFrom(
  'id: demo',
  'horizon: 18h # eighteen hours',
  'title: { vi: "Lũ quét", en: Flash flood }',
  'summary:\n  vi: Mưa lớn.\n  en: Heavy rain.',
  'objectives:\n  - id: evac\n    text: Sơ tán # why\n  - id: lives',
  'objectives:\n- id: evac\n- id: lives',
  'doctrine:\n  dispatch: severity\n  reaction: { uniform: [5m, 20m] }',
  'roles: []',
  'note: |\n  a block\n\n  scalar',
);
/** What may stand between two sections: nothing, blank lines, comments (about the next section). */
const separator = fc.constantFrom('', '\n', '\n\n', '# next\n', '\n# about the next section\n', '#\n\n# two comments\n');
/** The injects section as it may be found before the import. */
const oldInjects = fc.constantFrom(
  'injects:\n  - id: old\n    seq: 1\n',
  'injects:\n- id: old\n  seq: 1\n',
  'injects:\n  - id: old # trailing comment\n    seq: 1\n  # between items\n  - id: older\n',
  'injects:\n\n  - id: old\n\n  - id: older\n',
  'injects:\n  - { id: old, seq: 1 }\n',
  'injects:\n  - id: old\n    message: |\n      two\n\n      paragraphs\n',
);
/** The injects value written on the key's own line (no line break in the section). */
const inlineInjects = fc.constantFrom('injects: []', 'injects: [] # none yet', 'injects:', 'injects: # to do');

const layout = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  head: fc.constantFrom('', '# Kỳ Sơn\n# draft 2\n', 'drillsim: 1\n'),
  before: fc.array(fc.tuple(otherSection, separator), { maxLength: 3 }),
  injects: fc.oneof(oldInjects.map((t) => ({ text: t, inline: false })), inlineInjects.map((t) => ({ text: t, inline: true }))),
  after: fc.array(fc.tuple(separator, otherSection), { maxLength: 3 }),
  finalEol: fc.boolean(),
  written: fc.subarray(pool, { minLength: 1 }),
}).filter((l) => {
  // a YAML file cannot give the same key twice
  const keys = [...l.before.map(([s]) => s), ...l.after.map(([, s]) => s)].map((s) => s.split(':')[0]);
  return new Set(keys).size === keys.length;
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

/** The file in three parts: what comes before the injects key, the section, and what comes after it. */
function build(l: Layout) {
  const nl = (s: string) => s.replace(/\n/g, l.eol);
  const prefix = nl(l.head + l.before.map(([s, sep]) => `${s}\n${sep}`).join(''));
  // a block section ends after its line break; an inline one before it
  let section: string = l.injects.text;
  let suffix = (l.injects.inline ? '\n' : '') + l.after.map(([sep, s]) => `${sep}${s}\n`).join('');
  if (!l.finalEol) {
    if (suffix !== '') suffix = suffix.slice(0, -1);
    else section = section.replace(/\n$/, '');
  }
  section = nl(section);
  suffix = nl(suffix);
  return { prefix, section, suffix, text: prefix + section + suffix };
}

describe('replacing the injects section of a scenario file', () => {
  it('keeps every byte outside the injects section and reads back the new injects and every other section unchanged (property)', () => {
    fc.assert(
      fc.property(layout, (l) => {
        const { prefix, suffix, text } = build(l);
        const before = parseDocument(text);
        expect(before.errors).toEqual([]);
        const next = replaceInjectsInText(text, l.written, 'yaml');
        expect(next.startsWith(prefix)).toBe(true);
        expect(next.endsWith(suffix)).toBe(true);
        expect(next.length).toBeGreaterThan(prefix.length + suffix.length);
        const after = parseDocument(next);
        expect(after.errors).toEqual([]);
        // the injects as the scenario reads them (the section leaves out defaults such as `commands: []`)
        const { injects, ...rest } = after.toJS();
        expect(injects.map((i: unknown) => Inject.parse(i))).toEqual(l.written.map((i) => Inject.parse(i)));
        const { injects: _old, ...restBefore } = before.toJS();
        expect(rest).toEqual(restBefore);
        // a comment on the injects line stays on it
        if (l.injects.text.split('\n')[0].includes('#')) expect(next.slice(prefix.length).split(l.eol)[0]).toMatch(/^injects: #/);
        // imported twice: the same text again
        expect(replaceInjectsInText(next, l.written, 'yaml')).toBe(next);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the end of the section when the next key follows right under it (a second import used to splice in that key)', () => {
    const text = 'id: x\ninjects:\n  - id: old\nobjectives:\n  - id: evac\n';
    const next = replaceInjectsInText(text, [{ id: 'new', seq: 1 }], 'yaml');
    expect(next).toBe('id: x\ninjects:\n  - id: new\n    seq: 1\nobjectives:\n  - id: evac\n');
  });

  it('keeps the blank line between the injects and the next section', () => {
    const text = 'id: x\ninjects:\n  - id: old\n\nobjectives: []\n';
    expect(replaceInjectsInText(text, [{ id: 'new' }], 'yaml')).toBe('id: x\ninjects:\n  - id: new\n\nobjectives: []\n');
  });

  it('indents the section like its key in a scenario indented as a whole', () => {
    expect(replaceInjectsInText('  id: x\n  injects:\n    - id: old\n  seed: 1\n', [{ id: 'n', objectives: ['a'] }], 'yaml'))
      .toBe('  id: x\n  injects:\n    - id: n\n      objectives: [a]\n  seed: 1\n');
  });

  it('writes into a scenario written as one flow mapping, and adds a section to a file without one', () => {
    expect(replaceInjectsInText('{ id: x, injects: [], seed: 1 }\n', [{ id: 'n' }], 'yaml')).toBe('{ id: x, injects: [{"id":"n"}], seed: 1 }\n');
    expect(replaceInjectsInText('{ id: x }\n', [{ id: 'n' }], 'yaml')).toBe('{ id: x, injects: [{"id":"n"}] }\n');
    expect(replaceInjectsInText('id: x # last', [{ id: 'n' }], 'yaml')).toBe('id: x # last\n\ninjects:\n  - id: n\n');
  });
});
