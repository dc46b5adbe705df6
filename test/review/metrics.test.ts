/**
 * The metrics reducer on hand-built logs where the right answer is known:
 * the run summary, and every metric an objective's criterion can name, with
 * the rating and the evidence (the events that decided the value).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Metrics, type LogEvent } from '../../engine/review/metrics.js';
import { isInjectSpec } from '../../engine/review/inject-spec.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { Inject } from '../../engine/scenario/schema.js';
import { ev, FIXTURE_YAML, fixtureScenario, H, objective } from './fixture.js';
import { loadNamed } from '../helpers/scenarios.js';

function feed(extra: string, events: LogEvent[], tEnd = 10 * H) {
  const m = new Metrics(fixtureScenario(extra), true, isInjectSpec);
  for (const e of events) m.observe(e);
  const s = m.finish(tEnd);
  return { s, obj: (id: string) => s.objectives.find((o) => o.id === id)!, evidence: (id: string) => m.evidence.get(id)! };
}

const reported = (t: number, id: string, kind: string, area: string, people = 0, severity = 2) => ev(t, 'incident.reported', { id, kind, area, node: null, x: 0, y: 0, severity, people, work_s: 3600 });
const phase = (t: number, id: string, p: string) => ev(t, 'incident.phase', { id, phase: p });

describe('run summary: an answer\'s order that found the thing already so', () => {
  const kySon = loadNamed('ky-son-flash-flood');
  // night-evacuation's option evacuate-now orders `evacuate muong-xen-lowland`
  const order = { role: 'mx-chair', do: 'evacuate', zone: 'muong-xen-lowland' };
  const summary = (events: LogEvent[]) => {
    const m = new Metrics(kySon, true, isInjectSpec);
    for (const e of events) m.observe(e);
    return { decisions: m.finish(8 * H).decisions, refusedEvents: m.refusedCount };
  };
  const answer = (t: number) => [
    ev(t, 'decision', { author: 'trainee', role: 'mx-chair', do: 'answer', inject: 'night-evacuation', option: 'evacuate-now' }),
    ev(t, 'inject.answered', { id: 'night-evacuation', option: 'evacuate-now', by: 'mx-chair' }),
  ];
  const refused = (t: number, author = 'trainee') => ev(t, 'decision.refused', { author, ...order, code: 'no-change', reason: 'moving' });

  it('is counted as no change, not refused; the same order given by the person right after is refused', () => {
    expect(summary([...answer(6360), refused(6360), refused(6360)])).toEqual({ decisions: { taken: 1, refused: 1, no_change: 1 }, refusedEvents: 2 });
  });

  it('a plain decision that changes nothing stays refused (no answer before it, or an answer at another instant)', () => {
    expect(summary([refused(1800)]).decisions).toEqual({ taken: 0, refused: 1, no_change: 0 });
    expect(summary([...answer(6360), refused(6420)]).decisions).toEqual({ taken: 1, refused: 1, no_change: 0 });
  });

  it('an answer\'s order refused for another reason stays refused', () => {
    const other = ev(6360, 'decision.refused', { author: 'trainee', ...order, code: 'no-authority', reason: 'x' });
    expect(summary([...answer(6360), other]).decisions).toEqual({ taken: 1, refused: 1, no_change: 0 });
  });
});

describe('run summary', () => {
  it('counts incidents, people, response times, dispatch waits and decisions from the events', () => {
    const { s } = feed('', [
      reported(0, 'a', 'slide', 'c1', 4),
      ev(300, 'decision', { author: 'trainee', role: 'r1', do: 'dispatch', unit: 'u1', incident: 'a' }),
      phase(600, 'a', 'responding'),
      reported(1000, 'b', 'fire', 'c2', 5),
      ev(1000, 'decision.refused', { author: 'trainee', role: 'r1', do: 'dispatch', unit: 'u2', incident: 'b', code: 'no-authority', reason: 'x' }),
      ev(1900, 'decision', { author: 'doctrine', role: 'r2', do: 'dispatch', unit: 'u2', incident: 'b' }),
      phase(4600, 'b', 'responding'),
      phase(5000, 'a', 'contained'),
      ev(5000, 'incident.people', { id: 'a', rescued: 3, lost: 1 }),
      phase(5000, 'a', 'resolved'),
      ev(6000, 'zone.progress', { id: 'z1', remaining: 80, moving: 20, sheltered: 100 }),
      ev(6000, 'zone.progress', { id: 'z2', remaining: 290, moving: 0, sheltered: 10 }),
    ]);
    expect(s.incidents).toEqual({ reported: 2, contained: 1, resolved: 1 });
    expect(s.people).toEqual({ at_risk: 9, rescued: 3, lost: 1, still_at_risk: 5, evacuated: 110 });
    expect(s.response.n).toBe(2);
    expect(s.response.mean_first_on_scene_s).toBe(2100); // (600 + 3600) / 2
    expect(s.response.max_first_on_scene_s).toBe(3600);
    expect(s.response.mean_dispatch_s).toBe(600); // (300 + 900) / 2
    expect(s.decisions).toEqual({ taken: 2, refused: 1, no_change: 0 });
    expect(s.t_end).toBe(10 * H);
  });
});

describe('evacuated_share', () => {
  const order = [
    ev(H, 'decision', { author: 'trainee', role: 'r1', do: 'evacuate', zone: 'z1' }),
    ev(H, 'zone.state', { id: 'z1', state: 'ordered', by: 'r1' }),
    ev(2 * H, 'zone.progress', { id: 'z1', remaining: 100, moving: 0, sheltered: 100 }),
  ];

  it('is read at the deadline: an event at the deadline counts, one after it does not', () => {
    const at = feed('', [...order, ev(3 * H, 'zone.progress', { id: 'z1', remaining: 20, moving: 0, sheltered: 180 }), ev(4 * H, 'zone.progress', { id: 'z1', remaining: 0, moving: 0, sheltered: 200 })]);
    expect(at.obj('o-evac')).toMatchObject({ value: 0.9, met: true, rating: 'P', at: 3 * H });
    const after = feed('', [...order, ev(3 * H + 1, 'zone.progress', { id: 'z1', remaining: 20, moving: 0, sheltered: 180 })]);
    expect(after.obj('o-evac')).toMatchObject({ value: 0.5, met: false, rating: 'M', at: 3 * H });
  });

  it('cites the evacuation order and the last progress before the deadline', () => {
    const { evidence } = feed('', [...order, ev(3 * H, 'zone.progress', { id: 'z1', remaining: 20, moving: 0, sheltered: 180 })]);
    expect(evidence('o-evac').map((e) => [e.t, e.index, e.index !== null && e.event.type])).toEqual([[H, 0, 'decision'], [3 * H, 3, 'zone.progress']]);
  });

  it('notes a zone never ordered out, and is U at zero', () => {
    const { obj, evidence } = feed(objective('o-z2', 'evacuated_share', '>=', 0.9, [0.9, 0.7, 0.4], 'z2', '3h'), []);
    expect(obj('o-z2')).toMatchObject({ value: 0, rating: 'U' });
    expect(evidence('o-z2')).toEqual([{ t: 3 * H, index: null, absent: 'zone_not_ordered', of: 'z2' }]);
  });

  it('over all zones is the share of all their people', () => {
    const { obj } = feed(objective('o-all', 'evacuated_share', '>=', 0.5, [0.5, 0.3, 0.1]), [
      ev(H, 'zone.progress', { id: 'z1', remaining: 100, moving: 0, sheltered: 100 }),
      ev(H, 'zone.progress', { id: 'z2', remaining: 150, moving: 0, sheltered: 150 }),
    ]);
    expect(obj('o-all').value).toBe(0.5); // 250 of 500
  });
});

describe('first_on_scene_s, contained_s and mean_response_s', () => {
  const two = [reported(0, 'a', 'slide', 'c1'), phase(600, 'a', 'responding'), reported(1000, 'b', 'fire', 'c2'), phase(4600, 'b', 'responding'), phase(8000, 'a', 'contained')];

  it('first_on_scene_s is the worst incident in scope, citing its report and first unit', () => {
    const { obj, evidence } = feed('', two);
    expect(obj('o-first')).toMatchObject({ value: 3600, rating: 'S', met: false });
    expect(evidence('o-first').map((e) => e.index)).toEqual([2, 3]);
  });

  it('an incident no unit reached makes it never (U), noted as missing', () => {
    const { obj, evidence } = feed('', [...two, reported(9000, 'c', 'slide', 'c1')]);
    expect(obj('o-first')).toMatchObject({ value: null, rating: 'U' });
    expect(evidence('o-first')).toEqual([expect.objectContaining({ index: 5 }), { t: 10 * H, index: null, absent: 'no_unit_on_scene', of: 'c' }]);
  });

  it('contained_s of a kind counts only that kind', () => {
    const { obj } = feed(objective('o-c', 'contained_s', '<=', 9000, [9000, 10000, 20000], 'slide'), two);
    expect(obj('o-c')).toMatchObject({ value: 8000, rating: 'P' });
  });

  it('mean_response_s is the mean over incidents that got a unit', () => {
    const { obj } = feed(objective('o-m', 'mean_response_s', '<=', 1800, [1800, 3600, 7200]), [...two, reported(9000, 'c', 'slide', 'c1')]);
    expect(obj('o-m')).toMatchObject({ value: 2100, rating: 'S' });
  });
});

describe('people_lost and rescued_share', () => {
  const events = [
    reported(0, 'a', 'slide', 'c1', 4), reported(0, 'b', 'fire', 'c2', 5),
    ev(3000, 'incident.people', { id: 'a', rescued: 3, lost: 1 }), ev(4000, 'incident.people', { id: 'b', rescued: 3, lost: 2 }),
  ];

  it('people_lost counts all areas, or one; the evidence lists the losses largest first', () => {
    const { obj, evidence } = feed(objective('o-c1', 'people_lost', '<=', 0, [0, 1, 2], 'c1'), events);
    expect(obj('o-lost')).toMatchObject({ value: 3, rating: 'M' });
    expect(obj('o-c1')).toMatchObject({ value: 1, rating: 'S' });
    expect(evidence('o-lost').map((e) => e.index)).toEqual([2, 3]); // time order: a (t 3000), b (t 4000)
  });

  it('nobody lost is P with a note', () => {
    const { obj, evidence } = feed('', [reported(0, 'a', 'slide', 'c1', 2), ev(3000, 'incident.people', { id: 'a', rescued: 2, lost: 0 })]);
    expect(obj('o-lost')).toMatchObject({ value: 0, rating: 'P' });
    expect(evidence('o-lost')[0]).toMatchObject({ absent: 'nobody_lost' });
  });

  it('rescued_share is rescued over people at risk', () => {
    const { obj } = feed(objective('o-r', 'rescued_share', '>=', 0.9, [0.9, 0.6, 0.3]), events);
    expect(obj('o-r').value).toBeCloseTo(6 / 9, 12);
    expect(obj('o-r').rating).toBe('S');
  });
});

describe('level_declared_s and support_requested_s', () => {
  it('level_declared_s is the first level of 1 or more in the area, citing when capacity was first exceeded', () => {
    const { obj, evidence } = feed(objective('o-l', 'level_declared_s', '<=', 6000, [6000, 7000, 8000], 'c1'), [
      ev(2000, 'area.short', { id: 'c1', short: true }),
      ev(4000, 'level', { area: 'c1', level: 0, by: 'r1' }),
      ev(5000, 'level', { area: 'c1', level: 1, by: 'r1' }),
      ev(9000, 'level', { area: 'c1', level: 1, by: 'r1' }),
    ]);
    expect(obj('o-l')).toMatchObject({ value: 5000, rating: 'P' });
    expect(evidence('o-l').map((e) => e.index)).toEqual([0, 2]);
  });

  it('support_requested_s is the first request; none when the forces were exceeded is never (U)', () => {
    const one = feed(objective('o-s', 'support_requested_s', '<=', 7200, [7200, 9000, 10800], 'c2'), [ev(7200, 'support.requested', { area: 'c2', by: 'r2' }), ev(8000, 'support.requested', { area: 'c2', by: 'r2' })]);
    expect(one.obj('o-s')).toMatchObject({ value: 7200, rating: 'P' });
    const none = feed(objective('o-s', 'support_requested_s', '<=', 7200, [7200, 9000, 10800], 'c2'), [ev(H, 'area.short', { id: 'c2', short: true })]);
    expect(none.obj('o-s')).toMatchObject({ value: null, rating: 'U', met: false });
    expect(none.obj('o-s').not_tested).toBeUndefined();
    expect(none.evidence('o-s')).toEqual([{ t: H, index: 0, event: ev(H, 'area.short', { id: 'c2', short: true }) }, { t: 10 * H, index: null, absent: 'no_support', of: 'c2' }]);
  });
});

describe('decision_latency_s', () => {
  const o = objective('o-d', 'decision_latency_s', '<=', 1800, [1800, 3600, 7200], 'i1');
  it('is the time from the inject to the action it called for, citing both', () => {
    const { obj, evidence } = feed(o, [ev(H, 'inject.delivered', { id: 'i1', seq: 1, to: 'r1' }), ev(H + 900, 'inject.done', { id: 'i1', by: 'r1', latency_s: 900 })]);
    expect(obj('o-d')).toMatchObject({ value: 900, rating: 'P' });
    expect(evidence('o-d').map((e) => e.index)).toEqual([0, 1]);
  });
  it('is never when the action was not taken, and says so', () => {
    const { obj, evidence } = feed(o, [ev(H, 'inject.delivered', { id: 'i1', seq: 1, to: 'r1' })]);
    expect(obj('o-d')).toMatchObject({ value: null, rating: 'U' });
    expect(evidence('o-d')[1]).toMatchObject({ absent: 'expected_action_not_taken', of: 'i1' });
  });
});

describe('shelter_peak_share, resolved_share and stock_days_min', () => {
  it('shelter_peak_share is the peak occupancy over capacity, citing the peak', () => {
    const { obj, evidence } = feed(objective('o-sh', 'shelter_peak_share', '<=', 0.9, [0.9, 1, 1.2], 's1'), [
      ev(H, 'shelter.occupancy', { id: 's1', occupancy: 100, capacity: 150 }),
      ev(2 * H, 'shelter.occupancy', { id: 's1', occupancy: 150, capacity: 150 }),
      ev(3 * H, 'shelter.occupancy', { id: 's1', occupancy: 120, capacity: 150 }),
    ]);
    expect(obj('o-sh')).toMatchObject({ value: 1, rating: 'S' });
    expect(evidence('o-sh').map((e) => e.index)).toEqual([1]);
  });

  it('resolved_share is the share resolved by the deadline, citing those still open', () => {
    const { obj, evidence } = feed(objective('o-res', 'resolved_share', '>=', 1, [1, 0.5, 0.25], undefined, '2h'), [
      reported(0, 'a', 'slide', 'c1'), reported(0, 'b', 'slide', 'c1'), phase(H, 'a', 'resolved'), phase(3 * H, 'b', 'resolved'),
    ]);
    expect(obj('o-res')).toMatchObject({ value: 0.5, rating: 'S' });
    expect(evidence('o-res').map((e) => e.index)).toEqual([1]);
  });

  it('stock_days_min is the fewest days in any area by its latest reading', () => {
    const { obj, evidence } = feed(objective('o-st', 'stock_days_min', '>=', 2, [2, 1, 0.5]), [
      ev(H, 'area.stock', { id: 'c1', days: 3 }), ev(H, 'area.stock', { id: 'c2', days: 2 }), ev(5 * H, 'area.stock', { id: 'c1', days: 1.5 }),
    ]);
    expect(obj('o-st')).toMatchObject({ value: 1.5, rating: 'S' });
    expect(evidence('o-st').map((e) => e.index)).toEqual([2]);
  });
});

/**
 * An objective whose measure never came about in the run (no incident of its
 * kind to reach or contain, nobody at risk, the inject never delivered...)
 * is not tested: neither met nor rated, with the reason. One whose measure
 * came about and failed keeps its rating.
 */
