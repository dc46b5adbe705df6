import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';
import { serve, type Served } from '../viewer/browser.js';

/** A raw GET: the path goes on the wire exactly as written (no normalising of `..`). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string; cache: string; csp: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? ''), cache: String(res.headers['cache-control'] ?? ''), csp: String(res.headers['content-security-policy'] ?? '') }));
    });
    req.on('error', fail);
    req.end();
  });
}

function refused(host: string, port: number): Promise<string> {
  return new Promise((ok) => {
    const s = connect({ host, port });
    s.once('connect', () => { s.destroy(); ok('connected'); });
    s.once('error', (e: NodeJS.ErrnoException) => ok(e.code ?? 'error'));
  });
}

describe('drill view', () => {
  const dir = tempDir('drillsim-view-');
  const runFile = join(dir, 'a.json');
  const secret = join(dir, 'secret.json');
  let s: Served;
  let port: number;

  beforeAll(async () => {
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', runFile, '--quiet']).code).toBe(0);
    writeFileSync(secret, '{"not": "given"}');
    s = await serve([runFile]);
    port = Number(new URL(s.url).port);
  });
  afterAll(async () => { await s?.stop(); });

  it('prints an address on 127.0.0.1 and serves the viewer and the run it was given', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/text\/html/);
    expect(index.body).toContain('<script type="module"');
    // the first run is asked for while the page is read, and the page may run only its own scripts
    expect(index.body).toContain('<link rel="preload" href="runs/0.json" as="fetch" crossorigin="anonymous">');
    expect(index.csp).toContain("script-src 'self'");
    expect((await get(port, '/index.html')).body).toBe(index.body);
    const list = JSON.parse((await get(port, '/runs/index.json')).body);
    expect(list.runs).toEqual([{ url: 'runs/0.json', name: 'a.json', bytes: readFileSync(runFile).length }]);
    expect((await get(port, '/runs/0.json')).body).toBe(readFileSync(runFile, 'utf8'));
  });

  it('lets the browser keep the viewer\'s scripts (named by their content), never the page or a run', async () => {
    const index = await get(port, '/');
    const script = /src="\.?\/(assets\/[^"]+\.js)"/.exec(index.body)![1];
    expect((await get(port, '/' + script)).cache).toMatch(/immutable/);
    expect(index.cache).toBe('no-store');
    expect((await get(port, '/runs/0.json')).cache).toBe('no-store');
    expect((await get(port, '/runs/index.json')).cache).toBe('no-store');
  });

  it('answers HEAD with the length a GET sends, the lists of runs and of the play scenario included', async () => {
    const head = (path: string) => new Promise<{ status: number; length: string | undefined }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'HEAD' }, (res) => { res.resume(); res.on('end', () => ok({ status: res.statusCode ?? 0, length: res.headers['content-length'] })); });
      req.on('error', fail);
      req.end();
    });
    for (const path of ['/runs/index.json', '/play/index.json', '/index.html', '/runs/0.json']) {
      const h = await head(path);
      expect(h.status, path).toBe(200);
      expect(Number(h.length), path).toBe(Buffer.byteLength((await get(port, path)).body));
    }
  });

  it('sends each of the viewer\'s files with its own type: the fonts the stylesheet names (woff2 and woff), the scripts, the styles', async () => {
    const { readdirSync } = await import('node:fs');
    const assets = readdirSync(join(ROOT, 'dist/viewer/assets'));
    const type = async (ext: string) => {
      const name = assets.find((a) => a.endsWith(ext));
      expect(name, ext).toBeDefined();
      return (await get(port, `/assets/${name}`)).type;
    };
    // sent as application/octet-stream with nosniff, a woff font is one the browser may refuse
    expect(await type('.woff')).toBe('font/woff');
    expect(await type('.woff2')).toBe('font/woff2');
    expect(await type('.js')).toMatch(/^text\/javascript/);
    expect(await type('.css')).toMatch(/^text\/css/);
  });

  it('sends a run log gzip-compressed to a client that accepts it, once compressed, byte for byte the same', async () => {
    const { gunzipSync } = await import('node:zlib');
    const raw = await new Promise<Buffer>((ok, fail) => {
      const attempt = (n: number) => {
        const req = request({ host: '127.0.0.1', port, path: '/runs/0.json', headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d) => parts.push(d));
          res.on('end', () => {
            if (res.headers['content-encoding'] === 'gzip') ok(gunzipSync(Buffer.concat(parts)));
            else if (n > 0) setTimeout(() => attempt(n - 1), 100);
            else fail(new Error('never sent compressed'));
          });
        });
        req.on('error', fail);
        req.end();
      };
      attempt(50);
    });
    expect(raw.equals(readFileSync(runFile))).toBe(true);
  });

  it('answers 410 for a run log moved or deleted since it started, and says so once on the terminal', async () => {
    const gone = join(dir, 'gone.json');
    writeFileSync(gone, readFileSync(runFile));
    const g = await serve([gone]);
    try {
      const p = Number(new URL(g.url).port);
      expect((await get(p, '/runs/0.json')).status).toBe(200);
      unlinkSync(gone);
      for (let i = 0; i < 2; i++) {
        const r = await get(p, '/runs/0.json');
        expect(r.status).toBe(410);
        expect(r.body).toBe('gone (the file is no longer there)\n');
      }
      await new Promise((ok) => setTimeout(ok, 100));
      expect(g.stderr().split('\n').filter((l) => l.includes('is no longer there'))).toEqual([`drill view: ${gone} is no longer there (moved or deleted since drill view started)`]);
    } finally {
      await g.stop();
    }
  });

  it('answers 404 for files it was not given', async () => {
    for (const p of ['/runs/1.json', '/package.json', '/etc/passwd', `/${secret}`, '/runs/secret.json', '/dist/viewer/index.html']) {
      expect((await get(port, p)).status, p).toBe(404);
    }
  });

  it('refuses `..` paths, plain or encoded', async () => {
    for (const p of ['/../package.json', '/runs/../../package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/package.json', '/runs/%2E%2E/secret.json', '/..\\package.json', '/a/%00']) {
      const r = await get(port, p);
      expect(r.status, p).toBe(400);
      expect(r.body).toMatch(/refused/);
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const r = await get(port, '/runs/0.json', { host: `attacker.example:${port}` });
    expect(r.status).toBe(403);
    expect((await get(port, '/runs/0.json', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(await refused('127.0.0.2', port)).toBe('ECONNREFUSED');
    expect(await refused('::1', port)).not.toBe('connected');
    const outside = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (outside) expect(await refused(outside.address, port)).not.toBe('connected');
  });

  it('refuses files that are clearly not run logs before it serves anything, naming each and what to do', () => {
    const text = readFileSync(runFile, 'utf8');
    const small = join(dir, 'trunc.json');
    writeFileSync(small, text.slice(0, Math.floor(text.length / 2)));
    // a big log cut short: checked from its two ends, not read whole
    const big = join(dir, 'big-trunc.json');
    const ks = join(dir, 'ks.json');
    expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', ks, '--quiet']).code).toBe(0);
    const ksText = readFileSync(ks, 'utf8');
    expect(ksText.length).toBeGreaterThan(200_000);
    writeFileSync(big, ksText.slice(0, 150_000));
    const other = join(dir, 'other-format.json');
    writeFileSync(other, ksText.replace('"format":"drillsim/run@1"', '"format":"drillsim/run@9"'));
    // started as a user would; if it did not refuse, it would serve until killed
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'view', small, 'scenarios/minimal.yaml', runFile, big, other, '--port', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/127\.0\.0\.1/);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/trunc\.json: .*the run log is cut short.*\(copy it again, or write it again with `drill run --out`\)/);
    expect(lines[1]).toBe('scenarios/minimal.yaml: error[file] (file): this is a scenario, not a run log (make a run log first: drill run <scenario> --out run.json; or play it in the browser: drill view --play scenarios/minimal.yaml)');
    // the line it breaks off at, as verify says it, though only its ends were read to refuse it
    const bigLine = ksText.slice(0, 150_000).trimEnd().split('\n').length;
    expect(lines[2]).toBe(`${big}: error[file] (file): the run log is cut short: the file ends at line ${bigLine}, before the log does (it is incomplete or damaged) (copy it again, or write it again with \`drill run --out\`)`);
    expect(drill(['verify', big]).stderr.trim()).toBe(lines[2]);
    const vi = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'view', big, '--lang', 'vi', '--port', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect([vi.status, vi.stderr.trim()]).toEqual([1, `${big}: error[file] (file): nhật ký chạy bị cụt: tệp kết thúc ở dòng ${bigLine}, trước khi nhật ký kết thúc (thiếu hoặc hỏng) (hãy chép lại, hoặc ghi lại bằng \`drill run --out\`)`]);
    expect(lines[3]).toMatch(/other-format\.json: .*unsupported run log format 'drillsim\/run@9'/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('says every refused file in Vietnamese with --lang vi or a Vietnamese LANG, not only a single one', () => {
    // one refused file was said in Vietnamese, two or more each in English: a line is in the language asked for
    const small = join(dir, 'trunc-vi.json');
    const text = readFileSync(runFile, 'utf8');
    writeFileSync(small, text.slice(0, Math.floor(text.length / 2)));
    for (const [extra, env] of [[['--lang', 'vi'], {}], [[], { LANG: 'vi_VN.UTF-8' }]] as const) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'view', small, 'scenarios/minimal.yaml', ...extra, '--port', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/trunc-vi\.json: .*nhật ký chạy bị cụt: tệp kết thúc ở dòng \d+, trước khi nhật ký kết thúc/);
      expect(lines[1]).toBe('scenarios/minimal.yaml: error[file] (file): đây là một kịch bản, không phải nhật ký chạy (hãy tạo nhật ký chạy trước: drill run <kịch-bản> --out run.json; hoặc chơi kịch bản trong trình duyệt: drill view --play scenarios/minimal.yaml)');
    }
  });

  it('says a big log cut just after an inner } is cut short (its end is a brace, but not the log\'s own end, its hash)', () => {
    const ks = join(dir, 'ks.json');
    const text = readFileSync(ks, 'utf8');
    // cut inside the keyframes, right after an object closes
    const at = text.indexOf('}', text.indexOf('"keyframes"') + 1000) + 1;
    const cut = join(dir, 'cut-at-brace.json');
    writeFileSync(cut, text.slice(0, at));
    expect(text.slice(0, at)).toMatch(/\}$/);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'view', cut, '--port', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/cut-at-brace\.json: .*the run log is cut short/);
  });

  it('checks a big log at its two ends only (the page checks the rest as it reads it), and reads whole one laid out another way', async () => {
    const ks = join(dir, 'ks.json');
    const pretty = join(dir, 'pretty.json');
    // damaged in the middle only: not read whole at start, so served (the page says what is wrong)
    const middle = join(dir, 'middle.json');
    const ksText = readFileSync(ks, 'utf8');
    const at = ksText.indexOf('"keyframes":[');
    writeFileSync(middle, ksText.slice(0, at) + 'garbage' + ksText.slice(at + 7));
    // valid JSON with the format not first: the ends do not tell, so it is read whole and accepted
    const log = JSON.parse(readFileSync(ks, 'utf8'));
    const { format, ...rest } = log;
    writeFileSync(pretty, JSON.stringify({ ...rest, format }, null, 1));
    const v = await serve([ks, pretty, middle]);
    try {
      const list = JSON.parse((await get(Number(new URL(v.url).port), '/runs/index.json')).body);
      expect(list.runs.map((r: { name: string }) => r.name)).toEqual(['ks.json', 'pretty.json', 'middle.json']);
    } finally {
      await v.stop();
    }
  });

  it('says which file is missing and exits 1; a bad port is a usage error (exit 2)', () => {
    const r = drill(['view', join(dir, 'nope.json'), '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.json: .*no such file/);
    const u = drill(['view', runFile, '--port', 'abc']);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/--port must be a whole number/);
  });
});

describe('drill view --play', () => {
  const dir = tempDir('drillsim-view-play-');
  const scenario = 'scenarios/minimal.yaml';
  let s: Served;
  let port: number;

  beforeAll(async () => {
    s = await serve([], ['--play', scenario]);
    port = Number(new URL(s.url).port);
  });
  afterAll(async () => { await s?.stop(); });

  it('prints the play page\'s address and serves the page (with the page\'s CSP) and the scenario at one fixed path', async () => {
    expect(s.stdout()).toBe(`drill view: serving the play page for minimal.yaml\n  open ${s.url}play.html in a browser to play (this machine only); Ctrl+C stops\n`);
    const page = await get(port, '/play.html');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body).toContain('<script type="module"');
    // the page runs only its own scripts: no inline script in it, and the policy says so
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.csp).toContain("script-src 'self'");
    expect(page.cache).toBe('no-store');
    expect(JSON.parse((await get(port, '/play/index.json')).body)).toEqual({ scenario: { url: 'play/scenario.yaml', name: 'minimal.yaml' } });
    const text = await get(port, '/play/scenario.yaml');
    expect(text.status).toBe(200);
    expect(text.type).toBe('text/plain; charset=utf-8');
    expect(text.body).toBe(readFileSync(scenario, 'utf8'));
  });

  it('serves nothing else of the scenario\'s folder, and refuses `..` under /play', async () => {
    for (const p of ['/play/minimal.yaml', '/play/ky-son-flash-flood.yaml', '/scenarios/minimal.yaml', '/play/', '/play/scenario.yml']) {
      expect((await get(port, p)).status, p).toBe(404);
    }
    for (const p of ['/play/../package.json', '/play/%2e%2e/scenarios/ky-son-flash-flood.yaml', '/play/..%2fscenario.yaml']) {
      const r = await get(port, p);
      expect(r.status, p).toBe(400);
      expect(r.body).toMatch(/refused/);
    }
    expect((await get(port, '/play/scenario.yaml', { host: `attacker.example:${port}` })).status).toBe(403);
  });

  it('without --play: the page is there, no scenario is (the page offers its file picker)', async () => {
    const v = await serve([]);
    try {
      const p = Number(new URL(v.url).port);
      expect((await get(p, '/play.html')).status).toBe(200);
      expect(JSON.parse((await get(p, '/play/index.json')).body)).toEqual({ scenario: null });
      expect((await get(p, '/play/scenario.yaml')).status).toBe(404);
    } finally {
      await v.stop();
    }
  });

  it('refuses a scenario that does not load before serving anything: its issues at file:line:col, exit 1', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(scenario, 'utf8').replace('horizon: 4h', 'horizon: four hours'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'view', '--play', bad, '--port', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/127\.0\.0\.1/);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: error\[duration\] horizon: 'four hours' is not a duration/);
    expect(r.stderr).not.toMatch(STACK);
    const missing = drill(['view', '--play', join(dir, 'nope.yaml'), '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yaml: .*no such file/);
  });
});
