/**
 * `drill compare a.json b.json` of two plans' batch results: a planner who tries a plan that differs from the
 * library's in several places (a copy of the scenario with its own id: dike guards posted on the dike, a shorter
 * warning) batches each file with the same master seed, and wants to know which plan is better, by how much and how
 * surely. `--vary` takes one parameter, and two tables side by side give two intervals, not the difference: compare
 * refused the results files ("this is batch results, not a run log"). Run k of each plays the same seed, so the
 * difference is taken run for run, with its interval and `*`, as a sweep's table does. Files whose runs do not pair
 * (another seed or number of runs, a shard, a sweep, a run log) are refused with what to do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const LIBRARY = 'scenarios/nam-dan-compound-flood.yaml';

describe('drill compare of two plans\' batch results', () => {
  let dir = '', planA = '', planB = '', otherSeed = '', fewer = '', shard = '', sweep = '', log = '', stricter = '', olderEngine = '', seedEdited = '';
  beforeAll(() => {
    dir = tempDir('drillsim-compare-batches-');
    // plan B: the dike guards posted on the dike (mobilised in 10 min) and the hamlets warned in 10 min, its own id
    const copy = join(dir, 'plan-b.yaml');
    writeFileSync(copy, readFileSync(LIBRARY, 'utf8')
      .replace(/^id: nam-dan-compound-flood$/m, 'id: nam-dan-plan-b')
      .replace(/(id: lt-dike-team,.*)mobilisation: \{ lognormal: \{ median: 35m, sigma: 0.5 \} \}/, '$1mobilisation: 10m')
      .replace(/(id: hn-dike-team,.*)mobilisation: \{ lognormal: \{ median: 40m, sigma: 0.5 \} \}/, '$1mobilisation: 10m')
      .replace(/(id: lam-thanh-behind-dike,.*)warning: 20m/, '$1warning: 10m'));
    [planA, planB, otherSeed, fewer, shard, sweep, log] = ['a', 'b', 'seed', 'fewer', 'shard', 'sweep', 'log'].map((n) => join(dir, `${n}.json`));
    const batch = (file: string, out: string, ...more: string[]) => expect(drill(['batch', file, '--runs', '60', '--workers', '1', '--quiet', '--out', out, ...more]).code).toBe(0);
    batch(LIBRARY, planA);
    batch(copy, planB);
    batch(copy, otherSeed, '--seed', '7');
    batch(copy, shard, '--shard', '1/2');
    batch(LIBRARY, sweep, '--vary', 'unit.lt-dike-team.mobilisation=x1,10m');
    expect(drill(['batch', copy, '--runs', '50', '--workers', '1', '--quiet', '--out', fewer]).code).toBe(0);
    expect(drill(['run', LIBRARY, '--out', log, '--quiet']).code).toBe(0);
    // plan C: the library's plan with the seepage to be sealed within 3 hours, not 4 (an objective's criterion changed)
    const strict = join(dir, 'plan-c.yaml');
    writeFileSync(strict, readFileSync(LIBRARY, 'utf8').replace(/^id: nam-dan-compound-flood$/m, 'id: nam-dan-plan-c')
      .replace('criterion: { metric: contained_s, of: dike-seepage, comparator: "<=", threshold: 14400 }', 'criterion: { metric: contained_s, of: dike-seepage, comparator: "<=", threshold: 10800 }'));
    stricter = join(dir, 'c.json');
    batch(strict, stricter);
    // plan B's results as an older drillsim wrote them, and with one run's seed changed by hand
    const b = readFileSync(planB, 'utf8');
    olderEngine = join(dir, 'older.json');
    writeFileSync(olderEngine, b.replace(/"engine":"[^"]+"/, '"engine":"0.7.0"'));
    seedEdited = join(dir, 'seed-edited.json');
    const seed3 = /"run":3,"seed":(\d+)/.exec(b)![1];
    writeFileSync(seedEdited, b.replace(`"run":3,"seed":${seed3}`, '"run":3,"seed":12345'));
  });

  it('sets the two plans side by side with b - a run for run: the dike guards on the dike reach the seepage in time far more often, and lose more people', () => {
    const r = drill(['compare', planA, planB, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^a: .*a\.json {2}nam-dan-compound-flood: ".*", 60 runs, master seed 2025, all roles by doctrine$/);
    expect(lines[1]).toMatch(/^b: .*b\.json {2}nam-dan-plan-b: ".*", 60 runs, master seed 2025, all roles by doctrine$/);
    expect(r.stdout).toMatch(/^mean \[95 % CI\] +a +b +b - a, run for run \[95 % CI\]$/m);
    // an objective: each plan's probability, then the change in points, marked where the runs show it
    expect(r.stdout).toMatch(/^ {2}seepage-response +\d+ % \[\d+-\d+\] +\d+ % \[\d+-\d+\] +\+\d+ \[\+\d+, \+\d+\] \* better {2}\(\+\d+ -\d+\)$/m);
    // the riverside evacuation does not depend on the dike: the same in every run
    expect(r.stdout).toMatch(/^ {2}riverside-evac +(\d+ % \[\d+-\d+\]) +\1 +0 \[0, 0\]$/m);
    expect(r.stdout).toMatch(/^people lost +[\d.]+ \[[\d.]+, [\d.]+\] +[\d.]+ \[[\d.]+, [\d.]+\] +\+[\d.]+ \[\+[\d.]+, \+[\d.]+\] \* worse$/m);
    expect(r.stdout).toContain('what plan b changed in that run');
  });

  it('says whether each difference the runs show is better or worse for b: more lost is worse, seepage reached in time more often better, and more decisions neither', () => {
    const r = drill(['compare', planA, planB, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^people lost .* \* worse$/m);
    expect(r.stdout).toMatch(/^ {2}seepage-response .* \* better {2}\(/m);
    expect(r.stdout).toMatch(/^ {2}behind-dike-evac .* \* worse {2}\(/m);
    // plan b gives fewer orders: the runs show it, but fewer decisions is not in itself better or worse
    expect(r.stdout).toMatch(/^decisions taken .* \*$/m);
    // a difference the runs do not show is neither
    expect(r.stdout).toMatch(/^ {2}riverside-evac .* 0 \[0, 0\]$/m);
    expect(r.stdout).toContain('better, worse (for b): fewer lost');
  });

  it('in Vietnamese: tốt hơn, kém hơn', () => {
    const r = drill(['compare', planA, planB, '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^số người thiệt mạng .* \* kém hơn$/m);
    expect(r.stdout).toMatch(/^ {2}seepage-response .* \* tốt hơn {2}\(/m);
    expect(r.stdout).toMatch(/^số quyết định được thực hiện .* \*$/m);
    expect(r.stdout).not.toMatch(/\b(better|worse)\b/);
  });

  it('--json gives "direction" on each difference that has one, beside the fields it had', () => {
    const json = JSON.parse(drill(['compare', planA, planB, '--json']).stdout);
    const [a, b] = json.aggregates;
    expect(a.paired).toBeUndefined();
    const lost = b.paired.metrics.people_lost;
    expect(lost.ci95[0]).toBeGreaterThan(0);
    expect(lost).toMatchObject({ direction: 'worse', up: expect.any(Number), down: expect.any(Number), mean: expect.any(Number) });
    expect(b.paired.objectives['seepage-response']).toMatchObject({ direction: 'better', gained: expect.any(Number), lost: expect.any(Number) });
    expect(b.paired.objectives['behind-dike-evac'].direction).toBe('worse');
    // shown, but without a side that is better; and not shown
    expect(b.paired.metrics.decisions_taken.ci95[1]).toBeLessThan(0);
    expect(b.paired.metrics.decisions_taken).not.toHaveProperty('direction');
    expect(b.paired.objectives['riverside-evac']).not.toHaveProperty('direction');
    expect(b.paired.metrics.people_evacuated).not.toHaveProperty('direction');
  });

  it('in Vietnamese', () => {
    const r = drill(['compare', planA, planB, '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^trung bình \[KTC 95%\] +a +b +b - a, theo từng lượt chạy \[KTC 95%\]$/m);
    expect(r.stdout).toMatch(/^số người thiệt mạng +[\d,]+ \[[\d,]+; [\d,]+\]/m);
    expect(r.stdout).toContain('tác động của phương án b trong lượt chạy đó');
    expect(r.stdout).not.toMatch(/\bruns?\b|⟦/);
  });

  it.each([
    ['another master seed', () => [planA, otherSeed], 'seed.json: error[file] (file): was played with master seed 7, ', 'play this batch again with --seed 2025'],
    ['another number of runs', () => [planA, fewer], 'fewer.json: error[file] (file): holds 50 runs and ', 'play both batches with the same --runs'],
    ['a shard', () => [planA, shard], 'shard.json: error[file] (file): is shard 1/2 of a batch', 'merge its shards first'],
    ['a sweep', () => [sweep, planB], 'sweep.json: error[file] (file): is a sweep (2 values of unit.lt-dike-team.mobilisation), not one plan', 'play each plan as a batch of its own'],
    ['a run log beside results', () => [log, planB], 'b.json: error[file] (file): is batch results, and ', 'give two run logs (drill run --out), or two batch results'],
    ['results of another drillsim', () => [planA, olderEngine], 'older.json: error[file] (file): was written by drillsim 0.7.0, ', 'play both batches with this drillsim'],
    ['a run whose seed was changed by hand', () => [planA, seedEdited], 'seed-edited.json: error[file] (file): run 3 played seed 12345 here and ', 'write the file again with the same drill batch command'],
  ])('refuses %s (exit 1, one line: what is wrong and what to do)', (_, files, said, hint) => {
    const r = drill(['compare', ...files(), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(said);
    expect(r.stderr).toContain(hint);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves out an objective whose criterion the other plan changed, and the count of objectives met, which then counts other things', () => {
    const r = drill(['compare', planA, stricter, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('objectives both have with another criterion (metric, place, comparator or threshold), not compared: seepage-contained');
    expect(r.stdout).toContain('objectives met: not compared, as the two plans do not rate the same objectives');
    expect(r.stdout).not.toMatch(/^ {2}seepage-contained /m);
    expect(r.stdout).not.toMatch(/^objectives met /m);
    // the objectives rated alike are still compared
    expect(r.stdout).toMatch(/^ {2}seepage-response /m);
    const json = JSON.parse(drill(['compare', planA, stricter, '--json']).stdout);
    expect(json.changed).toEqual(['seepage-contained']);
    expect(json.metrics).not.toContain('objectives_met');
  });

  it('names a file that is neither a run log nor batch results for what it is, not as a run log', () => {
    const r = drill(['compare', planA, LIBRARY, '--lang', 'en']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toContain('is a run log');
    expect(r.stderr).toContain('nam-dan-compound-flood.yaml');
  });

  it('refuses in Vietnamese too', () => {
    const r = drill(['compare', planA, otherSeed, '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('được chạy với seed gốc 7');
    expect(r.stderr).toContain('hãy chạy lại loạt này với --seed 2025');
  });
});
