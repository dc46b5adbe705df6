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
import { InputError, readText } from './io.js';
import { loadRunLog } from './load.js';

const DAMAGED = 'the log is damaged; run the scenario again with `drill run --out`';

/** `text`: the file's text when it was read already. */
export function loadReviewable(file: string, text = readText(file)): { log: RunLog; scenario: Scenario; events: LogEvent[] } {
  const { log, events } = loadRunLog(file, text);
  const bad = badEvent(events);
  if (bad) {
    // the line to open in an editor: a log edited by hand was edited at a line
    const line = lineOfEvent(text, bad.index, events[bad.index]);
    throw new InputError(file, `not a usable run log: ${bad.message}`, DAMAGED, undefined, line === null ? undefined : { line, path: `events[${bad.index}]` });
  }
  // which of the run's inputs, and where: a seed put in quotes by hand read as 'missing or malformed', somewhere
  for (const [key, list] of [['seed', false], ['until', false], ['players', true], ['decisions', true]] as const) {
    const v = (log as unknown as Record<string, unknown>)[key];
    if (list ? Array.isArray(v) : Number.isInteger(v)) continue;
    const what = v === undefined ? 'is missing' : list ? 'is not a list' : `is not a whole number (${JSON.stringify(v)})`;
    const line = text.split('\n').findIndex((l) => l.includes(`"${key}":`));
    throw new InputError(file, `not a usable run log: its '${key}' ${what}`, DAMAGED, undefined, v === undefined || line < 0 ? undefined : { line: line + 1, path: key });
  }
  const sc = embeddedScenario(log);
  // the issue's English cannot be matched by engine/play/cli-problems.ts: its own Vietnamese words go with it
  if (!sc.ok) throw new InputError(file, sc.message, DAMAGED, sc.issue && `kịch bản lưu trong nhật ký không đọc được: ${sayIn(sc.issue.words.message, 'vi')}`);
  return { log, scenario: sc.scenario, events: events as LogEvent[] };
}

/**
 * The line of the file that holds event `index`, where the log is laid out as drill writes it (one event a line,
 * after the line `"events":[`), the line read as the same event (spaces a hand put in included); null otherwise.
 */
function lineOfEvent(text: string, index: number, event: unknown): number | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === '"events":[');
  const k = start + 1 + index;
  if (start < 0 || k >= lines.length) return null;
  try {
    return JSON.stringify(JSON.parse(lines[k].trim().replace(/,$/, ''))) === JSON.stringify(event) ? k + 1 : null;
  } catch {
    return null;
  }
}
