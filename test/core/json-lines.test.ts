import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonLines, textOf } from '../../engine/core/json-lines.js';
import { number, text } from '../helpers/json-values.js';

/** What JsonLines writes for these values, one line each, taken as one text. */
function written(values: object[]): string {
  const w = new JsonLines();
  for (const v of values) w.line(v);
  expect(w.count).toBe(values.length);
  return textOf(w.take());
}
const stringified = (values: object[]): string => values.map((v) => JSON.stringify(v) + '\n').join('');

/** JSON-like values with what JSON.stringify leaves out or turns into null: undefined, functions, symbols, holes. */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(undefined, () => 1, Symbol('s')),
    tie('array'),
    tie('object'),
  ),
  array: fc.oneof(fc.array(tie('value'), { maxLength: 5 }), fc.sparseArray(tie('value'), { maxLength: 5 })),
  object: fc.dictionary(fc.oneof(text, fc.constantFrom('t', 'type', 'id', '0', '7', '10', '__proto__', '')), tie('value'), { maxKeys: 6 }),
}));
const line = fc.oneof(fc.dictionary(text, value, { maxKeys: 8 }), fc.array(value, { maxLength: 6 }));

describe('JsonLines', () => {
  it('writes what JSON.stringify writes, line by line, for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (values) => {
        expect(written(values)).toBe(stringified(values));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes every number as JSON.stringify does (shortest decimal, -0 as 0, no NaN or Infinity)', () => {
    fc.assert(
      fc.property(fc.array(number, { minLength: 1, maxLength: 50 }), (xs) => {
        expect(written([xs])).toBe(stringified([xs]));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes an event of the run log as JSON.stringify does', () => {
    const events = [
      { t: 0, type: 'run.start', seed: 42, scenario: 'reference-model', players: [], until: 345600 },
      { t: 163, type: 'incident.reported', id: 'calls-1', kind: 'call', area: 'city', node: null, x: -2.4008, y: 3.5757, severity: 1, people: 0, work_s: 3746 },
      { t: 163, type: 'unit.route', id: 'u-09', from: [-2.8774, 3.4086], to: [-2.4008, 3.57], travel_s: 28, km: 0.5 },
      { t: 200, type: 'decision', author: 'trainee', role: 'chỉ huy', do: 'note', text: 'Sạt lở "Nậm Cắn"\n', by: undefined },
    ];
    expect(written(events)).toBe(stringified(events));
  });

  it('leaves to JSON.stringify what only it writes exactly: toJSON (with its key), prototypes, boxed values', () => {
    class Point {
      constructor(public x: number) {}
    }
    const values = [
      { a: { toJSON: (key: string) => `key ${key}` }, b: new Date(0), c: { toJSON: () => undefined } },
      { p: new Point(1), n: Object(5), s: Object('x'), m: new Map([[1, 2]]) },
      [new Date(0), { toJSON: () => [1, 2] }],
      Object.assign(Object.create(null), { z: 1, a: [Object.create({ inherited: 1 })] }),
    ];
    expect(written(values)).toBe(stringified(values));
  });

  it('throws where JSON.stringify throws (a cycle, a bigint) and writes nothing of that line', () => {
    const w = new JsonLines();
    w.line({ a: 1 });
    const cycle: Record<string, unknown> = { t: 1 };
    cycle.self = { up: cycle };
    expect(() => w.line(cycle)).toThrow(TypeError);
    expect(() => w.line({ t: 2, big: 10n })).toThrow(TypeError);
    w.line({ b: 2 });
    expect(textOf(w.take())).toBe('{"a":1}\n{"b":2}\n');
  });

  it('writes nothing of a line whose getter or proxy throws midway, and throws only where JSON.stringify throws', () => {
    const w = new JsonLines();
    w.line({ a: 1 });
    const throwing = { x: 'written first', deep: [1, { get boom(): never { throw new Error('boom'); } }] };
    expect(() => w.line(throwing)).toThrow('boom');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => w.line({ y: [2, revoked.proxy] })).toThrow(TypeError);
    w.line({ b: 2 });
    expect(w.count).toBe(2);
    expect(textOf(w.take())).toBe('{"a":1}\n{"b":2}\n');
    // what throws only where JSON.stringify never looks (the prototype) is written as it writes it
    const values = [{ p: new Proxy({ a: 1 }, { getPrototypeOf: () => { throw new Error('no prototype'); } }) }];
    expect(written(values)).toBe(stringified(values));
  });

  it('grows past its buffer for a long line, and starts afresh after take', () => {
    const w = new JsonLines();
    const long = { text: 'x'.repeat(200_000), many: Array.from({ length: 20_000 }, (_, i) => i / 4) };
    w.line(long);
    expect(textOf(w.take())).toBe(JSON.stringify(long) + '\n');
    expect(w.count).toBe(0);
    w.line({ after: 'ố' });
    expect(textOf(w.take())).toBe('{"after":"ố"}\n');
  });
});
