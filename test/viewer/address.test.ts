/**
 * The address a reviewer shares or types: the viewer writes the time in
 * seconds, but people type it as the rest of the product shows it (T+03:00).
 */
import { describe, expect, it } from 'vitest';
import { parseHash } from '../../viewer/src/address.js';

describe('the address', () => {
  it('reads the runs, the time, the language and the layout the app writes', () => {
    expect(parseHash('#run=0&cmp=1&t=10800&lang=vi&layout=overlay')).toEqual({ run: 0, cmp: 1, t: 10800, lang: 'vi', layout: 'overlay', badTime: null });
  });

  it('reads a time typed as the product shows it, T+03:00, with the + as typed or encoded', () => {
    for (const t of ['T+03:00', 'T%2B03:00', '3h', '180m']) expect(parseHash(`#run=0&t=${t}`).t, t).toBe(10800);
    expect(parseHash('#t=T+1d02:30').t).toBe(95_400);
  });

  it('leaves out what it cannot read, rather than guessing', () => {
    expect(parseHash('#run=x&t=soon&lang=fr&layout=grid')).toEqual({ run: null, cmp: null, t: null, lang: null, layout: null, badTime: 'soon' });
    expect(parseHash('#t=-T+01:00').t).toBeNull();
    // a time given but unread is kept as typed, for the page to say what it did instead; none given is none
    expect(parseHash('#t=T+abc').badTime).toBe('T+abc');
    expect(parseHash('#run=0').badTime).toBeNull();
  });

  it('reads digits past what a number holds exactly as no time, kept as typed, not as Infinity', () => {
    const nines = '9'.repeat(400);
    const r = parseHash(`#run=${nines}&t=${nines}`);
    expect(r.t).toBeNull();
    expect(r.run).toBeNull();
    expect(r.badTime).toBe(nines);
    expect(parseHash('#t=99999999999999999999').badTime).toBe('99999999999999999999');
  });
});
