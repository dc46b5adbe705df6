/**
 * One colour for each unit state, shared by the HTML report's charts
 * (engine/review/charts.ts) and the replay viewer (viewer/src/look.ts), so a
 * reviewer who reads both sees "on scene" in the same colour in each. Okabe-Ito
 * colours, told apart by people with colour-blindness. The keys run in the
 * order the viewer's legends list them; the report lists them in UNIT_STATES
 * order. No imports but a type, so the viewer can bundle it as it is.
 */
import type { UnitStateName } from './unit-metrics.js';

export const UNIT_STATE_COLOUR: Readonly<Record<UnitStateName, string>> = {
  available: '#0072B2', mobilising: '#F0E442', en_route: '#E69F00', on_scene: '#D55E00',
  returning: '#56B4E9', resting: '#999999', blocked: '#000000', out_of_service: '#CC79A7',
};