describe('objectives not tested in the run', () => {
  const notTested = (why: string) => ({ value: null, met: false, rating: null, not_tested: why });

  it('contained_s and first_on_scene_s of a kind that never occurred: not tested (was P with 0 s)', () => {
    const events = [reported(0, 'a', 'slide', 'c1', 2), phase(600, 'a', 'responding'), phase(1200, 'a', 'contained')];
    const { obj, evidence } = feed(
      objective('o-c', 'contained_s', '<=', 3600, [1800, 3600, 7200], 'fire') + objective('o-f', 'first_on_scene_s', '<=', 1800, [900, 1800, 3600], 'fire'),
      events,
    );
    expect(obj('o-c')).toEqual({ id: 'o-c', metric: 'contained_s', of: 'fire', at: 10 * H, ...notTested('no_incident') });
    expect(obj('o-f')).toMatchObject(notTested('no_incident'));
    expect(evidence('o-c')).toEqual([{ t: 10 * H, index: null, absent: 'no_incident', of: 'fire' }]);
  });

  it('an incident of the kind that occurred and was never reached or contained is still a failure (U, never)', () => {
    const { obj } = feed(
      objective('o-c', 'contained_s', '<=', 3600, [1800, 3600, 7200], 'fire') + objective('o-f', 'first_on_scene_s', '<=', 1800, [900, 1800, 3600], 'fire'),
      [reported(H, 'b', 'fire', 'c2', 3)],
    );
    for (const id of ['o-c', 'o-f']) {
      expect(obj(id)).toMatchObject({ value: null, met: false, rating: 'U' });
      expect(obj(id).not_tested).toBeUndefined();
    }
  });

  it('an incident of the kind that occurred is rated as before', () => {
    const { obj } = feed(objective('o-c', 'contained_s', '<=', 3600, [1800, 3600, 7200], 'fire'), [reported(H, 'b', 'fire', 'c2', 3), phase(H + 600, 'b', 'responding'), phase(H + 2400, 'b', 'contained')]);
    expect(obj('o-c')).toEqual({ id: 'o-c', metric: 'contained_s', of: 'fire', value: 2400, met: true, rating: 'S', at: 10 * H });
  });

  it('read at a deadline: an incident reported after it does not make the objective tested', () => {
    const { obj } = feed(objective('o-f', 'first_on_scene_s', '<=', 1800, [900, 1800, 3600], 'fire', '2h'), [reported(3 * H, 'b', 'fire', 'c2', 3), phase(3 * H + 60, 'b', 'responding')]);
    expect(obj('o-f')).toMatchObject({ at: 2 * H, ...notTested('no_incident') });
  });

  it('of all incidents: not tested when none occurred (first_on_scene_s and contained_s were P with 0 s, resolved_share P with 100 %)', () => {
    const { obj } = feed(
      objective('o-c', 'contained_s', '<=', 1800, [900, 1800, 3600]) + objective('o-all', 'mean_response_s', '<=', 1800, [900, 1800, 3600]) + objective('o-res', 'resolved_share', '>=', 0.9, [0.9, 0.7, 0.5]),
      [],
    );
    for (const id of ['o-first', 'o-c', 'o-all', 'o-res']) expect(obj(id)).toMatchObject(notTested('no_incident'));
  });

  it('mean_response_s and resolved_share of incidents that occurred and were never reached or resolved are failures', () => {
    const { obj } = feed(objective('o-m', 'mean_response_s', '<=', 1800, [900, 1800, 3600], 'fire') + objective('o-res', 'resolved_share', '>=', 0.9, [0.9, 0.7, 0.5], 'fire'), [reported(H, 'b', 'fire', 'c2', 3)]);
    expect(obj('o-m')).toMatchObject({ value: null, rating: 'U', met: false });
    expect(obj('o-res')).toMatchObject({ value: 0, rating: 'U', met: false });
  });

  it('rescued_share with nobody at risk: not tested (was P with 100 %)', () => {
    const { obj } = feed(objective('o-r', 'rescued_share', '>=', 0.9, [0.9, 0.6, 0.3], 'c1'), [reported(0, 'a', 'slide', 'c1', 0), phase(600, 'a', 'responding')]);
    expect(obj('o-r')).toMatchObject(notTested('nobody_at_risk'));
  });

  it('decision_latency_s of an inject never delivered: not tested; delivered and never acted on: U', () => {
    const o = objective('o-d', 'decision_latency_s', '<=', 1800, [1800, 3600, 7200], 'i1');
    expect(feed(o, []).obj('o-d')).toMatchObject(notTested('inject_not_delivered'));
    expect(feed(o, [ev(H, 'inject.delivered', { id: 'i1', seq: 1, to: 'r1' })]).obj('o-d')).toMatchObject({ value: null, rating: 'U', met: false });
  });

  it('shelter_peak_share of a shelter nobody came to, stock_days_min of an area never cut off: not tested (stock was P "never")', () => {
    const { obj } = feed(objective('o-sh', 'shelter_peak_share', '<=', 1, [0.9, 1, 1.2], 's1') + objective('o-st', 'stock_days_min', '>=', 2, [3, 2, 1], 'c1'), []);
    expect(obj('o-sh')).toMatchObject(notTested('shelter_unused'));
    expect(obj('o-st')).toMatchObject(notTested('never_cut_off'));
    const used = feed(objective('o-sh', 'shelter_peak_share', '<=', 1, [0.9, 1, 1.2], 's1') + objective('o-st', 'stock_days_min', '>=', 2, [3, 2, 1], 'c1'), [
      ev(H, 'shelter.occupancy', { id: 's1', occupancy: 60, capacity: 150 }), ev(2 * H, 'area.stock', { id: 'c1', days: 1.5 }),
    ]);
    expect(used.obj('o-sh')).toMatchObject({ value: 0.4, rating: 'P' });
    expect(used.obj('o-st')).toMatchObject({ value: 1.5, rating: 'M', met: false });
  });

  it('support and level: not tested when the forces were never exceeded and no inject asked; tested when an inject asked', () => {
    const o = objective('o-s', 'support_requested_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], 'c2') + objective('o-l', 'level_declared_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], 'c1');
    const quiet = feed(o, []);
    expect(quiet.obj('o-s')).toMatchObject(notTested('not_called_for'));
    expect(quiet.obj('o-l')).toMatchObject(notTested('not_called_for'));
    // i2 expects request_support for c2
    const asked = feed(o, [ev(2 * H, 'inject.delivered', { id: 'i2', seq: 2, to: 'r2' })]);
    expect(asked.obj('o-s')).toMatchObject({ value: null, rating: 'U', met: false });
    expect(asked.obj('o-l')).toMatchObject(notTested('not_called_for'));
  });

  /** an inject asking c1 (or c2) for a level or support, as exercise control adds it (the spec as the engine logs it: times in seconds) */
  const asking = (what: 'declare_level' | 'request_support', area: string, id = 'x1') => Inject.parse({
    id, seq: 9, from: 'Board', to: area === 'c1' ? 'r1' : 'r2', method: 'phone', subject: 'Ask', message: 'Act now',
    expected: what === 'declare_level' ? { do: what, area, level: 1, within: '30m' } : { do: what, area, within: '30m' },
  });
  const addedAt = (t: number, spec: Inject, deliver = true): LogEvent[] => [
    ev(t, 'decision', { author: 'controller', role: 'controller', do: 'add_inject', inject: spec }),
    ev(t, 'inject.added', { id: spec.id, seq: spec.seq, to: spec.to, at: t }),
    ...(deliver ? [ev(t, 'inject.delivered', { id: spec.id, seq: spec.seq, to: spec.to })] : []),
  ];

  it('an inject exercise control added that asks for a level (or support) makes the objective tested, as a scenario inject does: never done is U, not "not called for"', () => {
    const o = objective('o-s', 'support_requested_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], 'c1') + objective('o-l', 'level_declared_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], 'c1');
    const level = feed(o, addedAt(H, asking('declare_level', 'c1')));
    expect(level.obj('o-l')).toMatchObject({ value: null, rating: 'U', met: false });
    expect(level.obj('o-l').not_tested).toBeUndefined();
    expect(level.obj('o-s')).toMatchObject(notTested('not_called_for'));
    const support = feed(o, addedAt(H, asking('request_support', 'c1')));
    expect(support.obj('o-s')).toMatchObject({ value: null, rating: 'U', met: false });
    expect(support.obj('o-l')).toMatchObject(notTested('not_called_for'));
    // asking another area, or asked after the objective was read, does not call for it
    expect(feed(o, addedAt(H, asking('declare_level', 'c2'))).obj('o-l')).toMatchObject(notTested('not_called_for'));
    const late = objective('o-l2', 'level_declared_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], 'c1', '2h');
    expect(feed(late, addedAt(3 * H, asking('declare_level', 'c1'))).obj('o-l2')).toMatchObject(notTested('not_called_for'));
  });

  it('an added inject asks only once delivered, only when the add was accepted, and never in place of a scenario inject of the same id', () => {
    const o = objective('o-l', 'level_declared_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], 'c1');
    expect(feed(o, addedAt(H, asking('declare_level', 'c1'), false)).obj('o-l')).toMatchObject(notTested('not_called_for'));
    const refused = ev(H, 'decision.refused', { author: 'controller', role: 'controller', do: 'add_inject', inject: asking('declare_level', 'c1'), code: 'duplicate-id', reason: 'x' });
    expect(feed(o, [refused, ev(H, 'inject.delivered', { id: 'x1', seq: 9, to: 'r1' })]).obj('o-l')).toMatchObject(notTested('not_called_for'));
    // i3 is the scenario's information inject: an edited log re-adding it with an ask does not make it ask
    expect(feed(o, addedAt(H, asking('declare_level', 'c1', 'i3'))).obj('o-l')).toMatchObject(notTested('not_called_for'));
  });

  it('property: an inject asks the same whether the scenario has it or exercise control added it (same objectives, same summary)', () => {
    fc.assert(fc.property(
      fc.constantFrom<'declare_level' | 'request_support'>('declare_level', 'request_support'),
      fc.constantFrom('c1', 'c2'),
      fc.integer({ min: 0, max: 9 * 6 }).map((x) => x * 600),
      fc.option(fc.integer({ min: 0, max: 9 * 6 }).map((x) => x * 600)),
      fc.integer({ min: 1, max: 10 }),
      (what, area, deliveredT, doneT, byH) => {
        const spec = asking(what, area);
        const objs = objective('o-s', 'support_requested_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], area, `${byH}h`) + objective('o-l', 'level_declared_s', '<=', 3 * H, [2 * H, 3 * H, 4 * H], area, `${byH}h`);
        // the same inject written in the scenario, delivered at the same time
        const line = `  - { id: x1, seq: 9, at: ${deliveredT}s, from: Board, to: ${spec.to}, method: phone, subject: Ask, message: Act now, expected: ${what === 'declare_level' ? `{ do: declare_level, area: ${area}, level: 1 }` : `{ do: request_support, area: ${area} }`} }\n`;
        const parsed = parseScenario(FIXTURE_YAML.replace('\nobjectives:\n', `\n${line}objectives:\n`) + objs, 'fixture.yaml');
        if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
        const act = doneT === null ? [] : [ev(doneT, what === 'declare_level' ? 'level' : 'support.requested', { area, by: spec.to, ...(what === 'declare_level' ? { level: 1 } : {}) })];
        const byT = (a: LogEvent, b: LogEvent) => a.t - b.t;
        const inScenario = new Metrics(parsed.scenario, true, isInjectSpec);
        for (const e of [ev(deliveredT, 'inject.delivered', { id: 'x1', seq: 9, to: spec.to }), ...act].sort(byT)) inScenario.observe(e);
        const added = new Metrics(fixtureScenario(objs), true, isInjectSpec);
        for (const e of [...addedAt(deliveredT, spec), ...act].sort(byT)) added.observe(e);
        const a = added.finish(10 * H), b = inScenario.finish(10 * H);
        expect({ ...a, decisions: null }).toEqual({ ...b, decisions: null });
      },
    ), { numRuns: 60 });
  });

  it('evacuated_share of a zone never ordered stays a failure (0 %, U), and people_lost with no incident is a count of 0', () => {
    const { obj } = feed('', []);
    expect(obj('o-evac')).toMatchObject({ value: 0, rating: 'U', met: false });
    expect(obj('o-evac').not_tested).toBeUndefined();
    expect(obj('o-lost')).toMatchObject({ value: 0, rating: 'P', met: true });
    expect(obj('o-first')).toMatchObject(notTested('no_incident'));
  });

  it('property: an incident objective is not tested exactly when no incident of its kind was reported by its deadline; if tested, its rating is the rating of its value', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ kind: fc.constantFrom('slide', 'fire'), t: fc.integer({ min: 0, max: 9 * H }), reach: fc.option(fc.integer({ min: 1, max: 3 * H })) }), { maxLength: 6 }),
      fc.constantFrom('first_on_scene_s', 'contained_s', 'mean_response_s', 'resolved_share'),
      fc.integer({ min: 1, max: 10 }),
      (incs, metric, byH) => {
        const events: LogEvent[] = [];
        incs.forEach((x, i) => {
          events.push(reported(x.t, `n${i}`, x.kind, 'c1', 1));
          if (x.reach !== null) events.push(phase(x.t + x.reach, `n${i}`, 'responding'), phase(x.t + x.reach, `n${i}`, 'contained'), phase(x.t + x.reach, `n${i}`, 'resolved'));
        });
        events.sort((a, b) => a.t - b.t);
        const share = metric === 'resolved_share';
        const { obj } = feed(objective('o', metric, share ? '>=' : '<=', share ? 0.9 : 1800, share ? [0.9, 0.7, 0.5] : [900, 1800, 3600], 'fire', `${byH}h`), events);
        const r = obj('o');
        const happened = incs.some((x) => x.kind === 'fire' && x.t <= byH * H);
        expect(r.not_tested === 'no_incident').toBe(!happened);
        if (!happened) expect(r).toMatchObject({ value: null, met: false, rating: null });
        else {
          expect(r.rating).not.toBeNull();
          const v = r.value ?? (share ? NaN : Infinity);
          expect(r.met).toBe(share ? v >= 0.9 : v <= 1800);
        }
      },
    ), { numRuns: 200 });
  });
});
