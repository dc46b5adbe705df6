#!/usr/bin/env node
// `npm start`: build, run the default scenario, then open the viewer on it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { buildState } from './stale.mjs';

const scenario = process.env.DRILL_SCENARIO ?? 'scenarios/ky-son-flash-flood.yaml';
const out = 'runs/default.json';
const step = (args) => {
  const r = spawnSync(process.execPath, ['bin/drill.mjs', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// build when there is no build, or when a source changed since it was made (a pull, an edit): never run a stale one
const state = buildState();
if (state !== 'fresh') {
  if (state === 'stale') console.log('drillsim: the sources changed since the last build; building again');
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
mkdirSync('runs', { recursive: true });
step(['run', scenario, '--out', out]);
// `drill view` prints the address and serves until Ctrl+C; --open also starts a browser when there is a display
if (existsSync('dist/viewer/index.html')) step(['view', out, '--open']);
else console.log(`\nThe run log is in ${out}. (The viewer is not built yet.)`);
