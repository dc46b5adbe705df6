/**
 * One worker thread of `drill batch`. It is started before the scenario is
 * read (so that loading the engine overlaps with reading it), then receives
 * the scenario once (one per sweep value, already checked by the parent),
 * builds each model once, plays the jobs it is handed and sends back one
 * small record per run, packed as rows of numbers (batch/packed.ts: the
 * main thread receives them for far less than cloned objects). It keeps
 * nothing from a run but its record, so its memory stays flat however many
 * runs it plays; it measures its own peak heap and reports it.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { recordLayouts, RunPacker, type PackedRuns } from '../batch/packed.js';
import { runRecord } from '../batch/results.js';
import type { Job } from '../batch/seeds.js';
import { SimBoundError, StaleGeneratedStepperError } from '../core/errors.js';
import type { Scenario } from '../scenario/schema.js';
import type { Decision } from '../sim/decisions.js';
import { Model } from '../sim/model.js';
import { runMetrics } from '../sim/runner.js';

export interface WorkerInit {
  scenarios: Scenario[];
  labels: (string | null)[];
  decisions: Decision[];
  players: string[];
}

export type ToWorker = { type: 'init'; init: WorkerInit } | { type: 'jobs'; jobs: Job[] };
export type FromWorker =
  | { type: 'done'; runs: PackedRuns; peak_heap_bytes: number }
  | { type: 'error'; kind: 'bound' | 'stale' | 'internal'; message: string; job: Job; stack?: string };

const port = parentPort!;
let init: WorkerInit | null = null;
let packer: RunPacker | null = null;
const models: (Model | undefined)[] = [];
let peak = 0;

function play(jobs: Job[], init: WorkerInit, packer: RunPacker): void {
  for (const job of jobs) {
    try {
      const model = (models[job.v] ??= new Model(init.scenarios[job.v]));
      const ran = runMetrics(model.scenario, { seed: job.seed, decisions: init.decisions, players: init.players, keepIncidents: false, model });
      packer.add(job.v, runRecord(job, init.labels[job.v], ran));
    } catch (e) {
      const err = e as Error;
      packer.take();
      // a stale build's refusal crosses the thread as its machine's name: the command says it as drill run does
      if (e instanceof StaleGeneratedStepperError) port.postMessage({ type: 'error', kind: 'stale', message: e.machine, job } satisfies FromWorker);
      else port.postMessage({ type: 'error', kind: e instanceof SimBoundError ? 'bound' : 'internal', message: err?.message ?? String(e), job, stack: err?.stack } satisfies FromWorker);
      return;
    }
    const used = getHeapStatistics().used_heap_size;
    if (used > peak) peak = used;
  }
  const runs = packer.take();
  // transferred, not copied: the buffers are the packer's copies, made for this message
  port.postMessage({ type: 'done', runs, peak_heap_bytes: peak } satisfies FromWorker, [runs.data.buffer, runs.kinds.buffer]);
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') {
    init = msg.init;
    packer = new RunPacker(recordLayouts(init.scenarios, init.labels));
  } else play(msg.jobs, init!, packer!);
});
