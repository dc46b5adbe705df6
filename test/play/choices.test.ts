/**
 * A trainee under time pressure who leaves out an id, types a name instead
 * of an id, or names something that does not exist, is told what they can
 * type now (the same ids Tab offers), not just what was wrong: "missing
 * <incident>" alone, or "unexpected 'blocks'" after `evacuate old blocks`,
 * left them to search the board.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');
const vinh = loadNamed('vinh-wards-typhoon-night');

function session(scenario: typeof kySon, role: string, lang: 'en' | 'vi' = 'en') {
  return new PlaySession(scenario, { seed: scenario.seed ?? 1, players: [role], controller: false, lang });
}

describe('what the trainee can type now, when a line misses or misnames an id', () => {
  it('a missing id is answered with the ids that fit there now', () => {
    const s = session(kySon, 'tc-chair');
    expect(s.handle('evacuate').text).toBe('cannot read that: missing <zone>\n  usage: evacuate <zone>\n  zones without an order yet: ta-ca-riverside\n');
    expect(s.handle('open shelter').text).toContain('\n  shelters not yet open: ta-ca-school\n');
    s.handle('evacuate ta-ca-riverside');
    s.handle('advance T+03:30');
    const r = s.handle('dispatch tc-militia');
    expect(r.refused).toBe(true);
    expect(r.text).toBe('cannot read that: missing <incident>\n  usage: dispatch <unit> [to] <incident>\n  open incidents you can see: ta-ca-houses\n');
  });

  it('says when nothing fits there yet, in Vietnamese too', () => {
    const s = session(kySon, 'tc-chair', 'vi');
    expect(s.handle('dispatch tc-militia').text).toContain('\n  sự cố đang mở bạn thấy được: hiện không có\n');
    // no option to list because no decision waits: that is what is said
    expect(s.handle('answer').text).toContain('\n  tình huống đang chờ bạn quyết định: hiện không có\n');
    expect(s.handle('recall').text).toContain('\n  đơn vị của bạn đang làm nhiệm vụ: hiện không có\n');
  });

  it('a zone named by the words of its name is pointed to its id', () => {
    const s = session(vinh, 'tv-chair');
    // typed without the diacritics, as on a keyboard with no Vietnamese input
    const r = s.handle('evacuate thanh vinh old blocks');
    expect(r.refused).toBe(true);
    expect(r.text).toContain("cannot read that: unexpected 'vinh'");
    expect(r.text).toContain('\n  did you mean: evacuate tv-old-blocks (Thành Vinh old housing blocks)?\n');
    const vi = session(vinh, 'tv-chair', 'vi');
    expect(vi.handle('open shelter trường học thành vinh').text).toContain('\n  có phải ý bạn là: open shelter tv-schools (Các trường học phường Thành Vinh)?\n');
  });

  it('a zone the hazard has reached, named by its words, is pointed to with why its order would be refused, EN and VI', () => {
    const s = session(kySon, 'tc-chair');
    s.handle('advance T+03:30');
    expect(s.handle('evacuate ta ca riverside').text).toContain("\n  did you mean: evacuate ta-ca-riverside (Tà Cạ riverside villages)? that order would be refused, too late: the hazard reached zone 'ta-ca-riverside' at T+03:00; 700 people were caught there\n");
    const vi = session(kySon, 'tc-chair', 'vi');
    vi.handle('advance T+03:00');
    expect(vi.handle('sơ tán ven suối tà cạ').text).toContain("\n  có phải ý bạn là: evacuate ta-ca-riverside (Các bản ven suối Tà Cạ)? lệnh đó cũng sẽ bị từ chối, quá muộn: hiểm hoạ ập đến vùng 'ta-ca-riverside' lúc T+03:00, trước khi các lệnh cho T+03:00 được thực hiện\n");
  });

  it('words that name several, or none, list the ids that fit instead', () => {
    const s = session(vinh, 'province-board');
    // "old blocks" is in the name of the Thành Vinh and the Trường Vinh zones
    const r = s.handle('evacuate old blocks');
    expect(r.text).not.toContain('did you mean');
    expect(r.text).toContain('\n  zones without an order yet: tv-old-blocks, tr-old-blocks, vh-lowland\n');
  });

  it('a ward chair is offered only the zones and shelters of its own ward (another ward\'s order is refused: no authority)', () => {
    const s = session(vinh, 'tv-chair');
    expect(s.handle('evacuate').text).toContain('\n  zones without an order yet: tv-old-blocks\n');
    // the same words now fit one zone it may order
    expect(s.handle('evacuate old blocks').text).toContain('did you mean: evacuate tv-old-blocks (Thành Vinh old housing blocks)?');
    expect(s.handle('open shelter').text).not.toMatch(/tr-|vh-/);
  });

  it('an id that exists nowhere, with no near spelling, is answered with the ids that fit there now', () => {
    const s = session(kySon, 'tc-chair');
    const r = s.handle('dispatch tc-militia to houses-swept-away');
    expect(r.refused).toBe(true);
    expect(r.text).toBe("refused: there is no open incident 'houses-swept-away'. Nothing was changed.\n  open incidents you can see: none now\n");
    // a near spelling is enough on its own
    expect(s.handle('evacuate ta-ca-riversid').text).toBe("refused: there is no evacuation zone 'ta-ca-riversid' (did you mean 'ta-ca-riverside'?). Nothing was changed.\n");
  });

  it('a scripted incident named before its report is refused without saying it is coming, nor when: the trainees must not learn the MSEL', () => {
    const s = session(kySon, 'tc-chair');
    const r = s.handle('dispatch tc-militia to ta-ca-houses');
    expect(r.refused).toBe(true);
    expect(r.text).toBe("refused: there is no open incident 'ta-ca-houses'. Nothing was changed.\n  open incidents you can see: none now\n");
    expect(session(kySon, 'tc-chair', 'vi').handle('dispatch tc-militia to ta-ca-houses').text).not.toContain('T+03:10');
  });

  it('help <command> lists, under the command, the ids that fit its arguments now', () => {
    const s = session(kySon, 'tc-chair');
    s.handle('evacuate ta-ca-riverside');
    s.handle('advance T+03:30');
    expect(s.handle('help dispatch').text).toBe([
      'dispatch <unit> [to] <incident>',
      '  send one of your units to an incident',
      '  your units: tc-militia, tc-shock-team, tc-health',
      '  open incidents you can see: ta-ca-houses',
      '',
    ].join('\n'));
    expect(s.handle('help declare').text).toContain('\n  levels you may declare: 0, 1\n  areas you may name: ta-ca\n');
    // each list says what it lists: roads to reopen are those closed by order (QL7, cut by the slide at T+03:00, is
    // not: no order clears a slide); a sea ban needs a coast
    expect(s.handle('help open').text).toContain('open road <road>\n  reopen a road closed by order\n  roads closed by order: none now\n');
    s.handle('close road ql7-tc-mx');
    s.handle('advance 1m');
    expect(s.handle('help open').text).toContain('open road <road>\n  reopen a road closed by order\n  roads closed by order: ql7-tc-mx\n');
    expect(s.handle('help sea').text).toContain('\n  coastal areas you may name: none now\n');
    expect(s.handle('help answer').text.match(/decisions waiting for you/g)).toHaveLength(1);
  });

  it('help takes a command as it is typed: several words, the engine\'s name, or the Vietnamese words the footer offers', () => {
    const s = session(kySon, 'tc-chair');
    const openShelter = 'open shelter <shelter>\n  open a shelter\n  shelters not yet open: ta-ca-school\n';
    expect(s.handle('help open shelter')).toEqual({ text: openShelter });
    expect(s.handle('help open_shelter').text).toBe(openShelter);
    expect(s.handle('help declare level').text).toContain('declare level <level> [in <area>]\n');
    const vi = session(kySon, 'tc-chair', 'vi');
    const evacuate = vi.handle('help evacuate').text;
    expect(evacuate).toMatch(/^evacuate <vùng>\n/);
    // a Vietnamese command is explained in the words asked about (test/play/usage-vi.test.ts), the rest the same
    expect(vi.handle('help sơ tán')).toEqual({ text: evacuate.replace(/^evacuate/, 'sơ tán') });
    expect(vi.handle('giúp so tan').text).toBe(evacuate.replace(/^evacuate/, 'so tan'));
    expect(vi.handle('giup dieu dong').text).toMatch(/^dieu dong <đơn-vị> \[den\] <sự-cố>\n/);
    // one word that starts several commands lists them all, as `help open` does
    expect(vi.handle('help mở').text).toBe(vi.handle('help open').text.replace(/^open shelter/, 'mở nơi trú').replace(/\nopen road/, '\nmở đường'));
    expect(vi.handle('help bay').text).toBe("không có lệnh 'bay'; gõ help để xem danh sách\n");
  });
});
