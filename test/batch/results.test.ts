import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchHeader, buildResults, mergeResults, resultsCsv, runRecord, serializeResults, type BatchResults, type RunRecord } from '../../engine/batch/results.js';
import { readResults } from '../../engine/batch/read-results.js';
import { batchJobs } from '../../engine/batch/seeds.js';
import { Model } from '../../engine/sim/model.js';
import { runMetrics } from '../../engine/sim/runner.js';
import { loadNamed } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');
const header = batchHeader({ engine: 'test', scenario: ksn, scenarioHash: 'h', seed: 7, runs: 24, decisions: null, vary: null });
const model = new Model(ksn);
const records: RunRecord[] = batchJobs(7, 24, 1, null).map((job) =>
  runRecord(job, null, runMetrics(ksn, { seed: job.seed, until: 6 * 3600, keepIncidents: false, model })));
const whole = buildResults(header, null, records);
const text = (r: BatchResults) => serializeResults(r).join('');
/** through the file and back, as `drill merge` reads it */
const reread = (r: BatchResults) => { const x = readResults(text(r)); if (!x.ok) throw new Error(x.message); return x.results; };
const shardsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `s${i + 1}.json`, results: reread(buildResults(header, { index: i + 1, count: n }, records.filter((r) => (r.j - 1) % n === i))) }));

