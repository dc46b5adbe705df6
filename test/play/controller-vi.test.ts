/**
 * The controller's commands in Vietnamese, with and without diacritics, as the trainees' are: a Vietnamese exercise
 * controller (ban đạo diễn) typing `tạm dừng` or `giữ dam-rumour` was told the command is unknown. The words are those
 * of the play page's controller box (tạm dừng, giữ và phát tin, thêm tin tình huống, chuyển thời gian); the English
 * forms still read; `help` in a Vietnamese session lists them; `tiếp tục` alone stays advance (a trainee's word),
 * and at a paused exercise the controller is asked which is meant.
 */
import { describe, expect, it } from 'vitest';
import { matchVerb, parseLine, VI_FORMS, VERBS } from '../../engine/play/grammar.js';
import { CATALOGUES } from '../../engine/play/messages.js';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');
const ctx = { isArea: (id: string) => ['ta-ca', 'muong-xen'].includes(id) };
const read = (line: string) => {
  const r = parseLine(line, ctx);
  if (!r.ok || r.value === null) throw new Error(`did not parse: ${line}`);
  return { verb: r.value.verb.id, args: r.value.args, at: r.value.at };
};

const CONTROLLER = ['pause', 'resume', 'hold', 'release', 'inject', 'jump', 'breakdown', 'repair'] as const;

