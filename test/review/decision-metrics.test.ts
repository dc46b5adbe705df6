/** Per-decision figures on hand-built logs: each inject's latency to the decision it called for. */
import { describe, expect, it } from 'vitest';
import { DecisionMetrics } from '../../engine/review/decision-metrics.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { ev, fixtureScenario, H } from './fixture.js';

function figures(events: LogEvent[]) {
  const m = new DecisionMetrics(fixtureScenario());
  for (const e of events) m.observe(e);
  const f = m.finish();
  return { ...f, inject: (id: string) => f.injects.find((i) => i.id === id)! };
}

describe('DecisionMetrics', () => {
  it('gives an inject\'s latency to the decision that answered it, on time when within its limit', () => {
    const f = figures([
      ev(H, 'inject.delivered', { id: 'i1', seq: 1, to: 'r1' }),
      ev(H + 900, 'decision', { author: 'trainee', role: 'r1', do: 'evacuate', zone: 'z1' }),
      ev(H + 900, 'zone.state', { id: 'z1', state: 'ordered', by: 'r1' }),
      ev(H + 900, 'inject.done', { id: 'i1', by: 'r1', latency_s: 900 }),
    ]);
    expect(f.inject('i1')).toMatchObject({ delivered_t: H, done_t: H + 900, done_by: 'r1', latency_s: 900, within_s: 1800, on_time: true, decision: 1, expects: true });
    expect(f.decisions).toEqual([{ index: 1, t: H + 900, role: 'r1', author: 'trainee', do: 'evacuate', args: { zone: 'z1' }, refused: null, order_of: null, answers: [{ inject: 'i1', delivered_t: H, latency_s: 900 }] }]);
  });

  it('is late past the limit, and never when nothing came', () => {
    const late = figures([ev(H, 'inject.delivered', { id: 'i1', seq: 1, to: 'r1' }), ev(2 * H, 'decision', { author: 'trainee', role: 'r1', do: 'evacuate', zone: 'z1' }), ev(2 * H, 'inject.done', { id: 'i1', by: 'r1', latency_s: H })]);
    expect(late.inject('i1')).toMatchObject({ latency_s: H, on_time: false });
    const never = figures([ev(H, 'inject.delivered', { id: 'i1', seq: 1, to: 'r1' })]);
    expect(never.inject('i1')).toMatchObject({ done_t: null, latency_s: null, on_time: null, decision: null });
  });

  it('marks an inject the engine found already answered when it arrived, naming the earlier decision', () => {
    const f = figures([
      ev(5000, 'decision', { author: 'trainee', role: 'r2', do: 'request_support', area: 'c2' }),
      ev(5000, 'support.requested', { area: 'c2', by: 'r2' }),
      ev(2 * H, 'inject.delivered', { id: 'i2', seq: 2, to: 'r2' }),
      ev(2 * H, 'inject.done', { id: 'i2', by: 'r2', latency_s: 0 }),
    ]);
    expect(f.inject('i2')).toMatchObject({ already: true, already_by: 0, done_t: 2 * H, decision: null });
  });

  it('an earlier matching decision alone does not make an inject answered: the engine decides what is in effect', () => {
    const f = figures([ev(5000, 'decision', { author: 'trainee', role: 'r2', do: 'request_support', area: 'c2' }), ev(2 * H, 'inject.delivered', { id: 'i2', seq: 2, to: 'r2' })]);
    expect(f.inject('i2')).toMatchObject({ already: false, done_t: null });
  });

  it('does not credit a decision taken before the inject, or by another role, with answering it', () => {
    const f = figures([
      ev(H, 'decision', { author: 'doctrine', role: 'r1', do: 'evacuate', zone: 'z1' }),
      ev(H, 'inject.delivered', { id: 'i1', seq: 1, to: 'r1' }),
      ev(H, 'inject.done', { id: 'i1', by: 'r1', latency_s: 0 }),
    ]);
    expect(f.inject('i1')).toMatchObject({ done_t: H, decision: null, already: true, already_by: 0 });
    expect(f.decisions[0].answers).toEqual([]);
  });

  it('records a decision point that ran out as expired with its default, and refused orders with their reason', () => {
    const f = figures([
      ev(4 * H, 'inject.delivered', { id: 'i4', seq: 4, to: 'r2', deadline_s: 1800 }),
      ev(4 * H + 60, 'decision.refused', { author: 'trainee', role: 'r2', do: 'dispatch', unit: 'u1', incident: 'x', code: 'no-authority', reason: 'not yours' }),
      ev(4 * H + 1800, 'inject.expired', { id: 'i4', option: 'later' }),
    ]);
    expect(f.inject('i4')).toMatchObject({ expired: true, option: 'later', latency_s: 1800, on_time: false, within_s: 1800 });
    expect(f.decisions[0]).toMatchObject({ do: 'dispatch', args: { unit: 'u1', incident: 'x' }, refused: { code: 'no-authority', reason: 'not yours' } });
    expect(f.inject('i3')).toMatchObject({ expects: false, delivered_t: null });
  });

  describe('an inject exercise control added in play', () => {
    // the spec as the engine logs it in the add_inject decision: the parsed inject, times in seconds
    const spec = (more: Record<string, unknown>) => ({ id: 'x1', seq: 9, at: H, from: 'Control', to: 'r1', method: 'phone', type: 'directive', subject: 'Move z2', message: 'Evacuate z2 now', objectives: [], ...more });
    const added = (s: Record<string, unknown>) => [
      ev(600, 'decision', { author: 'controller', role: 'controller', do: 'add_inject', inject: s }),
      ev(600, 'inject.added', { id: s.id, seq: s.seq, to: s.to, at: s.at }),
    ];

    it('is judged by the expected action and the within of its add_inject spec: late past it', () => {
      const f = figures([
        ...added(spec({ expected: { do: 'evacuate', zone: 'z2', within: 600 } })),
        ev(H, 'inject.delivered', { id: 'x1', seq: 9, to: 'r1' }),
        ev(H + 1200, 'decision', { author: 'trainee', role: 'r1', do: 'evacuate', zone: 'z2' }),
        ev(H + 1200, 'inject.done', { id: 'x1', by: 'r1', latency_s: 1200 }),
      ]);
      expect(f.inject('x1')).toMatchObject({ expects: true, within_s: 600, added_t: 600, delivered_t: H, latency_s: 1200, on_time: false, decision: 3 });
      expect(f.added.map((a) => a.spec.id)).toEqual(['x1']);
      // the scenario's own injects are not marked as added
      expect(f.inject('i1').added_t).toBeNull();
    });

    it('takes its decision point\'s deadline as its limit, and an earlier matching order as already done', () => {
      const point = figures([
        ...added(spec({ decision: { options: [{ id: 'now', label: 'Now', commands: [] }, { id: 'later', label: 'Later', commands: [] }], deadline: 900, default: 'later' } })),
        ev(H, 'inject.delivered', { id: 'x1', seq: 9, to: 'r1', deadline_s: 900 }),
        ev(H + 900, 'inject.expired', { id: 'x1', option: 'later' }),
      ]);
      expect(point.inject('x1')).toMatchObject({ expects: true, within_s: 900, expired: true, option: 'later', on_time: false });
      const already = figures([
        ev(60, 'decision', { author: 'trainee', role: 'r1', do: 'evacuate', zone: 'z2' }),
        ...added(spec({ expected: { do: 'evacuate', zone: 'z2', within: 600 } })),
        ev(H, 'inject.delivered', { id: 'x1', seq: 9, to: 'r1' }),
        ev(H, 'inject.done', { id: 'x1', by: 'r1', latency_s: 0 }),
      ]);
      expect(already.inject('x1')).toMatchObject({ already: true, already_by: 0 });
    });

    it('is known by its id only, expecting nothing, when its logged spec is not an inject or was refused', () => {
      const bad = figures([...added(spec({ message: 5, expected: { do: 'evacuate', zone: 'z2', within: 600 } })), ev(H, 'inject.delivered', { id: 'x1', seq: 9, to: 'r1' })]);
      expect(bad.inject('x1')).toMatchObject({ expects: false, within_s: null, added_t: 600 });
      expect(bad.added).toEqual([]);
      const refused = figures([
        ev(600, 'decision.refused', { author: 'controller', role: 'controller', do: 'add_inject', inject: spec({ id: 'i1', expected: { do: 'evacuate', zone: 'z2', within: 60 } }), code: 'duplicate-id', reason: 'exists' }),
      ]);
      // the scenario's i1 keeps its own spec
      expect(refused.inject('i1')).toMatchObject({ within_s: 1800, added_t: null });
      expect(refused.added).toEqual([]);
    });
  });
});