describe('batch results', () => {
  it('the results file reads back to the same bytes', () => {
    expect(text(reread(whole))).toBe(text(whole));
  });

  it('a damaged results file is said to be one, at the line and column where its JSON breaks (a record per line: the run)', () => {
    const lines = text(whole).split('\n');
    const k = lines.findIndex((l) => l.startsWith('{"j":5,'));
    const broken = [...lines.slice(0, k), lines[k].replace('"seed":', '"seed"'), ...lines.slice(k + 1)].join('\n');
    const r = readResults(broken);
    expect(r.ok).toBe(false);
    const col = lines[k].indexOf('"seed":') + '"seed"'.length + 1;
    if (!r.ok) expect(r.message).toMatch(new RegExp(`^the batch results file is damaged: its JSON breaks at line ${k + 1}, column ${col} \\(`));
    const cut = readResults(text(whole).slice(0, -10));
    expect(cut.ok || cut.message).toMatch(/damaged|cut short/);
    // text that is not one at all keeps saying so, with the place
    const other = readResults('{"a": 1,}');
    expect(other.ok || other.message).toMatch(/^not a batch results file: the file is not valid JSON \(.*line 1, column 9\)$/);
  });

  it('property: the merge of the shards i/n, in any order, is byte for byte the whole batch', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (n, salt) => {
      const parts = shardsOf(n);
      const shuffled = parts.map((p, i) => ({ p, key: Math.imul(i + 1, salt | 1) >>> 0 })).sort((a, b) => a.key - b.key).map((x) => x.p);
      const m = mergeResults(shuffled);
      expect(m.ok).toBe(true);
      if (m.ok) expect(text(m.results)).toBe(text(whole));
    }), { numRuns: 30 });
  });

  it('records arriving in any order give the same results (worker count does not show)', () => {
    const reversed = buildResults(header, null, [...records].reverse());
    expect(text(reversed)).toBe(text(whole));
  });

  it('merging a missing shard is refused, naming the missing shards', () => {
    const parts = shardsOf(4);
    const m = mergeResults([parts[0], parts[2]]);
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.message).toMatch(/hold 12 of the batch's 24 runs; missing: 2, 4, 6, 8, 10, \.\.\./);
      expect(m.hint).toBe('missing shards: 2/4, 4/4');
    }
  });

  it('merging a shard twice is refused', () => {
    const parts = shardsOf(2);
    const m = mergeResults([parts[0], parts[1], { ...parts[0], name: 'copy.json' }]);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.message).toMatch(/run 1 is in both s1\.json and copy\.json/);
  });

  it('shards of two splits (1/2 with 2/3) are refused as such, not as a run in both (a helper found that said)', () => {
    const halves = shardsOf(2), thirds = shardsOf(3);
    const m = mergeResults([halves[0], { ...thirds[1], name: 'third.json' }, { ...thirds[2], name: 'last.json' }]);
    expect(m).toMatchObject({ ok: false, message: 's1.json is shard 1/2 and third.json shard 2/3: they split the batch a different number of ways', hint: 'merge the shards of one split, every i/n with the same n; run a missing one with that --shard' });
  });

  it('a whole batch merged with one of its shards is refused as a whole batch, not as a run given twice', () => {
    const parts = shardsOf(2);
    for (const files of [[{ name: 'all.json', results: reread(whole) }, parts[1]], [parts[1], { name: 'all.json', results: reread(whole) }]]) {
      const m = mergeResults(files);
      expect(m).toMatchObject({ ok: false, message: 'all.json is a whole batch (not a shard): it holds the runs of s2.json already', hint: 'merge only shards, the files of drill batch --shard i/n; all.json needs no merging' });
    }
  });

  it('parts of different batches are refused, naming what differs', () => {
    const parts = shardsOf(2);
    const other = { name: 'other.json', results: { ...parts[1].results, seed: 8 } };
    const m = mergeResults([parts[0], other]);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.message).toBe('s1.json and other.json are not parts of the same batch: the master seed differs (7 vs 8)');
  });

  it('shards of a scenario edited between them are refused saying the file changed, with both hashes (same id and title)', () => {
    // a planner who fixes a typo in the scenario between two shards: the ids and titles are the same, and the
    // message showed the same truncated header twice ("{"id":"ky-son...  vs {"id":"ky-son...")
    const parts = shardsOf(2);
    const edited = { name: 's2.json', results: { ...parts[1].results, scenario: { ...parts[1].results.scenario, hash: 'b'.repeat(64) } } };
    const m = mergeResults([parts[0], edited]);
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.message).toBe(`s1.json and s2.json are not parts of the same batch: the scenario file changed between them (the same id 'ky-son-flash-flood' and title, but its content differs: hash ${'h'.slice(0, 12)} vs ${'b'.repeat(12)})`);
      expect(m.hint).toBe('play every shard again on the scenario as it is now (the same command and --shard), then merge');
    }
    const renamed = { name: 's2.json', results: { ...parts[1].results, scenario: { ...parts[1].results.scenario, id: 'ky-son-copy' } } };
    const r = mergeResults([parts[0], renamed]);
    if (!r.ok) expect(r.message).toBe("s1.json and s2.json are not parts of the same batch: they are batches of different scenarios ('ky-son-flash-flood' vs 'ky-son-copy')");
  });

  it('a shard written by an older version (a metric column fewer) is refused naming the column and what to do', () => {
    const parts = shardsOf(2);
    const { decisions_no_change: _gone, ...older } = parts[1].results.metrics;
    const old = { name: 'old.json', results: { ...parts[1].results, metrics: older } };
    for (const [a, b] of [[parts[0], old], [old, parts[0]]]) {
      const m = mergeResults([a, b]);
      expect(m.ok).toBe(false);
      if (!m.ok) {
        expect(m.message).toBe(`${a.name} and ${b.name} are not parts of the same batch: only s1.json has the metric column 'decisions_no_change'`);
        expect(m.hint).toMatch(/different drillsim versions: run the older shard again/);
      }
    }
  });

  it('readResults says what a file is when it is not results', () => {
    expect(readResults('{"format":"drillsim/run@1"}')).toMatchObject({ ok: false, message: 'this is a run log, not batch results' });
    expect(readResults(resultsCsv(whole).join(''))).toMatchObject({ ok: false, message: expect.stringMatching(/CSV export/) });
    // saved again by an editor that drops the byte-order mark: still the CSV, by its first columns
    expect(readResults(resultsCsv(whole).join('').slice(1))).toMatchObject({ ok: false, message: expect.stringMatching(/CSV export/) });
    expect(readResults('{')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(readResults(text(whole).replace('"results":[', '"results_":['))).toMatchObject({ ok: false, message: expect.stringMatching(/no 'results'/) });
  });

  it('the CSV has a BOM, a header and one CRLF row per run', () => {
    const csv = resultsCsv(whole).join('');
    expect(csv.startsWith('\uFEFFscenario,scenario_hash,engine,master_seed,runs_per_value,decisions_hash,run,seed,people_lost,')).toBe(true);
    const rows = csv.slice(1).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(25);
    const head = rows[0].split(',');
    expect(head).toContain('first-on-scene.rating');
    const first = rows[1].split(',');
    expect(first[head.indexOf('run')]).toBe('1');
    expect(Number(first[head.indexOf('seed')])).toBe(records[0].seed);
    expect(first[head.indexOf('people_lost')]).toBe(String(records[0].metrics.people_lost));
  });

  it('every CSV row says which batch it is of, and every value column its unit; csv-parse reads it as numbers', () => {
    const withDecisions = buildResults({ ...header, scenario: { ...header.scenario, hash: '0123456789e1abcdef' }, decisions: { count: 2, players: ['tc-chair'], hash: '123456789012ffff' } }, null, records);
    const rows: Record<string, string>[] = parseCsv(resultsCsv(withDecisions).join(''), { bom: true, columns: true });
    expect(rows).toHaveLength(24);
    for (const row of rows) {
      // hashes stay text in a spreadsheet: 12 hex digits alone may read as a number (0123456789e1 as 1.2e10)
      expect(row).toMatchObject({ scenario: 'ky-son-flash-flood', scenario_hash: 'sha256:0123456789e1', engine: 'test', master_seed: '7', runs_per_value: '24', decisions_hash: 'sha256:123456789012' });
    }
    expect(resultsCsv(whole)[1]).toMatch(/^ky-son-flash-flood,sha256:h,test,7,24,none,1,/);
    const head = Object.keys(rows[0]);
    // an objective's value names its unit: a share (0 to 1), seconds, seconds since T0 (a moment), people
    expect(head).toEqual(expect.arrayContaining(['evac-ta-ca.value_share', 'first-on-scene.value_s', 'support.value_s_since_t0', 'level-1.value_s_since_t0', 'rumour.value_s', 'lives.value_people']));
    expect(head.filter((k) => /\.value$/.test(k))).toEqual([]);
    expect(head.filter((k) => /^unit\./.test(k)).every((k) => k.endsWith('_share'))).toBe(true);
    for (const row of rows) for (const k of ['people_lost', 'mean_dispatch_s', 'lives.value_people']) if (row[k] !== '') expect(Number.isFinite(Number(row[k]))).toBe(true);
  });
});
