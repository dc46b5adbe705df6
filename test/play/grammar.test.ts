import { describe, expect, it } from 'vitest';
import { parseLine, tokenize } from '../../engine/play/grammar.js';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const ctx = { isArea: (id: string) => ['ta-ca', 'muong-xen'].includes(id) };
const ok = (line: string) => {
  const r = parseLine(line, ctx);
  if (!r.ok || r.value === null) throw new Error(`did not parse: ${line}`);
  return { verb: r.value.verb.id, args: r.value.args, step: r.value.step, at: r.value.at };
};
const problem = (line: string) => problem2(line, ctx);
function problem2(line: string, c: Parameters<typeof parseLine>[1]) {
  const r = parseLine(line, c);
  if (r.ok) throw new Error(`parsed: ${line}`);
  return r.problem;
}

describe('parseLine', () => {
  it('reads orders with and without their filler words', () => {
    expect(ok('dispatch tc-militia ta-ca-houses')).toMatchObject({ verb: 'dispatch', args: { unit: 'tc-militia', incident: 'ta-ca-houses' } });
    expect(ok('dispatch tc-militia to ta-ca-houses')).toMatchObject({ verb: 'dispatch', args: { unit: 'tc-militia', incident: 'ta-ca-houses' } });
    expect(ok('DISPATCH tc-militia TO ta-ca-houses')).toMatchObject({ verb: 'dispatch' });
    expect(ok('open shelter ta-ca-school')).toMatchObject({ verb: 'open_shelter', args: { shelter: 'ta-ca-school' } });
    expect(ok('open_shelter ta-ca-school')).toMatchObject({ verb: 'open_shelter' });
    expect(ok('open road ql7-hk-tc')).toMatchObject({ verb: 'open_road', args: { road: 'ql7-hk-tc' } });
    expect(ok('declare level 1')).toMatchObject({ verb: 'declare_level', args: { level: '1' } });
    expect(ok('declare level 1 in ta-ca')).toMatchObject({ args: { level: '1', area: 'ta-ca' } });
    expect(ok('declare level 0 ta-ca')).toMatchObject({ args: { level: '0', area: 'ta-ca' } });
    expect(ok('request support')).toMatchObject({ verb: 'request_support', args: {} });
    expect(ok('request support for ta-ca')).toMatchObject({ args: { area: 'ta-ca' } });
    expect(ok('sea ban')).toMatchObject({ verb: 'sea_ban' });
  });

  it('reads the commands and filler words in Vietnamese, with or without diacritics, as the English ones', () => {
    expect(ok('sơ tán ta-ca-riverside')).toEqual(ok('evacuate ta-ca-riverside'));
    expect(ok('so tan ta-ca-riverside')).toEqual(ok('evacuate ta-ca-riverside'));
    expect(ok('Sơ Tán ta-ca-riverside')).toEqual(ok('evacuate ta-ca-riverside'));
    // typed in decomposed form (some keyboards and pastes): the same
    expect(ok('so\u031b ta\u0301n ta-ca-riverside')).toEqual(ok('evacuate ta-ca-riverside'));
    expect(ok('điều động tc-militia đến ta-ca-houses')).toEqual(ok('dispatch tc-militia to ta-ca-houses'));
    expect(ok('dieu dong tc-militia den ta-ca-houses')).toEqual(ok('dispatch tc-militia to ta-ca-houses'));
    expect(ok('ban bố cấp 1 tại ta-ca')).toEqual(ok('declare level 1 in ta-ca'));
    // "cấp độ", as the law, the directives and the session's own refusals say it (it read 'độ' as the level)
    for (const vi of ['ban bố cấp độ 1 tại ta-ca', 'ban bo cap do 1 tai ta-ca', 'công bố cấp độ 1 tại ta-ca']) expect(ok(vi), vi).toEqual(ok('declare level 1 in ta-ca'));
    expect(ok('xin hỗ trợ cho ta-ca')).toEqual(ok('request support for ta-ca'));
    expect(ok('thông báo ta-ca Người dân lên chỗ cao')).toEqual(ok('public info in ta-ca Người dân lên chỗ cao'));
    expect(ok('tiếp 30m')).toEqual(ok('advance 30m'));
    // until, in the words a Vietnamese trainee writes it (a tester's `tiếp đến T+03:15` was not understood)
    for (const vi of ['tiếp đến T+03:15', 'tiếp tới T+03:15', 'tiep den T+03:15', 'tiếp tục đến 3h15m']) expect(ok(vi), vi).toEqual(ok('advance until T+03:15'));
    expect(ok('tiếp đến hết')).toEqual(ok('advance until end'));
    expect(ok('tiep den het')).toEqual(ok('advance until end'));
    for (const [vi, en] of [['giúp', 'help'], ['thoát', 'quit'], ['bảng', 'board'], ['tin nhắn', 'messages'], ['hoàn tác', 'undo'], ['cấm biển', 'sea ban']]) expect(ok(vi), vi).toEqual(ok(en));
    // an English typo is not answered with a Vietnamese word
    expect(problem('tie 30m')).not.toMatchObject({ params: { guess: expect.stringMatching(/tiep|tiếp/) } });
  });

  it('reads ids whatever their case (Caps Lock on), since a scenario\'s ids are lower case; text and file names keep theirs', () => {
    expect(ok('Evacuate TA-CA-RIVERSIDE')).toMatchObject({ verb: 'evacuate', args: { zone: 'ta-ca-riverside' } });
    expect(ok('DISPATCH TC-Militia TO Ta-Ca-Houses')).toMatchObject({ args: { unit: 'tc-militia', incident: 'ta-ca-houses' } });
    expect(ok('answer Night-Evacuation EVACUATE-NOW')).toMatchObject({ args: { inject: 'night-evacuation', option: 'evacuate-now' } });
    expect(ok('role MX-CHAIR')).toMatchObject({ args: { role: 'mx-chair' } });
    expect(ok('public info TA-CA No Dam Has Broken')).toMatchObject({ args: { area: 'ta-ca', text: 'No Dam Has Broken' } });
    expect(ok('inject TC-CHAIR Status | How Many?')).toMatchObject({ args: { role: 'tc-chair', text: 'Status | How Many?' } });
    expect(ok('save Runs/Table.json')).toMatchObject({ args: { file: 'Runs/Table.json' } });
  });

  it('takes the rest of the line as the file name of save, spaces and all (a folder named "Diễn tập 2025"), quoted or not', () => {
    expect(ok('save Diễn tập 2025/ky son.json')).toMatchObject({ verb: 'save', args: { file: 'Diễn tập 2025/ky son.json' } });
    expect(ok('save "Diễn tập 2025/ky son.json"')).toMatchObject({ args: { file: 'Diễn tập 2025/ky son.json' } });
    expect(ok('lưu  bàn 1.json ')).toMatchObject({ verb: 'save', args: { file: 'bàn 1.json' } });
  });

  it('tells an area from the first word of a public message', () => {
    expect(ok('public info muong-xen "No dam has broken"')).toMatchObject({ args: { area: 'muong-xen', text: 'No dam has broken' } });
    expect(ok('public info No dam has broken')).toMatchObject({ args: { text: 'No dam has broken' } });
    expect(ok('public info in ta-ca Stay calm, "all" is well')).toMatchObject({ args: { area: 'ta-ca', text: 'Stay calm, "all" is well' } });
  });

  it('refuses a public message whose opening quote is never closed (it went out with the stray quote mark)', () => {
    expect(problem('public info "Bà con yên tâm')).toEqual({ key: 'parse.unclosed-quote' });
    expect(problem('thông báo ta-ca "Không có vỡ đập')).toEqual({ key: 'parse.unclosed-quote' });
    expect(ok('public info "Bà con yên tâm"')).toMatchObject({ args: { text: 'Bà con yên tâm' } });
    expect(ok('public info "Không vỡ đập", bà con yên tâm')).toMatchObject({ args: { text: '"Không vỡ đập", bà con yên tâm' } });
  });

  it('reads answer with or without the inject', () => {
    expect(ok('answer evacuate-now')).toMatchObject({ verb: 'answer', args: { option: 'evacuate-now' } });
    expect(ok('answer night-evacuation evacuate-now')).toMatchObject({ args: { inject: 'night-evacuation', option: 'evacuate-now' } });
  });

  it('reads the words a trainee reaches for first: next or wait moves the clock, status shows the board', () => {
    expect(ok('next')).toMatchObject({ verb: 'advance', step: { kind: 'next' } });
    expect(ok('wait 1h')).toMatchObject({ verb: 'advance', step: { kind: 'by', s: 3600 } });
    expect(ok('wait until T+03:00')).toMatchObject({ verb: 'advance', step: { kind: 'at', t: 10800 } });
    expect(ok('chờ 30m')).toMatchObject({ verb: 'advance', step: { kind: 'by', s: 1800 } });
    expect(ok('đợi')).toMatchObject({ verb: 'advance', step: { kind: 'next' } });
    // chờ typed with no Vietnamese input
    expect(ok('cho 30 phut')).toMatchObject({ verb: 'advance', step: { kind: 'by', s: 1800 } });
    expect(ok('status').verb).toBe('board');
    expect(ok('STATUS').verb).toBe('board');
    expect(ok('trạng thái').verb).toBe('board');
    expect(ok('trang thai').verb).toBe('board');
  });

  it('reads how far to advance', () => {
    expect(ok('advance').step).toEqual({ kind: 'next' });
    expect(ok('advance until next inject').step).toEqual({ kind: 'next' });
    expect(ok('advance 30m').step).toEqual({ kind: 'by', s: 1800 });
    expect(ok('advance 1h30m').step).toEqual({ kind: 'by', s: 5400 });
    expect(ok('advance T+03:00').step).toEqual({ kind: 'at', t: 10800 });
    expect(ok('advance until T+03:00').step).toEqual({ kind: 'at', t: 10800 });
    expect(ok('advance until end').step).toEqual({ kind: 'end' });
    // a step as Vietnamese write it: 'phút' or 'p' for minutes, 'giờ' or 'g' for hours, marks or none
    expect(ok('tiếp 10p').step).toEqual({ kind: 'by', s: 600 });
    expect(ok('tiếp 10 phút').step).toEqual({ kind: 'by', s: 600 });
    expect(ok('tiep 2 gio').step).toEqual({ kind: 'by', s: 7200 });
    expect(ok('tiếp 1 giờ 30 phút').step).toEqual({ kind: 'by', s: 5400 });
    expect(ok('tiếp 1g30p').step).toEqual({ kind: 'by', s: 5400 });
    expect(problem('tiếp 0p').key).toBe('parse.bad-step');
    // after until a time is meant, not a step
    expect(problem('tiếp đến 10p').key).toBe('parse.bad-step');
    expect(problem('advance 0').key).toBe('parse.bad-step');
    expect(problem('advance soon').key).toBe('parse.bad-step');
  });

  /** The readings offered for a time typed in a form that does not read: [kind, where it takes the clock, the line to type]. */
  const readings = (line: string, c: Parameters<typeof parseLine>[1] = ctx) => {
    const r = parseLine(line, c);
    if (r.ok) throw new Error(`parsed: ${line}`);
    return { key: r.problem.key, readings: (r.problem.readings ?? []).map((x) => [x.kind, x.t / 60, x.write]) };
  };

  it('for a time written like a clock (5:00), says the T+ form to write, and the step too when it could be one', () => {
    expect(readings('advance 5:00')).toEqual({ key: 'parse.time-readings', readings: [['at', 300, 'advance T+05:00'], ['by', 300, 'advance 5h']] });
    expect(readings('advance until 05:40')).toEqual({ key: 'parse.time-readings', readings: [['at', 340, 'advance until T+05:40']] });
    expect(readings('advance t+05:40')).toEqual({ key: 'parse.time-readings', readings: [['at', 340, 'advance T+05:40']] });
    expect(readings('jump 5:00')).toEqual({ key: 'parse.time-readings', readings: [['at', 300, 'jump T+05:00']] });
    expect(readings('inject tc-chair at 6:30 Call | Call the chair')).toEqual({ key: 'parse.time-readings', readings: [['at', 390, 'T+06:30']] });
    // hours and minutes without the minutes' unit: a step
    expect(readings('advance 1h30')).toEqual({ key: 'parse.time-readings', readings: [['by', 90, 'advance 1h30m']] });
  });

  it('for a bare number (advance 10), suggests it in minutes, with the other units', () => {
    expect(problem('advance 10')).toEqual({ key: 'parse.bad-step-number', params: { value: '10', step: '10m' } });
    expect(problem('wait 90')).toEqual({ key: 'parse.bad-step-number', params: { value: '90', step: '90m' } });
    expect(problem('tiếp 10')).toEqual({ key: 'parse.bad-step-number', params: { value: '10', step: '10m' } });
    expect(problem('advance 0').key).toBe('parse.bad-step');
  });

  it('for a bare number after until (advance until 10), suggests the whole command to that time on the exercise clock: until says a time is meant', () => {
    expect(readings('advance until 10')).toEqual({ key: 'parse.time-readings', readings: [['at', 600, 'advance until T+10:00']] });
    expect(readings('tiếp đến 9')).toEqual({ key: 'parse.time-readings', readings: [['at', 540, 'tiếp đến T+09:00']] });
    expect(readings('advance to 1030')).toEqual({ key: 'parse.time-readings', readings: [['at', 630, 'advance to T+10:30']] });
    // hours and minutes as Vietnamese write the time of day: until a time, not a step of 10h30m
    expect(readings('tiếp đến 10h30')).toEqual({ key: 'parse.time-readings', readings: [['at', 630, 'tiếp đến T+10:30']] });
    expect(readings('tiếp đến 10g30')).toEqual({ key: 'parse.time-readings', readings: [['at', 630, 'tiếp đến T+10:30']] });
    expect(readings('tiếp đến 10g')).toEqual({ key: 'parse.time-readings', readings: [['at', 600, 'tiếp đến T+10:00']] });
    // no time at all: the plain hint (minutes past 59, figures past 23:59, nothing)
    expect(problem('advance until 1075').key).toBe('parse.bad-step');
    expect(problem('advance until 3000').key).toBe('parse.bad-step');
    expect(problem('advance until 0').key).toBe('parse.bad-step');
    // what read before still reads
    expect(ok('advance until end')).toMatchObject({ verb: 'advance' });
    expect(ok('tiếp đến hết')).toMatchObject({ verb: 'advance' });
    expect(ok('advance to T+03:00')).toMatchObject({ verb: 'advance' });
  });

  it('never suggests a time past the exercise\'s end when it knows the end: it says the end, and how to play to it in the words typed', () => {
    const end = { ...ctx, end: 20 * 3600 };
    const after = (line: string) => parseLine(line, end);
    expect(after('advance until 25:00')).toMatchObject({ ok: false, problem: { key: 'parse.time-readings-none', params: { value: '25:00', end: 'T+20:00', toend: 'advance until end', alt: 'advance until T+20:00' } } });
    expect(after('advance until 2130')).toMatchObject({ ok: false, problem: { key: 'parse.time-readings-none', params: { toend: 'advance until end' } } });
    expect(after('advance 21:00')).toMatchObject({ ok: false, problem: { key: 'parse.time-readings-none', params: { toend: 'advance until end', alt: 'advance 20h' } } });
    expect(after('tiếp 21:00')).toMatchObject({ ok: false, problem: { key: 'parse.time-readings-none', params: { toend: 'tiếp đến hết', alt: 'tiếp 20h' } } });
    expect(after('tiep 21:00')).toMatchObject({ ok: false, problem: { key: 'parse.time-readings-none', params: { toend: 'tiep den het' } } });
    expect(after('jump 25:00')).toMatchObject({ ok: false, problem: { key: 'parse.time-readings-none-time', params: { value: '25:00', now: 'T+00:00', end: 'T+20:00' } } });
    // up to the end: the T+ form, as before
    expect(readings('advance until 20:00', end)).toEqual({ key: 'parse.time-readings', readings: [['at', 1200, 'advance until T+20:00']] });
  });

  describe('with the time now and the wall clock (the drill starts at 20:00 and lasts 4 hours)', () => {
    const at = (now: number) => ({ ...ctx, end: 4 * 3600, now: now * 60, start: '2025-09-20T20:00:00+07:00' });
    it('reads a time of day as the wall clock, the next time it shows it: advance 23:00 goes to T+03:00', () => {
      // T+23:00 and 23h from now are after the end: the clock time is the one reading left
      expect(readings('advance 23:00', at(0))).toEqual({ key: 'parse.time-readings', readings: [['clock', 180, 'advance T+03:00']] });
      expect(readings('advance until 23:00', at(0))).toEqual({ key: 'parse.time-readings', readings: [['clock', 180, 'advance until T+03:00']] });
      expect(readings('tiếp đến 22h30', at(90))).toEqual({ key: 'parse.time-readings', readings: [['clock', 150, 'tiếp đến T+02:30']] });
      expect(readings('tiếp đến 23 giờ', at(90))).toEqual({ key: 'parse.time-readings', readings: [['clock', 180, 'tiếp đến T+03:00']] });
      expect(readings('jump 23:00', at(0))).toEqual({ key: 'parse.time-readings', readings: [['clock', 180, 'jump T+03:00']] });
      expect(readings('inject r at 21:15 a | b', at(0))).toEqual({ key: 'parse.time-readings', readings: [['clock', 75, 'T+01:15']] });
    });
    it('counts a step from now, and offers no reading that has passed or goes past the end', () => {
      // at T+01:30, 3h forward is T+04:30: only T+03:00 is left
      expect(readings('advance 3:00', at(90))).toEqual({ key: 'parse.time-readings', readings: [['at', 180, 'advance T+03:00']] });
      // T+01:00 has passed, 01:00 by the clock is after the end: one hour forward is left
      expect(readings('advance 1:00', at(90))).toEqual({ key: 'parse.time-readings', readings: [['by', 150, 'advance 1h']] });
      // none left: all of them, to say why, with how to play to the end
      const none = parseLine('advance 5:00', at(90));
      expect(none).toMatchObject({ ok: false, problem: { key: 'parse.time-readings-none', params: { now: 'T+01:30', end: 'T+04:00', toend: 'advance until end', alt: 'advance 2h30m' } } });
      expect(readings('advance 5:00', at(90)).readings).toEqual([['at', 300, 'advance T+05:00'], ['by', 390, 'advance 5h'], ['clock', 540, 'advance T+09:00']]);
      // a number alone: minutes, and hours only when they fit
      expect(problem2('advance 5', at(90))).toEqual({ key: 'parse.bad-step-number-minutes', params: { value: '5', step: '5m', end: 'T+04:00' } });
      expect(problem2('advance 2', at(90))).toEqual({ key: 'parse.bad-step-number', params: { value: '2', step: '2m' } });
      expect(readings('advance 300', at(90))).toMatchObject({ key: 'parse.time-readings-none', readings: [['by', 390, 'advance 300m']] });
    });
    it('a step in hours past the end that is a time of day within it (chờ 22h, tiếp 23 giờ, advance until 23h) offers the clock time', () => {
      expect(readings('chờ 22h', at(90))).toEqual({ key: 'parse.step-hours-clock', readings: [['clock', 120, 'chờ T+02:00']] });
      expect(readings('tiếp 23 giờ', at(90))).toEqual({ key: 'parse.step-hours-clock', readings: [['clock', 180, 'tiếp T+03:00']] });
      expect(readings('advance until 23h', at(90))).toEqual({ key: 'parse.until-hours-clock', readings: [['clock', 180, 'advance until T+03:00']] });
      // within the end they are the step and the time they always were
      expect(parseLine('tiếp 2 giờ', at(90))).toMatchObject({ ok: true, value: { step: { kind: 'by', s: 7200 } } });
      expect(parseLine('advance until 3h', at(90))).toMatchObject({ ok: true, value: { step: { kind: 'at', t: 10800 } } });
      // and past the end with no time of day within it, the session refuses them with the length left
      expect(parseLine('advance 30h', at(90))).toMatchObject({ ok: true, value: { step: { kind: 'by', s: 30 * 3600 } } });
    });
  });

  it('reads the controller\'s commands', () => {
    expect(ok('hold dam-rumour')).toMatchObject({ verb: 'hold', args: { inject: 'dam-rumour' } });
    expect(ok('jump T+04:00')).toMatchObject({ verb: 'jump', at: 14400 });
    expect(ok('jump to T+04:00')).toMatchObject({ verb: 'jump', at: 14400 });
    // a length alone is not a time for jump (advance 5m moves on by 5m)
    expect(problem('jump 5m')).toEqual({ key: 'parse.jump-length', params: { value: '5m', step: '5m' } });
    expect(problem('jump to 1h30m')).toEqual({ key: 'parse.jump-length', params: { value: '1h30m', step: '1h30m' } });
    expect(ok('inject tc-chair Road check | Report QL7')).toMatchObject({ verb: 'inject', args: { role: 'tc-chair', text: 'Road check | Report QL7' } });
    expect(ok('inject tc-chair at T+02:00 Road check')).toMatchObject({ args: { role: 'tc-chair', text: 'Road check' }, at: 7200 });
    expect(ok('add inject tc-chair Road check')).toMatchObject({ verb: 'inject' });
  });

  it('says what is wrong with a malformed line', () => {
    expect(problem('dispatch tc-militia')).toEqual({ key: 'parse.missing', params: { arg: 'incident' } });
    expect(problem('dispatch a b c')).toEqual({ key: 'parse.unexpected', params: { word: 'c' } });
    expect(problem('declare level 4')).toEqual({ key: 'parse.bad-level', params: { value: '4' } });
    expect(problem('jump tomorrow')).toEqual({ key: 'parse.bad-time', params: { value: 'tomorrow' } });
    expect(problem('evacuat ta-ca-riverside')).toEqual({ key: 'parse.unknown-verb-guess', params: { word: 'evacuat', guess: 'evacuate' } });
    expect(problem('fly away')).toEqual({ key: 'parse.unknown-verb', params: { word: 'fly' } });
    // two letters swapped, the commonest slip at a keyboard, is one step from the word meant
    expect(problem('wiat 30m')).toEqual({ key: 'parse.unknown-verb-guess', params: { word: 'wiat', guess: 'wait' } });
    expect(problem('dipsatch tc-militia to ta-ca-houses')).toEqual({ key: 'parse.unknown-verb-guess', params: { word: 'dipsatch', guess: 'dispatch' } });
  });

  it('suggests the Vietnamese command meant for a misspelt one, as for an English one, with or without diacritics', () => {
    const guess = (word: string, guess: string) => ({ key: 'parse.unknown-verb-guess', params: { word, guess } });
    // `dieu` alone is dispatch too: `dieu dongg` was read as dispatching a unit 'dongg'
    expect(problem('dieu dongg tc-militia den ta-ca-houses')).toEqual(guess('dieu dongg', 'dieu dong'));
    expect(problem('điều độngg tc-militia đến ta-ca-houses')).toEqual(guess('điều độngg', 'điều động'));
    expect(problem('so tann ta-ca-riverside')).toEqual(guess('so tann', 'so tan'));
    expect(problem('sơ tánn ta-ca-riverside')).toEqual(guess('sơ tánn', 'sơ tán'));
    expect(problem('xin ho troo cho ta-ca')).toEqual(guess('xin ho troo', 'xin ho tro'));
    expect(problem('tiếp tụcc')).toEqual(guess('tiếp tụcc', 'tiếp tục'));
    // a unit whose id is near the second word is still that unit, and a right command is still read
    expect(parseLine('dieu dog to ta-ca-houses', { ...ctx, isId: (id) => id === 'dog' })).toMatchObject({ ok: true, value: { args: { unit: 'dog' } } });
    expect(ok('dieu tc-militia den ta-ca-houses')).toEqual(ok('dispatch tc-militia to ta-ca-houses'));
    expect(ok('tiếp 30m')).toEqual(ok('advance 30m'));
  });

  it('skips blank lines and comments', () => {
    expect(parseLine('   ', ctx)).toEqual({ ok: true, value: null });
    expect(parseLine('# the controller pauses here', ctx)).toEqual({ ok: true, value: null });
  });

  it('keeps quoted words together', () => {
    expect(tokenize('public info "a b" c').map((t) => t.text)).toEqual(['public', 'info', 'a b', 'c']);
  });
});

