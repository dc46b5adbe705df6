/**
 * Units caught part-way along a road when a road on their way is cut or
 * slowed: they go on to the road's end (back to its start only when their own
 * road is cut), wait there when no way is left, and never jump along the map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { unitPosition } from '../../engine/replay/replay.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { Model } from '../../engine/sim/model.js';
import { runScenario } from '../../engine/sim/run.js';
import { Sim } from '../../engine/sim/sim.js';
import { loadNamed } from '../helpers/scenarios.js';

// A - 60 km - B - 30 km - C at 60 km/h: the team leaves A at T+0 for the house at C (1 h 30 min),
// and is 50 min along A-B when a rule changes a road; the road reopens 10 min later.
const LINE = `
drillsim: 1
id: cut-ahead
title: A road cut on a unit's way
exercise: tabletop
start: "2025-09-20T08:00:00+07:00"
horizon: 6h
areas:
  - { id: province, name: Province, tier: province, population: 100000, coords: { lat: 18.70, lon: 105.60 } }
  - { id: far, name: Far commune, tier: commune, parent: province, population: 5000, coords: { lat: 18.70, lon: 106.45 } }
travel:
  speed_kmh: { road: 60 }
  detour: 1
  nodes:
    - { id: a, name: A, coords: { lat: 18.70, lon: 105.60 }, area: province }
    - { id: b, name: B, coords: { lat: 18.70, lon: 106.17 } }
    - { id: c, name: C, coords: { lat: 18.70, lon: 106.45 }, area: far }
  edges:
    - { id: a-b, from: a, to: b, length_km: 60 }
    - { id: b-c, from: b, to: c, length_km: 30 }
units:
  - { id: team, name: Rescue team, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 10, base: province, home: far, mobilisation: 0m }
incident_kinds:
  - { id: collapse, name: Collapse, need: { rescue: 1 }, work: 1h, severity: 2 }
incidents:
  - { id: house, at: T+00:00, kind: collapse, area: far }
roles:
  - { id: chair, name: Province command, tier: province, area: province, commands: [team], declares: [1] }
rules:
  - { id: change, from: T+00:50, every: 12h, probability: 1, effect: { cut_road: b-c } }
  - { id: reopen, from: T+01:00, every: 12h, probability: 1, effect: { reopen_road: b-c } }
`;

function line(effect: Record<string, unknown>, reopen: string | null = 'b-c'): Scenario {
  const doc = parseYaml(LINE);
  doc.rules[0].effect = effect;
  if (reopen) doc.rules[1].effect = { reopen_road: reopen };
  else doc.rules.pop();
  const r = parseScenario(stringify(doc), 'line.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.scenario;
}

/** The line with these rules instead of its own, and any other edit. */
function lineWith(rules: unknown[], edit?: (doc: any) => void): Scenario {
  const doc = parseYaml(LINE);
  doc.rules = rules;
  edit?.(doc);
  const r = parseScenario(stringify(doc), 'line.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.scenario;
}

type Ev = Record<string, any>;
/** The team's events and the roads' (doctrine plays; with recall times, a trainee plays the chair and dispatches at once). */
const teamEvents = (s: Scenario, recalls: number[] = []) =>
  runScenario(s, recalls.length ? {
    seed: 1, players: ['chair'],
    decisions: [{ at: 0, role: 'chair', author: 'trainee' as const, cmd: { do: 'dispatch' as const, unit: 'team', incident: 'house' } },
      ...recalls.map((at) => ({ at, role: 'chair', author: 'trainee' as const, cmd: { do: 'recall' as const, unit: 'team' } }))],
  } : { seed: 1 }).log!.events.map((l) => JSON.parse(l) as Ev).filter((e) => e.id === 'team' || e.type === 'road.status');
const onScene = (events: Ev[]) => events.find((e) => e.type === 'unit.state' && e.state === 'on_scene')?.t;
const back = (events: Ev[]) => events.find((e) => e.type === 'unit.state' && e.state === 'available')?.t;

/** Where the team is, in km from A along the line, at each of the given times. */
function positions(s: Scenario, times: number[]): number[] {
  const model = new Model(s);
  const sim = new Sim(model, { seed: 1, decisions: [], players: [], until: 6 * 3600, mode: 'metrics', keyframeEvery: s.keyframe_every });
  sim.start();
  const a = model.travel.nodeXY[model.travel.nodeIndex.get('a')!];
  return times.map((t) => {
    sim.run(t + 1);
    const [x, y] = unitPosition(model, sim.world.units.team, t);
    return Math.hypot(x - a[0], y - a[1]);
  });
}

describe('a road cut ahead of a unit part-way along another road', () => {
  it('the unit goes on to the junction before the cut, waits there, and goes on when the road reopens', () => {
    const events = teamEvents(line({ cut_road: 'b-c' }));
    expect(events.find((e) => e.t === 3000 && e.type === 'unit.state')?.state).toBe('blocked');
    // at B at 01:00, the moment the road reopens: 30 min more to C (turning back to A first would take 2 h 10 min)
    expect(onScene(events)).toBe(3600 + 1800);
    expect(events.find((e) => e.type === 'unit.route' && e.t === 3600)).toMatchObject({ nodes: ['b', 'c'], cum_s: [0, 1800] });
  });

  it('while it waits, the map shows it driving on to the junction, then standing there', () => {
    const s = line({ cut_road: 'b-c' }, null);
    const km = positions(s, [2900, 3000, 3300, 3600, 4000]);
    // 60 km in 1 h: 49.9 km at 2900 s, then on towards B (59.8 km away on the map's projection), then still
    expect(km[1]).toBeGreaterThan(km[0]);
    expect(km[2]).toBeGreaterThan(km[1]);
    expect(km[3]).toBeCloseTo(km[4], 6);
    expect(km[3] - km[1]).toBeCloseTo((km[1] / 3000) * 600, 0);
  });

  it('recalled on its way to that junction, it turns round if that is the shorter way home', () => {
    // at 00:55 it is 5 min short of B: on to B and back is 1 h 5 min, turning round 55 min
    const events = teamEvents(line({ cut_road: 'b-c' }, null), [3300]);
    expect(events.find((e) => e.type === 'unit.state' && e.t === 3300)).toMatchObject({ state: 'returning', travel_s: 3300 });
    expect(back(events)).toBe(3300 + 3300);
  });

  it('a slowed road ahead: the unit keeps going instead of turning back to where it last was', () => {
    const events = teamEvents(line({ degrade_road: 'b-c', factor: 0.5 }, null));
    // at B at 01:00, then B-C at half speed: 1 h (turning back to A first would take 50 min more, and A-B again)
    expect(onScene(events)).toBe(3600 + 3600);
    const reroute = events.find((e) => e.type === 'unit.route' && e.t === 3000)!;
    // the route from now: B is 10 min ahead on the road already begun at A
    expect(reroute.nodes).toEqual(['a', 'b', 'c']);
    expect(reroute.cum_s[0]).toBe(-3000);
    expect(reroute.cum_s[1]).toBe(600);
  });
});

describe('doctrine and a blocked unit', () => {
  it('an incident whose only unit is blocked gets the next unit that comes free and can reach it', () => {
    // a local team at C takes the house; the shed (reported 10 min later) gets the team from A, which the cut
    // stops short of C for good; the local team is free again at 01:00 and goes to the shed
    const doc = parseYaml(LINE);
    doc.units.push({ id: 'local', name: 'Local team', owner: 'militia', category: 'part-time', capabilities: { rescue: 1 }, crew: 8, base: 'far', home: 'far', mobilisation: '0m' });
    doc.roles[0].commands.push('local');
    doc.incidents.push({ id: 'shed', at: 'T+00:10', kind: 'collapse', area: 'far' });
    doc.rules.pop();
    const r = parseScenario(stringify(doc), 'line.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    const events = runScenario(r.scenario, { seed: 1 }).log!.events.map((l) => JSON.parse(l) as Ev);
    const sent = events.filter((e) => e.type === 'decision' && e.do === 'dispatch').map((e) => [e.t, e.unit, e.incident]);
    expect(sent).toEqual([[0, 'local', 'house'], [600, 'team', 'shed'], [3600, 'local', 'shed']]);
    expect(events.find((e) => e.type === 'unit.state' && e.id === 'local' && e.state === 'on_scene' && e.incident === 'shed')?.t).toBe(3600);
  });
});

describe('the road a unit is on is cut', () => {
  it('it turns back to the junction it came from, waits there, and its trip counts the drive back', () => {
    const s = line({ cut_road: 'a-b' }, 'a-b');
    const events = teamEvents(s);
    expect(events.find((e) => e.t === 3000 && e.type === 'unit.state')?.state).toBe('blocked');
    // 50 min back to A: at 01:00 it still has 40 min to drive; then A-C in 1 h 30 min
    expect(onScene(events)).toBe(3600 + 2400 + 5400);
    const km = positions(line({ cut_road: 'a-b' }, null), [2900, 3000, 3600, 6000, 6600]);
    expect(km[2]).toBeLessThan(km[1]);
    expect(km[3]).toBeCloseTo(0, 6);
    expect(km[4]).toBeCloseTo(0, 6);
  });

  it('recalled while it drives back, it is home when that drive ends: not at once', () => {
    // cut at 00:50, 50 min from A; recalled at 00:55: 45 min left, and it cannot turn round on the cut road
    const events = teamEvents(line({ cut_road: 'a-b' }, null), [3300]);
    expect(back(events)).toBe(3300 + 2700);
  });
});

describe('early in the run, and roads changing again', () => {
  it('recalled 10 min into a 1 h road, it turns round: home 10 min later, and the map shows it on the road, not at A at once', () => {
    const s = line({ cut_road: 'b-c' }, null);
    const events = teamEvents(s, [600]);
    expect(back(events)).toBe(1200);
    const model = new Model(s);
    const sim = new Sim(model, { seed: 1, decisions: [{ at: 0, role: 'chair', author: 'trainee', cmd: { do: 'dispatch', unit: 'team', incident: 'house' } }, { at: 600, role: 'chair', author: 'trainee', cmd: { do: 'recall', unit: 'team' } }], players: ['chair'], until: 6 * 3600, mode: 'metrics', keyframeEvery: s.keyframe_every });
    sim.start();
    sim.run(901);
    const a = model.travel.nodeXY[model.travel.nodeIndex.get('a')!];
    const [x, y] = unitPosition(model, sim.world.units.team, 900);
    // 5 km from A, on the way back (10 km at 600 s)
    expect(Math.hypot(x - a[0], y - a[1])).toBeCloseTo(5, 0);
  });

  it('its own road cut 20 min in, it turns back; recalled 10 min later it is home 10 min after that, not at once', () => {
    const events = teamEvents(lineWith([{ id: 'change', from: 'T+00:20', every: '12h', probability: 1, effect: { cut_road: 'a-b' } }]), [1800]);
    expect(back(events)).toBe(2400);
  });

  it('blocked 20 min in by a cut ahead, it reaches B at 01:00 and only then goes on when the road reopens at 00:25', () => {
    const events = teamEvents(lineWith([
      { id: 'change', from: 'T+00:20', every: '12h', probability: 1, effect: { cut_road: 'b-c' } },
      { id: 'reopen', from: 'T+00:25', every: '12h', probability: 1, effect: { reopen_road: 'b-c' } },
    ]));
    expect(onScene(events)).toBe(3600 + 1800);
  });

  it('driving back along its cut road, a change elsewhere does not turn it round through the cut', () => {
    const s = lineWith([
      { id: 'cut', from: 'T+00:50', every: '12h', probability: 1, effect: { cut_road: 'a-b' } },
      { id: 'slow', from: 'T+00:55', every: '12h', probability: 1, effect: { degrade_road: 'a-c', factor: 0.5 } },
    ], (doc) => doc.travel.edges.push({ id: 'a-c', from: 'a', to: 'c', length_km: 120 }));
    const events = teamEvents(s);
    const route = events.find((e) => e.type === 'unit.route' && e.t === 3300)!;
    // still on its way back to A (the node passed, b, has a negative time), then A-C
    expect(route.nodes).toEqual(['b', 'a', 'c']);
    expect(route.cum_s[1]).toBe(2700);
  });

  it('a road that reopens while the unit mobilises with no route: it sets out', () => {
    const s = lineWith([
      { id: 'cut', from: 'T+00:05', every: '12h', probability: 1, effect: { cut_road: 'b-c' } },
      { id: 'reopen', from: 'T+00:20', every: '12h', probability: 1, effect: { reopen_road: 'b-c' } },
    ], (doc) => { doc.units[0].mobilisation = '30m'; });
    const events = teamEvents(s);
    // sent at once, cut off while it mobilises, free to go again before it is ready: out at 00:30, there 1 h 30 min later
    expect(onScene(events)).toBe(1800 + 5400);
  });

  it('broken down on its way, it stays where it broke down on the map', () => {
    const s = line({ cut_road: 'b-c' }, null);
    const model = new Model(s);
    const sim = new Sim(model, { seed: 1, decisions: [{ at: 1800, role: 'controller', author: 'controller', cmd: { do: 'breakdown', unit: 'team' } }], players: [], until: 6 * 3600, mode: 'metrics', keyframeEvery: s.keyframe_every });
    sim.start();
    sim.run(2401);
    const a = model.travel.nodeXY[model.travel.nodeIndex.get('a')!];
    const [x, y] = unitPosition(model, sim.world.units.team, 2400);
    expect(sim.world.units.team.m.value).toBe('out_of_service');
    expect(Math.hypot(x - a[0], y - a[1])).toBeCloseTo(30, 0);
  });
});

describe('a road slowed, or back to full speed, under a unit on it', () => {
  it('slowed to half speed 50 min into a 1 h road, the last 10 km take 20 min, not 10', () => {
    const events = teamEvents(line({ degrade_road: 'a-b', factor: 0.5 }, null));
    // B at 01:10, then B-C (30 km) at full speed
    expect(onScene(events)).toBe(4200 + 1800);
    // where it is does not change when the road does: 50 of 60 km done, on either side of the change
    const km = positions(line({ degrade_road: 'a-b', factor: 0.5 }, null), [2999, 3001, 3600]);
    expect(km[1] - km[0]).toBeLessThan(0.1);
    expect(km[2] - km[1]).toBeCloseTo(5, 0);
  });

  it('set out on a road slowed to half speed, it goes faster once the road is back to full speed', () => {
    const s = lineWith([
      { id: 'slow', from: 'T+00:00', every: '12h', probability: 1, effect: { degrade_road: 'a-b', factor: 0.5 } },
      { id: 'fast', from: 'T+01:00', every: '12h', probability: 1, effect: { reopen_road: 'a-b' } },
    ]);
    // 30 of 60 km done at 01:00 (2 h for the road), the other 30 km in 30 min: B at 01:30, C at 02:00
    expect(onScene(teamEvents(s))).toBe(5400 + 1800);
  });
});

describe('a unit driving on to the junction where it will wait', () => {
  it('its road slowed on the way there: the rest of that road takes longer, and so does the trip once the way reopens', () => {
    // b-c cut at 00:50 (team 50 km along A-B: on to B, 10 min, to wait); A-B slowed to half speed at 00:55 (5 km left: 10 min,
    // not 5); b-c reopens at 01:00: B at 01:05, C 30 min later
    const s = lineWith([
      { id: 'cut', from: 'T+00:50', every: '12h', probability: 1, effect: { cut_road: 'b-c' } },
      { id: 'slow', from: 'T+00:55', every: '12h', probability: 1, effect: { degrade_road: 'a-b', factor: 0.5 } },
      { id: 'reopen', from: 'T+01:00', every: '12h', probability: 1, effect: { reopen_road: 'b-c' } },
    ]);
    expect(onScene(teamEvents(s))).toBe(3900 + 1800);
  });
});

describe('on its way home (C to A, 02:30 to 04:00, through B at 03:00)', () => {
  const rule = (id: string, from: string, effect: Record<string, unknown>) => ({ id, from, every: '12h', probability: 1, effect });

  it('a road ahead cut: it goes on to the junction before the cut, waits there, and goes home when the road reopens', () => {
    const events = teamEvents(lineWith([rule('cut', 'T+02:50', { cut_road: 'a-b' }), rule('reopen', 'T+03:30', { reopen_road: 'a-b' })]));
    // it does not drive through the cut: at B at 03:00, home an hour after the road reopens
    expect(events.find((e) => e.type === 'unit.route' && e.t === 10200)).toMatchObject({ nodes: ['c', 'b'], cum_s: [-1200, 600] });
    expect(back(events)).toBe(12600 + 3600);
  });

  it('the road it is on cut: it turns back to the junction it came from and waits there', () => {
    const events = teamEvents(lineWith([rule('cut', 'T+03:10', { cut_road: 'a-b' }), rule('reopen', 'T+04:00', { reopen_road: 'a-b' })]));
    expect(events.find((e) => e.type === 'unit.route' && e.t === 11400)).toMatchObject({ nodes: ['a', 'b'], cum_s: [-3000, 600] });
    expect(back(events)).toBe(14400 + 3600);
  });

  it('the road it is on slowed to half speed: the rest of it takes twice as long', () => {
    const events = teamEvents(lineWith([rule('slow', 'T+03:10', { degrade_road: 'a-b', factor: 0.5 })]));
    // 10 of 60 km done at 03:10; the other 50 km at 30 km/h
    expect(back(events)).toBe(11400 + 6000);
  });
});

// The same line, with a detour: A - 100 km - D - 100 km - C beside A - 60 km - B - 30 km - C. B-C is cut from the
// start, so the team (here called at T+00:10) takes the detour: 200 min, against 90 min by B.
function detour(rules: unknown[], edit?: (doc: any) => void): Scenario {
  return lineWith([{ id: 'cut', from: 'T+00:00', every: '12h', probability: 1, effect: { cut_road: 'b-c' } }, ...rules], (doc) => {
    doc.horizon = '9h';
    doc.travel.nodes.push({ id: 'd', name: 'D', coords: { lat: 19.40, lon: 106.02 } });
    doc.travel.edges.push({ id: 'a-d', from: 'a', to: 'd', length_km: 100 }, { id: 'd-c', from: 'd', to: 'c', length_km: 100 });
    doc.incidents[0].at = 'T+00:10';
    edit?.(doc);
  });
}
const reopenAt = (hhmm: string) => ({ id: 'reopen', from: `T+${hhmm}`, every: '12h', probability: 1, effect: { reopen_road: 'b-c' } });
const at = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('a road made quicker off a unit\'s way (the detour: A-D-C while B-C is cut)', () => {
  it('on its way out, it turns back and takes the reopened road when that is quicker', () => {
    // reopened at 00:40, 30 km along A-D: back to A (30 min) and by B (90 min) beats 170 min more of the detour
    const events = teamEvents(detour([reopenAt('00:40')]));
    expect(events.find((e) => e.type === 'unit.route' && e.t === 2400)).toMatchObject({ nodes: ['d', 'a', 'b', 'c'], cum_s: [-4200, 1800, 5400, 7200] });
    expect(onScene(events)).toBe(2400 + 7200);
  });

  it('on its way out, it keeps to its way when the reopened road is not quicker', () => {
    // reopened at 02:10, 20 km along D-C: 80 min more, against 20 + 100 + 90 min round by A and B
    const events = teamEvents(detour([reopenAt('02:10')]));
    expect(events.filter((e) => e.type === 'unit.route' && e.t === 7800)).toEqual([]);
    expect(onScene(events)).toBe(600 + 12000);
  });

  it('reopened at any minute of its trip, it is on scene when the quicker of its two ways gets it there (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 199 }), (m) => {
      const events = teamEvents(detour([reopenAt(at(10 + m))]));
      // m km along the detour: on, 200 - m min more; back to A and by B, m + 90 (only while still on A-D)
      const minutes = m < 100 ? Math.min(200 - m, m + 90) : 200 - m;
      expect(onScene(events)).toBe((10 + m + minutes) * 60);
      expect(onScene(events)!).toBeLessThanOrEqual(600 + 12000);
    }), { numRuns: 25 });
  });

  it('still mobilising when the road reopens, it sets out on the quicker way', () => {
    const events = teamEvents(detour([reopenAt('00:20')], (doc) => { doc.units[0].mobilisation = '30m'; }));
    // sets out at 00:40 by B: 90 min, not the 200 of the detour planned at 00:10
    expect(events.find((e) => e.type === 'unit.route' && e.t === 2400)).toMatchObject({ nodes: ['a', 'b', 'c'], cum_s: [0, 3600, 5400] });
    expect(onScene(events)).toBe(2400 + 5400);
  });

  it('on its way home, it turns back and takes the reopened road when that is quicker', () => {
    // by B at 01:40, on scene 1 h; B-C cut at 02:00, so it leaves at 02:40 by the detour (200 min);
    // reopened at 03:10, 30 km along C-D: back to C (30 min) and home by B (90 min)
    const events = teamEvents(detour([reopenAt('03:10')], (doc) => { doc.rules[0].from = 'T+02:00'; }));
    expect(onScene(events)).toBe(600 + 5400);
    expect(events.find((e) => e.type === 'unit.state' && e.state === 'returning')).toMatchObject({ t: 9600, travel_s: 12000 });
    expect(events.find((e) => e.type === 'unit.route' && e.t === 11400)).toMatchObject({ nodes: ['d', 'c', 'b', 'a'] });
    expect(back(events)).toBe(11400 + 1800 + 5400);
  });

  it('a road ahead back to full speed: the unit drives it at full speed (it kept the slowed time)', () => {
    // B-C at half speed when it sets out (by B: 60 + 60 min); back to full speed at 00:40, while it is on A-B
    const events = teamEvents(detour([reopenAt('00:40')], (doc) => { doc.rules[0].effect = { degrade_road: 'b-c', factor: 0.5 }; }));
    expect(onScene(events)).toBe(600 + 5400);
  });
});

