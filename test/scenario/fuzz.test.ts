import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';

const texts = ['minimal.yaml', 'ky-son-flash-flood.yaml'].map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8'));
const values = texts.map((t) => parseYaml(t));

type Path = (string | number)[];

function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as any)[k], [...prefix, k], out);
  return out;
}

const junk = fc.oneof(
  fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-1), fc.constant('-5m'),
  fc.constant('T+99:99'), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.constant('muong-xem'), fc.constant(1e308), fc.constant(Number.NaN),
);

type Mutation = { kind: 'delete' | 'replace'; at: number; value: unknown } | { kind: 'bytes'; at: number; bytes: string };

function mutate(base: unknown, text: string, muts: Mutation[]): string {
  const v = structuredClone(base);
  let out: string | undefined;
  for (const m of muts) {
    if (m.kind === 'bytes') {
      const t = out ?? stringify(v);
      const i = m.at % (t.length + 1);
      out = t.slice(0, i) + m.bytes + t.slice(i);
      continue;
    }
    const ps = paths(v).filter((p) => p.length > 0);
    const p = ps[m.at % ps.length];
    let parent: any = v;
    for (const seg of p.slice(0, -1)) parent = parent?.[seg];
    if (parent === null || typeof parent !== 'object') continue;
    const key = p[p.length - 1];
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key];
    } else parent[key] = m.value;
  }
  void text;
  return out ?? stringify(v);
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), value: fc.constant(null) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(':', '- ', '{', ']', '\t', '&a', '*a', '\u0000', '\n  x: [')) }),
);

describe('the loader on mutated scenarios', () => {
  it('returns a scenario or a list of issues, never throws and never hangs', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: values.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, muts) => {
        const text = mutate(values[which], texts[which], muts);
        const started = performance.now();
        const r = parseScenario(text, 'mutant.yaml');
        expect(performance.now() - started).toBeLessThan(20_000);
        if (r.ok) expect(r.scenario.id).toBeTypeOf('string');
        else {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) {
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.column).toBeGreaterThanOrEqual(1);
            expect(i.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('survives random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const r = parseScenario(Buffer.from(bytes).toString('utf8'), 'noise.bin');
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 300 });
  });
});
