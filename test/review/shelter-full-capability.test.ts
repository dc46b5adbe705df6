/**
 * A full shelter is an area for improvement only when it filled with people
 * of its zones left without a place in any open shelter (their evacuation
 * stalled). On the typhoon coast Cửa Hội anchorage and Cửa Lò's schools fill
 * as planned while Lạch Quèn and the hotels, already open, take the rest: no
 * issue. In the fixture, z1's only shelter fills with 50 people still waiting:
 * an issue, filed under the core capability of the evacuation objective whose
 * zone it takes in.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import { AreaMetrics } from '../../engine/review/area-metrics.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { runScenario } from '../../engine/sim/run.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { loadNamed } from '../helpers/scenarios.js';
import { ev, fixtureScenario, H } from './fixture.js';

function aarOf(scenario: Scenario) {
  const { log } = runScenario(scenario, { seed: scenario.seed ?? 1 });
  return buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
}

describe('a full shelter in the findings', () => {
  it('is no issue when another open shelter of the zone took the rest (typhoon-landfall-coast, seed 2025)', () => {
    const aar = aarOf(loadNamed('typhoon-landfall-coast'));
    // they did fill: the figures still say so
    expect(aar.review.shelters.filter((s) => s.full_t !== null).map((s) => [s.id, s.overflow_t])).toEqual([['cua-hoi-anchorage', null], ['cua-lo-schools', null]]);
    expect(aar.improvements.filter((f) => f.key === 'f.shelter.full')).toEqual([]);
    const md = renderReport(aar, 'md', 'en');
    expect(md).not.toContain('Cửa Hội storm anchorage was full');
    expect(md).not.toContain('Cửa Lò schools was full');
    expect(md).toContain('| Cửa Lò schools | Cửa Lò ward | 4,000 | 4,000 | 100 % | T+1d06:00 (12:00) | 3.0 days |');
  });

  it('is an issue when it filled with people of its zone left without a place, under the zone\'s objective\'s capability', () => {
    const aar = aarOf(fixtureScenario());
    const full = aar.improvements.filter((f) => f.key === 'f.shelter.full');
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ capability: 'Critical Transportation', element: 'equipment', org: 'r1', params: { shelter: { id: 's1' }, zone: { id: 'z1' }, left: { n: 50 }, left_at: { t: 10500 } } });
    expect(renderReport(aar, 'md', 'en')).toContain('| Critical Transportation | S1 was full (150 people) at T+02:45 (22:45), and from T+02:55 (22:55) 50 people of z1 had no place in any open shelter. |');
    expect(renderReport(aar, 'md', 'vi')).toContain('S1 đã đầy (150 người) lúc T+02:45 (22:45); từ T+02:55 (22:55), 50 người của z1 không còn chỗ ở điểm sơ tán nào đang mở.');
  });

  it('the figures: stalled while it was full names it; stalled while another shelter had room never happens, and a zone emptied into the next shelter leaves none', () => {
    const sc = fixtureScenario();
    sc.evacuation.zones[0].shelters = ['s1', 's2'];
    const m = new AreaMetrics(sc);
    for (const e of [
      ev(H, 'shelter.state', { id: 's1', state: 'open' }), ev(H, 'shelter.state', { id: 's2', state: 'open' }),
      ev(2 * H, 'shelter.occupancy', { id: 's1', occupancy: 150, capacity: 150 }), ev(2 * H, 'shelter.state', { id: 's1', state: 'full' }),
      ev(2 * H, 'zone.progress', { id: 'z1', remaining: 30, moving: 20, sheltered: 150 }),
      ev(3 * H, 'shelter.occupancy', { id: 's2', occupancy: 50, capacity: 400 }),
      ev(3 * H, 'zone.progress', { id: 'z1', remaining: 0, moving: 30, sheltered: 170 }),
      // s2 goes full later and z2 stalls: s2 is named, s1 (not a shelter of z2) is not
      ev(4 * H, 'shelter.occupancy', { id: 's2', occupancy: 400, capacity: 400 }), ev(4 * H, 'shelter.state', { id: 's2', state: 'full' }),
      ev(5 * H, 'zone.progress', { id: 'z2', remaining: 10, moving: 0, sheltered: 290, stalled: true }),
    ]) m.observe(e);
    const f = m.finish(10 * H).shelters;
    expect(f.find((s) => s.id === 's1')).toMatchObject({ full_t: 2 * H, overflow_t: null, overflow_zone: null });
    expect(f.find((s) => s.id === 's2')).toMatchObject({ full_t: 4 * H, overflow_t: 5 * H, overflow_zone: 'z2', overflow_people: 10 });
  });
});

describe('the shelters table\'s own supplies', () => {
  it('gives "–", not "0.0 days", for a shelter whose scenario lists no supplies, in both languages (typhoon-landfall-coast)', () => {
    const aar = aarOf(loadNamed('typhoon-landfall-coast'));
    const en = renderReport(aar, 'md', 'en');
    // the anchorages and the hotels list no supplies_person_days; the schools do
    expect(en).toContain('| Lạch Quèn anchorage | Quỳnh Anh commune | 1,000 | 800 | 80 % | – | – |');
    expect(en).toContain('| Cửa Lò schools | Cửa Lò ward | 4,000 | 4,000 | 100 % | T+1d06:00 (12:00) | 3.0 days |');
    expect(en).not.toContain('| 0.0 days |');
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toContain('| Khu neo đậu Lạch Quèn | Xã Quỳnh Anh | 1.000 | 800 | 80% | – | – |');
    expect(vi).not.toContain('| 0,0 ngày |');
    expect(renderReport(aar, 'html', 'en')).not.toContain('0.0 days');
  });
});
