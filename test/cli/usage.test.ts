/**
 * Every subcommand's usage names the options it takes: its synopsis (the
 * lines before the first blank one) lists exactly the options it parses, and
 * each has a line of its own saying what it does. A missing `--quiet` in
 * `drill batch`'s synopsis is what this catches. The Vietnamese usage
 * (`--help --lang vi`) is held to the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill } from '../helpers/cli.js';
import { batchCommand } from '../../engine/cli/batch.js';
import { compareCommand } from '../../engine/cli/compare.js';
import { forkCommand } from '../../engine/cli/fork.js';
import type { Subcommand } from '../../engine/cli/main.js';
import { mergeCommand } from '../../engine/cli/merge.js';
import { mselCommand } from '../../engine/cli/msel.js';
import { playCommand } from '../../engine/cli/play.js';
import { reportCommand } from '../../engine/cli/report.js';
import { runCommand } from '../../engine/cli/run.js';
import { schemaCommand } from '../../engine/cli/schema.js';
import { validateCommand } from '../../engine/cli/validate.js';
import { verifyCommand } from '../../engine/cli/verify.js';
import { viewCommand } from '../../engine/cli/view.js';

const COMMANDS: Subcommand[] = [validateCommand, schemaCommand, runCommand, verifyCommand, playCommand, mselCommand, reportCommand, compareCommand, forkCommand, viewCommand, batchCommand, mergeCommand];

const optionsIn = (text: string) => [...new Set([...text.matchAll(/--([a-z][\w-]*)/g)].map((x) => x[1]))].sort();

describe('each subcommand\'s usage', () => {
  for (const cmd of COMMANDS) {
    // each command says its usage in English and in Vietnamese: both must name the options
    const usages = [cmd.usage, cmd.vi.usage];
    it(`drill ${cmd.name}: the synopsis names exactly the options it takes, and each has a line saying what it does, in both languages`, () => {
      const options = Object.keys(cmd.options).sort();
      for (const usage of usages) {
        const synopsis = usage.split('\n\n')[0];
        expect(optionsIn(synopsis)).toEqual(options);
        for (const o of options) expect(usage, `--${o}`).toMatch(new RegExp(`^ +--${o}\\b`, 'm'));
      }
    });
  }
});

describe('drill --version', () => {
  it('prints the version package.json gives the project: one number, not 0.1.0 beside 0.8.0', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(drill(['--version']).stdout.trim()).toBe(`drillsim ${pkg.version}`);
  });
});
