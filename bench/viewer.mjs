#!/usr/bin/env node
// The viewer bench: a generated run log of at least 100,000 events (the
// reference model, keyframes every 30 min), opened and seeked the way the
// viewer does it. Prints open and seek times, in Node (the engine/replay
// layer alone) and in headless Chromium (the real page: fetch, parse, fold,
// draw), against the budgets of the issue: open < 1 s, seek < one frame.
// In the page, two opens: the page loaded with the log served to it (in a
// new tab of a running browser, nothing cached: the viewer's own code fetched
// and compiled on the way; the first tab of a just-started browser is printed
// beside it), and the log opened in the running viewer with the file picker,
// as a reviewer opens a run.
// In the page, times run until the frame is drawn (style, layout and paint
// included), not only until the script returns: that is what a reviewer sees.
//
// --rate=5 (incidents a minute; the model's is 1.1) overloads the 50 units, so that hundreds to thousands of
// incidents wait at once: the map's crowded case (the markers shown per seek are printed with the seek times).
//
//   node bench/viewer.mjs [--n=8400] [--seeks=200] [--rate=1.1] [--skip-browser]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../dist/engine/scenario/parse.js';
import { runScenario, serializeRunLog } from '../dist/engine/sim/run.js';
import { openRunLog } from '../dist/engine/replay/open.js';
import { foldHistory } from '../dist/engine/replay/history.js';
import { Replay } from '../dist/engine/replay/replay.js';
import { referenceScenario } from './reference.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FRAME_MS = 1000 / 60;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (v) => `${v.toFixed(1)} ms`;
/** the same pseudo-random seek times every run (Lehmer), spread over the whole log */
function seekTimes(n, until) {
  const out = [];
  let s = 12345;
  for (let i = 0; i < n; i++) { s = (s * 48271) % 2147483647; out.push(s % (until + 1)); }
  return out;
}

function generate(n, ratePerMin) {
  const r = parseScenario(JSON.stringify(referenceScenario(n, { keyframeEvery: '30m', ...(ratePerMin ? { ratePerMin } : {}) })), 'reference.json');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  const { log } = runScenario(r.scenario, { seed: 42 });
  return { text: serializeRunLog(log).join(''), events: log.events.length, keyframes: log.keyframes.length };
}

function nodeSide(text, seeks) {
  const t0 = performance.now();
  const o = openRunLog(text, 'bench.json');
  if (!o.ok) throw new Error(o.message);
  const replay = new Replay(o.run);
  foldHistory(o.run.events);
  replay.stateAt(0);
  const open_ms = performance.now() - t0;
  const times = seekTimes(seeks, o.run.until);
  for (const t of times.slice(0, 20)) replay.stateAt(t); // warm the JIT the way a reviewer's first scrubs do
  const d = times.map((t) => { const a = performance.now(); replay.stateAt(t); return performance.now() - a; });
  const play = [];
  for (let t = 100_000, i = 0; i < 300; i++, t += 60) { const a = performance.now(); replay.stateAt(t); play.push(performance.now() - a); }
  return { open_ms, seek: d, play };
}

