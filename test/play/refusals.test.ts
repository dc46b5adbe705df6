import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRefusal, guessIds } from '../../engine/play/refusals.js';
import { PlaySession } from '../../engine/play/session.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed, loadScenarioFile } from '../helpers/scenarios.js';

const quePhong = loadScenarioFile(join(ROOT, 'test/fixtures/play/que-phong.yaml'));
/** A session with the Tri Lễ chair played by a trainee (seed 48). */
const tlChair = (lang: 'en' | 'vi') => new PlaySession(quePhong, { seed: 48, players: ['tl-chair'], controller: false, lang });
/** The Pà Cọ hillside evacuation ordered by the Tri Lễ chair, never ordered before, at a stop: the board then, and the reply. */
function evacuateAfter(stop: string) {
  const s = tlChair('en');
  s.handle(`advance ${stop}`);
  const board = s.boardText();
  return { board, r: s.handle('evacuate pa-co-hillside') };
}

describe('a refusal for an id that does not exist', () => {
  it('suggests the id a shortened or mistyped one most likely names, for zones as for every other kind of id', () => {
    const s = tlChair('en');
    const cases: [string, string][] = [
      ['evacuate pa-co', "there is no evacuation zone 'pa-co' (did you mean 'pa-co-hillside'?)"],
      ['evacuate pa-co-hilside', "there is no evacuation zone 'pa-co-hilside' (did you mean 'pa-co-hillside'?)"],
      ['open shelter tl-border', "there is no shelter 'tl-border' (did you mean 'tl-border-barracks'?)"],
      ['open shelter school', "there is no shelter 'school' (did you mean 'tri-le-school'?)"],
      ['dispatch tl-polise pa-co-slide', "there is no unit 'tl-polise' (did you mean 'tl-police'?)"],
    ];
    for (const [line, why] of cases) {
      const r = s.handle(line);
      expect(r.refused, line).toBe(true);
      expect(r.text, line).toContain(why);
    }
    const vi = tlChair('vi');
    expect(vi.handle('evacuate pa-co').text).toContain("không có vùng sơ tán 'pa-co' (có phải 'pa-co-hillside'?)");
  });

  it('a zone suggested for a misspelt one, once the hazard has reached it, says an order for it would be refused and why, EN and VI', () => {
    const s = tlChair('en');
    s.handle('advance T+06:10');
    // the suggestion alone sent the trainee to type it and be refused again
    expect(s.handle('evacuate pa-co-hilside').text).toBe("refused: there is no evacuation zone 'pa-co-hilside' (did you mean 'pa-co-hillside'? an order for it would be refused, too late: the hazard reached zone 'pa-co-hillside' at T+05:40; 650 people were caught there). Nothing was changed.\n");
    const at = tlChair('en');
    at.handle('advance T+05:40');
    expect(at.handle('evacuate pa-co').text).toContain("(did you mean 'pa-co-hillside'? an order for it would be refused, too late: the hazard reaches zone 'pa-co-hillside' at T+05:40, before the orders for T+05:40 are carried out)");
    const vi = tlChair('vi');
    vi.handle('advance T+06:10');
    expect(vi.handle('evacuate pa-co').text).toContain("không có vùng sơ tán 'pa-co' (có phải 'pa-co-hillside'? lệnh cho vùng đó cũng sẽ bị từ chối, quá muộn: hiểm hoạ đã ập đến vùng 'pa-co-hillside' lúc T+05:40; 650 người bị kẹt lại ở đó)");
    // before the hazard, the plain suggestion
    const early = tlChair('en');
    early.handle('advance T+05:00');
    expect(early.handle('evacuate pa-co').text).toContain("(did you mean 'pa-co-hillside'?). Nothing was changed.");
  });

  it('of several zones a shortened id may name, suggests those that can still be ordered', () => {
    const two = structuredClone(quePhong);
    const { hazard_arrives: _, ...village } = { ...two.evacuation.zones[0], id: 'pa-co-village' };
    two.evacuation.zones.push(village);
    const s = new PlaySession(two, { seed: 48, players: ['tl-chair'], controller: false, lang: 'en' });
    expect(s.handle('evacuate pa-co').text).toContain("(did you mean one of pa-co-hillside, pa-co-village?)");
    s.handle('advance T+06:10');
    expect(s.handle('evacuate pa-co').text).toContain("there is no evacuation zone 'pa-co' (did you mean 'pa-co-village'?). Nothing was changed.");
  });
});

