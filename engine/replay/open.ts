/**
 * Opening a run log for replay: the checks of `readRunLog` (sim/run.ts) and a
 * few more a viewer needs (events in time order, a scenario that loads,
 * keyframes in order), without re-serialising every event: a replay reads
 * the parsed events and never hashes them. Pure: a string in, a result out.
 *
 * Keyframes are most of a log's bytes and a replay needs one at a time, so
 * when the file has the layout `drill run` writes (one keyframe per line)
 * they are kept as text and parsed when first used; any other layout of
 * valid JSON is read whole. A log still arriving (reader.ts) can be opened
 * from its head and events alone and finished when the rest is in.
 */
import { jsonBreak } from '../core/json-break.js';
import { damagedDecision, DECISION_FIELDS, followedBy, RUN_FORMAT, textAfterLog, variedField } from '../sim/run.js';
import { parseScenario, type ParseResult } from '../scenario/parse.js';
import { sayIn } from '../scenario/say.js';
import type { Scenario } from '../scenario/schema.js';
import type { Keyframe, Varied } from '../sim/sim.js';
import type { LogEvent, Summary } from '../review/metrics.js';
import { damagedEventField, FIELD_KIND_EN, shownValue } from '../review/event-fields.js';
import { RunLogReader } from './reader.js';

export interface RunData {
  /** where it came from: a file name or an address, for messages */
  name: string;
  engine: string;
  scenarioText: string;
  scenarioHash: string;
  scenario: Scenario;
  seed: number;
  until: number;
  players: string[];
  joined?: Record<string, number>;
  /** the parameter the scenario was played with changed (`drill run --vary`), when it was */
  varied?: Varied;
  keyframe_every: number;
  decisions: Record<string, unknown>[];
  events: LogEvent[];
  keyframes: Keyframes;
  summary: Summary | null;
  hash: string;
  /** where the run ends: `until`, or the time a play session saved part-way stopped at */
  end: number;
  /** only in a play session's log: the time it was saved at (`end`); see stoppedEarly (review/review.ts) */
  session?: { t: number };
  /**
   * the log's `session` field as written, when it has one, even with a `t` that is no whole number (`session` is
   * then absent and the run ends at `until`): the integrity check asks whether it agrees (review/session-agrees.ts)
   */
  sessionField?: unknown;
}

/** The keyframes of a log: their times up front, each world parsed on first use. */
export class Keyframes {
  private readonly cache = new Map<number, Keyframe>();
  /**
   * `times` may grow while the log is still arriving (a reader adds to it;
   * `source` must then know the new ones): `complete` is false until the
   * last keyframe is in.
   */
  /** `release(i)`: keyframe i is parsed and kept, its text may go (a viewer reads them all ahead, in idle time). */
  constructor(readonly times: number[], private readonly source: (i: number) => Keyframe, public complete = true, private readonly counts: number[] = [], private readonly release?: (i: number) => void) {}
  get length(): number { return this.times.length; }
  /** Is keyframe i parsed and kept already? */
  has(i: number): boolean { return this.cache.has(i); }
  /** How many events precede keyframe i (where the hash chain is cut): read from its first bytes, or from the keyframe itself. */
  eventsBefore(i: number): number {
    const n = this.counts[i];
    return n !== undefined && Number.isInteger(n) ? n : this.get(i).events;
  }
  get(i: number): Keyframe {
    let k = this.cache.get(i);
    if (!k) {
      k = this.source(i);
      if (k.t !== this.times[i] || typeof k.world !== 'object' || k.world === null) throw new Error(`keyframe #${i} is damaged`);
      this.cache.set(i, k);
      this.release?.(i);
    }
    return k;
  }
  /** Can a replay reach time t from the keyframes in so far as fast as from all of them (the one it would restore is in)? */
  covers(t: number, every: number): boolean {
    if (this.complete) return true;
    const last = this.times.length > 0 ? this.times[this.times.length - 1] : 0;
    return t < last + Math.max(0, every) || t === 0;
  }
  static of(list: Keyframe[]): Keyframes {
    return new Keyframes(list.map((k) => k.t), (i) => list[i], true, list.map((k) => k.events));
  }
}

/**
 * Why a log cannot be opened: `message` in English (with `hint`, what to do); `code` and `args` let a viewer
 * say the same in its own languages (the file's name is `args.name`; `args.detail` is a parser's own words, in
 * English; `args.line` and `args.column`, where the JSON breaks, when the parser says; `args.detailVi`, a scenario issue's
 * words in Vietnamese).
 */
