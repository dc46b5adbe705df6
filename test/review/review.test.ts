/** One pass over a hand-built log: per-incident figures, and every reducer fed the same events. */
import { describe, expect, it } from 'vitest';
import { reviewEvents } from '../../engine/review/review.js';
import { ev, fixtureScenario, H } from './fixture.js';

describe('reviewEvents', () => {
  const events = [
    ev(0, 'incident.reported', { id: 'a', kind: 'slide', area: 'c1', node: null, x: 0, y: 0, severity: 2, people: 6, work_s: 3600 }),
    ev(600, 'incident.phase', { id: 'a', phase: 'assessed' }),
    ev(900, 'incident.phase', { id: 'a', phase: 'responding' }),
    ev(H, 'incident.severity', { id: 'a', severity: 4 }),
    ev(2 * H, 'incident.severity', { id: 'a', severity: 3 }),
    ev(3 * H, 'incident.phase', { id: 'a', phase: 'contained' }),
    ev(3 * H, 'incident.people', { id: 'a', rescued: 4, lost: 2 }),
    ev(4 * H, 'incident.phase', { id: 'a', phase: 'resolved' }),
    ev(5 * H, 'incident.reported', { id: 'a.s1', kind: 'fire', area: 'c1', node: null, x: 0, y: 0, severity: 3, people: 2, work_s: 3600, parent: 'a' }),
  ];
  const rv = reviewEvents(fixtureScenario(), events, 10 * H);

  it('gives each incident its times from report to first unit, containment and resolution, and its people', () => {
    expect(rv.incidents).toEqual([
      { id: 'a', kind: 'slide', area: 'c1', parent: null, reported_t: 0, first_on_scene_s: 900, contained_s: 3 * H, resolved_s: 4 * H, people: 6, rescued: 4, lost: 2, severity_first: 2, severity_max: 4 },
      { id: 'a.s1', kind: 'fire', area: 'c1', parent: 'a', reported_t: 5 * H, first_on_scene_s: null, contained_s: null, resolved_s: null, people: 2, rescued: 0, lost: 0, severity_first: 3, severity_max: 3 },
    ]);
  });

  it('feeds every reducer the same stream: summary, units, areas, decisions and levels all present', () => {
    expect(rv.summary.people).toMatchObject({ at_risk: 8, rescued: 4, lost: 2, still_at_risk: 2 });
    expect(rv.units.map((u) => u.id)).toEqual(['u1', 'u2']);
    expect(rv.zones.map((z) => z.id)).toEqual(['z1', 'z2']);
    expect(rv.shelters.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(rv.areas.map((a) => a.id)).toEqual(['prov', 'c1', 'c2']);
    expect(rv.injects.map((i) => i.id)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(rv.levels.map((l) => l.area)).toEqual(['prov', 'c1', 'c2']);
    expect([...rv.evidence.keys()].sort()).toEqual(['o-evac', 'o-first', 'o-lost']);
    expect(rv.t_end).toBe(10 * H);
  });
});
