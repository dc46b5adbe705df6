/** Per-unit figures on hand-built logs: time in each state, busy share, trips and distance. */
import { describe, expect, it } from 'vitest';
import { UnitMetrics } from '../../engine/review/unit-metrics.js';
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

  it('a unit nobody moved is available the whole run', () => {
    const u = figures([])('u2');
    expect(u).toMatchObject({ trips: 0, busy_s: 0, busy_share: 0, km: 0, blocked_s: 0, resting_s: 0 });
    expect(u.state_s.available).toBe(10_000);
  });
});
