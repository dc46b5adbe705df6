/**
 * Evacuees on the road when a road on their way is cut (engine 0.8.0): a group
 * keeps its way, as a unit keeps its leg, so a cut (or a closure by order)
 * ahead of it re-routes it from where it is to the same shelter, arriving
 * later; with no open way there, it is stranded at the junction it reaches,
 * holding its places, and goes on when a road opens. People are never lost
 * or counted twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyframeRestoreError } from '../../engine/core/errors.js';
import { formatSummary } from '../../engine/cli/run.js';
import { renderBoard, renderSummary } from '../../engine/play/board.js';
import { feed } from '../../engine/play/describe.js';
import { buildAar } from '../../engine/review/aar.js';
import { damagedEventField } from '../../engine/review/event-fields.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { Words } from '../../engine/review/words.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { checkInvariants } from '../../engine/sim/invariants.js';
import { Model } from '../../engine/sim/model.js';
import { runScenario } from '../../engine/sim/run.js';
import { Sim } from '../../engine/sim/sim.js';
import { editedScenario } from '../helpers/scenarios.js';
import { events, makeSim } from '../helpers/sim.js';
import { communeScenario } from '../helpers/commune-scenario.js';

// a village; the school 5 km away over a bridge (2.5 km each side), or 12.5 km round by the ridge; a hall 20 km up
// another road. At 20 km/h: village to bridge 7 min 30 s, bridge to school 7 min 30 s, bridge to ridge and ridge to
// school 15 min each, village to hall an hour.
const BRIDGE = communeScenario({
  id: 'bridge-roads',
  title: 'A village, a school over a bridge, a hall up the valley',
  base: 'village',
  travel: `
  detour: 1
  nodes:
    - { id: town, name: Town, coords: { lat: 18.70, lon: 105.60 }, area: province }
    - { id: village, name: Village, coords: { lat: 18.70, lon: 105.80 }, area: commune }
    - { id: bridge, name: Bridge, coords: { lat: 18.70, lon: 105.82 }, area: commune }
    - { id: ridge, name: Ridge, coords: { lat: 18.74, lon: 105.83 }, area: commune }
    - { id: school-yard, name: School yard, coords: { lat: 18.70, lon: 105.84 }, area: commune }
    - { id: hall-yard, name: Hall yard, coords: { lat: 18.85, lon: 105.80 }, area: commune }
  edges:
    - { id: town-village, from: town, to: village, length_km: 21 }
    - { id: village-bridge, from: village, to: bridge, length_km: 2.5 }
    - { id: bridge-school, from: bridge, to: school-yard, length_km: 2.5 }
    - { id: bridge-ridge, from: bridge, to: ridge, length_km: 5 }
    - { id: ridge-school, from: ridge, to: school-yard, length_km: 5 }
    - { id: village-hall, from: village, to: hall-yard, length_km: 20 }
`,
  evacuation: `
  step: 10m
  zones:
    - { id: riverside, area: commune, node: village, population: 100, shelters: [school], rate_people_per_hour: 60, warning: 0m }
  shelters:
    - { id: school, area: commune, node: school-yard, capacity_people: 1000 }
    - { id: hall, area: commune, node: hall-yard, capacity_people: 1000 }
`,
});

const bridge = (edit?: (doc: any) => void): Scenario => editedScenario(BRIDGE, 'bridge-roads.yaml', edit);

type Effect = { cut_road: string } | { reopen_road: string } | { degrade_road: string; factor: number };
/** rules that change roads once, at a time after T0 (in seconds, a whole minute) */
const rules = (...changes: [number, Effect][]) => (doc: any) => {
  doc.rules = [...(doc.rules ?? []), ...changes.map(([at, effect], i) => ({ id: `road-${i}`, from: clock(at), every: '12h', probability: 1, once: true, effect }))];
};
const clock = (s: number) => `T+${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}`;
/** no way round by the ridge: the bridge is the only way to the school */
const noRidge = (doc: any) => { doc.travel.edges = doc.travel.edges.filter((e: any) => e.id !== 'bridge-ridge' && e.id !== 'ridge-school'); };

const order = (at: number): Decision => ({ at, role: 'chair', author: 'trainee', cmd: { do: 'evacuate', zone: 'riverside' } as Decision['cmd'] });
const road = (at: number, what: 'close_road' | 'open_road', edge: string): Decision => ({ at, role: 'chair', author: 'trainee', cmd: { do: what, edge } as Decision['cmd'] });

/** the times people come into a shelter, and how many */
const arrivals = (evs: Record<string, any>[], id: string) => {
  const out: [number, number][] = [];
  let last = 0;
  for (const e of evs) if (e.type === 'shelter.occupancy' && e.id === id) { if (e.occupancy > last) out.push([e.t, e.occupancy - last]); last = e.occupancy; }
  return out;
};

/** a run watched after every event: the invariants, and the zone's people against its population */
function watched(scenario: Scenario, decisions: Decision[]) {
  const broken: string[] = [];
  const sim = makeSim(scenario, {
    decisions, players: ['chair'],
    observe: (s) => { if (broken.length < 5) broken.push(...checkInvariants(s).map((b) => `t=${s.world.t}: ${b}`)); },
  });
  return { sim, broken };
}

