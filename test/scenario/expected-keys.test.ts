/**
 * An inject's expected action is matched key by key against the orders taken: a key the order never
 * names (a zone on a dispatch, an area on an evacuation) matches no order, so the inject is never done
 * and its contingency comes in every run. Validate said nothing of it; it now says which key, why, and
 * what to write instead (the zones of the area, for an evacuation expected of an area).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { scenarioFiles } from '../helpers/scenarios.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const directive = 'expected: { do: evacuate, zone: ta-ca-riverside, within: 1h30m }';

function expectedKeyIssues(text: string) {
  expect(text).not.toBe(kySon);
  const r = parseScenario(text, 'k.yaml');
  return r.ok ? [] : r.issues.filter((i) => i.code === 'expected-key');
}

describe('an expected action with a key its order does not name', () => {
  it('an evacuation expected of an area is an error that names the zones in that area, in both languages', () => {
    const [e, ...rest] = expectedKeyIssues(kySon.replace(directive, 'expected: { do: evacuate, area: ta-ca, within: 1h30m }'));
    expect(rest).toEqual([]);
    expect(formatIssueIn(e!, 'en')).toBe("k.yaml:569:37: error[expected-key] injects[1].expected.area: inject 'province-directive' expects `do: evacuate` with `area: ta-ca`, but that order names no area: no order taken matches it, so the inject is never done and its contingency 'no-move-yet' comes in every run (`do: evacuate` names the zone to empty: write `zone: ta-ca-riverside`, the zone in 'ta-ca')");
    expect(formatIssueIn(e!, 'vi')).toBe("k.yaml:569:37: error[expected-key] injects[1].expected.area: tình huống 'province-directive' yêu cầu `do: evacuate` với `area: ta-ca`, nhưng lệnh đó không có area: không lệnh nào được ra khớp với yêu cầu này, nên tình huống không bao giờ được xử lý xong và lượt chạy nào cũng phát tình huống dự phòng 'no-move-yet' của nó (`do: evacuate` ghi khu vực sơ tán phải sơ tán: hãy viết `zone: ta-ca-riverside`, là khu vực sơ tán trong 'ta-ca')");
  });

  it('a zone on an expected dispatch names the keys a dispatch takes', () => {
    const [e, ...rest] = expectedKeyIssues(kySon.replace(directive, 'expected: { do: dispatch, zone: ta-ca-riverside, within: 1h30m }'));
    expect(rest).toEqual([]);
    expect(e!.path).toBe('injects[1].expected.zone');
    expect(e!.hint).toBe('`do: dispatch` names `unit:` and `incident:` and nothing else: say what is expected with them, or take `zone:` out');
    expect(formatIssueIn(e!, 'vi')).toContain('(`do: dispatch` chỉ có `unit:` và `incident:`: hãy ghi việc cần làm bằng các khóa đó, hoặc bỏ `zone:` đi)');
  });

  it('no library scenario expects a key its order does not name', () => {
    for (const file of scenarioFiles()) {
      const r = parseScenario(readFileSync(file, 'utf8'), file);
      expect(r.ok ? [] : r.issues.map((i) => i.code), file).toEqual([]);
    }
  });
});
