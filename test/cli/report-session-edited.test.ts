/**
 * `drill report` on a play session saved part-way whose `session.t` was edited afterwards. The hash chain does
 * not cover the save time, so the report used to read the log at the edited time and say nothing (only a
 * summary warning that blamed the summary), while `drill verify` refused it. It warns now, as it does for a
 * broken hash chain: a line on stderr and a warning at the top of the report, in English and Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';
const SAVED = '"session":{"t":12600}';

describe('drill report on a saved play session whose session.t was edited', () => {
  const dir = tempDir('drillsim-session-t-');
  const mid = join(dir, 'mid.json');
  const played = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: `evacuate ta-ca-riverside\nadvance until T+03:30\nsave ${mid}\nquit\n` });
  const text = played.code === 0 ? readFileSync(mid, 'utf8') : '';
  const edited = (t: number) => {
    const f = join(dir, `t${t}.json`);
    writeFileSync(f, text.replace(SAVED, `"session":{"t":${t}}`));
    return f;
  };

  it('says nothing of the kind for the session as saved', () => {
    expect(played.code, played.stdout + played.stderr).toBe(0);
    expect(text).toContain(SAVED);
    const r = drill(['report', mid, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('the play session was saved at, written at the head');
    // saved before any advance: run.start is at T+00:00, the save time, and is no sign of an edit
    const start = join(dir, 'start.json');
    expect(drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: `save ${start}\nquit\n` }).code).toBe(0);
    expect(readFileSync(start, 'utf8')).toContain('"session":{"t":0}');
    const r0 = drill(['report', start, '--lang', 'en']);
    expect(r0.stderr).toBe('');
    expect(r0.stdout).not.toContain('the play session was saved at, written at the head');
  });

  it.each([14400, 12300, 70000])('warns at the top and on stderr, in both languages, for session.t edited to %i', (t) => {
    const f = edited(t);
    expect(drill(['verify', f]).code).toBe(1);
    const en = drill(['report', f, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(`${f}: warning: the time the play session was saved at (session.t) does not agree with its events, keyframes and stored summary (it was edited after the session was saved); the report says so at the top\n`);
    const top = en.stdout.split('\n').slice(0, 12).join('\n');
    expect(top).toMatch(/^> \*\*Warning: the time the play session was saved at, written at the head of the run log \(T\+[0-9:]+ \([0-9:]+\)\), does not agree with its events, keyframes and stored summary, and the hash chain does not cover it\. It has been edited since the session was saved/m);
    const vi = drill(['report', f, '--lang', 'vi']);
    expect(vi.stderr).toContain(`${f}: cảnh báo: thời điểm lưu phiên diễn tập (session.t) không khớp với các sự kiện`);
    expect(vi.stdout.split('\n').slice(0, 12).join('\n')).toContain('Cảnh báo: thời điểm lưu phiên diễn tập ghi ở đầu nhật ký (');
  });

  it('warns in the HTML report too', () => {
    const html = drill(['report', edited(14400), '--lang', 'en', '--format', 'html']).stdout;
    expect(html).toContain('Warning: the time the play session was saved at, written at the head of the run log (T+04:00 (22:00))');
  });
});
