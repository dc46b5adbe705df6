/**
 * Evacuees travel by the road network (engine 0.7.0): from the zone's place
 * to the shelter's, at evacuation.speed_kmh, on the roads open when they set
 * off. A shelter no open road leads to is passed over; a zone with none it
 * can reach stalls and says the roads are why (`cut`); a far shelter's
 * people arrive later than a near one's by the road time between them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyframeRestoreError } from '../../engine/core/errors.js';
import { renderBoard } from '../../engine/play/board.js';
import { buildAar } from '../../engine/review/aar.js';
import { Words } from '../../engine/review/words.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { checkInvariants } from '../../engine/sim/invariants.js';
import { Model } from '../../engine/sim/model.js';
import { runScenario } from '../../engine/sim/run.js';
import { Sim } from '../../engine/sim/sim.js';
import { events, makeSim } from '../helpers/sim.js';
import { editedScenario } from '../helpers/scenarios.js';
import { communeScenario } from '../helpers/commune-scenario.js';

// a village on the river; a school 5 km down one road, a hall 20 km up another (20 km/h: 15 min and 1 h)
const VALLEY = communeScenario({
  id: 'valley-roads',
  title: 'A village, a near school and a far hall',
  base: 'village',
  travel: `
  detour: 1
  nodes:
    - { id: town, name: Town, coords: { lat: 18.70, lon: 105.60 }, area: province }
    - { id: village, name: Village, coords: { lat: 18.70, lon: 105.80 }, area: commune }
    - { id: school-yard, name: School yard, coords: { lat: 18.70, lon: 105.84 } }
    - { id: hall-yard, name: Hall yard, coords: { lat: 18.85, lon: 105.80 } }
  edges:
    - { id: town-village, from: town, to: village, length_km: 21 }
    - { id: village-school, from: village, to: school-yard, length_km: 5 }
    - { id: village-hall, from: village, to: hall-yard, length_km: 20 }
`,
  evacuation: `
  step: 10m
  zones:
    - { id: riverside, area: commune, node: village, population: 100, shelters: [school, hall], rate_people_per_hour: 60, warning: 0m }
  shelters:
    - { id: school, area: commune, node: school-yard, capacity_people: 1000 }
    - { id: hall, area: commune, node: hall-yard, capacity_people: 1000 }
`,
});

const valley = (edit?: (doc: any) => void): Scenario => editedScenario(VALLEY, 'valley-roads.yaml', edit);

/** the flood cuts these roads at T+0, before anyone is ordered out */
const cutAtStart = (...roads: string[]) => (doc: any) => {
  doc.rules = roads.map((edge) => ({ id: `flood-${edge}`, from: 'T+00:00', every: '12h', probability: 1, effect: { cut_road: edge } }));
};

const order = (at: number, zone = 'riverside'): Decision => ({ at, role: 'chair', author: 'trainee', cmd: { do: 'evacuate', zone } as Decision['cmd'] });
const occupancy = (evs: Record<string, any>[], id: string) => evs.filter((e) => e.type === 'shelter.occupancy' && e.id === id).map(({ t, occupancy, incoming }) => ({ t, occupancy, incoming }));

