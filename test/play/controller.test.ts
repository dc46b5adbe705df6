/**
 * The controller's seat: what it is told when it reaches for a trainee's order, and which ids Tab offers
 * for its own commands.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

function session(players: string[], lang: 'vi' | 'en' = 'en') {
  const s = new PlaySession(kySon, { seed: 2022, players, controller: true, lang });
  s.handle('role controller');
  return s;
}

describe('a trainee\'s order typed at the controller\'s seat', () => {
  it('with roles played here: points to them', () => {
    const r = session(['mx-chair', 'tc-chair']).handle('evacuate ta-ca-riverside');
    expect(r.refused).toBe(true);
    expect(r.text).toContain('switch to a role played here (mx-chair, tc-chair) with role <role>');
  });

  it('with the controller alone: says doctrine plays every role, not "switch to a role played here (-)"', () => {
    for (const lang of ['en', 'vi'] as const) {
      const r = session([], lang).handle('dispatch pc07-rescue to nowhere');
      expect(r.refused).toBe(true);
      expect(r.text).not.toContain('(-)');
      expect(r.text).toContain(lang === 'en' ? 'no role is played at this terminal: doctrine plays them all' : 'không có vai nào được đóng tại máy này');
    }
  });
});

describe('Tab for breakdown and repair', () => {
  it('offers for repair only the units out of service, and for breakdown only the others', () => {
    const s = session(['mx-chair']);
    expect(s.complete('repair ')[0]).toEqual([]);
    expect(s.complete('breakdown ')[0]).toContain('mx-militia');
    s.handle('breakdown mx-militia');
    s.handle('jump T+00:01');
    expect(s.complete('repair ')[0].map((c) => c.trim())).toEqual(['mx-militia']);
    expect(s.complete('breakdown ')[0]).not.toContain('mx-militia');
    expect(s.complete('breakdown ')[0]).toContain('mx-police');
  });
});

describe('an ad-hoc inject for a time after the end', () => {
  it('is refused, since it would never be delivered; one at the very end is delivered', () => {
    const s = session(['mx-chair']);
    const late = s.handle('inject mx-chair at T+30:00 Late | After the end');
    expect(late.refused).toBe(true);
    expect(late.text).toContain('T+30:00 (T+1d06:00) is after the end of the exercise (T+18:00): the message would never be delivered');
    expect(session([], 'vi').handle('inject mx-chair at T+19:00 Muộn | Sau khi kết thúc').text).toContain('T+19:00 là sau khi kết thúc diễn tập (T+18:00)');
    expect(s.handle('inject mx-chair at T+18:00 End | At the end').refused).toBeFalsy();
    s.handle('jump T+18:00');
    expect(s.finished).toBe(true);
    expect(s.log().events.some((e) => e.includes('"type":"inject.delivered","id":"adhoc-1"'))).toBe(true);
  });
});

describe('jump with a length of time', () => {
  it('refuses jump 5m (it went to T+00:05), saying jump goes to a time and advance 5m moves on by 5m, EN and VI', () => {
    for (const lang of ['en', 'vi'] as const) {
      const s = session([], lang);
      s.handle('advance T+01:00');
      const r = s.handle('jump 5m');
      expect(r.refused).toBe(true);
      expect(r.text).toContain(lang === 'en'
        ? "'5m' is a length of time, and jump goes to a time on the exercise clock (jump T+01:30); to move on by 5m, write advance 5m"
        : "'5m' là một khoảng thời gian, còn jump chuyển đến một thời điểm trên đồng hồ diễn tập (jump T+01:30); để tiến thêm 5m, hãy viết advance 5m");
      expect(s.t).toBe(3600);
      // a time on the exercise clock is still a jump
      s.handle('jump T+01:05');
      expect(s.t).toBe(3900);
    }
  });
});

describe('an ad-hoc inject for a misspelt role', () => {
  it('is refused with the nearest role, as any other misspelt id is, and the list', () => {
    const r = session(['mx-chair']).handle('inject mx-chiar Báo cáo | Báo cáo tình hình');
    expect(r.refused).toBe(true);
    expect(r.text).toContain("there is no role 'mx-chiar' (did you mean 'mx-chair'?) (roles: ");
  });
});
