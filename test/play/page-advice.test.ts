/**
 * The play page runs the same PlaySession as `drill play`, but has no command line: advice that names one
 * (start it with --controller, drill play --resume <file> --controller, writes --out) is said the page's way there
 * (the start form's tick boxes, New session, the download), and the terminal keeps its own.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const minimal = loadNamed('minimal');

function replies(surface: 'terminal' | 'page' | undefined, lang: 'en' | 'vi', players: string[], controller: boolean, lines: string[]): string[] {
  const s = new PlaySession(minimal, { seed: 7, players, controller, lang, ...(surface ? { surface } : {}) });
  return lines.map((l) => s.handle(l).text);
}

/** Everything a trainee without the controller, and a controller alone, may be told about seats and files. */
const TRAINEE = ['pause', 'role controller', 'role nobody', 'help role', 'help save', 'help quit', 'help'];
const CONTROLLER_ALONE = ['dispatch mx-militia collapse-1', 'role mx-commander'];

describe('advice on the play page', () => {
  it('names the page\'s controls, not the command line, EN and VI', () => {
    const en = replies('page', 'en', ['mx-commander'], false, TRAINEE);
    expect(en[0]).toBe('refused: only the controller may do that, and no controller sits at this session: tick Controller under Roles played here when you start a session (quit, then New session, brings that choice back). Nothing was changed.\n');
    expect(en[1]).toBe("refused: no controller sits at this session (seats here: mx-commander): that seat is chosen under Roles played here when a session starts or resumes; to take it, save <file>, then quit, press New session, tick Controller and pick that file with Resume a saved session… (the session goes on from the save, the controller here). Nothing was changed.\n");
    expect(en[2]).toBe("refused: 'nobody' is not played in this session; seats here: mx-commander. Nothing was changed.\n");
    const vi = replies('page', 'vi', ['mx-commander'], false, TRAINEE);
    expect(vi[0]).toBe('bị từ chối: chỉ ban đạo diễn được làm việc này, mà phiên này không có ban đạo diễn: hãy đánh dấu ô Ban đạo diễn ở mục Vai đóng tại đây khi bắt đầu phiên (gõ quit rồi bấm Phiên mới để chọn lại). Không có gì thay đổi.\n');
    expect(vi[1]).toContain('bấm Phiên mới, đánh dấu ô Ban đạo diễn và chọn tệp đó bằng Chơi tiếp phiên đã lưu…');
    const alone = replies('page', 'en', [], true, CONTROLLER_ALONE);
    expect(alone[0]).toBe("refused: the controller gives no orders to forces, and no role is played in this session: doctrine plays them all (to take a role's orders, tick it under Roles played here when you start a session: quit, then New session). Nothing was changed.\n");
    expect(alone[1]).toBe("refused: 'mx-commander' is not played in this session; seats here: controller. Nothing was changed.\n");
    expect(replies('page', 'vi', [], true, CONTROLLER_ALONE)[0]).toContain('hãy đánh dấu vai đó ở mục Vai đóng tại đây khi bắt đầu phiên');
    // nothing on the page asks for an option of drill play, or speaks of "this terminal"
    for (const text of [...en, ...vi, ...alone]) {
      expect(text).not.toMatch(/--(controller|role|out)\b|this terminal|drill play with/);
    }
    // help says what save and quit do on the page (the browser downloads the run log)
    expect(en[4]).toContain("download the session's run log as <file> (the browser saves it)");
    expect(en[5]).toContain('leave the session (its run log can still be downloaded)');
  });

  it('leaves the terminal\'s words as they were (the default, and surface terminal)', () => {
    for (const surface of [undefined, 'terminal'] as const) {
      const en = replies(surface, 'en', ['mx-commander'], false, TRAINEE);
      expect(en[0]).toBe('refused: only the controller may do that, and no controller sits at this session (start it with --controller). Nothing was changed.\n');
      expect(en[1]).toContain('then carry on with drill play --resume <file> --controller (seats here: mx-commander)');
      expect(en[2]).toContain("'nobody' is not played at this terminal");
      expect(en[5]).toContain('leave the session (writes --out if it was given)');
      expect(replies(surface, 'vi', [], true, CONTROLLER_ALONE)[0]).toContain('chạy drill play với --role R để nhận lệnh của một vai');
    }
  });

  it("opens with the scenario's title on the page, and with the command's name in a terminal", () => {
    const first = (surface: 'terminal' | 'page', lang: 'en' | 'vi') => new PlaySession(minimal, { seed: 7, players: ['mx-commander'], controller: false, lang, surface }).intro().split('\n')[0];
    expect(first('page', 'en')).toBe('House collapse after heavy rain in Mường Xén (seed 7)');
    expect(first('page', 'vi')).toBe('Sập nhà sau mưa lớn ở Mường Xén (seed 7)');
    expect(first('terminal', 'en')).toBe('drill play: House collapse after heavy rain in Mường Xén (seed 7)');
  });
});
