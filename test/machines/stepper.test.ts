import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  and,
  assign,
  cancel,
  fromPromise,
  log,
  not,
  or,
  raise,
  sendTo,
  setup,
  stateIn,
  type AnyStateMachine,
} from 'xstate';
import { compileMachine } from '../../engine/machines/stepper.js';
import { assertAgreesWithXstate, eventArbOf, eventTypesOf } from './agree.js';

type Ev = { type: string; n?: number };

// ---------------------------------------------------------------------------
// Test machines: together they cover every feature of the supported subset.

/** Compound root: guards with params, named and numeric delays, assign ordering, reenter, always, final. */
const flat = setup({
  types: {} as {
    context: { count: number; trail: string[]; last: number };
    events: Ev;
    input: { start: number } | undefined;
  },
  actions: {
    notify: (_, _params: { msg: string }) => {},
    ping: () => {},
    bump: assign({ count: ({ context }, params: { by: number }) => context.count + params.by }),
    record: assign(({ context, event }) => ({ trail: [...context.trail, event.type] })),
  },
  guards: {
    atLeast: ({ context }, params: { min: number }) => context.count >= params.min,
    isEven: ({ event }) => (event.n ?? 0) % 2 === 0,
  },
  delays: {
    patience: ({ context }) => 10 + context.count * 5,
    fixed: 30,
  },
}).createMachine({
  id: 'flat',
  context: ({ input }) => ({ count: input?.start ?? 0, trail: [], last: 0 }),
  initial: 'idle',
  entry: 'ping',
  exit: { type: 'notify', params: { msg: 'root exit' } },
  states: {
    idle: {
      entry: { type: 'notify', params: ({ context }) => ({ msg: `idle ${context.count}` }) },
      exit: ['record', { type: 'notify', params: ({ context }) => ({ msg: `left idle after ${context.trail.length}` }) }],
      after: { patience: 'waiting', 1000: 'done' },
      on: {
        GO: [
          {
            guard: { type: 'atLeast', params: { min: 3 } },
            target: 'busy',
            actions: [
              { type: 'bump', params: { by: 10 } },
              { type: 'notify', params: ({ context }) => ({ msg: `go ${context.count}` }) },
            ],
          },
          { guard: 'isEven', target: 'waiting', actions: 'record' },
          { actions: { type: 'bump', params: ({ event }) => ({ by: event.n ?? 1 }) } },
        ],
        INC: { actions: assign({ count: ({ context, event }) => context.count + (event.n ?? 1) }) },
        AGAIN: { target: 'idle', reenter: true, actions: 'record' },
        SAME: { target: 'idle', actions: 'ping' },
        FINISH: 'done',
      },
    },
    waiting: {
      entry: [
        { type: 'bump', params: { by: 1 } },
        { type: 'notify', params: ({ context }) => ({ msg: `waiting ${context.count}` }) },
      ],
      after: {
        fixed: { target: 'idle', actions: 'record' },
        5: [{ guard: ({ context }) => context.count > 4, target: 'busy' }, { target: 'waiting', reenter: true }],
      },
      on: {
        GO: 'busy',
        INC: { actions: { type: 'bump', params: ({ event }) => ({ by: event.n ?? 1 }) } },
        FINISH: 'done',
      },
    },
    busy: {
      always: { guard: ({ context }) => context.count > 50, target: 'done', actions: 'record' },
      entry: 'record',
      exit: assign({ last: ({ context }) => context.count }),
      after: { 7: 'idle' },
      on: {
        GO: { target: 'idle', guard: { type: 'atLeast', params: ({ context }) => ({ min: context.last + 5 }) } },
        INC: { actions: { type: 'bump', params: { by: 20 } } },
      },
    },
    done: {
      type: 'final',
      entry: { type: 'notify', params: { msg: 'done' } },
      exit: 'ping',
    },
  },
});

