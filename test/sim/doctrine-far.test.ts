/**
 * A unit far on its way is no cover against a much nearer free unit: doctrine
 * sends the near one as well when it could be on scene at least an hour
 * sooner and in at most half the time the far one still needs, even when it
 * is freed after the far one was sent. Before, any unit on its way covered the
 * need however far it was (a PC07 team ten hours from a Mường Xén bank
 * collapse kept the militia freed an hour later at home: docs/planner.md,
 * section 5).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/scenario/schema.js';
import { reportOf } from '../../engine/review/report.js';
import { runScenario } from '../../engine/sim/run.js';
import { inlineScenario } from '../helpers/scenarios.js';

/** Bản A in Nghệ An, its landslide and its people trapped, and who commands whom: the same in each scenario here. */
const PLACE = `exercise: tabletop
start: "2025-09-20T20:00:00+07:00"
horizon: 10h
seed: 1
areas:
  - { id: nghe-an, name: Nghệ An, tier: province, population: 3400000, coords: { lat: 18.67, lon: 105.69 } }
  - { id: ban-a, name: Bản A, tier: commune, parent: nghe-an, population: 5000, coords: { lat: 19.40, lon: 104.13 } }
`;
/** The roads' speeds, and Bản A's node with the province's others (`id, name, coords` of each). */
const travel = (detour: number, others: string[]) => `travel:
  speed_kmh: { road: 50, foot: 4, boat: 10 }
  detour: ${detour}
  nodes:
    - { id: ban-a, name: Bản A, coords: { lat: 19.40, lon: 104.13 }, area: ban-a }
${others.map((o) => `    - { id: ${o}, area: nghe-an }\n`).join('')}`;
const KINDS = `incident_kinds:
  - { id: trapped, name: Trapped, need: { rescue: 1 }, work: 1h, severity: 2, people: 2 }
  - { id: slide, name: Landslide on houses, need: { rescue: 1 }, work: 2h, severity: 3, people: 3, survival_half_life: 3h }
`;
const ROLES = `roles:
  - { id: a-chair, name: A chair, tier: commune, area: ban-a, commands: [a-militia], declares: [1] }
  - { id: province, name: Province board, tier: province, area: nghe-an, commands: [rescue-team], declares: [2] }
doctrine:
  request_support_after: 30m
`;

/**
 * One commune and a rescue team that responds anywhere: from Vinh (about 230 km by road, some 5 h) or from a place
 * 40 km off (about 1 h). Bản A's militia goes to its first incident (T+00:00, an hour's work) and is freed about
 * T+01:10; the landslide at T+00:05 gets the rescue team, the only free unit then.
 */
function scenario(team: 'vinh' | 'near', doctrine = ''): Scenario {
  const text = `drillsim: 1
id: doctrine-far
title: { en: A far team and a near militia }
${PLACE}${travel(1.3, ['vinh, name: Vinh, coords: { lat: 18.67, lon: 105.69 }', 'near, name: Near, coords: { lat: 19.40, lon: 104.50 }'])}  edges: []
units:
  - { id: a-militia, name: A militia, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 12, base: ban-a, home: ban-a, mobilisation: 10m }
  - { id: rescue-team, name: Rescue team, owner: police-fire-rescue, category: specialised, capabilities: { rescue: 1 }, crew: 8, base: ${team}, home: nghe-an, mobilisation: 20m, responds_anywhere: true }
${KINDS}incidents:
  - { id: a-first, at: T+00:00, kind: trapped, area: ban-a }
  - { id: a-slide, at: T+00:05, kind: slide, area: ban-a }
${ROLES}${doctrine}`;
  return inlineScenario(text, 'doctrine-far.yaml');
}

const events = (s: Scenario) => runScenario(s, { seed: 1 }).log!.events.map((l) => JSON.parse(l));
const state = (ev: any[], unit: string, st: string, incident?: string) =>
  ev.find((e) => e.type === 'unit.state' && e.id === unit && e.state === st && (incident === undefined || e.incident === incident));

