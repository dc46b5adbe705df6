/** Per-area figures on hand-built logs: evacuation over time, shelters against capacity, days of supplies left. */
import { describe, expect, it } from 'vitest';
import { AreaMetrics } from '../../engine/review/area-metrics.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { ev, fixtureScenario, H } from './fixture.js';

function figures(events: LogEvent[], tEnd = 10 * H) {
  const m = new AreaMetrics(fixtureScenario());
  for (const e of events) m.observe(e);
  return m.finish(tEnd);
}

describe('AreaMetrics', () => {
  it('follows each zone and each area\'s evacuation completion over time', () => {
    const f = figures([
      ev(H, 'zone.state', { id: 'z1', state: 'ordered', by: 'r1' }),
      ev(H + 900, 'zone.state', { id: 'z1', state: 'moving' }),
      ev(H + 900, 'zone.progress', { id: 'z1', remaining: 150, moving: 50, sheltered: 0 }),
      ev(2 * H, 'zone.progress', { id: 'z1', remaining: 100, moving: 50, sheltered: 50 }),
      ev(2 * H, 'zone.progress', { id: 'z2', remaining: 300, moving: 0, sheltered: 100 }),
      ev(3 * H, 'zone.struck', { id: 'z1', caught: 100 }),
      ev(3 * H, 'zone.state', { id: 'z1', state: 'done' }),
    ]);
    const z1 = f.zones.find((z) => z.id === 'z1')!;
    expect(z1).toMatchObject({ ordered_t: H, ordered_by: 'r1', moving_t: H + 900, done_t: 3 * H, struck_t: 3 * H, caught: 100, sheltered: 50, share: 0.25 });
    expect(z1.series).toEqual([[H + 900, 0], [2 * H, 50]]);
    const c1 = f.areas.find((a) => a.id === 'c1')!;
    expect(c1.zone_population).toBe(500);
    // two readings at 2h (z1 then z2) make one point: 150 of 500
    expect(c1.evacuation).toEqual([[H + 900, 0], [2 * H, 0.3]]);
    expect(c1.evacuated_share).toBe(0.3);
  });

  it('a zone emptied before the hazard came shows the hazard\'s arrival and nobody caught (the engine logs no strike then); not before the run got there', () => {
    const scenario = fixtureScenario();
    scenario.evacuation.zones[0].hazard_arrives = 4 * H;
    const cleared = [
      ev(H, 'zone.state', { id: 'z1', state: 'ordered', by: 'r1' }),
      ev(H + 900, 'zone.state', { id: 'z1', state: 'moving' }),
      ev(3 * H, 'zone.progress', { id: 'z1', remaining: 0, moving: 0, sheltered: 200 }),
      ev(3 * H, 'zone.state', { id: 'z1', state: 'done' }),
    ];
    const at = (tEnd: number) => {
      const m = new AreaMetrics(scenario);
      for (const e of cleared) m.observe(e);
      return m.finish(tEnd).zones.find((z) => z.id === 'z1')!;
    };
    expect(at(10 * H)).toMatchObject({ done_t: 3 * H, struck_t: 4 * H, caught: 0, share: 1 });
    // stopped (--until) before the water came: it has not come yet
    expect(at(3.5 * H)).toMatchObject({ done_t: 3 * H, struck_t: null, caught: null });
  });

  it('finds each shelter\'s peak against its capacity, when it filled, and how long its supplies last at the peak', () => {
    const f = figures([
      ev(H, 'shelter.state', { id: 's1', state: 'open' }),
      ev(2 * H, 'shelter.occupancy', { id: 's1', occupancy: 100, capacity: 150 }),
      ev(3 * H, 'shelter.occupancy', { id: 's1', occupancy: 150, capacity: 150 }),
      ev(3 * H, 'shelter.state', { id: 's1', state: 'full' }),
      ev(4 * H, 'shelter.occupancy', { id: 's1', occupancy: 120, capacity: 150 }),
    ]);
    const s1 = f.shelters.find((s) => s.id === 's1')!;
    expect(s1).toMatchObject({ capacity: 150, peak: 150, peak_t: 3 * H, peak_share: 1, full_t: 3 * H, opened_t: H, supplies_days_at_peak: 2 });
    const s2 = f.shelters.find((s) => s.id === 's2')!;
    expect(s2).toMatchObject({ capacity: 400, peak: 0, peak_t: null, supplies_days_at_peak: null });
  });

  it('counts down supplies while an area is cut off, and keeps the reading when it is reached again', () => {
    const f = figures([
      ev(H, 'area.isolated', { id: 'c1', isolated: true }), ev(H, 'area.stock', { id: 'c1', days: 3 }),
      ev(0, 'area.isolated', { id: 'c2', isolated: true }), ev(0, 'area.stock', { id: 'c2', days: 2 }),
      ev(6 * H, 'area.isolated', { id: 'c2', isolated: false }), ev(6 * H, 'area.stock', { id: 'c2', days: 1.75 }),
    ].sort((a, b) => a.t - b.t));
    const c1 = f.areas.find((a) => a.id === 'c1')!;
    expect(c1).toMatchObject({ isolated_s: 9 * H, isolated_at_end: true, stock_days_first: 3, stock_days_left: 3 - 9 / 24, stock_out_t: null });
    const c2 = f.areas.find((a) => a.id === 'c2')!;
    expect(c2).toMatchObject({ isolated_s: 6 * H, isolated_at_end: false, stock_days_first: 2, stock_days_left: 1.75 });
  });

  it('an area that ran out has none left; one never cut off has no reading', () => {
    const f = figures([
      ev(0, 'area.isolated', { id: 'c1', isolated: true }), ev(0, 'area.stock', { id: 'c1', days: 0.1 }),
      ev(8640, 'area.stock', { id: 'c1', days: 0 }), ev(8640, 'area.stock_out', { id: 'c1' }),
    ]);
    expect(f.areas.find((a) => a.id === 'c1')).toMatchObject({ stock_days_left: 0, stock_out_t: 8640 });
    expect(f.areas.find((a) => a.id === 'c2')).toMatchObject({ stock_days_first: null, stock_days_left: null, isolated_s: 0 });
  });

  it('keeps the highest disaster risk level of each area and when it was reached', () => {
    const f = figures([ev(H, 'area.risk', { id: 'c1', risk: 2 }), ev(2 * H, 'area.risk', { id: 'c1', risk: 3 }), ev(5 * H, 'area.risk', { id: 'c1', risk: 1 })]);
    expect(f.areas.find((a) => a.id === 'c1')).toMatchObject({ risk_max: 3, risk_max_t: 2 * H });
  });
});
