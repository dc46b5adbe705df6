/**
 * An advance past the end typed in Vietnamese (`tiếp T+19:00`, `tiếp 25h`, `chờ 30h`) is refused, as the English one
 * is; its suggestions are in the words typed (`tiếp T+18:00`, `tiếp đến hết`, without diacritics when typed
 * without them), not the English `advance ... / advance until end` a Vietnamese trainee never typed. Each line
 * suggested reads and plays the drill to its end.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');
const session = (lang: 'vi' | 'en' = 'vi') => new PlaySession(kySon, { seed: kySon.seed ?? 1, players: ['tc-chair'], controller: false, lang });

/** The two lines a refusal past the end suggests (`hãy viết A hoặc B`, `write A or B`). */
function suggested(text: string): [string, string] {
  const m = /(?:hãy viết|write) (.+?) (?:hoặc|or) (.+?) (?:để chơi đến hết|to play it to the end)/.exec(text);
  if (!m) throw new Error(`no suggestion in: ${text}`);
  return [m[1], m[2]];
}

describe('an advance past the end typed in Vietnamese', () => {
  it('suggests the lines in the words typed: the verb, its until word, hết; with or without diacritics', () => {
    const cases: [string, string, string][] = [
      ['tiếp T+19:00', 'tiếp T+18:00', 'tiếp đến hết'],
      ['tiếp đến T+19:00', 'tiếp đến T+18:00', 'tiếp đến hết'],
      ['tiếp tới T+19:00', 'tiếp tới T+18:00', 'tiếp tới hết'],
      ['tiep den T+19:00', 'tiep den T+18:00', 'tiep den het'],
      ['tiep T+19:00', 'tiep T+18:00', 'tiep den het'],
      ['tiếp 25h', 'tiếp 18h', 'tiếp đến hết'],
      ['tiếp 25 giờ', 'tiếp 18h', 'tiếp đến hết'],
      ['tiep 30h', 'tiep 18h', 'tiep den het'],
      ['chờ 30h', 'chờ 18h', 'chờ đến hết'],
      ['đợi T+20:00', 'đợi T+18:00', 'đợi đến hết'],
    ];
    for (const [line, alt, toend] of cases) {
      const s = session();
      const r = s.handle(line);
      expect(r.refused, line).toBe(true);
      expect(r.text, line).toContain('sau khi kết thúc diễn tập (T+18:00)');
      expect(suggested(r.text), line).toEqual([alt, toend]);
      expect(r.text, line).not.toContain('advance');
      expect(s.t, line).toBe(0);
    }
    // the same words in an English session: what the user typed, in the English sentence
    expect(session('en').handle('tiếp 25h').text).toBe('refused: 25h from now is T+25:00, after the end of the exercise (T+18:00): write tiếp 18h or tiếp đến hết to play it to the end. Nothing was changed.\n');
  });

  it('English typed stays English, in either language of the session', () => {
    expect(suggested(session().handle('advance T+19:00').text)).toEqual(['advance T+18:00', 'advance until end']);
    expect(suggested(session().handle('advance 25h').text)).toEqual(['advance 18h', 'advance until end']);
    expect(suggested(session('en').handle('wait 30h').text)).toEqual(['wait 18h', 'wait until end']);
  });

  it('each line suggested reads, and plays the drill to its end', () => {
    for (const line of ['tiếp T+19:00', 'tiếp đến T+19:00', 'tiep 30h', 'chờ 30h', 'tiếp 25 giờ']) {
      for (const which of [0, 1]) {
        const s = session();
        const typed = suggested(s.handle(line).text)[which];
        const r = s.handle(typed);
        expect(r.refused ?? false, `${line} -> ${typed}: ${r.text}`).toBe(false);
        expect(s.finished, `${line} -> ${typed}`).toBe(true);
      }
    }
  });
});
