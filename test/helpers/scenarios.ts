import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../engine/scenario/parse.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { ROOT } from './cli.js';

export const SCENARIO_DIR = join(ROOT, 'scenarios');

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(SCENARIO_DIR, f));
}

export function loadScenarioFile(file: string): Scenario {
  const r = parseScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not load:\n${r.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n')}`);
  return r.scenario;
}

export function loadNamed(name: string): Scenario {
  return loadScenarioFile(join(SCENARIO_DIR, `${name}.yaml`));
}
