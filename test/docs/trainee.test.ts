/**
 * docs/trainee.md shows whole `drill play` sessions fed from a script (one
 * in English, one in Vietnamese with the controller), a session checked
 * byte-identical to `drill run --decisions`, and `drill run`'s list of
 * refused decisions: its `console` blocks run in order and must print what
 * the page shows (rules in test/helpers/console-blocks.ts). test/cli/play.test.ts
 * checks the behaviour behind them; this checks the page's transcripts.
 * The page's short `text` excerpts (a refusal, a note at the prompt) have no
 * command of their own; test/play/ checks those messages.
 */
import { describe } from 'vitest';
import { checkConsolePage } from '../helpers/console-blocks.js';

describe('docs/trainee.md', () => {
  checkConsolePage('docs/trainee.md', 9, 120_000);
});
