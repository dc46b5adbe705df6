#!/usr/bin/env node
// `prepare`: npm runs it on `npm install` and `npm ci` (not before `npx drill`: that runs dist/ as it is). Build only when
// there is no build or a source is newer than it: an up-to-date checkout starts drill at once.
import { spawnSync } from 'node:child_process';
import { buildState } from './stale.mjs';

const state = buildState();
if (state !== 'fresh') {
  if (state === 'stale') console.error('drillsim: the sources changed since the last build; building again');
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