describe('evacuees travel by the roads', () => {
  it('at the evacuees\' speed: 5 km at 20 km/h (the default) is 15 minutes, 20 km is an hour', () => {
    const model = new Model(valley());
    expect(model.scenario.evacuation.speed_kmh).toEqual({ road: 20 });
    expect(model.tripSeconds('riverside', 'school', {}, 0)).toBe(900);
    expect(model.tripSeconds('riverside', 'hall', {}, 0)).toBe(3600);
    // a planner's own speed: 40 km/h halves them
    const faster = new Model(valley((d) => { d.evacuation.speed_kmh = { road: 40 }; }));
    expect(faster.tripSeconds('riverside', 'hall', {}, 0)).toBe(1800);
  });

  it('at the zone\'s own speed where it gives one: on foot, 4 km/h, the school 5 km off is 75 minutes, another zone keeps evacuation\'s', () => {
    const sc = valley((d) => {
      d.evacuation.zones[0].speed_kmh = { foot: 4, road: 4 };
      d.evacuation.zones.push({ id: 'market', area: 'commune', node: 'village', population: 50, shelters: ['school'], rate_people_per_hour: 60, warning: '0m' });
    });
    const model = new Model(sc);
    expect(model.tripSeconds('riverside', 'school', {}, 0)).toBe(4500);
    expect(model.tripSeconds('market', 'school', {}, 0)).toBe(900);
    // in a run: the walkers' first group is in the school 75 minutes after it set off (8 steps of 10 have set off by then)
    const sim = makeSim(sc, { decisions: [order(0)], players: ['chair'] });
    sim.run(4501);
    expect(occupancy(events(sim), 'school').find((e) => e.occupancy > 0)).toEqual({ t: 4500, occupancy: 10, incoming: 70 });
    // a mode the zone does not list, its people cannot use: with the school's road for vehicles only, walkers cannot take it
    const vehicles = valley((d) => { d.travel.edges[1].speed_kmh = { road: 40 }; d.evacuation.zones[0].speed_kmh = { foot: 4 }; });
    expect(new Model(vehicles).tripSeconds('riverside', 'school', {}, 0)).toBeNull();
    expect(new Model(vehicles).tripSeconds('riverside', 'hall', {}, 0)).toBe(18000);
  });

  it('people reach the near school 15 minutes after they set off, not at the next step', () => {
    const sim = makeSim(valley(), { decisions: [order(0)], players: ['chair'] });
    sim.run(3 * 600);
    expect(occupancy(events(sim), 'school').slice(0, 3)).toEqual([
      { t: 0, occupancy: 0, incoming: 10 },
      { t: 600, occupancy: 0, incoming: 20 },
      { t: 900, occupancy: 10, incoming: 10 },
    ]);
  });

  it('a far shelter\'s people arrive later than a near one\'s by the road time between them', () => {
    // the school takes 10: the first step's 10 go there, the second step's to the hall
    const sim = makeSim(valley((d) => { d.evacuation.shelters[0].capacity_people = 10; }), { decisions: [order(0)], players: ['chair'] });
    sim.run();
    const evs = events(sim);
    // the times people come in: a shelter's occupancy goes up
    const arrivals = (id: string) => evs.filter((e) => e.type === 'shelter.occupancy' && e.id === id)
      .filter((e, i, all) => e.occupancy > (i === 0 ? 0 : all[i - 1].occupancy)).map((e) => e.t);
    expect(arrivals('school')[0]).toBe(0 + 900);
    expect(arrivals('hall')[0]).toBe(600 + 3600);
    // by the road: (20 km - 5 km) at 20 km/h, less the step between their setting off
    expect(arrivals('hall')[0] - 600 - (arrivals('school')[0] - 0)).toBe(2700);
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100 });
    expect(sim.world.shelters.school.occupancy + sim.world.shelters.hall.occupancy).toBe(100);
  });

  it('with the road to the nearer school cut by the flood, everyone goes to the hall they can reach', () => {
    const sim = makeSim(valley(cutAtStart('village-school')), { decisions: [order(0)], players: ['chair'] });
    sim.run();
    const evs = events(sim);
    expect(occupancy(evs, 'school')).toEqual([]);
    expect(occupancy(evs, 'hall')[0]).toEqual({ t: 0, occupancy: 0, incoming: 10 });
    expect(sim.world.shelters.school.occupancy).toBe(0);
    expect(sim.world.shelters.hall.occupancy).toBe(100);
    // no step stalled: the hall was there to go to
    expect(evs.filter((e) => e.type === 'zone.progress' && e.stalled)).toEqual([]);
  });

  it('a road closed by order (close_road) stops evacuees as a cut does', () => {
    const d = (at: number): Decision => ({ at, role: 'chair', author: 'trainee', cmd: { do: 'close_road', edge: 'village-school' } as Decision['cmd'] });
    const sim = makeSim(valley(), { decisions: [d(0), order(0)], players: ['chair'] });
    sim.run();
    expect(sim.world.shelters.school.occupancy).toBe(0);
    expect(sim.world.shelters.hall.occupancy).toBe(100);
  });

  it('a road cut part-way through sends the steps after it to the shelter still reachable, and those on the cut road too', () => {
    const sim = makeSim(valley((doc) => {
      doc.rules = [{ id: 'flood', from: 'T+00:25', every: '12h', probability: 1, effect: { cut_road: 'village-school' } }];
    }), { decisions: [order(0)], players: ['chair'] });
    sim.run();
    // steps at T+0, T+10, T+20 (30 people) before the cut set off for the school; the rest went to the hall
    // T+0's and T+10's were in by then; T+20's were on the road the flood cut: back to the village (5 minutes), with
    // no other way to the school, and on to the hall (an hour), giving up their places at the school
    const trip = events(sim).find((e) => e.type === 'zone.trip');
    expect(trip).toEqual({
      t: 1500, type: 'zone.trip', id: 'riverside', shelter: 'hall', from_shelter: 'school', n: 10, set_off: 1200, travel_s: 3900,
      nodes: ['school-yard', 'village', 'hall-yard'], cum_s: [-600, 300, 3900],
    });
    expect(sim.world.shelters.hall.occupancy).toBe(80);
    expect(sim.world.shelters.school).toMatchObject({ occupancy: 20, incoming: 0 });
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 100, on_road: [] });
  });

  it('nobody is sheltered across a fully cut network: the zone stalls, and says the roads are why', () => {
    const scenario = valley(cutAtStart('village-school', 'village-hall'));
    const { log } = runScenario(scenario, { seed: 1, decisions: [order(0)], players: ['chair'] });
    const evs = log!.events.map((l) => JSON.parse(l));
    const progress = evs.filter((e) => e.type === 'zone.progress' && e.id === 'riverside');
    expect(progress.length).toBeGreaterThan(10);
    for (const p of progress) expect(p).toMatchObject({ remaining: 100, moving: 0, sheltered: 0, stalled: true, cut: true });
    expect(evs.filter((e) => e.type === 'shelter.occupancy')).toEqual([]);
    // the report's line for the step, in both languages
    expect(new Words('en', scenario).event(progress[0])).toBe('riverside: 0 in shelter, 0 on the way, 100 still in the zone, with no open road to a shelter with room');
    expect(new Words('vi', scenario).event(progress[0])).toBe('riverside: 0 người đã đến nơi sơ tán, 0 người đang di chuyển, 100 người còn lại, không còn đường thông đến điểm sơ tán còn chỗ');
    // the after-action report: a finding on the zone (the roads), none on a full shelter
    const aar = buildAar(log!, scenario, evs);
    const cut = aar.improvements.filter((f) => f.key === 'f.zone.cut');
    expect(cut).toHaveLength(1);
    expect(cut[0].action?.key).toBe('a.zone.reachable');
    expect(aar.improvements.filter((f) => f.key === 'f.shelter.full')).toEqual([]);
  });

  it('the trainee\'s board says why a cut-off zone does not move, in both languages, and stops saying it once a road opens', () => {
    const sim = makeSim(valley((doc) => {
      cutAtStart('village-school', 'village-hall')(doc);
      doc.rules.push({ id: 'cleared', from: 'T+01:00', every: '12h', probability: 1, effect: { reopen_road: 'village-hall' } });
    }), { decisions: [order(0)], players: ['chair'] });
    sim.run(1800);
    expect(sim.world.zones.riverside.cut).toBe(true);
    const board = (lang: 'en' | 'vi') => renderBoard({ sim, seat: 'chair', t: sim.now, lang, pending: [], newSince: 0, paused: false });
    expect(board('en')).toContain('0 sheltered, 0 on the way, 100 still there · no open road to a shelter with room');
    expect(board('vi')).toContain('không còn đường thông đến điểm sơ tán còn chỗ');
    sim.run(3601);
    expect(sim.world.zones.riverside.cut).toBeUndefined();
    expect(board('en')).not.toContain('no open road');
    expect(sim.world.zones.riverside.moving).toBe(10);
  });

  it('full shelters stall a zone without `cut`: the roads were not why', () => {
    const sim = makeSim(valley((d) => { for (const s of d.evacuation.shelters) s.capacity_people = 5; }), { decisions: [order(0)], players: ['chair'] });
    sim.run(1200);
    const stalled = events(sim).filter((e) => e.type === 'zone.progress' && e.stalled);
    expect(stalled.length).toBeGreaterThan(0);
    for (const p of stalled) expect(p.cut).toBeUndefined();
    expect(sim.world.zones.riverside.cut).toBeUndefined();
  });

  it('without a road network, people travel the straight line (times detour) at the evacuees\' speed', () => {
    const scenario = valley((d) => { d.travel.edges = []; d.travel.detour = 1.3; });
    const model = new Model(scenario);
    const [zx, zy] = [model.zonePlace.get('riverside')!.x, model.zonePlace.get('riverside')!.y];
    const hall = model.shelterPlace.get('hall')!;
    const km = Math.hypot(hall.x - zx, hall.y - zy);
    expect(model.tripSeconds('riverside', 'hall', {}, 0)).toBe(Math.ceil(((km * 1.3) / 20) * 3600 - 1e-6));
  });
});

