// YAML merge keys (`<<: *anchor`), a common way to write similar units once: the scenario reads as if each were
// spelled out (it was 6 errors, 'missing base/capabilities/...' and "unknown key '<<'"), and a problem in a
// merged value is placed where the value is written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { canonicalScenarioText, parseScenario } from '../../engine/scenario/parse.js';
import { runScenario } from '../../engine/sim/run.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');

/** Tà Cạ's health station written as Mường Xén's, merged, with what differs. */
const HEALTH_SPELLED = `  - id: mx-health
    name: { vi: Trạm y tế xã Mường Xén, en: Mường Xén health station }
    owner: health-115
    category: specialised
    capabilities: { medical: 1 }
    crew: 5
    base: muong-xen
    home: muong-xen
    mobilisation: 15m
    speed_kmh: { road: 30, foot: 4 }
`;
const TC_HEALTH_SPELLED = `  - id: tc-health
    name: { vi: Trạm y tế xã Tà Cạ, en: Tà Cạ health station }
    owner: health-115
    category: specialised
    capabilities: { medical: 1 }
    crew: 4
    base: ta-ca
    home: ta-ca
    mobilisation: { uniform: [30m, 2h] }
    speed_kmh: { road: 30, foot: 4 }
`;
const TC_HEALTH_MERGED = `  - <<: *health-station
    id: tc-health
    name: { vi: Trạm y tế xã Tà Cạ, en: Tà Cạ health station }
    crew: 4
    base: ta-ca
    home: ta-ca
    mobilisation: { uniform: [30m, 2h] }
`;
const merged = kySon.replace(HEALTH_SPELLED, HEALTH_SPELLED.replace('  - id: mx-health', '  - &health-station\n    id: mx-health')).replace(TC_HEALTH_SPELLED, TC_HEALTH_MERGED);

describe('merge keys (<<: *anchor)', () => {
  it('two similar units written once and merged validate and run the same as spelled out', () => {
    expect(merged).not.toBe(kySon);
    expect(merged).toContain('<<: *health-station');
    const a = parseScenario(kySon, 'k.yaml');
    const b = parseScenario(merged, 'k.yaml');
    expect(b.ok && b.warnings).toEqual(a.ok && a.warnings);
    if (!a.ok || !b.ok) return;
    expect(canonicalScenarioText(b.scenario)).toBe(canonicalScenarioText(a.scenario));
    expect(runScenario(b.scenario, { seed: 7 }).log!.hash).toBe(runScenario(a.scenario, { seed: 7 }).log!.hash);
  });

  it('a problem in a merged value is placed where the value is written, under the path of the unit that merged it', () => {
    const text = merged.replace('    capabilities: { medical: 1 }\n    crew: 5', '    capabilities: { medical: 0 }\n    crew: 5');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').indexOf('    capabilities: { medical: 0 }') + 1;
    // both units have the problem, written once: said once, where it is written (not also at the '<<:' line)
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      `k.yaml:${line}:30: error[range] units[2].capabilities.medical: the number 0 is too small: it must be more than 0`,
    ]);
    // a key the merged unit writes itself is placed there, not at the anchor
    const own = parseScenario(merged.replace('    crew: 4\n    base: ta-ca', '    crew: 4\n    base: ta-cạ'), 'k.yaml');
    expect(own.ok).toBe(false);
    if (own.ok) return;
    const baseLine = merged.split('\n').findIndex((l, k, all) => l === '    base: ta-ca' && all[k - 1] === '    crew: 4') + 1;
    expect(own.issues.map((i) => `${i.line} ${i.path}`)).toEqual([`${baseLine} units[5].base`]);
  });

  // each was one line with no place, "the YAML cannot be read: Merge sources must be maps or map aliases"
  const mergedAt = () => merged.split('\n').indexOf('  - <<: *health-station') + 1;
  const anchorAt = () => merged.split('\n').indexOf('  - &health-station') + 1;
  const problems = (text: string) => {
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, 'en'));
  };

  it('a misspelt anchor in a merge key is placed at its line and column, with the anchor meant', () => {
    expect(problems(merged.replace('<<: *health-station', '<<: *health-statio'))).toEqual([
      `k.yaml:${mergedAt()}:9: error[yaml] (syntax): the alias '*health-statio' names no anchor set before it (did you mean '*health-station'? Its anchor, '&health-station', is on line ${anchorAt()}; otherwise set the anchor first ('&health-statio' before the value it names))`,
    ]);
  });

  it('a merge key before the anchor it names says where the anchor is, and that it must come first', () => {
    const later = merged.replace('  - &health-station\n    id: mx-health', '  - id: mx-health').replace('  - id: hk-militia', '  - &health-station\n    id: hk-militia');
    expect(later.indexOf('&health-station')).toBeGreaterThan(later.indexOf('*health-station'));
    const [line] = problems(later);
    expect(line).toMatch(/^k\.yaml:\d+:9: error\[yaml\] \(syntax\): the alias '\*health-station' names no anchor set before it \(the anchor '&health-station' is set further down, on line \d+: an alias can only name an anchor set before it/);
  });

  it("a merge key without '*', or with '&' for '*', gets the alias to write", () => {
    const line = `k.yaml:${mergedAt()}:9: error[yaml] (syntax): '<<:' copies the keys of a mapping named by an alias (*name), and`;
    const hint = `is not an alias (write <<: *health-station: the anchor '&health-station' is set on line ${anchorAt()})`;
    expect(problems(merged.replace('<<: *health-station', '<<: health-station'))).toEqual([`${line} 'health-station' ${hint}`]);
    expect(problems(merged.replace('<<: *health-station', '<<: &health-station'))).toEqual([`${line} '&health-station' ${hint}`]);
    const vi = parseScenario(merged.replace('<<: *health-station', '<<: health-station'), 'k.yaml');
    expect(!vi.ok && formatIssueIn(vi.issues[0], 'vi')).toContain("mà 'health-station' không phải bí danh (hãy viết <<: *health-station: neo '&health-station' được đặt ở dòng");
  });

  it('a merge key naming a list is said so, at the alias', () => {
    const text = merged.replace('areas:\n', 'x_anchor: &list [1, 2]\nareas:\n').replace('<<: *health-station', '<<: *list');
    expect(problems(text)).toEqual([
      `k.yaml:${mergedAt() + 1}:9: error[yaml] (syntax): the alias '*list' names a list, and '<<:' copies only the keys of a mapping (name here the anchor of a mapping (a unit, a zone, an inject), or write the keys themselves)`,
    ]);
  });
});