describe('a road cut ahead of evacuees on their way', () => {
  it('re-routes them from where they are to the same shelter, by the ridge, arriving later than the bridge would have had them', () => {
    // the first 10 set off at T+0 for the school, due at T+15 by the bridge; at T+5 (5 of the 7.5 minutes to the
    // bridge behind them) the flood cuts the bridge's far side
    const plain = makeSim(bridge(), { decisions: [order(0)], players: ['chair'] });
    plain.run();
    expect(arrivals(events(plain), 'school')[0]).toEqual([900, 10]);

    const { sim, broken } = watched(bridge(rules([300, { cut_road: 'bridge-school' }])), [order(0)]);
    sim.run();
    expect(broken).toEqual([]);
    const evs = events(sim);
    // on to the bridge (2 min 30 s), then round by the ridge (30 min): the way is from now, the first time negative
    // (the village, left 5 minutes ago), as a unit's re-route is
    expect(evs.filter((e) => e.type === 'zone.trip')[0]).toEqual({
      t: 300, type: 'zone.trip', id: 'riverside', shelter: 'school', n: 10, set_off: 0, travel_s: 1950,
      nodes: ['village', 'bridge', 'ridge', 'school-yard'], cum_s: [-300, 150, 1050, 1950],
    });
    expect(arrivals(evs, 'school')[0]).toEqual([2250, 10]);
    const scenario = bridge();
    const trip = evs.find((e) => e.type === 'zone.trip') as LogEvent;
    expect(new Words('en', scenario).event(trip)).toBe('riverside: 10 people who left at T+00:00 (08:00) for school take another road, due there at T+00:37:30 (08:37)');
    expect(new Words('vi', scenario).event(trip)).toBe('riverside: 10 người rời đi lúc T+00:00 (08:00), đang trên đường đến school, phải đi đường khác, dự kiến đến nơi lúc T+00:37:30 (08:37)');
    // nobody was stranded: the zone's counts say nothing of it
    expect(evs.filter((e) => e.type === 'zone.progress' && 'stranded' in e)).toEqual([]);
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100 });
    expect(sim.world.shelters.school.occupancy).toBe(100);
  });

  it('a closure by order (close_road) ahead of them re-routes them as a cut does', () => {
    const { sim, broken } = watched(bridge(), [order(0), road(300, 'close_road', 'bridge-school')]);
    sim.run();
    expect(broken).toEqual([]);
    const evs = events(sim);
    expect(evs.find((e) => e.type === 'zone.trip')).toMatchObject({ t: 300, set_off: 0, travel_s: 1950 });
    expect(arrivals(evs, 'school')[0]).toEqual([2250, 10]);
  });

  it('a road slowed ahead of them makes them later, and one reopened that gives a quicker way takes them back to it', () => {
    // cut at T+5: round by the ridge, due at T+37:30; the bridge open again at T+10 (at the bridge by then, on the
    // ridge road 2 min 30 s): back to the bridge and over it (2 min 30 s + 7 min 30 s), due at T+20
    const { sim, broken } = watched(bridge(rules([300, { cut_road: 'bridge-school' }], [600, { reopen_road: 'bridge-school' }])), [order(0)]);
    sim.run();
    expect(broken).toEqual([]);
    const trips = events(sim).filter((e) => e.type === 'zone.trip' && e.set_off === 0);
    expect(trips.map(({ t, travel_s, nodes }) => ({ t, travel_s, nodes }))).toEqual([
      { t: 300, travel_s: 1950, nodes: ['village', 'bridge', 'ridge', 'school-yard'] },
      { t: 600, travel_s: 600, nodes: ['ridge', 'bridge', 'school-yard'] },
    ]);
    expect(arrivals(events(sim), 'school')[0]).toEqual([1200, 10]);

    // the bridge's far side at half speed from T+5: its 7 min 30 s ahead of them take 15 minutes
    const slow = makeSim(bridge(rules([300, { degrade_road: 'bridge-school', factor: 0.5 }])), { decisions: [order(0)], players: ['chair'] });
    slow.run();
    expect(arrivals(events(slow), 'school')[0]).toEqual([300 + 150 + 900, 10]);
  });

  it('turns them back when the road they are on is the one cut; with no way on from where they turned, they wait there', () => {
    // the 10 of T+0 are 5 minutes along the 7.5 to the bridge when the road to it is cut: back to the village (5 min),
    // and from there no road leads to the school: they wait in the village, on the road to the school
    const { sim, broken } = watched(bridge(rules([300, { cut_road: 'village-bridge' }])), [order(0)]);
    sim.run(400);
    expect(broken).toEqual([]);
    expect(events(sim).find((e) => e.type === 'zone.trip')).toEqual({
      t: 300, type: 'zone.trip', id: 'riverside', shelter: 'school', n: 10, set_off: 0, stranded: true,
      nodes: ['bridge', 'village'], cum_s: [-150, 300],
    });
  });
});

