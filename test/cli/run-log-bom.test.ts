/**
 * A run log saved again by an editor that writes a byte-order mark (Notepad, some Windows tools) is the same
 * log: drill verify, report and compare read it. They said "not a run log: the file is not valid JSON
 * (Unexpected token '﻿' ...)", the invisible mark quoted in the message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-log-bom-');
const plain = join(dir, 'run.json'), marked = join(dir, 'run-bom.json');

beforeAll(() => {
  expect(drill(['run', 'scenarios/minimal.yaml', '--out', plain, '--quiet']).code).toBe(0);
  writeFileSync(marked, '\uFEFF' + readFileSync(plain, 'utf8'));
});

describe('a run log with a byte-order mark', () => {
  it('verifies, reports and compares as the same log', () => {
    const verify = drill(['verify', marked]);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/: ok: \d+ events re-simulated/);
    const report = drill(['report', marked]);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe(drill(['report', plain]).stdout);
    const compare = drill(['compare', plain, marked]);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toContain('identical');
  });
});