describe('when the hazard reaches the zone', () => {
  it('those on the road have left it: they reach the far hall when their hour of road is over, and only those still in the zone are caught', () => {
    const sim = makeSim(valley((d) => {
      d.evacuation.zones[0].shelters = ['hall'];
      d.evacuation.zones[0].hazard_arrives = 'T+00:30';
    }), { decisions: [order(0)], players: ['chair'] });
    sim.run();
    const evs = events(sim);
    // 10 set off at each of T+0, T+10 and T+20; the strike at T+30 comes before that instant's step (the world first)
    expect(evs.find((e) => e.type === 'zone.struck')).toMatchObject({ t: 1800, caught: 70 });
    expect(evs.find((e) => e.type === 'zone.progress' && e.t === 1800)).toMatchObject({ remaining: 0, moving: 30, sheltered: 0 });
    const arrived = evs.filter((e) => e.type === 'shelter.occupancy' && e.id === 'hall' && e.t >= 3600).map(({ t, occupancy }) => ({ t, occupancy }));
    expect(arrived).toEqual([{ t: 3600, occupancy: 10 }, { t: 4200, occupancy: 20 }, { t: 4800, occupancy: 30 }]);
    expect(sim.world.zones.riverside).toMatchObject({ remaining: 0, moving: 0, sheltered: 30, caught: 70 });
    expect(checkInvariants(sim)).toEqual([]);
  });
});