describe('with no open way on, they are stranded', () => {
  const cutBridge = bridge((d) => { noRidge(d); rules([300, { cut_road: 'bridge-school' }], [3600, { reopen_road: 'bridge-school' }])(d); });

  it('at the junction they reach, holding their places in the shelter, and go on from there when the road reopens', () => {
    const { sim, broken } = watched(cutBridge, [order(0)]);
    sim.run(3599);
    expect(broken).toEqual([]);
    let evs = events(sim);
    // on to the bridge, 2 min 30 s on, to wait there
    expect(evs.find((e) => e.type === 'zone.trip')).toEqual({
      t: 300, type: 'zone.trip', id: 'riverside', shelter: 'school', n: 10, set_off: 0, stranded: true,
      nodes: ['village', 'bridge'], cum_s: [-300, 150],
    });
    // the zone says so at once, and at each step after; the steps after stall, cut off
    expect(evs.find((e) => e.type === 'zone.progress' && e.t === 300)).toEqual({ t: 300, type: 'zone.progress', id: 'riverside', remaining: 90, moving: 10, sheltered: 0, stranded: 10 });
    for (const p of evs.filter((e) => e.type === 'zone.progress' && e.t > 300)) expect(p).toMatchObject({ remaining: 90, moving: 10, stranded: 10, stalled: true, cut: true });
    expect(sim.world.shelters.school).toMatchObject({ occupancy: 0, incoming: 10 });
    expect(sim.world.zones.riverside.on_road).toMatchObject([{ n: 10, t0: 0, stranded_t: 300, arrive_t: -1, seq: -1, way: { nodes: ['village', 'bridge'] } }]);
    expect(sim.world.areas.commune.people.moving).toBe(10);

    sim.run();
    expect(broken).toEqual([]);
    evs = events(sim);
    // the bridge open again at T+1: over it, 7 min 30 s from the bridge, where they have waited since T+00:07:30
    expect(evs.filter((e) => e.type === 'zone.trip' && e.t === 3600)).toEqual([{
      t: 3600, type: 'zone.trip', id: 'riverside', shelter: 'school', n: 10, set_off: 0, travel_s: 450,
      nodes: ['bridge', 'school-yard'], cum_s: [0, 450],
    }]);
    expect(evs.find((e) => e.type === 'zone.progress' && e.t === 3600)).toEqual({ t: 3600, type: 'zone.progress', id: 'riverside', remaining: 90, moving: 10, sheltered: 0 });
    expect(arrivals(evs, 'school')[0]).toEqual([4050, 10]);
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100, caught: 0 });
  });

  it('the trainee\'s board counts them stranded, and the feed says where they wait and when they go on, in both languages', () => {
    const sim = makeSim(cutBridge, { decisions: [order(0)], players: ['chair'] });
    sim.run(1800);
    const board = (lang: 'en' | 'vi') => renderBoard({ sim, seat: 'chair', t: sim.now, lang, pending: [], newSince: 0, paused: false });
    expect(board('en')).toContain('0 sheltered, 10 on the way, 90 still there · no open road to a shelter with room · 10 of them stranded on the road, with no open road on');
    expect(board('vi')).toContain('trong đó 10 người bị kẹt giữa đường, không còn đường thông');
    sim.run();
    const trips = events(sim).filter((e) => e.type === 'zone.trip') as LogEvent[];
    expect(feed(sim, trips, 'chair', new Map(), 'en')).toEqual([
      '  T+00:05  riverside: 10 people on the way to shelter school are stranded at Bridge, with no open road on',
      '  T+01:00  riverside: 10 people on the way to shelter school take another road, there at T+01:07:30',
    ]);
    expect(feed(sim, trips, 'chair', new Map(), 'vi')[0]).toBe('  T+00:05  riverside: 10 người đang trên đường đến điểm sơ tán school bị kẹt lại tại Bridge, không còn đường thông');
    expect(board('en')).not.toContain('stranded');
  });

  it('the after-action report finds them stranded, and says they went on once a road opened', () => {
    const { log } = runScenario(cutBridge, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const evs = log!.events.map((l) => JSON.parse(l));
    const found = buildAar(log!, cutBridge, evs).improvements.filter((f) => f.key.startsWith('f.zone.stranded'));
    expect(found).toHaveLength(1);
    expect(found[0].key).toBe('f.zone.stranded_then');
    expect(new Words('en', cutBridge).m(found[0].key, found[0].params)).toBe('riverside: from T+00:05 (08:05), people on their way to a shelter were stranded on the road (10 at most), with no open road on to their shelter or another of the zone\'s with room, until a road opened.');
    expect(new Words('vi', cutBridge).m(found[0].key, found[0].params)).toBe('riverside: từ T+00:05 (08:05), người dân đang trên đường đến điểm sơ tán bị kẹt lại giữa đường (nhiều nhất 10 người), không còn đường thông đến điểm sơ tán, cho đến khi có đường thông trở lại.');
  });

  it('when the hazard reaches their zone they have left it: not caught, still on the road, and the report says where they were left', () => {
    const scenario = bridge((d) => { noRidge(d); rules([300, { cut_road: 'bridge-school' }])(d); d.evacuation.zones[0].hazard_arrives = 'T+01:00'; });
    const { log } = runScenario(scenario, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const evs = log!.events.map((l) => JSON.parse(l));
    // 10 on the road; the other 90, who could not set off, are caught
    expect(evs.find((e) => e.type === 'zone.struck')).toMatchObject({ t: 3600, caught: 90 });
    const last = evs.filter((e) => e.type === 'zone.progress').at(-1);
    expect(last).toMatchObject({ remaining: 0, moving: 10, sheltered: 0, stranded: 10 });
    expect(new Words('en', scenario).event(last)).toBe('riverside: 0 in shelter, 10 on the way, 0 still in the zone; 10 of them stranded, with no open road on to their shelter or another with room');
    // the event lines, in both languages
    const trip = evs.find((e) => e.type === 'zone.trip');
    expect(new Words('en', scenario).event(trip)).toBe('riverside: 10 people who left at T+00:00 (08:00) for school are stranded at Bridge: no open road leads on to the shelter, nor to another of the zone\'s with room');
    expect(new Words('vi', scenario).event(trip)).toBe('riverside: 10 người rời đi lúc T+00:00 (08:00), đang trên đường đến school, bị kẹt lại tại Bridge: không còn đường thông đến điểm sơ tán nào còn chỗ');
    // the after-action report: a finding on the zone, with its people left on the road at the end
    const aar = buildAar(log!, scenario, evs);
    const stranded = aar.improvements.filter((f) => f.key === 'f.zone.stranded');
    expect(stranded).toHaveLength(1);
    expect(stranded[0].params).toMatchObject({ people: { n: 10 }, left: { n: 10 } });
    expect(stranded[0].action?.key).toBe('a.zone.reachable');
    expect(new Words('en', scenario).m(stranded[0].key, stranded[0].params)).toBe('riverside: from T+00:05 (08:05), people on their way to a shelter were stranded on the road (10 at most), with no open road on to their shelter or another of the zone\'s with room; 10 were still there at the end of the run.');
  });

  it('drill run\'s summary and drill play\'s hot wash say how many are still stranded on the road at the end, in both languages', () => {
    const scenario = bridge((d) => { noRidge(d); rules([300, { cut_road: 'bridge-school' }])(d); });
    const { log, summary, sim } = runScenario(scenario, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const people = (text: string) => text.split('\n').find((l) => /^\s*(people|người dân)/.test(l))!.trim();
    expect(people(formatSummary(scenario.id, 'Bridge', log!, summary, undefined, scenario, [], 'en'))).toBe('people      0 at risk, 0 rescued, 0 lost, 0 still at risk; 10 people still stranded on the road, with no open road on to a shelter with room');
    expect(formatSummary(scenario.id, 'Bridge', log!, summary, undefined, scenario, [], 'vi')).toContain('; 10 người vẫn còn bị kẹt giữa đường, không còn đường thông đến điểm sơ tán còn chỗ');
    expect(people(renderSummary(sim, summary, 'en', log!.events))).toBe('people: 0 at risk, 0 rescued, 0 lost, 0 still at risk; 10 people still stranded on the road, with no open road on to a shelter with room');
    expect(renderSummary(sim, summary, 'vi', log!.events)).toContain('; 10 người vẫn còn bị kẹt giữa đường, không còn đường thông đến điểm sơ tán còn chỗ');
    // once the bridge reopens they go on, and the line says nothing of it
    const reopened = bridge((d) => { noRidge(d); rules([300, { cut_road: 'bridge-school' }], [3600, { reopen_road: 'bridge-school' }])(d); });
    const after = runScenario(reopened, { seed: 1, decisions: [order(0)], players: ['chair'] });
    expect(formatSummary(reopened.id, 'Bridge', after.log!, after.summary, undefined, reopened, [], 'en')).not.toContain('stranded');
    expect(formatSummary(reopened.id, 'Bridge', after.log!, after.summary, undefined, reopened, [], 'en')).toContain('; 100 evacuated to shelters\n');
  });

  it('a keyframe taken while they wait restores to the same log; one of an engine before 0.8.0 (groups without their ways) is refused, naming the zone', () => {
    const scenario = bridge((d) => { noRidge(d); rules([300, { cut_road: 'bridge-school' }], [3600, { reopen_road: 'bridge-school' }])(d); d.keyframe_every = '15m'; });
    const opts = { seed: 1, decisions: [order(0)], players: ['chair'] };
    const { log } = runScenario(scenario, opts);
    const during = log!.keyframes.filter((k) => k.world.zones.riverside.on_road.some((g) => g.stranded_t !== undefined));
    expect(during.length).toBeGreaterThan(1);
    for (const k of during.slice(0, 2)) {
      const sim = new Sim(new Model(scenario), { ...opts, until: log!.until, mode: 'full', keyframeEvery: scenario.keyframe_every }, JSON.parse(JSON.stringify(k)));
      sim.run();
      expect(sim.log!.lines).toEqual(log!.events.slice(k.events));
      expect(sim.log!.finish()).toBe(log!.hash);
    }
    const old = JSON.parse(JSON.stringify(during[0]));
    for (const g of old.world.zones.riverside.on_road) { delete g.seq; delete g.way; delete g.stranded_t; }
    let caught: unknown;
    try { new Sim(new Model(scenario), { ...opts, until: log!.until, mode: 'full', keyframeEvery: scenario.keyframe_every }, old); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(KeyframeRestoreError);
    expect((caught as KeyframeRestoreError).zone).toBe('riverside');
    expect((caught as KeyframeRestoreError).ways).toBe(true);
    expect((caught as Error).message).toMatch(/holds zone riverside with people on the road but not the ways they are on \(a log of an engine before 0\.8\.0\)/);
  });
});

describe('with no open way to their own shelter, they turn to another of the zone\'s', () => {
  // the school first, the hall second; no way round by the ridge: with the bridge's far side cut, only the hall
  const twoShelters = (...edits: ((doc: any) => void)[]) => bridge((d) => {
    noRidge(d);
    d.evacuation.zones[0].shelters = ['school', 'hall'];
    for (const edit of edits) edit(d);
  });
  const capacity = (id: string, n: number) => (d: any) => { d.evacuation.shelters.find((s: any) => s.id === id).capacity_people = n; };
  const uphill = (d: any) => {
    // a hamlet beside the hall, whose people fill it at once when ordered out
    d.evacuation.zones.push({ id: 'uphill', area: 'commune', node: 'hall-yard', population: 50, shelters: ['hall'], rate_people_per_hour: 600, warning: '0m' });
  };
  const orderUphill: Decision = { at: 0, role: 'chair', author: 'trainee', cmd: { do: 'evacuate', zone: 'uphill' } as Decision['cmd'] };

  it('the group goes on to the hall from where it is, giving up its places at the school, which a full school frees', () => {
    // the 10 of T+0 fill the school (capacity 10); at T+5, 5 of the 7.5 minutes to the bridge behind them, the
    // bridge's far side is cut: back to the village (5 min) and up to the hall (an hour) beats on to the bridge and back
    const scenario = twoShelters(capacity('school', 10), rules([300, { cut_road: 'bridge-school' }]));
    const { sim, broken } = watched(scenario, [order(0)]);
    sim.run();
    expect(broken).toEqual([]);
    const evs = events(sim);
    const trip = evs.find((e) => e.type === 'zone.trip');
    expect(trip).toEqual({
      t: 300, type: 'zone.trip', id: 'riverside', shelter: 'hall', from_shelter: 'school', n: 10, set_off: 0, travel_s: 3900,
      nodes: ['bridge', 'village', 'hall-yard'], cum_s: [-150, 300, 3900],
    });
    // the school, full only for the places they held, has room again; the hall holds their places
    expect(evs.filter((e) => e.t === 300 && (e.type === 'shelter.occupancy' || e.type === 'shelter.state'))).toEqual([
      { t: 300, type: 'shelter.occupancy', id: 'school', occupancy: 0, incoming: 0, capacity: 10 },
      { t: 300, type: 'shelter.state', id: 'school', state: 'open', was: 'full' },
      { t: 300, type: 'shelter.occupancy', id: 'hall', occupancy: 0, incoming: 10, capacity: 1000 },
    ]);
    expect(evs.filter((e) => e.type === 'shelter.state' && e.id === 'school').map((e) => [e.t, e.state])).toEqual([[0, 'open'], [0, 'full'], [300, 'open']]);
    const space = evs.find((x) => x.type === 'shelter.state' && x.t === 300) as LogEvent;
    expect(new Words('en', scenario).event(space)).toBe('school has room again');
    expect(new Words('vi', scenario).event(space)).toBe('school có chỗ trở lại');
    expect(feed(sim, [space], 'chair', new Map(), 'en')).toEqual(['  T+00:05  shelter school: room again']);
    expect(arrivals(evs, 'hall')[0]).toEqual([4200, 10]);
    expect(arrivals(evs, 'school')).toEqual([]);
    // nobody was stranded, and everyone is in the hall in the end
    expect(evs.filter((e) => e.type === 'zone.progress' && 'stranded' in e)).toEqual([]);
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100, moving_to: {} });
    expect(sim.world.shelters.hall.occupancy).toBe(100);
    // the report's line and the trainee's feed, in both languages
    const e = trip as LogEvent;
    expect(new Words('en', scenario).event(e)).toBe('riverside: 10 people who left at T+00:00 (08:00) for school, with no open road left to it, go instead to hall, due there at T+01:10 (09:10)');
    expect(new Words('vi', scenario).event(e)).toBe('riverside: 10 người rời đi lúc T+00:00 (08:00), đang trên đường đến school, không còn đường thông đến đó, chuyển sang hall, dự kiến đến nơi lúc T+01:10 (09:10)');
    expect(feed(sim, [e], 'chair', new Map(), 'en')).toEqual(['  T+00:05  riverside: 10 people on the way to shelter school, with no open road left to it, go instead to shelter hall, there at T+01:10']);
    expect(feed(sim, [e], 'chair', new Map(), 'vi')).toEqual(['  T+00:05  riverside: 10 người đang trên đường đến điểm sơ tán school không còn đường thông đến đó, chuyển sang điểm sơ tán hall, đến nơi lúc T+01:10']);
    // nobody stranded: the after-action report has no stranded finding, and drill run's people line no stranded count
    const run = runScenario(scenario, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const aar = buildAar(run.log!, scenario, run.log!.events.map((l) => JSON.parse(l)));
    expect(aar.improvements.filter((f) => f.key.startsWith('f.zone.stranded'))).toEqual([]);
    // the zone's other shelter took them, with nobody stranded: a strength of the plan, in both languages
    const switched = aar.strengths.filter((f) => f.key === 'f.zone.switched');
    expect(switched).toHaveLength(1);
    expect(new Words('en', scenario).m(switched[0].key, switched[0].params)).toBe('riverside: from T+00:05 (08:05), with no open road left to school, 10 people on their way there turned to hall, another shelter in the zone\'s plan; nobody was left stranded on the road.');
    expect(new Words('vi', scenario).m(switched[0].key, switched[0].params)).toBe('riverside: từ T+00:05 (08:05), không còn đường thông đến school; 10 người đang trên đường đến đó đã chuyển sang hall, cũng là điểm sơ tán trong kế hoạch của khu vực sơ tán này, và không ai bị kẹt lại giữa đường.');
    expect(formatSummary(scenario.id, 'Bridge', run.log!, run.summary, undefined, scenario, [], 'en')).not.toContain('stranded');
  });

  it('the report praises the turn only where the zone came to no harm by the roads: not when the hazard caught those left', () => {
    // the same turn to the hall at T+00:05, and the hazard reaches the village at T+00:30, with 70 still there
    const scenario = twoShelters(capacity('school', 10), rules([300, { cut_road: 'bridge-school' }]), (d) => { d.evacuation.zones[0].hazard_arrives = 'T+00:30'; });
    const { log } = runScenario(scenario, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const evs = log!.events.map((l) => JSON.parse(l));
    expect(evs.some((e) => e.type === 'zone.trip' && e.from_shelter === 'school')).toBe(true);
    expect(evs.find((e) => e.type === 'zone.struck')).toMatchObject({ caught: 70 });
    expect(buildAar(log!, scenario, evs).strengths.filter((f) => f.key === 'f.zone.switched')).toEqual([]);
  });

  it('people who turn and turn back are counted once, and the report names the shelter they set out for, not the one they turned back to', () => {
    // the ten of T+0 turn to the hall at T+00:05, and the ten of T+00:10 set out for it; the bridge opens again at
    // T+00:14, and at T+00:15 the hall road is cut under both groups: back to the school, the first ten's own
    const scenario = twoShelters(rules([300, { cut_road: 'bridge-school' }], [840, { reopen_road: 'bridge-school' }], [900, { cut_road: 'village-hall' }]));
    const { log } = runScenario(scenario, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const evs = log!.events.map((l) => JSON.parse(l));
    const turns = evs.filter((e) => e.type === 'zone.trip' && e.from_shelter !== undefined).map((e) => [e.t, e.from_shelter, e.shelter, e.n]);
    expect(turns[0]).toEqual([300, 'school', 'hall', 10]);
    expect(turns.slice(1)).toEqual([[900, 'hall', 'school', 10], [900, 'hall', 'school', 10]]);
    expect(evs.some((e) => e.type === 'zone.trip' && e.stranded === true)).toBe(false);
    const switched = buildAar(log!, scenario, evs).strengths.filter((f) => f.key === 'f.zone.switched');
    expect(switched).toHaveLength(1);
    expect(new Words('en', scenario).m(switched[0].key, switched[0].params)).toBe('riverside: from T+00:05 (08:05), with no open road left to school, 10 people on their way there turned to hall, another shelter in the zone\'s plan; nobody was left stranded on the road.');
  });

  it('with no room in the hall they are stranded, holding their places at the school, and go on there when the bridge reopens', () => {
    const scenario = twoShelters(capacity('hall', 50), uphill, rules([300, { cut_road: 'bridge-school' }], [3600, { reopen_road: 'bridge-school' }]));
    const { sim, broken } = watched(scenario, [orderUphill, order(0)]);
    sim.run(3599);
    expect(broken).toEqual([]);
    expect(sim.world.shelters.hall).toMatchObject({ occupancy: 50, incoming: 0 });
    const evs = events(sim);
    expect(evs.find((e) => e.type === 'zone.trip')).toEqual({
      t: 300, type: 'zone.trip', id: 'riverside', shelter: 'school', n: 10, set_off: 0, stranded: true,
      nodes: ['village', 'bridge'], cum_s: [-300, 150],
    });
    expect(sim.world.shelters.school).toMatchObject({ occupancy: 0, incoming: 10 });
    sim.run();
    expect(broken).toEqual([]);
    expect(events(sim).filter((e) => e.type === 'zone.trip' && e.t === 3600)).toMatchObject([{ shelter: 'school', n: 10, travel_s: 450 }]);
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100 });
  });

  it('a hall with room for some takes those, and the rest are stranded at the bridge, holding their places at the school', () => {
    const scenario = twoShelters(capacity('hall', 4), rules([300, { cut_road: 'bridge-school' }], [3600, { reopen_road: 'bridge-school' }]));
    const { sim, broken } = watched(scenario, [order(0)]);
    sim.run(3599);
    expect(broken).toEqual([]);
    const evs = events(sim);
    // the 4 the hall has room for go first (the group splits), then the other 6 wait at the bridge
    expect(evs.filter((e) => e.t === 300 && e.type !== 'rule.fired' && e.type !== 'road.status')).toEqual([
      { t: 300, type: 'zone.trip', id: 'riverside', shelter: 'hall', from_shelter: 'school', n: 4, set_off: 0, travel_s: 3900, nodes: ['bridge', 'village', 'hall-yard'], cum_s: [-150, 300, 3900] },
      { t: 300, type: 'zone.trip', id: 'riverside', shelter: 'school', n: 6, set_off: 0, stranded: true, nodes: ['village', 'bridge'], cum_s: [-300, 150] },
      { t: 300, type: 'shelter.occupancy', id: 'school', occupancy: 0, incoming: 6, capacity: 1000 },
      { t: 300, type: 'shelter.occupancy', id: 'hall', occupancy: 0, incoming: 4, capacity: 4 },
      { t: 300, type: 'shelter.state', id: 'hall', state: 'full' },
      { t: 300, type: 'zone.progress', id: 'riverside', remaining: 90, moving: 10, sheltered: 0, stranded: 6 },
    ]);
    expect(sim.world.zones.riverside.on_road).toMatchObject([
      { shelter: 'school', n: 6, t0: 0, stranded_t: 300, arrive_t: -1 },
      { shelter: 'hall', n: 4, t0: 0, arrive_t: 4200 },
    ]);
    expect(sim.world.zones.riverside.moving_to).toEqual({ school: 6, hall: 4 });
    sim.run();
    expect(broken).toEqual([]);
    const all = events(sim);
    expect(arrivals(all, 'hall')).toEqual([[4200, 4]]);
    expect(arrivals(all, 'school')[0]).toEqual([4050, 6]);
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100 });
    // the report: some were stranded, so that is the finding; the hall taking the others is no strength beside it
    const run = runScenario(scenario, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const aar = buildAar(run.log!, scenario, run.log!.events.map((l) => JSON.parse(l)));
    expect(aar.improvements.map((f) => f.key)).toContain('f.zone.stranded_then');
    expect(aar.strengths.filter((f) => f.key === 'f.zone.switched')).toEqual([]);
  });

  it('a keyframe taken while a split group\'s parts are on the road and stranded restores to the same log', () => {
    const scenario = twoShelters(capacity('hall', 4), rules([300, { cut_road: 'bridge-school' }], [3600, { reopen_road: 'bridge-school' }]), (d) => { d.keyframe_every = '15m'; });
    const opts = { seed: 1, decisions: [order(0)], players: ['chair'] };
    const { log } = runScenario(scenario, opts);
    const during = log!.keyframes.filter((k) => k.world.zones.riverside.on_road.some((g) => g.stranded_t !== undefined) && k.world.zones.riverside.moving_to.hall);
    expect(during.length).toBeGreaterThan(1);
    for (const k of during.slice(0, 2)) {
      const sim = new Sim(new Model(scenario), { ...opts, until: log!.until, mode: 'full', keyframeEvery: scenario.keyframe_every }, JSON.parse(JSON.stringify(k)));
      sim.run();
      expect(sim.log!.lines).toEqual(log!.events.slice(k.events));
      expect(sim.log!.finish()).toBe(log!.hash);
    }
  });

  it('a stranded group goes on to the hall when it opens, with no road changed, its own shelter still cut off', () => {
    // the hall closed until opened by order at T+20 (doctrine opens no shelter): stranded at the bridge from T+5
    const scenario = twoShelters((d) => { d.doctrine = { ...(d.doctrine ?? {}), open_shelters: false }; }, rules([300, { cut_road: 'bridge-school' }]));
    const open = (at: number, shelter: string): Decision => ({ at, role: 'chair', author: 'trainee', cmd: { do: 'open_shelter', shelter } as Decision['cmd'] });
    const { sim, broken } = watched(scenario, [open(0, 'school'), order(0), open(1200, 'hall')]);
    sim.run();
    expect(broken).toEqual([]);
    const trips = events(sim).filter((e) => e.type === 'zone.trip');
    expect(trips.map(({ t, shelter, from_shelter, n, stranded, travel_s }) => ({ t, shelter, from_shelter, n, stranded, travel_s }))).toEqual([
      { t: 300, shelter: 'school', from_shelter: undefined, n: 10, stranded: true, travel_s: undefined },
      // from the bridge (there since T+07:30) back to the village and up to the hall
      { t: 1200, shelter: 'hall', from_shelter: 'school', n: 10, stranded: undefined, travel_s: 450 + 3600 },
    ]);
    expect(events(sim).find((e) => e.type === 'zone.progress' && e.t === 1200 && !('stranded' in e))).toBeDefined();
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100 });
  });
});

