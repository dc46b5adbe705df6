/**
 * A duration or a time in an MSEL sheet of more seconds than a number holds exactly (`within=99999999999999999999999h`)
 * was said to be 'not a duration' (or 'not a time'), as if the notation were wrong, where the scenario's check says it
 * is too long. Each cell that takes one now says so, with what to write, in English and Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

const BIG = '99999999999999999999999';
const TOO_LONG = 'it is more seconds than a number holds exactly';
const TOO_LONG_VI = 'số giây lớn quá mức máy tính đếm được chính xác';
const FORMS = "(write it like '90s', '45m', '2h30m', '1d6h' or 'T+02:30')";

/** The sheet of a scenario exported, with one text in it replaced: what import then says, EN and VI. */
function importWith(from: string, old: string, written: string): { en: string; vi: string } {
  const { scenario, sheet } = exportedSheet('drillsim-msel-too-long-', from);
  const text = readFileSync(sheet, 'utf8');
  expect(text).toContain(old);
  writeFileSync(sheet, text.replace(old, written));
  const en = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run'], { env: PLAIN_LOCALE });
  const vi = drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', 'vi']);
  expect([en.code, vi.code]).toEqual([1, 1]);
  return { en: en.stderr, vi: vi.stderr };
}

describe('drill msel import of a duration or time too long to be one', () => {
  it('within= in an expected action says it is too long, not that it is not a duration', () => {
    const r = importWith('scenarios/minimal.yaml', 'within=15m', `within=${BIG}h`);
    expect(r.en).toContain(`row 2, column expected action: within=${BIG}h: too long to be a duration: ${TOO_LONG} ${FORMS}`);
    expect(r.en).not.toContain('not a duration');
    expect(r.vi).toContain(`hàng 2, cột expected action: within=${BIG}h: quá dài để là một khoảng thời gian: ${TOO_LONG_VI} (hãy viết như '90s', '45m', '2h30m', '1d6h' hoặc 'T+02:30')`);
    // with the unit as a word, split at the space
    expect(importWith('scenarios/minimal.yaml', 'within=15m', `within=${BIG} hours`).en).toContain(`within=${BIG} hours: too long to be a duration: ${TOO_LONG}`);
  });

  it('the time column says it is too long, with the end of the scenario to write up to', () => {
    const r = importWith('scenarios/minimal.yaml', 'T+00:22', 'T+99999999999999999999d00:00');
    expect(r.en).toContain(`row 2, column time: 'T+99999999999999999999d00:00' is too long to be a time: ${TOO_LONG} (write a time up to the end of the scenario, T+04:00)`);
    expect(r.vi).toContain(`hàng 2, cột time: 'T+99999999999999999999d00:00' quá dài để là một thời điểm: ${TOO_LONG_VI} (hãy viết một thời điểm không quá lúc kịch bản kết thúc, T+04:00)`);
  });

  it("a contingency's 'if not done ... after' and a decision deadline say it is too long", () => {
    const c = importWith('scenarios/ky-son-flash-flood.yaml', 'if not done 1h after', `if not done ${BIG}h after`);
    expect(c.en).toMatch(new RegExp(`column time: '${BIG}h' is too long to be a duration: ${TOO_LONG} \\(write it like`));
    expect(c.vi).toContain(`'${BIG}h' quá dài để là một khoảng thời gian: ${TOO_LONG_VI}`);
    const d = importWith('scenarios/ky-son-flash-flood.yaml', ',30m,wait-for-daylight,', `,${BIG}h,wait-for-daylight,`);
    expect(d.en).toMatch(new RegExp(`column decision deadline: '${BIG}h' is too long to be a duration: ${TOO_LONG} \\(write it like`));
    expect(d.vi).toContain(`cột decision deadline: '${BIG}h' quá dài để là một khoảng thời gian: ${TOO_LONG_VI}`);
  });
});
