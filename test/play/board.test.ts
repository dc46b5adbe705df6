import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { openRunLog } from '../../engine/replay/open.js';
import { Replay } from '../../engine/replay/replay.js';
import { serializeRunLog } from '../../engine/sim/run.js';
import { clippedCell, len } from '../../engine/play/text.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed, loadScenarioFile } from '../helpers/scenarios.js';

/** A planner's draft: zone pa-co-hillside and shelter tri-le-school have no name; the slide is reported at T+05:40. */
const quePhong = loadScenarioFile(join(ROOT, 'test/fixtures/play/que-phong.yaml'));

function session(lang: 'en' | 'vi' = 'en', until?: number) {
  return new PlaySession(quePhong, { seed: quePhong.seed ?? 1, players: ['tl-chair'], controller: false, lang, until });
}

/** The rows under the evacuation heading of a board. */
function evacuationRows(board: string, heading: string): string[] {
  const lines = board.split('\n');
  const from = lines.indexOf(heading) + 1;
  const rows: string[] = [];
  for (let i = from; i < lines.length && lines[i].startsWith('  '); i++) rows.push(lines[i]);
  return rows;
}

describe('the situation board', () => {
  it('shows a zone or shelter the scenario gives no name by its id, with its state in the same column as the named ones', () => {
    const rows = evacuationRows(session().boardText(), 'Evacuation and shelters');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^ {2}pa-co-hillside {2,}pa-co-hillside {2,}no order yet · 650 people · hazard arrives T\+05:40$/);
    expect(rows[1]).toMatch(/^ {2}tri-le-school {2,}tri-le-school {2,}closed · 0 \/ 571 people$/);
    expect(rows[2]).toMatch(/^ {2}tl-border-barracks {2}Doanh trại Đồn Biên phòng Tri Lễ {2}closed · 0 \/ 200 people$/);
    const stateAt = [rows[0].indexOf('no order yet'), rows[1].indexOf('closed'), rows[2].indexOf('closed')];
    expect(new Set(stateAt).size).toBe(1);
    const nameAt = [rows[0].indexOf('pa-co-hillside', 4), rows[1].indexOf('tri-le-school', 4), rows[2].indexOf('Doanh')];
    expect(new Set(nameAt).size).toBe(1);
  });

  it('keeps the states in one column when names run long (the Vinh wards in Vietnamese), cutting only a name past the widest column', () => {
    const vinh = loadNamed('vinh-wards-typhoon-night');
    for (const lang of ['vi', 'en'] as const) {
      const s = new PlaySession(vinh, { seed: vinh.seed ?? 1, players: ['tv-chair'], controller: false, lang });
      s.handle('advance T+04:00');
      const rows = evacuationRows(s.boardText(), lang === 'vi' ? 'Vùng sơ tán và điểm sơ tán' : 'Evacuation and shelters');
      expect(rows.length, lang).toBeGreaterThanOrEqual(6);
      // the state starts after the name's two spaces, at the same column on every row
      const stateAt = rows.map((r) => /^ {2}\S+ {2,}.*?\S {2,}(?=\S)/u.exec(r)![0].length);
      expect(new Set(stateAt).size, rows.join('\n')).toBe(1);
      if (lang === 'vi') expect(rows.join('\n')).toContain('Các khu chung cư cũ phường Trường Vinh');
    }
    const long = clippedCell('Các khu chung cư cũ phường Trường Vinh và Thành Vinh', 42);
    expect([long, len(long)]).toEqual(['Các khu chung cư cũ phường Trường Vinh…   ', 42]);
  });

  it('gives each area the risk level the world holds once the stop\'s time has run, which the hazard lines above give too (the first board said risk 0 beside a typhoon at risk level 4)', () => {
    const vinh = loadNamed('vinh-wards-typhoon-night');
    const s = new PlaySession(vinh, { seed: vinh.seed ?? 1, players: ['tv-chair'], controller: false, lang: 'en' });
    const boards: [number, string][] = [];
    for (let i = 0; i < 8 && !s.finished; i++) {
      boards.push([s.t, s.boardText()]);
      s.handle('advance 50m');
    }
    s.handle('advance until end');
    const opened = openRunLog(serializeRunLog(s.log()).join(''), 'vinh.json');
    if (!opened.ok) throw new Error(opened.message);
    const replay = new Replay(opened.run);
    expect(boards[0][1]).toMatch(/Typhoon No\. 5: .* \(risk level 4, forecast 36 h ahead\)\n/);
    for (const [t, board] of boards) {
      const world = replay.stateAt(t);
      for (const a of ['thanh-vinh', 'truong-vinh', 'vinh-hung']) {
        const shown = new RegExp(` ${a} +risk (\\d+) `).exec(board)?.[1];
        expect(Number(shown), `${a} at ${t}`).toBe(world.areas[a].risk);
      }
    }
    expect(boards.map(([t]) => t)).toContain(0);
    expect(boards.some(([t]) => t > 0 && t % 600 === 0)).toBe(true);
  });

  it('says "1 person at risk" in English (and "1 người" in Vietnamese, which has one form), on the board and in the feed', () => {
    const script = ['advance', 'evacuate pa-co-hillside', 'advance', 'answer evacuate-now', 'advance T+05:40',
      'dispatch tl-militia to pa-co-slide', 'dispatch tl-police pa-co-slide', 'dispatch tl-border-post to pa-co-slide',
      'request support', 'declare level 1', 'advance until end'];
    // ended at T+18:00, the slide is unfinished: 3 rescued, 11 lost while waiting, 1 still at risk
    for (const [lang, one, heading] of [['en', '1 person at risk', 'Incidents'], ['vi', '1 người gặp nạn', 'Sự cố']] as const) {
      const s = session(lang, 18 * 3600);
      const replies = script.map((l) => s.handle(l));
      expect(replies.filter((r) => r.refused).map((r) => r.text)).toEqual([]);
      const board = s.boardText();
      const incident = evacuationRows(board, heading).find((l) => l.startsWith('  pa-co-slide'));
      expect(incident, lang).toMatch(new RegExp(` · ${one}$`));
      expect(board).not.toMatch(/\b1 people\b/);
    }
    // more than one keeps its plural
    const s = session('en');
    const feed = ['advance', 'evacuate pa-co-hillside', 'advance', 'answer evacuate-now', 'advance T+05:41'].map((l) => s.handle(l).text).join('');
    expect(feed).toMatch(/new incident pa-co-slide: Houses buried by a landslide, Tri Lễ, severity 4, 15 people at risk/);
  });

  it('counts another played role\'s news in the singular when there is one', () => {
    const kySon = loadNamed('ky-son-flash-flood');
    const s = new PlaySession(kySon, { seed: 2022, players: ['mx-chair', 'tc-chair'], controller: false, lang: 'en' });
    expect(s.handle('advance').text).toContain('tc-chair: 1 new message, 0 decisions waiting (type: role tc-chair)');
  });

  it('an order for an incident reported at the very time of the stop is taken (the report comes first) and says it is not on the board yet', () => {
    const s = session();
    for (const l of ['advance', 'evacuate pa-co-hillside', 'advance', 'answer evacuate-now', 'advance T+05:40']) s.handle(l);
    // stopped at T+05:40: the slide reported at T+05:40 has not happened yet
    expect(s.boardText()).toMatch(/\nIncidents\n {2}none\n/);
    const r = s.handle('dispatch tl-militia to pa-co-slide');
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe('order for T+05:40: dispatch tl-militia to pa-co-slide (carried out when the clock moves on)\n'
      + 'note: pa-co-slide is not on the board yet: it is reported at T+05:40, just before your orders for T+05:40 are carried out\n');
    const feed = s.handle('advance 1m').text.split('\n');
    const reported = feed.findIndex((l) => l.includes('new incident pa-co-slide'));
    const done = feed.findIndex((l) => l.includes('tl-chair: order carried out: dispatch tl-militia to pa-co-slide'));
    expect(reported).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(reported);
    // once it is on the board, no note
    expect(s.handle('dispatch tl-police to pa-co-slide').text).not.toContain('note:');
  });
});

