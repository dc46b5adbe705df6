/**
 * Decision 18/2021 has disaster risk levels 1 to 5: a hazard under its first threshold has no level. The board read
 * "Typhoon rain over Vinh: 80 mm/24h ... (risk level 0)" and the feed "Cửa Lò ward: disaster risk level 0" when the
 * storm had passed, a level the law does not have.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { Words } from '../../engine/review/words.js';
import { loadNamed } from '../helpers/scenarios.js';

describe('a hazard below the first risk level', () => {
  it('is "below risk level 1" on the board, in both languages; a level above reads as before', () => {
    const vinh = loadNamed('vinh-wards-typhoon-night');
    const board = (lang: 'en' | 'vi') => new PlaySession(vinh, { seed: 825, players: ['tr-chair'], controller: false, lang }).boardText();
    expect(board('en')).toContain('Typhoon rain over Vinh: 80 mm/24h at Thành Vinh ward, Trường Vinh ward, Vinh Hưng ward (below risk level 1)');
    expect(board('en')).toContain('Typhoon No. 5: Beaufort force 10 at Thành Vinh ward (risk level 4, forecast 36 h ahead)');
    expect(board('vi')).toContain('(dưới cấp độ rủi ro 1)');
    expect(board('en')).not.toContain('risk level 0');
  });

  it('is said as a return below level 1 in the feed and in the report\'s words, when the storm has passed', () => {
    const coast = loadNamed('typhoon-landfall-coast');
    const s = new PlaySession(coast, { seed: coast.seed ?? 1, players: [], controller: true, lang: 'en' });
    s.handle('advance T+1d18:00');
    const fed = s.handle('advance T+1d18:30').text;
    expect(fed).toContain('T+1d18:10  Cửa Lò ward: disaster risk below level 1 again');
    expect(fed).not.toMatch(/disaster risk level 0/);
    const e = { t: 151800, type: 'area.risk', id: 'cua-lo', risk: 0 };
    expect(new Words('en', coast).event(e, 0)).toBe('Disaster risk in Cửa Lò ward below level 1 again');
    expect(new Words('vi', coast).event(e, 0)).toBe('Rủi ro thiên tai tại Phường Cửa Lò trở lại dưới cấp độ 1');
    expect(new Words('en', coast).event({ ...e, risk: 4 }, 0)).toBe('Disaster risk level 4 in Cửa Lò ward');
  });
});