describe('a refusal for something that happened at the very time of the stop', () => {
  it('an evacuation ordered at the time the hazard reaches the zone is too late, and says so, not "already has its order"', () => {
    const { board, r } = evacuateAfter('T+05:40');
    expect(board).toContain('no order yet');
    expect(r.refused).toBe(true);
    expect(r.text).toBe("refused: too late: the hazard reaches zone 'pa-co-hillside' at T+05:40, before the orders for T+05:40 are carried out. Nothing was changed.\n");
  });

  it('an evacuation ordered once the hazard has struck, at any later stop, says when it came and how many were caught, not "already has its order: done"', () => {
    const { board, r } = evacuateAfter('T+06:10');
    expect(board).toContain('650 caught by the hazard');
    expect(r.refused).toBe(true);
    expect(r.text).toBe("refused: too late: the hazard reached zone 'pa-co-hillside' at T+05:40; 650 people were caught there. Nothing was changed.\n");
    const vi = tlChair('vi');
    vi.handle('advance T+06:10');
    expect(vi.handle('evacuate pa-co-hillside').text).toBe("bị từ chối: quá muộn: hiểm hoạ đã ập đến vùng 'pa-co-hillside' lúc T+05:40; 650 người bị kẹt lại ở đó. Không có gì thay đổi.\n");
  });

  it('a zone ordered out that the hazard caught part-way says how many were still there; one that emptied in time keeps "already has its order"', () => {
    const s = tlChair('en');
    s.handle('advance T+05:00');
    s.handle('evacuate pa-co-hillside');
    s.handle('advance T+06:10');
    const caught = /(\d+) caught by the hazard/.exec(s.boardText());
    expect(caught).not.toBeNull();
    expect(s.handle('evacuate pa-co-hillside').text).toBe(`refused: too late: the hazard reached zone 'pa-co-hillside' at T+05:40; ${caught![1]} people were caught there. Nothing was changed.\n`);
    const early = tlChair('en');
    early.handle('evacuate pa-co-hillside');
    early.handle('advance T+06:10');
    expect(early.boardText()).not.toContain('caught by the hazard');
    expect(early.handle('evacuate pa-co-hillside').text).toBe("refused: zone 'pa-co-hillside' already has its order: done. Nothing was changed.\n");
  });
});

describe('an answer to a decision point whose message has not arrived', () => {
  const kySon = loadNamed('ky-son-flash-flood');
  it('says the message has not reached the seat yet, not that it is "no longer waiting (scheduled)" (which also gave away the MSEL)', () => {
    const en = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang: 'en' });
    const r = en.handle('answer night-evacuation evacuate-now');
    expect(r.refused).toBe(true);
    expect(r.text).toBe("refused: inject 'night-evacuation' has not reached you yet: answer a decision point once its message is on your board. Nothing was changed.\n");
    const vi = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang: 'vi' });
    const v = vi.handle('answer night-evacuation evacuate-now').text;
    expect(v).toContain("tình huống 'night-evacuation' chưa đến với bạn");
    expect(v).not.toMatch(/không còn|chờ phát/);
    // a held inject has not arrived either
    const held = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: true, lang: 'en' });
    held.handle('role controller');
    held.handle('hold night-evacuation');
    held.handle('jump T+01:46');
    held.handle('role mx-chair');
    expect(held.handle('answer night-evacuation evacuate-now').text).toContain("inject 'night-evacuation' has not reached you yet");
    // once answered or expired, the state is the reason
    en.handle('advance T+02:16');
    expect(en.handle('answer night-evacuation evacuate-now').text).toContain("inject 'night-evacuation' is not waiting for an answer (deadline passed)");
  });

  it('asks for the option when only the decision point is named, in each language', () => {
    const en = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang: 'en' });
    en.handle('advance T+01:46');
    const r = en.handle('answer night-evacuation');
    expect(r.refused).toBe(true);
    expect(r.text).toBe("refused: 'night-evacuation' is the decision point; say which option: answer night-evacuation <option> (options: evacuate-now, wait-for-daylight). Nothing was changed.\n");
    const vi = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang: 'vi' });
    vi.handle('advance T+01:46');
    expect(vi.handle('answer night-evacuation').text).toContain("hãy nêu phương án: answer night-evacuation <phương-án> (các phương án: evacuate-now, wait-for-daylight)");
    // an option alone still answers the only decision waiting
    expect(en.handle('answer evacuate-now').refused).toBeFalsy();
  });

  it('names the role in a list a reviewer reads (drill run\'s refused decisions)', () => {
    const s = new PlaySession(kySon, { seed: 2022, players: ['mx-chair'], controller: false, lang: 'en' });
    const d = { at: 0, role: 'mx-chair', author: 'trainee' as const, cmd: { do: 'answer' as const, inject: 'night-evacuation', option: 'evacuate-now' } };
    expect(explainRefusal(s.sim, d, 'not-waiting', 'en', 'record')).toBe("inject 'night-evacuation' had not reached Mường Xén commune chair (commune civil-defence board) yet");
  });
});

