/**
 * `drill view`: serve the replay viewer and the run logs it was given, on
 * 127.0.0.1 only. The server knows a fixed list of paths (the built viewer's
 * files, /runs/<n>.json for each run given, and with `--play` the scenario at
 * /play/scenario.yaml for the play page) and answers 404 to anything else;
 * paths with `..` (plain or encoded) are refused outright. Nothing is read
 * from the request but its method and path.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFile, readFileSync, readSync, statSync, createReadStream } from 'node:fs';
import { gzip } from 'node:zlib';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intOption, OptionError, parse } from './args.js';
import { cutShort, glanceRunLog, readRunLog } from '../sim/run.js';
import { InputError, isUtf16, missingFile, readText, UTF16_HINT } from './io.js';
import { langOption } from './lang.js';
import { loadScenario, ReportedError } from './load.js';
import { say } from './messages.js';
import { sayCliProblem } from '../play/cli-problems.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';

const HOST = '127.0.0.1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where the play page finds the scenario `--play` names: always this path, whatever the file's name on disk. */
export const PLAY_SCENARIO = 'play/scenario.yaml';
/** The play page (viewer/play.html, built beside index.html). */
export const PLAY_PAGE = 'play.html';

/** The built viewer: dist/viewer beside dist/engine. */
export function viewerDir(): string {
  return fileURLToPath(new URL('../../viewer/', import.meta.url));
}

/**
 * The built viewer's files, read whole when the server starts (about 2 MB): a page served by it gets the scripts
 * of the build it was served with, even after `npm run build` (a pull, `npm start` in another terminal) has
 * replaced them with files of other names while the server runs. Read on request, the page got its first script
 * and then 'gone' for the rest, and stayed blank.
 */
function readBuilt(dir: string, prefix = '/'): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) for (const [k, v] of readBuilt(abs, `${prefix}${name}/`)) out.set(k, v);
    else out.set(prefix + name, readFileSync(abs));
  }
  return out;
}

/** Bytes read from each end of a run log to check it (a log bigger than this is not read whole at start). */
const GLANCE_BYTES = 64 * 1024;

/**
 * Is a file given to `drill view` clearly not a run log? Says why (an InputError naming the file), or null.
 * A small file is read and checked whole; a big one only at its two ends (its first and last bytes), so that
 * starting stays quick however big the logs: the page checks the rest as it reads them. A big file whose ends
 * do not tell (a log laid out other than as `drill run` writes it) is read whole.
 */
export function refuseNonLog(file: string): InputError | null {
  const e = refusal(file);
  // a scenario given where a run log goes: it may have been meant for the play page
  if (e?.message === 'this is a scenario, not a run log') return new InputError(file, e.message, `${e.hint}; or play it in the browser: drill view --play ${file}`);
  return e;
}

function refusal(file: string): InputError | null {
  let st;
  try {
    st = statSync(file);
  } catch {
    return missingFile(file);
  }
  if (st.isDirectory()) return new InputError(file, 'is a directory, not a run log', 'give the run log file (written by `drill run --out`)');
  const whole = (): InputError | null => {
    try {
      const r = readRunLog(readText(file));
      return r.ok ? null : new InputError(file, r.message, r.hint);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
  };
  if (st.size <= GLANCE_BYTES) return whole();
  const head = Buffer.alloc(GLANCE_BYTES), tail = Buffer.alloc(1024);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return new InputError(file, (e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : `cannot read: ${(e as Error).message}`, 'check the file permissions');
  }
  try {
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tail, 0, tail.length, st.size - tail.length);
  } finally {
    closeSync(fd);
  }
  if (isUtf16(head)) return new InputError(file, 'this file is UTF-16 text, not UTF-8', UTF16_HINT);
  if (head.includes(0)) return new InputError(file, 'this is a binary file, not a run log', 'give a file written by `drill run --out`');
  const glance = glanceRunLog(head.toString('utf8'), tail.toString('utf8'));
  if (glance === 'run log') return null;
  if (glance === 'unsure') return whole();
  if (glance === 'cut short') {
    // the line it breaks off at, as verify and report say it: counted in chunks, the log is not read whole
    const line = endLine(file, tail);
    if (line === null) return whole();
    const { message, hint } = cutShort(line);
    return new InputError(file, message, hint);
  }
  return new InputError(file, glance.message, glance.hint);
}

/**
 * The line a file's text ends at, blank lines at its end left out (as `readRunLog` counts it); null when its
 * last `tail` bytes are all blank (read it whole to tell) or it cannot be read.
 */
