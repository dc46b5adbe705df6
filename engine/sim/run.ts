/**
 * The engine's front door: run a scenario with a seed and decisions into a
 * self-contained run log, write and read that log, and verify one by
 * re-simulating from its own inputs. Pure: strings in, strings out.
 */
import { sha256Hex, type Sha256Factory } from '../core/hash.js';
import type { Summary } from '../review/metrics.js';
import { summaryAsWritten } from '../review/summary-form.js';
import { canonicalScenarioText, parseScenario } from '../scenario/parse.js';
import { COMMAND_KEYS, type Scenario } from '../scenario/schema.js';
import { ENGINE_VERSION } from '../version.js';
import type { Decision } from './decisions.js';
import { CHECKED_WHEN_READ } from '../review/added-injects.js';
import { Metrics } from '../review/metrics.js';
import type { Sim, Keyframe, Varied } from './sim.js';
import { createSim, type RunOptions } from './runner.js';
import { differences } from './differ.js';
import { chainOf } from './log.js';
import { jsonBreak } from '../core/json-break.js';
import { RunLogTooLargeError } from '../core/errors.js';

export const RUN_FORMAT = 'drillsim/run@1';

export { createSim, defaultSeed, type RunOptions } from './runner.js';

export interface RunLog {
  format: string;
  engine: string;
  scenario: { id: string; hash: string; text: string };
  seed: number;
  until: number;
  players: string[];
  /** only when a player took a role over from doctrine part-way (see RunOptions.joined) */
  joined?: Record<string, number>;
  /** only when the scenario was played with one parameter changed (`drill run --vary`): which, and to what */
  varied?: Varied;
  keyframe_every: number;
  decisions: Record<string, unknown>[];
  /** one JSON text per event, exactly as hashed */
  events: string[];
  keyframes: Keyframe[];
  chain: string[];
  summary: Summary;
  hash: string;
  /** only in a play session saved before the end: the time it stopped at (s since T0) */
  session?: { t: number };
}

export interface RunResult {
  summary: Summary;
  log: RunLog | null;
  sim: Sim;
}

export function decisionRecord(d: Decision): Record<string, unknown> {
  return { at: d.at, role: d.role, author: d.author, ...d.cmd };
}

export function decisionFromRecord(r: Record<string, unknown>): Decision {
  const { at, role, author, ...cmd } = r as any;
  return { at, role, author, cmd };
}

export function runScenario(scenario: Scenario, opts: RunOptions = {}): RunResult {
  const sim = createSim(scenario, opts);
  sim.run();
  if (!sim.log) return { summary: sim.metrics.finish(sim.world.t), log: null, sim };
  const log = runLogOf(sim);
  return { summary: log.summary, log, sim };
}

/** The run log of a finished Sim in 'full' mode (closes its metrics and hash chain: call once). */
export function runLogOf(sim: Sim): RunLog {
  if (!sim.log || !sim.finished) throw new Error('runLogOf: the sim must be finished and in full mode');
  const summary = sim.metrics.finish(sim.world.t);
  const writer = sim.log;
  const hash = writer.finish();
  return {
    ...logHead(sim),
    // made when first read: a caller after the summary and hash alone pays for no string per event
    get events() {
      return writer.lines;
    },
    keyframes: sim.keyframes,
    chain: sim.keyframes.map((k) => k.chain),
    summary,
    hash,
  };
}

/**
 * The log of a run stopped at `t` (a play session saved part-way): the same
 * shape, plus `session: { t }`, with the events, keyframes and hash chain so
 * far, the people still at risk counted as `drill run --until t` counts them
 * (Sim.tallyLinesAt), and the metrics as they stand at `t`. Leaves the Sim
 * untouched, so the run can go on.
 */