describe('guessIds', () => {
  const ids = ['tl-militia', 'tl-police', 'tl-border-post', 'tl-health', 'qp-militia', 'pa-co-hillside'];
  it('prefers the nearest spelling, then the ids a word starts, then those it is part of', () => {
    expect(guessIds('tl-militai', ids)).toEqual(['tl-militia']);
    expect(guessIds('pa-co', ids)).toEqual(['pa-co-hillside']);
    expect(guessIds('militia', ids)).toEqual(['qp-militia', 'tl-militia']);
  });
  it('names nobody when the word fits more than three ids, or is too short to mean anything', () => {
    expect(guessIds('tl-', ids)).toEqual([]);
    expect(guessIds('x', ids)).toEqual([]);
    expect(guessIds('nothing-like-it', ids)).toEqual([]);
  });
});

describe('an option\'s label typed for its id', () => {
  it('is refused with the id to type, in either language, whether its words are one too many or read as inject and option', () => {
    // Vinh Hưng's riverside question: options evacuate-now (Evacuate now / Sơ tán ngay), wait-bulletin (Wait for the 16:00 bulletin)
    const vinh = loadNamed('vinh-wards-typhoon-night');
    for (const lang of ['en', 'vi'] as const) {
      const s = new PlaySession(vinh, { seed: 825, players: ['vh-chair'], controller: false, lang });
      s.handle('advance');
      const hash = s.worldHash();
      const cases: [string, string][] = lang === 'en'
        ? [
          ['answer Evacuate now', "refused: 'Evacuate now' is how option evacuate-now of 'riverside-decision' reads; answer with its id: answer evacuate-now. Nothing was changed.\n"],
          ['answer Wait for the 16:00 bulletin', "refused: 'Wait for the 16:00 bulletin' is how option wait-bulletin of 'riverside-decision' reads; answer with its id: answer wait-bulletin. Nothing was changed.\n"],
        ]
        : [['trả lời sơ tán ngay', "bị từ chối: 'sơ tán ngay' là tên gọi của phương án evacuate-now trong tình huống 'riverside-decision'; hãy trả lời bằng mã của phương án: answer evacuate-now. Không có gì thay đổi.\n"]];
      for (const [line, said] of cases) {
        const r = s.handle(line);
        expect(r.refused, line).toBe(true);
        expect(r.text, line).toBe(said);
      }
      expect(s.worldHash()).toBe(hash);
      // the id itself is still an answer
      expect(s.handle('answer evacuate-now').refused).toBeUndefined();
    }
  });
});

describe('a busy unit dispatched', () => {
  it('says what to do instead: nothing when it is sent there already, else recall it first (which is then taken)', () => {
    const vinh = loadNamed('vinh-wards-typhoon-night');
    for (const lang of ['en', 'vi'] as const) {
      const s = new PlaySession(vinh, { seed: 825, players: ['tr-chair'], controller: false, lang });
      for (const l of ['advance until T+06:03', 'dispatch tr-militia to landfall-damage-2', 'advance 5m']) expect(s.handle(l).refused, l).toBeUndefined();
      const same = s.handle('dispatch tr-militia to landfall-damage-2');
      const other = s.handle('dispatch tr-militia to landfall-damage-3');
      expect([same.refused, other.refused]).toEqual([true, true]);
      if (lang === 'en') {
        expect(same.text).toBe("refused: unit 'tr-militia' is busy: mobilising → landfall-damage-2; it is sent there already. Nothing was changed.\n");
        // landfall-damage-3 is in Thành Vinh, which has not asked for support: a recall would not get it there (four on-the-spot)
        expect(other.text).toBe("refused: unit 'tr-militia' is busy: mobilising → landfall-damage-2; recalled, it could not be sent there either: 'tr-militia' belongs to Trường Vinh ward, not Thành Vinh ward: outside forces go only after Thành Vinh ward requests support (four on-the-spot). Nothing was changed.\n");
      } else {
        expect(same.text).toContain('; đơn vị đã được điều đến đó rồi. Không có gì thay đổi.');
        expect(other.text).toContain('; dù có rút về thì cũng không điều đến đó được: \'tr-militia\' thuộc Phường Trường Vinh, không thuộc Phường Thành Vinh: lực lượng ngoài địa bàn chỉ đến khi Phường Thành Vinh đề nghị hỗ trợ (bốn tại chỗ). Không có gì thay đổi.');
      }
      // nothing was changed by the advice's own trial: recalled, it can be sent again at the same stop
      expect(s.handle('recall tr-militia').refused).toBeUndefined();
      expect(s.handle('dispatch tr-militia to landfall-damage-2').refused, lang).toBeUndefined();
    }
  });

  it('advises the recall only when the dispatch would then pass (here once Thành Vinh has asked for support), and the advice holds', () => {
    const vinh = loadNamed('vinh-wards-typhoon-night');
    for (const lang of ['en', 'vi'] as const) {
      const s = new PlaySession(vinh, { seed: 825, players: ['tr-chair', 'tv-chair'], controller: false, lang });
      s.seat = 'tr-chair';
      for (const l of ['advance until T+06:03', 'dispatch tr-militia to landfall-damage-2', 'advance 5m', 'role tv-chair', 'request support', 'role tr-chair']) expect(s.handle(l).refused, l).toBeUndefined();
      const r = s.handle('dispatch tr-militia to landfall-damage-3');
      expect(r.refused).toBe(true);
      expect(r.text).toContain(lang === 'en' ? '; to send it elsewhere, recall tr-militia first, then dispatch it. Nothing was changed.' : '; muốn điều đi nơi khác, hãy rút về trước (recall tr-militia) rồi điều động lại. Không có gì thay đổi.');
      expect(s.handle('recall tr-militia').refused).toBeUndefined();
      expect(s.handle('dispatch tr-militia to landfall-damage-3').refused, lang).toBeUndefined();
    }
  });
});

