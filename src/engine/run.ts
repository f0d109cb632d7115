import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { AdapterInfo, Backend, BatchTask } from './backends/backend.js';
import { createBackend } from './backends/registry.js';
import { buildKernelConfig } from './kernelConfig.js';
import { sourceLaunch, type Launch } from './sources.js';
import { transportKernelSource } from './transportKernel.js';
import type { RunOptions, TransportProblem } from './types.js';

export interface BatchPlan {
  batchPhotons: number;
  batches: number;
  photons: number;
}

export function planBatches(photons: number, batchPhotons: number): BatchPlan {
  if (!Number.isInteger(photons) || photons < 1) throw new InputError(`--photons must be a whole number ≥ 1 (got ${photons})`);
  if (!Number.isInteger(batchPhotons) || batchPhotons < 1) throw new InputError(`batch size must be a whole number ≥ 1 (got ${batchPhotons})`);
  return { batchPhotons, batches: Math.ceil(photons / batchPhotons), photons };
}

export interface RunInfo {
  backend: string;
  backendDescription: string;
  /** The WebGPU adapter that ran the batches (webgpu backend only). */
  adapter?: AdapterInfo;
  threads: number;
  batchPhotons: number;
  batchesDone: number;
  photonsDone: number;
  interrupted: boolean;
  elapsedMs: number;
  /** The source's launch: specular reflectance, weight entering the tissue, start layer. */
  launch: Launch;
}

/**
 * Receives each batch's records in photon order (whatever order the workers finish in): records of
 * photons firstPhoton .. firstPhoton + photons − 1 of the run.
 */
export type RecordSink = (records: Float32Array, batchIndex: number, photons: number, firstPhoton: number) => void;

/**
 * Runs photons [start, `photons`) through `problem` in batches and hands their records to `sink` in
 * photon order. Photon i draws from Philox stream (seed, i) on every backend, so results do not
 * depend on the number of threads or the batch size. `startBatch` (whole batches of batchPhotons)
 * or `startPhoton` resumes a run.
 */
export async function runTransport(
  problem: TransportProblem,
  options: RunOptions & { backendInstance?: Backend; startBatch?: number; startPhoton?: number },
  sink: RecordSink,
): Promise<RunInfo> {
  const started = performance.now();
  const backend = options.backendInstance ?? (await createBackend(options.backend ?? 'auto', options.threads));
  const ownsBackend = !options.backendInstance;
  try {
    const plan = planBatches(options.photons, options.batchPhotons ?? backend.defaultBatchPhotons);
    const config = buildKernelConfig(problem, options);
    const kernelKey = createHash('sha256')
      .update(transportKernelSource())
      .update(JSON.stringify(config.constants))
      .digest('hex')
      .slice(0, 16);
    const startBatch = options.startBatch ?? 0;
    const startPhoton = options.startPhoton ?? startBatch * plan.batchPhotons;
    // Batch b (counted from startBatch) covers photons firstOf(b) .. firstOf(b) + photonsIn(b) − 1.
    const firstOf = (b: number) => startPhoton + (b - startBatch) * plan.batchPhotons;
    const photonsIn = (b: number) => Math.max(0, Math.min(plan.batchPhotons, plan.photons - firstOf(b)));
    const lastBatch = startBatch + Math.ceil(Math.max(0, plan.photons - startPhoton) / plan.batchPhotons);

    const ready = new Map<number, Float32Array>();
    let nextToDeliver = startBatch;
    let nextToLaunch = startBatch;
    let photonsDone = startPhoton;
    let failure: unknown;
    const inFlightLimit = Math.max(2, backend.threads * 2);

    const deliver = () => {
      while (ready.has(nextToDeliver)) {
        const records = ready.get(nextToDeliver)!;
        ready.delete(nextToDeliver);
        sink(records, nextToDeliver, photonsIn(nextToDeliver), firstOf(nextToDeliver));
        photonsDone += photonsIn(nextToDeliver);
        nextToDeliver++;
        options.onProgress?.(photonsDone, plan.photons);
      }
    };

    await new Promise<void>((resolveAll) => {
      let inFlight = 0;
      const launchMore = () => {
        while (!failure && !options.signal?.aborted && inFlight < inFlightLimit && nextToLaunch < lastBatch) {
          const batchIndex = nextToLaunch++;
          const task: BatchTask = {
            batchIndex,
            photons: photonsIn(batchIndex),
            seed: options.seed,
            firstPhoton: firstOf(batchIndex),
            config,
            kernelKey,
          };
          inFlight++;
          backend
            .runBatch(task)
            .then((records) => {
              ready.set(batchIndex, records);
              deliver();
            })
            .catch((e) => {
              failure ??= e;
            })
            .finally(() => {
              inFlight--;
              launchMore();
              if (inFlight === 0) resolveAll();
            });
        }
        if (inFlight === 0) resolveAll();
      };
      launchMore();
    });
    if (failure) throw failure;
    return {
      backend: backend.name,
      backendDescription: backend.description,
      ...(backend.adapter ? { adapter: backend.adapter } : {}),
      threads: backend.threads,
      batchPhotons: plan.batchPhotons,
      batchesDone: nextToDeliver,
      photonsDone,
      interrupted: nextToDeliver < lastBatch,
      elapsedMs: performance.now() - started,
      launch: sourceLaunch(problem),
    };
  } finally {
    if (ownsBackend) await backend.close();
  }
}
