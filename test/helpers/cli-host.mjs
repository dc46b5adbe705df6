/**
 * The built `drill` command kept loaded in a worker thread, for test/helpers/cli.ts: each call runs the bundle's
 * `main` as bin/drill.mjs does, with the caller's arguments and environment, and hands back the exit code and what
 * was written to stdout and stderr. A new Node process for every call spent most of the CLI tests' time starting
 * Node and compiling the bundle (about 0.3 s a call, several hundred calls a file).
 */
import { parentPort, workerData } from 'node:worker_threads';

// as bin/drill.mjs: zod reads this global as it loads
(globalThis.__zod_globalConfig ??= {}).jitless = true;

const signal = new Int32Array(workerData.signal);
// a worker that ends (an error no command caught) says so at once: its caller is waiting on the signal
process.on('exit', () => {
  Atomics.store(signal, 0, 2);
  Atomics.notify(signal, 0);
});
let loaded;
try {
  loaded = { main: (await import(workerData.entry)).main };
} catch (e) {
  loaded = { error: `drill: the engine is not built yet (${e?.message ?? e}); run \`npm run build\`` };
}

let out = [], err = [];
/** A stream's write that keeps what it is given (bytes, so that a character split across two writes reads whole). */
const keep = (which) => function write(chunk, encoding, done) {
  if (typeof encoding === 'function') { done = encoding; encoding = undefined; }
  (which === 'out' ? out : err).push(typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk));
  if (done) process.nextTick(done);
  return true;
};
process.stdout.write = keep('out');
process.stderr.write = keep('err');

/** This call's environment, exactly: keys the caller lacks are removed. */
function setEnv(env) {
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
}

parentPort.on('message', async ({ args, env, port }) => {
  out = [];
  err = [];
  let code;
  if (loaded.error) {
    err.push(Buffer.from(`${loaded.error}\n`));
    code = 2;
  } else {
    setEnv(env);
    try {
      code = await loaded.main(args);
    } catch (e) {
      // as bin/drill.mjs says it
      err.push(Buffer.from(`drill: internal error: ${e?.message ?? e}\nThis is a bug in drillsim; please report it with the command you ran.\n`));
      code = 70;
    }
  }
  port.postMessage({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