function endLine(file: string, tail: Buffer): number | null {
  let blank = tail.length;
  while (blank > 0 && ' \t\r\n'.includes(String.fromCharCode(tail[blank - 1]))) blank--;
  if (blank === 0) return null;
  let trailingNewlines = 0;
  for (let i = blank; i < tail.length; i++) if (tail[i] === 0x0a) trailingNewlines++;
  const chunk = Buffer.alloc(1 << 20);
  let newlines = 0, fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    for (let pos = 0, n; (n = readSync(fd, chunk, 0, chunk.length, pos)) > 0; pos += n) {
      for (let i = chunk.indexOf(0x0a); i !== -1 && i < n; i = chunk.indexOf(0x0a, i + 1)) newlines++;
    }
  } finally {
    closeSync(fd);
  }
  return newlines - trailingNewlines + 1;
}

export interface ServedRun { url: string; name: string; bytes: number; file: string }

/**
 * The routes: exact URL path -> the viewer's own file (its bytes, read at start: readBuilt) or a file given (its
 * path on disk, read at each request); nothing else is served. `playFile`: the scenario of `--play`, at
 * /play/scenario.yaml.
 */
export function routes(viewer: string, runFiles: string[], playFile?: string): { files: Map<string, string | Buffer>; runs: ServedRun[] } {
  const files: Map<string, string | Buffer> = readBuilt(viewer);
  const runs = runFiles.map((f, i) => ({ url: `runs/${i}.json`, name: basename(f), bytes: statSync(f).size, file: resolve(f) }));
  for (const r of runs) files.set('/' + r.url, r.file);
  if (playFile !== undefined) files.set('/' + PLAY_SCENARIO, resolve(playFile));
  return { files, runs };
}

/** What the play page reads first (/play/index.json): where the scenario is and its file's name (for the issues' file:line:col), or none. */
export function playIndex(playFile?: string): string {
  return JSON.stringify({ scenario: playFile === undefined ? null : { url: PLAY_SCENARIO, name: basename(playFile) } });
}

/** Is a request path one we refuse to even look up (traversal, encoded or not)? */
export function refusedPath(rawPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  for (const p of [rawPath, decoded]) {
    if (p.includes('\0') || p.includes('\\')) return true;
    if (p.split('/').some((seg) => seg === '..' || seg === '.')) return true;
  }
  return /%2e%2e|%2f|%5c/i.test(rawPath);
}

/**
 * Run logs compressed once, in the background, when the server starts: a log
 * is mostly keyframes and compresses about tenfold, so the page gets it
 * sooner. Until one is ready (or if its file changes) the file goes as it is.
 */
export class Compressed {
  private readonly ready = new Map<string, { gz: Buffer; size: number; mtimeMs: number }>();
  constructor(files: string[]) {
    for (const file of files) {
      let st;
      try { st = statSync(file); } catch { continue; }
      if (st.size > 512 * 2 ** 20) continue;
      readFile(file, (err, bytes) => {
        if (err) return;
        gzip(bytes, { level: 1 }, (e, gz) => { if (!e) this.ready.set(file, { gz, size: st.size, mtimeMs: st.mtimeMs }); });
      });
    }
  }
  get(file: string, size: number, mtimeMs: number): Buffer | null {
    const c = this.ready.get(file);
    return c && c.size === size && c.mtimeMs === mtimeMs ? c.gz : null;
  }
}

/** The page's content-security policy: its own files only, no inline script, nothing from the network. */
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The viewer's page with a preload of the first run added: the browser asks for the log while it reads the
 * page, before the page's first script has been fetched and run (the script's own request for it is answered
 * from that one).
 */
export function pageWithPreload(html: string, runs: ServedRun[]): string {
  if (runs.length === 0 || !html.includes('</head>')) return html;
  return html.replace('</head>', `<link rel="preload" href="${runs[0].url}" as="fetch" crossorigin="anonymous">\n</head>`);
}

/** The pages: each is sent with the content-security policy. */
const PAGES = new Set(['/index.html', '/' + PLAY_PAGE]);