export function sessionLogOf(sim: Sim, t: number): RunLog {
  if (!sim.log) throw new Error('sessionLogOf: the sim must be in full mode');
  // and, at t, the people still at risk counted as a run stopped there counts them (rescued, lost, still at risk):
  // left open, a session saved before anyone was reached would read better than one that reached them
  const tally = sim.tallyLinesAt(t);
  const lines = sim.log.lines.concat(tally);
  const metrics = new Metrics(sim.model.scenario, sim.opts.keepIncidents ?? true, CHECKED_WHEN_READ);
  for (const line of lines) metrics.observe(JSON.parse(line));
  const keyframes = sim.keyframes.slice();
  // the link after the last event so far, without closing the chain (the run goes on)
  const hash = sim.log.peekWith(tally);
  return { ...logHead(sim), session: { t }, events: lines, keyframes, chain: keyframes.map((k) => k.chain), summary: metrics.finish(t), hash };
}
function logHead(sim: Sim) {
  const scenario = sim.model.scenario;
  const text = canonicalScenarioText(scenario);
  return {
    format: RUN_FORMAT,
    engine: ENGINE_VERSION,
    scenario: { id: scenario.id, hash: sha256Hex(text), text },
    seed: sim.opts.seed,
    until: sim.opts.until,
    players: sim.opts.players,
    ...(sim.opts.joined ? { joined: sim.opts.joined } : {}),
    ...(sim.opts.varied ? { varied: sim.opts.varied } : {}),
    keyframe_every: scenario.keyframe_every,
    decisions: sim.opts.decisions.map(decisionRecord),
  };
}

/**
 * The longest run log, in characters: V8's longest string (Node's buffer.constants.MAX_STRING_LENGTH on 64-bit,
 * 2^29 - 24), as every command and the viewer read a log back as one text. Written in pieces, a longer one could
 * be written but never opened.
 */
export const LOG_CHARS_MAX = 2 ** 29 - 24;

/**
 * The log as a file: JSON with one event per line, so that diffs and divergences point at a line. In pieces, none
 * of them long (a piece per 10,000 events, one per keyframe); a log longer than `maxChars` in all is refused
 * (RunLogTooLargeError) rather than written.
 */
export function serializeRunLog(log: RunLog, maxChars = LOG_CHARS_MAX): string[] {
  const j = JSON.stringify;
  const out: string[] = [];
  out.push(`{"format":${j(log.format)},"engine":${j(log.engine)},"seed":${j(log.seed)},"until":${j(log.until)},"players":${j(log.players)},${log.joined ? `"joined":${j(log.joined)},` : ''}${log.varied ? `"varied":${j(log.varied)},` : ''}"keyframe_every":${j(log.keyframe_every)},${log.session ? `"session":${j(log.session)},` : ''}\n`);
  out.push(`"scenario":${j(log.scenario)},\n`);
  out.push(`"decisions":[${log.decisions.map((d) => '\n' + j(d)).join(',')}\n],\n`);
  out.push(`"events":[\n`);
  const n = log.events.length;
  // chunks keep memory bounded for very long logs
  for (let i = 0; i < n; i += 10_000) {
    out.push(log.events.slice(i, i + 10_000).join(',\n') + (i + 10_000 < n ? ',\n' : '\n'));
  }
  const eventsEnd = out.length;
  out.push('],\n"keyframes":[');
  log.keyframes.forEach((k, i) => out.push(`${i ? ',' : ''}\n${j(k)}`));
  out.push('\n],\n');
  const keyframesEnd = out.length;
  out.push(`"chain":${j(log.chain)},\n"summary":${j(log.summary)},\n"hash":${j(log.hash)}}\n`);
  const length = (from: number, to: number) => out.slice(from, to).reduce((n, piece) => n + piece.length, 0);
  const chars = length(0, out.length);
  if (chars > maxChars) throw new RunLogTooLargeError(chars, maxChars, length(4, eventsEnd), length(eventsEnd, keyframesEnd), log.keyframes.length);
  return out;
}

export type ReadResult = { ok: true; log: RunLog; events: Record<string, unknown>[] } | { ok: false; message: string; hint?: string };

