import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationHint, formatClock, formatDuration, parseDuration, suggestDuration, suggestTime, timeHint } from '../../engine/scenario/duration.js';
import { parseScenario } from '../../engine/scenario/parse.js';

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
      ['05:40:30', 'T+05:40:30'], ['1d02:00', 'T+1d02:00'], ['T+5', 'T+05:00'], ['T+2h30m', 'T+02:30'], ['T+0030', 'T+00:30'], ['T+1860', undefined],
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

  it('for a text that is not a duration, suggests the compact form it most likely means (units in words, Vietnamese too, decimals)', () => {
    const cases: [string, string | undefined][] = [
      ['20 min', '20m'], ['20mins', '20m'], ['20 phút', '20m'], ['30 p', '30m'], ['1 h', '1h'], ['5 tiếng', '5h'], ['30M', '30m'],
      ['1.5h', '1h30m'], ['2,5 giờ', '2h30m'], ['1h30', '1h30m'], ['1h 30', '1h30m'], ['1 hour 30 minutes', '1h30m'], ['1d 6h', '1d6h'],
      ['PT20M', '20m'],
      // a whole number of one unit keeps its unit: the planner counted in hours, not days
      ['24hrs', '24h'], ['36 hours', '36h'], ['90 min', '90m'], ['48 giờ', '48h'],
      // 00:20 may be 20 minutes or 20 seconds: no guess
      ['1:30', undefined], ['00:30', undefined], ['45m', undefined], ['abc', undefined], ['h', undefined], ['1h2d', undefined], ['90', undefined],
    ];
    for (const [text, meant] of cases) expect(suggestDuration(text), text).toBe(meant);
  });

  it('every duration it suggests for a number and a unit word reads, as that many seconds (property)', () => {
    const words: [string, number][] = [['min', 60], ['phút', 60], ['h', 3600], ['giờ', 3600], ['hours', 3600], ['sec', 1], ['ngày', 86400]];
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.constantFrom(...words), fc.constantFrom('', ' '), (n, [word, unit], gap) => {
      const text = `${n}${gap}${word}`;
      fc.pre(!parseDuration(text).ok); // '90h' reads already: nothing to suggest
      const meant = suggestDuration(text)!;
      expect(parseDuration(meant)).toEqual({ ok: true, seconds: n * unit });
    }));
  });

  it('the loader says what to write for such a duration, and for such a time', () => {
    const minimal = `drillsim: 1\nid: m\ntitle: M\nexercise: tabletop\nstart: "2025-09-20T20:00:00+07:00"\nhorizon: 10h\nareas:\n  - { id: a, name: A, tier: province, population: 10, coords: { lat: 19, lon: 105 } }\n`;
    const issue = (extra: string) => { const r = parseScenario(minimal + extra, 'm.yaml'); return r.ok ? [] : r.issues.map((i) => `${i.message} (${i.hint})`); };
    expect(issue('keyframe_every: 20 phút\n')).toEqual(["'20 phút' is not a duration (write 20m)"]);
    expect(issue('keyframe_every: 1.5h\n')).toEqual(["'1.5h' is not a duration (write 1h30m)"]);
    expect(issue('incident_kinds: []\nincidents:\n  - { id: i, at: 7h 30 min, kind: k, area: a }\n').filter((m) => m.includes('7h 30'))).toEqual(["'7h 30 min' is not a time (write T+07:30, that is 7h30m after the start)"]);
    // written as the clock, the Vietnamese way (20h20 is twenty past eight in the evening): the T+ for that clock time too (the start is 20:00)
    const at = (t: string) => issue(`incident_kinds: []\nincidents:\n  - { id: i, at: ${t}, kind: k, area: a }\n`).filter((m) => m.includes('is not a time'));
    // the T+ reading of 20h20 is past the 10 h horizon: only the clock reading is advice
    expect(at('20h20')).toEqual(["'20h20' is not a time (T+20:20 is after the scenario's end, T+10:00; if you meant the clock time 20:20, write T+00:20)"]);
    expect(at('20 giờ 45')).toEqual(["'20 giờ 45' is not a time (T+20:45 is after the scenario's end, T+10:00; if you meant the clock time 20:45, write T+00:45)"]);
    expect(at('"02:30"')).toEqual(["'02:30' is not a time (write T+02:30, that is 2h30m after the start; if you meant the clock time 02:30 the next day, write T+06:30)"]);
    expect(at('19h30')).toEqual(["'19h30' is not a time (T+19:30 is after the scenario's end, T+10:00; the clock time 19:30 the next day would be T+23:30, after the end of the scenario (horizon 10h))"]);
    // `22h` is a length too (T+22:00), so it reads, past the end: the clock reading, 22:00, is what was meant (it was not said)
    const past = (t: string) => issue(`incident_kinds: []\nincidents:\n  - { id: i, at: ${t}, kind: k, area: a }\n`).filter((m) => m.includes('after the end'));
    expect(past('22h')).toEqual(["incident 'i' at 22h is after the end of the scenario (horizon 10h) (move it earlier or lengthen `horizon`; if you meant the clock time 22:00, write T+02:00)"]);
    // a clock reading that falls past the end too is no answer: not given
    expect(past('12h')).toEqual(["incident 'i' at 12h is after the end of the scenario (horizon 10h) (move it earlier or lengthen `horizon`)"]);
    expect(durationHint('ten minutes')).toBe("write it like '90s', '45m', '2h30m', '1d6h' or 'T+02:30'");
  });
});
