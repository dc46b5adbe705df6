/**
 * The checks beyond shape (check.ts) on a planner's scenario (test/fixtures/que-phong.yaml):
 * mistakes that read as valid values and would otherwise run silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioIssue } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { sayIn } from '../../engine/scenario/say.js';
import { ROOT } from '../helpers/cli.js';
import { edit, scenarioFiles } from '../helpers/scenarios.js';

const quePhong = readFileSync(join(ROOT, 'test/fixtures/que-phong.yaml'), 'utf8');

/** Every issue of a text (errors and warnings), each as `severity path: message`. */
function issuesOf(text: string): ScenarioIssue[] {
  const r = parseScenario(text, 'qp.yaml');
  return r.ok ? r.warnings : r.issues;
}
const codes = (text: string) => issuesOf(text).map((i) => i.code);

describe('checks beyond shape', () => {
  it('the fixture itself is valid, with one warning (a shelter limited by its floor space)', () => {
    expect(issuesOf(quePhong).map((i) => `${i.severity} ${i.code}`)).toEqual(['warning crowded']);
  });

  it('every scenario in scenarios/ validates without a warning', () => {
    for (const f of scenarioFiles()) {
      const r = parseScenario(readFileSync(f, 'utf8'), f);
      expect(r.ok, f).toBe(true);
      if (r.ok) expect(r.warnings.map((w) => `${w.path}: ${w.message}`), f).toEqual([]);
    }
  });
});

describe("an incident kind's severity", () => {
  it('is an error outside 1-5 (severity 7 would run as 5), at the key', () => {
    const text = edit(quePhong, ['    severity: 4\n', '    severity: 7\n']);
    const sev = issuesOf(text).find((i) => i.code === 'severity');
    expect(sev).toMatchObject({ severity: 'error', path: 'incident_kinds[0].severity', message: "incident kind 'buried-houses': severity 7 is outside 1-5: it would run as 5" });
    expect(sev!.line).toBe(text.split('\n').indexOf('    severity: 7') + 1);
  });

  it('is an error when a distribution reaches outside 1-5, or a fixed severity is not whole', () => {
    expect(issuesOf(edit(quePhong, ['    severity: 4\n', '    severity: { uniform: [2, 7] }\n'])).find((i) => i.code === 'severity')?.message).toBe("incident kind 'buried-houses': severity reaches 7, outside 1-5: draws beyond are held to 5 at run time");
    expect(issuesOf(edit(quePhong, ['    severity: 4\n', '    severity: { fixed: 0 }\n'])).find((i) => i.code === 'severity')?.message).toContain('severity 0 is outside 1-5: it would run as 1');
    expect(issuesOf(edit(quePhong, ['    severity: 4\n', '    severity: 2.5\n'])).find((i) => i.code === 'severity')?.message).toContain('severity 2.5 is not a whole number: it would run as 3');
  });

  it('takes distributions within 1-5, whose draws are rounded', () => {
    expect(codes(edit(quePhong, ['    severity: 4\n', '    severity: { triangular: [1, 2.5, 5] }\n']))).not.toContain('severity');
    expect(codes(edit(quePhong, ['    severity: 4\n', '    severity: { normal: { mean: 3, sd: 1, min: 1, max: 5 } }\n']))).not.toContain('severity');
  });
});

describe('a rule that names a hazard', () => {
  it('is an error without a condition on it: it would fire whatever the hazard does', () => {
    const text = edit(quePhong, ['    area: tri-le\n    when: { above: 300 }\n', '    area: tri-le\n']);
    const issue = issuesOf(text).find((i) => i.code === 'no-condition');
    expect(issue).toMatchObject({ severity: 'error', path: 'rules[1].hazard', message: "rule 'slide-ql48-qp-tl' names hazard 'rain-que-phong' but no condition on it, so it fires whatever the hazard does" });
    expect(issue!.hint).toContain('add `when: { above: ... }`');
  });

  it('is an error with an empty condition too, pointed at the `when`', () => {
    expect(issuesOf(edit(quePhong, ['when: { above: 300 }', 'when: {}'])).find((i) => i.code === 'no-condition')?.path).toBe('rules[1].when');
  });

  it('a timer (no hazard, no condition) is fine', () => {
    expect(codes(quePhong)).not.toContain('no-condition');
  });
});