/** Read a run log file back; says plainly when the text is not one. */
export function readRunLog(text: string): ReadResult {
  // a byte-order mark (a log saved again by an editor on Windows) is no part of the JSON
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, message: 'the file is empty, not a run log', hint: 'give a file written by `drill run --out`' };
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    if (/^\s*drillsim:\s*1\s*$/m.test(text)) return { ok: false, message: 'this is a scenario, not a run log', hint: 'make a run log first: drill run <scenario> --out run.json' };
    if (/^\s*drillsim_decisions:/m.test(text)) return { ok: false, message: 'this is a decisions file, not a run log', hint: 'run it: drill run <scenario> --decisions <file> --out run.json' };
    // cut short: JSON ran out before the log did (a cut just after an inner '}' still ends in one)
    const at = /at position (\d+)/.exec((e as Error).message);
    const more = textAfterLog(text, e as Error);
    if (more !== null) return { ok: false, ...followedBy(more.end, more) };
    const endedEarly = /Unexpected end of JSON input/.test((e as Error).message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    if (/^\s*\{\s*"format"\s*:\s*"drillsim\/run@1"/.test(text) && (endedEarly || !/\}\s*$/.test(text.slice(-1024)))) {
      // where it ends: the copy to compare with the original, or the last line a disk had room for
      return { ok: false, ...cutShort(text.trimEnd().split('\n').length) };
    }
    const { what, place } = jsonBreak(text, e as Error, true);
    const where = place === null ? '' : `, line ${place.line}, column ${place.column}`;
    if (/^\s*\{\s*"format"\s*:\s*"drillsim\/run@1"/.test(text) && where) {
      return { ok: false, message: `the run log is damaged: its JSON breaks at${where.slice(1)} (${what})`, hint: 'a run log is written by drill, not by hand: copy it again, or write it again with `drill run --out`' };
    }
    return { ok: false, message: `not a run log: the file is not valid JSON (${what}${where})`, hint: 'give a file written by `drill run --out`' };
  }
  if (typeof raw !== 'object' || raw === null || raw.format !== RUN_FORMAT) {
    const f = raw && typeof raw === 'object' ? raw.format : undefined;
    return { ok: false, ...otherFormat(f) };
  }
  for (const k of ['scenario', 'seed', 'until', 'events', 'decisions', 'hash']) {
    if (!(k in raw)) return { ok: false, message: `the run log has no '${k}'; it is incomplete or damaged` };
  }
  if (!Array.isArray(raw.events) || typeof raw.scenario?.text !== 'string') return { ok: false, message: 'the run log is damaged (events or scenario missing)' };
  const bad = damagedDecision(raw.decisions);
  if (bad !== null) {
    return {
      ok: false,
      message: bad.index < 0 ? "the run log is damaged: its 'decisions' is not a list" : `the run log is damaged: decisions[${bad.index}].${bad.field} is not as drill writes it (${DECISION_FIELDS[bad.field]})`,
      hint: 'a run log holds the decisions it was played with, as drill wrote them; to try other decisions, write a decisions file: drill run <scenario> --decisions <file>',
    };
  }
  const events = raw.events as Record<string, unknown>[];
  const { varied: _varied, ...rest } = raw;
  const varied = variedField(raw.varied);
  const log: RunLog = { ...rest, ...(varied ? { varied } : {}), events: events.map((e) => JSON.stringify(e)) };
  return { ok: true, log, events };
}

/** A log's `varied` (the parameter `drill run --vary` changed), if well formed: `{ key, value }`, both text. */
export function variedField(raw: unknown): Varied | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { key, value } = raw as Record<string, unknown>;
  return typeof key === 'string' && key !== '' && typeof value === 'string' && value !== '' ? { key, value } : undefined;
}

/** What each field of a log's decision must be, as `decisionRecord` writes it (a replay of anything else would not be the run). */
export const DECISION_FIELDS = {
  at: 'a whole number of seconds since T0',
  role: 'the id of a role',
  author: 'trainee, controller, doctrine or default',
  do: 'the name of a command',
  // what its command names, as Command and ControllerCommand have them: a replay refused a unit of 0.5 with a stack trace
  unit: 'the id of a unit', incident: 'the id of an incident', zone: 'the id of an evacuation zone', shelter: 'the id of a shelter',
  area: 'the id of an area', edge: 'the id of a road', level: 'a civil-defence level, a whole number from 0 to 3',
  message: 'a text, or { vi, en } texts', inject: 'the id of an inject', option: 'the id of a decision option',
} as const;

/** The fields of each command a log's decision holds besides at, role, author and do, and how each is written. */
const COMMAND_FIELDS: Readonly<Record<string, readonly (keyof typeof DECISION_FIELDS)[]>> = {
  ...(COMMAND_KEYS as Record<string, readonly (keyof typeof DECISION_FIELDS)[]>), hold_inject: ['inject'], release_inject: ['inject'], breakdown: ['unit'], repair: ['unit'], answer: ['inject', 'option'],
};

