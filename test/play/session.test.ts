import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { readRunLog, runScenario, serializeRunLog, verifyRunLog } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { kySonWithMarkup, loadNamed, MARKUP } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');
const minimal = loadNamed('minimal');

const text = (s: PlaySession) => serializeRunLog(s.log()).join('');

function session(players: string[], controller = false, lang: 'vi' | 'en' = 'en', scenario = kySon) {
  return new PlaySession(scenario, { seed: scenario.seed ?? 1, players, controller, lang });
}

function play(s: PlaySession, lines: string[]) {
  return lines.map((l) => s.handle(l));
}

/** A whole Kỳ Sơn session (two trainee roles and the controller), and the same decisions written by hand as a decisions file. */
const KY_SON_SCRIPT = readFileSync(join(ROOT, 'test/fixtures/play/ky-son.session'), 'utf8').split('\n');
const KY_SON_DECISIONS = readFileSync(join(ROOT, 'test/fixtures/play/ky-son.decisions.yaml'), 'utf8');

describe('a play session', () => {
  it('typed line by line gives a run log byte-identical to running the equivalent decisions file', () => {
    const s = session(['tc-chair', 'mx-chair'].sort(), true);
    const replies = play(s, KY_SON_SCRIPT);
    expect(replies.filter((r) => r.refused).map((r) => r.text)).toEqual([]);
    expect(s.finished).toBe(true);
    const dec = parseDecisions(KY_SON_DECISIONS, 'equivalent.yaml', kySon);
    if (!dec.ok) throw new Error(dec.issues.map((i) => i.message).join('\n'));
    const file = runScenario(kySon, { seed: 2022, decisions: dec.value.decisions, players: dec.value.players }).log!;
    expect(text(s)).toBe(serializeRunLog(file).join(''));
    // the orders really reached the engine
    expect(s.log().events.filter((e) => e.includes('"type":"decision"') && e.includes('"author":"trainee"')).length).toBeGreaterThanOrEqual(8);
  });

  it('refuses an unknown unit, a busy unit, a command outside the role\'s authority and a malformed line, saying why and changing nothing', () => {
    const s = session(['tc-chair']);
    play(s, ['advance T+03:30', 'dispatch tc-militia ta-ca-houses']);
    const hash = s.worldHash();
    const log = text(s);
    const decisions = s.decisions.length;
    const cases: [string, RegExp][] = [
      ['dispatch tc-miltia ta-ca-houses', /no unit 'tc-miltia' \(did you mean 'tc-militia'\?\)/],
      ['dispatch tc-militia ta-ca-houses', /unit 'tc-militia' is busy: mobilising/],
      ['dispatch hk-militia ta-ca-houses', /you do not command unit 'hk-militia': it answers to .*hk-chair/],
      ['declare level 2', /you may not declare level 2 \(you may declare 1\)/],
      ['evacuate muong-xen-lowland', /Mường Xén is outside your authority/],
      ['dispatch tc-shock-team', /cannot read that: missing <incident>[\s\S]*usage: dispatch <unit> \[to\] <incident>/],
      ['declare level nine', /level 'nine' is not 0, 1, 2 or 3/],
      ['dispach tc-shock-team ta-ca-houses', /unknown command 'dispach' \(did you mean 'dispatch'\?\)/],
      ['hold dam-rumour', /only the controller may do that/],
    ];
    for (const [line, why] of cases) {
      const r = s.handle(line);
      expect(r.refused, line).toBe(true);
      expect(r.text, line).toMatch(why);
      expect(s.worldHash(), line).toBe(hash);
      expect(text(s), line).toBe(log);
      expect(s.decisions.length, line).toBe(decisions);
    }
  });

  it('applies the default when a decision point\'s deadline passes, on the board and in the log', () => {
    const s = session(['mx-chair']);
    const r = s.handle('advance until T+02:20');
    expect(r.text).toMatch(/T\+02:15 {2}night-evacuation: no answer by the deadline; default applied: wait-for-daylight \(Wait for daylight\)/);
    expect(r.text).toMatch(/decision: no answer by T\+02:15; default applied: wait-for-daylight/);
    expect(s.handle('board').text).toMatch(/decision: no answer by T\+02:15; default applied: wait-for-daylight/);
    const events = s.log().events.map((e) => JSON.parse(e));
    expect(events).toContainEqual({ t: 8100, type: 'inject.expired', id: 'night-evacuation', option: 'wait-for-daylight' });
    expect(events.some((e) => e.type === 'inject.answered')).toBe(false);
    expect(s.handle('answer evacuate-now').refused).toBe(true);
  });

  it('says an answer\'s order that found the zone already moving changed nothing, not that it was refused', () => {
    const s = session(['mx-chair']);
    play(s, ['evacuate muong-xen-lowland', 'advance T+01:46', 'answer evacuate-now']);
    const r = s.handle('advance 1m');
    expect(r.text).toContain('T+01:46  night-evacuation answered: evacuate-now (Evacuate now) (mx-chair)');
    expect(r.text).toContain('T+01:46  mx-chair: evacuate muong-xen-lowland (the order of answer evacuate-now): no change, already in effect');
    expect(r.text).not.toContain('refused');
  });

  it('counts an answer whose order found the zone already moving as no change, not as refused, in the end summary (both languages) and the log\'s', () => {
    for (const lang of ['en', 'vi'] as const) {
      const s = session(['mx-chair'], false, lang);
      play(s, ['evacuate muong-xen-lowland', 'advance T+01:46', 'answer evacuate-now']);
      const end = s.handle('advance until end');
      expect(s.finished).toBe(true);
      expect(end.text).toContain(lang === 'en'
        ? 'decisions: 16 taken, 0 refused, 1 no change (an answer\'s order that found it already so)'
        : 'quyết định: 16 được thực hiện, 0 bị từ chối, 1 lệnh đi kèm phương án không làm thay đổi gì (đã có hiệu lực từ trước)');
      const log = s.log();
      // 16 since engine 0.4.0: Nậm Cắn's post also goes to its own landslide at T+11:51, covered until then only by units far on their way
      expect(log.summary.decisions).toEqual({ taken: 16, refused: 0, no_change: 1 });
      // the engine still logs the order as refused with no-change (the event stream is as before)
      expect(log.events.filter((e) => e.includes('"type":"decision.refused"'))).toEqual([expect.stringContaining('"code":"no-change"')]);
    }
  });

  it('shows a waiting decision with its deadline and refuses an answer at the deadline minute', () => {
    const s = session(['mx-chair']);
    const stop = s.handle('advance');
    expect(stop.text).toContain('(stopped: message #4 for mx-chair)');
    expect(stop.text).toMatch(/night-evacuation {2}"Evacuate the low-lying quarter tonight\?" · answer by T\+02:15 \(29 min left\)/);
    expect(stop.text).toMatch(/wait-for-daylight {2}Wait for daylight {2}\(default if nobody answers\)/);
    s.handle('advance T+02:15');
    const late = s.handle('answer evacuate-now');
    expect(late.refused).toBe(true);
    expect(late.text).toContain("the deadline of night-evacuation was T+02:15; its default 'wait-for-daylight' applies");
  });

  it('undo then re-entering the same decision gives the same log as never undoing', () => {
    const straight = session(['tc-chair']);
    play(straight, ['evacuate ta-ca-riverside', 'advance T+03:30', 'dispatch tc-militia ta-ca-houses', 'advance 1h', 'request support', 'advance until end']);
    const undone = session(['tc-chair']);
    play(undone, ['evacuate ta-ca-riverside', 'advance T+03:30', 'dispatch tc-militia ta-ca-houses', 'advance 1h', 'request support']);
    const before = undone.worldHash();
    const r = undone.handle('undo');
    expect(r.text).toContain('undone: request support for ta-ca (tc-chair, T+04:30)');
    expect(undone.t).toBe(4 * 3600 + 1800);
    expect(undone.worldHash()).toBe(before);
    undone.handle('undo');
    expect(undone.t).toBe(3 * 3600 + 1800);
    play(undone, ['dispatch tc-militia ta-ca-houses', 'advance 1h', 'request support', 'advance until end']);
    expect(text(undone)).toBe(text(straight));
  });

  it('lets a trainee take back only their own decision, and the controller any; a trainee never sees the controller\'s pending moves', () => {
    const s = session(['mx-chair', 'tc-chair'], true);
    play(s, ['role tc-chair', 'evacuate ta-ca-riverside', 'role mx-chair']);
    const r = s.handle('undo');
    expect(r.refused).toBe(true);
    expect(r.text).toContain('the last decision (evacuate ta-ca-riverside) was taken by tc-chair; only tc-chair or the controller can take it back');
    s.handle('role controller');
    s.handle('hold dam-rumour');
    s.handle('role tc-chair');
    expect(s.handle('board').text).not.toContain('hold dam-rumour');
    expect(s.handle('undo').text).toContain("the last decision (hold dam-rumour) was the controller's; only the controller can take it back");
    s.handle('role controller');
    expect(s.handle('board').text).toContain('controller: hold dam-rumour');
    expect(s.handle('undo').refused).toBeFalsy();
    expect(s.handle('undo').refused).toBeFalsy();
    expect(s.decisions).toEqual([]);
  });

  it('a session saved part-way resumes from its run log and finishes with the same log as one never interrupted', () => {
    const lines = ['evacuate ta-ca-riverside', 'advance', 'advance', 'advance T+03:20', 'dispatch tc-militia ta-ca-houses', 'advance 2h', 'declare level 1', 'advance until end'];
    const straight = session(['tc-chair']);
    play(straight, lines);
    const first = session(['tc-chair']);
    play(first, lines.slice(0, 5));
    const saved = serializeRunLog(first.log()).join('');
    const read = readRunLog(saved);
    if (!read.ok) throw new Error(read.message);
    expect(read.log.session).toEqual({ t: 3 * 3600 + 1200 });
    expect(verifyRunLog(read.log)).toMatchObject({ ok: true });
    const resumed = PlaySession.resume(read.log, { lang: 'en', controller: false });
    if (!resumed.ok) throw new Error(resumed.key);
    expect(resumed.session.t).toBe(first.t);
    expect(resumed.session.pending.map((d) => d.cmd)).toEqual([{ do: 'dispatch', unit: 'tc-militia', incident: 'ta-ca-houses' }]);
    play(resumed.session, lines.slice(5));
    expect(text(resumed.session)).toBe(text(straight));
  });

  it('resumed without --controller, role controller is refused saying the seat needs --controller and how to carry on with it, EN and VI', () => {
    const first = session(['tc-chair'], true);
    play(first, ['advance 30m']);
    const read = readRunLog(serializeRunLog(first.log()).join(''));
    if (!read.ok) throw new Error(read.message);
    for (const [lang, said] of [
      ['en', 'refused: no controller sits at this session: that seat is there only when the session is started, or resumed, with --controller; to take it, save <file>, then carry on with drill play --resume <file> --controller (seats here: tc-chair). Nothing was changed.\n'],
      ['vi', 'bị từ chối: phiên này không có ban đạo diễn: chỉ phiên được chạy hoặc mở lại với --controller mới có vai này; muốn đóng vai ban đạo diễn, hãy save <tệp> rồi chơi tiếp bằng drill play --resume <tệp> --controller (các vai tại đây: tc-chair). Không có gì thay đổi.\n'],
    ] as const) {
      const r = PlaySession.resume(read.log, { lang, controller: false });
      if (!r.ok) throw new Error(r.key);
      const [refused] = play(r.session, ['role controller']);
      expect(refused.refused).toBe(true);
      expect(refused.text).toBe(said);
      expect(r.session.seat).toBe('tc-chair');
    }
    // resumed with it, the seat is there; another role not played here is refused as before
    const withIt = PlaySession.resume(read.log, { lang: 'en', controller: true });
    if (!withIt.ok) throw new Error(withIt.key);
    expect(play(withIt.session, ['role controller'])[0].refused).toBeFalsy();
    expect(withIt.session.seat).toBe('controller');
    expect(play(withIt.session, ['role mx-chair'])[0].text).toContain("'mx-chair' is not played at this terminal; seats here: tc-chair, controller");
  });

  it("a session saved part-way ends with the count of its people still at risk (as drill run --until does), and the session goes on as if it had not been saved; a save without it (before 0.7.0) resumes", () => {
    const lines = ['evacuate ta-ca-riverside', 'advance T+03:20', 'advance 2h', 'advance until end'];
    const straight = session(['tc-chair']);
    play(straight, lines);
    const s = session(['tc-chair']);
    play(s, lines.slice(0, 2));
    const log = s.log();
    const counts = log.events.filter((e) => e.includes('"still_at_risk"'));
    expect(counts.length).toBeGreaterThan(0);
    expect(log.events.slice(-counts.length)).toEqual(counts);
    expect(log.summary.people.still_at_risk + log.summary.people.rescued + log.summary.people.lost).toBe(log.summary.people.at_risk);
    const until = runScenario(s.scenario, { seed: s.opts.seed, players: ['tc-chair'], decisions: s.decisions.map((d) => ({ ...d })), until: s.t }).log!;
    expect(log.summary.people).toEqual(until.summary.people);
    // an old save: the same log without the count
    const old = { ...log, events: log.events.slice(0, -counts.length) };
    const resumed = PlaySession.resume(old, { lang: 'en', controller: false });
    if (!resumed.ok) throw new Error(resumed.key);
    play(s, lines.slice(2));
    play(resumed.session, lines.slice(2));
    expect(text(s)).toBe(text(straight));
    expect(text(resumed.session)).toBe(text(straight));
  });

  it('a saved session whose events were edited fails drill verify at the edited event', () => {
    const s = session(['tc-chair']);
    play(s, ['evacuate ta-ca-riverside', 'advance T+02:00']);
    const log = s.log();
    const i = log.events.findIndex((e) => e.includes('"type":"zone.progress"'));
    const r = verifyRunLog({ ...log, events: log.events.map((e, k) => (k === i ? e.replace('"remaining":', '"remaining":1') : e)) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.divergence?.index).toBe(i);
  });

  it('refuses to resume a log whose events do not re-simulate', () => {
    const s = session(['tc-chair']);
    play(s, ['advance T+01:00']);
    const log = s.log();
    const bad = { ...log, events: log.events.map((e, i) => (i === 3 ? e.replace('"t":0', '"t":1') : e)) };
    const r = PlaySession.resume(bad, { lang: 'en', controller: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.key).toBe('resume.diverged');
  });

  it('resumed for a given scenario (the play page\'s), refuses a log of another scenario or of another version of it', () => {
    const s = session(['tc-chair']);
    play(s, ['evacuate ta-ca-riverside', 'advance T+01:00']);
    const log = s.log();
    const same = PlaySession.resume(log, { lang: 'en', controller: false, of: kySon, surface: 'page' });
    if (!same.ok) throw new Error(same.key);
    expect(same.session.t).toBe(3600);
    expect(same.session.opts.surface).toBe('page');
    const other = PlaySession.resume(log, { lang: 'en', controller: false, of: minimal });
    expect(other).toMatchObject({ ok: false, key: 'resume.other-scenario', params: { id: 'ky-son-flash-flood', here: minimal.id } });
    const changed = structuredClone(kySon);
    changed.seed = (changed.seed ?? 1) + 1;
    expect(PlaySession.resume(log, { lang: 'vi', controller: false, of: changed })).toMatchObject({ ok: false, key: 'resume.other-version', params: { id: 'ky-son-flash-flood' } });
  });

  it('pause stops trainees until the controller resumes', () => {
    const s = session(['tc-chair'], true);
    expect(s.handle('pause').refused).toBe(true);
    s.handle('role controller');
    expect(s.handle('pause').text).toContain('Exercise paused');
    s.handle('role tc-chair');
    expect(s.handle('advance').text).toContain('the exercise is paused by the controller');
    expect(s.handle('evacuate ta-ca-riverside').refused).toBe(true);
    expect(s.prompt()).toBe('T+00:00 tc-chair [paused]> ');
    s.handle('role controller');
    expect(s.handle('jump T+01:00').refused).toBeFalsy();
    expect(s.t).toBe(3600);
    s.handle('resume');
    s.handle('role tc-chair');
    expect(s.handle('evacuate ta-ca-riverside').refused).toBeFalsy();
  });

  it('shows scenario text as plain text: markup is not interpreted and control characters are dropped', () => {
    const s = session(['mx-chair'], false, 'vi', kySonWithMarkup());
    const r = s.handle('advance T+05:31');
    expect(r.text.replace(/\s+/g, ' ')).toContain(`người dân hoảng loạn chạy lên đồi ${MARKUP}`);
    const evil = structuredClone(kySon);
    evil.injects[0].to = 'tc-chair';
    evil.injects[0].subject = 'Bulletin\u001b[2J\u001b]0;pwned\u0007 \u202eevil';
    const e = new PlaySession(evil, { seed: 1, players: ['tc-chair'], controller: false, lang: 'en' });
    const out = e.handle('advance').text;
    expect(out).toContain('Bulletin[2J]0;pwned evil');
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe('undo and resume, over random sessions', () => {
  const POOL = [
    'evacuate ta-ca-riverside', 'dispatch tc-militia ta-ca-houses', 'dispatch tc-shock-team ta-ca-houses', 'dispatch tc-militia ta-ca-riverside-caught',
    'recall tc-militia', 'request support', 'declare level 1', 'declare level 0', 'public info "Bà con giữ bình tĩnh"', 'open shelter ta-ca-school',
    'advance', 'advance 20m', 'advance 1h', 'advance 3h',
  ];
  const script = fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 14 });

  it('undoing the last decision and typing it again never changes the log (and no trainee order is ever refused by the engine)', () => {
    fc.assert(fc.property(script, (lines) => {
      const a = session(['tc-chair']);
      const b = session(['tc-chair']);
      for (const line of lines) {
        a.handle(line);
        const r = b.handle(line);
        if (!r.refused && !line.startsWith('advance')) {
          b.handle('undo');
          b.handle(line);
        }
      }
      a.handle('advance until end');
      b.handle('advance until end');
      expect(text(b)).toBe(text(a));
      const refusedOrders = a.log().events.filter((e) => e.includes('"type":"decision.refused"') && e.includes('"author":"trainee"'));
      expect(refusedOrders).toEqual([]);
    }), { numRuns: 12 });
  });

  it('saving at any point and resuming gives the same final log as never stopping', () => {
    fc.assert(fc.property(script, fc.nat(), (lines, cut) => {
      const k = cut % (lines.length + 1);
      const a = session(['tc-chair']);
      play(a, [...lines, 'advance until end']);
      const b = session(['tc-chair']);
      play(b, lines.slice(0, k));
      const read = readRunLog(serializeRunLog(b.log()).join(''));
      if (!read.ok) throw new Error(read.message);
      const r = PlaySession.resume(read.log, { lang: 'en', controller: false });
      if (!r.ok) throw new Error(r.key);
      play(r.session, [...lines.slice(k), 'advance until end']);
      expect(text(r.session)).toBe(text(a));
    }), { numRuns: 10 });
  });
});

describe('the minimal scenario', () => {
  it('plays to the end with the only role and matches drill run on the same decisions', () => {
    const s = session(['mx-commander'], false, 'vi', minimal);
    const r = play(s, ['advance', 'dispatch mx-police collapse-1', 'dispatch mx-militia collapse-1', 'advance until end']);
    expect(r.map((x) => x.refused ?? false)).toEqual([false, false, false, false]);
    expect(r[3].text).toContain('Tổng kết lúc T+04:00');
    const file = runScenario(minimal, {
      seed: 7, players: ['mx-commander'],
      decisions: [
        { at: 21 * 60, role: 'mx-commander', author: 'trainee', cmd: { do: 'dispatch', unit: 'mx-police', incident: 'collapse-1' } },
        { at: 21 * 60, role: 'mx-commander', author: 'trainee', cmd: { do: 'dispatch', unit: 'mx-militia', incident: 'collapse-1' } },
      ],
    }).log!;
    expect(text(s)).toBe(serializeRunLog(file).join(''));
  });
});

describe('a time past the end typed at advance (a helper found one slip ended the exercise for good)', () => {
  it('is refused, saying the end and how to play to it, EN and VI; nothing moves', () => {
    const s = session(['tc-chair']);
    const [r] = play(s, ['advance T+99:00']);
    expect(r.text).toBe('refused: T+99:00 is after the end of the exercise (T+18:00): write advance T+18:00 or advance until end to play it to the end. Nothing was changed.\n');
    expect(s.t).toBe(0);
    const vi = session(['tc-chair'], false, 'vi');
    expect(play(vi, ['advance T+19:00'])[0].text).toContain('bị từ chối: T+19:00 là sau khi kết thúc diễn tập (T+18:00): hãy viết advance T+18:00 hoặc advance until end để chơi đến hết');
  });

  it('so is a length that goes past the end (30h typed for 30m), saying the length left; one that reaches the end exactly is played', () => {
    const s = session(['tc-chair']);
    play(s, ['advance 31m']);
    const [r] = play(s, ['advance 30h']);
    expect(r.refused).toBe(true);
    expect(r.text).toBe('refused: 30h from now is T+30:31, after the end of the exercise (T+18:00): write advance 17h29m or advance until end to play it to the end. Nothing was changed.\n');
    expect(s.t).toBe(31 * 60);
    expect(s.finished).toBe(false);
    const vi = session(['tc-chair'], false, 'vi');
    expect(play(vi, ['advance 25h'])[0].text).toContain('bị từ chối: 25h nữa là T+25:00, sau khi kết thúc diễn tập (T+18:00): hãy viết advance 18h hoặc advance until end để chơi đến hết');
    // 19h of a drill that starts at 18:00 is also a time of day within it (19:00 is T+01:00): offered with the length left
    expect(play(vi, ['tiếp 19h'])[0].text).toContain("'19h' nữa là T+19:00, đã quá giờ kết thúc diễn tập (T+18:00): hãy viết tiếp 18h hoặc tiếp đến hết để chơi đến hết, hoặc, nếu ý bạn là giờ đồng hồ, tiếp T+01:00 (đến 19:00 01/10/2022 theo giờ đồng hồ)");
    // the length it says takes it to the end
    play(s, ['advance 17h29m']);
    expect(s.finished).toBe(true);
  });

  it('a slip read as a time past the end (advance until 25:00 in an 18-hour drill) says the end, not a time that would be refused in turn, EN and VI', () => {
    const s = session(['tc-chair']);
    const [r] = play(s, ['advance until 25:00']);
    expect(r.refused).toBe(true);
    expect(r.text).toContain("'25:00' is not a time, and none of its readings lies between now (T+00:00) and the end of the exercise (T+18:00, 12:00 02/10/2022): T+25:00 is after the end; to play to the end, write advance until end (or advance until T+18:00)");
    expect(r.text).not.toContain('T+1d01:00');
    // so do a clock-like step, and the controller's jump
    expect(play(s, ['advance 25:00'])[0].text).toContain('T+25:00 is after the end; 25h from now is T+25:00, after the end; to play to the end, write advance until end (or advance 18h)');
    const c = session([], true);
    expect(play(c, ['jump to 25:00'])[0].text).toContain("'25:00' is not a time, and none of its readings lies between now (T+00:00) and the end of the exercise (T+18:00, 12:00 02/10/2022): T+25:00 is after the end; write a time between T+00:00 and T+18:00");
    // a time of day run together whose T+ is past the end, but whose clock time is within it (the drill starts at 18:00)
    expect(play(s, ['advance until 19'])[0].text).toContain("'19' is not a time; write advance until T+01:00 (to 19:00 01/10/2022 by the wall clock)");
    // one before the end still gets its T+ form (17:00 by the clock would be T+23:00, after the end)
    expect(play(s, ['advance until 17:00'])[0].text).toContain("'17:00' is not a time; write advance until T+17:00 (to that time on the exercise clock)");
    expect(s.t).toBe(0);
    // and what it says is taken
    play(s, ['advance until T+18:00']);
    expect(s.finished).toBe(true);
    const vi = session(['tc-chair'], false, 'vi');
    expect(play(vi, ['tiếp đến 25:00'])[0].text).toContain("'25:00' không phải một thời điểm, và không cách hiểu nào của nó nằm giữa lúc này (T+00:00) và lúc kết thúc diễn tập (T+18:00, 12:00 02/10/2022): T+25:00 là sau khi kết thúc; để chơi đến hết, hãy viết tiếp đến hết (hoặc tiếp đến T+18:00)");
  });

  it('played to the end with no decision taken, an order says undo has nothing to take back, rather than that it goes back', () => {
    const s = session(['tc-chair']);
    play(s, ['advance until end']);
    expect(play(s, ['evacuate ta-ca-riverside'])[0].text).toContain('the exercise has ended (save keeps the log; there is no decision to undo: to play it again, start a new session)');
    const taken = session(['tc-chair']);
    play(taken, ['evacuate ta-ca-riverside', 'advance until end']);
    expect(play(taken, ['evacuate ta-ca-riverside'])[0].text).toContain('the exercise has ended (undo goes back; save keeps the log)');
  });
});

describe('typing slips that now get a suggestion (a helper found them without one)', () => {
  it('help with a misspelt command, and a step whose minutes have no unit, EN and VI', () => {
    const s = session(['tc-chair']);
    const [help, step] = play(s, ['help dispach', 'advance 1h30']);
    expect(help.text).toBe("no command 'dispach' (did you mean 'dispatch'?); type help for the list\n");
    // 1h30m forward, or 01:30 by the wall clock (Vietnamese write the time of day so): both within the drill
    expect(step.text).toContain("'1h30' is not a time; write advance 1h30m (1h30m from now, to T+01:30) or advance T+07:30 (to 01:30 02/10/2022 by the wall clock)");
    expect(s.t).toBe(0);
    const vi = session(['tc-chair'], false, 'vi');
    const [h, st] = play(vi, ['help dispach', 'advance 1h30']);
    expect(h.text).toContain("không có lệnh 'dispach' (có phải 'dispatch'?)");
    expect(st.text).toContain("'1h30' không phải một thời điểm; hãy viết advance 1h30m (thêm 1h30m, đến T+01:30) hoặc advance T+07:30 (đến 01:30 02/10/2022 theo giờ đồng hồ)");
  });

  it('a step that is a bare number (advance 10) is suggested in minutes, EN and VI', () => {
    const s = session(['tc-chair']);
    const [step] = play(s, ['advance 10']);
    expect(step.text).toContain("cannot advance by '10': a length needs its unit; write advance 10m (10 minutes), or 10h for hours, 10s for seconds");
    expect(s.t).toBe(0);
    const vi = session(['tc-chair'], false, 'vi');
    const [st] = play(vi, ['tiếp 10']);
    expect(st.text).toContain("không hiểu bước '10': khoảng thời gian cần có đơn vị; hãy viết advance 10m (10 phút), hoặc 10h nếu là giờ, 10s nếu là giây");
  });

  it('a misspelt Vietnamese command, EN and VI: the command meant, not a refusal about the unit', () => {
    const s = session(['tc-chair'], false, 'vi');
    const [order, help] = play(s, ['dieu dongg tc-militia ta-ca-houses', 'help so tann']);
    expect(order.refused).toBe(true);
    expect(order.text).toContain("không hiểu lệnh: không có lệnh 'dieu dongg' (có phải 'dieu dong'?)");
    expect(help.text).toContain("không có lệnh 'so tann' (có phải 'so tan'?)");
    expect(play(session(['tc-chair']), ['điều độngg tc-militia ta-ca-houses'])[0].text).toContain("cannot read that: unknown command 'điều độngg' (did you mean 'điều động'?)");
  });
});
