/**
 * docs/reviewer.md shows commands and what they print. This runs every
 * `console` block of it, in order, in a scratch folder (with the repository's
 * scenarios), and checks that each command prints exactly what the page says:
 * when the engine changes, the page must be brought up to date.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

interface Step { command: string; expected: string }

/** `$ cmd` lines (with a heredoc body when the command has one) and the lines they print. */
export function consoleSteps(markdown: string): Step[] {
  const steps: Step[] = [];
  for (const block of markdown.matchAll(/^( *)```console\n([\s\S]*?)^\1```/gm)) {
    const indent = block[1];
    const lines = block[2].split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    if (lines[lines.length - 1] === '') lines.pop();
    let i = 0;
    while (i < lines.length) {
      if (!lines[i].startsWith('$ ')) throw new Error(`console block line without a command before it: ${lines[i]}`);
      let command = lines[i++].slice(2);
      const heredoc = /<<'(\w+)'/.exec(command);
      if (heredoc) {
        while (i < lines.length && lines[i] !== heredoc[1]) command += '\n' + lines[i++];
        command += '\n' + lines[i++];
      }
      const out: string[] = [];
      while (i < lines.length && !lines[i].startsWith('$ ')) out.push(lines[i++]);
      steps.push({ command, expected: out.join('\n') });
    }
  }
  return steps;
}

describe('docs/reviewer.md', () => {
  const steps = consoleSteps(readFileSync(join(ROOT, 'docs/reviewer.md'), 'utf8'));

  it('has the walk-through\'s commands', () => {
    expect(steps.length).toBeGreaterThanOrEqual(10);
    expect(steps.map((s) => s.command.split(' ').slice(0, 3).join(' '))).toEqual(expect.arrayContaining(['npx drill run', 'npx drill report', 'npx drill compare', 'npx drill fork']));
  });

  it('every command prints what the page shows', () => {
    const dir = tempDir('drillsim-doc-');
    symlinkSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'));
    const drill = `node ${join(ROOT, 'bin/drill.mjs')}`;
    for (const step of steps) {
      const r = spawnSync('bash', ['-c', step.command.replace(/\bnpx drill\b/g, drill)], { cwd: dir, encoding: 'utf8' });
      expect((r.stdout + r.stderr).replace(/\n$/, ''), `$ ${step.command}`).toBe(step.expected);
    }
    // some twenty drill processes one after the other: on a shared two-core machine that can pass a minute
  }, 180_000);
});
