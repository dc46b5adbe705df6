/**
 * The generated steppers (engine/machines/generated/, written by machines/codegen.ts): the engine steps units and
 * incidents with them, so they must agree with xstate's own transition on random inputs and event sequences, be
 * what the machines give now (a machine edited without `npm run gen:steppers` fails here), and be refused by
 * the engine, naming the machine, when they are not.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { generatedModule } from '../../engine/machines/codegen.js';
import * as generatedIncident from '../../engine/machines/generated/incident.js';
import * as generatedUnit from '../../engine/machines/generated/unit.js';
import { GENERATED_MACHINES } from '../../engine/machines/generated-list.js';
import { incidentMachine } from '../../engine/machines/incident.js';
import { NEVER_S } from '../../engine/machines/never.js';
import { compileMachine } from '../../engine/machines/stepper.js';
import { unitMachine } from '../../engine/machines/unit.js';
import { MACHINES } from '../../engine/sim/sim.js';
import { assertAgreesWithXstate, eventTypesOf } from './agree.js';

const seconds = fc.constantFrom(0, 1, 600, 3600, NEVER_S);
const after = (m: typeof unitMachine | typeof incidentMachine) => eventTypesOf(m).filter((t) => t.startsWith('xstate.after.')).map((type) => fc.constant({ type }));

describe('generated steppers agree with xstate transition() (property)', () => {
  it('unit: random inputs, trips, routes and timers', () => {
    const events = fc.oneof(
      fc.record({ type: fc.constant('DISPATCH'), incident: fc.constantFrom('i1', 'i2'), mobilise_s: seconds, travel_s: seconds, return_s: seconds }),
      fc.record({ type: fc.constant('REROUTE'), travel_s: seconds, return_s: seconds }),
      fc.record({ type: fc.constantFrom('RETURN_ROUTE', 'RECALL', 'REPAIR'), return_s: seconds }),
      fc.constantFrom({ type: 'RELEASE' }, { type: 'BREAKDOWN' }, { type: 'NOT_HANDLED' }),
      ...after(unitMachine),
    );
    const input = fc.record({ endurance_s: seconds, rest_s: seconds }, { requiredKeys: [] });
    const compiled = compileMachine(unitMachine, { freshContext: true, generated: generatedUnit });
    assertAgreesWithXstate(unitMachine, events, { input, compiled, numRuns: 400, maxEvents: 40 });
  });

  it('incident: random inputs (zero-length phases included), progress and timers', () => {
    const events = fc.oneof(
      fc.record({ type: fc.constantFrom('ON_SCENE', 'PROGRESS'), eta_s: seconds, met: fc.boolean() }),
      fc.constant({ type: 'NOT_HANDLED' }),
      ...after(incidentMachine),
    );
    const input = fc.record({ severity: fc.integer({ min: 1, max: 5 }), assess_s: seconds, escalate_s: seconds, ease_s: seconds, mop_up_s: seconds }, { requiredKeys: ['severity'] });
    const compiled = compileMachine(incidentMachine, { freshContext: true, generated: generatedIncident });
    assertAgreesWithXstate(incidentMachine, events, { input, compiled, numRuns: 400, maxEvents: 40 });
  });
});

describe('generated steppers are up to date', () => {
  for (const { name, machine, source } of GENERATED_MACHINES) {
    it(`engine/machines/generated/${name}.ts is what ${source} gives now (else: npm run gen:steppers)`, () => {
      const file = readFileSync(new URL(`../../engine/machines/generated/${name}.ts`, import.meta.url), 'utf8');
      expect(file).toBe(generatedModule(machine, name, source));
    });
  }

  it('the engine steps units and incidents by their generated code', () => {
    const walked = compileMachine(unitMachine, { freshContext: true });
    expect(MACHINES.unit.advance.toString()).not.toBe(walked.advance.toString());
    expect(MACHINES.unit.advance.toString()).toContain('sel: switch (s.value)');
  });

  it('a machine changed since its code was generated is refused by name, with what to run', () => {
    // the unit machine with one more state: its generated code no longer fits it
    const changed = setup({ actions: { clear: assign({ incident: null }) } }).createMachine({
      id: 'unit',
      initial: 'available',
      context: { incident: null as string | null },
      states: { available: { on: { GO: 'away' } }, away: { on: { BACK: { target: 'available', actions: 'clear' } } } },
    });
    // refused at the first step, not when the engine's modules load: the command then reports it like any error
    const compiled = compileMachine(changed, { generated: generatedUnit });
    const refusal = "drillsim stepper: the generated stepper of machine 'unit' is out of date (the machine changed since it was generated): run `npm run gen:steppers`";
    const s = { value: '', context: undefined };
    expect(() => compiled.start(s)).toThrow(refusal);
    expect(() => compiled.advance({ value: 'available', context: { incident: null } }, { type: 'GO' })).toThrow(refusal);
  });
});