export function handler(files: Map<string, string | Buffer>, index: string, compressed?: Compressed, page?: string, play: string = playIndex()) {
  // files found gone, said once on the terminal
  const gone = new Set<string>();
  return (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      res.end(text);
    };
    // a page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) sends its own Host: refuse it
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(String(req.headers.host ?? ''))) return send(403, 'refused: this server answers only to 127.0.0.1\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'only GET and HEAD\n');
    const raw = (req.url ?? '/').split('?')[0].split('#')[0];
    if (!raw.startsWith('/') || refusedPath(raw)) return send(400, 'refused: the path is not allowed\n');
    const path = raw === '/' ? '/index.html' : decodeURIComponent(raw);
    // the two lists are answered here, not from the built viewer's own copies of them (which say none: for a plain web server)
    if (path === '/runs/index.json' || path === '/play/index.json') {
      const list = path === '/runs/index.json' ? index : play;
      res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': Buffer.byteLength(list), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : list);
    }
    if (path === '/index.html' && page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'content-length': Buffer.byteLength(page), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP });
      return res.end(req.method === 'HEAD' ? undefined : page);
    }
    const file = files.get(path);
    if (!file) return send(404, 'not found\n');
    if (typeof file !== 'string') {
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-length': file.length,
        'x-content-type-options': 'nosniff',
        // the viewer's scripts are named by their content: the browser may keep them (and their compiled code)
        // instead of fetching them again; the pages are read afresh
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
        // the page loads only its own files: no network, no inline script
        ...(PAGES.has(path) ? { 'content-security-policy': PAGE_CSP } : {}),
      });
      return res.end(req.method === 'HEAD' ? undefined : file);
    }
    let size: number, mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file));
    } catch {
      // 410: the page tells a file moved or deleted since `drill view` started from a server gone away
      if (!gone.has(file)) { gone.add(file); process.stderr.write(`drill view: ${file} is no longer there (moved or deleted since drill view started)\n`); }
      return send(410, 'gone (the file is no longer there)\n');
    }
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? compressed?.get(file, size, mtimeMs) ?? null : null;
    if (gz) {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'content-encoding': 'gzip', 'content-length': gz.length, vary: 'accept-encoding', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : gz);
    }
    res.writeHead(200, {
      // the scenario is read by the page as text, whatever its file's extension (.yaml, .yml, .json)
      'content-type': path === '/' + PLAY_SCENARIO ? TYPES['.txt'] : TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'x-content-type-options': 'nosniff',
      // the runs and the scenario are read afresh
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file, { highWaterMark: 1 << 20 }).on('error', () => res.destroy()).pipe(res);
  };
}

function openBrowser(url: string): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
    child.on('error', () => { /* no opener: the address is printed anyway */ });
    child.unref();
  } catch { /* ignore */ }
}

/** Why the server could not listen on `port`, in words where it is the user's to change (the port). */
export function listenError(e: NodeJS.ErrnoException, port: number): Error {
  if (e.code === 'EADDRINUSE') return new OptionError(`port ${port} is in use; pick another with --port (0 = any free port)`);
  // ports below 1024 are the system's: a user without administrator rights got 'internal error ... a bug in drillsim'
  if (e.code === 'EACCES' || e.code === 'EPERM') return new OptionError(`port ${port} may not be used without administrator rights (ports below 1024 are the system's); pick another with --port, e.g. 8173 (0 = any free port)`);
  return e;
}

