import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimBoundError } from '../../engine/core/errors.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { runScenario } from '../../engine/sim/run.js';
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
