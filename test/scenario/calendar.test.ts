import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, localTime } from '../../engine/scenario/calendar.js';

describe('calendar arithmetic (no Date in the engine)', () => {
  it('civilFromDays inverts daysFromCivil, and agrees with Date (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (z) => {
      const [y, m, d] = civilFromDays(z);
      expect(daysFromCivil(y, m, d)).toBe(z);
      const date = new Date(z * 86_400_000);
      expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).toEqual([y, m, d]);
    }));
  });

  it('reads T0 + t in T0\'s own offset, across midnight and the year end', () => {
    expect(localTime('2022-10-01T18:00:00+07:00', 6 * 3600 + 59)).toEqual({ year: 2022, month: 10, day: 2, hour: 0, minute: 0, second: 59 });
    expect(localTime('2025-12-31T23:30:00+07:00', 3600)).toEqual({ year: 2026, month: 1, day: 1, hour: 0, minute: 30, second: 0 });
    expect(localTime('not a date', 0)).toBeNull();
  });
});
