/**
 * Model-based tests of the simulation machines: @xstate/graph finds the
 * shortest event path to every state; each path is played through the
 * engine's compiled stepper and through xstate itself, which must agree at
 * every step. Then the random-walk property (agree.ts) on each machine.
 */
import { getShortestPaths } from '@xstate/graph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyStateMachine, type EventObject } from 'xstate';
import { incidentMachine, LIFECYCLE_STATES, TREND_STATES } from '../../engine/machines/incident.js';
import { injectMachine, INJECT_STATES } from '../../engine/machines/inject.js';
import { levelMachine, LEVEL_STATES } from '../../engine/machines/level.js';
import { NEVER_S } from '../../engine/machines/never.js';
import { shelterMachine, SHELTER_STATES } from '../../engine/machines/shelter.js';
import * as generatedIncident from '../../engine/machines/generated/incident.js';
import * as generatedUnit from '../../engine/machines/generated/unit.js';
import { compileMachine, type CompiledMachine, type GeneratedStepper } from '../../engine/machines/stepper.js';
import { unitMachine, UNIT_STATES } from '../../engine/machines/unit.js';
import { zoneMachine, ZONE_STATES } from '../../engine/machines/zone.js';
import { assertAgreesWithXstate, eventTypesOf } from './agree.js';

const after = (m: AnyStateMachine) => eventTypesOf(m).filter((t) => t.startsWith('xstate.after.')).map((type) => ({ type }));

interface Case {
  name: string;
  machine: AnyStateMachine;
  input?: unknown;
  events: (EventObject & Record<string, unknown>)[];
  /** every value the machine can be in, as the engine names them */
  states: string[];
  valueKey: (v: any) => string[];
  /** the machine's advance as generated code, which the engine steps it with (machines/codegen.ts) */
  generated?: GeneratedStepper;
}

const cases: Case[] = [
  {
    name: 'unit', machine: unitMachine, input: { endurance_s: 3600, rest_s: 600 }, states: [...UNIT_STATES], valueKey: (v) => [v], generated: generatedUnit,
    events: [
      { type: 'DISPATCH', incident: 'i1', mobilise_s: 0, travel_s: 600, return_s: 600 },
      { type: 'DISPATCH', incident: 'i1', mobilise_s: 900, travel_s: 600, return_s: 600 },
      { type: 'DISPATCH', incident: 'i1', mobilise_s: 900, travel_s: NEVER_S, return_s: NEVER_S },
      { type: 'REROUTE', travel_s: 300, return_s: 300 }, { type: 'REROUTE', travel_s: NEVER_S, return_s: 300 },
      { type: 'RETURN_ROUTE', return_s: 400 }, { type: 'RELEASE' }, { type: 'RECALL', return_s: 300 }, { type: 'BREAKDOWN' }, { type: 'REPAIR', return_s: 0 }, { type: 'REPAIR', return_s: 600 },
      ...after(unitMachine),
    ],
  },
  {
    name: 'incident', machine: incidentMachine, input: { severity: 3, assess_s: 600, escalate_s: 1800, ease_s: 3600, mop_up_s: 600 },
    states: [...LIFECYCLE_STATES.map((s) => `lifecycle.${s}`), ...TREND_STATES.map((s) => `trend.${s}`)],
    valueKey: (v) => [`lifecycle.${v.lifecycle}`, `trend.${v.trend}`], generated: generatedIncident,
    events: [
      { type: 'ON_SCENE', eta_s: 1200, met: false }, { type: 'ON_SCENE', eta_s: 600, met: true },
      { type: 'PROGRESS', eta_s: 900, met: true }, { type: 'PROGRESS', eta_s: 1800, met: false },
      ...after(incidentMachine),
    ],
  },
  {
    name: 'civil-defence level', machine: levelMachine, states: [...LEVEL_STATES], valueKey: (v) => [v],
    events: [0, 1, 2, 3].map((level) => ({ type: 'DECLARE', level, by: 'chair' })),
  },
  {
    name: 'inject', machine: injectMachine, input: { deadline_s: 1800 }, states: [...INJECT_STATES], valueKey: (v) => [v],
    events: [{ type: 'DELIVER' }, { type: 'HOLD' }, { type: 'RELEASE' }, { type: 'ANSWER', option: 'a', by: 'chair' }, ...after(injectMachine)],
  },
  {
    name: 'evacuation zone', machine: zoneMachine, input: { warning_s: 900, step_s: 600 }, states: [...ZONE_STATES], valueKey: (v) => [v],
    events: [{ type: 'ORDER', by: 'chair' }, { type: 'CLEARED' }, { type: 'STRUCK' }, ...after(zoneMachine)],
  },
  {
    name: 'shelter', machine: shelterMachine, states: [...SHELTER_STATES], valueKey: (v) => [v],
    events: [{ type: 'OPEN' }, { type: 'FULL' }, { type: 'SPACE' }, { type: 'CLOSE' }],
  },
];

const simple = (e: EventObject) => JSON.stringify(e);

describe('machines, walked by their graphs', () => {
  for (const c of cases) {
    describe(c.name, () => {
      const paths = getShortestPaths(c.machine, {
        input: c.input as any,
        events: c.events as any,
        // severity and the like would make the graph infinite: a state is its value plus the flags that steer guards
        serializeState: (s: any) => JSON.stringify([s.value, s.context?.open, s.context?.tired, s.context?.severity]),
        limit: 5000,
      } as any);

      it('every state is reached by some shortest path', () => {
        const reached = new Set(paths.flatMap((p) => c.valueKey(p.state.value)));
        for (const s of c.states) expect(reached, `${c.name}: ${s}`).toContain(s);
      });

      const steppers: [string, CompiledMachine][] = [['walking its graph', compileMachine(c.machine)]];
      if (c.generated) steppers.push(['by its generated code', compileMachine(c.machine, { generated: c.generated, freshContext: true })]);
      for (const [how, compiled] of steppers) it(`each path, stepped ${how}, agrees with xstate at every step`, () => {
        for (const p of paths) {
          let [xs] = initialTransition(c.machine, c.input as any);
          let ours = compiled.initial(c.input).snapshot;
          for (const step of p.steps) {
            if (step.event.type === 'xstate.init') continue;
            const [nx, xa] = transition(c.machine, xs, step.event);
            const r = compiled.step(ours, step.event);
            expect(r.snapshot.value, `${c.name} after ${simple(step.event)}`).toEqual(nx.value);
            expect(r.snapshot.context).toEqual(nx.context);
            expect(r.actions.map((a) => [a.type, a.params])).toEqual(xa.map((a: any) => [a.type, a.params]));
            xs = nx;
            ours = r.snapshot;
          }
          expect(ours.value).toEqual(p.state.value);
        }
      });

      for (const [how, compiled] of steppers) it(`random walks, stepped ${how}, agree with xstate (property)`, () => {
        assertAgreesWithXstate(c.machine, fc.constantFrom(...c.events), { input: fc.constant(c.input), numRuns: 150, maxEvents: 30, compiled });
      });
    });
  }
});
