/**
 * The worker pool of `drill batch`. Workers are started first (they load the
 * engine while the command reads the scenario), unref'd so that an early
 * error does not keep the process alive. `run` sends each worker the
 * scenario once, then hands out jobs in small chunks as workers finish (a
 * slow run does not hold up the rest), and collects the run records
 * (unpacked as they come: see batch/packed.ts) and each worker's peak heap.
 * Records come back in whatever order workers finish; results are sorted by
 * job number afterwards, so the worker count never shows in them.
 */
import { Worker } from 'node:worker_threads';
import { recordLayouts, unpackRuns } from '../batch/packed.js';
import type { RunRecord } from '../batch/results.js';
import type { Job } from '../batch/seeds.js';
import type { FromWorker, ToWorker, WorkerInit } from './batch-worker.js';

export interface PoolStats {
  workers: number;
  /** from starting the workers to the last record */
  seconds: number;
  runs: number;
  /** per worker, the largest V8 heap in use it saw after a run */
  peak_heap_bytes: number[];
  /** the whole process (all threads), from getrusage */
  max_rss_bytes: number;
}

/** A run that failed in a worker: the engine hit a bound, a stale build (`stale`: the message is the machine), or a bug. */
export class BatchRunError extends Error {
  constructor(readonly kind: 'bound' | 'stale' | 'internal', message: string, readonly job: Job | null, readonly workerStack?: string) {
    super(message);
  }
}

const WORKER_URL = new URL('./batch-worker.js', import.meta.url);

export class BatchPool {
  private readonly t0 = performance.now();
  private readonly threads: Worker[] = [];
  private startError: Error | null = null;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_URL);
      w.unref();
      w.on('error', (e) => { this.startError ??= e; });
      this.threads.push(w);
    }
  }

  async run(init: WorkerInit, jobs: readonly Job[], onProgress?: (done: number) => void): Promise<{ records: RunRecord[]; stats: PoolStats }> {
    const n = this.threads.length;
    const records: RunRecord[] = [];
    const layouts = recordLayouts(init.scenarios, init.labels);
    const peaks = new Array<number>(n).fill(0);
    let next = 0;
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: Error) => { if (!failed) { failed = true; reject(e); } };
      if (this.startError) return fail(new BatchRunError('internal', `a worker did not start: ${this.startError.message}`, null, this.startError.stack));
      const give = (w: Worker) => {
        const left = jobs.length - next;
        if (left === 0) return;
        // big chunks early, small ones near the end so that workers finish together
        const size = Math.max(1, Math.min(32, Math.ceil(left / (n * 4))));
        const chunk = jobs.slice(next, next + size);
        next += chunk.length;
        w.postMessage({ type: 'jobs', jobs: chunk } satisfies ToWorker);
      };
      this.threads.forEach((w, i) => {
        w.ref();
        w.on('message', (m: FromWorker) => {
          if (failed) return;
          if (m.type === 'error') return fail(new BatchRunError(m.kind, m.message, m.job, m.stack));
          unpackRuns(m.runs, layouts, records);
          peaks[i] = Math.max(peaks[i], m.peak_heap_bytes);
          onProgress?.(records.length);
          if (records.length === jobs.length) return resolve();
          give(w);
        });
        w.on('error', (e) => fail(new BatchRunError('internal', `a worker stopped: ${e.message}`, null, e.stack)));
        w.on('exit', (code) => fail(new BatchRunError('internal', `a worker exited early (code ${code})`, null)));
        w.postMessage({ type: 'init', init } satisfies ToWorker);
        // two chunks in hand: a worker starts the next while its last records travel back and the next chunk comes
        give(w);
        give(w);
      });
      if (jobs.length === 0) resolve();
    });
    return {
      records,
      stats: { workers: n, seconds: (performance.now() - this.t0) / 1000, runs: records.length, peak_heap_bytes: peaks, max_rss_bytes: process.resourceUsage().maxRSS * 1024 },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((w) => { w.removeAllListeners('exit'); return w.terminate(); }));
  }
}

/** Start a pool, play the jobs, stop the pool. */
export async function runPool(init: WorkerInit, jobs: readonly Job[], workers: number, onProgress?: (done: number) => void): Promise<{ records: RunRecord[]; stats: PoolStats }> {
  const pool = new BatchPool(Math.max(1, Math.min(workers, jobs.length)));
  try {
    return await pool.run(init, jobs, onProgress);
  } finally {
    await pool.close();
  }
}
