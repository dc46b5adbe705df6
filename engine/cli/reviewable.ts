/**
 * Loading a run log for review (report, compare, fork): the log, its
 * embedded scenario and its events, each checked enough that a damaged file
 * gets one clear line instead of a stack trace.
 */
import type { LogEvent } from '../review/metrics.js';
import { badEvent, embeddedScenario } from '../review/report.js';
import { sayIn } from '../scenario/say.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunLog } from '../sim/run.js';
import { InputError } from './io.js';
import { loadRunLog } from './load.js';

const DAMAGED = 'the log is damaged; run the scenario again with `drill run --out`';

/** `text`: the file's text when it was read already. */
export function loadReviewable(file: string, text?: string): { log: RunLog; scenario: Scenario; events: LogEvent[] } {
  const { log, events } = loadRunLog(file, text);
  const bad = badEvent(events);
  if (bad) throw new InputError(file, `not a usable run log: ${bad.message}`, DAMAGED);
  if (!Number.isInteger(log.until) || !Number.isInteger(log.seed) || !Array.isArray(log.decisions) || !Array.isArray(log.players)) {
    throw new InputError(file, 'not a usable run log: its seed, end time, players or decisions are missing or malformed', DAMAGED);
  }
  const sc = embeddedScenario(log);
  // the issue's English cannot be matched by engine/play/cli-problems.ts: its own Vietnamese words go with it
  if (!sc.ok) throw new InputError(file, sc.message, DAMAGED, sc.issue && `kịch bản lưu trong nhật ký không đọc được: ${sayIn(sc.issue.words.message, 'vi')}`);
  return { log, scenario: sc.scenario, events: events as LogEvent[] };
}
