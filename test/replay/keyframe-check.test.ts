/**
 * The viewer's re-run of a log's keyframes (engine/replay/keyframe-check.ts) says what `drill verify` says of
 * them: a log as written passes, whatever its scenario, seed or decisions; a keyframe whose world, queue or random
 * streams were edited is found, at its own time, and a seek before it is not disturbed by the check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyframeCheck } from '../../engine/replay/keyframe-check.js';
import { openRunLog } from '../../engine/replay/open.js';
import { Replay } from '../../engine/replay/replay.js';
import { runScenario, serializeRunLog, verifyRunLog, readRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

function check(text: string, seekFirst: number[] = []): { edited: number | null; stopped: boolean } {
  const o = openRunLog(text, 'x.json');
  if (!o.ok) throw new Error(o.message);
  const replay = new Replay(o.run);
  // a reviewer's seeks before the check: the keyframes they restored are the ones the check reads
  for (const t of seekFirst) replay.stateAt(t);
  const c = new KeyframeCheck(o.run, replay.model);
  let steps = 0;
  while (!c.step()) steps++;
  expect(steps).toBeLessThanOrEqual(o.run.keyframes.length);
  return { edited: c.edited, stopped: c.stopped };
}

/** The log with keyframe #k's line changed by `edit`. */
function editKeyframe(text: string, k: number, edit: (line: string) => string): { text: string; t: number } {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('"keyframes":['));
  const i = at + 1 + k;
  const line = edit(lines[i]);
  expect(line).not.toBe(lines[i]);
  lines[i] = line;
  return { text: lines.join('\n'), t: Number(/^\{"t":(\d+),/.exec(line)![1]) };
}

describe('re-running a log to check its keyframes', () => {
  const names = ['ky-son-flash-flood', 'typhoon-landfall-coast', 'cua-lo-high-rise-fire', 'minimal'] as const;
  const scenarios = names.map((n) => loadNamed(n));

  it('passes every log as written, for any scenario and seed, with or without seeks before it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: names.length - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.integer({ min: 0, max: 40_000 }), { maxLength: 3 }), (i, seed, seeks) => {
      const text = serializeRunLog(runScenario(scenarios[i], { seed }).log!).join('');
      expect(check(text, seeks)).toEqual({ edited: null, stopped: false });
    }), { numRuns: 12 });
  });

  const text = serializeRunLog(runScenario(scenarios[0], { seed: 5 }).log!).join('');
  const cases: [string, (l: string) => string][] = [
    ['a count in its world', (l) => l.replace(/"unaffected":(\d+)/, (_, n) => `"unaffected":${Number(n) + 1}`)],
    ["a pending event's time in its queue", (l) => l.replace(/("entries":\[\{"time":)(\d+)/, (_, a, n) => `${a}${Number(n) + 60}`)],
    ['a random stream', (l) => l.replace(/("s0":)(0\.\d)/, (_, a, d) => `${a}${d === '0.1' ? '0.2' : '0.1'}`)],
  ];
  for (const [what, edit] of cases) {
    it(`finds ${what} edited, at that keyframe's time, as drill verify does`, () => {
      const edited = editKeyframe(text, 6, edit);
      expect(check(edited.text)).toEqual({ edited: edited.t, stopped: false });
      const r = readRunLog(edited.text);
      if (!r.ok) throw new Error(r.message);
      const v = verifyRunLog(r.log);
      if (v.ok) throw new Error('drill verify passed an edited keyframe');
      expect(v.differences.join('\n')).toMatch(/^keyframes\[6\]/m);
    });
  }

  it('stops, saying nothing, at a keyframe that cannot be read (the viewer warns of that one itself)', () => {
    const broken = editKeyframe(text, 3, (l) => l.replace('"world":{', '"world":{}}GARBAGE'));
    // opened as the viewer opens it: keyframes are parsed when first used
    expect(openRunLog(broken.text, 'x.json').ok).toBe(true);
    expect(check(broken.text)).toEqual({ edited: null, stopped: true });
  });
});
