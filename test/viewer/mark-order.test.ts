/**
 * Which marker the pointer is over where markers overlap (viewer/src/canvas-marks.ts markAt) follows the order
 * they are painted in: units at work above the incidents (standing on their rims), the incidents above the units
 * resting at their base (an incident at a base kept its number under the diamonds resting round it).
 */
import { describe, expect, it } from 'vitest';
import { markAt, type IncidentMark, type UnitMark } from '../../viewer/src/canvas-marks.js';

const incident = (x: number, y: number): IncidentMark => ({
  id: 'inc', ghost: false, resolved: false, phase: 'responding', severity: 3, people: 4, x, y, r: 12, fill: '#f00', stroke: '#222', dash: null, width: 1.5, ink: '#000', people_at: null, leader: null, tip: () => 'inc',
});
const unit = (id: string, x: number, y: number, rest: boolean): UnitMark => ({ id, ghost: false, state: rest ? 'available' : 'on_scene', incident: null, x, y, colour: '#00f', rest, tip: () => id });

describe('the marker under the pointer', () => {
  it('is a unit at work before an incident, an incident before a unit resting at its base', () => {
    const layers = [{ incidents: [incident(100, 100)], units: [unit('resting', 100, 100, true), unit('working', 112, 100, false)] }];
    expect(markAt(layers, 100, 100)?.id).toBe('inc');
    expect(markAt(layers, 112, 100)?.id).toBe('working');
    // off the incident, a resting unit is found as before
    const apart = [{ incidents: [incident(200, 200)], units: [unit('resting', 100, 100, true)] }];
    expect(markAt(apart, 100, 100)?.id).toBe('resting');
    expect(markAt(apart, 150, 150)).toBeNull();
  });
});