describe('a dispatch with no open road to the incident', () => {
  const qp = loadNamed('que-phong-landslides');
  const at = (lang: 'en' | 'vi', seed = 928) => {
    const s = new PlaySession(qp, { seed, players: ['tl-chair'], controller: false, lang });
    s.handle('advance until T+05:41');
    return s;
  };

  it('names the cut road on the way (not the other cut roads) and what to do: another unit that gets there, else ask for support', () => {
    const s = at('en');
    const first = s.handle('dispatch tl-militia to huoi-muong-slide');
    expect(first.refused).toBe(true);
    // road-qp-tl and ql48-qc-qp are cut too (seed 928), but not on the way from Tri Lễ to the slope villages
    expect(first.text).toBe("refused: no open road from 'tl-militia' to incident 'huoi-muong-slide': the way there is cut at road-slope-tl (Slope villages - Tri Lễ centre track); send one of your units that can reach it instead: tl-shock-team. Nothing was changed.\n");
    // the unit it names is taken
    expect(s.handle('dispatch tl-shock-team to huoi-muong-slide').refused).toBeUndefined();
    // with none left, the next tier: request support, until it has been asked
    expect(s.handle('dispatch tl-militia to huoi-muong-slide').text).toContain('the way there is cut at road-slope-tl (Slope villages - Tri Lễ centre track); none of your units can reach it now: ask the next tier for its forces (request support). Nothing was changed.');
    expect(s.handle('request support').refused).toBeUndefined();
    expect(s.handle('dispatch tl-militia to huoi-muong-slide').text).toContain('; none of your units can reach it now, and Tri Lễ has asked for support already: the next tier decides what to send. Nothing was changed.');
    const vi = at('vi');
    expect(vi.handle('dispatch tl-militia to huoi-muong-slide').text).toBe("bị từ chối: không có đường thông từ 'tl-militia' đến sự cố 'huoi-muong-slide': đường đến đó bị chia cắt tại road-slope-tl (Đường từ các bản dưới sườn đồi ra trung tâm Tri Lễ); hãy điều đơn vị khác của bạn có thể đến được đó: tl-shock-team. Không có gì thay đổi.\n");
    vi.handle('dispatch tl-shock-team to huoi-muong-slide');
    expect(vi.handle('dispatch tl-militia to huoi-muong-slide').text).toContain('; hiện không đơn vị nào của bạn đến được đó: hãy đề nghị cấp trên điều lực lượng hỗ trợ (request support). Không có gì thay đổi.');
  });

  it('a road closed by the seat\'s own order is named as such, with open road to lift it', () => {
    // seed 3: no slide cuts the track by T+05:41; the chair closed it
    const s = new PlaySession(qp, { seed: 3, players: ['tl-chair'], controller: false, lang: 'en' });
    s.handle('close road road-slope-tl');
    s.handle('advance until T+05:41');
    const r = s.handle('dispatch tl-militia to huoi-muong-slide');
    expect(r.text).toContain("the way there is cut at road-slope-tl (Slope villages - Tri Lễ centre track, closed by order of Tri Lễ commune chair); open road road-slope-tl lifts your closure; send one of your units that can reach it instead: tl-shock-team.");
    expect(s.handle('open road road-slope-tl').refused).toBeUndefined();
    expect(s.handle('dispatch tl-militia to huoi-muong-slide').refused).toBeUndefined();
  });
});
