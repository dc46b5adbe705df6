/**
 * The table of how drill writes each event's fields (engine/review/event-fields.ts) refuses a log whose field was
 * edited by hand; it must never refuse a log drill wrote. Its first version required a `zone.trip`'s travel_s,
 * which a group stranded on the road has not (it waits at a junction): the viewer then called every run with
 * stranded evacuees damaged. Each event shape here is one the engine writes (engine/sim/evacuation.ts tripEvent).
 */
import { describe, expect, it } from 'vitest';
import { damagedEventField } from '../../engine/review/event-fields.js';

describe("the event fields' check", () => {
  it('takes a zone.trip to a shelter, from another shelter, and stranded on the road', () => {
    const base = { t: 3600, type: 'zone.trip', id: 'valley', shelter: 'school', n: 10, set_off: 3000, nodes: ['village', 'bridge'], cum_s: [0, 450] };
    expect(damagedEventField({ ...base, travel_s: 900 })).toBeNull();
    expect(damagedEventField({ ...base, from_shelter: 'hall', travel_s: 900 })).toBeNull();
    expect(damagedEventField({ ...base, stranded: true })).toBeNull();
    expect(damagedEventField({ ...base, stranded: 'yes' })).toMatchObject({ field: 'stranded', kind: 'flag' });
    expect(damagedEventField({ ...base, travel_s: -1 })).toMatchObject({ field: 'travel_s', kind: 'count' });
  });
});