describe('a unit broken down and repaired', () => {
  const withControl = (s: Scenario, d: { at: number; do: 'breakdown' | 'repair' }[]) =>
    runScenario(s, { seed: 1, decisions: d.map((x) => ({ at: x.at, role: 'controller', author: 'controller' as const, cmd: { do: x.do, unit: 'team' } })) })
      .log!.events.map((l) => JSON.parse(l) as Ev).filter((e) => e.id === 'team');

  it('repaired where it broke down, it drives home from there and is available when it gets there, not at once', () => {
    const s = line({ cut_road: 'b-c' }, null);
    // broken down 30 km along A-B at 00:30; repaired at 01:00: back to A (30 min), sooner than on to B and back
    const events = withControl(s, [{ at: 1800, do: 'breakdown' }, { at: 3600, do: 'repair' }]);
    expect(events.find((e) => e.type === 'unit.state' && e.t === 3600)).toMatchObject({ state: 'returning', travel_s: 1800 });
    expect(events.find((e) => e.type === 'unit.state' && e.state === 'available')?.t).toBe(5400);
    const model = new Model(s);
    const sim = new Sim(model, { seed: 1, decisions: [{ at: 1800, role: 'controller', author: 'controller', cmd: { do: 'breakdown', unit: 'team' } }, { at: 3600, role: 'controller', author: 'controller', cmd: { do: 'repair', unit: 'team' } }], players: [], until: 6 * 3600, mode: 'metrics', keyframeEvery: s.keyframe_every });
    sim.start();
    const a = model.travel.nodeXY[model.travel.nodeIndex.get('a')!];
    const km = [3599, 3601, 4500].map((t) => { sim.run(t + 1); const [x, y] = unitPosition(model, sim.world.units.team, t); return Math.hypot(x - a[0], y - a[1]); });
    expect(km[0]).toBeCloseTo(30, 0);
    expect(km[1]).toBeCloseTo(30, 0);
    expect(km[2]).toBeCloseTo(15, 0);
  });

  it('its road cut while it stood broken down: repaired, it turns back the way it came, not through the cut', () => {
    // broken down 30 km along A-B at 00:30, A-B cut at 00:40 (ahead of it or not, it goes back); repaired at 01:00
    const s = lineWith([{ id: 'cut', from: 'T+00:40', every: '12h', probability: 1, effect: { cut_road: 'a-b' } }]);
    const events = withControl(s, [{ at: 1800, do: 'breakdown' }, { at: 3600, do: 'repair' }]);
    expect(events.find((e) => e.type === 'unit.state' && e.t === 3600)).toMatchObject({ state: 'returning', travel_s: 1800 });
    expect(events.find((e) => e.type === 'unit.route' && e.t === 3600)).toMatchObject({ nodes: ['b', 'a'] });
    expect(events.find((e) => e.type === 'unit.state' && e.state === 'available')?.t).toBe(5400);
  });

  it('repaired with no open road home, it waits at the junction it can reach, and stays while no road home opens', () => {
    // broken down on C-B on the way home; B-C and A-B cut while it stands; repaired at 03:00, A-B reopens at 04:00
    const s = lineWith([
      { id: 'cut-bc', from: 'T+02:50', every: '12h', probability: 1, effect: { cut_road: 'b-c' } },
      { id: 'cut-ab', from: 'T+02:50', every: '12h', probability: 1, effect: { cut_road: 'a-b' } },
      { id: 'reopen', from: 'T+04:00', every: '12h', probability: 1, effect: { reopen_road: 'a-b' } },
    ]);
    // the team leaves C for home at 02:30 (C-B 30 min) and breaks down 19 min along it, at 02:49, a minute before the cuts
    const events = withControl(s, [{ at: 9000 + 1140, do: 'breakdown' }, { at: 10800, do: 'repair' }]);
    expect(events.find((e) => e.type === 'unit.state' && e.t === 10800)).toMatchObject({ state: 'returning', travel_s: 2147483647 });
    // back to C, the way it came (its road was cut after it stopped), and waits there; A-B reopens but C-B stays cut
    expect(events.find((e) => e.type === 'unit.route' && e.t === 10800)).toMatchObject({ nodes: ['b', 'c'] });
    expect(events.find((e) => e.type === 'unit.state' && e.state === 'available')).toBeUndefined();
  });

  it('repaired at its base, it is available at once', () => {
    // broken down at T+0, before doctrine sends it anywhere
    const events = withControl(line({ cut_road: 'b-c' }, null), [{ at: 0, do: 'breakdown' }, { at: 600, do: 'repair' }]);
    expect(events.find((e) => e.type === 'unit.state' && e.t === 600)).toMatchObject({ state: 'available' });
  });
});

