/**
 * The code generator (engine/machines/codegen.ts) on the stepper's test machines (fixtures.ts), which together
 * cover the supported subset: each machine's advance is generated here, at test time, turned into a function
 * (tests may `new Function`; the engine never does, it imports the files `npm run gen:steppers` wrote) and held
 * to xstate's own `transition` with the same arbitraries as the interpreted stepper's tests (stepper.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { assign, cancel, initialTransition, raise, setup, transition, type AnyStateMachine } from 'xstate';
import { describeMachine } from '../../engine/machines/codegen.js';
import { compileMachine, type CompiledMachine, type GeneratedStepper } from '../../engine/machines/stepper.js';
import { assertAgreesWithXstate, eventArbOf } from './agree.js';
import { bounce, loop, machines, outsideSubset } from './fixtures.js';

/** The machine's generated advance and start, as `npm run gen:steppers` would write them, made into a module here. */
function generatedOf(machine: AnyStateMachine): GeneratedStepper {
  const code = describeMachine(machine, machine.id);
  const makeStepper = new Function('h', code.body) as GeneratedStepper['makeStepper'];
  return { HASH: code.hash, makeStepper };
}

/** compileMachine with the generated advance and start, checked to be the ones it steps with. */
function compiledByCode(machine: AnyStateMachine): CompiledMachine {
  const compiled = compileMachine(machine, { generated: generatedOf(machine) });
  const walked = compileMachine(machine);
  expect(compiled.advance.toString(), 'advance is the generated code').not.toBe(walked.advance.toString());
  expect(compiled.start.toString(), 'start is the generated code').not.toBe(walked.start.toString());
  return compiled;
}

describe('generated advance agrees with xstate transition() (property)', () => {
  for (const [name, machine, input] of [...machines, ['bounce', bounce] as const]) {
    it(name, () => {
      assertAgreesWithXstate(machine, eventArbOf(machine), { input, numRuns: 400, maxEvents: 50, compiled: compiledByCode(machine) });
    });
  }
});

