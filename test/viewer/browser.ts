/**
 * Headless Chromium for the viewer tests (playwright-core driving Debian's
 * /usr/bin/chromium, never a downloaded browser), and `drill view` started as
 * a user would, on a free port, with its printed address read back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { openRunLog, type RunData } from '../../engine/replay/open.js';
import { ROOT } from '../helpers/cli.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test/artifacts');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One Chromium per test worker, started on first use (test files run one after another in a worker). */
let running: Promise<Browser> | undefined;
async function sharedChromium(): Promise<Browser> {
  const was = await running?.catch(() => undefined);
  if (was?.isConnected()) return was;
  running = chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return running;
}

/**
 * A page's first document on a site starts with nothing saved (the language a page before it chose, say), as in
 * a browser of its own; a reload, a later document of the same page and a window it opens keep what it saved
 * (the page's session storage, which a new page starts without, holds the mark).
 */
const FRESH_STORAGE = `try {
  if (!sessionStorage.getItem('drillsim-test-page')) { localStorage.clear(); sessionStorage.setItem('drillsim-test-page', '1'); }
} catch { /* storage off */ }`;

/**
 * Headless Chromium for a test file: its pages open in one browser context of the file's own (its own cache and
 * cookies, as a new browser's would be; each page starts with nothing saved, see FRESH_STORAGE), and `close`
 * closes them and any context the file made. The browser
 * process itself is the worker's, kept for the files after: starting and ending Chromium, and a context for every
 * page, took a third of the viewer tests' time on the 2-core CI machine.
 */
export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await sharedChromium();
  const contexts: BrowserContext[] = [];
  let own: Promise<BrowserContext> | undefined;
  const newPage = async (options?: { viewport?: { width: number; height: number } }): Promise<Page> => {
    if (options && Object.keys(options).some((k) => k !== 'viewport')) return newContext(options).then((c) => c.newPage());
    if (own === undefined) own = newContext().then(async (c) => { await c.addInitScript(FRESH_STORAGE); return c; });
    const page = await (await own).newPage();
    if (options?.viewport) await page.setViewportSize(options.viewport);
    return page;
  };
  const newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };
  const close = async (): Promise<void> => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  };
  const overrides: Record<string | symbol, unknown> = { newPage, newContext, close };
  return new Proxy(browser, {
    get: (target, key) => (key in overrides ? overrides[key] : Reflect.get(target, key, target)),
  });
}

export interface Served { url: string; proc: ChildProcess; stdout: () => string; stderr: () => string; stop: () => Promise<void> }

/** Start `drill view <files> --port 0` and wait for the address it prints. */
export function serve(files: string[], extra: string[] = []): Promise<Served> {
  const proc = spawn(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'view', ...files, '--port', '0', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { err += d; });
  const stop = () => new Promise<void>((done) => {
    if (proc.exitCode !== null) return done();
    proc.once('exit', () => done());
    proc.kill('SIGTERM');
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); fail(new Error(`drill view printed no address:\n${out}\n${err}`)); }, 20_000);
    proc.stdout!.on('data', () => {
      // the whole banner (drill view writes it at once): a test reading a later line must not race it
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m && out.endsWith('\n')) { clearTimeout(timer); ok({ url: m[0], proc, stdout: () => out, stderr: () => err, stop }); }
    });
    proc.once('exit', (code) => { clearTimeout(timer); fail(new Error(`drill view exited ${code}:\n${out}\n${err}`)); });
  });
}

/**
 * `drill view` servers started on first use, one for each set of files: a page reads every run its server serves,
 * so a page on a server of the one or two runs it shows opens in about half the time of one on a server of nine.
 */
export function servers(): { of: (files: string[]) => Promise<Served>; stop: () => Promise<void> } {
  const started = new Map<string, Promise<Served>>();
  return {
    of: (files) => {
      let s = started.get(files.join('\n'));
      if (s === undefined) started.set(files.join('\n'), s = serve(files));
      return s;
    },
    stop: async () => { await Promise.all([...started.values()].map(async (s) => (await s.catch(() => null))?.stop())); },
  };
}

