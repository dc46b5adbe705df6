import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDivergence } from '../../engine/replay/divergence.js';
import { foldHistory, nextEventTime, previousEventTime, valueAt } from '../../engine/replay/history.js';
import { openRunLog, type RunData } from '../../engine/replay/open.js';
import { legPosition, Replay } from '../../engine/replay/replay.js';
import { Model } from '../../engine/sim/model.js';
import { decisionFromRecord, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { Sim } from '../../engine/sim/sim.js';
import type { World } from '../../engine/sim/world.js';
import { loadNamed } from '../helpers/scenarios.js';

const scenario = loadNamed('ky-son-flash-flood');
const text = serializeRunLog(runScenario(scenario).log!).join('');
const opened = openRunLog(text, 'ky-son.json');
if (!opened.ok) throw new Error(opened.message);
const run: RunData = opened.run;

/** The engine's world at t the slow way: one straight run from T0, no keyframe. */
function straightAt(r: RunData, t: number): World {
  const sim = new Sim(new Model(r.scenario), { seed: r.seed, decisions: r.decisions.map(decisionFromRecord), players: r.players, until: r.until, mode: 'metrics', keyframeEvery: r.keyframe_every });
  sim.start();
  sim.run(t + 1);
  return structuredClone(sim.world);
}

/** What a board shows: unit states and open incidents' phase and severity (world.t may differ by construction). */
function board(w: World) {
  return {
    units: Object.fromEntries(Object.entries(w.units).map(([id, u]) => [id, [u.m.value, u.incident, u.x, u.y, u.leg]])),
    incidents: Object.fromEntries(Object.values(w.incidents).map((i) => [i.id, [i.m.value, i.severity, i.people, i.assigned]])),
    roads: w.roads,
    areas: Object.fromEntries(Object.entries(w.areas).map(([id, a]) => [id, [a.risk, a.level.context.level, a.people]])),
    counts: w.counts,
  };
}

describe('Replay.stateAt', () => {
  it('gives the world of a straight run at keyframe times, between them, at T0 and at the end', () => {
    const replay = new Replay(run);
    const every = run.keyframe_every;
    for (const t of [0, 1, every - 1, every, every + 1, 3 * every + 700, 11_400, 18_000, run.until - 1, run.until]) {
      expect(board(replay.stateAt(t)), `t = ${t}`).toEqual(board(straightAt(run, t)));
    }
  });

  it('property: seeking to any times in any order gives the straight run\'s world at each', () => {
    const replay = new Replay(run);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: run.until }), { minLength: 1, maxLength: 4 }), (times) => {
      for (const t of times) expect(board(replay.stateAt(t))).toEqual(board(straightAt(run, t)));
    }), { numRuns: 15 });
  });

  it('restores a keyframe only when the target is behind the sim or past a keyframe', () => {
    const replay = new Replay(run);
    replay.stateAt(100);
    const r0 = replay.restores;
    replay.stateAt(200);
    replay.stateAt(300);
    expect(replay.restores).toBe(r0);
    replay.stateAt(50);
    expect(replay.restores).toBe(r0 + 1);
    replay.stateAt(run.keyframe_every * 4 + 10);
    expect(replay.restores).toBe(r0 + 2);
  });

  it('leaves the log\'s keyframes as they were', () => {
    const all = () => JSON.stringify(run.keyframes.times.map((_, i) => run.keyframes.get(i)));
    const before = all();
    const replay = new Replay(run);
    for (const t of [5000, 100, 30_000, 64_800]) replay.stateAt(t);
    expect(all()).toBe(before);
  });

  it('reads a log laid out differently (keyframes parsed with the rest) to the same worlds', () => {
    const pretty = openRunLog(JSON.stringify(JSON.parse(text), null, 1), 'pretty.json');
    if (!pretty.ok) throw new Error(pretty.message);
    expect(pretty.run.keyframes.times).toEqual(run.keyframes.times);
    const a = new Replay(run), b = new Replay(pretty.run);
    for (const t of [0, 7300, 40_000]) expect(board(b.stateAt(t))).toEqual(board(a.stateAt(t)));
  });
});

describe('legPosition', () => {
  const model = new Model(scenario);
  it('moves along the route between nodes in proportion to the time since each node', () => {
    const leg = { t0: 0, nodes: ['ta-ca', 'muong-xen', 'nam-can'], cum_s: [0, 100, 300], travel_s: 300, km: 33 };
    const xy = (id: string) => model.travel.nodeXY[model.travel.nodeIndex.get(id)!];
    expect(legPosition(model, leg, 0)).toEqual(xy('ta-ca'));
    expect(legPosition(model, leg, 100)).toEqual(xy('muong-xen'));
    const mid = legPosition(model, leg, 200);
    expect(mid[0]).toBeCloseTo((xy('muong-xen')[0] + xy('nam-can')[0]) / 2, 9);
    expect(legPosition(model, leg, 999)).toEqual(xy('nam-can'));
  });
  it('interpolates a straight-line leg and stops at its end', () => {
    const leg = { t0: 0, from: [0, 0] as [number, number], to: [10, 20] as [number, number], travel_s: 100, km: 22 };
    expect(legPosition(model, leg, 25)).toEqual([2.5, 5]);
    expect(legPosition(model, leg, 500)).toEqual([10, 20]);
  });
});

