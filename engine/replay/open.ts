/**
 * Opening a run log for replay: the checks of `readRunLog` (sim/run.ts) and a
 * few more a viewer needs (events in time order, a scenario that loads,
 * keyframes in order), without re-serialising every event: a replay reads
 * the parsed events and never hashes them. Pure: a string in, a result out.
 *
 * Keyframes are most of a log's bytes and a replay needs one at a time, so
 * when the file has the layout `drill run` writes (one keyframe per line)
 * they are kept as text and parsed when first used; any other layout of
 * valid JSON is read whole.
 */
import { RUN_FORMAT } from '../sim/run.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import type { Keyframe } from '../sim/sim.js';
import type { LogEvent, Summary } from '../review/metrics.js';

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
  keyframe_every: number;
  decisions: Record<string, unknown>[];
  events: LogEvent[];
  keyframes: Keyframes;
  summary: Summary | null;
  hash: string;
}

/** The keyframes of a log: their times up front, each world parsed on first use. */
export class Keyframes {
  private readonly cache = new Map<number, Keyframe>();
  constructor(readonly times: number[], private readonly source: (i: number) => Keyframe) {}
  get length(): number { return this.times.length; }
  get(i: number): Keyframe {
    let k = this.cache.get(i);
    if (!k) {
      k = this.source(i);
      if (k.t !== this.times[i] || typeof k.world !== 'object' || k.world === null) throw new Error(`keyframe #${i} is damaged`);
      this.cache.set(i, k);
    }
    return k;
  }
  static of(list: Keyframe[]): Keyframes {
    return new Keyframes(list.map((k) => k.t), (i) => list[i]);
  }
}

const KF_START = '],\n"keyframes":[';
const KF_END = '\n],\n"chain":';

/** Cut the keyframe lines out of a log in `drill run` layout; null when the layout is different. */
function splitKeyframes(text: string): { rest: string; lines: string[]; times: number[] } | null {
  const a = text.indexOf(KF_START);
  if (a < 0) return null;
  const b = text.indexOf(KF_END, a);
  if (b < 0 || text.indexOf(KF_START, a + 1) >= 0) return null;
  const block = text.slice(a + KF_START.length, b);
  const lines = block === '' ? [] : block.split(',\n');
  const times: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] = lines[i].replace(/^\n/, ''));
    const m = /^\{"t":(\d+),/.exec(line);
    if (!m || !line.endsWith('}')) return null;
    times.push(Number(m[1]));
  }
  return { rest: text.slice(0, a) + '],\n"keyframes":[' + text.slice(b), lines, times };
}

export type OpenResult = { ok: true; run: RunData } | { ok: false; message: string; hint?: string };

const HINT = 'open a file written by `drill run --out run.json`';

function fail(message: string, hint = HINT): OpenResult {
  return { ok: false, message, hint };
}

/** Read a run log's text; every way it can fail says what is wrong in one sentence. */
export function openRunLog(text: string, name: string): OpenResult {
  if (text.trim() === '') return fail(`${name} is empty`);
  let raw: any;
  const split = splitKeyframes(text);
  try {
    raw = JSON.parse(split ? split.rest : text);
  } catch (e) {
    return fail(`${name} is not a run log: it is not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(`${name} is not a run log: it holds no JSON object`);
  if (raw.format !== RUN_FORMAT) {
    return raw.format !== undefined
      ? fail(`${name} has the unsupported run log format '${String(raw.format)}' (this viewer reads ${RUN_FORMAT})`)
      : fail(`${name} is not a run log: it has no "format": "${RUN_FORMAT}"`);
  }
  for (const k of ['scenario', 'seed', 'until', 'events', 'decisions', 'hash']) {
    if (!(k in raw)) return fail(`${name} has no '${k}': the run log is incomplete or damaged`);
  }
  if (typeof raw.scenario !== 'object' || raw.scenario === null || typeof raw.scenario.text !== 'string') return fail(`${name} is damaged: its scenario text is missing`);
  if (!Array.isArray(raw.events)) return fail(`${name} is damaged: 'events' is not a list`);
  if (!Array.isArray(raw.decisions)) return fail(`${name} is damaged: 'decisions' is not a list`);
  if (!Number.isInteger(raw.seed) || !Number.isInteger(raw.until)) return fail(`${name} is damaged: 'seed' and 'until' must be whole numbers`);
  const events = raw.events as LogEvent[];
  let last = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e !== 'object' || e === null || typeof e.type !== 'string' || !Number.isInteger(e.t)) return fail(`${name} is damaged: event #${i} has no time or type`);
    if (e.t < last) return fail(`${name} is damaged: event #${i} (${e.type}) goes back in time`);
    last = e.t;
  }
  let keyframes: Keyframes;
  if (split) {
    const lines = split.lines;
    keyframes = new Keyframes(split.times, (i) => JSON.parse(lines[i]) as Keyframe);
  } else {
    const list = Array.isArray(raw.keyframes) ? (raw.keyframes as Keyframe[]) : [];
    for (const k of list) {
      if (typeof k !== 'object' || k === null || !Number.isInteger(k.t) || typeof k.world !== 'object' || k.world === null) return fail(`${name} is damaged: a keyframe is malformed`);
    }
    keyframes = Keyframes.of(list);
  }
  for (let i = 1; i < keyframes.times.length; i++) {
    if (keyframes.times[i] <= keyframes.times[i - 1]) return fail(`${name} is damaged: keyframe #${i} is out of order`);
  }
  const parsed = parseScenario(raw.scenario.text, `${name} (embedded scenario)`);
  if (!parsed.ok) {
    const i = parsed.issues[0];
    return fail(`${name} is damaged: its embedded scenario does not load (${i?.message ?? 'unknown problem'})`);
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
      keyframe_every: Number.isInteger(raw.keyframe_every) ? raw.keyframe_every : parsed.scenario.keyframe_every,
      decisions: raw.decisions,
      events,
      keyframes,
      summary: typeof raw.summary === 'object' && raw.summary !== null ? (raw.summary as Summary) : null,
      hash: String(raw.hash),
    },
  };
}