describe('people and places are conserved (property over road cuts and reopenings, capacities, rates, orders and hazards)', () => {
  const roads = ['village-school', 'village-hall', 'town-village'] as const;
  const params = fc.record({
    pop: fc.integer({ min: 0, max: 300 }),
    rate: fc.integer({ min: 10, max: 900 }),
    caps: fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 })),
    order: fc.integer({ min: 0, max: 7200 }),
    hazard: fc.option(fc.integer({ min: 1, max: 5 * 60 })),
    step: fc.integer({ min: 1, max: 30 }),
    speed: fc.integer({ min: 3, max: 60 }),
    // each road: cut at a minute (or never), reopened so many minutes later (or never)
    cuts: fc.array(fc.record({ road: fc.constantFrom(...roads), at: fc.integer({ min: 0, max: 300 }), open_after: fc.option(fc.integer({ min: 1, max: 59 })) }), { maxLength: 4 }),
    shelters: fc.constantFrom(['school', 'hall'], ['hall', 'school'], ['hall'], ['school']),
  });
  const clock = (min: number) => `T+${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

  it('after every event: remaining + moving + sheltered + caught = population, 0 <= occupancy + incoming <= capacity, and groups set off only on open roads', () => {
    fc.assert(fc.property(params, (p) => {
      const scenario = valley((d) => {
        d.evacuation.step = `${p.step}m`;
        d.evacuation.speed_kmh = { road: p.speed };
        const z = d.evacuation.zones[0];
        Object.assign(z, { population: p.pop, rate_people_per_hour: p.rate, shelters: p.shelters });
        if (p.hazard !== null) z.hazard_arrives = clock(p.hazard);
        d.evacuation.shelters.forEach((s: any, i: number) => { s.capacity_people = p.caps[i]; });
        d.rules = p.cuts.flatMap((c, i) => [
          { id: `cut-${i}`, from: clock(c.at), every: '12h', probability: 1, effect: { cut_road: c.road } },
          ...(c.open_after === null ? [] : [{ id: `open-${i}`, from: clock(c.at + c.open_after), every: '12h', probability: 1, effect: { reopen_road: c.road } }]),
        ]);
      });
      const broken: string[] = [];
      const seen = new Set<string>();
      const sim = makeSim(scenario, {
        decisions: [order(p.order)], players: ['chair'],
        observe: (s) => {
          if (broken.length >= 5) return;
          broken.push(...checkInvariants(s).map((b) => `t=${s.world.t}: ${b}`));
          const z = s.world.zones.riverside;
          if (z.remaining + z.moving + z.sheltered + z.caught !== p.pop) broken.push(`t=${s.world.t}: zone counts ${JSON.stringify(z)}`);
          for (const sh of Object.values(s.world.shelters)) if (sh.occupancy + sh.incoming > sh.capacity || sh.occupancy < 0 || sh.incoming < 0) broken.push(`t=${s.world.t}: shelter ${JSON.stringify(sh)}`);
          // a group that set off now did so on the roads open now, with the trip they give
          for (const g of z.on_road) {
            const key = `${g.t0}/${g.shelter}/${g.n}`;
            if (g.t0 !== s.world.t || seen.has(key)) continue;
            seen.add(key);
            const trip = s.model.tripSeconds('riverside', g.shelter, s.world.roads, s.world.road_version);
            if (trip === null || trip !== g.arrive_t - g.t0) broken.push(`t=${s.world.t}: a group to ${g.shelter} set off with a trip of ${g.arrive_t - g.t0} s, the roads give ${trip}`);
          }
        },
      });
      sim.run();
      expect(broken).toEqual([]);
      const z = sim.world.zones.riverside;
      expect(z.remaining + z.moving + z.sheltered + z.caught).toBe(p.pop);
      expect(sim.world.shelters.school.occupancy + sim.world.shelters.hall.occupancy).toBe(z.sheltered);
    }), { numRuns: 80 });
  });
});

describe('keyframes and zones\' trips', () => {
  const scenario = valley((d) => { d.evacuation.zones[0].shelters = ['hall']; d.keyframe_every = '15m'; });
  const opts = { seed: 1, decisions: [order(0)], players: ['chair'] };

  it('a keyframe taken while people are on the road restores to the same log', () => {
    const { log } = runScenario(scenario, opts);
    const during = log!.keyframes.filter((k) => k.world.zones.riverside.on_road.length > 0);
    expect(during.length).toBeGreaterThan(1);
    for (const k of during.slice(0, 3)) {
      const sim = new Sim(new Model(scenario), { ...opts, until: log!.until, mode: 'full', keyframeEvery: scenario.keyframe_every }, JSON.parse(JSON.stringify(k)));
      sim.run();
      expect(sim.log!.lines).toEqual(log!.events.slice(k.events));
      expect(sim.log!.finish()).toBe(log!.hash);
    }
  });

  it('a keyframe of an engine before 0.7.0 (a zone without its trips) is refused, naming the zone', () => {
    const { log } = runScenario(scenario, opts);
    const kf = JSON.parse(JSON.stringify(log!.keyframes[2]));
    delete kf.world.zones.riverside.on_road;
    let caught: unknown;
    try { new Sim(new Model(scenario), { ...opts, until: log!.until, mode: 'full', keyframeEvery: scenario.keyframe_every }, kf); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(KeyframeRestoreError);
    expect((caught as KeyframeRestoreError).zone).toBe('riverside');
    expect((caught as Error).message).toMatch(/holds zone riverside without its people's trips to their shelters \(a log of an engine before 0\.7\.0\)/);
  });
});
