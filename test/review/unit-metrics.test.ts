/** Per-unit figures on hand-built logs: time in each state, busy share, trips and distance. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { UnitMetrics } from '../../engine/review/unit-metrics.js';
import { Words } from '../../engine/review/words.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { ev, fixtureScenario } from './fixture.js';

function figures(events: LogEvent[], tEnd = 10_000) {
  const m = new UnitMetrics(fixtureScenario());
  for (const e of events) m.observe(e);
  const out = m.finish(tEnd);
  return (id: string) => out.find((u) => u.id === id)!;
}

const state = (t: number, id: string, s: string) => ev(t, 'unit.state', { id, state: s });
const netRoute = (t: number, id: string, km: number, total_s: number) => ev(t, 'unit.route', { id, nodes: ['a', 'b'], cum_s: [0, total_s], km });

describe('UnitMetrics', () => {
  it('splits the run into states and counts busy time, trips and whole legs', () => {
    const u = figures([
      ev(100, 'decision', { author: 'trainee', role: 'r1', do: 'dispatch', unit: 'u1', incident: 'x' }),
      state(100, 'u1', 'mobilising'),
      state(700, 'u1', 'en_route'), netRoute(700, 'u1', 10, 1000),
      state(1700, 'u1', 'on_scene'),
      state(5300, 'u1', 'returning'), netRoute(5300, 'u1', 10, 1000),
      state(6300, 'u1', 'available'),
      state(7000, 'u1', 'resting'), state(9000, 'u1', 'available'),
    ])('u1');
    expect(u.trips).toBe(1);
    expect(u.first_dispatch_t).toBe(100);
    expect(u.state_s).toEqual({ available: 100 + 700 + 1000, mobilising: 600, en_route: 1000, blocked: 0, on_scene: 3600, returning: 1000, resting: 2000, out_of_service: 0 });
    expect(u.busy_s).toBe(6200);
    expect(u.busy_share).toBe(0.62);
    expect(u.km).toBe(20);
    expect(u.resting_s).toBe(2000);
  });

  it('counts only the driven part of a leg cut short by a block, and the time blocked', () => {
    const u = figures([
      state(0, 'u2', 'en_route'), ev(600, 'unit.route', { id: 'u2', from: [0, 0], to: [30, 0], travel_s: 3000, km: 30 }),
      state(1600, 'u2', 'blocked'), // a third of the way: 10 km
      state(4600, 'u2', 'en_route'), netRoute(4600, 'u2', 20, 2000),
      state(6600, 'u2', 'on_scene'),
    ])('u2');
    expect(u.blocked_s).toBe(3000);
    expect(u.km).toBe(30);
    expect(u.busy_s).toBe(10_000); // busy from T0 to the end
  });

  it('a re-route closes the old leg where the unit was, and a leg still open at the end counts its share', () => {
    const u = figures([
      state(0, 'u1', 'en_route'), netRoute(0, 'u1', 10, 1000),
      netRoute(500, 'u1', 8, 800), // re-routed halfway along the first leg: 5 km driven
      state(1300, 'u1', 'on_scene'),
      state(9000, 'u1', 'returning'), netRoute(9000, 'u1', 12, 2000), // half of it by the end: 6 km
    ])('u1');
    expect(u.km).toBe(5 + 8 + 6);
  });

  it('a leg over an edge given only by its time (a lake by boat) is not passed off as 0 km', () => {
    // Bản Vẽ: the lake from the dam to Mỹ Lý is `time: { boat: 4h }`, no length; the roads have theirs
    const file = 'scenarios/ban-ve-extreme-inflow.yaml';
    const r = parseScenario(readFileSync(file, 'utf8'), file);
    if (!r.ok) throw new Error('scenario does not load');
    const m = new UnitMetrics(r.scenario);
    const lake = ev(100, 'unit.route', { id: 'ban-ve-boats', nodes: ['ban-ve-dam', 'my-ly'], cum_s: [0, 14_400], km: 0 });
    const back = ev(20_000, 'unit.route', { id: 'ban-ve-boats', nodes: ['my-ly', 'ban-ve-dam'], cum_s: [0, 14_400], km: 0 });
    const road = ev(100, 'unit.route', { id: 'yn-militia', nodes: ['yen-na', 'yen-hoa'], cum_s: [0, 1200], km: 10 });
    for (const e of [lake, road, back]) m.observe(e);
    const out = m.finish(40_000);
    expect(out.find((u) => u.id === 'ban-ve-boats')).toMatchObject({ km: 0, unmeasured_legs: 2 });
    expect(out.find((u) => u.id === 'yn-militia')).toMatchObject({ km: 10, unmeasured_legs: 0 });
    // and the event in words says so, in both languages
    expect(new Words('en', r.scenario).event(lake)).toMatch(/a route of 0(\.0)? km and a stretch of unknown length/);
    expect(new Words('vi', r.scenario).event(lake)).toMatch(/một đoạn không rõ chiều dài/);
    expect(new Words('en', r.scenario).event(road)).toMatch(/sets out on a 10(\.0)? km route$/);
  });

  it('a unit nobody moved is available the whole run', () => {
    const u = figures([])('u2');
    expect(u).toMatchObject({ trips: 0, busy_s: 0, busy_share: 0, km: 0, blocked_s: 0, resting_s: 0 });
    expect(u.state_s.available).toBe(10_000);
  });
});
