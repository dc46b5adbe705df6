/**
 * The same run must hash the same in Node and in a browser: the engine is
 * bundled by Vite (as the viewer bundles it), run in headless Chromium, and
 * its log hashes compared with Node's for library scenarios and the
 * reference model (which samples thousands of exponentials and logs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { parseScenario } from '../../engine/scenario/parse.js';
import { runScenario } from '../../engine/sim/run.js';
// @ts-expect-error: a plain JS bench module, no types
import { referenceScenario } from '../../bench/reference.mjs';
import { launchChromium } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';

const cases = [
  ...['ky-son-flash-flood', 'typhoon-landfall-coast', 'cua-lo-high-rise-fire'].map((name, i) => ({ name, text: readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'), seed: 11 + i })),
  { name: 'reference-model', text: JSON.stringify(referenceScenario(3000)), seed: 42 },
];

describe('determinism across runtimes', () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drillsim-determinism-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./main.ts"></script>');
    writeFileSync(join(dir, 'main.ts'), `import '${join(ROOT, 'test/browser/determinism-page.ts')}';\n`);
    await build({ root: dir, base: './', logLevel: 'silent', build: { outDir: join(dir, 'out'), emptyOutDir: true, minify: false } });
    writeFileSync(join(dir, 'out', 'cases.json'), JSON.stringify(cases));
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      try {
        const body = readFileSync(join(dir, 'out', path === '/' ? 'index.html' : path.replace(/^\/+/, '').replace(/\.\.+/g, '')));
        res.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/html' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  }, 120_000);

  afterAll(() => new Promise<void>((ok) => (server ? server.close(() => ok()) : ok())));

  it('Chromium computes the same log hashes as Node', async () => {
    const node: Record<string, string> = {};
    for (const c of cases) {
      const r = parseScenario(c.text, c.name);
      if (!r.ok) throw new Error(c.name);
      node[`${c.name}#${c.seed}`] = runScenario(r.scenario, { seed: c.seed }).log!.hash;
    }
    const { context, close } = await launchChromium();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      const browser = await page.evaluate(() => window.drillsimHashes!);
      expect(errors).toEqual([]);
      expect(browser).toEqual(node);
    } finally {
      await close();
    }
  }, 180_000);
});
