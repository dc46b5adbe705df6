/**
 * The worker pool of `drill batch`: starts W worker threads, hands them jobs
 * in small chunks as they finish (so a slow run does not hold up the rest),
 * collects the run records and each worker's peak heap. The records come
 * back in whatever order the workers finish; results are sorted by job
 * number afterwards, so the worker count never shows in them.
 */
import { Worker } from 'node:worker_threads';
import type { RunRecord } from '../batch/results.js';
import type { Job } from '../batch/seeds.js';
import type { FromWorker, WorkerInit } from './batch-worker.js';

export interface PoolStats {
  workers: number;
  seconds: number;
  runs: number;
  /** per worker, the largest V8 heap in use it saw after a run */
  peak_heap_bytes: number[];
  /** the whole process (all threads), from getrusage */
  max_rss_bytes: number;
}

/** A run that failed in a worker: the engine hit a bound, or a bug. */
export class BatchRunError extends Error {
  constructor(readonly kind: 'bound' | 'internal', message: string, readonly job: Job, readonly workerStack?: string) {
    super(message);
  }
}

const WORKER_URL = new URL('./batch-worker.js', import.meta.url);

export async function runPool(init: WorkerInit, jobs: readonly Job[], workers: number, onProgress?: (done: number) => void): Promise<{ records: RunRecord[]; stats: PoolStats }> {
  const t0 = performance.now();
  const n = Math.max(1, Math.min(workers, jobs.length));
  const records: RunRecord[] = [];
  const peaks = new Array<number>(n).fill(0);
  if (jobs.length === 0) return { records, stats: { workers: 0, seconds: 0, runs: 0, peak_heap_bytes: [], max_rss_bytes: process.resourceUsage().maxRSS * 1024 } };
  let next = 0;
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let failed = false;
      const fail = (e: Error) => { if (!failed) { failed = true; reject(e); } };
      const give = (w: Worker) => {
        const left = jobs.length - next;
        if (left === 0) {
          if (++finished === n) resolve();
          return;
        }
        // big chunks early, small ones near the end so that workers finish together
        const size = Math.max(1, Math.min(32, Math.ceil(left / (n * 4))));
        const chunk = jobs.slice(next, next + size);
        next += chunk.length;
        w.postMessage({ type: 'jobs', jobs: chunk });
      };
      for (let i = 0; i < n; i++) {
        const w = new Worker(WORKER_URL, { workerData: init });
        threads.push(w);
        w.on('message', (m: FromWorker) => {
          if (failed) return;
          if (m.type === 'error') return fail(new BatchRunError(m.kind, m.message, m.job, m.stack));
          if (m.type === 'done') {
            for (const r of m.records) records.push(r);
            peaks[i] = Math.max(peaks[i], m.peak_heap_bytes);
            onProgress?.(records.length);
          }
          give(w);
        });
        w.on('error', (e) => fail(new BatchRunError('internal', `a worker stopped: ${e.message}`, jobs[0], e.stack)));
        w.on('exit', (code) => { if (code !== 0) fail(new BatchRunError('internal', `a worker exited with code ${code}`, jobs[0])); });
      }
    });
  } finally {
    await Promise.all(threads.map((w) => { w.removeAllListeners('exit'); return w.terminate(); }));
  }
  return {
    records,
    stats: { workers: n, seconds: (performance.now() - t0) / 1000, runs: records.length, peak_heap_bytes: peaks, max_rss_bytes: process.resourceUsage().maxRSS * 1024 },
  };
}
