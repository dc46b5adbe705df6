/**
 * The docs show commands with what they print, in ```console blocks: `$ cmd`
 * lines, each followed by its output. These helpers read such blocks and run
 * them as a user would, so that a page whose outputs drift from the engine
 * fails its test (test/docs/*.test.ts) instead of misleading its readers.
 *
 * What a block may hold, and how it is compared:
 * - `$ cmd` starts a command; a command line ending in `\` continues on the
 *   next line, and a heredoc (`<<'EOF'`) takes its body up to `EOF`.
 * - The command runs with bash in a scratch folder holding copies of the
 *   repository's `scenarios/`, `test/fixtures/` and `docs/` (a page's own
 *   example files, such as docs/planner/; copies: a page may show a command
 *   that rewrites a scenario, such as `drill msel import`), one block
 *   after another in page order, so later commands see earlier files.
 *   `npx drill` runs this checkout's bin/drill.mjs.
 * - Its output is stdout and stderr as a terminal shows them (one pipe,
 *   `2>&1`), compared with the lines after the command, exactly but for:
 *   - a line that is just `...` or `[...]` stands for any number of lines
 *     (the page cuts a long output there);
 *   - `...` inside a line stands for any text on that line (the page cuts a
 *     long line there);
 *   - MACHINE_DEPENDENT lines: the parts that depend on the machine (time,
 *     speed, memory, core count) are masked in the page and in the output
 *     alike before comparing, so they are shown as they came on one machine
 *     and checked only for their form.
 * - Its exit status must be 0, unless the command ends with a comment
 *   `# ... exit N` (as in `npx drill validate broken.yaml   # exit 1`).
 * Commands that cannot run in a test (a server, a cluster job) stay in ```sh
 * blocks, which are not run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { consoleSteps, maskMachineDependent, matchesShown, type ConsoleStep } from '../../scripts/console-blocks.mjs';
import { ROOT, tempDir } from './cli.js';

// the reading of a page is shared with scripts/refresh-console-output.mjs, which writes outputs back
export { consoleSteps, MACHINE_DEPENDENT, maskMachineDependent, matchesShown, type ConsoleStep } from '../../scripts/console-blocks.mjs';

export interface StepResult { step: ConsoleStep; output: string; status: number }

/** A scratch folder with copies of the repository's scenarios, test fixtures and docs, as the pages expect. */
export function docScratchDir(): string {
  const dir = tempDir('drillsim-doc-');
  cpSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  cpSync(join(ROOT, 'docs'), join(dir, 'docs'), { recursive: true });
  mkdirSync(join(dir, 'test'));
  cpSync(join(ROOT, 'test/fixtures'), join(dir, 'test/fixtures'), { recursive: true });
  return dir;
}

/** Run one step in `dir` (stdout and stderr on one pipe, as a terminal shows them). */
export function runStep(step: ConsoleStep, dir: string): StepResult {
  const drill = `node ${join(ROOT, 'bin/drill.mjs')}`;
  const r = spawnSync('bash', ['-c', `exec 2>&1\n${step.command.replace(/\bnpx drill\b/g, drill)}`], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { step, output: r.stdout.replace(/\n$/, ''), status: r.status ?? -1 };
}

/**
 * The test of one page: it has at least `minSteps` commands, and each prints
 * what the page shows and exits as it says. Every drifted step is reported
 * (expect.soft), not only the first, so that one run of the test lists all
 * the outputs to bring up to date.
 */
export function checkConsolePage(page: string, minSteps: number, timeout_ms: number): void {
  const steps = consoleSteps(readFileSync(join(ROOT, page), 'utf8'));
  it(`has at least ${minSteps} commands in console blocks`, () => {
    expect(steps.length).toBeGreaterThanOrEqual(minSteps);
  });
  it('every command prints what the page shows', () => {
    const dir = docScratchDir();
    try {
      for (const step of steps) {
        const r = runStep(step, dir);
        const shown = maskMachineDependent(step.expected);
        const printed = maskMachineDependent(r.output);
        // on a mismatch, the diff is against the page's text as written (with its `...`)
        if (!matchesShown(shown, printed)) expect.soft(printed, `$ ${step.command}`).toBe(shown);
        expect.soft(r.status, `exit status of $ ${step.command}`).toBe(step.status);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true }); // a batch page leaves some megabytes of results
    }
  }, timeout_ms);
}
