/**
 * A run log given where a decisions file is asked for (`--decisions`): the
 * decisions it was played with, as a decisions file holds them. A session
 * played in the browser, or with `drill play` without `--decisions-out`, is
 * saved as a run log only; a planner asking "was that result luck?" replays
 * its decisions over many seeds with `drill batch --decisions session.json`.
 * The log's decisions go through the decisions file's own checks (against
 * the scenario, or each scenario of a sweep); a problem is placed at the
 * log's line of the decision it concerns. A log played on another text of the
 * scenario than the one its decisions are now played on (`played`: the
 * scenario as given, before a sweep changes it) is warned of: its outcomes
 * differ for that as well as by chance.
 */
import { sha256Hex } from '../core/hash.js';
import { canonicalScenarioText, parseScenario } from '../scenario/parse.js';
import { issue, type ScenarioIssue } from '../scenario/issues.js';
import { sayCliProblem } from '../play/cli-problems.js';
import { joined, say, type Say } from '../scenario/say.js';
import type { Scenario } from '../scenario/schema.js';
import { formatClock } from '../scenario/duration.js';
import { parseDecisions, serializeDecisions, type ForkedAway } from './decisions.js';
import { decisionFromRecord, readRunLog } from './run.js';

type Parsed = ReturnType<typeof parseDecisions>;

