import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogWriter } from '../../engine/sim/log.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { number, text } from '../helpers/json-values.js';

// The run log's most frequent events are written by their shape (LogWriter.phase, unitState, ...), with no event
// object: each must give the line, and so the hash chain, that the event literal the engine built before gives
// through LogWriter.event (JSON.stringify's text).

/** One event: how the engine writes it now, and the literal it stands for. */
type Written = { typed: (w: LogWriter) => void; literal: LogEvent };

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const phase = fc.record({ t: number, id: text, phase: text }).map(({ t, id, phase }): Written => ({
  typed: (w) => w.phase(t, id, phase),
  literal: { t, type: 'incident.phase', id, phase },
}));

// the four literals units.ts wrote: with incident and travel_s, travel_s alone, incident alone, neither
const unitState = fc.record({ t: number, id: text, state: text, incident: maybe(text), travel_s: maybe(number) }).map(({ t, id, state, incident, travel_s }): Written => ({
  typed: (w) => w.unitState(t, id, state, incident, travel_s),
  literal:
    incident !== undefined && travel_s !== undefined ? { t, type: 'unit.state', id, state, incident, travel_s }
    : travel_s !== undefined ? { t, type: 'unit.state', id, state, travel_s }
    : incident !== undefined ? { t, type: 'unit.state', id, state, incident }
    : { t, type: 'unit.state', id, state },
}));

const route = fc.record({ t: number, id: text, fx: number, fy: number, tx: number, ty: number, travel_s: number, km: number }).map(({ t, id, fx, fy, tx, ty, travel_s, km }): Written => ({
  typed: (w) => w.straightRoute(t, id, fx, fy, tx, ty, travel_s, km),
  literal: { t, type: 'unit.route', id, from: [fx, fy], to: [tx, ty], travel_s, km },
}));

// the two literals incidents.ts writes: with a parent and without
const reported = fc
  .record({ t: number, id: text, kind: text, area: text, node: fc.option(text, { nil: null }), x: number, y: number, severity: number, people: number, work_s: number, parent: maybe(text) })
  .map(({ parent, ...f }): Written => {
    const e = parent !== undefined
      ? { t: f.t, type: 'incident.reported', id: f.id, kind: f.kind, area: f.area, node: f.node, x: f.x, y: f.y, severity: f.severity, people: f.people, work_s: f.work_s, parent }
      : { t: f.t, type: 'incident.reported', id: f.id, kind: f.kind, area: f.area, node: f.node, x: f.x, y: f.y, severity: f.severity, people: f.people, work_s: f.work_s };
    return { typed: (w) => w.reported(e), literal: e };
  });

const dispatch = fc.record({ t: number, role: text, unit: text, incident: text }).map(({ t, role, unit, incident }): Written => {
  const e = { t, type: 'decision', author: 'doctrine', role, do: 'dispatch', unit, incident };
  return { typed: (w) => w.doctrineDispatch(e), literal: e };
});

/** Any other event, written through LogWriter.event as before. */
const other = fc.record({ t: number, id: text, level: number }).map(({ t, id, level }): Written => {
  const e = { t, type: 'level', area: id, level, by: 'x' };
  return { typed: (w) => w.event(e), literal: e };
});

const written = fc.oneof(phase, unitState, route, reported, dispatch, other);

describe('the run log written by shape', () => {
  it('gives the lines and the hash chain that the events written as objects give', () => {
    fc.assert(
      fc.property(fc.array(written, { minLength: 1, maxLength: 40 }), fc.nat(40), (events, cutAt) => {
        const typed = new LogWriter();
        const plain = new LogWriter();
        events.forEach((e, i) => {
          if (i === cutAt) expect(typed.cut()).toBe(plain.cut());
          e.typed(typed);
          plain.event(e.literal);
        });
        expect(typed.count).toBe(events.length);
        expect(typed.lines).toEqual(events.map((e) => JSON.stringify(e.literal)));
        expect(typed.finish()).toBe(plain.finish());
      }),
      { numRuns: 1500 },
    );
  });

  it('seals its chunks at the same lines as events written as objects (a run of thousands of lines)', () => {
    const typed = new LogWriter();
    const plain = new LogWriter();
    for (let i = 0; i < 3000; i++) {
      if (i % 700 === 0) expect(typed.cut()).toBe(plain.cut());
      typed.unitState(i, `u-${i % 50}`, 'en_route', `c-${i}`, i % 7);
      plain.event({ t: i, type: 'unit.state', id: `u-${i % 50}`, state: 'en_route', incident: `c-${i}`, travel_s: i % 7 });
      typed.phase(i, `c-${i}`, 'assessed');
      plain.event({ t: i, type: 'incident.phase', id: `c-${i}`, phase: 'assessed' });
    }
    expect(typed.lines).toEqual(plain.lines);
    expect(typed.finish()).toBe(plain.finish());
  });
});
