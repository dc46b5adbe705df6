/**
 * `inject` is the controller's: a trainee who types it, bare or half-written, is told that only the controller may
 * add an inject, as `pause` says, and not shown its usage line (following it was then refused).
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

function reply(line: string, opts: { lang?: 'en' | 'vi'; controller?: boolean; surface?: 'page' | 'terminal' } = {}) {
  const s = new PlaySession(kySon, { seed: 2022, players: ['tc-chair'], controller: opts.controller ?? false, lang: opts.lang ?? 'en', ...(opts.surface ? { surface: opts.surface } : {}) });
  const hash = s.worldHash();
  const r = s.handle(line);
  expect(s.worldHash(), line).toBe(hash);
  return r;
}

const INJECT_LINES = ['inject', 'add inject', 'inject tc-chair', 'inject tc-chair at T+01:00', 'add_inject mx-chair', 'thêm tin', 'thêm tình huống tc-chair'];

describe('inject typed by a trainee', () => {
  it('is refused as the controller\'s, as pause is, with or without its arguments, not read for its usage', () => {
    const pause = reply('pause');
    for (const line of INJECT_LINES) {
      const r = reply(line);
      expect(r.refused, line).toBe(true);
      expect(r.text, line).toBe(pause.text);
      expect(r.text, line).toBe('refused: only the controller may do that, and no controller sits at this session (start it with --controller). Nothing was changed.\n');
      expect(r.text, line).not.toMatch(/cannot read|usage|missing/);
    }
  });

  it('says so in Vietnamese', () => {
    for (const line of INJECT_LINES) {
      const r = reply(line, { lang: 'vi' });
      expect(r.text, line).toBe('bị từ chối: chỉ ban đạo diễn được làm việc này, mà phiên này không có ban đạo diễn (chạy với --controller). Không có gì thay đổi.\n');
      expect(r.text, line).not.toMatch(/không đọc được|cú pháp/);
    }
  });

  it('on the play page names its controls, and with a controller at the session says to switch', () => {
    expect(reply('inject', { surface: 'page' }).text).toBe(reply('pause', { surface: 'page' }).text);
    expect(reply('inject', { surface: 'page' }).text).toContain('tick Controller under Roles played here');
    expect(reply('add inject', { controller: true }).text).toBe('refused: only the controller may do that: switch with role controller. Nothing was changed.\n');
  });

  it('still shows the controller its usage when the controller leaves an argument out', () => {
    const s = new PlaySession(kySon, { seed: 2022, players: [], controller: true, lang: 'en' });
    const r = s.handle('inject');
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/cannot read that: missing <role>[\s\S]*usage: inject <role>/);
  });
});