describe('who may declare which civil-defence level', () => {
  it('warns when a role may declare a level the law gives to another tier', () => {
    const text = edit(quePhong, ['    area: tri-le\n    commands: [tl-militia, tl-police, tl-border-post, tl-health]\n    declares: [1]', '    area: tri-le\n    commands: [tl-militia, tl-police, tl-border-post, tl-health]\n    declares: [1, 2]'], ['    declares: [2]\n', '    declares: [3]\n']);
    const found = issuesOf(text).filter((i) => i.code === 'declares');
    expect(found.map((i) => `${i.severity} ${i.path}: ${i.message}`)).toEqual([
      "warning roles[0].declares[1]: role 'tl-chair' (commune) may declare civil-defence level 2, which the law gives to the provincial chair",
      "warning roles[2].declares[0]: role 'province-board' (province) may declare civil-defence level 3, which the law gives to the Prime Minister",
    ]);
    expect(found[0].hint).toContain('the commune chair declares level 1, the provincial chair level 2, the Prime Minister level 3');
  });

  it('legacy three tiers: the district declares level 1 (the law as first passed), a commune that may is warned of, in both languages', () => {
    const legacy = readFileSync(join(ROOT, 'scenarios/ban-ve-extreme-inflow-legacy.yaml'), 'utf8');
    expect(codes(legacy)).not.toContain('declares');
    const text = legacy.replace('commands: [td-militia, td-police], supports:', 'commands: [td-militia, td-police], declares: [1], supports:');
    expect(text).not.toBe(legacy);
    const found = issuesOf(text).filter((i) => i.code === 'declares');
    expect(found.map((i) => `${i.severity} ${i.path}: ${i.message}`)).toEqual([
      "warning roles[2].declares[0]: role 'td-chair' (commune) may declare civil-defence level 1, which the law gives to the district chair in three tiers",
    ]);
    expect(found[0].hint).toContain('Civil Defence Law 2023 as first passed (three tiers, before 1 July 2025): the district chair declares level 1');
    const vi = found[0].words!;
    expect(sayIn(vi.message, 'vi')).toBe("vai 'td-chair' (commune) được ban bố cấp độ phòng thủ dân sự 1, trong khi luật giao việc này cho Chủ tịch UBND cấp huyện khi chính quyền có ba cấp");
    expect(sayIn(vi.hint!, 'vi')).toContain('Chủ tịch UBND cấp huyện ban bố cấp độ 1');
    // a district may not declare level 2 either
    expect(codes(legacy.replace('commands: [td-health, td-district-military], declares: [1]', 'commands: [td-health, td-district-military], declares: [1, 2]'))).toContain('declares');
  });

  it('two tiers: a commune chair declares level 1 without a warning, and the hint names the 2025 law', () => {
    expect(codes(quePhong)).not.toContain('declares');
    const found = issuesOf(edit(quePhong, ['    declares: [2]\n', '    declares: [1, 2]\n'])).filter((i) => i.code === 'declares');
    expect(found[0].message).toContain('which the law gives to the commune chair');
    expect(found[0].hint).toContain('as amended in 2025 (two tiers): the commune chair declares level 1');
  });
});

describe("an inject's sender", () => {
  it('warns when it is one letter off a role id, and names the role', () => {
    const issue = issuesOf(edit(quePhong, ['    from: province-board\n', '    from: provice-board\n'])).find((i) => i.code === 'from-role');
    expect(issue).toMatchObject({ severity: 'warning', path: 'injects[1].from', hint: "did you mean role 'province-board'?" });
  });

  it("warns when it is a unit's id, which would show as the bare id, and gives the unit's name to write", () => {
    const issue = issuesOf(edit(quePhong, ['    from: Trưởng bản Pà Cọ\n', '    from: tl-militia\n'])).find((i) => i.code === 'from-id');
    expect(issue).toMatchObject({
      severity: 'warning', path: 'injects[2].from',
      message: "inject 'crack-report' is from 'tl-militia', the id of a unit, not of a role: the MSEL and the report show the sender as 'tl-militia'",
      hint: "write the sender's name: from: { vi: Dân quân xã Tri Lễ, en: Tri Lễ militia }",
    });
  });

  it('takes free text that is no near miss of a role', () => {
    expect(codes(edit(quePhong, ['    from: Trưởng bản Pà Cọ\n', '    from: village-head\n']))).not.toContain('from-role');
    expect(codes(quePhong)).not.toContain('from-role');
  });
});