/**
 * Pages opened once and kept for the tests after that want the same run and language: for tests that only seek
 * and read (a page shows the same at the same times, whatever it showed before). A kept page is brought to the
 * front again (see toFront).
 */
export function keptPages(open: (i: number, lang: 'en' | 'vi') => Promise<Page>): (i: number, lang: 'en' | 'vi') => Promise<Page> {
  const kept = new Map<string, Promise<Page>>();
  return async (i, lang) => {
    let page = kept.get(`${i} ${lang}`);
    if (page === undefined) kept.set(`${i} ${lang}`, page = open(i, lang));
    return toFront(await page);
  };
}

/**
 * A page opened before others, made the tab shown again: Chromium runs a tab behind the others at a few frames a
 * second, and each paintedSeek waits for a frame (61 seeks took 11 s on a page behind, 1.2 s in front).
 */
export async function toFront(page: Page): Promise<Page> {
  await page.bringToFront();
  return page;
}

/** Every request the page makes, so a test can assert that none leaves 127.0.0.1. */
export function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as any).drillViewer?.ready);
  await page.evaluate(() => (window as any).drillViewer.ready);
}

/** A run log read the way the viewer reads it, for tests to compare the page with (throws on a log that does not open). */
export function openRun(file: string): RunData {
  const r = openRunLog(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.message);
  return r.run;
}

/**
 * Chromium and `drill view <files> <extra>` started together, for a test that opens its own pages; `close` ends
 * both. Should one fail to start, the other is ended before the error is thrown (no browser or server left behind).
 */
export interface BrowserAndServer { browser: Browser; server: Served; close: () => Promise<void> }
export async function browserAndServer(files: string[], extra: string[] = []): Promise<BrowserAndServer> {
  const [b, s] = await Promise.allSettled([launch(), serve(files, extra)]);
  if (b.status === 'rejected' || s.status === 'rejected') {
    if (b.status === 'fulfilled') await b.value.close();
    if (s.status === 'fulfilled') await s.value.stop();
    throw b.status === 'rejected' ? b.reason : (s as PromiseRejectedResult).reason;
  }
  const browser = b.value, server = s.value;
  return { browser, server, close: async () => { await browser.close(); await server.stop(); } };
}

/**
 * Chromium and `drill view` on these files, with one page opened on the viewer (`beforeOpen`: listeners to add
 * first; `hash`: added to the address, as '#run=0&cmp=1').
 */
export interface ViewerSession extends BrowserAndServer { page: Page }
export async function viewerSession(files: string[], beforeOpen?: (page: Page) => void | Promise<void>, hash = ''): Promise<ViewerSession> {
  const started = await browserAndServer(files);
  try {
    const page = await started.browser.newPage({ viewport: { width: 1440, height: 950 } });
    await beforeOpen?.(page);
    await openViewer(page, started.server.url + hash);
    return { ...started, page };
  } catch (e) {
    await started.close();
    throw e;
  }
}

/**
 * Seek to each time in turn (each until its frame is drawn) and run `look`
 * (the source of a function that reads the page) at each: in one round trip.
 */
export function lookAtEach<T>(page: Page, times: number[], look: string): Promise<T[]> {
  return page.evaluate(`(async () => {
    const v = window.drillViewer, out = [];
    for (const t of ${JSON.stringify(times)}) { await v.paintedSeek(t); out.push((${look})()); }
    return out;
  })()`) as Promise<T[]>;
}

/** n + 1 times spread over a run, T0 and its end included. */
export const spread = (until: number, n: number): number[] => Array.from({ length: n + 1 }, (_, k) => Math.round((until * k) / n));

/** A new 1440 x 900 page on the viewer served by `server`, showing its run number i (as served) in this language; `hash` adds to the address (`&t=7200`). */
export async function openServedRun(browser: Browser, server: Served, i: number, lang: 'en' | 'vi', hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await openViewer(page, `${server.url}#run=${i}&lang=${lang}${hash}`);
  await page.waitForFunction((n) => (window as any).drillViewer.app.a?.served === n, i);
  return page;
}
