/**
 * vitest's globalSetup: every temporary folder the tests make (tempDir(), the browser's profiles, what drill itself
 * writes to the system's temporary folder) goes under one folder of this run's, removed when the run ends. Without
 * it the runs of a day left thousands of folders in /tmp. The workers and the processes they start inherit TMPDIR,
 * which os.tmpdir() reads.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const PREFIX = 'drillsim-tests-';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  // each project of vitest.config.ts runs this: the first one's folder serves them all
  if (before !== undefined && basename(before).startsWith(PREFIX)) return () => {};
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  // others may pass through it, as through /tmp: a test runs drill as an unprivileged user in a folder of its own
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    // a browser still closing may write into its profile while it is removed (ENOTEMPTY): try again a few times,
    // and never fail a run that passed over a folder left behind
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (e) {
      process.stderr.write(`test run: could not remove ${root}: ${(e as Error).message}\n`);
    }
  };
}
