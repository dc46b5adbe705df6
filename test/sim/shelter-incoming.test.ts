/**
 * People who set off for a shelter hold places in it (`incoming`) while on
 * the road, and are in it (`occupancy`) when their trip is over (here, ten
 * minutes of road: one step), the hazard reaching their zone or not: the
 * shelter's counts say what the zone's counts say.
 * Nobody else is sent into places held for people on their way, and a shelter
 * is full to newcomers once the people in it and on their way fill it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyframeRestoreError } from '../../engine/core/errors.js';
import { renderBoard } from '../../engine/play/board.js';
import { Replay } from '../../engine/replay/replay.js';
import { openRunLog } from '../../engine/replay/open.js';
import { Words } from '../../engine/review/words.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { checkInvariants } from '../../engine/sim/invariants.js';
import { Model } from '../../engine/sim/model.js';
import { runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { Sim } from '../../engine/sim/sim.js';
import { events, makeSim } from '../helpers/sim.js';
import { editedScenario } from '../helpers/scenarios.js';
import { communeScenario } from '../helpers/commune-scenario.js';

const COMMUNE = communeScenario({
  id: 'shelters',
  title: 'Two hamlets, a school and a hall',
  travel: `
  nodes:
    - { id: hamlets, name: Hamlets, coords: { lat: 18.70, lon: 105.80 }, area: commune }
    - { id: school-yard, name: School yard, coords: { lat: 18.71, lon: 105.80 } }
    - { id: hall-yard, name: Hall yard, coords: { lat: 18.69, lon: 105.80 } }
  # ten minutes of road to either shelter, whatever the speed: the trip is one evacuation step
  edges:
    - { id: to-school, from: hamlets, to: school-yard, time: { road: 10m } }
    - { id: to-hall, from: hamlets, to: hall-yard, time: { road: 10m } }
`,
  evacuation: `
  step: 10m
  zones:
    - { id: riverside, area: commune, population: 100, shelters: [school], rate_people_per_hour: 60, warning: 0m }
    - { id: hillside, area: commune, population: 100, shelters: [school, hall], rate_people_per_hour: 60, warning: 0m }
  shelters:
    - { id: school, area: commune, node: school-yard, capacity_people: 15 }
    - { id: hall, area: commune, node: hall-yard, capacity_people: 1000 }
`,
});

const commune = (edit?: (doc: any) => void): Scenario => editedScenario(COMMUNE, 'shelters.yaml', edit);

const order = (at: number, zone: string): Decision => ({ at, role: 'chair', author: 'trainee', cmd: { do: 'evacuate', zone } as Decision['cmd'] });
const occupancy = (evs: Record<string, any>[], id: string) => evs.filter((e) => e.type === 'shelter.occupancy' && e.id === id).map(({ t, occupancy, incoming }) => ({ t, occupancy, incoming }));

describe('places held in a shelter for people on their way', () => {
  it('people who set off are incoming, and in the shelter when their ten minutes of road are over', () => {
    const sim = makeSim(commune(), { decisions: [order(0, 'riverside')], players: ['chair'] });
    sim.run();
    // 60 people an hour: 10 a step; the school's 15 places: 10 held at T+0, 5 more at T+10 when the first 10 arrive
    // (their arrival, then the step's departures: one event each)
    expect(occupancy(events(sim), 'school')).toEqual([
      { t: 0, occupancy: 0, incoming: 10 },
      { t: 600, occupancy: 10, incoming: 0 },
      { t: 600, occupancy: 10, incoming: 5 },
      { t: 1200, occupancy: 15, incoming: 0 },
    ]);
    // full (to anyone new) when the places held fill it, at T+10, not when the last of them arrive
    const full = events(sim).find((e) => e.type === 'shelter.state' && e.id === 'school' && e.state === 'full');
    expect(full?.t).toBe(600);
    // the zone's own counts agree: 5 on the road at T+10, 15 sheltered from T+20
    const progress = events(sim).filter((e) => e.type === 'zone.progress' && e.id === 'riverside').map(({ t, moving, sheltered }) => ({ t, moving, sheltered }));
    expect(progress.slice(0, 4)).toEqual([{ t: 0, moving: 10, sheltered: 0 }, { t: 600, moving: 0, sheltered: 10 }, { t: 600, moving: 5, sheltered: 10 }, { t: 1200, moving: 0, sheltered: 15 }]);
  });

  it('the world between two steps holds the people on the road as incoming, not in the shelter', () => {
    const sim = makeSim(commune(), { decisions: [order(0, 'riverside')], players: ['chair'] });
    sim.run(300);
    expect(sim.world.zones.riverside).toMatchObject({ moving: 10, moving_to: { school: 10 }, sheltered: 0 });
    expect(sim.world.shelters.school).toMatchObject({ occupancy: 0, incoming: 10 });
    expect(sim.world.areas.commune.people).toMatchObject({ moving: 10, sheltered: 0 });
  });

  it('nobody else is sent into the places held: the other zone takes what is left and goes on to the hall', () => {
    const sim = makeSim(commune(), { decisions: [order(0, 'riverside'), order(300, 'hillside')], players: ['chair'] });
    sim.run(301);
    // riverside holds 10 of the school's 15: hillside's 10 of that step go 5 to the school and 5 to the hall
    expect(sim.world.zones.hillside.moving_to).toEqual({ school: 5, hall: 5 });
    expect(sim.world.shelters.school).toMatchObject({ occupancy: 0, incoming: 15 });
    expect(sim.world.shelters.school.m.value).toBe('full');
    sim.run();
    expect(sim.world.shelters.school).toMatchObject({ occupancy: 15, incoming: 0 });
    expect(checkInvariants(sim)).toEqual([]);
  });

  it('when the hazard reaches the zone, those on the road have left it: they reach their shelter when their trip is over', () => {
    const sim = makeSim(commune((d) => { d.evacuation.zones[0].hazard_arrives = 'T+00:15'; d.evacuation.zones[0].shelters = ['hall']; }), { decisions: [order(0, 'riverside')], players: ['chair'] });
    sim.run(901);
    // at T+15 the ten who set off at T+10 are on the road: not caught, not yet sheltered
    expect(sim.world.zones.riverside).toMatchObject({ sheltered: 10, moving: 10, moving_to: { hall: 10 }, caught: 80, remaining: 0 });
    const struck = events(sim).filter((e) => e.t === 900 && e.type === 'zone.progress');
    expect(struck).toEqual([expect.objectContaining({ remaining: 0, moving: 10, sheltered: 10 })]);
    sim.run();
    expect(occupancy(events(sim), 'hall')).toEqual([
      { t: 0, occupancy: 0, incoming: 10 },
      { t: 600, occupancy: 10, incoming: 0 },
      { t: 600, occupancy: 10, incoming: 10 },
      { t: 1200, occupancy: 20, incoming: 0 },
    ]);
    expect(sim.world.zones.riverside).toMatchObject({ sheltered: 20, moving: 0, moving_to: {}, on_road: [], caught: 80 });
    expect(checkInvariants(sim)).toEqual([]);
  });

  it('a run that ends with people on the road leaves them incoming', () => {
    const sim = makeSim(commune((d) => { d.evacuation.zones[0].shelters = ['hall']; }), { decisions: [order(0, 'riverside')], players: ['chair'], until: 900 });
    sim.run();
    expect(sim.world.shelters.hall).toMatchObject({ occupancy: 10, incoming: 10 });
    expect(sim.world.zones.riverside.moving).toBe(10);
  });
});

describe('a shelter counts what its zones count (property over orders, capacities, rates, steps and hazards)', () => {
  const params = fc.record({
    pops: fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })),
    rates: fc.tuple(fc.integer({ min: 10, max: 900 }), fc.integer({ min: 10, max: 900 })),
    caps: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 })),
    orders: fc.tuple(fc.option(fc.integer({ min: 0, max: 7200 })), fc.option(fc.integer({ min: 0, max: 7200 }))),
    hazards: fc.tuple(fc.option(fc.integer({ min: 1, max: 6 * 60 })), fc.option(fc.integer({ min: 1, max: 6 * 60 }))),
    step: fc.integer({ min: 1, max: 40 }),
    warning: fc.integer({ min: 0, max: 30 }),
    vulnerable: fc.constantFrom(0, 0.3, 1),
    hillsideOrder: fc.constantFrom(['school', 'hall'], ['hall', 'school'], ['hall']),
  });

  it('after every event: 0 <= occupancy + incoming <= capacity, incoming is the people on the road to it, the sheltered are in shelters', () => {
    fc.assert(fc.property(params, (p) => {
      const scenario = commune((d) => {
        d.evacuation.step = `${p.step}m`;
        d.evacuation.zones.forEach((z: any, i: number) => {
          z.population = p.pops[i];
          z.rate_people_per_hour = p.rates[i];
          z.warning = `${p.warning}m`;
          z.vulnerable_share = p.vulnerable;
          if (p.hazards[i] !== null) z.hazard_arrives = `T+${String(Math.floor(p.hazards[i]! / 60)).padStart(2, '0')}:${String(p.hazards[i]! % 60).padStart(2, '0')}`;
        });
        d.evacuation.zones[1].shelters = p.hillsideOrder;
        d.evacuation.shelters.forEach((s: any, i: number) => { s.capacity_people = p.caps[i]; });
      });
      const decisions = (['riverside', 'hillside'] as const).flatMap((z, i) => (p.orders[i] === null ? [] : [order(p.orders[i]!, z)]));
      const broken: string[] = [];
      const sim = makeSim(scenario, { decisions, players: ['chair'], observe: (s) => { if (broken.length < 5) broken.push(...checkInvariants(s).map((b) => `t=${s.world.t}: ${b}`)); } });
      sim.run();
      expect(broken).toEqual([]);
      const evs = events(sim);
      const last = new Map<string, { occupancy: number; incoming: number }>();
      for (const e of evs) {
        if (e.type === 'shelter.occupancy') {
          expect(e.occupancy + e.incoming).toBeLessThanOrEqual(e.capacity);
          // people in a shelter stay; places are held only by those on their way
          expect(e.occupancy).toBeGreaterThanOrEqual(last.get(e.id)?.occupancy ?? 0);
          last.set(e.id, { occupancy: e.occupancy, incoming: e.incoming });
        }
        if (e.type === 'shelter.state' && e.state === 'full') {
          const s = last.get(e.id)!;
          expect(s.occupancy + s.incoming).toBe(sim.world.shelters[e.id].capacity);
        }
      }
      // the last occupancy events say what the world holds at the end
      for (const [id, s] of last) expect(sim.world.shelters[id]).toMatchObject(s);
      const onRoad = Object.values(sim.world.zones).reduce((n, z) => n + z.moving, 0);
      expect(Object.values(sim.world.shelters).reduce((n, s) => n + s.incoming, 0)).toBe(onRoad);
    }), { numRuns: 60 });
  });
});

describe('a keyframe of an engine before 0.6.0', () => {
  it('is refused, naming the shelter without the places it holds for people on their way', () => {
    const scenario = commune();
    const { log } = runScenario(scenario, { seed: 1, decisions: [order(0, 'riverside')], players: ['chair'] });
    const kf = JSON.parse(JSON.stringify(log!.keyframes[1]));
    for (const s of Object.values(kf.world.shelters) as any[]) delete s.incoming;
    const opts = { seed: 1, decisions: [order(0, 'riverside')], players: ['chair'], until: log!.until, mode: 'full' as const, keyframeEvery: scenario.keyframe_every };
    let caught: unknown;
    try { new Sim(new Model(scenario), opts, kf); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(KeyframeRestoreError);
    expect((caught as KeyframeRestoreError).shelter).toBe('school');
    expect((caught as KeyframeRestoreError).incident).toBeUndefined();
    expect((caught as Error).message).toMatch(/holds shelter school without the places it holds for people on their way \(a log of an engine before 0\.6\.0\)/);
  });

  it('a 0.5.1 run log: a replay refuses its keyframes with KeyframeRestoreError rather than counting NaN', () => {
    const scenario = commune();
    const { log } = runScenario(scenario, { seed: 1, decisions: [order(0, 'riverside')], players: ['chair'] });
    // its keyframes' worlds as 0.5.1 wrote them: no places held, no people on the road by shelter
    const text = serializeRunLog(log!).join('').replace(/"engine":"[^"]*"/, '"engine":"0.5.1"');
    const at = text.indexOf('"keyframes":[');
    const older = text.slice(0, at) + text.slice(at).replaceAll(/,"incoming":\d+/g, '').replaceAll(/,"moving_to":\{[^}]*\}/g, '');
    expect(older.slice(at)).not.toMatch(/incoming|moving_to/);
    const opened = openRunLog(older, 'older.json');
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.run.engine).toBe('0.5.1');
    expect(() => new Replay(opened.run).stateAt(scenario.keyframe_every + 1)).toThrow(KeyframeRestoreError);
  });
});

describe('the places held, as the report and the board say them', () => {
  const sim = makeSim(commune(), { decisions: [order(0, 'riverside')], players: ['chair'] });
  sim.run(300);
  const e = events(sim).find((x) => x.type === 'shelter.occupancy')!;

  it('the report\'s line for the event names the places held, in both languages', () => {
    expect(new Words('en', sim.model.scenario).event(e as any)).toBe('school: 0 of 15 places taken, 10 more held for people on their way');
    expect(new Words('vi', sim.model.scenario).event(e as any)).toBe('school: 0 trên 15 chỗ, giữ thêm 10 chỗ cho người đang trên đường đến');
    // a log of an older engine has no incoming: the line it always had
    const { incoming: _, ...older } = e;
    expect(new Words('en', sim.model.scenario).event(older as any)).toBe('school: 0 of 15 places taken');
  });

  it('the board shows the people on their way beside those in the shelter', () => {
    const board = (lang: 'en' | 'vi') => renderBoard({ sim, seat: 'chair', t: 300, lang, pending: [], newSince: 0, paused: false });
    expect(board('en')).toContain('0 / 15 people, 10 more on their way');
    expect(board('vi')).toContain('0 / 15 người, thêm 10 người đang trên đường đến');
  });
});
