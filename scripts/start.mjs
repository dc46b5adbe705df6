#!/usr/bin/env node
// `npm start`: build, run the default scenario, then open the viewer on it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const scenario = process.env.DRILL_SCENARIO ?? 'scenarios/ky-son-flash-flood.yaml';
const out = 'runs/default.json';
const step = (args) => {
  const r = spawnSync(process.execPath, ['bin/drill.mjs', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
/** The newest modification time of the files under these paths. */
function newest(paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) t = Math.max(t, newest(readdirSync(p).map((f) => join(p, f))));
    else t = Math.max(t, st.mtimeMs);
  }
  return t;
}
// build when there is no build, or when a source changed since it was made (a pull, an edit): never run a stale one
const built = ['dist/engine/cli/main.js', 'dist/engine/cli-bundle/main.js', 'dist/viewer/index.html'];
const builtAt = built.every(existsSync) ? Math.min(...built.map((f) => statSync(f).mtimeMs)) : 0;
if (newest(['engine', 'viewer', 'scripts/bundle-cli.mjs', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts']) > builtAt) {
  if (builtAt > 0) console.log('drillsim: the sources changed since the last build; building again');
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
mkdirSync('runs', { recursive: true });
step(['run', scenario, '--out', out]);
// `drill view` prints the address and serves until Ctrl+C; --open also starts a browser when there is a display
if (existsSync('dist/viewer/index.html')) step(['view', out, '--open']);
else console.log(`\nThe run log is in ${out}. (The viewer is not built yet.)`);
