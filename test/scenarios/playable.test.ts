/**
 * Every library scenario teaches something: played by doctrine alone over
 * 50 seeds, each objective is met in at least one run and missed in at
 * least one. An objective that is always met (or never) tests nothing.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model } from '../../engine/sim/model.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadScenarioFile, scenarioFiles } from '../helpers/scenarios.js';

const SEEDS = 50;
/** minimal.yaml is the format's smallest example, not a library scenario. */
const NOT_LIBRARY = new Set(['minimal.yaml']);

describe('library scenarios are playable under doctrine', () => {
  for (const file of scenarioFiles().filter((f) => !NOT_LIBRARY.has(basename(f)))) {
    it(`${basename(file)}: each objective is met in some of ${SEEDS} seeds and missed in others`, () => {
      const scenario = loadScenarioFile(file);
      expect(scenario.objectives.length).toBeGreaterThan(0);
      const model = new Model(scenario);
      const met = new Map(scenario.objectives.map((o) => [o.id, 0]));
      for (let seed = 1; seed <= SEEDS; seed++) {
        const { summary } = runScenario(scenario, { seed, mode: 'metrics', model, keepIncidents: false });
        for (const o of summary.objectives) if (o.met) met.set(o.id, met.get(o.id)! + 1);
      }
      const stuck = [...met].filter(([, n]) => n === 0 || n === SEEDS).map(([id, n]) => `${id}: met in ${n} of ${SEEDS}`);
      expect(stuck, 'objectives that do not depend on how the play goes').toEqual([]);
    });
  }
});
