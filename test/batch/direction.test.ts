import { describe, expect, it } from 'vitest';
import { differenceDirection, metricDirection, OBJECTIVE_MET } from '../../engine/batch/format.js';
import { RUN_METRIC_NAMES } from '../../engine/batch/results.js';

describe('which side of a metric is better, whatever the plan', () => {
  it('fewer lost or still at risk, sooner on scene and dispatched: lower; more objectives met: higher; rescued and contained hang on the plan', () => {
    const sides = Object.fromEntries(RUN_METRIC_NAMES.map((m) => [m, metricDirection(m)]));
    expect(sides).toEqual({
      people_lost: 'lower', people_rescued: null, people_at_risk: null, people_still_at_risk: 'lower', people_evacuated: null,
      mean_first_on_scene_s: 'lower', max_first_on_scene_s: 'lower', mean_dispatch_s: 'lower',
      incidents_reported: null, incidents_contained: null, incidents_resolved: null,
      decisions_taken: null, decisions_refused: null, decisions_no_change: null, objectives_met: 'higher',
    });
    expect(metricDirection('first_on_scene_s')).toBe('lower');
    expect(metricDirection(OBJECTIVE_MET)).toBe('higher');
  });

  it('a metric it does not know (results of another engine) has none, nor do names of Object\'s own', () => {
    expect(metricDirection('people_sheltered_late')).toBeNull();
    expect(metricDirection('toString')).toBeNull();
    expect(differenceDirection('people_sheltered_late', [-5, -2])).toBeNull();
  });

  it('better or worse only where the runs show the difference', () => {
    expect(differenceDirection('people_lost', [-9, -7])).toBe('better');
    expect(differenceDirection('people_lost', [7, 9])).toBe('worse');
    expect(differenceDirection('objectives_met', [0.1, 0.3])).toBe('better');
    expect(differenceDirection('people_rescued', [7, 9])).toBeNull();
    expect(differenceDirection(OBJECTIVE_MET, [-0.2, -0.1], 0, 30)).toBe('worse');
    // an interval that holds 0, none at all, or one the sign test does not back (4 runs up, none down)
    expect(differenceDirection('people_lost', [-9, 0])).toBeNull();
    expect(differenceDirection('people_lost', null)).toBeNull();
    expect(differenceDirection('people_lost', [0.02, 0.1], 4, 0)).toBeNull();
    // shown, but without a better side
    expect(differenceDirection('decisions_taken', [0.4, 1])).toBeNull();
  });
});
