/**
 * docs/scenario-format.md's "Required keys" table against the format itself
 * (engine/scenario/schema.ts): a planner reads there which keys must be
 * written, and the page said it for none (an inject's `seq` was found only
 * by leaving it out). Each row must name exactly the keys the schema
 * requires, and every list of the format must have its row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../engine/scenario/schema.js';
import { ROOT } from '../helpers/cli.js';

const page = readFileSync(join(ROOT, 'docs/scenario-format.md'), 'utf8');

/** The table's rows: where (`areas[]`, `injects[].decision`, or "top level") -> the keys it names before any "(and ...)". */
function tableRows(): Map<string, string[]> {
  const section = page.split(/^## Required keys$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('docs/scenario-format.md has no "## Required keys" section');
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const m = /^\| (top level|`[^`]+`) \| (.*) \|$/.exec(line);
    if (!m) continue;
    const keys = [...m[2].split('(')[0].matchAll(/`([a-z_]+)`/g)].map((k) => k[1]);
    rows.set(m[1] === 'top level' ? '' : m[1].slice(1, -1), keys);
  }
  return rows;
}

/** zod's wrappers (optional, default, codec pipes) taken off. */
function unwrap(s: any): any {
  for (let i = 0; i < 20; i++) {
    const def = s?._zod?.def;
    if (def && ['optional', 'default', 'nullable', 'prefault'].includes(def.type)) s = def.innerType;
    else if (def?.type === 'pipe') s = def.in;
    else return s;
  }
  return s;
}

/** The object schema at a path such as `injects[].decision`. */
function objectAt(path: string): any {
  let s = unwrap(Scenario);
  for (const part of path.split('.').filter(Boolean)) {
    const [key, list] = [part.replace(/\[\]$/, ''), part.endsWith('[]')];
    s = unwrap(s._zod.def.shape[key]);
    if (list) s = unwrap(s._zod.def.element);
  }
  expect(s?._zod?.def?.type, path).toBe('object');
  return s;
}

const required = (obj: any) => Object.entries(obj._zod.def.shape as Record<string, any>).filter(([, f]) => !f.safeParse(undefined).success).map(([k]) => k).sort();

describe('docs/scenario-format.md, "Required keys"', () => {
  const rows = tableRows();

  it('names, for each place, exactly the keys the format requires', () => {
    expect(rows.size).toBeGreaterThan(10);
    for (const [where, keys] of rows) expect([...keys].sort(), where || 'top level').toEqual(required(objectAt(where)));
  });

  it('has a row for every list of things in the format (areas, units, ... evacuation zones and shelters)', () => {
    const lists: string[] = [];
    const visit = (obj: any, path: string) => {
      for (const [key, field] of Object.entries(obj._zod.def.shape as Record<string, any>)) {
        const f = unwrap(field);
        if (f?._zod?.def?.type === 'array' && unwrap(f._zod.def.element)?._zod?.def?.type === 'object') lists.push(`${path}${key}[]`);
        else if (f?._zod?.def?.type === 'object' && path === '') visit(f, `${key}.`);
      }
    };
    visit(unwrap(Scenario), '');
    expect(lists.length).toBeGreaterThan(10);
    for (const l of lists) expect([...rows.keys()], l).toContain(l);
  });
});

/**
 * The `units` section: a planner writing a unit from scratch found no word on what `speed_kmh`, `endurance`
 * or `rest` are when left out (a unit without `speed_kmh` takes every mode of `travel.speed_kmh`, boats
 * included; one with it only the modes it lists). Each key of a unit has its row in the section's table.
 */
describe('docs/scenario-format.md, "units"', () => {
  it('has a table row for every key of a unit, saying what the optional ones are when left out', () => {
    const section = page.split(/^## `units`$/m)[1]?.split(/^## /m)[0] ?? '';
    const rows = section.split('\n').filter((l) => /^\| `/.test(l));
    const named = new Set(rows.flatMap((r) => [...r.split('|')[1]!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1])));
    const keys = Object.keys(objectAt('units[]')._zod.def.shape);
    expect(keys.filter((k) => !named.has(k)), 'unit keys without a row').toEqual([]);
    const optional = keys.filter((k) => !required(objectAt('units[]')).includes(k) && k !== 'name');
    for (const k of optional) {
      const row = rows.find((r) => r.split('|')[1]!.includes(`\`${k}\``))!;
      expect(row, k).toMatch(/left out/i);
    }
  });
});