export interface OpenFailure { ok: false; message: string; hint?: string; code?: OpenFailureCode; args?: Record<string, string | number> }
export type OpenFailureCode =
  | 'empty' | 'notJson' | 'notObject' | 'keyframeMalformed' | 'noField' | 'keyframeOrder' | 'format' | 'noFormat'
  | 'noScenarioText' | 'notList' | 'seedUntil' | 'eventNoTime' | 'eventBack' | 'eventField' | 'scenarioLoad' | 'decisionBad' | 'isScenario' | 'isDecisions' | 'cutShort' | 'followedBy';

export type OpenResult = { ok: true; run: RunData } | OpenFailure;

const HINT = 'open a file written by `drill run --out run.json`';

function fail(message: string, code: OpenFailureCode, args: Record<string, string | number>): OpenFailure {
  return { ok: false, message, hint: HINT, code, args };
}

/** Read a run log's text; every way it can fail says what is wrong in one sentence. */
export function openRunLog(text: string, name: string): OpenResult {
  const reader = new RunLogReader();
  reader.push(text);
  reader.end();
  return openRead(reader, name);
}

/**
 * Read a run log a reader has taken in whole. In `drill run`'s layout the
 * keyframes stay text, parsed when first used (they are most of the bytes
 * and a replay needs one at a time); any other layout of valid JSON is read
 * whole.
 */
export function openRead(reader: RunLogReader, name: string): OpenResult {
  const head = reader.parsedHead();
  const tailText = reader.tail();
  if (head !== null && tailText !== null) {
    let tail: unknown = null;
    try { tail = JSON.parse(tailText); } catch { /* read whole below */ }
    if (isObject(head) && isObject(tail)) return check({ ...head, ...tail }, name, liveKeyframes(reader), true);
  }
  const text = reader.whole();
  if (text.trim() === '') return fail(`${name} is empty`, 'empty', { name });
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // the likeliest files picked by mistake are named for what they are (drill's own run log reader says the same)
    if (/^\s*drillsim:\s*1\s*$/m.test(text)) return fail(`${name} is a scenario, not a run log`, 'isScenario', { name });
    if (/^\s*drillsim_decisions:/m.test(text)) return fail(`${name} is a decisions file, not a run log`, 'isDecisions', { name });
    // a run log's head whose JSON runs out before the log does: cut short, as drill view says of it (engine/sim/run.ts),
    // not "not a run log"
    const at = /at position (\d+)/.exec((e as Error).message);
    // whole, then more text after it (as drill's reader says it)
    const more = textAfterLog(text, e as Error);
    if (more !== null) {
      const { message, hint } = followedBy(more.end, more);
      return { ok: false, message: `${name} is followed by other text${message.slice(message.indexOf(':'))}`, hint, code: 'followedBy', args: { name, ...more } };
    }
    const endedEarly = /Unexpected end of JSON input/.test((e as Error).message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    if (/^\s*\{\s*"format"\s*:\s*"drillsim\/run@1"/.test(text) && (endedEarly || !/\}\s*$/.test(text.slice(-1024)))) {
      // the line it breaks off at, as drill view and verify name it: where to compare the copy with the original
      const line = text.trimEnd().split('\n').length;
      return { ok: false, message: `${name} is cut short: the file ends at line ${line}, before the log does (it is incomplete or damaged)`, hint: 'copy it again, or write it again with `drill run --out`', code: 'cutShort', args: { name, line } };
    }
    // the parser's words are English: the place (when it gives one) is what a viewer in another language can say
    // what broke and where, on one line (V8's own message may quote the text, line breaks and all)
    const { what, place } = jsonBreak(text, e as Error, true);
    const detail = place === null ? what : `${what}, line ${place.line}, column ${place.column}`;
    return fail(`${name} is not a run log: it is not valid JSON (${detail})`, 'notJson', { name, detail, ...place });
  }
  if (!isObject(raw)) return fail(`${name} is not a run log: it holds no JSON object`, 'notObject', { name });
  if (raw.drillsim === 1 && raw.format === undefined) return fail(`${name} is a scenario (in JSON), not a run log`, 'isScenario', { name });
  const list = Array.isArray(raw.keyframes) ? (raw.keyframes as Keyframe[]) : [];
  for (const k of list) {
    if (typeof k !== 'object' || k === null || !Number.isInteger(k.t) || typeof k.world !== 'object' || k.world === null) return fail(`${name} is damaged: a keyframe is malformed`, 'keyframeMalformed', { name });
  }
  return check(raw, name, Keyframes.of(list), true);
}