function fieldWritten(key: keyof typeof DECISION_FIELDS, v: unknown, cmd: string): boolean {
  if (key === 'level') return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 3;
  if (key === 'message') return (typeof v === 'string' && v !== '') || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'));
  // add_inject holds the inject itself, checked as the scenario's injects are when the run is played again
  if (key === 'inject' && cmd === 'add_inject') return typeof v === 'object' && v !== null && !Array.isArray(v);
  return typeof v === 'string' && v !== '';
}

const AUTHORS = new Set(['trainee', 'controller', 'doctrine', 'default']);

/**
 * The first decision of a log that is not as drill writes it (a log edited by hand): its index and field, index -1
 * when `decisions` is not a list at all; null when every one is well formed. A decision with a time in words
 * (`T+00:40`) would otherwise be replayed at no time at all, over and over, until the run hit a bound.
 */
export function damagedDecision(decisions: unknown): { index: number; field: keyof typeof DECISION_FIELDS } | null {
  if (!Array.isArray(decisions)) return { index: -1, field: 'at' };
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i] as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null || Array.isArray(d) || !Number.isSafeInteger(d.at) || (d.at as number) < 0) return { index: i, field: 'at' };
    if (typeof d.role !== 'string' || d.role === '') return { index: i, field: 'role' };
    if (typeof d.author !== 'string' || !AUTHORS.has(d.author)) return { index: i, field: 'author' };
    if (typeof d.do !== 'string' || d.do === '') return { index: i, field: 'do' };
    for (const key of Object.hasOwn(COMMAND_FIELDS, d.do) ? COMMAND_FIELDS[d.do] : d.do === 'add_inject' ? ['inject' as const] : []) {
      if (!fieldWritten(key, d[key], d.do)) return { index: i, field: key };
    }
  }
  return null;
}

/**
 * A whole run log with more text after it (a second log appended, a note typed in an editor), from the parser's
 * error: the line the log ends at, and the line and column the rest starts at; null for any other break.
 */
export function textAfterLog(text: string, error: Error): { end: number; line: number; column: number } | null {
  const at = /at position (\d+)/.exec(error.message);
  if (!/after JSON/.test(error.message) || at === null || !/^\s*\{\s*"format"\s*:\s*"drillsim\/run@1"/.test(text)) return null;
  const { place } = jsonBreak(text, error, true);
  return place === null ? null : { end: text.slice(0, Number(at[1])).trimEnd().split('\n').length, ...place };
}

/** What to say of a run log with more text after its end (`end`: the log's last line; `more`: where the rest starts). */
export function followedBy(end: number, more: { line: number; column: number }): { message: string; hint: string } {
  return {
    message: `the run log is followed by other text: the log ends at line ${end}, and line ${more.line}, column ${more.column} holds more`,
    hint: 'delete everything after the line that ends the log ("hash": ...}), or copy it again',
  };
}

/** What to say of a run log whose file ends before the log does; `line`: the line it ends at (the place to compare with the original). */
export function cutShort(line: number): { message: string; hint: string } {
  return { message: `the run log is cut short: the file ends at line ${line}, before the log does (it is incomplete or damaged)`, hint: 'copy it again, or write it again with `drill run --out`' };
}

/**
 * A glance at the two ends of a file: is it clearly not a run log (another
 * kind of file, another format, cut short)? For a tool that must not read a
 * big log whole just to check it (`drill view`): `head` is the file's first
 * few kilobytes, `tail` its last few bytes. 'run log' when the ends look like
 * those `drill run` writes (a JSON object whose first member is the format;
 * the events can still be damaged: the reader finds that); 'unsure' when the
 * file may be a run log laid out another way (read it whole to tell); 'cut
 * short' when it ends before the log does (the caller counts its lines, for
 * `cutShort`, without reading it whole).
 */
export function glanceRunLog(head: string, tail: string): 'run log' | 'unsure' | 'cut short' | { message: string; hint?: string } {
  const h = head.replace(/^\uFEFF/, '').trimStart();
  if (h === '') return { message: 'the file is empty, not a run log', hint: 'give a file written by `drill run --out`' };
  if (!h.startsWith('{')) {
    if (/^\s*drillsim:\s*1\s*$/m.test(h)) return { message: 'this is a scenario, not a run log', hint: 'make a run log first: drill run <scenario> --out run.json' };
    if (/^\s*drillsim_decisions:/m.test(h)) return { message: 'this is a decisions file, not a run log', hint: 'run it: drill run <scenario> --decisions <file> --out run.json' };
    return { message: 'not a run log: the file is not JSON', hint: 'give a file written by `drill run --out`' };
  }
  if (/^\{\s*"drillsim"\s*:\s*1\b/.test(h)) return { message: 'this is a scenario (in JSON), not a run log', hint: 'make a run log first: drill run <scenario> --out run.json' };
  // the end drill run writes, then more text: read it whole to say where (readRunLog)
  if (/"hash"\s*:\s*"[0-9a-f]{64}"\s*\}\s*\S/.test(tail)) return 'unsure';
  if (!/\}\s*$/.test(tail)) return 'cut short';
  const format = /^\{\s*"format"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(h);
  if (!format) return 'unsure';
  const f = JSON.parse(format[1]) as string;
  if (f !== RUN_FORMAT) return otherFormat(f);
  // a log drill run wrote ends with its hash; a file cut just after some inner '}' does not (nor one laid out otherwise: read whole)
  return /"hash"\s*:\s*"[0-9a-f]{64}"\s*\}\s*$/.test(tail) ? 'run log' : 'unsure';
}

