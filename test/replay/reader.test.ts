/**
 * A run log read as it arrives (engine/replay/reader.ts) opens to the same
 * run as the whole file, whatever the chunks; its events are usable as soon
 * as the line closing them is in, and not before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishRun, openRunHead, openRunLog, type RunData } from '../../engine/replay/open.js';
import { EVENTS_END, EVENTS_START, RunLogReader } from '../../engine/replay/reader.js';
import { Replay } from '../../engine/replay/replay.js';
import { runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const text = serializeRunLog(runScenario(loadNamed('ky-son-flash-flood')).log!).join('');
const whole = openRunLog(text, 'ky-son.json');
if (!whole.ok) throw new Error(whole.message);
const eventsEnd = text.indexOf(EVENTS_END);
const eventsStart = text.indexOf(EVENTS_START);

/** Cut a text at the given places (any order, duplicates allowed). */
function cut(s: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => Math.max(0, Math.min(s.length, a))))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of [...points, s.length]) { out.push(s.slice(last, p)); last = p; }
  return out;
}

/** What a replay depends on, comparable with toEqual. */
function content(r: RunData) {
  return {
    events: r.events, seed: r.seed, until: r.until, players: r.players, decisions: r.decisions, scenarioText: r.scenarioText,
    keyframes: r.keyframes.times.map((t, i) => [t, r.keyframes.get(i)]), summary: r.summary, hash: r.hash,
  };
}

/** Feed chunks; open from the head as soon as there is one; finish at the end. */
function stream(chunks: string[], name = 'streamed.json') {
  const reader = new RunLogReader();
  let head: ReturnType<typeof openRunHead> = null;
  let headAfter = -1;
  let fed = 0;
  for (const c of chunks) {
    reader.push(c);
    fed += c.length;
    if (!head) { head = openRunHead(reader, name); if (head) headAfter = fed; }
  }
  reader.end();
  return { reader, head, headAfter };
}

