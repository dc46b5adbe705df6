/**
 * Test machines shared by the stepper tests (stepper.test.ts: the walk over the graph) and the code generator's
 * (codegen.test.ts: the same machines stepped by generated code).
 */
import fc from 'fast-check';
import { and, assign, cancel, fromPromise, log, not, or, raise, sendTo, setup, stateIn, type AnyStateMachine } from 'xstate';

type Ev = { type: string; n?: number };

// ---------------------------------------------------------------------------
// Test machines: together they cover every feature of the supported subset.

/** Compound root: guards with params, named and numeric delays, assign ordering, reenter, always, final. */
export const flat = setup({
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
export const parallel = setup({
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
export const eventless = setup({
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
export const combinators = setup({
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
export const instant = setup({
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

export const machines: [string, AnyStateMachine, fc.Arbitrary<unknown>?][] = [
  ['flat', flat, fc.option(fc.record({ start: fc.integer({ min: 0, max: 6 }) }), { nil: undefined })],
  ['parallel', parallel],
  ['eventless', eventless],
  ['combinators', combinators],
  ['instant', instant, fc.option(fc.record({ ok: fc.boolean() }), { nil: undefined })],
];

// GO enters b three times in one step (b -> c -> b through `always`): b's timer is raised three times
export const bounce = setup({
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

/** An `always` that assigns forever: steppers must throw, naming the state, rather than hang. */
export const loop = setup({}).createMachine({
  id: 'loop',
  context: { i: 0 },
  initial: 'a',
  states: { a: { on: { GO: 'b' } }, b: { always: { actions: assign({ i: ({ context }) => context.i + 1 }) } } },
});

/** Machines outside the supported subset, with what compileMachine says about each. */
export const outsideSubset: { what: string; machine: AnyStateMachine; message: RegExp }[] = [
  {
    what: 'nesting three levels deep',
    machine: setup({}).createMachine({
      id: 'deep',
      initial: 'outer',
      states: { outer: { initial: 'inner', states: { inner: { initial: 'x', states: { x: {} } } } } },
    }),
    message: /state 'deep\.outer'.*compound.*too deep/,
  },
  {
    what: 'nesting three levels deep under a parallel root',
    machine: setup({}).createMachine({
      id: 'dp',
      type: 'parallel',
      states: { r: { initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } } },
    }),
    message: /state 'dp\.r\.a'.*too deep/,
  },
  {
    what: 'invoke',
    machine: setup({ actors: { fetch: fromPromise(async () => 1) } }).createMachine({
      id: 'inv',
      initial: 'a',
      states: { a: { invoke: { src: 'fetch' } } },
    }),
    message: /state 'inv\.a' uses invoke/,
  },
  {
    what: 'transitions on the root',
    machine: setup({}).createMachine({ id: 'r', initial: 'a', on: { X: '.a' }, states: { a: {} } }),
    message: /state 'r' uses transitions on a compound/,
  },
  {
    what: 'wildcards',
    machine: setup({}).createMachine({ id: 'w', initial: 'a', states: { a: { on: { '*': 'a' } } } }),
    message: /state 'w\.a'.*wildcard/,
  },
  {
    what: 'non-sibling targets',
    machine: setup({}).createMachine({
      id: 'p',
      type: 'parallel',
      states: { r1: { initial: 'a', states: { a: { on: { X: '#p.r2.b' } } } }, r2: { initial: 'b', states: { b: {} } } },
    }),
    message: /state 'p\.r1\.a'.*not a sibling/,
  },
  {
    what: 'history',
    machine: setup({}).createMachine({ id: 'h', initial: 'a', states: { a: {}, hist: { type: 'history' } } }),
    message: /state 'h\.hist' uses a history/,
  },
  {
    what: 'finals in regions',
    machine: setup({}).createMachine({ id: 'f', type: 'parallel', states: { r: { initial: 'a', states: { a: {}, end: { type: 'final' } } } } }),
    message: /state 'f\.r\.end' uses a final state inside a parallel region/,
  },
  {
    what: 'inline action functions',
    machine: setup({}).createMachine({ id: 'i', initial: 'a', states: { a: { entry: () => {} } } }),
    message: /inline action function in entry of state 'i\.a'/,
  },
  {
    what: 'raise without a delay',
    machine: setup({}).createMachine({ id: 'rz', initial: 'a', states: { a: { on: { X: { actions: raise({ type: 'Y' }) } } } } }),
    message: /raise without a delay in the 'X' transition of state 'rz\.a'/,
  },
  {
    what: 'log',
    machine: setup({}).createMachine({ id: 'lg', initial: 'a', states: { a: { exit: log('bye') } } }),
    message: /'xstate\.log' in exit of state 'lg\.a'/,
  },
  {
    what: 'sendTo',
    machine: setup({}).createMachine({ id: 'st', initial: 'a', states: { a: { on: { X: { actions: sendTo('other', { type: 'Y' }) } } } } }),
    message: /'xstate\.sendTo' in the 'X' transition of state 'st\.a'/,
  },
  {
    what: 'stateIn',
    machine: setup({}).createMachine({ id: 'si', initial: 'a', states: { a: { on: { X: { guard: stateIn('#si.a') as never, target: 'a' } } } } }),
    message: /built-in guard in the 'X' transition of state 'si\.a'/,
  },
  {
    what: 'guards not implemented',
    machine: setup({}).createMachine({ id: 'ng', initial: 'a', states: { a: { on: { X: { guard: 'missing' as never } } } } }),
    message: /guard 'missing' .*state 'ng\.a'.*not implemented/,
  },
  {
    what: 'always transitions with actions in more than one parallel region',
    machine: setup({ actions: { ping: () => {} } }).createMachine({
      id: 'pa',
      type: 'parallel',
      states: {
        r1: { initial: 'a', states: { a: { always: { guard: () => false, actions: 'ping' } } } },
        r2: { initial: 'b', states: { b: { always: { guard: () => false, actions: 'ping' } } } },
      },
    }),
    message: /state 'pa\.r2'.*always.*more than one parallel region/,
  },
];
