/**
 * `drill ... | head`: the reader stops reading and closes the pipe, which is
 * normal in a shell pipeline. drill must stop quietly, not die on Node's
 * unhandled EPIPE with a stack trace.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, STACK } from '../helpers/cli.js';

/** Run drill with stdout a pipe that is closed before it writes anything; stderr is kept. */
function drillIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/drill.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // like `head -c 0`: the reading end goes away while drill is still starting up
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('output piped into a reader that stops early', () => {
  const cases: [string, string[]][] = [
    ['schema', ['schema']],
    ['validate, two files', ['validate', 'scenarios/ky-son-flash-flood.yaml', 'scenarios/minimal.yaml']],
    ['play from a script (stdin closed)', ['play', 'scenarios/minimal.yaml', '--role', 'mx-commander']],
    ['run', ['run', 'scenarios/minimal.yaml']],
    ['msel export', ['msel', 'export', 'scenarios/ky-son-flash-flood.yaml']],
    ['help', ['--help']],
  ];
  for (const [what, args] of cases) {
    it(`${what}: exits 0 without a stack trace or an EPIPE message`, async () => {
      const r = await drillIntoClosedPipe(args);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('EPIPE');
      expect(r.stderr).not.toContain('internal error');
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
    });
  }

  it('in a real shell pipeline, `drill schema | head -c 300` prints the start of the schema and nothing on stderr', async () => {
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      // pipefail: the status is drill's, not head's
      const child = spawn('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" bin/drill.mjs schema | head -c 300`], { cwd: ROOT });
      let stdout = '', stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
      child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.stdout.length).toBe(300);
    expect(r.stdout.startsWith('{')).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
