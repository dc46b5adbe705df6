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

/** Markup that scenario text may hold: every page and report must show it as these characters, never as HTML. */
export const MARKUP = '<img src=x onerror=alert(1)>';

/**
 * The Kỳ Sơn flash flood with MARKUP at the end of the dam rumour's message, in both languages (the shipped
 * scenario is what trainees read in a drill, so the probe lives here, not in it).
 */
export function kySonWithMarkupText(): string {
  return edit(readFileSync(join(SCENARIO_DIR, 'ky-son-flash-flood.yaml'), 'utf8'),
    ['người dân hoảng loạn chạy lên đồi"', `người dân hoảng loạn chạy lên đồi ${MARKUP}"`],
    ['people are fleeing uphill in panic"', `people are fleeing uphill in panic ${MARKUP}"`]);
}

export function kySonWithMarkup(): Scenario {
  const r = parseScenario(kySonWithMarkupText(), join(SCENARIO_DIR, 'ky-son-flash-flood.yaml'));
  if (!r.ok) throw new Error('the Kỳ Sơn scenario with markup does not load');
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