describe("a scripted incident's area and node", () => {
  it('is an error when the node lies in another area, with both ways to fix it', () => {
    const issue = issuesOf(edit(quePhong, ['kind: buried-houses, area: tri-le, node: pa-co', 'kind: buried-houses, area: que-phong, node: pa-co'])).find((i) => i.code === 'node-area');
    expect(issue).toMatchObject({ severity: 'error', path: 'incidents[0].area', message: "incident 'pa-co-slide' is in area 'que-phong', but its node 'pa-co' is in 'tri-le'" });
    expect(issue!.hint).toBe("set `area: tri-le`, or place it at a node of 'que-phong' (que-phong)");
  });

  it('takes a node in an area under the incident area', () => {
    expect(codes(edit(quePhong, ['kind: buried-houses, area: tri-le, node: pa-co', 'kind: buried-houses, area: nghe-an, node: pa-co']))).not.toContain('node-area');
  });

  it('checks the area and node of an incident a rule spawns the same way', () => {
    const text = edit(quePhong, ['    effect: { cut_road: ql48-qc-qp }\n', '    effect: { spawn: { kind: stranded, area: quy-chau, node: pa-co } }\n']);
    expect(issuesOf(text).find((i) => i.code === 'node-area')?.path).toBe('rules[0].effect.spawn.area');
  });

  it("checks an evacuation zone's node (where people caught in it are found) the same way", () => {
    const text = edit(quePhong, ['      if_caught: stranded\n', '      if_caught: stranded\n      node: quy-chau\n']);
    expect(issuesOf(text).find((i) => i.code === 'node-area')).toMatchObject({ path: 'evacuation.zones[0].area', message: "zone 'pa-co-hillside' is in area 'tri-le', but its node 'quy-chau' is in 'quy-chau'" });
    expect(codes(edit(quePhong, ['      if_caught: stranded\n', '      if_caught: stranded\n      node: pa-co\n']))).not.toContain('node-area');
  });
});

describe('a place given twice', () => {
  it('warns when a zone gives both a node and coords (the node is used), and says which to remove', () => {
    const text = edit(quePhong, ['      if_caught: stranded\n', '      if_caught: stranded\n      node: pa-co\n      coords: { lat: 19.93, lon: 104.95 }\n']);
    expect(issuesOf(text).find((i) => i.code === 'node-and-coords')).toMatchObject({
      severity: 'warning', path: 'evacuation.zones[0].coords',
      message: "zone 'pa-co-hillside' gives both a node ('pa-co') and coords: the node is used, the coords are ignored",
    });
    expect(codes(edit(quePhong, ['      if_caught: stranded\n', '      if_caught: stranded\n      node: pa-co\n']))).not.toContain('node-and-coords');
  });

  it('warns the same for a shelter', () => {
    const text = edit(quePhong, ['{ id: tri-le-school, area: tri-le,', '{ id: tri-le-school, area: tri-le, node: pa-co, coords: { lat: 19.93, lon: 104.95 },']);
    expect(issuesOf(text).find((i) => i.code === 'node-and-coords')?.path).toBe('evacuation.shelters[0].coords');
  });
});

describe("an evacuation zone's shelters", () => {
  const withoutBarracks = edit(quePhong, ['shelters: [tri-le-school, tl-border-barracks]', 'shelters: [tri-le-school]']);

  it("warns when they cannot hold the zone's people, with each shelter's room and how many are left behind", () => {
    const issue = issuesOf(withoutBarracks).find((i) => i.code === 'shelter-room');
    expect(issue).toMatchObject({
      severity: 'warning', path: 'evacuation.zones[0].shelters',
      message: "zone 'pa-co-hillside' has 650 people, but its shelters hold 571 (tri-le-school 571 by floor space): 79 cannot leave",
    });
  });

  it('warns when zones sharing shelters cannot all fit, though each alone would', () => {
    const text = quePhong.replace('  shelters:\n    - { id: tri-le-school', `    - id: pa-co-valley
      area: tri-le
      population: 300
      shelters: [tl-border-barracks, tri-le-school]
      rate_people_per_hour: 300
  shelters:
    - { id: tri-le-school`);
    const issue = issuesOf(text).find((i) => i.code === 'shelter-room');
    expect(issue?.message).toBe("zones 'pa-co-hillside', 'pa-co-valley' share shelters that hold 771 for their 950 people: 179 cannot leave");
    expect(codes(quePhong)).not.toContain('shelter-room');
  });
});

