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
});
