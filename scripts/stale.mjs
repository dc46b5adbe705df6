// Is the build older than the sources? Shared by `npm start` and `npm run prepare` (which npm runs on install;
// `npx drill` does not run it): a build that is up to date is not made again, and npm start never runs a stale one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

const BUILT = ['dist/engine/cli/main.js', 'dist/engine/cli-bundle/main.js', 'dist/viewer/index.html'];
const SOURCES = ['engine', 'viewer', 'scripts/bundle-cli.mjs', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];

/** 'none' (never built), 'stale' (a source changed since: a pull, an edit) or 'fresh'. */
export function buildState() {
  const builtAt = BUILT.every(existsSync) ? Math.min(...BUILT.map((f) => statSync(f).mtimeMs)) : 0;
  if (builtAt === 0) return 'none';
  return newest(SOURCES) > builtAt ? 'stale' : 'fresh';
}
