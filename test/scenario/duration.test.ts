import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseDuration } from '../../engine/scenario/duration.js';

describe('durations', () => {
  it('reads every documented notation as whole seconds', () => {
    expect(parseDuration('90s')).toEqual({ ok: true, seconds: 90 });
    expect(parseDuration('45m')).toEqual({ ok: true, seconds: 2700 });
    expect(parseDuration('2h30m')).toEqual({ ok: true, seconds: 9000 });
    expect(parseDuration('1d6h')).toEqual({ ok: true, seconds: 108000 });
    expect(parseDuration('T+02:30')).toEqual({ ok: true, seconds: 9000 });
    expect(parseDuration('T+02:30:15')).toEqual({ ok: true, seconds: 9015 });
    expect(parseDuration('T+1d02:30')).toEqual({ ok: true, seconds: 95400 });
  });

  it('parses a minus sign so that the loader can say "negative"', () => {
    expect(parseDuration('-10m')).toEqual({ ok: true, seconds: -600 });
  });

  it('rejects what is not a duration, with the text in the message', () => {
    for (const bad of ['', '10', 'ten minutes', '25:99', 'T+02:75', '2x', 'h']) {
      const r = parseDuration(bad);
      expect(r.ok, bad).toBe(false);
    }
  });

  it('formats back to text that parses to the same seconds (both forms)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 * 86400 }), (s) => {
      expect(parseDuration(formatDuration(s))).toEqual({ ok: true, seconds: s });
      expect(parseDuration(formatClock(s))).toEqual({ ok: true, seconds: s });
    }));
  });
});