describe('a zone the hazard reaches before everyone is out', () => {
  const namDan = loadNamed('nam-dan-compound-flood');
  it('is not called "done", in the feed or on the board, and its hazard time reads as past', () => {
    for (const [lang, done, struck, came] of [
      ['en', 'evacuation nam-dan-riverside: done', 'the hazard reached nam-dan-riverside: 2,500 people still there', 'not all out when the hazard came · 0 sheltered, 0 on the way, 0 still there · 2,500 caught by the hazard · hazard arrived T+16:00'],
      ['vi', 'sơ tán nam-dan-riverside: đã xong', 'hiểm hoạ ập đến nam-dan-riverside: còn 2.500 người chưa sơ tán', 'chưa sơ tán xong khi hiểm hoạ ập đến · 0 người đã đến nơi trú, 0 đang di chuyển, 0 còn lại · 2.500 người bị hiểm hoạ ập đến khi chưa sơ tán · hiểm hoạ đã ập đến lúc T+16:00'],
    ] as const) {
      const s = new PlaySession(namDan, { seed: namDan.seed ?? 1, players: ['nd-chair'], controller: false, lang });
      const before = s.handle('advance T+15:00').text;
      expect(before).toMatch(lang === 'en' ? /nam-dan-riverside .*no order yet · 2,500 people · hazard arrives T\+16:00/ : /nam-dan-riverside .*chưa có lệnh · 2.500 người · hiểm hoạ ập đến T\+16:00/);
      const r = s.handle('advance T+16:30').text;
      expect(r).toContain(`T+16:00  ${struck}`);
      expect(r).not.toContain(done);
      expect(r).toContain(came);
    }
  });

  it('a zone emptied before the hazard is still "done"', () => {
    const s = new PlaySession(namDan, { seed: namDan.seed ?? 1, players: ['nd-chair'], controller: false, lang: 'en' });
    s.handle('evacuate nam-dan-riverside');
    const r = s.handle('advance T+16:30').text;
    expect(r).toContain('evacuation nam-dan-riverside: done');
    expect(r).toMatch(/nam-dan-riverside .*done · 2,500 sheltered, 0 on the way, 0 still there · hazard arrived T\+16:00/);
  });
});

