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

/**
 * A scenario's text with each [from, to] replaced in turn (the first match of each, as String.replace does).
 * Throws when `from` is not in the text, or replacing it changes nothing: a test of an edit that did not
 * happen would pass on the unedited scenario, testing nothing.
 */
export function edit(base: string, ...pairs: [from: string | RegExp, to: string][]): string {
  let text = base;
  for (const [from, to] of pairs) {
    // search, not test: a /g or /y pattern's lastIndex must not decide it
    const found = typeof from === 'string' ? text.includes(from) : text.search(from) >= 0;
    if (!found) throw new Error(`the text to edit has no '${String(from)}'`);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`replacing '${String(from)}' changes nothing`);
    text = next;
  }
  return text;
}
