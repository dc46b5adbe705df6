/**
 * A share in the report's figures is rounded once, as the objective's value is: Thành Vinh's old blocks with 819 of
 * their 1,100 people in shelter (74.45 %) read 74 % in the objective and 75 % in the zones and areas tables, because
 * the figures had been rounded to 0.745 before the report rounded them again.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const DECISIONS = `drillsim_decisions: 1
players: [tv-chair]
decisions:
  - { at: T+02:31, role: tv-chair, do: evacuate, zone: tv-old-blocks }
  - { at: T+05:01, role: tv-chair, do: declare_level, area: thanh-vinh, level: 1 }
`;

describe('shares in the report', () => {
  it('read the same in the objective, the zones table and the areas table (vinh-wards-typhoon-night, a late evacuation)', () => {
    const vinh = loadNamed('vinh-wards-typhoon-night');
    const dec = parseDecisions(DECISIONS, 'late.yaml', vinh);
    if (!dec.ok) throw new Error(dec.issues.map((i) => i.message).join('\n'));
    const { log } = runScenario(vinh, { seed: 825, decisions: dec.value.decisions, players: dec.value.players });
    const aar = buildAar(log!, vinh, log!.events.map((l) => JSON.parse(l) as LogEvent));
    const zone = aar.review.zones.find((z) => z.id === 'tv-old-blocks')!;
    expect([zone.sheltered, zone.population]).toEqual([819, 1100]);
    const md = renderReport(aar, 'md', 'en');
    expect(md).toContain('| **Result** | **74 %, read at T+07:00 (19:00)');
    expect(md).toContain('| Thành Vinh old housing blocks | 1,100 | T+02:31 (14:31) | Thành Vinh ward chair | T+03:01 (15:01) | T+06:30 (18:30) | 281 | 74 % |');
    expect(md).toContain('| Thành Vinh ward | 4 | 74 % |');
  });
});
