#!/usr/bin/env node
// `npm run bench`: the engine on the reference model beside the SimPy peer and
// the plain-JS floor, measured in one run on this machine, printed as ratios.
// Speed targets live here, not in timed tests: machines are noisy, ratios are not.
// Each row runs in processes of its own, the peers' as the engine's; an engine row
// is timed as the first run in its process (as `drill run`), warm, after one
// untimed run (as a batch's second), or settled, after three (as a batch's runs
// once its process has settled; metrics only).
//
//   node bench/run.mjs [--n=100000] [--processes=3] [--skip-simpy] [--skip-viewer] [--skip-batch] [--skip-stepper] [--skip-start] [--only=floor,simpy,engine,log,viewer,stepper,start,batch]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../dist/engine/scenario/parse.js';
import { runScenario } from '../dist/engine/sim/run.js';
import { nodeSha256 } from '../dist/engine/cli/sha256.js';
import { referenceScenario } from './reference.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true]; }));
const N = Number(args.n ?? 100_000);
const PYTHON = '/usr/bin/python3';

function loadReference(n) {
  const r = parseScenario(JSON.stringify(referenceScenario(n)), 'reference.json');
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

// the full log is hashed with node:crypto's SHA-256, as `drill run` does; 'pure' uses the engine's own (what a browser runs).
// `warm`: the run is timed after that many untimed runs in the same process: 1 as a batch's second run, 3 as its
// runs once the process has settled (on this kind of VM the second run can still be up to 1.8x slower than those).
function engine(mode, hasher = 'native', warm = 0) {
  const scenario = loadReference(N);
  for (let i = 0; i < warm; i++) runScenario(scenario, { seed: 41 - i, mode, keepIncidents: false, sha256: hasher === 'native' ? nodeSha256 : undefined });
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  const { summary, log } = runScenario(scenario, { seed: 42, mode, keepIncidents: false, sha256: hasher === 'native' ? nodeSha256 : undefined });
  const t1 = process.hrtime.bigint();
  const secs = Number(t1 - t0) / 1e9;
  const mem = process.memoryUsage();
  return {
    name: (mode === 'metrics' ? 'drillsim, metrics only' : hasher === 'native' ? 'drillsim, full log + hash chain' : '  same, pure-JS SHA-256') + (warm > 1 ? ', settled' : warm ? ', warm' : ''),
    completed: summary.incidents.contained,
    seconds: secs,
    perSec: summary.incidents.contained / secs,
    meanWaitMin: summary.response.mean_dispatch_s / 60,
    meanRespMin: summary.response.mean_first_on_scene_s / 60,
    seWaitMin: summary.response.se_dispatch_s / 60,
    seRespMin: summary.response.se_first_on_scene_s / 60,
    events: log ? log.events.length : undefined,
    hash: log?.hash,
    heapMiB: mem.heapUsed / 2 ** 20,
    rssMiB: mem.rss / 2 ** 20,
  };
}

function external(name, cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return { name, error: (r.stderr || r.error?.message || 'failed').trim().split('\n').pop() };
  const o = JSON.parse(r.stdout.trim().split('\n').pop());
  return { name, completed: o.completed, seconds: o.loopSeconds, perSec: o.completed / o.loopSeconds, meanWaitMin: o.meanWait, meanRespMin: o.meanResp };
}

// a child process for one engine row (see engineRow)
if (args['engine-row']) {
  process.stdout.write(JSON.stringify(engine(String(args.mode), String(args.hasher), Number(args.warm ?? 0))) + '\n');
  process.exit(0);
}

const want = (k) => !args.only || String(args.only).split(',').includes(k);
console.log(`reference model: ${N.toLocaleString('en')} incidents, 50 units, λ = 1.1/min (bench/peers/REFERENCE.md)\n`);
// Every row, the peers' too, in processes of its own: one row's warm-up does not carry into the next.
// The same run is up to 1.6x slower in one process than in the next on this kind of VM (the whole
// process, not one function: it can switch mid-process), so each row is the median of PROCESSES
// processes, with the slowest and fastest beside it, and the rows take turns (round after round of
// one process each) so that a slow spell of the machine falls on all of them alike.
const PROCESSES = Number(args.processes ?? 3);
const engineProcess = (mode, hasher, warm) => () => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--engine-row', `--n=${N}`, `--mode=${mode}`, `--hasher=${hasher}`, `--warm=${warm}`], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) return { name: `drillsim ${mode}${warm > 1 ? ', settled' : warm ? ', warm' : ''}`, error: (r.stderr || 'failed').trim().split('\n').pop() };
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const kinds = [];
if (want('floor')) kinds.push(() => external('plain-JS floor', process.execPath, ['bench/peers/floor_plain.mjs', `--n=${N}`, '--rng=alea']));
if (want('simpy') && !args['skip-simpy']) {
  kinds.push(existsSync(PYTHON) ? () => external('SimPy 3 peer', PYTHON, ['bench/peers/peer_simpy.py', `--n=${N}`]) : () => ({ name: 'SimPy 3 peer', error: `${PYTHON} not found` }));
}
if (want('engine')) kinds.push(engineProcess('metrics', 'native', 0), engineProcess('metrics', 'native', 1), engineProcess('metrics', 'native', 3));
if (want('log')) kinds.push(engineProcess('full', 'native', 0), engineProcess('full', 'native', 1), engineProcess('full', 'pure', 0));
const runsOf = kinds.map(() => []);
for (let round = 0; round < PROCESSES; round++) {
  kinds.forEach((k, i) => {
    if (runsOf[i].some((r) => r.error)) return;
    runsOf[i].push(k());
  });
}
const rows = runsOf.map((runs) => {
  const failed = runs.find((r) => r.error);
  if (failed) return failed;
  runs.sort((a, b) => a.perSec - b.perSec);
  return { ...runs[Math.floor((runs.length - 1) / 2)], slowest: runs[0].perSec, fastest: runs[runs.length - 1].perSec, processes: runs.length };
});

const fmt = (v, d = 0) => (v === undefined || Number.isNaN(v) ? '-' : v.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }));
console.log(`${'program'.padEnd(38)} incidents   loop s   incidents/s   mean wait min   mean resp min   each row: median of ${PROCESSES} processes, taking turns (slowest-fastest)`);
for (const r of rows) {
  if (r.error) { console.log(`${r.name.padEnd(38)} ERROR: ${r.error}`); continue; }
  const spread = r.processes > 1 ? `   (${fmt(r.slowest)}-${fmt(r.fastest)})` : '';
  console.log(`${r.name.padEnd(38)} ${fmt(r.completed).padStart(9)} ${fmt(r.seconds, 2).padStart(8)} ${fmt(r.perSec).padStart(13)} ${fmt(r.meanWaitMin, 3).padStart(15)} ${fmt(r.meanRespMin, 3).padStart(15)}${spread}`);
}

