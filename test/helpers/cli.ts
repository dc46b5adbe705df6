/**
 * Run the real `drill` command (the built CLI) as a user would, and capture what it prints.
 *
 * A call runs the built bundle's `main` in a worker thread kept for the test file's worker (cli-host.mjs), as
 * bin/drill.mjs runs it: Node's start and the bundle's compiling, most of a short command's time, are paid once.
 * A call that reads standard input, runs elsewhere than the project's folder, or starts something that lasts
 * (`drill play`, `drill view`) runs in a process of its own, as do all of them with DRILL_TEST_SPAWN=1 set.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export interface CliResult { code: number; stdout: string; stderr: string }

type DrillOptions = { input?: string; cwd?: string; env?: Record<string, string> };

export function drill(args: string[], opts: DrillOptions = {}): CliResult {
  const env = { ...process.env, ...opts.env } as Record<string, string>;
  const apart = process.env.DRILL_TEST_SPAWN === '1' || opts.input !== undefined || (opts.cwd !== undefined && opts.cwd !== ROOT)
    || args[0] === 'play' || args[0] === 'view' || 'DRILL_DEBUG' in env;
  return apart ? spawned(args, opts, env) : hosted(args, env);
}

/** `drill` in a process of its own, whatever the call (test/cli/host.test.ts holds the worker's answers to these). */
export function spawned(args: string[], opts: DrillOptions = {}, env: Record<string, string> = { ...process.env, ...opts.env } as Record<string, string>): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let host: { worker: Worker; signal: Int32Array } | undefined;

/** A call to the worker, waited for synchronously (the tests call drill() as a function that returns its result). */
function hosted(args: string[], env: Record<string, string>): CliResult {
  // a worker that ended since its last answer (cli-host.mjs marks the signal 2) is replaced
  if (host !== undefined && Atomics.load(host.signal, 0) === 2) host = undefined;
  if (host === undefined) {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const entry = pathToFileURL(join(ROOT, 'dist/engine/cli-bundle/main.js')).href;
    const worker = new Worker(new URL('./cli-host.mjs', import.meta.url), { workerData: { signal: signal.buffer, entry }, stdout: false, stderr: false });
    worker.unref();
    // what ended a worker (said when it comes: the caller may already have its answer from a process of its own)
    worker.on('error', (e) => process.stderr.write(`test/helpers/cli.ts: the hosted drill's worker failed: ${e?.stack ?? e}\n`));
    host = { worker, signal };
  }
  const { worker, signal } = host;
  const { port1, port2 } = new MessageChannel();
  Atomics.store(signal, 0, 0);
  worker.postMessage({ args, env, port: port2 }, [port2]);
  if (Atomics.wait(signal, 0, 0, 300_000) === 'timed-out') {
    void worker.terminate();
    host = undefined;
    throw new Error(`drill ${args.join(' ')}: no answer in 5 minutes`);
  }
  const answer = receiveMessageOnPort(port1);
  port1.close();
  if (answer === undefined) {
    // the worker ended without answering (once in a few whole-suite runs on CI, cause not yet found): this call is
    // answered by a process of its own, as a user's shell runs it, and the next call starts another worker
    host = undefined;
    process.stderr.write(`test/helpers/cli.ts: the hosted drill's worker ended during 'drill ${args.join(' ')}'; run in a process of its own\n`);
    return spawned(args, {}, env);
  }
  return answer.message as CliResult;
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

/** `drill validate` of a scenario's text written to `file`: its exit code and stdout's lines (no stack trace in either stream). */
export function validateText(file: string, text: string, lang = 'en'): { file: string; code: number; lines: string[] } {
  writeFileSync(file, text);
  const r = drill(['validate', file, '--lang', lang]);
  if ((r.stdout + r.stderr).search(STACK) >= 0) throw new Error(`drill validate printed a stack trace:\n${r.stdout}${r.stderr}`);
  return { file, code: r.code, lines: r.stdout.trimEnd().split('\n') };
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
