#!/usr/bin/env node
// The `drill` command. The engine is TypeScript, compiled to dist/ by `npm install` (prepare) and `npm test`,
// and the command bundled from it (scripts/bundle-cli.mjs: it starts in half the time).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/engine/cli-bundle/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('drill: the engine is not built yet; run `npm install` (or `npm run build`) in the drillsim folder\n');
  process.exit(2);
}
// Output piped into a reader that stops early (`drill schema | head`): the reader closing the pipe is
// normal in a shell pipeline, not a failure. Stop quietly (status 0, as when the reader got all it
// wanted) instead of dying on Node's unhandled 'error' event with a stack trace. Any other write
// error (a full disk behind `> file`) is one plain line and status 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e?.code === 'EPIPE') process.exit(0);
    try { process.stderr.write(`drill: cannot write the output: ${e?.message ?? e}\n`); } catch { /* stderr is gone too */ }
    process.exit(1);
  });
}

// zod compiles a fast path for each schema the first time it parses with it: a command parses a scenario
// or a log once, so that compiling costs more than it saves (5-10 % of `drill validate`'s time). zod reads
// this global as it loads.
(globalThis.__zod_globalConfig ??= {}).jitless = true;
// the bundle is minified (it starts sooner); a stack asked for names the source files and lines
if (process.env.DRILL_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import(entry.href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // a bug in drillsim, not a mistake in the user's input: say so plainly
  process.stderr.write(`drill: internal error: ${e?.message ?? e}\nThis is a bug in drillsim; please report it with the command you ran.\n`);
  if (process.env.DRILL_DEBUG) process.stderr.write(`${e?.stack}\n`);
  process.exitCode = 70;
}