const by = (name) => rows.find((r) => r.name === name && !r.error);
const floor = by('plain-JS floor'), simpy = by('SimPy 3 peer'), fast = by('drillsim, metrics only'), full = by('drillsim, full log + hash chain'), pure = by('  same, pure-JS SHA-256');
const fastWarm = by('drillsim, metrics only, warm'), fastSettled = by('drillsim, metrics only, settled'), fullWarm = by('drillsim, full log + hash chain, warm');
console.log('\nratios (same run, same machine; "first run": the run is the first in its process, as `drill run`; "warm": after one run, as a batch\'s second;\n"settled": after three, as a batch\'s runs once its process has settled)');
const ratio = (label, a, b, target, higherIsBetter = true) => {
  if (!a || !b) return;
  const v = a.perSec / b.perSec;
  const ok = target === undefined ? '' : (higherIsBetter ? v >= target : v <= target) ? `  meets target ${higherIsBetter ? '>=' : '<='} ${target}` : `  MISSES target ${higherIsBetter ? '>=' : '<='} ${target}`;
  console.log(`  ${label.padEnd(44)} ${v.toFixed(2)}x${ok}`);
};
ratio('metrics-only, warm / SimPy', fastWarm, simpy, 5);
ratio('metrics-only, warm / plain-JS floor', fastWarm, floor, 1 / 2.5);
ratio('metrics-only, settled / SimPy', fastSettled, simpy, 5);
ratio('metrics-only, settled / plain-JS floor', fastSettled, floor, 1 / 2.5);
ratio('metrics-only, first run / SimPy', fast, simpy, 5);
ratio('metrics-only, first run / plain-JS floor', fast, floor, 1 / 2.5);
ratio('full log, warm / SimPy', fullWarm, simpy, 2);
ratio('full log, first run / SimPy', full, simpy, 2);
ratio('full log, pure-JS SHA-256 / SimPy', pure, simpy);
ratio('full log / plain-JS floor', full, floor);

if (full && pure) console.log(`\nfull log hash ${full.hash.slice(0, 16)}: node:crypto and the pure-JS SHA-256 ${full.hash === pure.hash ? 'agree' : `DISAGREE (pure: ${pure.hash.slice(0, 16)})`}`);

if (fast && floor) {
  console.log('\nagreement with the floor (the same model must give the same answers)');
  for (const [label, e, f, se] of [['mean wait', fast.meanWaitMin, floor.meanWaitMin, fast.seWaitMin], ['mean response', fast.meanRespMin, floor.meanRespMin, fast.seRespMin]]) {
    // queueing makes successive waits correlated, so allow 4 standard errors and at least 3 %
    const tol = Math.max(4 * Math.SQRT2 * se, 0.03 * Math.abs(f));
    const ok = Math.abs(e - f) <= tol;
    console.log(`  ${label.padEnd(14)} engine ${e.toFixed(3)} min, floor ${f.toFixed(3)} min, difference ${(e - f).toFixed(3)} (tolerance ${tol.toFixed(3)}): ${ok ? 'agree' : 'DISAGREE'}`);
  }
}
if (fast) console.log(`\nengine memory at the end: heap ${fmt(fast.heapMiB)} MiB, rss ${fmt(fast.rssMiB)} MiB`);

// the replay viewer: open and seek times on a generated 100,000-event log (bench/viewer.mjs)
if (want('viewer') && !args['skip-viewer']) {
  const { viewerBench } = await import('./viewer.mjs');
  await viewerBench({ 'skip-browser': args['skip-browser'] });
}

// how the machines are stepped: the compiled stepper against xstate's own transition functions (bench/stepper.mjs)
if (want('stepper') && !args['skip-stepper']) {
  console.log('');
  spawnSync(process.execPath, ['bench/stepper.mjs'], { stdio: 'inherit' });
}

// the command's start: drill --help and drill validate beside node alone (bench/start.mjs)
if (want('start') && !args['skip-start']) {
  console.log('');
  spawnSync(process.execPath, ['bench/start.mjs'], { stdio: 'inherit' });
}

// drill batch: 1 worker against 2, and memory per worker for twice the runs (bench/batch.mjs)
if (want('batch') && !args['skip-batch']) {
  console.log('');
  const r = spawnSync(process.execPath, ['bench/batch.mjs', `--runs=${args['batch-runs'] ?? 8000}`, '--rounds=1'], { stdio: 'inherit' });
  if (r.status !== 0) console.log('batch bench: failed');
}