export const viewCommand: Subcommand = {
  name: 'view',
  summary: 'serve the replay viewer on 127.0.0.1 for the run logs given',
  usage: [
    'drill view [run.json ...] [--play scenario.yaml] [--port P] [--open] [--lang vi|en]',
    '',
    '  --play S      also serve the play page: a tabletop session (drill play) on scenario S in the browser',
    '  --port P      port to listen on (default 8173; 0 picks a free one)',
    '  --open        also open a browser when there is a display',
    '  --lang vi|en  language of what is printed here (the problems found in the files) and of the page:',
    '                the address printed opens it in that language (#lang=vi); its own switch still works',
    '                (default: vi when LANG starts with vi; else en, and the page keeps the language it had)',
    '',
    '  Serves the viewer and exactly the files given, on 127.0.0.1 only; prints the address.',
    '  In the page, more run logs can be opened with the file picker or by dropping them.',
  ].join('\n'),
  vi: {
    summary: 'phục vụ trang xem lại trên 127.0.0.1 cho các nhật ký chạy đã cho',
    usage: [
      'drill view [run.json ...] [--play scenario.yaml] [--port P] [--open] [--lang vi|en]',
      '',
      '  --play S      phục vụ thêm trang chơi: một phiên diễn tập (drill play) với kịch bản S,',
      '                ngay trong trình duyệt',
      '  --port P      cổng lắng nghe (mặc định 8173; 0 để tự chọn một cổng còn trống)',
      '  --open        mở luôn trình duyệt khi có màn hình',
      '  --lang vi|en  ngôn ngữ của những gì in ra ở đây (các lỗi tìm thấy trong các tệp) và của trang:',
      '                địa chỉ in ra mở trang bằng ngôn ngữ đó (#lang=vi); nút chuyển ngôn ngữ của trang',
      '                vẫn dùng được (mặc định: vi nếu LANG bắt đầu bằng vi; nếu không thì en, và trang giữ',
      '                ngôn ngữ đang dùng)',
      '',
      '  Phục vụ trang xem lại và đúng các tệp đã cho, chỉ trên 127.0.0.1; in ra địa chỉ.',
      '  Trong trang, có thể mở thêm nhật ký chạy bằng hộp chọn tệp hoặc bằng cách kéo thả vào.',
    ].join('\n'),
  },
  options: { port: { type: 'string', short: 'p' }, open: { type: 'boolean' }, play: { type: 'string' }, lang: { type: 'string', short: 'l' } },
  async run(argv) {
    const { values, positionals, help } = parse(argv, this.options);
    if (help) return printUsage(this, argv);
    const lang = langOption(values.lang);
    const port = intOption(values.port, 'port') ?? 8173;
    if (port > 65535) throw new OptionError(`--port must be at most 65535, not ${port}`);
    const dir = viewerDir();
    if (!existsSync(join(dir, 'index.html'))) {
      throw new InputError(dir, 'the viewer is not built', 'run `npm run build` in the drillsim folder');
    }
    // refuse what is clearly not a run log now, every such file at once, rather than in the page
    const refused = positionals.map(refuseNonLog).filter((e): e is InputError => e !== null);
    if (refused.length === 1) throw refused[0];
    if (refused.length > 1) {
      // in the language asked for, as the single refusal is said (drill's own handler translates that one)
      for (const e of refused) process.stderr.write(new InputError(e.file, sayCliProblem(e.message, lang), e.hint === undefined ? undefined : sayCliProblem(e.hint, lang), undefined, e.at).line() + '\n');
      throw new ReportedError(`${refused.length} files are not run logs`);
    }
    // a scenario to play is checked as `drill play` checks it (its issues at file:line:col, exit 1), before serving
    const playFile = values.play === undefined ? undefined : String(values.play);
    if (playFile !== undefined) {
      if (!existsSync(join(dir, PLAY_PAGE))) throw new InputError(dir, 'the play page is not built', 'run `npm run build` in the drillsim folder');
      loadScenario(playFile, lang);
    }
    const { files, runs } = routes(dir, positionals, playFile);
    const index = JSON.stringify({ runs: runs.map(({ url, name, bytes }) => ({ url, name, bytes })) });
    const page = pageWithPreload(files.get('/index.html')!.toString('utf8'), runs);
    const server = createServer(handler(files, index, new Compressed(runs.map((r) => r.file)), page, playIndex(playFile)));
    await new Promise<void>((ok, fail) => {
      server.once('error', (e: NodeJS.ErrnoException) => fail(listenError(e, port)));
      server.listen(port, HOST, () => ok());
    });
    const addr = server.address();
    const url = `http://${HOST}:${typeof addr === 'object' && addr ? addr.port : port}/`;
    const names = runs.map((r) => r.name).join(', ');
    // the pages in the language asked for (--lang, or a Vietnamese LANG): both read #lang= before their saved
    // choice, without saving it, so their own switch still works; asked for nothing, a page keeps its choice
    const hash = values.lang !== undefined || lang === 'vi' ? `#lang=${lang}` : '';
    const viewer = url + hash, play = url + PLAY_PAGE + hash;
    // one write, so a reader of the pipe (a test, a wrapper script) never sees the addresses in halves
    const lines = playFile !== undefined
      ? [say(lang, runs.length ? 'view.serving-play-and' : 'view.serving-play', { file: basename(playFile), runs: names }),
        say(lang, 'view.open-play', { url: play }), ...(runs.length ? [say(lang, 'view.replay', { url: viewer })] : [])]
      : [runs.length === 0 ? say(lang, 'view.serving-none') : say(lang, 'view.serving', { runs: names }), say(lang, 'view.open', { url: viewer })];
    process.stdout.write(lines.join('\n') + '\n');
    if (values.open) openBrowser(playFile !== undefined ? play : viewer);
    await new Promise<void>((done) => {
      const stop = () => { server.close(); server.closeAllConnections(); done(); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