/** Parallel root: each region takes its transition in one microstep; guards see the pre-step context. */
const parallel = setup({
  types: {} as { context: { count: number; trail: string[] }; events: Ev },
  actions: {
    ping: (_, _params?: { from: string }) => {},
    bump: assign({ count: ({ context }, params: { by: number }) => context.count + params.by }),
    record: assign(({ context }, params: { tag: string }) => ({ trail: [...context.trail, `${params.tag}@${context.count}`] })),
  },
  guards: {
    isEven: ({ event }) => (event.n ?? 0) % 2 === 0,
    countAbove: ({ context }, params: { n: number }) => context.count > params.n,
  },
  delays: { slow: ({ context }) => 100 - context.count },
}).createMachine({
  id: 'par',
  type: 'parallel',
  context: { count: 0, trail: [] },
  entry: { type: 'ping', params: { from: 'root' } },
  states: {
    alarm: {
      initial: 'quiet',
      entry: { type: 'ping', params: { from: 'alarm' } },
      states: {
        quiet: {
          on: {
            ALERT: { target: 'ringing', actions: { type: 'bump', params: { by: 1 } } },
            TICK: { actions: { type: 'record', params: { tag: 'alarm-tick' } } },
          },
        },
        ringing: {
          entry: { type: 'record', params: ({ context }) => ({ tag: `ring${context.count}` }) },
          exit: [{ type: 'record', params: { tag: 'unring' } }, { type: 'ping', params: { from: 'ringing-exit' } }],
          after: { 3: 'quiet', slow: { target: 'ringing', reenter: true } },
          on: {
            ALERT: { target: 'ringing', reenter: true, actions: { type: 'bump', params: { by: 2 } } },
            ACK: 'quiet',
          },
        },
      },
    },
    crew: {
      initial: 'standby',
      entry: { type: 'ping', params: { from: 'crew' } },
      states: {
        standby: {
          on: {
            ALERT: [
              { guard: { type: 'countAbove', params: { n: 0 } }, target: 'moving', actions: { type: 'record', params: { tag: 'dispatch' } } },
              { guard: 'isEven', target: 'standby', reenter: true },
            ],
            TICK: { actions: { type: 'bump', params: { by: 3 } } },
          },
        },
        moving: {
          entry: { type: 'ping', params: { from: 'moving' } },
          exit: { type: 'bump', params: { by: 100 } },
          after: { 10: 'onScene' },
          on: { ACK: { target: 'onScene', actions: { type: 'record', params: { tag: 'ack' } } } },
        },
        onScene: {
          always: [
            { guard: { type: 'countAbove', params: { n: 150 } }, target: 'standby', actions: { type: 'record', params: { tag: 'back' } } },
          ],
          on: { TICK: { target: 'standby', actions: assign({ count: 0 }) } },
        },
      },
    },
    log: {
      initial: 'idle',
      states: {
        idle: { on: { ALERT: 'writing' } },
        // action-less always in a second region is allowed: order cannot matter
        writing: { always: { target: 'idle' }, entry: 'ping', exit: { type: 'ping', params: { from: 'log' } } },
      },
    },
  },
});

/** Eventless transitions: chains, targetless loops, self-reentry, event-dependent guards. */
const eventless = setup({
  types: {} as { context: { n: number; hits: number }; events: Ev },
  actions: { ping: () => {}, pong: () => {} },
}).createMachine({
  id: 'eventless',
  context: { n: 0, hits: 0 },
  initial: 'a',
  states: {
    a: {
      always: { guard: ({ context }) => context.n >= 3, target: 'b' },
      on: { ADD: { actions: assign({ n: ({ context }) => context.n + 1 }) } },
    },
    // targetless, custom action only: xstate stops re-selecting after an unchanged snapshot, so it fires once per step
    b: { always: { actions: 'ping' }, on: { ADD: 'c' } },
    // targetless with assign: loops until the guard turns false
    c: {
      always: { guard: ({ context }) => context.hits < 3, actions: assign(({ context }) => ({ hits: context.hits + 1 })) },
      on: { ADD: 'd', RESET: { target: 'a', actions: assign({ n: 0, hits: 0 }) } },
    },
    d: {
      entry: 'ping',
      exit: 'pong',
      always: { guard: ({ context }) => context.hits < 6, target: 'd', reenter: true, actions: assign({ hits: ({ context }) => context.hits + 1 }) },
      on: { ADD: 'e' },
    },
    // non-reentering self target with a custom action: fires once per step, even on unhandled events
    e: { always: { target: 'e', actions: 'pong' }, on: { ADD: 'f' } },
    f: {
      always: { guard: ({ event }) => event.type === 'POKE', target: 'a', actions: assign({ n: 0, hits: 0 }) },
      on: { ADD: { actions: 'ping' } },
    },
  },
});

