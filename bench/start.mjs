#!/usr/bin/env node
// How long `drill` takes to start and answer (no target: a figure to keep from creeping up): the median of
// several `drill validate scenarios/minimal.yaml` and `drill --help`, beside a bare `node -e 0` on the same
// machine in the same round (what no command can beat).
//
//   node bench/start.mjs [--rounds=7]
import { spawnSync } from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true]; }));
const ROUNDS = Number(args.rounds ?? 7);
const cases = [
  ['node -e 0 (the floor)', ['-e', '0']],
  ['drill --help', ['bin/drill.mjs', '--help']],
  ['drill validate minimal.yaml', ['bin/drill.mjs', 'validate', 'scenarios/minimal.yaml']],
];
const times = cases.map(() => []);
// interleaved, so that a busy moment of the machine falls on every case alike
for (let r = 0; r < ROUNDS; r++) {
  cases.forEach(([, argv], i) => {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`${argv.join(' ')} failed: ${p.stderr}`);
    times[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`the command's start (median of ${ROUNDS}, ms)`);
const floor = median(times[0]);
cases.forEach(([label], i) => {
  const m = median(times[i]);
  console.log(`  ${label.padEnd(30)} ${m.toFixed(0).padStart(5)} ms${i > 0 ? `   (${(m - floor).toFixed(0)} ms more than node alone)` : ''}`);
});
