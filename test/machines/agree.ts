/**
 * Property check that the compiled stepper and xstate agree on a machine:
 * for random inputs and event sequences, `compileMachine(machine)` and xstate's
 * `initialTransition` / `transition` give the same state value, the same
 * context (deep equal) and the same actions (`type` and `params`, in order).
 * Both of the stepper's ways are checked on every event: `step` (a new
 * snapshot each time) and `advance` (one snapshot stepped in place, as the
 * engine does), which must also leave the snapshot alone when nothing fires;
 * `advance` twice, from a copy of `initial`'s snapshot and from one made by
 * `start` (the engine's `initial`, itself checked against xstate's).
 * Reusable for the domain machines: pass an arbitrary of their events.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { compileMachine, type CompiledMachine, type MachineSnapshot } from '../../engine/machines/stepper.js';

export interface AgreeOptions {
  /** machine input passed to both `initial` and `initialTransition` (default: undefined) */
  input?: fc.Arbitrary<unknown>;
  /** longest event sequence per run (default 40) */
  maxEvents?: number;
  numRuns?: number;
  seed?: number;
  /** the stepper to check (default: `compileMachine(machine)`, the walk over the graph); e.g. one with generated code */
  compiled?: CompiledMachine;
}

/** Every event type any state of the machine reacts to, including `xstate.after.*` ones. */
export function eventTypesOf(machine: AnyStateMachine): string[] {
  const types = new Set<string>();
  const visit = (node: { transitions: Map<string, unknown>; states: Record<string, unknown> }) => {
    for (const type of node.transitions.keys()) types.add(type);
    for (const child of Object.values(node.states)) visit(child as typeof node);
  };
  visit(machine.root as unknown as Parameters<typeof visit>[0]);
  return [...types].sort();
}

/**
 * Events of the machine's alphabet plus an unknown one, each with a random
 * payload from `payload` (default: an optional small integer `n`).
 */
export function eventArbOf(
  machine: AnyStateMachine,
  payload: fc.Arbitrary<Record<string, unknown>> = fc.record({ n: fc.integer({ min: -3, max: 12 }) }, { requiredKeys: [] }),
): fc.Arbitrary<EventObject> {
  const types = [...eventTypesOf(machine), 'NOT_HANDLED'];
  return fc.tuple(fc.constantFrom(...types), payload).map(([type, fields]) => ({ ...fields, type }));
}

export function assertAgreesWithXstate(
  machine: AnyStateMachine,
  eventArb: fc.Arbitrary<EventObject> = eventArbOf(machine),
  opts: AgreeOptions = {},
): void {
  const compiled = opts.compiled ?? compileMachine(machine);
  const property = fc.property(
    opts.input ?? fc.constant(undefined),
    fc.array(eventArb, { maxLength: opts.maxEvents ?? 40 }),
    (input, events) => {
      const [xsnap, xactions] = initialTransition(machine, input);
      const first = compiled.initial(input);
      expectSame('initial', compiled, first.snapshot, first.actions, xsnap, xactions);

      let xs: AnyMachineSnapshot = xsnap;
      let ours = first.snapshot;
      const inPlace: MachineSnapshot = structuredClone(first.snapshot);
      const started: MachineSnapshot = { value: '', context: undefined };
      expectSame('start', compiled, started, compiled.start(started, input), xsnap, xactions);
      events.forEach((event, i) => {
        const [xnext, xacts] = transition(machine, xs, event);
        const result = compiled.step(ours, event);
        const where = `event #${i} ${JSON.stringify(event)}`;
        expectSame(where, compiled, result.snapshot, result.actions, xnext, xacts);
        if (!result.changed) {
          expect(result.snapshot, `${where}: unchanged step returns its input`).toBe(ours);
          expect(xnext, `${where}: xstate also took no transition`).toBe(xs);
        }
        const before = structuredClone(inPlace);
        const advanced = compiled.advance(inPlace, event);
        expectSame(`${where} (advance)`, compiled, inPlace, advanced ?? [], xnext, xacts);
        if (advanced === null) {
          expect(result.changed, `${where}: advance and step agree that nothing fired`).toBe(false);
          expect(inPlace, `${where}: advance left the snapshot as it was`).toEqual(before);
        }
        const fromStart = compiled.advance(started, event);
        expectSame(`${where} (advance from start)`, compiled, started, fromStart ?? [], xnext, xacts);
        xs = xnext;
        ours = result.snapshot;
      });
    },
  );
  fc.assert(property, { numRuns: opts.numRuns ?? 300, ...(opts.seed === undefined ? {} : { seed: opts.seed }) });
}

function expectSame(
  where: string,
  compiled: CompiledMachine,
  snapshot: MachineSnapshot,
  actions: { type: string; params: unknown }[],
  xsnap: AnyMachineSnapshot,
  xactions: { type: string; params?: unknown }[],
): void {
  expect(xsnap.status, `${where}: xstate status (error: ${String(xsnap.error)})`).not.toBe('error');
  expect(snapshot.value, `${where}: value`).toEqual(xsnap.value);
  expect(snapshot.context, `${where}: context`).toEqual(xsnap.context);
  expect(actions.map(pick), `${where}: actions`).toEqual(xactions.map(pick));
  expect(isFinal(compiled, snapshot), `${where}: done`).toBe(xsnap.status === 'done');
}

function pick(action: { type: string; params?: unknown }) {
  return { type: action.type, params: action.params };
}

function isFinal(compiled: CompiledMachine, snapshot: MachineSnapshot): boolean {
  const root = compiled.machine.root;
  return typeof snapshot.value === 'string' && root.states[snapshot.value]?.type === 'final';
}
