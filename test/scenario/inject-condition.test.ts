/**
 * An inject's `when:` that waits for nothing holds at the first check, and the inject reaches its role at
 * T+00:00: `above` and `alarm` are read only of the hazard named, `risk_at_least` only of a hazard or an area.
 * A planner who forgot `hazard:` (or wrote only `hazard:`) had 'ok' from validate and the river's warning at the
 * start of the drill; now it is an error that says what is not read and which hazard to name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { refusedEdit } from '../helpers/scenarios.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const riverBd2 = 'when: { hazard: nam-mo-muong-xen, alarm: bd2 }';

const conditionIssues = (when: string) => refusedEdit('ky-son-flash-flood', riverBd2, when);

describe('an inject condition that waits for nothing', () => {
  it('an alarm with no hazard names the river that has alarm levels, in both languages', () => {
    const [e, ...rest] = conditionIssues('when: { area: muong-xen, alarm: bd2 }');
    expect(rest).toEqual([]);
    expect(formatIssueIn(e!, 'en')).toBe("k.yaml:608:37: error[when-no-hazard] injects[4].when.alarm: inject 'river-bd2' waits for `alarm: bd2`, a hazard's value, but its condition names no hazard: `alarm` is not read, and the inject is delivered at the start (add the hazard whose value it waits for: `hazard: nam-mo-muong-xen`)");
    expect(formatIssueIn(e!, 'vi')).toBe("k.yaml:608:37: error[when-no-hazard] injects[4].when.alarm: tình huống 'river-bd2' chờ `alarm: bd2`, là một giá trị của thiên tai, nhưng điều kiện của nó không nêu thiên tai nào: `alarm` không được đọc, và tình huống được phát ngay từ đầu (hãy thêm thiên tai có giá trị cần chờ: `hazard: nam-mo-muong-xen`)");
  });

  it('a value with no hazard lists the hazards it may mean', () => {
    const [e] = conditionIssues('when: { above: 5.2 }');
    expect(e!.path).toBe('injects[4].when.above');
    expect(e!.hint).toBe('add `hazard:` with the hazard whose value it waits for, one of rain-nam-mo, nam-mo-muong-xen, ban-ve-reservoir, storm-remnant, fire-index');
  });

  it('a risk level with neither area nor hazard says where it would be read', () => {
    const [e] = conditionIssues('when: { risk_at_least: 3 }');
    expect(e!.code).toBe('when-no-hazard');
    expect(e!.hint).toBe("add `area: <id>` for that area's risk level, or `hazard: <id>` for the level that hazard gives");
  });

  it('a hazard with no value, or an empty condition, is delivered at T+00:00 and says what to wait for', () => {
    const [h, ...rest] = conditionIssues('when: { hazard: nam-mo-muong-xen }');
    expect(rest).toEqual([]);
    expect(`${h!.code} ${h!.path}: ${h!.message}`).toBe("when-empty injects[4].when: the condition of inject 'river-bd2' names hazard 'nam-mo-muong-xen' but no value to wait for: it holds from the start, and the inject is delivered at T+00:00");
    expect(formatIssueIn(h!, 'vi')).toContain("(hãy thêm mức 'nam-mo-muong-xen' phải đạt tới: `alarm: bd1`, `bd2` hoặc `bd3`, `above: <giá trị>` hoặc `risk_at_least: <cấp>`)");
    const [e] = conditionIssues('when: {}');
    expect(e!.message).toBe("the condition of inject 'river-bd2' gives nothing to wait for: it holds from the start, and the inject is delivered at T+00:00");
    expect(e!.hint).toContain('an inject for the start is `at: T+00:00`');
  });

  it('an area\'s risk level, an incident or a road cut alone is something to wait for', () => {
    for (const when of ['when: { area: muong-xen, risk_at_least: 3 }', 'when: { severity_at_least: 4 }', 'when: { road_cut: ql7-tc-mx }']) {
      const r = parseScenario(kySon.replace(riverBd2, when), 'k.yaml');
      expect(r.ok, when).toBe(true);
    }
  });
});

describe('an inject waiting for an alarm of a hazard with no alarm levels', () => {
  it('is never delivered, and is told which hazards have alarm levels, in both languages', () => {
    const text = kySon.replace(riverBd2, 'when: { hazard: rain-nam-mo, alarm: bd2 }');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual(["k.yaml:608:41: error[no-alarms] injects[4].when.alarm: inject 'river-bd2' waits for alarm bd2, but hazard 'rain-nam-mo' has no alarm levels: the alarm is never reached, and the inject is never delivered (name in `hazard:` one with alarm levels (nam-mo-muong-xen), or wait for a value of 'rain-nam-mo' with `above:`)"]);
    expect(formatIssueIn(r.issues[0]!, 'vi')).toContain("tình huống 'river-bd2' chờ mức báo động bd2, nhưng thiên tai 'rain-nam-mo' không có các mức báo động: không bao giờ đạt mức đó, và tình huống không bao giờ được phát (hãy ghi vào `hazard:` một thiên tai có các mức báo động (nam-mo-muong-xen)");
  });
});

describe('an alarm level written as its number', () => {
  // the gauge's BĐ2 is alarm level 2: a planner wrote `alarm: 2` and was given the list, not the value it meant
  it('is asked whether it meant the value with that number, in both languages', () => {
    const [e, ...rest] = conditionIssues('when: { hazard: nam-mo-muong-xen, alarm: 2 }');
    expect(rest).toEqual([]);
    expect(formatIssueIn(e!, 'en')).toBe("k.yaml:608:46: error[enum] injects[4].when.alarm: the number 2 is not allowed here (did you mean 'bd2'?)");
    expect(formatIssueIn(e!, 'vi')).toBe("k.yaml:608:46: error[enum] injects[4].when.alarm: số 2 không phải giá trị hợp lệ ở đây (có phải 'bd2'?)");
    // a number no value carries is given the list
    expect(conditionIssues('when: { hazard: nam-mo-muong-xen, alarm: 4 }')[0]!.hint).toBe('one of: bd1, bd2, bd3');
  });
});
