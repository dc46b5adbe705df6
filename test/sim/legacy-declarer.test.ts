/**
 * Who declares civil-defence level 1 when doctrine plays it. Two tiers (since 1 July 2025): the commune
 * chair, for its commune. Legacy three tiers (Civil Defence Law 2023 as first passed): the district chair,
 * for the district's commune whose forces are short; the commune only proposes it.
 */
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../engine/review/metrics.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const legacy = loadNamed('ban-ve-extreme-inflow-legacy');
const kySon = loadNamed('ky-son-flash-flood');

function levels(scenario = legacy, seed = 7, decisions?: string) {
  const d = decisions === undefined ? undefined : parseDecisions(decisions, 'd.yaml', scenario);
  if (d && !d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const { log } = runScenario(scenario, { seed, decisions: d?.value.decisions, players: d?.value.players });
  return log!.events.map((l) => JSON.parse(l) as LogEvent).filter((e) => e.type === 'level').map((e) => `T+${(e.t / 3600).toFixed(2)} ${e.area} ${e.level} by ${e.by}`);
}

describe('level 1 by doctrine', () => {
  it('legacy three tiers: the district board declares it for its town or commune, never the commune chair', () => {
    expect(levels()).toEqual([
      // 30 min after each area's forces were first short (doctrine's declare_when_short); Mỹ Lý's incident waits
      // for units hours away by boat, which is short too (engine 0.5.0)
      'T+4.50 my-ly 1 by ks-district-board',
      'T+6.50 tuong-duong 1 by td-district-board',
      'T+7.44 con-cuong 1 by cc-district-board',
      'T+14.00 yen-na 1 by td-district-board',
    ]);
  });

  it('legacy three tiers: a trainee playing the town chair does not keep the district (doctrine) from declaring', () => {
    const played = `drillsim_decisions: 1\nscenario: ban-ve-extreme-inflow-legacy\nplayers: [td-chair]\ndecisions: []\n`;
    // at T+06:30, half an hour after Thạch Giám was short, not only when the town asks at T+09:00
    expect(levels(legacy, 7, played)).toContain('T+6.50 tuong-duong 1 by td-district-board');
  });

  it('legacy three tiers: a trainee playing the district board declares it, and doctrine does not declare for it', () => {
    const played = `drillsim_decisions: 1\nscenario: ban-ve-extreme-inflow-legacy\nplayers: [td-district-board]\ndecisions:\n  - { at: T+05:45, role: td-district-board, do: declare_level, area: tuong-duong, level: 1 }\n`;
    expect(levels(legacy, 7, played).filter((l) => l.endsWith('td-district-board'))).toEqual(['T+5.75 tuong-duong 1 by td-district-board']);
  });

  it('two tiers: the commune chair declares it, as before', () => {
    const found = levels(kySon, 1);
    expect(found.length).toBeGreaterThan(0);
    for (const l of found.filter((x) => / 1 by /.test(x))) expect(l).toMatch(/ 1 by \w+-chair$/);
  });
});
