/**
 * A report that says one thing of one act. In the flash flood (seed 7, all
 * roles by doctrine) Tà Cạ asked for support at T+04:40, 30 min after its
 * second shortfall: prompt by doctrine's plan (request_support_after 30m),
 * but late by the exercise's own objective ("before T+04:00", rated S). The
 * report listed it among the strengths and the same act as an area for
 * improvement. The objective, which the planner wrote for this exercise,
 * outranks the plan's clock: the act is no strength where its objective
 * rated it below P. Where no objective measures it (Mường Xén's support and
 * level), the plan's clock still makes it a strength.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const scenario = loadNamed('ky-son-flash-flood');
const { log } = runScenario(scenario, { seed: 7 });
const aar = buildAar(log!, scenario, log!.events.map((l) => JSON.parse(l) as LogEvent));
const areaOf = (f: { params: Record<string, unknown> }) => (f.params.area as { id: string } | undefined)?.id;
const keys = (list: typeof aar.strengths) => list.map((f) => `${f.key} ${areaOf(f) ?? (f.params.objective as { id: string } | undefined)?.id ?? ''}`.trim());

describe('the flash flood report, seed 7', () => {
  it('the case: Tà Cạ\'s support was asked 30 min after a shortfall, and its objective rated it S', () => {
    const support = aar.objectives.find((o) => o.spec.id === 'support')!;
    expect(support.result.rating).toBe('S');
    const ta = aar.review.levels.find((l) => l.area === 'ta-ca')!;
    expect(ta.support?.delay_s).toBe(1800);
  });

  it('does not list that request as a strength, only under its objective', () => {
    expect(keys(aar.strengths)).not.toContain('f.support.prompt ta-ca');
    expect(keys(aar.improvements)).toContain('f.objective.short support');
  });

  it('keeps the plan\'s clock for acts no objective measures', () => {
    expect(keys(aar.strengths)).toEqual(expect.arrayContaining(['f.support.prompt muong-xen', 'f.level.prompt muong-xen']));
  });
});
