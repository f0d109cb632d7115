import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { kernelOptions, transportKernelPath } from '../transportKernel.js';
import type { Backend, BatchTask } from './backend.js';
import { streamKeyArgument } from '../random/streamKey.js';

/**
 * The worker script next to this module: dist/cpu-worker.js in the built package (tsup bundles it
 * as its own entry), src/engine/backends/cpu-worker.mjs when running from source (tsx, vitest).
 */
export function cpuWorkerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of ['cpu-worker.js', 'cpu-worker.mjs']) {
    const path = join(here, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`cannot find the cpu backend's worker next to ${here}`);
}

/** gpu.js cpu mode in a piscina worker pool; Math.random is each photon's Philox stream (philox.mjs). */
export class CpuBackend implements Backend {
  readonly name = 'cpu' as const;
  readonly defaultBatchPhotons = 1000;
  readonly threads: number;
  readonly description: string;
  private readonly pool: Piscina;

  constructor(threads?: number, note?: string) {
    this.threads = threads ?? availableParallelism();
    this.description = `gpu.js cpu mode, ${this.threads} worker thread(s)${note ? ` (${note})` : ''}`;
    this.pool = new Piscina({
      filename: cpuWorkerPath(),
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: 60_000,
    });
  }

  async runBatch(task: BatchTask): Promise<Float32Array> {
    const { config } = task;
    return this.pool.run({
      sourcePath: transportKernelPath(),
      key: task.kernelKey,
      options: kernelOptions(config.constants, task.photons),
      photons: task.photons,
      layerZ: config.layerZ,
      props: config.props,
      wlCdf: config.wlCdf,
      seed: task.seed,
      firstPhoton: task.firstPhoton,
      streamKey: streamKeyArgument(task.seed, task.firstPhoton),
    });
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
