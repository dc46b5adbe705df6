import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { compileMachine } from '../../engine/machines/stepper.js';
import { assertAgreesWithXstate, eventArbOf, eventTypesOf } from './agree.js';
import { bounce, flat, loop, machines, outsideSubset } from './fixtures.js';

// The test machines (fixtures.ts) together cover every feature of the supported subset.

describe('compiled stepper agrees with xstate transition()', () => {
  for (const [name, machine, input] of machines) {
    it(name, () => {
      assertAgreesWithXstate(machine, eventArbOf(machine), { input, numRuns: 400, maxEvents: 50 });
    });
  }

  it('draws after-events from the alphabet', () => {
    expect(eventTypesOf(flat)).toContain('xstate.after.patience.flat.idle');
    expect(eventTypesOf(flat)).toContain('xstate.after.5.flat.waiting');
  });
});

describe('compiled stepper', () => {
  it('returns delayed transitions as raise actions and cancels them on exit', () => {
    const c = compileMachine(flat);
    const start = c.initial({ start: 2 });
    expect(start.actions).toEqual([
      { type: 'ping', params: undefined },
      { type: 'notify', params: { msg: 'idle 2' } },
      // after keys follow JS key order: integer-like keys first
      { type: 'xstate.raise', params: { event: { type: 'xstate.after.1000.flat.idle' }, id: 'xstate.after.1000.flat.idle', delay: 1000 } },
      { type: 'xstate.raise', params: { event: { type: 'xstate.after.patience.flat.idle' }, id: 'xstate.after.patience.flat.idle', delay: 20 } },
    ]);
    const next = c.step(start.snapshot, { type: 'xstate.after.patience.flat.idle' });
    expect(next.snapshot).toEqual({ value: 'waiting', context: { count: 3, trail: ['xstate.after.patience.flat.idle'], last: 0 } });
    expect(next.actions.map((a) => a.type)).toEqual([
      'notify',
      'xstate.cancel',
      'xstate.cancel',
      'notify',
      'xstate.raise',
      'xstate.raise',
    ]);
  });

  it('leaves the snapshot untouched for an unhandled event and after completion', () => {
    const c = compileMachine(flat);
    const { snapshot } = c.initial();
    const same = c.step(snapshot, { type: 'NOPE' });
    expect(same).toEqual({ snapshot, actions: [], changed: false });
    expect(same.snapshot).toBe(snapshot);
    const done = c.step(snapshot, { type: 'FINISH' }).snapshot;
    expect(done.value).toBe('done');
    for (const type of ['GO', 'INC', 'FINISH']) expect(c.step(done, { type }).changed).toBe(false);
  });

  it('throws on an eventless loop instead of hanging', () => {
    const c = compileMachine(loop);
    expect(() => c.step(c.initial().snapshot, { type: 'GO' })).toThrow(/always.*'loop\.b'/);
  });
});

describe('compileMachine rejects machines outside the subset', () => {
  for (const { what, machine, message } of outsideSubset) {
    it(what, () => {
      expect(() => compileMachine(machine)).toThrow(message);
    });
  }
});

describe('advance', () => {
  it('never writes into a context shared with other snapshots or the machine config', () => {
    const counter = setup({ actions: { bump: assign(({ context }) => ({ n: (context as { n: number }).n + 1 })) } }).createMachine({
      id: 'counter',
      context: { n: 0 },
      initial: 'on',
      states: { on: { on: { BUMP: { actions: 'bump' } } } },
    });
    const c = compileMachine(counter);
    const a = c.initial().snapshot;
    const b = c.initial().snapshot;
    c.advance(a, { type: 'BUMP' });
    c.advance(a, { type: 'BUMP' });
    expect(a.context).toEqual({ n: 2 });
    expect(b.context).toEqual({ n: 0 });
    expect(c.initial().snapshot.context).toEqual({ n: 0 });
  });
});

describe('delayed raises reused by advance', () => {
  // bounce: GO enters b three times in one step (b -> c -> b through `always`)
  it('a raise fired again in the same step is a separate action, as in xstate', () => {
    const c = compileMachine(bounce);
    const s = c.initial().snapshot;
    const actions = c.advance(s, { type: 'GO' })!;
    const raises = actions.filter((a) => a.type === 'xstate.raise');
    expect(raises).toHaveLength(3);
    expect(new Set(raises).size).toBe(3);
    assertAgreesWithXstate(bounce, eventArbOf(bounce), { numRuns: 50, maxEvents: 10 });
  });

  it('step results keep their raises whatever advance does afterwards', () => {
    const c = compileMachine(bounce);
    const first = c.step(c.initial().snapshot, { type: 'GO' });
    const kept = structuredClone(first.actions);
    const s = c.initial().snapshot;
    c.advance(s, { type: 'GO' });
    c.advance(s, { type: 'xstate.after.wait.bounce.b' });
    c.advance(s, { type: 'GO' });
    expect(first.actions).toEqual(kept);
    expect(first.actions.filter((a) => a.type === 'xstate.raise').map((a) => a.params.delay)).toEqual([10, 15, 20]);
  });
});
