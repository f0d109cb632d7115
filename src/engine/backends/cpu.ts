import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { packageRoot } from '../../paths.js';
import { transportKernelPath } from '../transportKernel.js';
import type { Backend, BatchTask } from './backend.js';

/** gpu.js cpu mode in a piscina worker pool; each batch's Math.random is a seeded xor4096 stream. */
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
      filename: join(packageRoot(), 'src', 'engine', 'backends', 'cpu-worker.mjs'),
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
      constants: config.constants,
      photons: task.photons,
      layerZ: config.layerZ,
      props: config.props,
      wlCdf: config.wlCdf,
      seedKey: task.seedKey,
    });
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
