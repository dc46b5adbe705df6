/**
 * The MSEL as a table to read (`drill msel export --format md`): names, not
 * ids, and every word in the language asked for.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mselToMarkdown } from '../../engine/scenario/msel-markdown.js';
import { METHODS } from '../../engine/scenario/schema.js';
import { loadNamed, loadScenarioFile, scenarioFiles } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');

/** The table's body rows, as cells (the # column first). */
function rows(md: string): string[][] {
  return md.split('\n').filter((l) => l.startsWith('| ')).slice(1).map((l) => l.slice(2, -2).split(' | '));
}
const row = (md: string, seq: number) => rows(md).find((r) => r[0] === String(seq))!;

describe('the MSEL table in Vietnamese', () => {
  const md = mselToMarkdown(ksn, 'vi');

  it('names the roles in from and to, and gives the method, the time and the expected action in Vietnamese words', () => {
    expect(row(md, 2)).toEqual([
      '2', 'T+00:30 (18:30)', 'Ban chỉ huy Phòng thủ dân sự tỉnh Nghệ An', 'Chủ tịch UBND xã Tà Cạ', 'công điện',
      'Công điện chủ động ứng phó mưa lũ', 'Yêu cầu UBND các xã rà soát các bản ven suối, chủ động sơ tán dân khỏi vùng nguy hiểm trước khi trời tối.',
      'sơ tán các bản ven suối Tà Cạ, trong vòng 1 giờ 30 phút', 'evac-ta-ca', '',
    ]);
    expect(row(md, 7)[1]).toBe('khi QL7 Tà Cạ - Mường Xén bị chia cắt');
    expect(row(md, 5)[1]).toBe('khi Sông Nậm Mộ tại Mường Xén đạt mức báo động 2');
    expect(row(md, 8)[1]).toBe('khi có sự cố "Nhà bị lũ cuốn" mức độ 4 trở lên');
    expect(row(md, 11)[1]).toBe('khi Hồ Bản Vẽ vượt 5.000 m3/s');
    expect(row(md, 3)[1]).toBe('nếu tình huống số 2 chưa được xử lý sau 1 giờ');
    expect(row(md, 4)[9]).toBe('Sơ tán ngay → sơ tán khu thấp trũng xã Mường Xén<br>Chờ đến sáng<br>hạn 30 phút, mặc định: Chờ đến sáng');
  });

  it.each(scenarioFiles().map((f) => [basename(f), f]))('has no role id, no English method and no cell notation in %s', (_, file) => {
    const s = loadScenarioFile(file);
    const table = mselToMarkdown(s, 'vi');
    expect(table).not.toContain('⟦'); // a phrase missing from the catalogue
    const roleIds = new Set(s.roles.map((r) => r.id));
    for (const r of rows(table)) {
      expect(roleIds.has(r[2]) || roleIds.has(r[3])).toBe(false);
      expect(METHODS as readonly string[]).not.toContain(r[4]);
      for (const c of [r[1], r[7], r[9]]) expect(c).not.toMatch(/\w=|\bwhen\b|\bwithin\b|if not done|->|deadline/);
    }
  });
});

describe('the MSEL table in English and in both languages', () => {
  it('names the roles and says the time in English words', () => {
    const md = mselToMarkdown(ksn, 'en');
    expect(row(md, 2).slice(0, 5)).toEqual(['2', 'T+00:30 (18:30)', 'Nghệ An provincial civil-defence board', 'Tà Cạ commune chair', 'official dispatch']);
    expect(row(md, 7)[1]).toBe('when QL7 Tà Cạ - Mường Xén is cut');
    expect(row(md, 2)[7]).toBe('evacuate Tà Cạ riverside villages, within 1 h 30 min');
  });

  it('gives Vietnamese then English (in italics) in each cell, once where they are the same', () => {
    const md = mselToMarkdown(ksn);
    expect(row(md, 7)[1]).toBe('khi QL7 Tà Cạ - Mường Xén bị chia cắt<br>*when QL7 Tà Cạ - Mường Xén is cut*');
    expect(row(md, 6)[2]).toBe('Đường dây nóng 112<br>*Hotline 112*');
    // a sender written once, in no language of its own
    const plain = { ...ksn, injects: ksn.injects.map((i) => (i.id === 'houses-swept-call' ? { ...i, from: 'hotline 112' } : i)) };
    expect(row(mselToMarkdown(plain), 6)[2]).toBe('hotline 112');
  });

  it('shows the message of an expected public_info in the language asked for', () => {
    const s = { ...ksn, injects: [{ ...ksn.injects[9], expected: { do: 'public_info' as const, area: 'muong-xen', message: { vi: 'Đập an toàn', en: 'The dam is safe' }, within: 1800 } }] };
    expect(row(mselToMarkdown(s, 'vi'), 10)[7]).toBe('thông tin cho người dân Mường Xén: Đập an toàn, trong vòng 30 phút');
    expect(row(mselToMarkdown(s, 'en'), 10)[7]).toBe('inform the public in Mường Xén: The dam is safe, within 30 min');
    // a message that ends with a full stop does not leave '., within'
    const stop = { ...ksn, injects: [{ ...s.injects[0], expected: { ...s.injects[0].expected!, message: { en: 'The dam is safe.' } } }] };
    expect(row(mselToMarkdown(stop, 'en'), 10)[7]).toBe('inform the public in Mường Xén: The dam is safe, within 30 min');
  });
});

describe('a hazard threshold in the MSEL table', () => {
  const vinh = loadNamed('vinh-wards-typhoon-night');
  it('puts the Beaufort scale before the number, as each language says a wind force', () => {
    expect(mselToMarkdown(vinh, 'vi')).toContain('vượt cấp 10 Beaufort');
    expect(mselToMarkdown(vinh, 'en')).toContain('above Beaufort force 10');
    expect(mselToMarkdown(vinh, 'vi')).not.toContain('vượt 10 Beaufort');
  });
});