describe('foldHistory', () => {
  const h = foldHistory(run.events);
  it('keeps every unit state change of the log in order', () => {
    const n = run.events.filter((e) => e.type === 'unit.state').length;
    expect([...h.units.values()].reduce((s, l) => s + l.length, 0)).toBe(n);
  });
  it('steps to the next and previous event times', () => {
    const t = run.events[10].t;
    const next = nextEventTime(h.times, t)!;
    expect(next).toBeGreaterThan(t);
    expect(run.events.some((e) => e.t > t && e.t < next)).toBe(false);
    expect(previousEventTime(h.times, next)).toBe(t);
    expect(nextEventTime(h.times, run.until)).toBeNull();
  });
  it('reads a change list at a time as the last change at or before it', () => {
    const l = [{ t: 10, v: 'a' }, { t: 20, v: 'b' }];
    expect([valueAt(l, 5, 'z'), valueAt(l, 10, 'z'), valueAt(l, 19, 'z'), valueAt(l, 20, 'z'), valueAt(l, 99, 'z')]).toEqual(['z', 'a', 'a', 'b', 'b']);
  });
  it('records each delivered inject with its latency when its expected action was taken', () => {
    const done = run.events.filter((e) => e.type === 'inject.done');
    for (const e of done) expect(h.messages.get(e.id as string)?.done?.latency_s).toBe(e.latency_s);
  });
});

describe('openRunLog', () => {
  const bad = (t: string) => { const r = openRunLog(t, 'x.json'); if (r.ok) throw new Error('accepted'); return r.message; };
  it('says plainly what is wrong with a file that is not a run log', () => {
    expect(bad('')).toMatch(/x\.json is empty/);
    expect(bad('{"format": "drillsim/run@1", "events": [')).toBe('x.json is cut short: the file ends at line 1, before the log does (it is incomplete or damaged)');
    expect(bad('{"format": "drillsim/run@1",\n"events": [\n{"t":0,\n')).toBe('x.json is cut short: the file ends at line 3, before the log does (it is incomplete or damaged)');
    expect(bad('{"format": "drillsim/run@1", "events": [}')).toMatch(/not valid JSON/);
    // whole, then more: not 'cut short' (the page's file button; drill's reader says the same)
    expect(bad('{"format": "drillsim/run@1",\n"hash": "ab"}\n\nnote: copied from the laptop\n')).toBe('x.json is followed by other text: the log ends at line 2, and line 4, column 1 holds more');
    expect(bad('drillsim: 1\nid: x\n')).toBe('x.json is a scenario, not a run log');
    expect(bad('[1,2]')).toMatch(/no JSON object/);
    expect(bad('{"a":1}')).toMatch(/no "format"/);
    expect(bad('{"format":"drillsim/run@9"}')).toMatch(/unsupported run log format 'drillsim\/run@9'/);
  });
  it('refuses a log whose events go back in time or whose scenario does not load', () => {
    const raw = JSON.parse(text);
    raw.events[5].t = raw.events[4].t - 1;
    expect(bad(JSON.stringify(raw))).toMatch(/event #5 .* goes back in time/);
    const raw2 = JSON.parse(text);
    raw2.scenario.text = '{"drillsim":1}';
    expect(bad(JSON.stringify(raw2))).toMatch(/embedded scenario does not load/);
    const lines = text.split('\n');
    const k = lines.findIndex((l) => l.startsWith('{"t":3600,"events":'));
    [lines[k], lines[k + 1]] = [lines[k + 1], lines[k]];
    expect(bad(lines.join('\n'))).toMatch(/keyframe #\d+ is out of order/);
  });
});

describe('findDivergence', () => {
  it('points at the first event that differs, and finds none between a run and itself', () => {
    const other = runScenario(scenario, { decisions: [{ at: 600, role: 'tc-chair', author: 'trainee', cmd: { do: 'evacuate', zone: 'ta-ca-riverside' } }], players: ['tc-chair'] }).log!;
    const o = openRunLog(serializeRunLog(other).join(''), 'b.json');
    if (!o.ok) throw new Error(o.message);
    const d = findDivergence(run, o.run);
    expect(d.index).not.toBeNull();
    const i = d.index!;
    expect({ ...o.run.events[0], players: [] }).toEqual({ ...run.events[0], players: [] });
    for (let k = 1; k < i; k++) expect(JSON.stringify(o.run.events[k])).toBe(JSON.stringify(run.events[k]));
    expect(JSON.stringify(o.run.events[i])).not.toBe(JSON.stringify(run.events[i]));
    expect(d.t).toBe(Math.min(o.run.events[i].t, run.events[i].t));
    // who played is set-up, recorded in run.start: the course of events parts at the trainee's decision
    expect(i).toBeGreaterThan(0);
    expect(d.samePlayers).toBe(false);
    expect(d.t).toBe(600);
    expect(o.run.events[i]).toMatchObject({ type: 'decision', author: 'trainee', do: 'evacuate' });
    expect(findDivergence(run, run).index).toBeNull();
  });
});