describe('the controller\'s commands in Vietnamese', () => {
  it('read as the English ones, with and without diacritics', () => {
    const same = (vi: string, en: string) => expect(read(vi), vi).toEqual(read(en));
    for (const vi of ['tạm dừng', 'tam dung', 'dừng', 'dừng lại', 'dung lai']) same(vi, 'pause');
    for (const vi of ['tiếp tục diễn tập', 'tiep tuc dien tap', 'hủy tạm dừng', 'huy tam dung', 'bỏ tạm dừng', 'bo tam dung']) same(vi, 'resume');
    for (const vi of ['giữ dam-rumour', 'giu dam-rumour', 'giữ lại dam-rumour', 'giữ tin dam-rumour', 'giu tin dam-rumour']) same(vi, 'hold dam-rumour');
    for (const vi of ['thả dam-rumour', 'tha dam-rumour', 'phát tin dam-rumour', 'phat tin dam-rumour', 'phát dam-rumour']) same(vi, 'release dam-rumour');
    same('thêm tình huống tc-chair lúc T+03:00 Kiểm tra | Báo cáo QL7', 'inject tc-chair at T+03:00 Kiểm tra | Báo cáo QL7');
    same('them tinh huong tc-chair luc T+03:00 Kiem tra | Bao cao', 'inject tc-chair at T+03:00 Kiem tra | Bao cao');
    same('thêm tin tình huống tc-chair Kiểm tra | Báo cáo', 'inject tc-chair Kiểm tra | Báo cáo');
    same('thêm tin tc-chair Kiểm tra | Báo cáo', 'inject tc-chair Kiểm tra | Báo cáo');
    for (const vi of ['nhảy đến T+04:00', 'nhay den T+04:00', 'chuyển thời gian đến T+04:00', 'chuyen thoi gian toi T+04:00', 'chuyển giờ T+04:00', 'tua T+04:00']) same(vi, 'jump to T+04:00');
    for (const vi of ['hỏng mx-police', 'hong mx-police', 'báo hỏng mx-police', 'ngừng hoạt động mx-police', 'ngung hoat dong mx-police']) same(vi, 'breakdown mx-police');
    for (const vi of ['sửa mx-police', 'sua mx-police', 'sửa chữa mx-police', 'khôi phục mx-police', 'khoi phuc mx-police']) same(vi, 'repair mx-police');
    // the English forms as before
    expect(read('pause').verb).toBe('pause');
    expect(read('hold_inject dam-rumour').verb).toBe('hold');
    expect(read('add inject tc-chair x | y').verb).toBe('inject');
  });

  it('each Vietnamese form names one command only, and the trainees\' read as before (tiếp tục is advance)', () => {
    const owner = new Map<string, string>();
    for (const v of VERBS) {
      for (const form of v.vi) {
        const f = form.join(' ');
        expect(owner.get(f), f).toBeUndefined();
        owner.set(f, v.id);
        expect(matchVerb(form)?.verb.id, f).toBe(v.id);
      }
    }
    for (const id of CONTROLLER) expect(VI_FORMS[id]?.length, id).toBeGreaterThan(0);
    expect(read('tiếp tục').verb).toBe('advance');
    expect(read('tiếp tục đến T+03:15')).toEqual(read('advance until T+03:15'));
    expect(read('hoàn tác').verb).toBe('undo');
    // a misspelt one gets its did-you-mean, as a trainee's does
    const r = parseLine('tam dungg', ctx);
    expect(r).toMatchObject({ ok: false, problem: { key: 'parse.unknown-verb-guess', params: { guess: 'tam dung' } } });
  });

  it('are listed in the controller\'s help in Vietnamese, each as a form the session reads', () => {
    const s = new PlaySession(kySon, { seed: 2022, players: [], controller: true, lang: 'vi' });
    const help = s.handle('giúp').text;
    const list = /Lệnh gõ được cả bằng tiếng Việt, có dấu hoặc không: (.*)\n/.exec(help)?.[1] ?? '';
    for (const id of CONTROLLER) expect(list, id).toContain(`(${id})`);
    // every "a hoặc b (verb)" in the list reads as that verb
    const items = [...list.matchAll(/(?<=^|\), )([^()]+?) \(([a-z]+)\)/g)];
    expect(items.map((m) => m[2])).toEqual([...CONTROLLER]);
    for (const m of items) {
      for (const form of m[1].split(/, | hoặc /)) expect(matchVerb(form.trim().split(' '))?.verb.id, form).toBe(m[2]);
    }
    expect(s.handle('help tạm dừng').text).toBe('tạm dừng\n  tạm dừng diễn tập: khung tập không được ra lệnh, thời gian không trôi\n');
    // a trainee's seat lists the trainees' forms, as before
    const t = new PlaySession(kySon, { seed: 2022, players: ['tc-chair'], controller: true, lang: 'vi' });
    expect(t.handle('help').text).toContain(CATALOGUES.vi['help.footer']);
    // English keeps its footer
    const en = new PlaySession(kySon, { seed: 2022, players: [], controller: true, lang: 'en' });
    expect(en.handle('help').text).toContain('Ids are on the board; Tab completes them. help <command> explains one command.\n');
  });

  it('run a session in Vietnamese: pause, hold, add an inject, jump, break down, repair, release, resume', () => {
    const vi = new PlaySession(kySon, { seed: 2022, players: ['tc-chair'], controller: true, lang: 'vi' });
    const en = new PlaySession(kySon, { seed: 2022, players: ['tc-chair'], controller: true, lang: 'vi' });
    const viLines = ['vai controller', 'tạm dừng', 'giữ dam-rumour', 'thêm tình huống tc-chair lúc T+01:00 Kiểm tra | Báo cáo đường QL7', 'nhảy đến T+00:30', 'hỏng mx-police', 'tiếp 10p', 'sửa mx-police', 'thả dam-rumour', 'tiếp tục diễn tập', 'tiếp 1h'];
    const enLines = ['role controller', 'pause', 'hold dam-rumour', 'inject tc-chair at T+01:00 Kiểm tra | Báo cáo đường QL7', 'jump to T+00:30', 'breakdown mx-police', 'advance 10m', 'repair mx-police', 'release dam-rumour', 'resume', 'advance 1h'];
    const replies = viLines.map((l) => vi.handle(l));
    expect(replies.filter((r) => r.refused).map((r) => r.text)).toEqual([]);
    expect(replies[1].text).toBe('Đã tạm dừng diễn tập: khung tập không được ra lệnh, thời gian không trôi cho đến khi resume (tiếp tục diễn tập).\n');
    // the order is echoed in its English form, as a trainee's is
    expect(replies[2].text).toBe('lệnh cho T+00:00: hold dam-rumour (thực hiện khi thời gian trôi)\n');
    expect(replies[9].text).toBe('Tiếp tục diễn tập.\n');
    for (const l of enLines) en.handle(l);
    // the same decisions, the same run
    expect(vi.log().events).toEqual(en.log().events);
    expect(vi.decisions.map((d) => d.cmd.do)).toEqual(['hold_inject', 'add_inject', 'breakdown', 'repair', 'release_inject']);
  });

  it('tiếp tục alone at a paused exercise asks whether resume or advance is meant, and changes nothing', () => {
    for (const [lang, said] of [
      ['vi', 'bị từ chối: diễn tập đang tạm dừng, mà chỉ gõ tiếp tục là cho thời gian trôi (advance) trong khi vẫn tạm dừng: muốn cho diễn tập chạy lại, hãy gõ tiếp tục diễn tập (resume); muốn cho thời gian trôi mà vẫn tạm dừng, hãy gõ tiếp (advance). Không có gì thay đổi.\n'],
      ['en', 'refused: the exercise is paused, and tiếp tục alone moves the clock on (advance) with play still paused: to resume play, type tiếp tục diễn tập (resume); to move the clock on while paused, type tiếp (advance). Nothing was changed.\n'],
    ] as const) {
      const s = new PlaySession(kySon, { seed: 2022, players: [], controller: true, lang });
      s.handle('tạm dừng');
      for (const line of ['tiếp tục', 'tiep tuc', 'Tiếp Tục']) {
        const r = s.handle(line);
        expect(r.text, line).toBe(said);
        expect(s.t).toBe(0);
        expect(s.paused).toBe(true);
      }
      // tiếp moves the clock with play still paused; tiếp tục with a step is a step
      s.handle('tiếp tục 10p');
      expect(s.t).toBe(600);
      s.handle('tiếp tục diễn tập');
      expect(s.paused).toBe(false);
      // not paused: tiếp tục is advance, as for a trainee
      s.handle('tiếp tục');
      expect(s.t).toBeGreaterThan(600);
    }
  });
});
