/**
 * Several orders given at the same stop, before the clock moves: each is checked against the world as the
 * orders before it will leave it, while the board still shows the world before all of them. These tests hold
 * what a table does in practice: two ad-hoc injects in a row, a second order that the first made needless.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

function session(players: string[], controller = false, lang: 'vi' | 'en' = 'en') {
  return new PlaySession(kySon, { seed: kySon.seed ?? 1, players, controller, lang });
}

describe('ad-hoc injects added at the same stop', () => {
  it('each gets its own id and number, all are delivered, and the log equals a run of the same decisions', () => {
    const s = session(['mx-chair'], true);
    s.handle('role controller');
    const replies = [
      'inject mx-chair at T+01:00 Báo cáo | Báo cáo số hộ còn ở khu thấp trũng.',
      'inject mx-chair at T+01:00 Second | Another message at the same time',
      'inject tc-chair Now | A message for now',
    ].map((l) => s.handle(l));
    expect(replies.map((r) => r.refused ?? false)).toEqual([false, false, false]);
    const added = s.pending.map((d) => (d.cmd.do === 'add_inject' ? [d.cmd.inject.id, d.cmd.inject.seq] : []));
    expect(added).toEqual([['adhoc-1', 19], ['adhoc-2', 20], ['adhoc-3', 21]]);
    s.handle('jump T+01:01');
    const delivered = s.log().events.map((e) => JSON.parse(e)).filter((e) => e.type === 'inject.delivered' && String(e.id).startsWith('adhoc-'));
    expect(delivered.map((e) => [e.id, e.seq, e.to, e.t])).toEqual([['adhoc-3', 21, 'tc-chair', 0], ['adhoc-1', 19, 'mx-chair', 3600], ['adhoc-2', 20, 'mx-chair', 3600]]);

    s.handle('advance until end');
    const ran = runScenario(kySon, { seed: 2022, decisions: s.decisions.slice(), players: ['mx-chair'] }).log!;
    expect(serializeRunLog(s.log()).join('')).toBe(serializeRunLog(ran).join(''));
  });
});

describe('an order refused only because of an order already given at this stop', () => {
  it('names that order, since the board still shows the world before it', () => {
    const s = session(['tc-chair', 'mx-chair'].sort());
    s.handle('role tc-chair');
    s.handle('evacuate ta-ca-riverside');
    expect(s.handle('board').text).toMatch(/ta-ca-school +Tà Cạ secondary school +closed/);
    const shelter = s.handle('open shelter ta-ca-school');
    expect(shelter.refused).toBe(true);
    expect(shelter.text).toContain("refused: shelter 'ta-ca-school' is already open. Nothing was changed.\n"
      + 'note: that comes from your order for T+00:00, not yet carried out (the board shows the world before it): evacuate ta-ca-riverside; undo takes back the last order\n');
    s.handle('declare level 1');
    expect(s.handle('declare level 1').text).toMatch(/already at civil-defence level 1[^\n]*\nnote: [^\n]*: declare level 1 in ta-ca;/);

    s.handle('role mx-chair');
    s.handle('advance T+01:46');
    s.handle('answer night-evacuation evacuate-now');
    const again = s.handle('answer night-evacuation wait-for-daylight');
    expect(again.refused).toBe(true);
    expect(again.text).toContain('note: that comes from your order for T+01:46, not yet carried out (the board shows the world before it): answer night-evacuation evacuate-now;');
  });

  it('adds no note when the refusal has nothing to do with the orders given, nor names another seat\'s orders', () => {
    const s = session(['mx-chair', 'tc-chair'], true);
    s.handle('role tc-chair');
    s.handle('evacuate ta-ca-riverside');
    const r = s.handle('declare level 2');
    expect(r.refused).toBe(true);
    expect(r.text).not.toContain('note:');
    // the controller's pending breakdown makes the unit busy; the trainee is told it is, not which move of the controller did it
    s.handle('advance T+03:11');
    s.handle('role controller');
    s.handle('breakdown tc-militia');
    s.handle('role tc-chair');
    const busy = s.handle('dispatch tc-militia to ta-ca-houses');
    expect(busy.refused).toBe(true);
    expect(busy.text).toContain("unit 'tc-militia' is busy: out of service");
    expect(busy.text).not.toContain('note:');
  });

  it('in Vietnamese too', () => {
    const s = session(['tc-chair'], false, 'vi');
    s.handle('evacuate ta-ca-riverside');
    expect(s.handle('open shelter ta-ca-school').text).toContain('lưu ý: đó là do lệnh của bạn cho T+00:00, chưa được thực hiện (bảng tình hình là trước lệnh đó): evacuate ta-ca-riverside; undo để hủy lệnh gần nhất');
  });
});

describe('a stop at a deadline', () => {
  it('says whose decision point it was, since another seat at the table may have moved the clock past it', () => {
    const s = session(['mx-chair', 'tc-chair']);
    s.handle('role tc-chair');
    expect(s.handle('advance T+02:00').text).toContain('mx-chair: 1 new message, 1 decision waiting (type: role mx-chair)');
    expect(s.handle('advance').text).toContain('(stopped: the deadline of night-evacuation for mx-chair has passed)');
    const vi = session(['mx-chair'], false, 'vi');
    vi.handle('advance T+02:00');
    expect(vi.handle('advance').text).toContain('(dừng: tình huống night-evacuation của mx-chair đã hết hạn)');
  });
});
