import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir } from '../helpers/cli.js';

/** GET a path of the server: status and body bytes. */
function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((ok, fail) => {
    httpGet(url, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(parts) }));
    }).on('error', fail);
  });
}

// A page open in the browser while `npm run build` runs again (a pull, `npm start` in another terminal) asks for
// scripts of the build it was served with, which the new build has deleted: it must still get them.
describe('drill view while the viewer is built again', () => {
  // a copy of the built command and viewer: the test deletes the viewer's scripts, as a new build does
  const copy = tempDir('drillsim-view-rebuilt-');
  const run = join(copy, 'a.json');
  let proc: ReturnType<typeof spawn> | undefined;
  let url = '';

  beforeAll(async () => {
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist/engine/cli-bundle'), join(copy, 'dist/engine/cli-bundle'), { recursive: true });
    cpSync(join(ROOT, 'dist/viewer'), join(copy, 'dist/viewer'), { recursive: true });
    writeFileSync(join(copy, 'package.json'), '{ "type": "module" }\n');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', run, '--quiet']).code).toBe(0);
    proc = spawn(process.execPath, [join(copy, 'bin/drill.mjs'), 'view', run, '--port', '0'], { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    url = await new Promise<string>((ok, fail) => {
      proc!.stdout!.on('data', (d) => { out += d; const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out); if (m) ok(m[0]); });
      proc!.once('exit', (code) => fail(new Error(`drill view exited ${code}`)));
    });
  });
  afterAll(() => { proc?.kill('SIGTERM'); });

  it('serves the page and every script of the build it started with, after that build is gone', async () => {
    const page = (await get(url)).body.toString('utf8');
    const scripts = [...page.matchAll(/(?:src|href)="\.?\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const before = new Map(scripts.map((s) => [s, readFileSync(join(copy, 'dist/viewer', s))]));
    rmSync(join(copy, 'dist/viewer'), { recursive: true, force: true });
    expect((await get(url)).body.toString('utf8')).toBe(page);
    for (const s of scripts) {
      const r = await get(url + s);
      expect(r.status, s).toBe(200);
      expect(r.body.equals(before.get(s)!), s).toBe(true);
    }
    // the run log itself is still read at each request
    expect((await get(url + 'runs/0.json')).body.equals(readFileSync(run))).toBe(true);
  });
});