describe('tab completion', () => {
  const s = new PlaySession(loadNamed('ky-son-flash-flood'), { seed: 2022, players: ['mx-chair', 'tc-chair'], controller: true, lang: 'en' });
  s.handle('role tc-chair');
  s.handle('advance T+03:30');

  it('completes command words, only those the seat may use', () => {
    expect(s.complete('disp')).toEqual([['dispatch '], 'disp']);
    expect(s.complete('open ')[0].sort()).toEqual(['road', 'shelter']);
    expect(s.complete('ho')[0]).toEqual([]);
    expect(s.complete('')[0]).toContain('advance');
  });

  it('completes the role\'s own units, available first, then open incidents it can see', () => {
    expect(s.complete('dispatch ')[0]).toEqual(['tc-militia', 'tc-shock-team', 'tc-health']);
    expect(s.complete('dispatch tc-m')).toEqual([['tc-militia '], 'tc-m']);
    expect(s.complete('dispatch tc-militia ')[0].sort()).toEqual(['ta-ca-houses', 'ta-ca-riverside-caught']);
    expect(s.complete('dispatch tc-militia to ta-ca-h')).toEqual([['ta-ca-houses '], 'ta-ca-h']);
  });

  it('completes areas within the role\'s authority, levels it may declare, roads and seats', () => {
    expect(s.complete('declare level ')[0]).toEqual(['0', '1']);
    expect(s.complete('request support ')[0]).toEqual(['ta-ca ']);
    expect(s.complete('close road ql7-tc')[0]).toEqual(['ql7-tc-mx ']);
    expect(s.complete('role ')[0]).toEqual(['mx-chair', 'tc-chair', 'controller']);
    expect(s.complete('advance until ')[0]).toEqual(['next', 'end']);
  });

  it('completes the controller\'s injects by what can be done to them', () => {
    s.handle('role controller');
    expect(s.complete('hold ')[0]).toContain('dam-rumour');
    expect(s.complete('hold ')[0]).not.toContain('rain-bulletin');
    expect(s.complete('release ')[0]).toEqual([]);
    expect(s.complete('disp')[0]).toEqual([]);
    s.handle('role tc-chair');
  });
});
