/**
 * docs/planner.md walks a planner through one job: a copy of the Vinh wards
 * scenario (docs/planner/vinh-wards-late-order.yaml) with the old blocks
 * ordered out at 15:00 and the battalion away, checked, run, batched and
 * swept, and a reserve at home tried on Kỳ Sơn. Its `console` blocks run in
 * order and must print what the page shows (rules in
 * test/helpers/console-blocks.ts); some 1,800 runs in all (200 + 200 +
 * 2 x 200 + 3 x 200 and the single ones). Its `yaml` blocks quote the
 * copy: every line of them must be a line of that file, so that the page
 * cannot show an inject or an objective the file no longer has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { checkConsolePage } from '../helpers/console-blocks.js';

const PAGE = readFileSync(join(ROOT, 'docs/planner.md'), 'utf8');
const COPY = readFileSync(join(ROOT, 'docs/planner/vinh-wards-late-order.yaml'), 'utf8').split('\n');

describe('docs/planner.md', () => {
  // a dozen drill processes and three batches on a shared two-core machine
  checkConsolePage('docs/planner.md', 12, 240_000);

  it('quotes the scenario copy as it is: every line of its yaml excerpts is a line of the file', () => {
    const blocks = [...PAGE.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => m[1].split('\n').filter((l) => l.trim() !== ''));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const line of blocks.flat()) expect.soft(COPY, line).toContain(line);
  });
});
