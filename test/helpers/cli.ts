/** Run the real `drill` command (the built CLI) as a user would, and capture what it prints. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/** A locale that asks for no language: drill answers in English (the msel tests read its English lines). */
export const PLAIN_LOCALE = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/**
 * A scenario copied into a new temporary folder (as `name`) and its MSEL exported beside it as msel.csv, as a
 * planner starts: the tests of `drill msel import` then edit the sheet.
 */
export function exportedSheet(prefix: string, from = 'scenarios/minimal.yaml', name = 's.yaml'): { dir: string; scenario: string; sheet: string } {
  const dir = tempDir(prefix);
  const scenario = join(dir, name);
  const sheet = join(dir, 'msel.csv');
  copyFileSync(from, scenario);
  const r = drill(['msel', 'export', scenario, '--out', sheet]);
  if (r.code !== 0) throw new Error(`drill msel export failed: ${r.stderr}`);
  return { dir, scenario, sheet };
}
