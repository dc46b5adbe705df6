/**
 * A hazard's unit where it is a scale word: Vietnamese puts it before the number. The board read
 * "Cấp dự báo cháy rừng (gió Lào): 4,5 level", "Hoàn lưu áp thấp nhiệt đới: 6 Beaufort" and "Chỉ số cháy rừng: 1 index",
 * the English "10 Beaufort". Units written after the number (mm/24h, m, m3/s) read as before.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { withUnit } from '../../engine/scenario/unit-words.js';
import { loadNamed } from '../helpers/scenarios.js';

const board = (name: string, lang: 'en' | 'vi') => {
  const sc = loadNamed(name);
  return new PlaySession(sc, { seed: 7, players: [], controller: true, lang }).boardText();
};

describe('a hazard value with its unit on the board', () => {
  it('puts level before the number: "cấp 4,5" in Vietnamese, "level 4.5" in English (gió Lào fire danger)', () => {
    expect(board('gio-lao-forest-fire', 'vi')).toContain('Cấp dự báo cháy rừng (gió Lào): cấp 4,5 tại Hùng Thành, Diễn Đoài (cấp độ rủi ro 3)');
    expect(board('gio-lao-forest-fire', 'en')).toContain('Forest fire danger level (gió Lào): level 4.5 at Hùng Thành, Diễn Đoài (risk level 3)');
  });

  it('puts Beaufort and index before the number, and leaves mm/24h, m and m3/s after it (Kỳ Sơn)', () => {
    const vi = board('ky-son-flash-flood', 'vi'), en = board('ky-son-flash-flood', 'en');
    expect(vi).toContain('Hoàn lưu áp thấp nhiệt đới: cấp 6 Beaufort tại Mỹ Lý');
    expect(vi).toContain('Chỉ số cháy rừng (thấp khi mưa): chỉ số 1 tại Nậm Cắn');
    expect(vi).toContain('Mưa thượng nguồn Nậm Mộ: 60 mm/24h tại');
    expect(vi).toContain('Hồ Bản Vẽ: 2500 m3/s tại Mỹ Lý');
    expect(vi).not.toMatch(/: [\d,]+ (level|index|Beaufort)\b/);
    expect(en).toContain('Remnant of a tropical depression: Beaufort force 6 at Mỹ Lý');
    expect(en).toContain('Fire weather index (low in rain): index 1 at Nậm Cắn');
    expect(en).toContain('Nậm Mộ river at Mường Xén: 3 m (below alarm 1)');
  });

  it('says a typhoon\'s wind force the same way (Vinh)', () => {
    expect(board('vinh-wards-typhoon-night', 'vi')).toContain('Bão số 5: cấp 10 Beaufort tại Phường Thành Vinh (cấp độ rủi ro 4, dự báo trong 36 giờ tới)');
    expect(board('vinh-wards-typhoon-night', 'en')).toContain('Typhoon No. 5: Beaufort force 10 at Thành Vinh ward');
  });
});

describe('the unit words', () => {
  it('place the scale words whatever their case, keep other units after the number, and add nothing without a unit', () => {
    expect(withUnit('7', 'beaufort', 'vi')).toBe('cấp 7 Beaufort');
    expect(withUnit('7', 'Beaufort', 'vi', true)).toBe('cấp 7');
    expect(withUnit('7', 'Beaufort', 'en', true)).toBe('force 7');
    expect(withUnit('3', 'Level', 'en')).toBe('level 3');
    // a unit a scenario writes that names an object's own property is a unit like any other
    expect(withUnit('3', 'constructor', 'vi')).toBe('3 constructor');
    expect(withUnit('3', '__proto__', 'en')).toBe('3 __proto__');
    expect(withUnit('1,2', 'm', 'vi')).toBe('1,2 m');
    expect(withUnit('1.2', undefined, 'en')).toBe('1.2');
  });
});
