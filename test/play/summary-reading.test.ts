/**
 * The end-of-exercise summary (hot wash) as a trainee reads it: the rating
 * letters are explained, and the decisions count says how many were the
 * table's own (the rest are doctrine's), and that orders refused at the
 * prompt are not in it: a trainee who took 2 decisions and had 3 refused
 * read "decisions: 16 taken, 0 refused" as a mistake of the tool. These count
 * what the run carried out, an answer apart from each order it carries; the
 * decisions file counts the answer alone, so a chair who answered once read
 * "2 at this table" beside "1 decision": where an answer carried an order,
 * the line says how it counts.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

function endOf(lang: 'en' | 'vi'): string {
  const s = new PlaySession(kySon, { seed: 2022, players: ['tc-chair'], controller: false, lang });
  for (const line of ['evacuate ta-ca-riverside', 'evacuate nowhere', 'declare level 3', 'advance T+03:30', 'request support']) s.handle(line);
  const end = s.handle('advance until end');
  expect(s.finished).toBe(true);
  return end.text.slice(end.text.indexOf(lang === 'en' ? 'Summary at' : 'Tổng kết lúc'));
}

describe('the end-of-exercise summary', () => {
  it('explains the rating letters P, S, M and U beside the objectives (both languages)', () => {
    expect(endOf('en')).toContain('    (P performed without challenges, S with some challenges, M with major challenges, U unable to be performed: the HSEEP ratings, by the scenario\'s thresholds)');
    expect(endOf('vi')).toContain('    (P thực hiện không gặp khó khăn, S còn một số khó khăn, M gặp khó khăn lớn, U không thực hiện được: thang đánh giá HSEEP, theo ngưỡng của kịch bản)');
  });

  it('gives each objective its text, then the value the run measured and whether it was met, as drill run does (both languages)', () => {
    const en = endOf('en');
    expect(en).toContain("\n    P  evac-ta-ca: Move at least 90% of Tà Cạ's riverside villagers to shelter before the flood arrives (T+03:00) · 100 % (met)\n");
    expect(en).toContain('\n    U  first-on-scene: Local forces reach the swept-away houses within 1 hour · 9 h 2 min (not met)\n');
    expect(en).toContain('\n    P  support: The commune asks for support from outside before T+04:00 · T+03:30 (met)\n');
    expect(en).toContain('\n    U  rumour: Deny the dam-break rumour within 30 minutes · never (not met)\n');
    expect(en).toContain('\n    S  lives: No more than 50 lives lost (30 or fewer is performed well) · 32 (met)\n');
    const vi = endOf('vi');
    expect(vi).toMatch(/\n {4}P {2}evac-ta-ca: .* · 100% \(đạt\)\n/);
    expect(vi).toMatch(/\n {4}U {2}first-on-scene: .* · 9 giờ 2 phút \(không đạt\)\n/);
  });

  it('says how many decisions were taken at this table and how many by doctrine, and that orders refused at the prompt are not counted', () => {
    const en = endOf('en');
    const taken = Number(/decisions: (\d+) taken, 0 refused/.exec(en)?.[1]);
    expect(taken).toBeGreaterThan(2);
    expect(en).toContain(`\n    of them, 2 at this table and ${taken - 2} by doctrine (the roles nobody played, and defaults at deadlines); orders refused at the prompt never reached the run and are not counted\n`);
    expect(endOf('vi')).toContain(`\n    trong đó 2 do bàn này quyết định, ${taken - 2} do phương án tự động (các vai không ai đóng, và phương án mặc định khi hết hạn); lệnh bị từ chối tại dấu nhắc không vào lượt chạy nên không được tính\n`);
  });

  it('where an answer at this table carried an order, says the answer and its order count apart (the decisions file counts one), in both languages', () => {
    for (const [lang, clause] of [
      ['en', ', an answer and each order it carries counted apart (a decisions file counts the answer alone); '],
      ['vi', ', mỗi câu trả lời và từng lệnh đi kèm phương án đã chọn được tính riêng (tệp quyết định chỉ tính câu trả lời); '],
    ] as const) {
      const s = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang });
      for (const line of ['advance', 'answer evacuate-now']) s.handle(line);
      expect(s.decisionsFile().count).toBe(1);
      const end = s.handle('advance until end').text;
      expect(end, lang).toMatch(lang === 'en' ? /of them, 2 at this table and \d+ by doctrine/ : /trong đó 2 do bàn này quyết định/);
      expect(end, lang).toContain(clause);
    }
    // no answer with an order, no clause (the tc-chair table above gave orders only)
    expect(endOf('en')).not.toContain('counted apart');
  });
});
