/**
 * docs/run-log.md explains every refusal code a `decision.refused` event can
 * carry: the codes the engine gives (engine/sim/commands.ts), no more, no less.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../../engine/play/describe.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/run-log.md: refusal codes', () => {
  const page = readFileSync(join(ROOT, 'docs/run-log.md'), 'utf8');
  const table = page.split('| `code` | the command was refused because |')[1]?.split('\n\n')[0] ?? '';
  const listed = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([a-z-]+)`/g)].map((x) => x[1]));

  it('lists every code the engine gives, each once', () => {
    const src = readFileSync(join(ROOT, 'engine/sim/commands.ts'), 'utf8');
    const engine = [...new Set([...src.matchAll(/refuse\('([a-z-]+)'/g)].map((x) => x[1]))].sort();
    expect(engine).toContain('no-coast');
    expect([...listed].sort()).toEqual(engine);
  });

  it('lists only codes drill play and the report know how to word', () => {
    expect(listed.filter((c) => !(REFUSAL_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
