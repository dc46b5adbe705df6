/**
 * A copy of dist/viewer on a plain web server (an intranet server, `python3 -m http.server`): each page asks
 * for the list `drill view` answers (runs/index.json, play/index.json), and a plain server had no such file.
 * The 404 was harmless (the page offers its file button) but an error in the browser's console on every
 * opening. The build ships both lists, saying none, as `drill view` does when given none.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { ARTIFACTS, launch } from './browser.js';

const DIR = join(ROOT, 'dist/viewer');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2' };

let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  // files as they are on disk, 404 for anything else: what any static server does
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(DIR, path.endsWith('/') ? path + 'index.html' : path);
    if (path.includes('..') || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end('not found\n'); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('a copy of the built viewer on a plain web server', () => {
  for (const name of ['index.html', 'play.html']) {
    it(`${name} opens ready for a file, with no error in the console`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const failed: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') failed.push(m.text()); });
      page.on('pageerror', (e) => failed.push(e.message));
      page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`); });
      // every request the page makes on opening answered (none for half a second)
      await page.goto(`${url}${name}#lang=en`, { waitUntil: 'networkidle' });
      await page.waitForSelector('#empty:not([hidden])');
      await page.screenshot({ path: join(ARTIFACTS, `static-copy-${name}.png`) });
      expect(failed).toEqual([]);
      await page.close();
    });
  }
});
