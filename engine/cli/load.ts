/**
 * Loading what the CLI is given: scenarios and decisions files (all problems
 * printed, exit 1) and run logs (one clear line when a file is not one).
 */
import { formatIssueIn, type ScenarioIssue } from '../scenario/issues.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import type { Lang } from '../scenario/text.js';
import type { DecisionsInput, ForkedAway } from '../sim/decisions.js';
import { parseDecisionsOrLog, type ReplayVary } from '../sim/decisions-of-log.js';
import { variedText } from '../batch/vary.js';
import { readRunLog, type RunLog } from '../sim/run.js';
import { InputError, readText } from './io.js';

/** Thrown after the problems were printed; main turns it into exit 1. */
export class ReportedError extends Error {}

/** `lang`: the language the problems found in the file are said in (the command's --lang). */
export function loadScenario(file: string, lang: Lang = 'en'): Scenario {
  const r = parseScenario(readText(file, true), file);
  if (!r.ok) {
    for (const i of r.issues) process.stderr.write(formatIssueIn(i, lang) + '\n');
    throw new ReportedError(`${file} is not a valid scenario`);
  }
  // what `drill validate` warns of, said here too: a planner who runs without validating first sees it
  for (const w of r.warnings) process.stderr.write(formatIssueIn(w, lang) + '\n');
  return r.scenario;
}

/**
 * `addedBefore`: injects exercise control added before the file's first decision (drill fork: in the run's kept
 * decisions). `reword`: the problems in the terms of what was done to the scenario (drill run --vary); `given`: the
 * scenario as given, before --vary changed it (a run log played on another text of it is warned of); `sweep`: the
 * --vary this run plays (a log played with it is replayed on what was played).
 */
export function loadDecisions(file: string, scenario: Scenario, addedBefore: readonly string[] = [], forkedAway?: ForkedAway, lang: Lang = 'en', reword: (issues: ScenarioIssue[]) => ScenarioIssue[] = (x) => x, given: Scenario = scenario, sweep?: ReplayVary['sweep']): DecisionsInput {
  const r = parseDecisionsOrLog(readText(file), file, scenario, addedBefore, forkedAway, given, { sweep, variedText: variedText(given) });
  if (!r.ok) {
    for (const i of reword(r.issues)) process.stderr.write(formatIssueIn(i, lang) + '\n');
    throw new ReportedError(`${file} is not a valid decisions file`);
  }
  for (const w of r.warnings) process.stderr.write(formatIssueIn(w, lang) + '\n');
  return r.value;
}

export function loadRunLog(file: string, text = readText(file)): { log: RunLog; events: Record<string, unknown>[] } {
  const r = readRunLog(text);
  if (!r.ok) throw new InputError(file, r.message, r.hint);
  return { log: r.log, events: r.events };
}