describe('the feed on roads', () => {
  const kySon = loadNamed('ky-son-flash-flood');
  it('says a road closed or reopened by an order was closed by that role, and one cut by the scenario was cut', () => {
    for (const [lang, closed, opened, cut] of [
      ['en', 'road ql7-tc-mx (QL7 Tà Cạ - Mường Xén): closed by order of Mường Xén commune chair (commune civil-defence board)', 'road ql7-tc-mx (QL7 Tà Cạ - Mường Xén): reopened by order of Mường Xén commune chair (commune civil-defence board)', 'T+03:00  road ql7-hk-tc (QL7 Hữu Kiệm - Tà Cạ): cut'],
      ['vi', 'tuyến ql7-tc-mx (QL7 Tà Cạ - Mường Xén): bị cấm theo lệnh của Chủ tịch UBND xã Mường Xén (Ban chỉ huy PTDS xã)', 'tuyến ql7-tc-mx (QL7 Tà Cạ - Mường Xén): được thông lại theo lệnh của Chủ tịch UBND xã Mường Xén (Ban chỉ huy PTDS xã)', 'T+03:00  tuyến ql7-hk-tc (QL7 Hữu Kiệm - Tà Cạ): bị chia cắt'],
    ] as const) {
      const s = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang });
      s.handle('close road ql7-tc-mx');
      const first = s.handle('advance 10m').text;
      expect(first).toContain(closed);
      s.handle('open road ql7-tc-mx');
      expect(s.handle('advance 10m').text).toContain(opened);
      expect(s.handle('advance T+03:01').text).toContain(cut);
    }
  });
});

