/** The simulation machines: xstate definitions of behaviour, stepped by the engine's compiled stepper. */
export { unitMachine, UNIT_STATES } from './unit.js';
export { incidentMachine, LIFECYCLE_STATES, TREND_STATES } from './incident.js';
export { levelMachine, LEVEL_STATES } from './level.js';
export { injectMachine, INJECT_STATES } from './inject.js';
export { zoneMachine, ZONE_STATES } from './zone.js';
export { shelterMachine, SHELTER_STATES } from './shelter.js';
export { NEVER_S } from './never.js';
