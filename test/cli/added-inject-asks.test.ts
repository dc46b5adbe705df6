/**
 * An inject exercise control adds during the run (`add_inject`) that expects
 * a level to be declared asks for it as one of the scenario's injects would:
 * the level objective is then tested (never declared: U), and `drill run`'s
 * summary, the run log's summary, `drill verify` and `drill report` all say
 * so. Before, the summary only knew the scenario's injects and called the
 * objective "not tested: no inject asked for it" while the report's injects
 * table showed the added inject asking for exactly that.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir, writeDecisions } from '../helpers/cli.js';

const dir = tempDir('drillsim-asks-');
/** minimal.yaml with an objective on Mường Xén's level: its forces are never exceeded when both its units go at once */
const scenario = join(dir, 'minimal-level.yaml');
writeFileSync(scenario, readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8') + [
  '  - id: level-1',
  '    text: Mường Xén declares level 1 when asked',
  '    capability: Operational Coordination',
  '    criterion: { metric: level_declared_s, of: muong-xen, comparator: "<=", threshold: 7200 }',
  '    rating: { P: 5400, S: 7200, M: 10800 }',
  '',
].join('\n'));

const dispatches = [
  '{ at: T+00:20, role: mx-commander, do: dispatch, unit: mx-militia, incident: collapse-1 }',
  '{ at: T+00:20, role: mx-commander, do: dispatch, unit: mx-police, incident: collapse-1 }',
];
const addAsk = '{ at: T+01:00, role: controller, do: add_inject, inject: { id: declare-now, seq: 2, from: District command, to: mx-commander, method: phone, type: directive, subject: Declare level 1, message: Declare level 1 now., expected: { do: declare_level, area: muong-xen, level: 1, within: 30m } } }';

function run(name: string, entries: string[]) {
  const f = writeDecisions(join(dir, `${name}.yaml`), ['mx-commander'], entries);
  const out = join(dir, `${name}.json`);
  const r = drill(['run', scenario, '--decisions', f, '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { stdout: r.stdout, out };
}

describe('an inject exercise control adds that asks for a level', () => {
  it('without it, nothing called for a level: the objective is not tested (the control case)', () => {
    const { stdout } = run('quiet', dispatches);
    expect(stdout).toContain('    -  level-1: level_declared_s of muong-xen: not tested (the forces of muong-xen never exceeded and no inject asked for it in this run)');
  });

  it('with it, the level was asked for and never declared: drill run rates the objective U, never', () => {
    const { stdout } = run('asked', [...dispatches, addAsk]);
    expect(stdout).toContain('  objectives  1 of 2 met\n');
    expect(stdout).toContain('    U  level-1: level_declared_s of muong-xen = never (not met)');
    expect(stdout).not.toContain('not tested');
  });

  it('the run log\'s summary says the same, drill verify finds it matches a re-simulation, and the report agrees with it', () => {
    const { out } = run('asked', [...dispatches, addAsk]);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(log.summary.objectives.find((o: { id: string }) => o.id === 'level-1')).toEqual({ id: 'level-1', metric: 'level_declared_s', of: 'muong-xen', value: null, met: false, rating: 'U', at: 14400 });
    const v = drill(['verify', out]);
    expect(v.stdout).toMatch(/: ok: /);
    const report = drill(['report', out, '--lang', 'en']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('| **Objectives** | 1 of 2 met (P 1 · S 0 · M 0 · U 1) |');
    expect(report.stdout).toContain('| **Result** | **never, read at T+04:00 (00:00): rated U: Unable to be performed** |');
    // the injects table shows what the added inject asked for, and the objective is no longer "not called for"
    expect(report.stdout).toMatch(/\| Inject #2 "Declare level 1" \(added by exercise control\) \| .* \| declare civil-defence level 1 in Mường Xén \| – \| – \| 30 min \| \*\*not taken\*\* \|/);
    expect(report.stdout).not.toContain('no inject asked for it');
  });
});
