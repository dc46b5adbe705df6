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
import { ROOT, tempDir } from './cli.js';

export interface ConsoleStep {
  /** The command as bash gets it (continuation lines and heredoc body included). */
  command: string;
  /** The lines the page shows after it. */
  expected: string;
  /** The exit status the page says it ends with (0 unless `# exit N`). */
  status: number;
}

/** Lines whose content depends on the machine: [what to find, what it is compared as]. */
export const MACHINE_DEPENDENT: Array<[RegExp, string]> = [
  // drill batch's last line (stderr): time, runs/s, worker count (default: the cores) and memory
  [/^(\d+ runs?) in .+ on \d+ workers? \(.*\); peak heap per worker: .*$/gm, '$1 in <time> on <workers> (<speed>); peak heap per worker: <memory>'],
  // drill batch --help names this machine's cores as the default worker count
  [/\(default: the cores, here \d+\)/g, '(default: the cores, here <cores>)'],
];

export function maskMachineDependent(text: string): string {
  return MACHINE_DEPENDENT.reduce((t, [find, as]) => t.replace(find, as), text);
}

/** Every step of every ```console block of a Markdown page, in order. */
export function consoleSteps(markdown: string): ConsoleStep[] {
  const steps: ConsoleStep[] = [];
  for (const block of markdown.matchAll(/^( *)```console\n([\s\S]*?)^\1```/gm)) {
    const indent = block[1];
    const lines = block[2].split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    if (lines[lines.length - 1] === '') lines.pop();
    let i = 0;
    while (i < lines.length) {
      if (!lines[i].startsWith('$ ')) throw new Error(`console block line without a command before it: ${lines[i]}`);
      let command = lines[i++].slice(2);
      let statusLine = command;
      const heredoc = /<<'(\w+)'/.exec(command);
      if (heredoc) {
        while (i < lines.length && lines[i] !== heredoc[1]) command += '\n' + lines[i++];
        command += '\n' + lines[i++];
      } else {
        while (command.endsWith('\\') && i < lines.length) {
          statusLine = lines[i++];
          command += '\n' + statusLine;
        }
      }
      const out: string[] = [];
      while (i < lines.length && !lines[i].startsWith('$ ')) out.push(lines[i++]);
      const status = /#.*\bexit (\d+)\s*$/.exec(statusLine);
      steps.push({ command, expected: out.join('\n'), status: status ? Number(status[1]) : 0 });
    }
  }
  return steps;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does `actual` read as `expected`, with `...` lines and `...` in lines as wildcards? */
export function matchesShown(expected: string, actual: string): boolean {
  const want = expected === '' ? [] : expected.split('\n');
  const got = actual === '' ? [] : actual.split('\n');
  const line = want.map((w) => (w === '...' || w === '[...]' ? null : new RegExp(`^${w.split('...').map(escape).join('.*')}$`)));
  // memo[i][j]: want[i..] matches got[j..]
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = i * (got.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok: boolean;
    if (i === want.length) ok = j === got.length;
    else if (line[i] === null) ok = match(i + 1, j) || (j < got.length && match(i, j + 1));
    else ok = j < got.length && line[i]!.test(got[j]) && match(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return match(0, 0);
}

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