describe('units never jump along the map (Kỳ Sơn, whose slides cut and slow QL7 under units on their way)', () => {
  const ksn = loadNamed('ky-son-flash-flood');
  const model = new Model(ksn);
  it('between two looks 5 minutes apart, no unit moves further than a fast vehicle could (property)', () => {
    // 60 km/h at the fastest variability: 5 min can cover at most about 6 km (units move in km on the local plane)
    const step_s = 300, max_km = 8;
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
      const sim = new Sim(model, { seed, decisions: [], players: [], until: ksn.horizon, mode: 'metrics', keyframeEvery: ksn.keyframe_every });
      sim.start();
      const last = new Map<string, [number, number]>();
      for (let t = 0; t <= ksn.horizon; t += step_s) {
        sim.run(t + 1);
        for (const [id, u] of Object.entries(sim.world.units)) {
          const p = unitPosition(model, u, t);
          const q = last.get(id);
          if (q) expect(Math.hypot(p[0] - q[0], p[1] - q[1]), `${id} at ${t} s, seed ${seed}`).toBeLessThanOrEqual(max_km);
          last.set(id, p);
        }
      }
    }), { numRuns: 12 });
  });

  it('a unit turned home part-way along a trail, with no open road home, walks back along it (seed 284665: it jumped 8 km back)', () => {
    // tc-militia on the trail past Mường Xén when its incident ends, QL7 home cut: it used to be put at Mường Xén at once
    const sim = new Sim(model, { seed: 284665, decisions: [], players: [], until: ksn.horizon, mode: 'metrics', keyframeEvery: ksn.keyframe_every });
    sim.start();
    let last: [number, number] | null = null;
    for (let t = 27_000; t <= 29_000; t += 60) {
      sim.run(t + 1);
      const p = unitPosition(model, sim.world.units['tc-militia'], t);
      if (last) expect(Math.hypot(p[0] - last[0], p[1] - last[1]), `at ${t} s`).toBeLessThan(1.5);
      last = p;
    }
    expect(sim.world.units['tc-militia'].m.value).toBe('returning');
  });
});

