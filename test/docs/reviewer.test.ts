/**
 * docs/reviewer.md walks a reviewer through two real runs: every `console`
 * block of it runs, in order, in a scratch folder, and each command must
 * print what the page says (rules in test/helpers/console-blocks.ts). When
 * the engine changes, the page must be brought up to date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { checkConsolePage, consoleSteps } from '../helpers/console-blocks.js';

describe('docs/reviewer.md', () => {
  it('has the walk-through\'s commands', () => {
    const steps = consoleSteps(readFileSync(join(ROOT, 'docs/reviewer.md'), 'utf8'));
    expect(steps.map((s) => s.command.split(' ').slice(0, 3).join(' '))).toEqual(expect.arrayContaining(['npx drill run', 'npx drill report', 'npx drill compare', 'npx drill fork']));
  });
  // some twenty drill processes one after the other: on a shared two-core machine that can pass a minute
  checkConsolePage('docs/reviewer.md', 10, 180_000);
});
