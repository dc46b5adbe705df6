/**
 * A decision point's options as a planner gets them wrong: two options with one id (an answer names its option by
 * the id, so only the first could be taken, and the default's error listed 'evacuate-now, evacuate-now'), and an
 * option's one command written as a mapping where the list of commands goes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { refusedEdit } from '../helpers/scenarios.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');

const issues = (from: string, to: string) => refusedEdit('ky-son-flash-flood', from, to);

describe('the options of a decision point', () => {
  it('two options with one id: the second is a duplicate, said in both languages, and the default\'s list names each id once', () => {
    const found = issues('        - id: wait-for-daylight\n', '        - id: evacuate-now\n');
    expect(found.map((i) => formatIssueIn(i, 'en'))).toEqual([
      "k.yaml:601:15: error[duplicate-id] injects[3].decision.options[1].id: duplicate option id 'evacuate-now' (the first is injects[3].decision.options[0]; give each option its own id)",
      "k.yaml:604:16: error[unknown-id] injects[3].decision.default: default option 'wait-for-daylight' is not one of the options (known: evacuate-now)",
    ]);
    expect(formatIssueIn(found[0]!, 'vi')).toBe("k.yaml:601:15: error[duplicate-id] injects[3].decision.options[1].id: trùng mã phương án 'evacuate-now' (mục dùng mã này đầu tiên là injects[3].decision.options[0]; mỗi phương án cần một mã riêng)");
  });
});

describe('an option\'s commands', () => {
  it('one command written as a mapping where the list goes is shown the list to write; a list of ids is not shown a list of mappings', () => {
    const [e, ...rest] = issues('          commands:\n            - { do: evacuate, zone: muong-xen-lowland }\n', '          commands: { do: evacuate, zone: muong-xen-lowland }\n');
    expect(rest).toEqual([]);
    expect(formatIssueIn(e!, 'en')).toBe('k.yaml:599:21: error[type] injects[3].decision.options[0].commands: expected a list, got a mapping (write it as a list, in square brackets: commands: [{ do: evacuate, zone: muong-xen-lowland }])');
    expect(formatIssueIn(e!, 'vi')).toContain('(hãy viết thành danh sách, trong ngoặc vuông: commands: [{ do: evacuate, zone: muong-xen-lowland }])');
    const [ids] = issues('    objectives: [evac-ta-ca]\n  - id: province-directive', '    objectives: { id: evac-ta-ca }\n  - id: province-directive');
    expect(ids!.hint).toBeUndefined();
  });
});

describe('a decision whose deadline falls after the end of the scenario', () => {
  it('is warned of with the time it falls and the longest deadline that fits, in both languages', () => {
    const r = parseScenario(kySon.replace('      deadline: 30m\n      default: wait-for-daylight', '      deadline: 20h\n      default: wait-for-daylight'), 'k.yaml');
    expect(r.ok).toBe(true);
    const w = r.ok ? r.warnings : [];
    expect(w.map((i) => formatIssueIn(i, 'en'))).toEqual(["k.yaml:603:17: warning[outside-horizon] injects[3].decision.deadline: the decision of inject 'night-evacuation' (T+01:45) is due 20h later, at T+21:45: after the end of the scenario (horizon 18h), so if nobody answers, its default 'wait-for-daylight' is never applied (`deadline:` can be at most 16h15m here: shorten it, or lengthen `horizon`)"]);
    expect(formatIssueIn(w[0]!, 'vi')).toContain("hạn quyết định của tình huống 'night-evacuation' (T+01:45) là 20h sau đó, tức lúc T+21:45");
    const fits = parseScenario(kySon.replace('      deadline: 30m\n      default: wait-for-daylight', '      deadline: 16h15m\n      default: wait-for-daylight'), 'k.yaml');
    expect(fits.ok && fits.warnings).toEqual([]);
  });
});