describe("an evacuation zone's shelters on the road network (evacuees go by road, engine 0.7.0)", () => {
  // Pà Cọ's people set off from its node, up a footpath from Tri Lễ, where the school and the barracks are
  const upThePath = edit(quePhong, ['    - id: pa-co-hillside\n', '    - id: pa-co-hillside\n      node: pa-co\n']);

  it('warns, at the shelter in the zone\'s list, when no road leads there by the ways evacuees travel, with every road open', () => {
    const issues = issuesOf(upThePath).filter((i) => i.code === 'unreachable-shelter');
    expect(issues.map((i) => i.path)).toEqual(['evacuation.zones[0].shelters[0]', 'evacuation.zones[0].shelters[1]']);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      message: "zone 'pa-co-hillside' lists shelter 'tri-le-school', but no road leads from where its people set off ('pa-co') to the shelter ('tri-le') by the ways evacuees travel (road), even with every road open: they never go there",
    });
    const vi = sayIn(issues[0].words!.message, 'vi');
    expect(vi).toContain("khu vực sơ tán 'pa-co-hillside' có điểm sơ tán 'tri-le-school'");
  });

  it('says nothing once evacuees may walk (evacuation.speed_kmh with foot), or where the zone sets off from the area\'s own place', () => {
    const walking = edit(upThePath, ['evacuation:\n', 'evacuation:\n  speed_kmh: { road: 20, foot: 4 }\n']);
    expect(codes(walking)).not.toContain('unreachable-shelter');
    expect(codes(quePhong)).not.toContain('unreachable-shelter');
  });

  it('says only the missing length of a road on the way, not that no road leads to the shelter (whose hint would have a second road built)', () => {
    const walking = edit(upThePath, ['evacuation:\n', 'evacuation:\n  speed_kmh: { road: 20, foot: 4 }\n']);
    const noLength = edit(walking, ['from: tri-le, to: pa-co, length_km: 5, speed_kmh', 'from: tri-le, to: pa-co, speed_kmh']);
    // the fixture's own warning (crowded) aside, the missing length alone
    expect(issuesOf(noLength).filter((i) => i.code !== 'crowded').map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(['error edge-no-time travel.edges[4]']);
    // a road without length that evacuees could not use anyway (foot only, people by road): the warning stands
    const byRoad = edit(upThePath, ['from: tri-le, to: pa-co, length_km: 5, speed_kmh', 'from: tri-le, to: pa-co, speed_kmh']);
    expect(codes(byRoad)).toContain('unreachable-shelter');
  });

  it('reads a zone\'s own speed_kmh in place of evacuation\'s: its people on foot reach the shelters up the path, and by road only they do not', () => {
    const ownFoot = edit(upThePath, ['      node: pa-co\n', '      node: pa-co\n      speed_kmh: { foot: 3 }\n']);
    expect(codes(ownFoot)).not.toContain('unreachable-shelter');
    // evacuation's speeds would let them walk, but the zone's own list only the road: its own hint says where to add the mode
    const walking = edit(upThePath, ['evacuation:\n', 'evacuation:\n  speed_kmh: { road: 20, foot: 4 }\n']);
    const roadOnly = edit(walking, ['      node: pa-co\n', '      node: pa-co\n      speed_kmh: { road: 30 }\n']);
    const issue = issuesOf(roadOnly).find((i) => i.code === 'unreachable-shelter');
    expect(issue?.message).toContain('by the ways evacuees travel (road)');
    expect(issue?.hint).toContain("give the zone's own speed_kmh the mode that road needs");
  });

  it('refuses speeds with no mode at all (speed_kmh: {}), a zone\'s or a unit\'s: with none, nothing moves', () => {
    const none = edit(upThePath, ['      node: pa-co\n', '      node: pa-co\n      speed_kmh: {}\n']);
    const issue = issuesOf(none).find((i) => i.code === 'no-modes');
    expect(issue).toMatchObject({ severity: 'error', path: 'evacuation.zones[0].speed_kmh' });
    expect(issue?.message).toContain('give at least one mode with its speed');
    expect(sayIn(issue!.words!.message, 'vi')).toContain('hãy ghi ít nhất một phương thức');
    const unit = edit(quePhong, ['units:\n  - ', 'units:\n  - speed_kmh: {}\n    ']);
    expect(issuesOf(unit).filter((i) => i.code === 'no-modes').map((i) => i.path)).toEqual(['units[0].speed_kmh']);
  });
});

describe("zones' people against their area's population", () => {
  it('are more than the area holds: an error at the zone', () => {
    const text = edit(quePhong, ['    population: 12500\n', '    population: 600\n']);
    expect(issuesOf(text).filter((i) => i.code === 'population').map((i) => `${i.path}: ${i.message}`)).toEqual([
      "evacuation.zones[0].population: zones in 'tri-le' hold 650 people, more than the area's population 600",
    ]);
  });

  it("are not compared with a population that is itself wrong: one error, at the area, not a second at the zone", () => {
    const text = edit(quePhong, ['    population: 12500\n', '    population: -12500\n']);
    expect(issuesOf(text).filter((i) => i.severity === 'error').map((i) => i.path)).toEqual(['areas[2].population']);
  });

  it("an area's vulnerable group larger than its whole population is an error at the group; groups that only add up to more are not (they overlap)", () => {
    const over = edit(quePhong, ['vulnerable: { elderly: 900, children: 3800, disabled: 120 }', 'vulnerable: { elderly: 900, children: 13800, disabled: 120 }']);
    expect(issuesOf(over).filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`)).toEqual([
      "areas[2].vulnerable.children: 13800 children in 'tri-le', more than its whole population (12500)",
    ]);
    const overlapping = edit(quePhong, ['vulnerable: { elderly: 900, children: 3800, disabled: 120 }', 'vulnerable: { elderly: 9000, children: 3800, disabled: 120 }']);
    expect(issuesOf(overlapping).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
