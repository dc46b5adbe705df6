/**
 * Incident kinds about people, in the Vietnamese report of a run.
 *
 * Kinds such as "Dân mắc kẹt trong vùng ngập" (people stranded by flood water), "Tìm kiếm người mất tích" and the
 * people caught in a zone were put where Vietnamese wants an incident: "Đã khống chế dân mắc kẹt ..." read as the
 * stranded people being subdued, "Lực lượng đầu tiên có mặt tại người còn kẹt lại ..." put a unit "at" people, and
 * "chưa khống chế được Sạt lở vùi nhà ..." kept the kind's capital inside the sentence. They now name the incident
 * ("sự cố ...") and where a unit arrives is its scene ("hiện trường sự cố ...").
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

let vi = '', en = '';

beforeAll(() => {
  const log = join(tempDir('drillsim-report-people-vi-'), 'ky-son.json');
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', log]).code).toBe(0);
  vi = drill(['report', log, '--lang', 'vi']).stdout;
  en = drill(['report', log, '--lang', 'en']).stdout;
});

describe('drill report --lang vi: incidents about people', () => {
  it('contains, resolves and reaches the incident, never the people it is about', () => {
    expect(vi).toContain('Đã khống chế sự cố người còn kẹt lại tại khu thấp trũng xã Mường Xén');
    expect(vi).toContain('Lực lượng đầu tiên có mặt tại hiện trường sự cố người còn kẹt lại tại khu thấp trũng xã Mường Xén');
    expect(vi).toMatch(/Lực lượng đầu tiên có mặt tại hiện trường sự cố tìm kiếm người mất tích \(/);
    expect(vi).not.toMatch(/(khống chế|giải quyết xong|có mặt tại) (người|dân|nhóm|tìm kiếm)/);
    // every incident phase line names it as an incident
    const phases = vi.split('\n').filter((l) => /\| (Đã khống chế|Đã giải quyết xong|Lực lượng đầu tiên có mặt tại) /.test(l));
    expect(phases.length).toBeGreaterThan(5);
    for (const l of phases) expect(l).toMatch(/\| (Đã khống chế|Đã giải quyết xong|Lực lượng đầu tiên có mặt tại hiện trường) sự cố \p{Ll}/u);
  });

  it('the English report says it as before', () => {
    expect(en).toContain('First unit on scene at people caught in Mường Xén low-lying quarter');
    expect(en).not.toContain('sự cố');
  });
});