/** Higher-order guards and user-declared delayed raise / cancel. */
const combinators = setup({
  types: {} as { context: { x: number }; events: Ev },
  actions: {
    note: (_, _params: { x: number }) => {},
    remind: raise(({ context }, params: { k: number }) => ({ type: 'REMIND', k: params.k + context.x }), {
      id: 'remind',
      delay: (_, params: { k: number }) => params.k * 10,
    }),
  },
  guards: {
    big: ({ context }, params: { over: number }) => context.x > params.over,
    odd: ({ event }) => Math.abs(event.n ?? 0) % 2 === 1,
  },
}).createMachine({
  id: 'comb',
  context: { x: 0 },
  initial: 'off',
  states: {
    off: {
      on: {
        SET: { actions: assign({ x: ({ event }) => event.n ?? 0 }) },
        FLIP: [
          { guard: and([{ type: 'big', params: { over: 5 } }, not('odd')]), target: 'on', actions: { type: 'note', params: ({ context }) => ({ x: context.x }) } },
          { guard: or(['odd', ({ context }) => context.x < 0]), target: 'on', actions: { type: 'remind', params: { k: 2 } } },
          { guard: not(or([{ type: 'big', params: { over: -100 } }])), target: 'off' },
        ],
      },
    },
    on: {
      entry: raise({ type: 'TIMEOUT' }, { id: 'timeout', delay: ({ context }) => 50 + context.x }),
      exit: cancel('timeout'),
      on: {
        SET: { actions: assign({ x: ({ event }) => event.n ?? 0 }) },
        FLIP: { target: 'off', actions: cancel(({ context }) => `remind-${context.x}`) },
        TIMEOUT: 'off',
      },
    },
  },
});

/** Initial state that immediately completes: eventless chain into a final state at start-up. */
const instant = setup({
  types: {} as { context: { ok: boolean }; events: Ev; input: { ok: boolean } | undefined },
  actions: { ping: () => {} },
}).createMachine({
  id: 'instant',
  context: ({ input }) => ({ ok: input?.ok ?? false }),
  initial: 'check',
  exit: 'ping',
  states: {
    check: {
      always: [{ guard: ({ context }) => context.ok, target: 'finished' }],
      on: { OK: { target: 'finished', actions: assign({ ok: true }) } },
    },
    finished: { type: 'final', entry: 'ping' },
  },
});

const machines: [string, AnyStateMachine, fc.Arbitrary<unknown>?][] = [
  ['flat', flat, fc.option(fc.record({ start: fc.integer({ min: 0, max: 6 }) }), { nil: undefined })],
  ['parallel', parallel],
  ['eventless', eventless],
  ['combinators', combinators],
  ['instant', instant, fc.option(fc.record({ ok: fc.boolean() }), { nil: undefined })],
];

// ---------------------------------------------------------------------------

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
    const loop = setup({}).createMachine({
      id: 'loop',
      context: { i: 0 },
      initial: 'a',
      states: { a: { on: { GO: 'b' } }, b: { always: { actions: assign({ i: ({ context }) => context.i + 1 }) } } },
    });
    const c = compileMachine(loop);
    expect(() => c.step(c.initial().snapshot, { type: 'GO' })).toThrow(/always.*'loop\.b'/);
  });
});

