/**
 * A run log given as decisions (`--decisions session.json`) carries the scenario it was played on. Replayed on a
 * scenario edited since (a copy with one crew more), the outcomes differ for that as well as by chance, and a
 * planner asking "was it luck?" was not told: now drill batch and drill run warn, and say nothing when the text
 * is the one played.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-other-text-');
const edited = join(dir, 'ky-son-edited.yaml');
const log = join(dir, 'session.json');
const SCENARIO = join(ROOT, 'scenarios/ky-son-flash-flood.yaml');
const WARNING = `${log}:1:1: warning[other-text] scenario: this run was played on another text of scenario 'ky-son-flash-flood' than the one given here`;

beforeAll(() => {
  const text = readFileSync(SCENARIO, 'utf8');
  expect(text).toContain('crew: 25');
  writeFileSync(edited, text.replace('crew: 25', 'crew: 26'));
  expect(drill(['run', edited, '--decisions', join(ROOT, 'scenarios/decisions/ky-son-trainee.yaml'), '--out', log, '--quiet']).code).toBe(0);
});

describe('a run log replayed as decisions on another text of its scenario', () => {
  it('is warned of by drill batch and drill run, in English and Vietnamese', () => {
    const batch = drill(['batch', SCENARIO, '--runs', '2', '--workers', '1', '--decisions', log]);
    expect(batch.code).toBe(0);
    expect(batch.stderr).toContain(WARNING);
    const run = drill(['run', SCENARIO, '--decisions', log, '--quiet', '--lang', 'vi']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${log}:1:1: warning[other-text] scenario: lượt chạy này được chơi trên một bản khác của kịch bản 'ky-son-flash-flood'`);
  });

  it('says nothing on the text it was played on, nor in a sweep of it (the sweep changes the scenario, not its text as given)', () => {
    const batch = drill(['batch', edited, '--runs', '2', '--workers', '1', '--decisions', log, '--vary', 'units.mobilisation=5m,10m']);
    expect(batch.code).toBe(0);
    expect(batch.stderr).not.toContain('other-text');
    const run = drill(['run', edited, '--decisions', log, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('says nothing on a log of an older engine whose text lacks a default added since (0.7.0: evacuation.speed_kmh)', () => {
    // the log as 0.6.0 wrote it: the scenario's canonical text without the key, and its hash
    const lines = readFileSync(log, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('"scenario":'));
    const { scenario } = JSON.parse(`{${lines[at].replace(/,$/, '')}}`);
    const written = JSON.parse(scenario.text);
    expect(written.evacuation.speed_kmh).toEqual({ road: 20 });
    delete written.evacuation.speed_kmh;
    const text = JSON.stringify(written);
    lines[at] = `"scenario":${JSON.stringify({ id: scenario.id, hash: createHash('sha256').update(text).digest('hex'), text })},`;
    const old = join(dir, 'session-0.6.0.json');
    writeFileSync(old, lines.join('\n'));
    const run = drill(['run', edited, '--decisions', old, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // and another text is still another text
    const other = drill(['run', SCENARIO, '--decisions', old, '--quiet']);
    expect(other.stderr).toContain(WARNING.replace(log, old));
  });
});
