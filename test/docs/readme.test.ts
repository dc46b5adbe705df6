/**
 * README.md's five-minute tour shows `drill validate`, `drill run` and
 * `drill verify` with what they print: its `console` blocks run in order and
 * must print what the page shows (rules in test/helpers/console-blocks.ts).
 * The tour's other commands (play, view, report, ...) are in `sh` blocks
 * without output; the pages they link to show and check those.
 */
import { describe } from 'vitest';
import { checkConsolePage } from '../helpers/console-blocks.js';

describe('README.md', () => {
  checkConsolePage('README.md', 5, 60_000);
});
