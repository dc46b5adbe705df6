/**
 * docs/batch.md shows `drill batch` and `drill merge` on the Kỳ Sơn scenario
 * with their tables, and quotes their figures: every `console` block runs,
 * in order, and must print what the page shows (rules, and the masking of
 * each batch's timing line, in test/helpers/console-blocks.ts). Some 2,700
 * runs in all (500 + 500 + 50 + 800 + 2 × 400).
 */
import { describe } from 'vitest';
import { checkConsolePage } from '../helpers/console-blocks.js';

describe('docs/batch.md', () => {
  checkConsolePage('docs/batch.md', 15, 300_000);
});
