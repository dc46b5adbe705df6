#!/usr/bin/env node
// How the engine steps its xstate machines: its generated code and the compiled walk over the graph against
// xstate's documented pure `transition()` and against `machine.transition`
// with one reused actor scope, on the same event sequences (one incident's
// worth of unit and incident steps). Printed as microseconds per step.
//
//   node bench/stepper.mjs [--incidents=20000]
import { createActor, initialTransition, transition } from 'xstate';
import { compileMachine } from '../dist/engine/machines/stepper.js';
import * as generatedUnit from '../dist/engine/machines/generated/unit.js';
import * as generatedIncident from '../dist/engine/machines/generated/incident.js';
import { unitMachine } from '../dist/engine/machines/unit.js';
import { incidentMachine } from '../dist/engine/machines/incident.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true]; }));
const N = Number(args.incidents ?? 20000);

const unitEvents = [
  { type: 'DISPATCH', incident: 'x', mobilise_s: 0, travel_s: 100, return_s: 100 },
  { type: 'xstate.after.travel.unit.en_route' },
  { type: 'RELEASE' },
  { type: 'xstate.after.return.unit.returning' },
];
const incidentEvents = [
  { type: 'ON_SCENE', eta_s: 1000, met: true },
  { type: 'xstate.after.work.incident.lifecycle.responding' },
];
const STEPS = unitEvents.length + incidentEvents.length + 1; // + the incident's initial step

function time(label, n, body) {
  body(Math.min(n, 500)); // warm up
  const t0 = process.hrtime.bigint();
  body(n);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { label, us: (s / (n * STEPS)) * 1e6 };
}

const U = compileMachine(unitMachine, { freshContext: true }), I = compileMachine(incidentMachine, { freshContext: true });
// as the engine steps them: generated code (engine/machines/generated/), started into a snapshot of its own
const GU = compileMachine(unitMachine, { freshContext: true, generated: generatedUnit });
const GI = compileMachine(incidentMachine, { freshContext: true, generated: generatedIncident });
const unitFirst = unitEvents.slice(0, 2), unitThen = unitEvents.slice(2);
const advanceRow = (label, U, I) => time(label, N, (n) => {
  const u = { value: '', context: undefined };
  U.start(u, {});
  for (let k = 0; k < n; k++) {
    const inc = { value: '', context: undefined };
    I.start(inc, { severity: 1 });
    for (let j = 0; j < unitFirst.length; j++) U.advance(u, unitFirst[j]);
    for (let j = 0; j < incidentEvents.length; j++) I.advance(inc, incidentEvents[j]);
    for (let j = 0; j < unitThen.length; j++) U.advance(u, unitThen[j]);
  }
});
const rows = [
  advanceRow('generated code, start and advance (the engine)', GU, GI),
  advanceRow('compiled walk over the graph, start and advance', U, I),
  time('compiled stepper, step (a new snapshot)', N, (n) => {
    let u = U.initial({}).snapshot;
    for (let k = 0; k < n; k++) {
      let inc = I.initial({ severity: 1 }).snapshot;
      for (const e of unitEvents.slice(0, 2)) u = U.step(u, e).snapshot;
      for (const e of incidentEvents) inc = I.step(inc, e).snapshot;
      for (const e of unitEvents.slice(2)) u = U.step(u, e).snapshot;
    }
  }),
  time('machine.transition, reused actor scope', Math.ceil(N / 10), (n) => {
    const ua = createActor(unitMachine, { input: {} }), ia = createActor(incidentMachine, { input: { severity: 1 } });
    const uScope = ua._actorScope ?? ua, iScope = ia._actorScope ?? ia;
    let u = unitMachine.getInitialSnapshot(uScope, {});
    for (let k = 0; k < n; k++) {
      let inc = incidentMachine.getInitialSnapshot(iScope, { severity: 1 });
      for (const e of unitEvents.slice(0, 2)) u = unitMachine.transition(u, e, uScope);
      for (const e of incidentEvents) inc = incidentMachine.transition(inc, e, iScope);
      for (const e of unitEvents.slice(2)) u = unitMachine.transition(u, e, uScope);
    }
  }),
  time('transition() as documented (pure)', Math.ceil(N / 20), (n) => {
    let [u] = initialTransition(unitMachine, {});
    for (let k = 0; k < n; k++) {
      let [inc] = initialTransition(incidentMachine, { severity: 1 });
      for (const e of unitEvents.slice(0, 2)) [u] = transition(unitMachine, u, e);
      for (const e of incidentEvents) [inc] = transition(incidentMachine, inc, e);
      for (const e of unitEvents.slice(2)) [u] = transition(unitMachine, u, e);
    }
  }),
];
console.log(`stepping the unit and incident machines (${STEPS} steps per incident)`);
// "1.1x slower", not "0.9x faster", where the engine's way loses
const versus = (ratio) => (ratio >= 1 ? `${ratio.toFixed(ratio < 10 ? 1 : 0)}x faster` : `${(1 / ratio).toFixed(1)}x slower`);
for (const r of rows) console.log(`  ${r.label.padEnd(48)} ${r.us.toFixed(3).padStart(8)} µs per step${r === rows[0] ? '' : `   (the engine's way is ${versus(r.us / rows[0].us)})`}`);