describe('compileMachine rejects machines outside the subset', () => {
  const reject = (machine: AnyStateMachine, message: RegExp) => expect(() => compileMachine(machine)).toThrow(message);

  it('nesting three levels deep', () => {
    const deep = setup({}).createMachine({
      id: 'deep',
      initial: 'outer',
      states: { outer: { initial: 'inner', states: { inner: { initial: 'x', states: { x: {} } } } } },
    });
    reject(deep, /state 'deep\.outer'.*compound.*too deep/);
    const deepParallel = setup({}).createMachine({
      id: 'dp',
      type: 'parallel',
      states: { r: { initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } } },
    });
    reject(deepParallel, /state 'dp\.r\.a'.*too deep/);
  });

  it('invoke', () => {
    const m = setup({ actors: { fetch: fromPromise(async () => 1) } }).createMachine({
      id: 'inv',
      initial: 'a',
      states: { a: { invoke: { src: 'fetch' } } },
    });
    reject(m, /state 'inv\.a' uses invoke/);
  });

  it('transitions on the root, wildcards, non-sibling targets, history and finals in regions', () => {
    reject(setup({}).createMachine({ id: 'r', initial: 'a', on: { X: '.a' }, states: { a: {} } }), /state 'r' uses transitions on a compound/);
    reject(setup({}).createMachine({ id: 'w', initial: 'a', states: { a: { on: { '*': 'a' } } } }), /state 'w\.a'.*wildcard/);
    reject(
      setup({}).createMachine({
        id: 'p',
        type: 'parallel',
        states: { r1: { initial: 'a', states: { a: { on: { X: '#p.r2.b' } } } }, r2: { initial: 'b', states: { b: {} } } },
      }),
      /state 'p\.r1\.a'.*not a sibling/,
    );
    reject(setup({}).createMachine({ id: 'h', initial: 'a', states: { a: {}, hist: { type: 'history' } } }), /state 'h\.hist' uses a history/);
    reject(
      setup({}).createMachine({ id: 'f', type: 'parallel', states: { r: { initial: 'a', states: { a: {}, end: { type: 'final' } } } } }),
      /state 'f\.r\.end' uses a final state inside a parallel region/,
    );
  });

  it('unsupported actions and guards', () => {
    reject(
      setup({}).createMachine({ id: 'i', initial: 'a', states: { a: { entry: () => {} } } }),
      /inline action function in entry of state 'i\.a'/,
    );
    reject(
      setup({}).createMachine({ id: 'rz', initial: 'a', states: { a: { on: { X: { actions: raise({ type: 'Y' }) } } } } }),
      /raise without a delay in the 'X' transition of state 'rz\.a'/,
    );
    reject(
      setup({}).createMachine({ id: 'lg', initial: 'a', states: { a: { exit: log('bye') } } }),
      /'xstate\.log' in exit of state 'lg\.a'/,
    );
    reject(
      setup({}).createMachine({ id: 'st', initial: 'a', states: { a: { on: { X: { actions: sendTo('other', { type: 'Y' }) } } } } }),
      /'xstate\.sendTo' in the 'X' transition of state 'st\.a'/,
    );
    reject(
      setup({}).createMachine({ id: 'si', initial: 'a', states: { a: { on: { X: { guard: stateIn('#si.a') as never, target: 'a' } } } } }),
      /built-in guard in the 'X' transition of state 'si\.a'/,
    );
    reject(
      setup({}).createMachine({ id: 'ng', initial: 'a', states: { a: { on: { X: { guard: 'missing' as never } } } } }),
      /guard 'missing' .*state 'ng\.a'.*not implemented/,
    );
  });

  it('always transitions with actions in more than one parallel region', () => {
    const m = setup({ actions: { ping: () => {} } }).createMachine({
      id: 'pa',
      type: 'parallel',
      states: {
        r1: { initial: 'a', states: { a: { always: { guard: () => false, actions: 'ping' } } } },
        r2: { initial: 'b', states: { b: { always: { guard: () => false, actions: 'ping' } } } },
      },
    });
    reject(m, /state 'pa\.r2'.*always.*more than one parallel region/);
  });
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
  // GO enters b three times in one step (b -> c -> b through `always`): b's timer is raised three times
  const bounce = setup({
    types: {} as { context: { i: number }; events: { type: 'GO' } },
    delays: { wait: ({ context }) => 10 + 5 * context.i },
  }).createMachine({
    id: 'bounce',
    context: { i: 0 },
    initial: 'a',
    states: {
      a: { on: { GO: 'b' } },
      b: {
        after: { wait: 'a' },
        always: { guard: ({ context }) => context.i < 2, target: 'c', actions: assign({ i: ({ context }) => context.i + 1 }) },
      },
      c: { always: 'b' },
    },
  });

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
