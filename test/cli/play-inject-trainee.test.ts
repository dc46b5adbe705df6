/**
 * `drill play --role tc-chair`: a trainee typing `inject` (bare, or `add inject`) is told only the controller may
 * do that, as `pause` says, in English and Vietnamese; its usage line (which led to a refusal) is not shown.
 */
import { describe, expect, it } from 'vitest';
import { drill, STACK } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('drill play: inject typed at a trainee\'s seat', () => {
  it('says only the controller may do that, in English', () => {
    const r = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: 'inject\nadd inject\npause\nquit\n' });
    const refusal = 'refused: only the controller may do that, and no controller sits at this session (start it with --controller). Nothing was changed.';
    expect(r.stdout).toContain(`T+00:00 tc-chair> inject\n${refusal}\nT+00:00 tc-chair> add inject\n${refusal}\nT+00:00 tc-chair> pause\n${refusal}\n`);
    expect(r.stdout).not.toMatch(/cannot read|usage: inject/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });

  it('says the same in Vietnamese', () => {
    const r = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'vi'], { input: 'inject\nthêm tin\nquit\n' });
    const refusal = 'bị từ chối: chỉ ban đạo diễn được làm việc này, mà phiên này không có ban đạo diễn (chạy với --controller). Không có gì thay đổi.';
    expect(r.stdout).toContain(`T+00:00 tc-chair> inject\n${refusal}\nT+00:00 tc-chair> thêm tin\n${refusal}\n`);
    expect(r.stdout).not.toMatch(/không đọc được|cú pháp: inject/);
    expect(r.code).toBe(1);
  });
});
