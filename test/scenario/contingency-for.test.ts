/**
 * A contingency's `for:` written as the MSEL numbers the inject it chases (`for: 2`, or '#2' as the sheet's
 * 'if not done 1h after #2' writes it): the planner read 'expected a text, got the number 2', or an unknown inject
 * '#2' with the list of every id. It now says which inject has that number, and the id to write.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const chase = 'contingency: { for: province-directive, after: 1h }';

function said(forWritten: string): string[] {
  const r = parseScenario(kySon.replace(chase, `contingency: { for: ${forWritten}, after: 1h }`), 'k.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, 'en'));
}

describe("a contingency's for: given the MSEL number of the inject it chases", () => {
  it('names the inject with that number and the id to write, once, in both languages', () => {
    const line = "k.yaml:573:25: error[type] injects[2].contingency.for: `for:` takes the id of the inject chased, not its number: 2 is the number of inject 'province-directive' (write `for: province-directive`)";
    expect(said('2')).toEqual([line]);
    expect(said("'#2'")).toEqual([line]);
    const r = parseScenario(kySon.replace(chase, 'contingency: { for: 2, after: 1h }'), 'k.yaml');
    expect(!r.ok && formatIssueIn(r.issues[0], 'vi')).toBe("k.yaml:573:25: error[type] injects[2].contingency.for: `for:` ghi mã của tình huống được theo dõi, không ghi số thứ tự: 2 là số thứ tự của tình huống 'province-directive' (hãy viết `for: province-directive`)");
  });

  it('a number no inject has says so', () => {
    expect(said('99')).toEqual(["k.yaml:573:25: error[type] injects[2].contingency.for: `for:` takes the id of the inject chased, not a number, and no inject has the number 99 (write the id of the inject whose expected action this one chases)"]);
  });
});

describe('a contingency whose after: puts it past the end of the scenario', () => {
  it('is warned of with the time it would come and the longest after: that fits, in both languages', () => {
    const r = parseScenario(kySon.replace(chase, 'contingency: { for: province-directive, after: 20h }'), 'k.yaml');
    expect(r.ok).toBe(true);
    const w = r.ok ? r.warnings : [];
    expect(w.map((i) => formatIssueIn(i, 'en'))).toEqual(["k.yaml:573:52: warning[outside-horizon] injects[2].contingency.after: inject 'no-move-yet' comes 20h after 'province-directive' (T+00:30) if its expected action is not taken, at T+20:30: after the end of the scenario (horizon 18h), so it never comes (`after:` can be at most 17h30m here: shorten it, or lengthen `horizon`)"]);
    expect(formatIssueIn(w[0]!, 'vi')).toContain("tình huống 'no-move-yet' được phát 20h sau 'province-directive' (T+00:30) nếu việc cần làm chưa được thực hiện, tức là lúc T+20:30");
    // one that fits, or one chasing an inject with no set time (when:), is not
    const fits = parseScenario(kySon.replace(chase, 'contingency: { for: province-directive, after: 17h30m }'), 'k.yaml');
    expect(fits.ok && fits.warnings).toEqual([]);
  });
});

describe('a contingency chasing an inject whose expected: is misspelt', () => {
  it('is said once, at the misspelt key (ẽpected, as Telex types it), not also as an inject with no expected action', () => {
    const r = parseScenario(kySon.replace('    expected: { do: evacuate, zone: ta-ca-riverside, within: 1h30m }', '    ẽpected: { do: evacuate, zone: ta-ca-riverside, within: 1h30m }'), 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual(["k.yaml:569:5: error[unknown-key] injects[1].ẽpected: unknown key 'ẽpected' (did you mean 'expected'?)"]);
    // a key that is no slip of expected leaves the inject with none: said at the contingency
    const other = parseScenario(kySon.replace('    expected: { do: evacuate, zone: ta-ca-riverside, within: 1h30m }', '    note: x'), 'k.yaml');
    expect(!other.ok && other.issues.map((i) => i.code)).toEqual(['unknown-key', 'no-expected']);
  });
});
