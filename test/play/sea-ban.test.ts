/**
 * `sea ban` at the drill play prompt: Tab offers only the areas with a coast
 * the seat may ban the sea in, and an inland area is refused with the reason
 * in the seat's language (what to name instead), changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { explainRefusal } from '../../engine/play/refusals.js';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';
import { makeSim } from '../helpers/sim.js';

const typhoon = loadNamed('typhoon-landfall-coast');
const kySon = loadNamed('ky-son-flash-flood');

const session = (players: string[], lang: 'vi' | 'en' = 'en', scenario = typhoon) =>
  new PlaySession(scenario, { seed: scenario.seed ?? 1, players, controller: false, lang });
const offered = (s: PlaySession, line: string) => s.complete(line)[0].map((c) => c.trim()).sort();

describe('sea ban: completion', () => {
  it('offers the province board only the areas with a coast (not Vinh), where other orders offer every area of its own', () => {
    const s = session(['province-board']);
    expect(offered(s, 'sea ban ')).toEqual(['cua-lo', 'hai-chau', 'nghe-an', 'quynh-anh']);
    expect(offered(s, 'sea ban in ')).toEqual(['cua-lo', 'hai-chau', 'nghe-an', 'quynh-anh']);
    expect(offered(s, 'request support ')).toContain('thanh-vinh');
  });

  it("offers a coastal commune's chair its own area, and an inland ward's chair nothing", () => {
    expect(offered(session(['cua-lo-chair']), 'sea ban ')).toEqual(['cua-lo']);
    expect(offered(session(['thanh-vinh-chair']), 'sea ban ')).toEqual([]);
    expect(offered(session(['thanh-vinh-chair']), 'public info ')).toEqual(['thanh-vinh']);
  });

  it('offers nothing in the mountain communes of Kỳ Sơn', () => {
    expect(offered(session(['tc-chair'], 'en', kySon), 'sea ban ')).toEqual([]);
  });
});

describe('sea ban: an inland area at the prompt', () => {
  it('is refused in English with the coastal areas to name instead, and nothing changes', () => {
    const s = session(['province-board']);
    const hash = s.worldHash();
    const r = s.handle('sea ban in thanh-vinh');
    expect(r.refused).toBe(true);
    expect(r.text).toContain('refused: Thành Vinh ward has no coast, so there are no boats to keep in port: order the sea ban for a coastal area (Nghệ An province (nghe-an), Cửa Lò ward (cua-lo), Hải Châu commune (hai-chau), Quỳnh Anh commune (quynh-anh)). Nothing was changed.');
    expect(s.worldHash()).toBe(hash);
    expect(s.decisions).toHaveLength(0);
    // the coastal one is taken
    expect(s.handle('sea ban in cua-lo').refused).toBeFalsy();
  });

  it('is refused in Vietnamese for a Vietnamese seat', () => {
    const r = session(['province-board'], 'vi').handle('sea ban in thanh-vinh');
    expect(r.refused).toBe(true);
    expect(r.text).toContain('Phường Thành Vinh không giáp biển, không có tàu thuyền nào để giữ lại bến: hãy ra lệnh cấm biển cho địa bàn ven biển (Tỉnh Nghệ An (nghe-an), Phường Cửa Lò (cua-lo), Xã Hải Châu (hai-chau), Xã Quỳnh Anh (quynh-anh))');
  });

  it("`sea ban` alone, by an inland ward's chair, is refused for its own area: no coastal area is within its authority", () => {
    const en = session(['thanh-vinh-chair']).handle('sea ban');
    expect(en.refused).toBe(true);
    expect(en.text).toContain('Thành Vinh ward has no coast, so there are no boats to keep in port; a sea ban is for a coastal area, and none is within your authority');
    const vi = session(['thanh-vinh-chair'], 'vi').handle('sea ban');
    expect(vi.text).toContain('nhưng không địa bàn ven biển nào thuộc thẩm quyền của bạn');
  });

  it("in Kỳ Sơn, a commune chair's sea ban is refused as having no coast, not as outside authority", () => {
    const r = session(['tc-chair'], 'en', kySon).handle('sea ban');
    expect(r.refused).toBe(true);
    expect(r.text).toContain('Tà Cạ has no coast');
  });
});

describe('sea ban: the refusal for the record (drill run)', () => {
  it('names the role and tells the planner how to mark a coast', () => {
    const sim = makeSim(typhoon);
    const d = { at: 0, role: 'thanh-vinh-chair', author: 'trainee' as const, cmd: { do: 'sea_ban' as const, area: 'thanh-vinh' } };
    expect(explainRefusal(sim, d, 'no-coast', 'en', 'record')).toBe('Thành Vinh ward has no coast, so there are no boats to keep in port; a sea ban is for a coastal area, and none is within the authority of Thành Vinh ward chair; if it does border the sea, the scenario should mark it coast: true');
    expect(explainRefusal(sim, d, 'no-coast', 'vi', 'record')).toContain('kịch bản cần ghi coast: true');
  });
});
