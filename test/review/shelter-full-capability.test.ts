/**
 * A full shelter is filed, in the areas for improvement and the improvement
 * plan, under the core capability of the evacuation objective whose zone it
 * takes in: on the typhoon coast the fishermen's anchorage under the fleet's
 * (Public Information and Warning), Cửa Lò's schools under the seafront's
 * (Mass Care Services), not both under the first evacuation objective's.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

describe('a full shelter in the findings', () => {
  it('takes the capability of the objective of the zone it shelters (typhoon-landfall-coast, seed 2025)', () => {
    const scenario = loadNamed('typhoon-landfall-coast');
    const { log } = runScenario(scenario, { seed: scenario.seed ?? 1 });
    const aar = buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
    const full = (id: string) => aar.improvements.find((f) => f.key === 'f.shelter.full' && (f.params.shelter as { id: string }).id === id);
    expect(full('cua-hoi-anchorage')?.capability).toBe('Public Information and Warning');
    expect(full('cua-lo-schools')?.capability).toBe('Mass Care Services');
    expect(renderReport(aar, 'md', 'en')).toContain('| Mass Care Services | Cửa Lò schools was full (4,000 people) at T+1d06:00 (12:00). |');
  });
});