describe('a unit with no open road home', () => {
  it('reads "no open road home: waits at <place>" on the board, not a time it will be back (Kỳ Sơn, the evacuate-late decisions)', async () => {
    const { parseDecisions } = await import('../../engine/sim/decisions.js');
    const { readFileSync } = await import('node:fs');
    const ks = loadNamed('ky-son-flash-flood');
    const file = join(ROOT, 'scenarios/decisions/ky-son-evacuate-late.yaml');
    const d = parseDecisions(readFileSync(file, 'utf8'), file, ks);
    if (!d.ok) throw new Error('decisions do not load');
    // Mường Xén's police leave Tà Cạ at 07:36 with every road home cut; it reopens at 11:00
    for (const [lang, words] of [['en', /no open road home: waits at Tà Cạ/], ['vi', /không còn đường về: chờ tại Tà Cạ/]] as const) {
      const s = new PlaySession(ks, { seed: ks.seed ?? 1, players: ['tc-chair'], controller: true, lang }, d.value.decisions);
      s.handle('advance T+08:00');
      s.handle('role controller');
      const row = s.boardText().split('\n').find((l) => l.includes('mx-police'));
      expect(row, lang).toMatch(words);
    }
  });
});

describe('a decision waiting on the board', () => {
  it('offers "to answer: answer <id> <option>" only while an answer is still taken: at the deadline it says too late and nothing more', () => {
    const kySon = loadNamed('ky-son-flash-flood');
    for (const [lang, how, late] of [['en', 'to answer: answer night-evacuation', 'too late to answer'], ['vi', 'để trả lời: answer night-evacuation', 'đã quá hạn trả lời']] as const) {
      const s = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang });
      expect(s.handle('advance').text, lang).toContain(how);
      const due = s.handle('advance T+02:15').text;
      expect(due, lang).toContain(late);
      expect(due, lang).not.toContain(how);
      expect(s.handle('answer night-evacuation evacuate-now').refused, lang).toBe(true);
    }
  });
});

describe('a deadline of another role played at this terminal', () => {
  it('is said when it passes while another seat has the clock, with the default applied, once', () => {
    // Quế Phong: the chair's night-evacuation question (#4, qp-chair) expires at T+05:40, when the Huổi Mường slide
    // (tl-chair's) is reported too: the stop names the slide, and the feed is tl-chair's
    const qp = loadNamed('que-phong-landslides');
    const s = new PlaySession(qp, { seed: qp.seed ?? 1, players: ['qp-chair', 'tl-chair'], controller: false, lang: 'en' });
    s.handle('role tl-chair');
    const text = s.handle('advance T+05:41').text;
    expect(text).toContain('qp-chair: no answer to stream-rising by T+05:40; default applied: wait (Wait for daylight) (type: role qp-chair)');
    // said with the move that passed it, not again on every board
    expect(s.handle('board').text).not.toContain('no answer to stream-rising');
    const vi = new PlaySession(qp, { seed: qp.seed ?? 1, players: ['qp-chair', 'tl-chair'], controller: false, lang: 'vi' });
    vi.handle('role tl-chair');
    expect(vi.handle('advance T+05:41').text).toContain('qp-chair: không có trả lời cho stream-rising trước T+05:40; đã áp dụng phương án mặc định: wait (Chờ đến sáng) (gõ: role qp-chair)');
  });
});

// a unit worked at an incident for its eight-hour shift and went home, the incident still open: the board said
// 'nobody sent yet' of it, which sent the trainee looking for an order never given (Kỳ Sơn, tc-chair's militia)
describe('an open incident whose units have left', () => {
  const kySon = loadNamed('ky-son-flash-flood');
  it('is said to have had units since their arrival, and to need one again, not "nobody sent yet"', () => {
    for (const [lang, before, after] of [
      ['en', 'nobody sent yet', 'nobody there now: the units at work here from T+03:39:06 have left (a shift over, or called away); send one again'],
      ['vi', 'chưa điều lực lượng nào', 'hiện không còn lực lượng nào ở đó: các lực lượng làm việc ở đây từ T+03:39:06 đã rời đi'],
    ] as const) {
      const s = new PlaySession(kySon, { seed: kySon.seed ?? 1, players: ['tc-chair'], controller: false, lang });
      s.handle('evacuate ta-ca-riverside');
      s.handle('advance until T+03:10');
      const row = (board: string) => board.split('\n').find((_l, i, all) => i > 0 && all[i - 1].startsWith('  ta-ca-houses  ')) ?? '';
      expect(s.handle('dispatch tc-militia to ta-ca-houses').refused).toBeFalsy();
      s.handle('advance until T+12:00');
      expect(row(s.boardText())).toContain(after);
      expect(row(s.boardText())).not.toContain(before);
    }
  });
});
