import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hazard, Scenario } from '../../engine/scenario/schema.js';
import { projectionFor } from '../../engine/sim/geo.js';
import { Hazards } from '../../engine/sim/hazards.js';
import { runScenario } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { editedScenario } from '../helpers/scenarios.js';

// Decision 18/2021 publishes disaster risk levels in forecast bulletins: a hazard's `forecast` makes an
// area's level the highest its value reaches from now until that much later.

const AREA = { id: 'a', coords: { lat: 18.7, lon: 105.7 } };

function hazardsOf(h: Partial<Hazard>): { hz: Hazards; h: Hazard } {
  const hazard = { id: 'h', kind: 'rainfall', name: 'h', areas: ['a'], risk: [], ...h } as Hazard;
  const scenario = { areas: [AREA], hazards: [hazard] } as unknown as Scenario;
  return { hz: new Hazards(scenario, projectionFor([AREA.coords])), h: hazard };
}

const riskSteps = fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 })
  .map((froms) => froms.sort((a, b) => a - b).map((from, i) => ({ from, level: i + 1 })));
const series = fc.uniqueArray(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 8 })
  .chain((ats) => fc.tuple(...ats.sort((a, b) => a - b).map((at) => fc.integer({ min: 0, max: 120 }).map((value) => ({ at, value })))));

describe('risk levels with a forecast', () => {
  it('a series hazard gives the highest level its value reaches in the window, exactly (checked second by second)', () => {
    fc.assert(fc.property(series, riskSteps, fc.integer({ min: 1, max: 6_000 }), fc.integer({ min: 0, max: 22_000 }), (points, risk, lead, t) => {
      const { hz, h } = hazardsOf({ series: points, risk, forecast: lead });
      let best = 0;
      for (let s = t; s <= t + lead; s++) best = Math.max(best, hz.level(h, hz.value(h, 'a', s)));
      expect(hz.levelAt(h, 'a', t)).toBe(best);
    }), { numRuns: 150 });
  });

  it('without a forecast, the level is that of the value now', () => {
    fc.assert(fc.property(series, riskSteps, fc.integer({ min: 0, max: 22_000 }), (points, risk, t) => {
      const { hz, h } = hazardsOf({ series: points, risk });
      expect(hz.levelAt(h, 'a', t)).toBe(hz.level(h, hz.value(h, 'a', t)));
    }), { numRuns: 150 });
  });

  it("a typhoon's forecast level is at least the highest at every 10 minutes of the window, and never more than the track reaches in it", () => {
    const track = fc.array(fc.record({
      lat: fc.double({ min: 17.5, max: 19.5, noNaN: true }), lon: fc.double({ min: 104, max: 108, noNaN: true }),
      wind_force: fc.integer({ min: 0, max: 17 }), radius_km: fc.integer({ min: 0, max: 80 }),
    }), { minLength: 1, maxLength: 5 }).map((ps) => ps.map((p, i) => ({ at: i * 6 * 3600, coords: { lat: p.lat, lon: p.lon }, wind_force: p.wind_force, radius_km: p.radius_km })));
    const stormSteps = fc.constant<{ from: number; level: number }[]>([{ from: 6, level: 3 }, { from: 10, level: 4 }, { from: 12, level: 5 }]);
    fc.assert(fc.property(track, stormSteps, fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 30 * 6 }), (points, risk, leadH, t10) => {
      const { hz, h } = hazardsOf({ kind: 'typhoon', track: points, risk, forecast: leadH * 3600 });
      const t = t10 * 600;
      const levelOf = (s: number) => hz.level(h, hz.value(h, 'a', s));
      let grid = levelOf(t + leadH * 3600);
      for (let s = t; s <= t + leadH * 3600; s += 600) grid = Math.max(grid, levelOf(s));
      let fine = 0;
      for (let s = t; s <= t + leadH * 3600; s += 60) fine = Math.max(fine, levelOf(s));
      const got = hz.levelAt(h, 'a', t);
      expect(got).toBeGreaterThanOrEqual(grid);
      expect(got).toBeLessThanOrEqual(fine);
    }), { numRuns: 100 });
  });
});

/** Per area, its risk levels in the order the run log gives them. */
function riskCourse(scenario: Scenario): Map<string, { t: number; risk: number }[]> {
  const out = new Map<string, { t: number; risk: number }[]>();
  for (const line of runScenario(scenario, { seed: 1 }).log!.events) {
    const e = JSON.parse(line);
    if (e.type === 'area.risk') out.set(e.id, [...(out.get(e.id) ?? []), { t: e.t, risk: e.risk }]);
  }
  return out;
}

/** Does the level fall and then rise again (a storm drawing near announced as easing)? */
const fallsThenRises = (course: { risk: number }[]) => course.some((c, i) => i > 0 && c.risk < course[i - 1].risk && course.slice(i + 1).some((d) => d.risk > c.risk));

const shipped = (name: string, edit?: (doc: any) => void): Scenario => editedScenario(readFileSync(join(ROOT, 'scenarios', name), 'utf8'), name, edit);

const noForecast = (doc: any) => { delete doc.hazards.find((h: { id: string }) => h.id === 'typhoon').forecast; };

describe('the shipped typhoon scenarios', () => {
  for (const name of ['typhoon-landfall-coast.yaml', 'vinh-wards-typhoon-night.yaml']) {
    it(`${name}: no area's risk level falls while the storm draws near and rises again`, () => {
      const course = riskCourse(shipped(name));
      expect(course.size).toBeGreaterThan(0);
      for (const [area, c] of course) expect(fallsThenRises(c), `${area}: ${c.map((x) => `${x.t}:${x.risk}`).join(' ')}`).toBe(false);
      // read from the value now, the rounded wind and the distance's steps announced 4, then 3, then 4 again
      expect([...riskCourse(shipped(name, noForecast)).values()].some(fallsThenRises)).toBe(true);
    });
  }

  it("the coast is at risk level 4 from the first bulletin, as Kajiki's land was from the morning of the 24th", () => {
    const course = riskCourse(shipped('typhoon-landfall-coast.yaml'));
    for (const area of ['cua-lo', 'thanh-vinh', 'hai-chau', 'quynh-anh']) expect(course.get(area)![0]).toEqual({ t: 0, risk: 4 });
  });

  it("an inject waiting for the storm's risk level comes with the bulletin that announces it; without a forecast, only when the winds arrive", () => {
    const withInject = (edit?: (doc: any) => void) => shipped('typhoon-landfall-coast.yaml', (doc) => {
      edit?.(doc);
      doc.injects.push({
        id: 'level-4-notice', seq: 99, when: { hazard: 'typhoon', area: 'cua-lo', risk_at_least: 4 }, from: 'Ban chỉ huy', to: 'cua-lo-chair',
        method: 'phone', subject: 'Level 4', message: 'Disaster risk level 4',
      });
    });
    const deliveredAt = (s: Scenario) => runScenario(s, { seed: 1 }).log!.events.map((l) => JSON.parse(l)).find((e) => e.type === 'inject.delivered' && e.id === 'level-4-notice')?.t;
    expect(deliveredAt(withInject())).toBe(0);
    expect(deliveredAt(withInject(noForecast))).toBeGreaterThan(20 * 3600);
  });
});