/** What to say of a JSON file that is not a run log by its `format`: batch results are named as such (they are the likeliest mix-up). */
function otherFormat(f: unknown): { message: string; hint: string } {
  if (typeof f === 'string' && f.startsWith('drillsim/batch@')) {
    return { message: 'this is batch results, not a run log', hint: 'give one run\'s log (`drill run --out`); for a page of batch results: drill report <results.json> --out report.html' };
  }
  // a format that is no text (a hand edit left `{}` or a number) is shown as JSON, not as '[object Object]'
  return { message: f ? `unsupported run log format '${typeof f === 'string' ? f : JSON.stringify(f)}'` : 'not a run log (no "format": "drillsim/run@1")', hint: 'give a file written by `drill run --out`' };
}

export interface Divergence {
  index: number;
  t: number | null;
  recorded: string | null;
  replayed: string | null;
}

export type VerifyResult =
  | { ok: true; hash: string; events: number; keyframes: number }
  | {
      ok: false;
      /** what does not match, in one sentence */
      reason: string;
      /**
       * the reason as data, for saying it in another language: the embedded scenario that does not load (its first
       * problem) or was edited, a session time outside the run, or the parts that differ and those that match
       */
      why: { embedded: 'does-not-load'; issue?: import('../scenario/issues.js').ScenarioIssue } | { embedded: 'edited' } | { session_time: string } | { differ: string[]; match: string[] };
      /** the first event that differs, when the events do */
      divergence?: Divergence;
      /** every other part of the log that differs from the re-simulation, one line each (hash, chain links, keyframes, summary) */
      differences: string[];
      /** the hash stored in the log, the re-simulation's, and the one the stored events hash to */
      hashes?: { stored: string; resimulated: string; storedEvents: string };
    };

/**
 * Re-simulate from the log's own inputs and compare every part of the log
 * that can be derived from them: the events (the first divergence), the
 * hash, the chain links and keyframes, the summary and the keyframe
 * interval. The stored events are also hashed on their own, to say whether
 * the stored hash still belongs to them.
 */