/**
 * The run as soon as a reader has its head and events, before the keyframes,
 * chain, summary and hash are in: checked like a whole log except for what
 * is still to come. Keyframes become usable as the reader takes them in
 * (`keyframes.complete` says when the last is in); `finishRun` adds the rest
 * (and the summary) at the end. Null when the log is not in `drill run`'s
 * layout, the events are not in yet, or the head does not pass the checks:
 * the log is then read whole at the end, which says what is wrong.
 */
export function openRunHead(reader: RunLogReader, name: string): OpenResult | null {
  const head = reader.parsedHead();
  if (!isObject(head)) return null;
  const r = check(head, name, liveKeyframes(reader), false);
  return r.ok ? r : null;
}

/** The end of a log opened with `openRunHead`, once the reader is done: its summary and hash, and its keyframes checked; read whole when the layout turned out different. */
export function finishRun(run: RunData, reader: RunLogReader, name: string): { ok: true } | OpenFailure {
  const tailText = reader.tail();
  let tail: any = null;
  if (tailText !== null) {
    try { tail = JSON.parse(tailText); } catch { /* read whole below */ }
  }
  if (!isObject(tail)) {
    const whole = openRunLog(reader.whole(), name);
    if (!whole.ok) return whole;
    run.keyframes = whole.run.keyframes;
    run.summary = whole.run.summary;
    run.hash = whole.run.hash;
    return { ok: true };
  }
  if (!('hash' in tail)) return fail(`${name} has no 'hash': the run log is incomplete or damaged`, 'noField', { name, field: 'hash' });
  const order = keyframeOrder(run.keyframes, name);
  if (order) return order;
  run.keyframes.complete = true;
  run.summary = summaryOf(tail);
  run.hash = String(tail.hash);
  return { ok: true };
}

let lastScenario: { text: string; name: string; result: ParseResult } | null = null;

/** A log's embedded scenario, parsed; the last one is kept, so that a viewer can parse it as soon as a reader has the prelude (`prepareRun`) and opening does not parse it again. */
function embeddedScenario(text: string, name: string): ParseResult {
  if (lastScenario?.text === text && lastScenario.name === name) return lastScenario.result;
  const result = parseScenario(text, `${name} (embedded scenario)`, { embedded: true });
  lastScenario = { text, name, result };
  return result;
}