const RUN_LOG_START = /^\s*\{\s*"format"\s*:\s*"drillsim\/run@/;

/**
 * What is known of the --vary a log's decisions are replayed under: `sweep`, the key and values of this run's or
 * batch's own --vary (none: undefined); `variedText`, the scenario as given changed by a key and value (a log records
 * the --vary it was played with: engine 0.8.2), so that a log played with one is told apart from an edited copy.
 */
export interface ReplayVary {
  sweep?: { key: string; labels: string[] };
  variedText?: (key: string, value: string) => string | null;
}

/** A decisions file, or a run log whose decisions are taken as one (see above). */
export function parseDecisionsOrLog(text: string, file: string, scenario?: Scenario, addedBefore: readonly string[] = [], forkedAway?: ForkedAway, played: Scenario | undefined = scenario, vary: ReplayVary = {}): Parsed {
  if (!RUN_LOG_START.test(text.replace(/^\uFEFF/, '').slice(0, 200))) return parseDecisions(text, file, scenario, addedBefore, forkedAway);
  // about the run log as a whole: no line is shown
  const at1 = (code: string, message: Say, hint?: Say): Parsed => ({ ok: false, issues: [issue({ file, line: 1, column: 1, path: '(top)', code, severity: 'error', whole: true }, message, hint)] });
  // the run log reader's words (engine/sim/run.ts), in Vietnamese by the CLI's table of them
  const bi = (en: string): Say => say('bi', { en, vi: sayCliProblem(en, 'vi') });
  const r = readRunLog(text);
  if (!r.ok) return at1('bad-run-log', say('bad-run-log.message', { why: bi(r.message) }), r.hint === undefined ? undefined : bi(r.hint));
  const log = r.log;
  if (log.joined) {
    const who = joined(Object.entries(log.joined).map(([role, t]) => say('joined.who', { role, t: formatClock(t) })));
    return at1('joined-part-way', say('joined.message', { who }), say('joined.hint'));
  }
  // decisions after the scenario's end: an engine before 0.6.0 warned of them and played on without them, so the run
  // the log records never played them; refused in a decisions file (the planner can move them), here left out
  const end = scenario?.horizon ?? Infinity;
  const kept: number[] = [], late: number[] = [];
  log.decisions.forEach((d, i) => (typeof d.at === 'number' && d.at > end ? late : kept).push(i));
  const yaml = serializeDecisions({ decisions: kept.map((i) => decisionFromRecord(log.decisions[i])), players: log.players, scenario: log.scenario.id });
  const read = parseDecisions(yaml, file, scenario, addedBefore, forkedAway);
  // (that YAML is drillsim's own, read under the log's .json name: not the log written in YAML, as a .json file would be warned of)
  const own = (x: ScenarioIssue) => x.code !== 'not-strict-json';
  const parsed = read.ok ? { ...read, warnings: read.warnings.filter(own) } : { ...read, issues: read.issues.filter(own) };
  // the serialised file's lines mean nothing to the reader: each decision's own line in the log instead
  const first = lineOfDecisions(text);
  const lineOf = (i: number) => (first === null ? 1 : first + 1 + kept[i]);
  const place = (x: ScenarioIssue): ScenarioIssue => {
    const m = /^decisions\[(\d+)\]/.exec(x.path);
    return { ...x, line: m ? lineOf(Number(m[1])) : 1, column: 1 };
  };
  // a run of another scenario: the decisions file's hint ('write scenario: ...') has no place in a run log
  const placed = (x: ScenarioIssue): ScenarioIssue => x.code === 'wrong-scenario' && scenario
    ? { ...issue({ ...x, whole: true }, say('wrong-scenario.log-message', { for: log.scenario.id, id: scenario.id }), say('wrong-scenario.log-hint', { id: scenario.id })), line: 1, column: 1 }
    : place(x);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map(placed) };
  const warnings = parsed.warnings.map(place);
  if (late.length) {
    const at = log.decisions[late[0]].at as number;
    warnings.push(issue({ file, line: first === null ? 1 : first + 1 + late[0], column: 1, path: `decisions[${late[0]}].at`, code: 'outside-horizon', severity: 'warning' },
      say('late.message', { n: String(late.length), first: formatClock(at), end: formatClock(end) }), say('late.hint', { end: formatClock(end) })));
  }
  if (log.session) {
    warnings.push(issue({ file, line: 1, column: 1, path: 'session', code: 'session-stopped', severity: 'warning' },
      say('session.message', { t: formatClock(log.session.t), players: log.players.length ? joined(log.players) : say('session.the-players') }),
      say('session.hint')));
  }
  const sameText = played !== undefined && log.scenario.id === played.id && playedOn(log.scenario, played);
  if (played && log.scenario.id === played.id && !sameText) {
    const v = log.varied;
    // played on the scenario given, changed by the --vary it records: said so, and nothing when replayed with it
    // (or in a sweep of the same parameter, whose point is to change it)
    if (v && vary.variedText?.(v.key, v.value) === log.scenario.text) {
      if (vary.sweep?.key !== v.key) {
        warnings.push(issue({ file, line: 1, column: 1, path: 'varied', code: 'other-text', severity: 'warning' }, say('other-text.varied-message', { ...v }), say('other-text.varied-hint', { ...v })));
      }
    } else {
      warnings.push(issue({ file, line: 1, column: 1, path: 'scenario', code: 'other-text', severity: 'warning' }, say('other-text.message', { id: played.id }), say('other-text.hint')));
    }
  }
  // a run cut short with --until holds its whole decisions file: those after the stop were never played in it
  const after = log.session ? [] : kept.map((i) => log.decisions[i]).filter((d) => typeof d.at === 'number' && d.at > log.until);
  if (after.length) {
    warnings.push(issue({ file, line: 1, column: 1, path: 'until', code: 'run-stopped', severity: 'warning' },
      say('until.message', { t: formatClock(log.until), n: String(after.length), first: formatClock(after[0].at as number) }), say('until.hint')));
  }
  // the run's own outcome, where it is one these decisions give on this scenario: played to its end, every decision
  // in it, on this very text (not a copy edited since, nor changed by a --vary)
  const whole = !log.session && !log.varied && late.length === 0 && after.length === 0 && sameText && log.until === played!.horizon;
  const session = whole ? { session: { seed: log.seed, summary: log.summary } } : {};
  return { ok: true, value: { ...parsed.value, lines: parsed.value.decisions.map((_, i) => lineOf(i)), ...session }, warnings };
}

/**
 * Was the run played on this text of its scenario? A newer engine writes the defaults it added into a scenario's
 * canonical text (0.7.0's evacuation.speed_kmh), so a log of an older one has another hash for the same file: its
 * text is read again as today's engine reads it, defaults and all.
 */
function playedOn(logged: { hash: string; text: string }, played: Scenario): boolean {
  const text = canonicalScenarioText(played);
  if (logged.hash === sha256Hex(text)) return true;
  const again = parseScenario(logged.text, 'run log', { embedded: true });
  return again.ok && canonicalScenarioText(again.scenario) === text;
}

/** The line of `"decisions":[` in a log as drill writes it (one decision a line after it); null if it is laid out otherwise. */
function lineOfDecisions(text: string): number | null {
  const at = text.indexOf('\n"decisions":[');
  if (at < 0) return null;
  let line = 1;
  for (let i = 0; i <= at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