describe('a unit far on its way does not keep a much nearer free unit at home', () => {
  it('the team from Vinh is hours away when the militia is freed: the militia goes to the landslide as well, and gets there first', () => {
    const ev = events(scenario('vinh'));
    const team = ev.find((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'rescue-team');
    expect(team).toMatchObject({ incident: 'a-slide', t: 300 });
    const freed = state(ev, 'a-militia', 'available');
    expect(freed.t).toBeGreaterThan(3600);
    const sent = ev.find((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'a-slide');
    expect(sent).toMatchObject({ author: 'doctrine', t: freed.t });
    const militiaThere = state(ev, 'a-militia', 'on_scene', 'a-slide');
    expect(militiaThere.t).toBeLessThan(freed.t + 3600);
    // the far one keeps going (nobody calls it back) and would arrive hours after the militia; here the work is done
    // first, and it turns home only then, never on scene
    expect(ev.some((e) => e.type === 'decision' && e.do === 'recall')).toBe(false);
    const teamGoing = state(ev, 'rescue-team', 'en_route', 'a-slide');
    expect(teamGoing.t + teamGoing.travel_s - militiaThere.t).toBeGreaterThan(3600);
    const contained = ev.find((e) => e.type === 'incident.phase' && e.id === 'a-slide' && e.phase === 'contained');
    expect(ev.filter((e) => e.type === 'unit.state' && e.id === 'rescue-team').map((e) => [e.t, e.state])).toEqual([
      [300, 'mobilising'], [teamGoing.t, 'en_route'], [contained.t, 'returning'], [expect.any(Number), 'available'],
    ]);
    // the area counts as short while only the far team covers the landslide (before engine 0.5.0 it did not, and
    // doctrine's level 1 waited on a shortage that being sent anyone had ended: see the last test)
    expect(ev.some((e) => e.type === 'area.short' && e.id === 'ban-a' && e.short && e.t === 300)).toBe(true);
  });

  it('not when the one on its way is nearly there: the team from 40 km is on scene within the hour', () => {
    const ev = events(scenario('near'));
    expect(ev.find((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'rescue-team')).toMatchObject({ incident: 'a-slide', t: 300 });
    expect(ev.some((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'a-slide')).toBe(false);
  });
});

describe('the planner sets when a unit on its way counts as far (doctrine.beside_far_sooner_by, beside_far_share)', () => {
  const militiaSent = (ev: any[]) => ev.some((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'a-slide');

  it('a team some 5 h away is not far when the bar is 6 h: the militia stays home, as when any unit on its way was cover', () => {
    expect(militiaSent(events(scenario('vinh', '  beside_far_sooner_by: 6h\n')))).toBe(false);
    expect(militiaSent(events(scenario('vinh', '  beside_far_sooner_by: 30m\n')))).toBe(true);
  });

  it('nor when the militia must be there in a hundredth of the time the team still needs (10 min of mobilisation is more)', () => {
    expect(militiaSent(events(scenario('vinh', '  beside_far_share: 0.01\n')))).toBe(false);
    expect(militiaSent(events(scenario('vinh', '  beside_far_share: 1\n')))).toBe(true);
  });

  it("the report's plan says them when the scenario sets them, in either language", () => {
    const plan = (s: Scenario, lang: 'en' | 'vi') => {
      const { log } = runScenario(s, { seed: 1 });
      return reportOf(log!, s, log!.events.map((l) => JSON.parse(l)), 'md', lang).text.split('\n').find((l) => l.startsWith(lang === 'en' ? "| **Doctrine's plan** |" : '| **Phương án tự động** |'));
    };
    const set = scenario('vinh', '  beside_far_sooner_by: 45m\n  beside_far_share: 0.25\n');
    expect(plan(set, 'en')).toMatch(/; also sends a free unit that is 45 min sooner on scene than one on its way, and takes at most 25 % of its time \|$/);
    expect(plan(set, 'vi')).toMatch(/; điều thêm một đơn vị rảnh tới hiện trường sớm hơn 45 phút so với đơn vị đang trên đường, và cần không quá 25 % thời gian của đơn vị đó \|$/);
    expect(plan(scenario('vinh'), 'en')).not.toContain('on its way');
  });

  it('a share of 0 or above 1 is refused with where it is and what it may be', () => {
    expect(() => scenario('vinh', '  beside_far_share: 0\n')).toThrow(/doctrine\.beside_far_share/);
    expect(() => scenario('vinh', '  beside_far_share: 1.5\n')).toThrow(/doctrine\.beside_far_share/);
  });
});

/**
 * The rescue team 25 km off sets out on the direct road; at T+00:35 the road is cut under it, and the way round is
 * some 250 km. Bản A's militia is freed about T+01:10.
 */
function cutUnderIt(): Scenario {
  return inlineScenario(`drillsim: 1
id: doctrine-far-cut
title: { en: A road cut under a team on its way }
${PLACE}${travel(1, ['post, name: Post, coords: { lat: 19.40, lon: 104.37 }', 'bend, name: Bend, coords: { lat: 20.40, lon: 104.25 }'])}  edges:
    - { id: direct, from: post, to: ban-a, length_km: 25 }
    - { id: round-1, from: post, to: bend, length_km: 125 }
    - { id: round-2, from: bend, to: ban-a, length_km: 125 }
units:
  - { id: a-militia, name: A militia, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 12, base: ban-a, home: ban-a, mobilisation: 10m }
  - { id: rescue-team, name: Rescue team, owner: police-fire-rescue, category: specialised, capabilities: { rescue: 1 }, crew: 8, base: post, home: nghe-an, mobilisation: 20m, responds_anywhere: true }
${KINDS}incidents:
  - { id: a-first, at: T+00:00, kind: trapped, area: ban-a, node: ban-a }
  - { id: a-slide, at: T+00:05, kind: slide, area: ban-a, node: ban-a }
rules:
  - { id: cut, from: T+00:35, every: 12h, probability: 1, effect: { cut_road: direct } }
${ROLES}`, 'doctrine-far-cut.yaml');
}

describe('a unit made far on its way by a cut road', () => {
  it('is no cover once the road is cut under it: the militia freed later goes to the landslide as well', () => {
    const ev = events(cutUnderIt());
    expect(ev.find((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'rescue-team')).toMatchObject({ incident: 'a-slide', t: 300 });
    // the team was some 30 min out and set on the way round at the cut (before this, nothing looked at the
    // landslide again, and the militia stayed at its base until the team got there, hours later)
    const cut = ev.find((e) => e.type === 'road.status' && e.id === 'direct' && e.status === 'cut');
    expect(cut?.t).toBe(2100);
    const freed = state(ev, 'a-militia', 'available');
    const sent = ev.find((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'a-slide');
    expect(sent).toMatchObject({ author: 'doctrine', t: freed.t });
    expect(state(ev, 'a-militia', 'on_scene', 'a-slide').t).toBeLessThan(freed.t + 3600);
  });
});

describe('an area whose incident waits for units far on their way', () => {
  it('stays short of units, so doctrine declares level 1 after declare_when_short, as for an incident nobody was sent to', () => {
    // the landslide at T+00:05 gets the team from Vinh at once, hours away; before, being sent anyone ended the
    // shortage, so support asked for early (or a unit that answers anywhere) put level 1 off for good
    const ev = events(scenario('vinh', '  declare_when_short: 30m\n'));
    const short = ev.filter((e) => e.type === 'area.short' && e.id === 'ban-a');
    expect(short[0]).toMatchObject({ t: 300, short: true });
    const level = ev.find((e) => e.type === 'level' && e.area === 'ban-a');
    expect(level).toMatchObject({ t: 300 + 1800, level: 1 });
    expect(ev.find((e) => e.type === 'decision' && e.do === 'declare_level' && e.area === 'ban-a')).toMatchObject({ author: 'doctrine', role: 'a-chair' });
    // and the shortage ends when the need is met by a unit near enough: the militia, freed and sent
    const freed = state(ev, 'a-militia', 'available');
    const over = short.find((e) => e.short === false);
    expect(over.t).toBeGreaterThanOrEqual(freed.t);
    expect(over.t).toBeLessThan(state(ev, 'rescue-team', 'on_scene', 'a-slide')?.t ?? Infinity);
  });
});
