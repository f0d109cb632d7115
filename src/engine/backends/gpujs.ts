import { GPU } from 'gpu.js';
import { batchSeed32 } from '../seeds.js';
import { kernelOptions, transportKernelSource } from '../transportKernel.js';
import { installPhiloxWgsl } from '../random/philoxWgsl.js';
import { streamKeyArgument } from '../random/streamKey.js';
import { flattenRecords, type AdapterInfo, type Backend, type BatchTask } from './backend.js';

type GpuMode = 'webasm' | 'webgpu';

export { batchSeed32 };

/**
 * gpu.js webasm or webgpu mode in this thread. On webgpu Math.random is each photon's Philox4x32-10
 * stream (src/engine/random/philoxWgsl.ts). On webasm it is still gpu.js's 32-bit PCG seeded per
 * batch: gpu.js emits that generator as WebAssembly and offers no way to replace it (docs/random-streams.md).
 * Launches run one at a time: a gpu.js kernel keeps its output size and seed as mutable state that
 * the first launch (which waits for the shader build) would otherwise read after the next batch set them.
 */
export class GpuJsBackend implements Backend {
  readonly name: GpuMode;
  readonly threads: number;
  readonly defaultBatchPhotons: number;
  readonly description: string;
  adapter?: AdapterInfo;
  private readonly gpu: GPU;
  private kernel: any;
  private kernelKey = '';
  private photons = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(mode: GpuMode, threads: number, description: string, defaultBatchPhotons?: number) {
    this.name = mode;
    this.threads = threads;
    this.defaultBatchPhotons = defaultBatchPhotons ?? (mode === 'webgpu' ? 65_536 : 8192);
    this.description = description;
    this.gpu = new GPU({ mode });
  }

  private kernelFor(task: BatchTask): any {
    if (this.kernelKey !== task.kernelKey) {
      this.kernel?.destroy?.();
      this.kernel = this.gpu.createKernel(transportKernelSource() as any, kernelOptions(task.config.constants, task.photons, { singlePrecision: true, asyncLaunch: true, poolSize: this.name === 'webasm' ? this.threads : undefined }) as any);
      if (this.name === 'webgpu') installPhiloxWgsl(this.kernel.kernel ?? this.kernel);
      this.kernelKey = task.kernelKey;
      this.photons = task.photons;
    }
    if (this.photons !== task.photons) {
      this.kernel.setOutput([task.photons]);
      this.photons = task.photons;
    }
    return this.kernel;
  }

  private async launch(task: BatchTask): Promise<Float32Array> {
    const kernel = this.kernelFor(task);
    if (this.name === 'webasm') kernel.setRandomSeed(batchSeed32(task.seed, task.firstPhoton));
    const rows = await kernel(task.config.layerZ, task.config.props, task.config.wlCdf, streamKeyArgument(task.seed, task.firstPhoton));
    return flattenRecords(rows, task.photons);
  }

  runBatch(task: BatchTask): Promise<Float32Array> {
    const result = this.queue.then(() => this.launch(task));
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    this.kernel?.destroy?.();
    this.gpu.destroy?.();
  }
}
