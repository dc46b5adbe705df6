/**
 * docs/scenario-format.md shows `drill validate` on a good scenario and on
 * broken ones, with the messages: its `console` blocks run in order and must
 * print what the page shows (rules in test/helpers/console-blocks.ts).
 */
import { describe } from 'vitest';
import { checkConsolePage } from '../helpers/console-blocks.js';

describe('docs/scenario-format.md', () => {
  checkConsolePage('docs/scenario-format.md', 12, 60_000);
});
