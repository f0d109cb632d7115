import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { Backend, BatchTask } from './backends/backend.js';
import { createBackend } from './backends/registry.js';
import { buildKernelConfig } from './kernelConfig.js';
import { batchSeedKey } from './seeds.js';
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

export { batchSeedKey };

export interface RunInfo {
  backend: string;
  backendDescription: string;
  threads: number;
  batchPhotons: number;
  batchesDone: number;
  photonsDone: number;
  interrupted: boolean;
  elapsedMs: number;
  /** The source's launch: specular reflectance, weight entering the tissue, start layer. */
  launch: Launch;
}

/** Receives each batch's records in batch order (whatever order the workers finish in). */
export type RecordSink = (records: Float32Array, batchIndex: number, photons: number) => void;

/**
 * Runs `photons` photon packets through `problem` in fixed-size seeded batches and hands their
 * records to `sink` in batch order, so results do not depend on the number of threads.
 * `startBatch` resumes a run from a checkpoint.
 */
export async function runTransport(
  problem: TransportProblem,
  options: RunOptions & { backendInstance?: Backend; startBatch?: number },
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
    const photonsIn = (b: number) => Math.min(plan.batchPhotons, plan.photons - b * plan.batchPhotons);

    const ready = new Map<number, Float32Array>();
    let nextToDeliver = startBatch;
    let nextToLaunch = startBatch;
    let photonsDone = startBatch * plan.batchPhotons;
    let failure: unknown;
    const inFlightLimit = Math.max(2, backend.threads * 2);

    const deliver = () => {
      while (ready.has(nextToDeliver)) {
        const records = ready.get(nextToDeliver)!;
        ready.delete(nextToDeliver);
        sink(records, nextToDeliver, photonsIn(nextToDeliver));
        photonsDone += photonsIn(nextToDeliver);
        nextToDeliver++;
        options.onProgress?.(photonsDone, plan.photons);
      }
    };

    await new Promise<void>((resolveAll) => {
      let inFlight = 0;
      const launchMore = () => {
        while (!failure && !options.signal?.aborted && inFlight < inFlightLimit && nextToLaunch < plan.batches) {
          const batchIndex = nextToLaunch++;
          const task: BatchTask = {
            batchIndex,
            photons: photonsIn(batchIndex),
            seedKey: batchSeedKey(options.seed, batchIndex),
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
      threads: backend.threads,
      batchPhotons: plan.batchPhotons,
      batchesDone: nextToDeliver,
      photonsDone,
      interrupted: nextToDeliver < plan.batches,
      elapsedMs: performance.now() - started,
      launch: sourceLaunch(problem),
    };
  } finally {
    if (ownsBackend) await backend.close();
  }
}
