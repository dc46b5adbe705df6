/**
 * The command is bin/drill.mjs; dist/engine/cli/main.js is its library. Run
 * directly, the library must not exit 0 having done nothing: a script or CI
 * job calling it would take that for success.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('running the library file instead of the command', () => {
  it('exits 2 and names the command to run', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/engine/cli/main.js'), 'validate', 'scenarios/minimal.yaml'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('run `npx drill ...` or `node bin/drill.mjs ...`');
  });

  it('the command itself is not affected', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'validate', 'scenarios/minimal.yaml'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