describe('the map and the machines agree on when a trip ends', () => {
  // typhoon: roads slowed and reopened while units are on their way; Kỳ Sơn: cuts; random recalls by the units' commanders
  for (const name of ['typhoon-landfall-coast', 'ky-son-flash-flood']) {
    it(`${name}: a unit arrives (on scene, or home) exactly when its leg ends, with and without recalls (property)`, () => {
      const scenario = loadNamed(name);
      const model = new Model(scenario);
      fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.tuple(fc.nat(scenario.units.length - 1), fc.nat(scenario.horizon)), { maxLength: 4 }), (seed, recalls) => {
        const decisions = recalls.map(([i, at]) => {
          const unit = scenario.units[i].id;
          return { at, role: scenario.roles.find((r) => r.commands.includes(unit))!.id, author: 'trainee' as const, cmd: { do: 'recall' as const, unit } };
        }).sort((a, b) => a.at - b.at);
        const prev = new Map<string, { state: string; end: number | null }>();
        const wrong: string[] = [];
        const sim = new Sim(model, {
          seed, decisions, players: [], until: scenario.horizon, mode: 'metrics', keyframeEvery: scenario.keyframe_every,
          observe: (s) => {
            for (const [id, u] of Object.entries(s.world.units)) {
              const p = prev.get(id);
              const state = u.m.value as string;
              const ends = p && ((p.state === 'en_route' && state === 'on_scene') || (p.state === 'returning' && (state === 'available' || state === 'resting')));
              if (ends && p.end !== null && p.end !== s.now) wrong.push(`${id} ${p.state} -> ${state} at ${s.now}, its leg ended at ${p.end}`);
              const leg = u.leg;
              prev.set(id, { state, end: leg && leg.t0 >= 0 && leg.cum_s ? leg.t0 + leg.cum_s[leg.cum_s.length - 1] : null });
            }
          },
        });
        sim.start();
        sim.run();
        expect(wrong, `seed ${seed}`).toEqual([]);
      }), { numRuns: 8, examples: [[2, []], [3, []]] });
    });
  }
});
