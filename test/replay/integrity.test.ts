/**
 * The viewer's check that a log holds together (engine/replay/integrity.ts)
 * says what `drill report` says (review/aar.ts): the events hash to the
 * stored hash, the stored summary is the one recomputed from the events;
 * however many steps it is run in.
 */
import { describe, expect, it } from 'vitest';
import { IntegrityCheck } from '../../engine/replay/integrity.js';
import { finishRun, openRunHead, openRunLog } from '../../engine/replay/open.js';
import { RunLogReader } from '../../engine/replay/reader.js';
import { buildAar } from '../../engine/review/aar.js';
import { createSim, readRunLog, runScenario, serializeRunLog, sessionLogOf } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const scenario = loadNamed('ky-son-flash-flood');
const text = serializeRunLog(runScenario(scenario).log!).join('');

/** What the report says about the same text. */
function report(t: string) {
  const r = readRunLog(t);
  if (!r.ok) throw new Error(r.message);
  const { hash_ok, summary_agrees, head_ok, session_ok } = buildAar(r.log, scenario, r.events as any).integrity;
  return { hashOk: hash_ok, summaryAgrees: summary_agrees, headAgrees: head_ok, sessionAgrees: session_ok };
}

function viewer(t: string, steps: number) {
  const o = openRunLog(t, 'x.json');
  if (!o.ok) throw new Error(o.message);
  const c = new IntegrityCheck(o.run);
  let n = 0;
  while (!c.step(steps)) n++;
  return { result: c.result!, steps: n };
}

const lines = text.split('\n');
const edit = (find: (l: string) => boolean, f: (l: string) => string) => {
  const i = lines.findIndex(find);
  expect(i).toBeGreaterThan(0);
  return lines.map((l, k) => (k === i ? f(l) : l)).join('\n');
};

describe('the viewer\'s integrity check', () => {
  const cases: [string, string][] = [
    ['untouched', text],
    ['an event edited', edit((l) => l.includes('"type":"incident.people"') && /"lost":[1-9]/.test(l), (l) => l.replace(/"lost":\d+/, '"lost":0'))],
    ['the summary edited', edit((l) => l.startsWith('"summary":'), (l) => l.replace(/"lost":(\d+)/, (_, n) => `"lost":${Number(n) + 1}`))],
    ['the hash edited', edit((l) => l.startsWith('"hash":'), () => `"hash":"${'0'.repeat(64)}"}`)],
    // the head is not hashed: another seed there would name a run the events are not
    ['the seed at the head edited', text.replace(/"seed":(\d+)/, (_, n) => `"seed":${Number(n) + 1}`)],
  ];
  for (const [what, t] of cases) {
    it(`agrees with the report on a log with ${what}, in one step or many`, () => {
      const expected = report(t);
      expect(viewer(t, Infinity).result).toEqual(expected);
      const many = viewer(t, 7);
      expect(many.steps).toBeGreaterThan(10);
      expect(many.result).toEqual(expected);
    });
  }
  it('finds an untouched log sound and an edited one not (so the cases above test something)', () => {
    expect(viewer(cases[0][1], 100).result).toEqual({ hashOk: true, summaryAgrees: true, headAgrees: true, sessionAgrees: true });
    expect(viewer(cases[1][1], 100).result).toEqual({ hashOk: false, summaryAgrees: false, headAgrees: true, sessionAgrees: true });
    expect(viewer(cases[2][1], 100).result).toEqual({ hashOk: true, summaryAgrees: false, headAgrees: true, sessionAgrees: true });
    expect(viewer(cases[3][1], 100).result).toEqual({ hashOk: false, summaryAgrees: true, headAgrees: true, sessionAgrees: true });
    expect(viewer(cases[4][1], 100).result).toEqual({ hashOk: true, summaryAgrees: true, headAgrees: false, sessionAgrees: true });
  });

  it('works on a log read as it arrived (keyframe cuts read from the keyframes\' first bytes, not parsed)', () => {
    const reader = new RunLogReader();
    for (let i = 0; i < text.length; i += 4096) reader.push(text.slice(i, i + 4096));
    reader.end();
    const head = openRunHead(reader, 'x.json');
    if (!head?.ok) throw new Error('no head');
    expect(finishRun(head.run, reader, 'x.json').ok).toBe(true);
    expect(reader.keyframeEvents.every(Number.isInteger)).toBe(true);
    const c = new IntegrityCheck(head.run);
    while (!c.step(50)) { /* steps */ }
    expect(c.result).toEqual({ hashOk: true, summaryAgrees: true, headAgrees: true, sessionAgrees: true });
  });

  // a play session saved at T+03:30: the hash chain does not cover its save time (session.t), the report checks it
  // against the events, keyframes and summary (review/session-agrees.ts), and so does the viewer
  const sim = createSim(scenario);
  sim.run(12600);
  const saved = serializeRunLog(sessionLogOf(sim, 12600)).join('');
  const SAVED = '"session":{"t":12600}';
  const sessionCases: [string, string, boolean][] = [
    ['as saved', saved, true],
    ['session.t edited to later', saved.replace(SAVED, '"session":{"t":14400}'), false],
    ['session.t edited to earlier', saved.replace(SAVED, '"session":{"t":12300}'), false],
    ['session.t edited past the run', saved.replace(SAVED, '"session":{"t":70000}'), false],
    ['session.t no whole number', saved.replace(SAVED, '"session":{"t":12600.5}'), false],
  ];
  it('a session saved with people still at risk ends with their count at its save time, as a run stopped there does, and agrees', () => {
    const r = readRunLog(saved);
    if (!r.ok) throw new Error(r.message);
    expect(JSON.parse(r.log.events.at(-1)!)).toMatchObject({ t: 12600, type: 'incident.people', still_at_risk: expect.any(Number) });
    expect(report(saved).sessionAgrees).toBe(true);
    // the same count anywhere but last is no save at t
    const lines = saved.split('\n');
    const i = lines.findIndex((l) => l.includes('"still_at_risk"'));
    expect(JSON.parse(lines[i - 1].replace(/,$/, '')).t).toBeLessThan(12600);
    // (the last event's line has no comma after it)
    const last = (l: string) => l.replace(/,$/, ''), more = (l: string) => `${last(l)},`;
    const moved = [...lines.slice(0, i - 1), more(lines[i]), lines[i + 1].startsWith('{"t"') ? lines[i - 1] : last(lines[i - 1]), ...lines.slice(i + 1)].join('\n');
    expect(report(moved).sessionAgrees).toBe(false);
  });

  it.each(sessionCases)('agrees with the report on a play session\'s save time: %s', (_, t, agrees) => {
    expect(saved).toContain(SAVED);
    if (t !== saved) expect(t).not.toContain(SAVED);
    const expected = report(t);
    expect(expected.sessionAgrees).toBe(agrees);
    expect(viewer(t, Infinity).result).toEqual(expected);
    expect(viewer(t, 7).result).toEqual(expected);
  });
});