describe('people are conserved under road cuts, closures and reopenings while they are on the road (property)', () => {
  const edges = ['village-bridge', 'bridge-school', 'bridge-ridge', 'ridge-school', 'village-hall'] as const;
  const change = fc.record({
    edge: fc.constantFrom(...edges),
    at: fc.integer({ min: 0, max: 120 }),
    how: fc.constantFrom('cut', 'reopen', 'degrade', 'close', 'open'),
    factor: fc.constantFrom(0.25, 0.5, 0.8),
  });
  const params = fc.record({
    pop: fc.integer({ min: 1, max: 200 }),
    rate: fc.integer({ min: 30, max: 600 }),
    caps: fc.tuple(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 150 })),
    order: fc.integer({ min: 0, max: 30 }),
    hazard: fc.option(fc.integer({ min: 1, max: 240 })),
    speed: fc.integer({ min: 4, max: 40 }),
    shelters: fc.constantFrom(['school'], ['school', 'hall'], ['hall', 'school']),
    // the zone's second shelter closed until opened by order at this minute (doctrine opens none): people stranded
    // before then may go there once it opens
    openLate: fc.option(fc.integer({ min: 0, max: 120 })),
    changes: fc.array(change, { minLength: 2, maxLength: 12 }),
  });

  it('after every event: remaining + moving + sheltered + caught = population, the groups hold what the zone and the shelters count, no group goes on along a road cut ahead of it, every group on its way has an open way from where it is to its shelter, and every stranded one has none, to its shelter or another of the zone\'s with room; groups that turn to another shelter keep their people', () => {
    // runs in which some of a group turned to another shelter, split or whole: the property must cover them
    let turned = 0, split = 0;
    fc.assert(fc.property(params, (p) => {
      const decisions: Decision[] = [order(p.order * 60)];
      const open = (at: number, shelter: string): Decision => ({ at, role: 'chair', author: 'trainee', cmd: { do: 'open_shelter', shelter } as Decision['cmd'] });
      if (p.openLate !== null) {
        decisions.push(open(0, p.shelters[0]));
        if (p.shelters.length > 1) decisions.push(open(p.openLate * 60, p.shelters[1]!));
      }
      const scenario = bridge((d) => {
        d.evacuation.speed_kmh = { road: p.speed };
        if (p.openLate !== null) d.doctrine = { ...(d.doctrine ?? {}), open_shelters: false };
        const z = d.evacuation.zones[0];
        Object.assign(z, { population: p.pop, rate_people_per_hour: p.rate, shelters: p.shelters });
        if (p.hazard !== null) z.hazard_arrives = clock(p.hazard * 60);
        d.evacuation.shelters.forEach((s: any, i: number) => { s.capacity_people = p.caps[i]; });
        const byRule = p.changes.filter((c) => c.how === 'cut' || c.how === 'reopen' || c.how === 'degrade');
        rules(...byRule.map((c): [number, Effect] => [c.at * 60, c.how === 'cut' ? { cut_road: c.edge } : c.how === 'reopen' ? { reopen_road: c.edge } : { degrade_road: c.edge, factor: c.factor }]))(d);
      });
      for (const c of p.changes) if (c.how === 'close' || c.how === 'open') decisions.push(road(c.at * 60, c.how === 'close' ? 'close_road' : 'open_road', c.edge));
      decisions.sort((a, b) => a.at - b.at);
      const broken: string[] = [];
      const model = new Model(scenario);
      // each group's first way, as the test works it out when it sets off, with the time it is past each road; and
      // the groups the log says changed way (zone.trip), by when they set off, where to and how many
      const first = new Map<string, { edges: string[]; passed: number[] }>();
      const changedWay = new Set<string>();
      const parts = new Map<string, number>();
      let read = 0;
      const sim = makeSim(scenario, {
        decisions, players: ['chair'],
        observe: (s) => {
          if (broken.length >= 5) return;
          broken.push(...checkInvariants(s).map((b) => `t=${s.world.t}: ${b}`));
          const z = s.world.zones.riverside;
          const lines = s.log!.lines;
          for (; read < lines.length; read++) {
            const e = JSON.parse(lines[read]);
            // every event as the log's readers check it (report, verify, the viewer): none of drill's own refused
            const damaged = damagedEventField(e);
            if (damaged) broken.push(`t=${s.world.t}: ${e.type}'s ${damaged.field} ${JSON.stringify(damaged.value)} is not as drill writes it (${damaged.kind})`);
            if (e.type === 'zone.trip') changedWay.add(`${e.set_off}/${e.shelter}/${e.n}`);
            if (e.type === 'zone.trip' && e.from_shelter !== undefined) {
              turned++;
              if (!p.shelters.includes(e.shelter) || e.shelter === e.from_shelter) broken.push(`t=${s.world.t}: a group turned from ${e.from_shelter} to ${e.shelter}, not another of the zone's shelters`);
            }
            // the parts of a group that split: more than one turning from the same shelter at once, or one turning
            // and the rest stranded, holding their places there
            if (e.type === 'zone.trip' && (e.from_shelter !== undefined || e.stranded)) {
              const key = `${e.t}/${e.set_off}/${e.from_shelter ?? e.shelter}`;
              parts.set(key, (parts.get(key) ?? 0) + 1);
              if (parts.get(key) === 2) split++;
            }
          }
          // a group that never changed way has no road cut ahead of it on the way it set off on (engine 0.7.0 drove
          // on through the cut and arrived when its first trip said)
          for (const g of z.on_road) {
            const key = `${g.t0}/${g.shelter}/${g.n}`;
            // (a group that changed way in the instant it set off, a part of a split one among them, has no first way)
            if (!first.has(key) && g.t0 === s.world.t && !changedWay.has(key)) {
              const route = model.travel.route(model.evacuee, 'village', model.shelterPlace.get(g.shelter)!.node!, s.world.roads, s.world.road_version)!;
              let acc = 0;
              first.set(key, { edges: route.edges, passed: route.edges.map((id) => g.t0 + Math.ceil((acc += model.travel.edgeTime(model.travel.edgeById(id)!, model.evacuee, s.world.roads[id])) - 1e-6)) });
            }
            const way = first.get(key);
            if (!way || changedWay.has(key)) continue;
            way.edges.forEach((id, k) => {
              if (way.passed[k] > s.world.t && s.world.roads[id].status === 'cut') broken.push(`t=${s.world.t}: the group of ${g.n} that set off at ${g.t0} s for ${g.shelter} goes on with road ${id} ahead of it cut`);
            });
          }
          if (z.remaining + z.moving + z.sheltered + z.caught !== p.pop) broken.push(`t=${s.world.t}: zone counts ${JSON.stringify(z)}`);
          if (z.on_road.reduce((n, g) => n + g.n, 0) !== z.moving) broken.push(`t=${s.world.t}: groups hold ${z.on_road.map((g) => g.n)}, the zone ${z.moving} moving`);
          const held = Object.values(s.world.shelters).reduce((n, sh) => n + sh.incoming, 0);
          if (held !== z.moving) broken.push(`t=${s.world.t}: shelters hold ${held} places, ${z.moving} on the road`);
          // where each group is, from its way and the time; an open way from there (on the roads as they are now)
          for (const g of z.on_road) {
            const way = g.way;
            if (!way) { broken.push(`t=${s.world.t}: a group with no way`); continue; }
            const target = model.shelterPlace.get(g.shelter)!.node!;
            const end = way.nodes[way.nodes.length - 1];
            const open = model.travel.route(model.evacuee, end, target, s.world.roads, s.world.road_version) !== null;
            if (g.stranded_t === undefined && (end !== target || way.t0 + way.cum_s[way.cum_s.length - 1] !== g.arrive_t)) broken.push(`t=${s.world.t}: a group due at ${g.arrive_t} on a way to ${end}`);
            if (g.stranded_t !== undefined && open) broken.push(`t=${s.world.t}: a group stranded at ${end}, from where a road is open to ${target}`);
            // nor to another of the zone's shelters with room
            for (const sid of p.shelters as readonly string[]) {
              const sh = s.world.shelters[sid];
              if (g.stranded_t === undefined || sid === g.shelter || sh.m.value !== 'open' || sh.capacity - sh.occupancy - sh.incoming <= 0) continue;
              if (model.travel.route(model.evacuee, end, model.shelterPlace.get(sid)!.node!, s.world.roads, s.world.road_version) !== null) broken.push(`t=${s.world.t}: a group stranded at ${end}, from where a road is open to ${sid}, which has room`);
            }
            for (let k = 0; k < way.edges.length; k++) {
              // roads still ahead (their start not yet reached) are open for a group on its way
              if (g.stranded_t === undefined && way.t0 + way.cum_s[k] > s.world.t && s.world.roads[way.edges[k]].status === 'cut') broken.push(`t=${s.world.t}: road ${way.edges[k]} ahead of a group due at ${g.arrive_t} is cut`);
            }
          }
        },
      });
      sim.run();
      expect(broken).toEqual([]);
      const z = sim.world.zones.riverside;
      expect(z.remaining + z.moving + z.sheltered + z.caught).toBe(p.pop);
      expect(sim.world.shelters.school.occupancy + sim.world.shelters.hall.occupancy).toBe(z.sheltered);
      // what the log says at the end is what the world holds: the last count of the zone, stranded included
      const last = events(sim).filter((e) => e.type === 'zone.progress').at(-1);
      if (last) {
        expect({ remaining: last.remaining, moving: last.moving, sheltered: last.sheltered }).toEqual({ remaining: z.remaining, moving: z.moving, sheltered: z.sheltered });
        expect(last.stranded ?? 0).toBe(z.on_road.filter((g) => g.stranded_t !== undefined).reduce((n, g) => n + g.n, 0));
      }
    }), {
      numRuns: 150,
      // always among them, so that the runs surely cover a split (random ones miss it in about one run of the test
      // in six): 2 people set off at T+26 for the hall (2 places); the road to it closed at once sends one of them
      // to the school (1 place) and leaves the other stranded in the village; the bridge cut a minute on turns the
      // one on the way to the school back
      examples: [[{ pop: 2, rate: 30, caps: [1, 2], order: 26, hazard: null, speed: 4, shelters: ['hall', 'school'], openLate: null, changes: [{ edge: 'village-bridge', at: 27, how: 'cut', factor: 0.25 }, { edge: 'village-hall', at: 26, how: 'close', factor: 0.25 }] }]],
    });
    expect(turned).toBeGreaterThan(0);
    expect(split).toBeGreaterThan(0);
  });
});