async function browserSide(file, seeks) {
  const require = createRequire(import.meta.url);
  const { chromium } = require('playwright-core');
  const proc = spawn(process.execPath, [join(ROOT, 'bin/drill.mjs'), 'view', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((ok, fail) => {
    proc.stdout.on('data', (d) => { out += d; const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out); if (m) ok(m[0]); });
    proc.once('exit', (c) => fail(new Error(`drill view exited ${c}`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    // Chromium's own start-up goes on for a second or two after launch (its WebUI renderer compiles the
    // top-chrome UI): on two cores that would be timed as the page's; a reviewer's browser is running already
    await new Promise((ok) => setTimeout(ok, 3000));
    // the first tab of a browser just started: Chromium makes the process that will render it on the way
    // (about 0.2 s on this machine even for a blank page); printed, but a reviewer's browser has tabs open already
    const firstCtx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const first = await firstCtx.newPage();
    await first.goto(url);
    await first.waitForFunction(() => window.drillViewer?.timings.painted_at !== undefined, null, { timeout: 120_000 });
    const firstTab = await first.evaluate(() => ({ ...window.drillViewer.timings }));
    await firstCtx.close();
    // the timed open: a new tab in a running browser, a tab open in it already, nothing cached
    // (a context of its own: the first tab's cache and compiled code are not carried over)
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await (await ctx.newPage()).goto('about:blank');
    await new Promise((ok) => setTimeout(ok, 1000));
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.drillViewer?.ready);
    await page.evaluate(() => window.drillViewer.ready);
    await page.waitForFunction(() => window.drillViewer.timings.painted_at !== undefined);
    // a reviewer looks at the run a moment before scrubbing: the seeks start once the page's idle-time work on the
    // log (its integrity check, its keyframes parsed ahead, the run again to check them) is done, and when that was is printed
    await page.waitForFunction(() => window.drillViewer.timings.complete_ms !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.drillViewer.settled());
    const timings = await page.evaluate(() => window.drillViewer.timings);
    const until = await page.evaluate(() => window.drillViewer.app.a.data.until);
    // one seek per frame, as a reviewer's drag does: timed from the frame's start until that frame is drawn
    // and the incident markers that frame shows (counted after it is timed)
    const d = await page.evaluate(async (ts) => {
      for (const t of ts.slice(0, 20)) await window.drillViewer.paintedSeek(t);
      const out = [];
      for (const t of ts) out.push([...await window.drillViewer.paintedSeek(t), window.drillViewer.markers('a').incidents.filter((d) => !d.ghost).length]);
      return out;
    }, seekTimes(seeks, until));
    // then the log opened again in the running viewer, as a reviewer picks (or drops) a file: from the pick to the painted frame
    const files = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => { for (const k of ['file_head_ms', 'file_open_ms', 'file_painted_ms', 'file_complete_ms']) delete window.drillViewer.timings[k]; });
      await page.locator('#file-input').setInputFiles(file);
      await page.waitForFunction(() => window.drillViewer.timings.file_complete_ms !== undefined, null, { timeout: 120_000 });
      files.push(await page.evaluate(() => ({ ...window.drillViewer.timings })));
    }
    return { timings, firstTab, seek: d.map((x) => x[1]), script: d.map((x) => x[0]), markers: d.map((x) => x[2]), files };
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
  }
}

export async function viewerBench(args = {}) {
  const n = Number(args.n ?? 8400), seeks = Number(args.seeks ?? 200), rate = args.rate ? Number(args.rate) : undefined;
  const g = generate(n, rate);
  console.log(`\nviewer: a generated run log of ${g.events.toLocaleString('en')} events, ${g.keyframes} keyframes (every 30 min), ${(g.text.length / 2 ** 20).toFixed(1)} MiB${rate ? ` (${rate} incidents a minute)` : ''}`);
  const verdict = (v, budget) => (v <= budget ? `within ${ms(budget)}` : `OVER ${ms(budget)}`);
  const nd = nodeSide(g.text, seeks);
  console.log(`  node     open (parse, check, model, fold, world at T0)  ${ms(nd.open_ms).padStart(10)}   ${verdict(nd.open_ms, 1000)}`);
  console.log(`  node     seek to a random time (${seeks})  median ${ms(q(nd.seek, 0.5))}, p95 ${ms(q(nd.seek, 0.95))}, max ${ms(q(nd.seek, 1))}   median ${verdict(q(nd.seek, 0.5), FRAME_MS)}, p95 ${verdict(q(nd.seek, 0.95), FRAME_MS)}`);
  console.log(`  node     play forward one minute per frame  median ${ms(q(nd.play, 0.5))}, max ${ms(q(nd.play, 1))}`);
  if (args['skip-browser']) return;
  if (!existsSync(CHROMIUM) || !existsSync(join(ROOT, 'dist/viewer/index.html'))) {
    console.log(`  browser  skipped: ${existsSync(CHROMIUM) ? 'the viewer is not built (npm run build)' : `${CHROMIUM} not found`}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'drillsim-bench-'));
  const file = join(dir, 'bench-run.json');
  writeFileSync(file, g.text);
  try {
    const load0 = loadavg()[0];
    const b = await browserSide(file, Math.min(seeks, 100));
    const t = b.timings;
    // the machine's load says how far to trust the times: on two cores, other work stretches every one of them
    console.log(`  browser  (machine load, 1-minute average: ${load0.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after; ${cpus().length} cores)`);
    const f = (v) => (typeof v === 'number' ? ms(v) : '?');
    console.log(`  browser  open in a new tab of a running browser: page requested -> map, timeline and board at T0 drawn and painted  ${f(t.painted_at).padStart(10)}   ${verdict(t.painted_at, 1000)}`);
    console.log(`           the log asked for while the page was read (a preload), taken up by the page's first script at ${f(t.fetch_start_at)}; from there: head and events in ${f(t.head_ms)} (${t.compressed ? 'sent gzip-compressed' : 'sent as is'}), then parse + check ${f(t.parse_ms)}, model ${f(t.model_ms)}, fold ${f(t.fold_ms)}, first draw ${f(t.first_render_ms)}, painted ${f(t.painted_ms)}`);
    console.log(`           the rest of the log (keyframes, summary) in and checked ${f(t.complete_ms)} after that (last byte ${f(t.fetch_ms)}); until then a seek past the keyframes in waits for its keyframe`);
    console.log(`           then, in idle time, its hash chain checked, its keyframes parsed ahead and checked by running the run again: done at ${f(t.settled_at)} after the page was requested (the seeks below start after that)`);
    console.log(`           (the first tab of a browser just started, its page's process made on the way: painted at ${f(b.firstTab.painted_at)}, first script at ${f(b.firstTab.fetch_start_at)})`);
    const fo = b.files.map((x) => x.file_painted_ms);
    console.log(`  browser  open the log in the running viewer (file picker): picked -> map, timeline and board drawn and painted  ${fo.map(f).join(', ')}   ${verdict(Math.max(...fo), 1000)}`);
    console.log(`           of which its events read ${b.files.map((x) => f(x.file_head_ms)).join(', ')}; the whole file read and checked ${b.files.map((x) => f(x.file_complete_ms)).join(', ')}`);
    console.log(`  browser  seek, one per frame, until that frame is drawn (engine, redraw, style, layout, paint) (${b.seek.length})  median ${ms(q(b.seek, 0.5))}, p95 ${ms(q(b.seek, 0.95))}, max ${ms(q(b.seek, 1))}   median ${verdict(q(b.seek, 0.5), FRAME_MS)}, p95 ${verdict(q(b.seek, 0.95), FRAME_MS)}`);
    console.log(`           of which script (engine and redraw)  median ${ms(q(b.script, 0.5))}, p95 ${ms(q(b.script, 0.95))}, max ${ms(q(b.script, 1))}`);
    console.log(`           incident markers shown  median ${q(b.markers, 0.5)}, max ${q(b.markers, 1)}`);
    // the crowded frames on their own: above 400 markers the map used not to fan them out
    for (const [lo, hi] of [[1, 400], [401, Infinity]]) {
      const k = b.markers.flatMap((m, i) => (m >= lo && m <= hi ? [i] : []));
      if (k.length === 0) continue;
      const sk = k.map((i) => b.seek[i]), sc = k.map((i) => b.script[i]);
      console.log(`           seeks showing ${hi === Infinity ? `over ${lo - 1}` : `${lo} to ${hi}`} markers (${k.length})  drawn: median ${ms(q(sk, 0.5))}, p95 ${ms(q(sk, 0.95))}; script: median ${ms(q(sc, 0.5))}, p95 ${ms(q(sc, 0.95))}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true]; }));
  await viewerBench(args);
}
