/**
 * docs/trainee.md shows the end-of-exercise summary of a short Vinh session
 * in a `text` block (no command of its own): this plays that session and
 * checks the page shows what it prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

describe('docs/trainee.md, The end of the exercise', () => {
  it('shows the summary the Thành Vinh chair\'s session prints', () => {
    const page = readFileSync(join(ROOT, 'docs/trainee.md'), 'utf8');
    const section = page.slice(page.indexOf('## The end of the exercise'));
    const shown = /```text\n([\s\S]*?)```/.exec(section)?.[1];
    const vinh = loadNamed('vinh-wards-typhoon-night');
    const s = new PlaySession(vinh, { seed: vinh.seed ?? 1, players: ['tv-chair'], controller: false, lang: 'en' });
    for (const line of ['advance', 'evacuate tv-old-blocks']) expect(s.handle(line).refused).toBeFalsy();
    const end = s.handle('advance until end').text;
    expect(shown).toBe(end.slice(end.indexOf('Summary at')));
  });
});
