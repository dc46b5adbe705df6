#!/usr/bin/env node
// `drill batch` throughput and memory: the same batch on 1 and on 2 worker
// threads (target: 2 workers >= 1.7 x the runs per second of 1), the peak
// heap of each worker, and that peak for twice the runs (it must stay flat:
// workers keep nothing from a run but its small record). Wall-clock times
// include starting the workers, as a user of `drill batch` sees them.
// Also checks that both give the same results, to the byte.
//
//   node bench/batch.mjs [--runs=2000] [--scenario=scenarios/ky-son-flash-flood.yaml]
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseScenario } from '../dist/engine/scenario/parse.js';
import { batchHeader, buildResults, serializeResults } from '../dist/engine/batch/results.js';
import { batchJobs } from '../dist/engine/batch/seeds.js';
import { runPool } from '../dist/engine/cli/batch-pool.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true]; }));
const RUNS = Number(args.runs ?? 2000);
const FILE = String(args.scenario ?? 'scenarios/ky-son-flash-flood.yaml');
const SEED = 2024;

const parsed = parseScenario(readFileSync(FILE, 'utf8'), FILE);
if (!parsed.ok) throw new Error(`${FILE} does not load`);
const scenario = parsed.scenario;
const init = { scenarios: [scenario], labels: [null], decisions: [], players: [] };
const header = batchHeader({ engine: 'bench', scenario, scenarioHash: '-', seed: SEED, runs: RUNS, decisions: null, vary: null });

async function batch(workers, runs) {
  const jobs = batchJobs(SEED, runs, 1, null);
  const { records, stats } = await runPool(init, jobs, workers);
  return { ...stats, perSec: stats.runs / stats.seconds, text: runs === RUNS ? serializeResults(buildResults(header, null, records)).join('') : null };
}

const MiB = (b) => (b / 2 ** 20).toFixed(1);
const heaps = (s) => s.peak_heap_bytes.map(MiB).join(', ');
console.log(`drill batch: ${RUNS} runs of ${scenario.id} (metrics only), ${availableParallelism()} cores\n`);
console.log('workers   runs   seconds   runs/s   peak heap per worker, MiB   process peak RSS, MiB');
const row = (s) => console.log(`${String(s.workers).padStart(7)} ${String(s.runs).padStart(6)} ${s.seconds.toFixed(2).padStart(9)} ${s.perSec.toFixed(0).padStart(8)}   ${heaps(s).padEnd(26)}  ${MiB(s.max_rss_bytes)}`);
const one = await batch(1, RUNS); row(one);
const two = await batch(2, RUNS); row(two);
const twoDouble = await batch(2, 2 * RUNS); row(twoDouble);

const ratio = two.perSec / one.perSec;
console.log(`\n  ${'2 workers / 1 worker, runs per second'.padEnd(46)} ${ratio.toFixed(2)}x  ${ratio >= 1.7 ? 'meets' : 'MISSES'} target >= 1.7`);
const peakN = Math.max(...two.peak_heap_bytes), peak2N = Math.max(...twoDouble.peak_heap_bytes);
const growth = peak2N / peakN;
console.log(`  ${`peak heap per worker, ${2 * RUNS} runs / ${RUNS} runs`.padEnd(46)} ${growth.toFixed(2)}x  ${growth <= 1.25 ? 'flat (meets target <= 1.25)' : 'GROWS (misses target <= 1.25)'}`);
console.log(`  ${'results on 1 and on 2 workers'.padEnd(46)} ${one.text === two.text ? 'identical' : 'DIFFER'}`);
if (one.text !== two.text) process.exitCode = 1;
