/**
 * What the messages about a missing key or a wrong id tell a planner to do:
 * what the key holds, what the id names instead, where to add the first of
 * its kind, and signs written the wrong way round (`=>`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ScenarioIssue } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { sayIn } from '../../engine/scenario/say.js';
import { ROOT } from '../helpers/cli.js';
import { edit } from '../helpers/scenarios.js';

const quePhong = readFileSync(join(ROOT, 'test/fixtures/que-phong.yaml'), 'utf8');
const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');

function issuesOf(text: string): ScenarioIssue[] {
  const r = parseScenario(text, 'qp.yaml');
  return r.ok ? r.warnings : r.issues;
}
const at = (text: string, path: string) => issuesOf(text).filter((i) => i.path === path).map((i) => `${i.code}: ${i.message} (${i.hint})`);

describe('a missing key', () => {
  it("says what the key holds (a unit's base), not only its name", () => {
    expect(at(edit(quePhong, ['    base: tri-le\n    home: tri-le\n', '    home: tri-le\n']), 'units[0].base'))
      .toEqual(["missing: missing required key 'base' (add 'base:', road node, or an area when there is no road network)"]);
  });

  it("says what an inject's seq is, and what a decision's options are", () => {
    expect(at(edit(quePhong, ['  - id: crack-report\n    seq: 3\n', '  - id: crack-report\n']), 'injects[2].seq'))
      .toEqual(["missing: missing required key 'seq' (add 'seq:', the inject's number in the MSEL, e.g. 3)"]);
    const noOptions = edit(quePhong, ["      options:\n        - { id: evacuate-now, label: { vi: Sơ tán ngay, en: Evacuate now }, commands: [{ do: evacuate, zone: pa-co-hillside }] }\n        - { id: wait, label: { vi: Chờ sáng, en: Wait for daylight } }\n", '']);
    expect(at(noOptions, 'injects[2].decision.options'))
      .toEqual(["missing: missing required key 'options' (add 'options:', the choices, at least two: - { id, label, commands })"]);
  });

  it('calls a missing rating M missing (it said "\'M\' has no value"), and says what it takes', () => {
    expect(at(edit(quePhong, ['rating: { P: 0, S: 1, M: 3 }', 'rating: { P: 0, S: 1 }']), 'objectives[2].rating.M'))
      .toEqual(["missing: missing required key 'M' (add 'M:', a number; for a metric in seconds (first_on_scene_s, ...) a duration such as 45m also reads)"]);
  });
});

describe('an unknown id', () => {
  it('that names something of another kind says what it is (an area where a zone is asked for: the zones in it)', () => {
    const text = edit(quePhong, ['metric: evacuated_share, of: pa-co-hillside,', 'metric: evacuated_share, of: tri-le,']);
    expect(at(text, 'objectives[0].criterion.of')).toEqual(["unknown-id: unknown zone 'tri-le' ('tri-le' is an area, not a zone; the zone in it: pa-co-hillside)"]);
  });

  it('of a kind the scenario has none of yet says where to add the first one', () => {
    const withZone = edit(minimal, ["    expected: { do: dispatch, incident: collapse-1, within: 15m }", "    expected: { do: evacuate, zone: old-blocks, within: 15m }"]);
    expect(at(withZone, 'injects[0].expected.zone')).toEqual(["unknown-id: unknown zone 'old-blocks' (the scenario has none yet: add it under `evacuation.zones:`)"]);
  });

  it("whose list's key is misspelt says to correct the key, not to add the list a second time (review #9)", () => {
    const kySon = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const misspelt = edit(kySon, ['\ninjects:\n', '\ninjcets:\n']);
    expect(issuesOf(misspelt).map((i) => `${i.path}: ${i.code}`)).toContain('injcets: unknown-key');
    const refs = issuesOf(misspelt).filter((i) => i.code === 'unknown-id');
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.hint).toBe("the scenario's list is written `injcets:`, which is not read: correct it to `injects:`");
    // a nested list too (`evacuation.zones:` written `zone:`)
    const zonesMisspelt = edit(kySon, ['\n  zones:\n', '\n  zone:\n']);
    const zoneRefs = issuesOf(zonesMisspelt).filter((i) => i.code === 'unknown-id' && i.message.includes('zone'));
    expect(zoneRefs.length).toBeGreaterThan(0);
    for (const r of zoneRefs) expect(r.hint).toBe("the scenario's list is written `evacuation.zone:`, which is not read: correct it to `evacuation.zones:`");
    // a key the format has is no misspelling: Kỳ Sơn's `rules:` is one letter from `roles:`, which it lacks here
    const noRoles = kySon.replace(/\nroles:\n(?:[ #].*\n|\n)*/, '\n');
    expect(noRoles).toContain('\nrules:\n');
    expect(noRoles).not.toContain('\nroles:');
    const roleRefs = issuesOf(noRoles).filter((i) => i.code === 'unknown-id' && i.message.includes('role'));
    expect(roleRefs.length).toBeGreaterThan(0);
    for (const r of roleRefs) expect(r.hint).toContain('add it under `roles:`');
  });

  it("in a list (a role's commands), left there when the unit was deleted, says it may be taken out of the list", () => {
    const vinh = readFileSync(join(ROOT, 'scenarios/vinh-wards-typhoon-night.yaml'), 'utf8');
    const withoutBattalion = vinh.replace(/^  - \{ id: d324-battalion, .*\n/m, '');
    expect(withoutBattalion).not.toBe(vinh);
    expect(at(withoutBattalion, 'roles[0].commands[3]')).toEqual([
      "unknown-id: unknown unit 'd324-battalion' (known: tv-militia, tv-police, tr-militia, tr-police, tr-youth, vh-militia, vh-police, pc07-rescue, health-115, pmc-company, power-crew, red-cross; a unit not among them: add it under `units:`, or take it out of this list)",
    ]);
    // outside a list there is nothing to take out: the known ids, as before
    expect(at(edit(quePhong, ['metric: evacuated_share, of: pa-co-hillside,', 'metric: evacuated_share, of: ban-na,']), 'objectives[0].criterion.of'))
      .toEqual(["unknown-id: unknown zone 'ban-na' (known: pa-co-hillside)"]);
  });

  it('names each place once where a node and an area share an id (the known list of a base named nowhere)', () => {
    const issues = at(edit(quePhong, ['    base: tri-le\n    home: tri-le\n', '    base: con-cuong\n    home: tri-le\n']), 'units[0].base');
    expect(issues).toHaveLength(1);
    const known = /known: ([^;]+);/.exec(issues[0]!)![1]!.split(', ');
    expect(known).toContain('tri-le');
    expect(known).toEqual([...new Set(known)]);
  });

  it('keeps the near miss when there is one', () => {
    expect(at(edit(quePhong, ['metric: evacuated_share, of: pa-co-hillside,', 'metric: evacuated_share, of: pa-co-hilside,']), 'objectives[0].criterion.of'))
      .toEqual(["unknown-id: unknown zone 'pa-co-hilside' (did you mean 'pa-co-hillside'?)"]);
  });
});

