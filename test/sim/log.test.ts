/**
 * The log writer keeps its lines in chunks and hashes lazily, in big blocks,
 * for speed. Whatever the order of events, cuts, peeks and reads of `lines`,
 * it must give exactly the lines and links of the plain definition: each line
 * JSON.stringify of its event, each link SHA-256 of the previous link and the
 * lines since, each followed by '\n' (chainOf).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSha256 } from '../../engine/cli/sha256.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { chainOf, LogWriter } from '../../engine/sim/log.js';
import { runScenario, serializeRunLog, verifyRunLog } from '../../engine/sim/run.js';
import { loadScenarioFile, scenarioFiles } from '../helpers/scenarios.js';

const text = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('đ', 'ố', 'Ư', '€', '😀', '\n', '"', '\\', '\u0000', '\u2028', '\ud83d', '\ude00'),
  ),
  maxLength: 40,
});
const event = fc.record({
  t: fc.nat(),
  type: fc.constantFrom('incident.phase', 'unit.state', 'inject.delivered'),
  id: text,
  x: fc.oneof(fc.double({ noNaN: true }), fc.integer()),
  note: fc.option(text, { nil: undefined }),
});
type Op = { k: 'event'; e: Record<string, unknown> } | { k: 'cut' } | { k: 'peek' } | { k: 'lines' } | { k: 'burst'; n: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 20, arbitrary: event.map((e) => ({ k: 'event' as const, e })) },
  { weight: 2, arbitrary: fc.constant({ k: 'cut' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'peek' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'lines' as const }) },
  // enough events at once to seal several chunks
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => ({ k: 'burst' as const, n })) },
);

describe('LogWriter', () => {
  it('gives the lines and chain links of the plain definition, however events, cuts and reads interleave (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const w = new LogWriter();
        const lines: string[] = [];
        const cuts: number[] = [];
        const links: string[] = [];
        const emit = (e: Record<string, unknown>) => {
          w.event(e as unknown as LogEvent);
          lines.push(JSON.stringify(e));
        };
        for (const o of ops) {
          if (o.k === 'event') emit(o.e);
          else if (o.k === 'burst') for (let i = 0; i < o.n; i++) emit({ t: i, type: 'unit.state', id: `u-${i % 7}`, state: 'available' });
          else if (o.k === 'cut') {
            cuts.push(lines.length);
            links.push(w.cut());
          } else if (o.k === 'peek') expect(w.peek()).toBe(chainOf(lines, cuts).hash);
          else expect(w.lines).toEqual(lines);
          expect(w.count).toBe(lines.length);
        }
        const hash = w.finish();
        expect(w.lines).toEqual(lines);
        const plain = chainOf(lines, cuts);
        expect(links).toEqual(plain.links);
        expect(hash).toBe(plain.hash);
      }),
      { numRuns: 150 },
    );
  });

  it('hashes the same with node:crypto as with the engine\'s own SHA-256 (property, and with chunks sealed at every read)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(event, fc.constant(null)), { maxLength: 3000 }), fc.boolean(), (evs, read) => {
        const a = new LogWriter();
        const b = new LogWriter();
        b.useSha256(nodeSha256);
        const links: [string, string][] = [];
        for (const e of evs) {
          if (e === null) links.push([a.cut(), b.cut()]);
          else {
            a.event(e as unknown as LogEvent);
            b.event(e as unknown as LogEvent);
            if (read) void b.lines;
          }
        }
        links.push([a.finish(), b.finish()]);
        for (const [x, y] of links) expect(y).toBe(x);
      }),
      { numRuns: 60 },
    );
  });

  it('an empty log hashes the genesis text alone', () => {
    const w = new LogWriter();
    expect(w.lines).toEqual([]);
    expect(w.finish()).toBe(chainOf([], []).hash);
  });
});

describe('run logs hashed with node:crypto (what drill run writes)', () => {
  for (const file of scenarioFiles()) {
    const scenario = loadScenarioFile(file);
    it(`are byte-identical to the engine's own: ${file.split('/').pop()}, seeds 1-3`, () => {
      for (const seed of [1, 2, 3]) {
        const pure = runScenario(scenario, { seed }).log!;
        const native = runScenario(scenario, { seed, sha256: nodeSha256 }).log!;
        expect(native.hash).toBe(pure.hash);
        expect(native.chain).toEqual(pure.chain);
        expect(serializeRunLog(native).join('')).toBe(serializeRunLog(pure).join(''));
        expect(verifyRunLog(pure, { sha256: nodeSha256 })).toMatchObject({ ok: true, hash: pure.hash });
      }
    });
  }
});
