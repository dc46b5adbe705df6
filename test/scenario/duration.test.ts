import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseDuration, suggestTime, timeHint } from '../../engine/scenario/duration.js';

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

  it('for a text that is not a time, suggests the T+ form it most likely means', () => {
    const cases: [string, string | undefined][] = [
      ['05:40', 'T+05:40'], ['5:40', 'T+05:40'], ['+05:40', 'T+05:40'], ['T05:40', 'T+05:40'], ['t+05:40', 'T+05:40'],
      ['05:40:30', 'T+05:40:30'], ['1d02:00', 'T+1d02:00'], ['T+5', 'T+05:00'], ['T+2h30m', 'T+02:30'],
      ['25:99', undefined], ['noon', undefined], ['5:4', undefined], ['T+05:40', undefined], ['2h', undefined],
    ];
    for (const [text, meant] of cases) expect(suggestTime(text), text).toBe(meant);
  });

  it('every time it suggests reads, as the time it says', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
      const meant = suggestTime(`${h}:${String(m).padStart(2, '0')}`)!;
      expect(parseDuration(meant)).toEqual({ ok: true, seconds: h * 3600 + m * 60 });
    }));
  });

  it('a hint for a time says what to write and what it means, or the forms when there is no guess', () => {
    expect(timeHint('05:41')).toBe('write T+05:41, that is 5h41m after the start');
    expect(timeHint('noon')).toBe("write it like 'T+02:30' or '2h30m', that is 2 h 30 min after the start");
  });
});
