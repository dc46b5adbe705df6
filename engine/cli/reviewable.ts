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
  checkRunInputs(file, text, log, events);
  const sc = embeddedScenario(log);
  // the issue's English cannot be matched by engine/play/cli-problems.ts: its own Vietnamese words go with it
  if (!sc.ok) throw new InputError(file, sc.message, DAMAGED, sc.issue && `kịch bản lưu trong nhật ký không đọc được: ${sayIn(sc.issue.words.message, 'vi')}`);
  return { log, scenario: sc.scenario, events: events as LogEvent[] };
}

/**
 * The events and the run's inputs of a log, each as drill writes it, for every command that reads a log (report,
 * compare, fork, verify): a hand edit is said as one line naming the field (and its line), not a stack trace
 * from the report or the re-simulation ('hash' of 0 or an 'engine' of null stopped drill report; 'until' of 3.5,
 * 'players' of {} stopped drill verify).
 */
export function checkRunInputs(file: string, text: string, log: RunLog, events: unknown[]): void {
  const bad = badEvent(events);
  if (bad) {
    // the line to open in an editor: a log edited by hand was edited at a line
    const line = lineOfEvent(text, bad.index, events[bad.index]);
    throw new InputError(file, `not a usable run log: ${bad.message}`, DAMAGED, undefined, line === null ? undefined : { line, path: `events[${bad.index}]${bad.field === undefined ? '' : `.${bad.field}`}` });
  }
  // which of the run's inputs, and where: a seed put in quotes by hand read as 'missing or malformed', somewhere
  const fields = [['seed', 'whole'], ['until', 'whole'], ['players', 'ids'], ['decisions', 'list'], ['hash', 'text'], ['engine', 'text']] as const;
  for (const [key, kind] of fields) {
    const v = (log as unknown as Record<string, unknown>)[key];
    const fine = kind === 'whole' ? Number.isSafeInteger(v) && (v as number) >= 0
      : kind === 'list' ? Array.isArray(v)
        : kind === 'ids' ? Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')
          : typeof v === 'string' && v !== '';
    if (fine) continue;
    const what = v === undefined ? 'is missing'
      : kind === 'whole' ? `is not a whole number (${JSON.stringify(v)})`
        : kind === 'text' ? `is not a text (${JSON.stringify(v)})`
          : kind === 'ids' && Array.isArray(v) ? 'is not a list of role ids' : 'is not a list';
    const line = text.split('\n').findIndex((l) => l.includes(`"${key}":`));
    throw new InputError(file, `not a usable run log: its '${key}' ${what}`, DAMAGED, undefined, v === undefined || line < 0 ? undefined : { line: line + 1, path: key });
  }
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
