/**
 * `coast: true` on an area, and the load-time check that nothing in a
 * scenario orders (or expects) a sea ban for an area without one: the engine
 * would refuse it in every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, type ScenarioIssue } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';
import { edit } from '../helpers/scenarios.js';

const FILE = 'scenarios/typhoon-landfall-coast.yaml';
const typhoon = readFileSync(join(ROOT, FILE), 'utf8');

function issuesOf(text: string): ScenarioIssue[] {
  const r = parseScenario(text, FILE);
  return r.ok ? r.warnings : r.issues;
}
/** the 1-based line and column of the first `needle` after the line holding `after` */
function placeOf(text: string, after: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, k) => k >= start && l.includes(needle));
  return { line: i + 1, column: lines[i].indexOf(needle) + 1 };
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const unmark = (id: string): [RegExp, string] => [new RegExp(`(- \\{ id: ${id}, name: .*), coast: true \\}`), '$1 }'];

describe('an area\'s coast', () => {
  it('is read from `coast: true`; an area that does not say so has none', () => {
    const r = parseScenario(typhoon, FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const coast = Object.fromEntries(r.scenario.areas.map((a) => [a.id, a.coast === true]));
    // Cửa Lò, Hải Châu (Diễn Châu) and Quỳnh Anh (Quỳnh Lưu) are on the sea, and so the province; Vinh is not
    expect(coast).toEqual({ 'nghe-an': true, 'cua-lo': true, 'thanh-vinh': false, 'hai-chau': true, 'quynh-anh': true });
  });

  it('must be true or false', () => {
    const issues = issuesOf(edit(typhoon, [/(id: cua-lo, name: .*), coast: true \}/, '$1, coast: yes-please }']));
    expect(issues.map((i) => `${i.severity} ${i.path}`)).toContain('error areas[1].coast');
  });

  it('the shipped typhoon scenario, whose sea bans are all for coastal areas, has no issue', () => {
    expect(issuesOf(typhoon)).toEqual([]);
  });
});

describe('a sea ban for an area without a coast', () => {
  it("in a decision point's default option is an error at the area, with the path, the place and a hint naming the area to mark", () => {
    const text = edit(typhoon, unmark('hai-chau'));
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    const i = issues[0];
    expect(i).toMatchObject({ severity: 'error', code: 'no-coast', file: FILE, path: 'injects[3].decision.options[0].commands[1].area', ...placeOf(text, '{ do: sea_ban, area: hai-chau }', 'hai-chau }') });
    expect(i.message).toBe("option 'ban-now' of inject 'emergency-bulletin' (the default, taken when nobody answers by the deadline) orders a sea ban in 'hai-chau', which has no coast: the engine refuses it");
    expect(i.hint).toBe(`add \`coast: true\` to area 'hai-chau' (areas[3], line ${lineOf(text, '- { id: hai-chau,')}) if it borders the sea; otherwise name a coastal area instead (nghe-an, cua-lo, quynh-anh)`);
    expect(formatIssue(i)).toMatch(/^scenarios\/typhoon-landfall-coast\.yaml:\d+:\d+: error\[no-coast\] injects\[3\]\.decision\.options\[0\]\.commands\[1\]\.area: /);
  });

  it('in an option that is not the default is an error too, without the default\'s note', () => {
    const text = edit(typhoon, unmark('hai-chau'), ['      default: ban-now', '      default: wait-next-bulletin']);
    const [i] = issuesOf(text);
    expect(i).toMatchObject({ severity: 'error', code: 'no-coast' });
    expect(i.message).toBe("option 'ban-now' of inject 'emergency-bulletin' orders a sea ban in 'hai-chau', which has no coast: the engine refuses it");
  });

  it("in an inject's expected action is an error that says the inject is never done and its contingency comes in every run", () => {
    const text = edit(typhoon, ['    expected: { do: evacuate, zone: fishing-fleet, within: 2h }', '    expected: { do: sea_ban, area: thanh-vinh, within: 2h }']);
    const issues = issuesOf(text);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(['error no-coast injects[3].expected.area']);
    expect(issues[0].message).toBe("inject 'emergency-bulletin' expects a sea ban in 'thanh-vinh', which has no coast: the engine refuses it, so the inject is never done and its contingency 'vessels-not-answering' comes in every run");
    expect(issues[0].hint).toContain("add `coast: true` to area 'thanh-vinh'");
    expect(issues[0]).toMatchObject(placeOf(text, 'id: emergency-bulletin', 'thanh-vinh, within'));
  });

  it("in a contingency's own expected action is an error", () => {
    const text = edit(typhoon, ['    expected: { do: evacuate, zone: fishing-fleet, within: 1h }', '    expected: { do: sea_ban, area: thanh-vinh, within: 1h }']);
    const issues = issuesOf(text);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(['error no-coast injects[4].expected.area']);
    expect(issues[0].message).toMatch(/^inject 'vessels-not-answering' expects a sea ban in 'thanh-vinh'/);
  });

  it('in an expected action that names no area is an error only when no area has a coast', () => {
    const anywhere = edit(typhoon, ['    expected: { do: evacuate, zone: fishing-fleet, within: 2h }', '    expected: { do: sea_ban, within: 2h }']);
    expect(issuesOf(anywhere)).toEqual([]);
    const nowhere = edit(
      typhoon,
      ['    expected: { do: evacuate, zone: fishing-fleet, within: 2h }', '    expected: { do: sea_ban, within: 2h }'],
      ['            - { do: sea_ban, area: cua-lo }\n            - { do: sea_ban, area: hai-chau }\n            - { do: sea_ban, area: quynh-anh }\n', ''],
      unmark('nghe-an'), unmark('cua-lo'), unmark('hai-chau'), unmark('quynh-anh'),
    );
    const issues = issuesOf(nowhere);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(['error no-coast injects[3].expected.do']);
    expect(issues[0].message).toContain('expects a sea ban, but no area in the scenario has a coast');
    expect(issues[0].hint).toBe('mark the coastal areas with `coast: true`, or remove the sea ban');
  });

  it('for an unknown area is reported as an unknown id, not as a missing coast', () => {
    const issues = issuesOf(edit(typhoon, ['            - { do: sea_ban, area: hai-chau }', '            - { do: sea_ban, area: hai-chou }']));
    expect(issues.map((i) => i.code)).toEqual(['unknown-id']);
  });

  it('every sea ban of the shipped scenarios is for an area with a coast (their run logs are unchanged by the check)', () => {
    for (const f of ['typhoon-landfall-coast', 'cua-lo-high-rise-fire', 'ky-son-flash-flood', 'ban-ve-extreme-inflow-legacy']) {
      const r = parseScenario(readFileSync(join(ROOT, 'scenarios', `${f}.yaml`), 'utf8'), f);
      expect(r.ok, f).toBe(true);
      if (r.ok) expect(r.warnings, f).toEqual([]);
    }
  });
});

describe('an area with a coastal area within it', () => {
  it('has a coast too: without `coast: true` it gets a warning, as a sea ban for all of it would be refused', () => {
    const text = edit(typhoon, unmark('nghe-an'));
    const issues = issuesOf(text);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(['warning parent-coast areas[0].id']);
    expect(issues[0].message).toBe("area 'nghe-an' has no coast, but 'cua-lo', 'hai-chau', 'quynh-anh' within it have one: a sea ban for the whole of 'nghe-an' is refused");
    expect(issues[0].hint).toBe("add `coast: true` to area 'nghe-an'");
  });
});
