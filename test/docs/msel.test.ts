/**
 * docs/msel.md shows `drill msel export` and `import` with what they print,
 * a row-by-row refusal among them: its `console` blocks run in order (on a
 * copy of the scenarios: the page's import rewrites one) and must print what
 * the page shows (rules in test/helpers/console-blocks.ts).
 */
import { describe } from 'vitest';
import { checkConsolePage } from '../helpers/console-blocks.js';

describe('docs/msel.md', () => {
  checkConsolePage('docs/msel.md', 7, 60_000);
});