describe('generated advance', () => {
  it('throws on an eventless loop instead of hanging, naming the state as the interpreted stepper does', () => {
    const c = compiledByCode(loop);
    const walked = compileMachine(loop);
    expect(() => walked.advance(walked.initial().snapshot, { type: 'GO' })).toThrow(/always.*'loop\.b'/);
    let message = '';
    try {
      c.advance(c.initial().snapshot, { type: 'GO' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe("drillsim stepper: 1000 'always' microsteps in one step from 'loop.b' (eventless loop?)");
    expect(() => walked.advance(walked.initial().snapshot, { type: 'GO' })).toThrow(message);
  });

  it('a raise fired again in the same step is a separate action; step results keep their raises', () => {
    const c = compiledByCode(bounce);
    const s = c.initial().snapshot;
    const raises = c.advance(s, { type: 'GO' })!.filter((a) => a.type === 'xstate.raise');
    expect(raises).toHaveLength(3);
    expect(new Set(raises).size).toBe(3);
    const first = c.step(c.initial().snapshot, { type: 'GO' });
    const kept = structuredClone(first.actions);
    const t = c.initial().snapshot;
    c.advance(t, { type: 'GO' });
    c.advance(t, { type: 'xstate.after.wait.bounce.b' });
    c.advance(t, { type: 'GO' });
    expect(first.actions).toEqual(kept);
  });
});

describe('describeMachine on machines outside the subset', () => {
  // The generator only ever runs on machines compileMachine accepts: the engine's generated code is used
  // through compileMachine, which checks the machine before it reads the code, and gen:steppers compiles each
  // machine first. What the generator itself rejects is what it cannot write code for; a feature it does not
  // meet on its way (invoke, history, deep nesting, an action in a state nothing starts in, enters or leaves) it ignores.
  // (the inline action is in the initial state's entry, which the generated start runs)
  const rejectedByGenerator = new Set(['wildcards', 'non-sibling targets', 'raise without a delay', 'sendTo', 'stateIn', 'guards not implemented', 'inline action functions']);
  for (const { what, machine } of outsideSubset) {
    it(`${what}: ${rejectedByGenerator.has(what) ? 'throws' : 'not checked by the generator (compileMachine throws)'}`, () => {
      expect(() => compileMachine(machine)).toThrow();
      if (rejectedByGenerator.has(what)) expect(() => describeMachine(machine, machine.id)).toThrow(/drillsim codegen/);
      else expect(() => describeMachine(machine, machine.id)).not.toThrow();
    });
  }
});

describe('generated advance on edge cases of the subset', () => {
  // params are resolved once per action, as xstate does: every value of an object assign and a raise's event
  // and delay see the same params object
  const calls = { n: 0 };
  const edges = setup({
    types: {} as { context: { a?: unknown; b?: unknown; k: number }; events: { type: string; n?: number } },
    actions: {
      pair: assign({ a: (_, p: { k: number }) => p, b: (_, p: { k: number }) => p }),
      later: raise((_, p: { k: number }) => ({ type: 'LATER', p }), { id: 'later', delay: (_, p: { k: number }) => p.k }),
      forget: cancel((_, p: { k: number }) => `later-${p.k}`),
    },
    guards: { is: ({ context }, want: number) => context.k >= want },
    delays: { zero: -0 },
  }).createMachine({
    id: 'edges',
    context: { k: 0 },
    initial: 'a',
    states: {
      a: {
        on: {
          PAIR: {
            actions: [
              { type: 'pair', params: ({ context }) => (calls.n++, { k: context.k }) },
              assign({ k: ({ context }) => context.k + 1 }),
            ],
          },
          // a constant 0 read from the machine before b's -0 delays are: they must stay -0
          LATER: { target: 'b', guard: { type: 'is', params: 0 }, actions: { type: 'later', params: ({ event }) => (calls.n++, { k: event.n ?? 1 }) } },
        },
      },
      b: {
        entry: [raise({ type: 'NOW' }, { id: 'now', delay: 'zero' }), raise({ type: 'SOON' }, { id: 'soon', delay: -0 })],
        on: { FORGET: { target: 'a', actions: { type: 'forget', params: ({ event }) => ({ k: event.n ?? 0 }) } } },
      },
    },
  });

  it('agrees with xstate (property), as the interpreted stepper does', () => {
    assertAgreesWithXstate(edges, eventArbOf(edges), { numRuns: 200, maxEvents: 20, compiled: compiledByCode(edges) });
    assertAgreesWithXstate(edges, eventArbOf(edges), { numRuns: 200, maxEvents: 20 });
  });

  it('resolves params once per action: one params object, one call', () => {
    const c = compiledByCode(edges);
    const s = c.initial().snapshot;
    calls.n = 0;
    c.advance(s, { type: 'PAIR' });
    expect(calls.n).toBe(1);
    expect(s.context.a).toBe(s.context.b);
    calls.n = 0;
    const later = { type: 'LATER', n: 7 };
    const [raised] = c.advance(s, later)!;
    expect(calls.n).toBe(1);
    expect(raised).toEqual({ type: 'xstate.raise', params: { event: { type: 'LATER', p: { k: 7 } }, id: 'later', delay: 7 } });
  });

  it("merges an assign's result as xstate does (Object.assign: own symbol keys kept, inherited keys not copied)", () => {
    const TAG = Symbol('tag');
    const merging = setup({ types: {} as { context: Record<string | symbol, unknown>; events: { type: 'SET' } } }).createMachine({
      id: 'merging',
      context: { n: 0 },
      initial: 'a',
      states: {
        a: {
          on: {
            SET: {
              target: 'b',
              actions: [
                assign(() => Object.assign(Object.create({ inherited: 1 }), { n: 1, [TAG]: 'own' })),
                assign(({ context }) => ({ n: (context.n as number) + 1 })),
              ],
            },
          },
        },
        b: {},
      },
    });
    const [x0] = initialTransition(merging);
    const [x1] = transition(merging, x0, { type: 'SET' });
    expect(x1.context).toEqual({ n: 2, [TAG]: 'own' });
    expect('inherited' in x1.context).toBe(false);
    for (const [way, c] of [['generated', compiledByCode(merging)], ['walked', compileMachine(merging)]] as const) {
      const stepped = c.step(c.initial().snapshot, { type: 'SET' }).snapshot.context;
      const inPlace = c.initial().snapshot;
      c.advance(inPlace, { type: 'SET' });
      for (const ctx of [stepped, inPlace.context]) {
        expect(ctx, way).toEqual({ n: 2, [TAG]: 'own' });
        expect(ctx[TAG], way).toBe('own');
        expect(Object.keys(ctx), way).toEqual(['n']);
      }
    }
  });

  it('keeps a delay of -0 as it is (0 in xstate is not -0)', () => {
    const c = compiledByCode(edges);
    const s = c.initial().snapshot;
    const actions = c.advance(s, { type: 'LATER' })!;
    const delays = actions.filter((a) => a.params?.id !== 'later').map((a) => a.params.delay);
    expect(delays.map((d) => Object.is(d, -0))).toEqual([true, true]);
  });
});
