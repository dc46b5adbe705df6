import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parseScenario } from '../../engine/scenario/parse.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import type { ScenarioIssue } from '../../engine/scenario/issues.js';
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

/**
 * The problems drill validate finds in a shipped scenario edited as `edit` does (read from `file` as the issues'
 * name): throws when the edited text loads, since a test of a mistake must see it refused.
 */
export function refusedEdit(name: string, from: string | RegExp, to: string, file = 'k.yaml'): ScenarioIssue[] {
  const r = parseScenario(edit(readFileSync(join(SCENARIO_DIR, `${name}.yaml`), 'utf8'), [from, to]), file);
  if (r.ok) throw new Error(`${name} with '${String(from)}' made '${to}' still loads`);
  return r.issues;
}

/** A scenario's YAML text with `edit` made to it as data (a test's variant of an inline or shipped scenario), parsed as inlineScenario does. */
export function editedScenario(text: string, file: string, edit: (doc: any) => void = () => {}): Scenario {
  const doc = parseYaml(text);
  edit(doc);
  return inlineScenario(stringifyYaml(doc), file);
}

/** A scenario written inline in a test: parsed, or an Error that lists its problems by path. */
export function inlineScenario(text: string, file: string): Scenario {
  const r = parseScenario(text, file);
  if (!r.ok) throw new Error(r.issues.map((i) => `${(Array.isArray(i.path) ? i.path.join('.') : String(i.path))}: ${i.message}`).join('\n'));
  return r.scenario;
}

/**
 * The `areas`, `travel` and `units` sections of the doctrine tests' two communes: Bản A and Bản Bê, 8 km apart on
 * an open road, each with its militia (Bản A's rescue 2, Bản Bê's rescue 1; `anywhere`: Bản A's responds anywhere).
 */
export function twoCommunes(o: { anywhere?: boolean } = {}): string {
  return `areas:
  - { id: nghe-an, name: Nghệ An, tier: province, population: 3400000, coords: { lat: 18.67, lon: 105.69 } }
  - { id: ban-a, name: Bản A, tier: commune, parent: nghe-an, population: 5000, coords: { lat: 19.40, lon: 104.13 } }
  - { id: ban-be, name: Bản Bê, tier: commune, parent: nghe-an, population: 5000, coords: { lat: 19.414, lon: 104.178 } }
travel:
  speed_kmh: { road: 50, foot: 4, boat: 10 }
  detour: 1.3
  nodes:
    - { id: ban-a, name: Bản A, coords: { lat: 19.40, lon: 104.13 }, area: ban-a }
    - { id: ban-be, name: Bản Bê, coords: { lat: 19.414, lon: 104.178 }, area: ban-be }
  edges:
    - { id: a-be, name: A - Bê, from: ban-a, to: ban-be, length_km: 8, speed_kmh: { road: 25 } }
units:
  - { id: a-militia, name: A militia, owner: militia, category: part-time, capabilities: { rescue: 2 }, crew: 12, base: ban-a, home: ban-a, mobilisation: 5m${o.anywhere ? ', responds_anywhere: true' : ''} }
  - { id: be-militia, name: Bê militia, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 12, base: ban-be, home: ban-be, mobilisation: 5m }
`;
}