/** Parse the embedded scenario of a log still arriving, once its prelude is in (the events are most of the rest): opening it later skips that. */
export function prepareRun(reader: RunLogReader, name: string): void {
  const sc = reader.prelude?.scenario as { text?: unknown } | undefined;
  if (typeof sc?.text === 'string') embeddedScenario(sc.text, name);
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function liveKeyframes(reader: RunLogReader): Keyframes {
  const lines = reader.keyframeLines;
  // a keyframe's line is let go once it is parsed and kept: held twice, a big log's keyframes would take twice the memory
  return new Keyframes(reader.keyframeTimes, (i) => JSON.parse(lines[i]) as Keyframe, reader.done, reader.keyframeEvents, (i) => { lines[i] = ''; });
}

function keyframeOrder(keyframes: Keyframes, name: string): OpenFailure | null {
  for (let i = 1; i < keyframes.times.length; i++) {
    if (keyframes.times[i] <= keyframes.times[i - 1]) return fail(`${name} is damaged: keyframe #${i} is out of order`, 'keyframeOrder', { name, index: i });
  }
  return null;
}

function summaryOf(raw: Record<string, any>): Summary | null {
  return typeof raw.summary === 'object' && raw.summary !== null ? (raw.summary as Summary) : null;
}

/** The checks on a parsed log; `complete` when the keyframes, summary and hash are in too. */
function check(raw: Record<string, any>, name: string, keyframes: Keyframes, complete: boolean): OpenResult {
  if (raw.format !== RUN_FORMAT) {
    return raw.format !== undefined
      ? fail(`${name} has the unsupported run log format '${String(raw.format)}' (this viewer reads ${RUN_FORMAT})`, 'format', { name, format: String(raw.format), reads: RUN_FORMAT })
      : fail(`${name} is not a run log: it has no "format": "${RUN_FORMAT}"`, 'noFormat', { name, reads: RUN_FORMAT });
  }
  for (const k of ['scenario', 'seed', 'until', 'events', 'decisions', ...(complete ? ['hash'] : [])]) {
    if (!(k in raw)) return fail(`${name} has no '${k}': the run log is incomplete or damaged`, 'noField', { name, field: k });
  }
  if (typeof raw.scenario !== 'object' || raw.scenario === null || typeof raw.scenario.text !== 'string') return fail(`${name} is damaged: its scenario text is missing`, 'noScenarioText', { name });
  if (!Array.isArray(raw.events)) return fail(`${name} is damaged: 'events' is not a list`, 'notList', { name, field: 'events' });
  if (!Array.isArray(raw.decisions)) return fail(`${name} is damaged: 'decisions' is not a list`, 'notList', { name, field: 'decisions' });
  const bad = damagedDecision(raw.decisions);
  if (bad !== null) return fail(`${name} is damaged: decisions[${bad.index}].${bad.field} is not as drill writes it (${DECISION_FIELDS[bad.field]})`, 'decisionBad', { name, index: bad.index, field: bad.field });
  if (!Number.isInteger(raw.seed) || !Number.isInteger(raw.until)) return fail(`${name} is damaged: 'seed' and 'until' must be whole numbers`, 'seedUntil', { name });
  const events = raw.events as LogEvent[];
  let last = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e !== 'object' || e === null || typeof e.type !== 'string' || !Number.isInteger(e.t)) return fail(`${name} is damaged: event #${i} has no time or type`, 'eventNoTime', { name, index: i });
    if (e.t < last) return fail(`${name} is damaged: event #${i} (${e.type}) goes back in time`, 'eventBack', { name, index: i, type: e.type });
    last = e.t;
  }
  // a field edited by hand (`"km": {}`, `"people": "-5m"`): drawn, it was 'NaN km', 'NaN rescued', '[object Object]'
  for (let i = 0; i < events.length; i++) {
    const bad = damagedEventField(events[i]);
    if (bad) {
      return fail(`${name} is damaged: event #${i} (${events[i].type}): '${bad.field}' is ${shownValue(bad.value)} where drill writes ${FIELD_KIND_EN[bad.kind]}`, 'eventField',
        { name, index: i, type: events[i].type, field: bad.field, kind: bad.kind, ...(bad.value === undefined ? {} : { value: shownValue(bad.value) }) });
    }
  }
  if (complete) {
    const order = keyframeOrder(keyframes, name);
    if (order) return order;
  }
  const parsed = embeddedScenario(raw.scenario.text, name);
  if (!parsed.ok) {
    const i = parsed.issues[0];
    // the issue's own words in Vietnamese too (detailVi): a viewer in Vietnamese says the problem, not the English message
    return fail(`${name} is damaged: its embedded scenario does not load (${i?.message ?? 'unknown problem'})`, 'scenarioLoad', { name, detail: i?.message ?? '?', ...(i ? { detailVi: sayIn(i.words.message, 'vi') } : {}) });
  }
  return {
    ok: true,
    run: {
      name,
      engine: String(raw.engine ?? ''),
      scenarioText: raw.scenario.text,
      scenarioHash: String(raw.scenario.hash ?? ''),
      scenario: parsed.scenario,
      seed: raw.seed,
      until: raw.until,
      players: Array.isArray(raw.players) ? raw.players.map(String) : [],
      joined: joinedField(raw.joined),
      ...(variedField(raw.varied) ? { varied: variedField(raw.varied) } : {}),
      keyframe_every: Number.isInteger(raw.keyframe_every) ? raw.keyframe_every : parsed.scenario.keyframe_every,
      decisions: raw.decisions,
      events,
      keyframes,
      summary: complete ? summaryOf(raw) : null,
      hash: complete ? String(raw.hash) : '',
      end: Number.isInteger(raw.session?.t) ? raw.session.t : raw.until,
      ...(Number.isInteger(raw.session?.t) ? { session: { t: raw.session.t } } : {}),
      ...('session' in raw ? { sessionField: raw.session } : {}),
    },
  };
}

/** A log's `joined` (roles taken over from doctrine part-way, and when), if well formed. */
function joinedField(raw: unknown): Record<string, number> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) if (Number.isInteger(v)) out[k] = v as number;
  return Object.keys(out).length ? out : undefined;
}