describe('a comparison sign written the other way round', () => {
  it("suggests '>=' for '=>' and '<=' for '=<' (spelling alone suggested '==')", () => {
    expect(at(edit(quePhong, ['comparator: ">=", threshold: 0.9', 'comparator: "=>", threshold: 0.9']), 'objectives[0].criterion.comparator'))
      .toEqual(["enum: the text '=>' is not allowed here (did you mean '>='?)"]);
    expect(at(edit(quePhong, ['comparator: "<=", threshold: 2700', 'comparator: "=<", threshold: 2700']), 'objectives[1].criterion.comparator'))
      .toEqual(["enum: the text '=<' is not allowed here (did you mean '<='?)"]);
  });
});

describe('values and keys in other words', () => {
  it("reads a 'mechanism' exercise (diễn tập vận hành cơ chế) as functional and a 'map' exercise as tabletop", () => {
    expect(at(edit(quePhong, ['exercise: tabletop', 'exercise: mechanism']), 'exercise')).toEqual(["enum: the text 'mechanism' is not allowed here (did you mean 'functional'?)"]);
    expect(at(edit(quePhong, ['exercise: tabletop', 'exercise: map']), 'exercise')).toEqual(["enum: the text 'map' is not allowed here (did you mean 'tabletop'?)"]);
    expect(at(edit(quePhong, ['exercise: tabletop', 'exercise: field']), 'exercise')).toEqual(["enum: the text 'field' is not allowed here (a field exercise is 'drill' or 'full-scale')"]);
  });

  it('gives the start with the T and Vietnam\'s offset for a date-time written without them', () => {
    const start = quePhong.match(/^start: .*$/m)![0];
    expect(at(edit(quePhong, [start, 'start: "2025-09-10 14:00"']), 'start')).toEqual(["datetime: '2025-09-10 14:00' is not a date-time with a UTC offset (write '2025-09-10T14:00:00+07:00': +07:00 is Vietnam's offset from UTC)"]);
    expect(at(edit(quePhong, [start, 'start: "2025-09-10T14:00:00+0700"']), 'start')).toEqual(["datetime: '2025-09-10T14:00:00+0700' is not a date-time with a UTC offset (write '2025-09-10T14:00:00+07:00')"]);
  });

  it('reads a start written the Vietnamese way, day/month/year, and gives that moment in ISO form (not a fixed example of another day)', () => {
    const start = quePhong.match(/^start: .*$/m)![0];
    const vi = (text: string) => issuesOf(text).filter((i) => i.path === 'start').map((i) => sayIn(i.words.hint, 'vi'));
    const dmy = edit(quePhong, [start, 'start: 01/10/2022 18:00']);
    expect(at(dmy, 'start')).toEqual(["datetime: '01/10/2022 18:00' is not a date-time with a UTC offset (read day/month/year, write '2022-10-01T18:00:00+07:00': +07:00 is Vietnam's offset from UTC)"]);
    expect(vi(dmy)).toEqual(["đọc theo ngày/tháng/năm, hãy viết '2022-10-01T18:00:00+07:00': +07:00 là độ lệch múi giờ của Việt Nam so với UTC"]);
    expect(at(edit(quePhong, [start, 'start: 18h30 ngày 1/10/2022']), 'start')).toEqual([expect.stringContaining("(read day/month/year, write '2022-10-01T18:30:00+07:00': ")]);
    expect(at(edit(quePhong, [start, 'start: 01.10.2022 6:30 PM']), 'start')).toEqual([expect.stringContaining("(read day/month/year, write '2022-10-01T18:30:00+07:00': ")]);
    expect(at(edit(quePhong, [start, 'start: 01/10/2022']), 'start')).toEqual(["datetime: '01/10/2022' is not a date-time with a UTC offset (read day/month/year, that is 2022-10-01, with no time of day: write the hour the drill starts too, like '2022-10-01T08:00:00+07:00')"]);
    expect(at(edit(quePhong, [start, 'start: 31/09/2022 18:00']), 'start')).toEqual(["datetime: '31/09/2022 18:00' is not a date-time with a UTC offset (2022-09-31 is no day of the calendar: month 9 has 30 days that year)"]);
    // words that are no date still get the example
    expect(at(edit(quePhong, [start, 'start: tomorrow evening']), 'start')).toEqual(["datetime: 'tomorrow evening' is not a date-time with a UTC offset (write it like '2022-10-02T21:00:00+07:00')"]);
  });

  it('says which part of a well-shaped date-time is not on the calendar or the clock, rather than repeat it back', () => {
    const start = quePhong.match(/^start: .*$/m)![0];
    expect(at(edit(quePhong, [start, 'start: "2025-09-31T20:00:00+07:00"']), 'start')).toEqual(["datetime: '2025-09-31T20:00:00+07:00' is not a date-time with a UTC offset (2025-09-31 is no day of the calendar: month 9 has 30 days that year)"]);
    expect(at(edit(quePhong, [start, 'start: "2025-02-29T20:00:00+07:00"']), 'start')).toEqual(["datetime: '2025-02-29T20:00:00+07:00' is not a date-time with a UTC offset (2025-02-29 is no day of the calendar: month 2 has 28 days that year)"]);
    expect(at(edit(quePhong, [start, 'start: "2025-13-01T20:00:00+07:00"']), 'start')).toEqual(["datetime: '2025-13-01T20:00:00+07:00' is not a date-time with a UTC offset (there is no month 13: months go from 01 to 12)"]);
    expect(at(edit(quePhong, [start, 'start: "2025-09-10T24:00:00+07:00"']), 'start')).toEqual(["datetime: '2025-09-10T24:00:00+07:00' is not a date-time with a UTC offset (24:00:00 is no time of day: hours go to 23, minutes and seconds to 59)"]);
    // a leap year's 29 February is a day: the start is read
    expect(at(edit(quePhong, [start, 'start: "2024-02-29T20:00:00+07:00"']), 'start')).toEqual([]);
  });

  it("suggests the key with its unit for a key written without it ('speed' for 'speed_kmh')", () => {
    expect(at(edit(quePhong, ['    crew: 25\n', '    crew: 25\n    speed: 20\n']), 'units[0].speed')).toEqual(["unknown-key: unknown key 'speed' (did you mean 'speed_kmh'? the key names its unit)"]);
  });

  it("says to put a single item written where a list goes in brackets (objectives: evac-x, declares: 1), in both languages", () => {
    const text = edit(quePhong, ['    declares: [1]\n', '    declares: 1\n'], [/objectives: \[([a-z-]+)\]/, 'objectives: $1']);
    const issues = issuesOf(text).filter((i) => i.code === 'type');
    expect(issues.map((i) => `${i.path}: ${i.message} (${i.hint})`)).toEqual([
      'roles[0].declares: expected a list, got the number 1 (write it as a list, in square brackets: declares: [1])',
      "injects[1].objectives: expected a list, got the text 'evac-pa-co' (write it as a list, in square brackets: objectives: [evac-pa-co])",
    ]);
    expect(sayIn(issues.find((i) => i.path === 'roles[0].declares')!.words.hint!, 'vi')).toBe('hãy viết thành danh sách, trong ngoặc vuông: declares: [1]');
  });

  it('writes the brackets the JSON way in a .json scenario', () => {
    const json = parseYaml(quePhong);
    json.injects[1].objectives = json.injects[1].objectives[0];
    const r = parseScenario(JSON.stringify(json, null, 2), 'qp.json');
    const issue = (r.ok ? r.warnings : r.issues).find((i) => i.path === 'injects[1].objectives');
    expect(issue?.hint).toBe('write it as a list, in square brackets: "objectives": ["evac-pa-co"]');
  });

  it('says what a list with too few items holds (a decision point with one option)', () => {
    const one = edit(quePhong, ['        - { id: wait, label: { vi: Chờ sáng, en: Wait for daylight } }\n', '']);
    expect(at(one, 'injects[2].decision.options')).toEqual(['too-few: needs at least 2 items (it holds the choices, at least two: - { id, label, commands })']);
  });
});