export function verifyRunLog(log: RunLog, how: { sha256?: Sha256Factory } = {}): VerifyResult {
  const parsed = parseScenario(log.scenario.text, '<embedded scenario>', { embedded: true });
  if (!parsed.ok) return { ok: false, reason: `the embedded scenario does not load: ${parsed.issues[0]?.message}`, differences: [], why: { embedded: 'does-not-load', issue: parsed.issues[0] } };
  if (sha256Hex(log.scenario.text) !== log.scenario.hash) return { ok: false, reason: 'the embedded scenario does not match its hash (it was edited)', differences: [], why: { embedded: 'edited' } };
  const opts = { seed: log.seed, until: log.until, players: log.players, joined: log.joined, varied: log.varied, decisions: log.decisions.map(decisionFromRecord), sha256: how.sha256 };
  let re: RunLog;
  if (log.session) {
    // a play session saved part-way: re-simulate to where it stopped
    const t = log.session.t;
    if (!Number.isInteger(t) || t < 0 || t > log.until) return { ok: false, reason: `the session time ${String(t)} is not within the run`, differences: [], why: { session_time: String(t) } };
    const sim = createSim(parsed.scenario, opts);
    if (t > 0) sim.run(t);
    re = sim.finished ? runLogOf(sim) : sessionLogOf(sim, t);
  } else {
    re = runScenario(parsed.scenario, opts).log!;
  }
  const bad: string[] = [];
  let divergence: Divergence | undefined;
  const n = Math.max(re.events.length, log.events.length);
  for (let i = 0; i < n; i++) {
    const a = log.events[i] ?? null, b = re.events[i] ?? null;
    if (a !== b) {
      // the time of the log's own event, which the user looks at (the re-simulation's when the log has none)
      const t = (a ? JSON.parse(a).t : b ? JSON.parse(b).t : null) as number | null;
      divergence = { index: i, t, recorded: a, replayed: b };
      bad.push('events');
      break;
    }
  }
  const differences: string[] = [];
  const storedKeyframes: unknown[] = Array.isArray(log.keyframes) ? log.keyframes : [];
  const cuts = storedKeyframes.map((k) => (k as { events?: unknown } | null)?.events as number);
  const hashes = { stored: log.hash, resimulated: re.hash, storedEvents: chainOf(log.events, cuts, how.sha256).hash };
  if (hashes.stored !== hashes.resimulated) bad.push('hash');
  const hashLines = bad.includes('hash') || hashes.storedEvents !== hashes.stored;

  const chain = differences_('chain', log.chain, re.chain, 3);
  if (chain.length) { bad.push('chain links'); differences.push(...chain); }
  const kf = keyframeDifferences(storedKeyframes, re.keyframes);
  if (kf.length) { bad.push('keyframes'); differences.push(...kf); }
  const summary = differences_('summary', log.summary, summaryAsWritten(log.summary, re.summary), 5);
  if (summary.length) { bad.push('summary'); differences.push(...summary); }
  if (log.keyframe_every !== re.keyframe_every) {
    bad.push('keyframe interval');
    differences.push(`keyframe_every differs: stored ${JSON.stringify(log.keyframe_every) ?? '(nothing)'}, the scenario's ${re.keyframe_every}`);
  }
  if (bad.length === 0 && !hashLines) return { ok: true, hash: re.hash, events: re.events.length, keyframes: re.keyframes.length };
  const matched = ['events', 'hash'].filter((p) => !bad.includes(p));
  const reason = bad.length === 0
    ? 'the stored events do not hash to the stored hash'
    : `the ${listed(bad)} ${bad.length === 1 && !bad[0].endsWith('s') ? 'differs' : 'differ'} from a re-simulation of the log's own inputs${matched.length ? ` (the ${listed(matched)} ${matched.length === 1 && !matched[0].endsWith('s') ? 'matches' : 'match'})` : ''}`;
  return { ok: false, reason, why: { differ: bad, match: matched }, divergence, differences, hashes: hashLines ? hashes : undefined };
}

function listed(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function differences_(path: string, stored: unknown, derived: unknown, limit: number): string[] {
  const d = differences(path, stored, derived, limit);
  return d.more ? [...d.lines, `... and ${d.more} more in ${path}`] : d.lines;
}

/** The keyframes that differ (at most three described), compared as the JSON they are written as. */
function keyframeDifferences(stored: unknown[], derived: Keyframe[]): string[] {
  if (stored.length !== derived.length) return [`keyframes differs: stored ${stored.length} keyframes, re-simulated ${derived.length}`];
  const out: string[] = [];
  let others = 0;
  for (let i = 0; i < derived.length; i++) {
    if (JSON.stringify(stored[i]) === JSON.stringify(derived[i])) continue;
    if (out.length >= 3) { others++; continue; }
    const d = differences(`keyframes[${i}]`, stored[i], derived[i], 1);
    out.push(d.lines[0] ?? `keyframes[${i}] differs`);
  }
  if (others) out.push(`... and ${others} more keyframes differ`);
  return out;
}
