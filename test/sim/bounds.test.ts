import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunLogTooLargeError, SimBoundError } from '../../engine/core/errors.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { LOG_CHARS_MAX, readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { createSim } from '../../engine/sim/runner.js';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';

const base = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
const withLimits = (limits: string) => base.replace(/^limits: .*$/m, `limits: ${limits}`);
const load = (text: string) => {
  const r = parseScenario(text, 'limits.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
};

describe('bounds: a run that exceeds one stops with a clear error', () => {
  it('events per run', () => {
    const s = load(withLimits('{ max_events: 50 }'));
    expect(() => runScenario(s, { seed: 1 })).toThrowError(SimBoundError);
    try { runScenario(s, { seed: 1 }); } catch (e) { expect((e as SimBoundError).code).toBe('bound/events-per-run'); expect((e as Error).message).toContain('50'); }
  });

  it('events at one instant', () => {
    const s = load(withLimits('{ max_cascade: 3 }'));
    try {
      runScenario(s, { seed: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as SimBoundError).code).toBe('bound/cascade-depth');
    }
  });

  it('doctrine passes at one instant: a doctrine that keeps finding the world changed stops at max_cascade too', () => {
    const s = load(withLimits('{ max_events: 100000, max_cascade: 40, max_queue: 1000 }'));
    let passes = 0;
    const sim = createSim(s, { seed: 1 });
    // a doctrine whose every pass leaves the world changed (as a pair of rules undoing each other would): without the
    // bound the run would never leave the instant; the counter stops the test instead of hanging it
    const pass = sim.doctrine.pass.bind(sim.doctrine);
    sim.doctrine.pass = () => {
      if (++passes > 10_000) throw new Error('doctrine passes not bounded');
      pass();
      sim.world.dirty = true;
    };
    try {
      sim.run();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SimBoundError);
      expect((e as SimBoundError).code).toBe('bound/cascade-depth');
      expect((e as SimBoundError).limit).toBe(40);
      expect((e as Error).message).toMatch(/^more than 40 doctrine passes at one instant \(\d+ s after T0\)/);
      expect(passes).toBe(40);
    }
  });

  it('queue size', () => {
    const s = load(withLimits('{ max_queue: 2 }'));
    try {
      runScenario(s, { seed: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as SimBoundError).code).toBe('bound/queue-size');
    }
  });

  it('within the bounds, the same scenario runs to the end', () => {
    const s = load(withLimits('{ max_events: 100000, max_cascade: 1000, max_queue: 1000 }'));
    expect(runScenario(s, { seed: 1 }).summary.t_end).toBe(s.horizon);
  });

  it('drill run says which bound was hit, exits 1, prints no stack trace and writes no file', () => {
    const dir = tempDir();
    const file = join(dir, 'tight.yaml');
    writeFileSync(file, withLimits('{ max_events: 50 }'));
    const out = join(dir, 'run.json');
    const r = drill(['run', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the simulation hit a bound');
    expect(r.stderr).toContain('limits');
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a run log too long to read back is refused with its size, not left to die in a string too long', () => {
  const { log } = runScenario(load(base), { seed: 1 });

  it('is written in pieces, one a keyframe, that join to the layout a reader knows', () => {
    const pieces = serializeRunLog(log!);
    // no piece holds two keyframes: the keyframes together were the one text too long to make
    log!.keyframes.forEach((k, i) => expect(pieces).toContain(`${i ? ',' : ''}\n${JSON.stringify(k)}`));
    const text = pieces.join('');
    expect(text).toContain(`],\n"keyframes":[${log!.keyframes.map((k) => '\n' + JSON.stringify(k)).join(',')}\n],\n"chain":`);
    expect(readRunLog(text).ok).toBe(true);
    expect(text.length).toBeLessThan(LOG_CHARS_MAX);
  });

  it('past the longest text: RunLogTooLargeError, with the share of the events and of the keyframes', () => {
    const length = serializeRunLog(log!).join('').length;
    try {
      serializeRunLog(log!, length - 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RunLogTooLargeError);
      const big = e as RunLogTooLargeError;
      expect([big.chars, big.limit, big.keyframes]).toEqual([length, length - 1, log!.keyframes.length]);
      // Kỳ Sơn's log is mostly keyframes (37 copies of the world), and each share is within the whole
      expect(big.keyframes_chars).toBeGreaterThan(big.events_chars);
      expect(big.events_chars).toBeGreaterThan(log!.events.join(',\n').length - 1);
      expect(big.events_chars + big.keyframes_chars).toBeLessThan(length);
    }
    expect(serializeRunLog(log!, length).join('').length).toBe(length);
  });
});
