/**
 * A scenario written in JSON is told what to add in JSON: a planner who
 * copied `add 'areas:'` into a .json file made it worse.
 */
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';

const TEXT = '{"drillsim": 1, "id": "x"}';
const hints = (file: string) => {
  const r = parseScenario(TEXT, file);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.filter((i) => i.code === 'missing');
};

describe('the hint for a missing key', () => {
  it('is written as JSON in a .json file, as YAML in a .yaml file', () => {
    const json = hints('s.json');
    expect(json.find((i) => i.path === 'areas')?.hint).toBe('add "areas": with its value');
    expect(json.find((i) => i.path === 'exercise')?.hint).toBe('add "exercise": with one of: tabletop, functional, drill, full-scale');
    expect(json.find((i) => i.path === 'horizon')?.hint).toBe('add "horizon": length of the simulated period');
    expect(json.every((i) => !/'[a-z_]+:'/.test(i.hint ?? ''))).toBe(true);
    expect(formatIssueIn(json.find((i) => i.path === 'areas')!, 'vi')).toContain('(hãy thêm "areas": cùng giá trị của nó)');
    expect(hints('s.yaml').find((i) => i.path === 'areas')?.hint).toBe("add 'areas:'");
  });
});
