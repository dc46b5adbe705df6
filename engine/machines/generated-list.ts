/** The machines whose `advance` is generated code (the engine steps them millions of times in a batch). */
import type { AnyStateMachine } from 'xstate';
import { incidentMachine } from './incident.js';
import { unitMachine } from './unit.js';

export const GENERATED_MACHINES: { name: string; machine: AnyStateMachine; source: string }[] = [
  { name: 'unit', machine: unitMachine, source: 'engine/machines/unit.ts' },
  { name: 'incident', machine: incidentMachine, source: 'engine/machines/incident.ts' },
];