describe('RunLogReader', () => {
  it('property: a log fed in any chunks opens to the same run as the whole text, from its head as soon as the events are in', () => {
    // cuts anywhere, and often within the line that closes the events or the keyframe lines after it
    const place = fc.oneof(
      fc.integer({ min: 0, max: text.length }),
      fc.integer({ min: eventsStart - 2, max: eventsStart + EVENTS_START.length + 2 }),
      fc.integer({ min: eventsStart, max: eventsEnd }),
      fc.integer({ min: eventsEnd - 2, max: eventsEnd + EVENTS_END.length + 2 }),
      fc.integer({ min: eventsEnd, max: eventsEnd + 400_000 }),
    );
    fc.assert(fc.property(fc.array(place, { maxLength: 40 }), (at) => {
      const { reader, head, headAfter } = stream(cut(text, at));
      if (!head || !head.ok) throw new Error('no head');
      // the head opens with the chunk that completes the line closing the events, never before
      expect(headAfter).toBeGreaterThanOrEqual(eventsEnd + EVENTS_END.length);
      expect(head.run.summary).toBeNull();
      expect(head.run.keyframes.complete).toBe(false);
      const fin = finishRun(head.run, reader, 'streamed.json');
      expect(fin).toEqual({ ok: true });
      expect(head.run.keyframes.complete).toBe(true);
      expect(head.run.keyframes.covers(head.run.until, head.run.keyframe_every)).toBe(true);
      expect(content(head.run)).toEqual(content(whole.run));
    }), { numRuns: 30 });
  });

  it('has the events before any keyframe line, and each keyframe as its line completes', () => {
    const reader = new RunLogReader();
    reader.push(text.slice(0, eventsEnd + EVENTS_END.length - 1));
    expect(reader.hasHead).toBe(false);
    expect(openRunHead(reader, 'x.json')).toBeNull();
    reader.push(text.slice(eventsEnd + EVENTS_END.length - 1, eventsEnd + EVENTS_END.length));
    expect(reader.hasHead).toBe(true);
    const head = openRunHead(reader, 'x.json');
    if (!head?.ok) throw new Error('no head');
    expect(head.run.events).toEqual(whole.run.events);
    expect(head.run.keyframes.length).toBe(0);
    const second = text.indexOf('\n', text.indexOf('\n', eventsEnd + EVENTS_END.length + 1) + 1);
    reader.push(text.slice(eventsEnd + EVENTS_END.length, second));
    expect(head.run.keyframes.times).toEqual(whole.run.keyframes.times.slice(0, 1));
    reader.push(text.slice(second + 0, second + 1));
    expect(head.run.keyframes.times).toEqual(whole.run.keyframes.times.slice(0, 2));
    // the keyframes in so far cover the times up to one interval past the last of them, and no further
    const kf = head.run.keyframes, every = head.run.keyframe_every;
    expect(kf.complete).toBe(false);
    expect(kf.covers(kf.times[1] + every - 1, every)).toBe(true);
    expect(kf.covers(kf.times[1] + every, every)).toBe(false);
    // a replay works with the keyframes in so far, and gives the same world as with all of them
    const t = whole.run.keyframes.times[1] + 600;
    const partial = new Replay(head.run).stateAt(t);
    expect(JSON.stringify(partial.units)).toBe(JSON.stringify(new Replay(whole.run).stateAt(t).units));
  });

  it('lets a keyframe\'s text go once it is parsed and kept (a viewer parses them all ahead), and replays alike after', () => {
    const { reader, head } = stream([text]);
    if (!head?.ok) throw new Error('no head');
    expect(finishRun(head.run, reader, 'x.json')).toEqual({ ok: true });
    const kf = head.run.keyframes;
    const textBytes = () => reader.keyframeLines.reduce((n, l) => n + l.length, 0);
    expect(textBytes()).toBeGreaterThan(0);
    expect(kf.has(1)).toBe(false);
    const first = kf.get(1);
    expect(kf.has(1)).toBe(true);
    expect(reader.keyframeLines[1]).toBe('');
    expect(kf.get(1)).toBe(first);
    for (let i = 0; i < kf.length; i++) kf.get(i);
    expect(textBytes()).toBe(0);
    const t = whole.run.keyframes.times[2] + 900;
    expect(JSON.stringify(new Replay(head.run).stateAt(t))).toBe(JSON.stringify(new Replay(whole.run).stateAt(t)));
  });

  it('parses the prelude once it is in, and the events line by line as they arrive', () => {
    const reader = new RunLogReader();
    reader.push(text.slice(0, eventsStart + 5));
    expect(reader.prelude).toBeNull();
    reader.push(text.slice(eventsStart + 5, eventsStart + EVENTS_START.length));
    expect(reader.prelude).toMatchObject({ format: 'drillsim/run@1', seed: whole.run.seed, until: whole.run.until });
    expect(reader.events).toEqual([]);
    // half the events' text: every whole line is parsed, the line cut in two waits for its end
    const half = Math.floor((eventsStart + eventsEnd) / 2);
    reader.push(text.slice(eventsStart + EVENTS_START.length, half));
    const lines = text.slice(eventsStart + EVENTS_START.length, half).split('\n').length - 1;
    expect(reader.events).toEqual(whole.run.events.slice(0, lines));
    expect(reader.hasHead).toBe(false);
    reader.push(text.slice(half));
    reader.end();
    expect(reader.events).toEqual(whole.run.events);
  });

  it('reads a log with no events', () => {
    const empty = text.slice(0, eventsStart + EVENTS_START.length) + text.slice(eventsEnd);
    const all = openRunLog(empty, 'empty.json');
    if (!all.ok) throw new Error(all.message);
    expect(all.run.events).toEqual([]);
    for (const at of [[], [eventsStart + EVENTS_START.length], [eventsStart + EVENTS_START.length + 1, eventsStart + EVENTS_START.length + 3]]) {
      const { reader, head } = stream(cut(empty, at));
      if (!head?.ok) throw new Error('no head');
      expect(finishRun(head.run, reader, 'empty.json')).toEqual({ ok: true });
      expect(content(head.run)).toEqual(content(all.run));
    }
  });

  it('reads a log laid out differently whole at the end, to the same run', () => {
    const pretty = JSON.stringify(JSON.parse(text), null, 1);
    const { reader, head } = stream(cut(pretty, [100, 5000, 200_000]));
    expect(head).toBeNull();
    expect(reader.layout).toBe('other');
    const r = openRunLog(reader.whole(), 'pretty.json');
    if (!r.ok) throw new Error(r.message);
    expect(content(r.run)).toEqual(content(whole.run));
  });

  it('says what is wrong when a log whose events were shown is cut short or damaged after them', () => {
    const cutText = text.slice(0, Math.floor((eventsEnd + text.length) / 2));
    const short = stream(cut(cutText, [eventsEnd + 100]));
    if (!short.head?.ok) throw new Error('no head');
    const fin = finishRun(short.head.run, short.reader, 'cut.json');
    expect(fin.ok).toBe(false);
    // the line it breaks off at, as drill view names it
    if (!fin.ok) expect(fin.message).toBe(`cut.json is cut short: the file ends at line ${cutText.trimEnd().split('\n').length}, before the log does (it is incomplete or damaged)`);
    const lines = text.split('\n');
    const k = lines.findIndex((l) => l.startsWith('{"t":3600,"events":'));
    [lines[k], lines[k + 1]] = [lines[k + 1], lines[k]];
    const swapped = lines.join('\n');
    const out = stream(cut(swapped, [eventsEnd + 10]));
    if (!out.head?.ok) throw new Error('no head');
    const f2 = finishRun(out.head.run, out.reader, 'swapped.json');
    expect(f2.ok).toBe(false);
    if (!f2.ok) expect(f2.message).toMatch(/keyframe #\d+ is out of order/);
  });
});
