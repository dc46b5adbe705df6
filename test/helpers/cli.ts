/** Run the real `drill` command (the built CLI) as a user would, and capture what it prints. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export interface CliResult { code: number; stdout: string; stderr: string }

export function drill(args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'drillsim-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A stack trace looks like "    at fn (file:line:col)". */
export const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Write a decisions file for `players` with these entries (flow mappings, one per line: line 4 is the first entry); returns its path. */
export function writeDecisions(file: string, players: string[], entries: string[]): string {
  writeFileSync(file, ['drillsim_decisions: 1', `players: [${players.join(', ')}]`, 'decisions:', ...entries.map((e) => `  - ${e}`), ''].join('\n'));
  return file;
}
