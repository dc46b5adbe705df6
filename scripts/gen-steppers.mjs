#!/usr/bin/env node
// Writes engine/machines/generated/<machine>.ts: each hot machine's `advance` as straight-line code (see
// engine/machines/codegen.ts). Run after changing a machine: `npm run gen:steppers` (builds, writes, builds again:
// the command runs the build, whose compiled steppers were made before this wrote them).
// `--check` writes nothing and fails when a file is not what the machine gives now.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedModule } from '../dist/engine/machines/codegen.js';
import { GENERATED_MACHINES } from '../dist/engine/machines/generated-list.js';
import { compileMachine } from '../dist/engine/machines/stepper.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const { name, machine, source } of GENERATED_MACHINES) {
  // the generator checks only what it writes code for: compileMachine refuses, by name, any machine outside the subset
  compileMachine(machine);
  const file = fileURLToPath(new URL(`../engine/machines/generated/${name}.ts`, import.meta.url));
  const text = generatedModule(machine, name, source);
  let old = '';
  try { old = readFileSync(file, 'utf8'); } catch { /* new */ }
  if (old === text) continue;
  if (check) { console.error(`engine/machines/generated/${name}.ts is out of date: run npm run gen:steppers`); stale++; continue; }
  writeFileSync(file, text);
  console.log(`wrote engine/machines/generated/${name}.ts`);
}
process.exit(stale ? 1 : 0);
