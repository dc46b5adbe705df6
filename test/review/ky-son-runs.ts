/**
 * The complete example scenario (with markup in the dam rumour's message: see kySonWithMarkup) run with the two decision files of the
 * reviewer's walk-through (evacuate early, evacuate late), as a file
 * written by `drill run --out` and read back as `drill report` reads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEvent } from '../../engine/review/metrics.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { readRunLog, runScenario, serializeRunLog, type RunLog } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { kySonWithMarkup } from '../helpers/scenarios.js';

export interface SavedRun { log: RunLog; scenario: Scenario; events: LogEvent[]; text: string }

export const DECISIONS_DIR = join(ROOT, 'scenarios/decisions');

export function decisionsFile(name: string, scenario: Scenario) {
  const file = join(DECISIONS_DIR, `${name}.yaml`);
  const r = parseDecisions(readFileSync(file, 'utf8'), file, scenario);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

const cache = new Map<string, SavedRun>();

/** `early`, `late` (the decision files) or `doctrine` (nobody plays). */
export function kySon(which: 'early' | 'late' | 'doctrine'): SavedRun {
  const hit = cache.get(which);
  if (hit) return hit;
  const scenario = kySonWithMarkup();
  const d = which === 'doctrine' ? undefined : decisionsFile(`ky-son-evacuate-${which}`, scenario);
  const { log } = runScenario(scenario, { decisions: d?.decisions, players: d?.players });
  const text = serializeRunLog(log!).join('');
  const back = readRunLog(text);
  if (!back.ok) throw new Error(back.message);
  const run = { log: back.log, scenario, events: back.events as LogEvent[], text };
  cache.set(which, run);
  return run;
}
