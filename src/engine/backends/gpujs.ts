import { GPU } from 'gpu.js';
import { batchSeed32 } from '../seeds.js';
import { kernelOptions, transportKernelSource } from '../transportKernel.js';
import { flattenRecords, type Backend, type BatchTask } from './backend.js';

type GpuMode = 'webasm' | 'webgpu';

export { batchSeed32 };

/**
 * gpu.js webasm or webgpu mode in this thread. Both draw Math.random from gpu.js's PCG generator,
 * seeded per launch (batch) with randomSeed, so a batch replays exactly.
 */
export class GpuJsBackend implements Backend {
  readonly name: GpuMode;
  readonly threads: number;
  readonly defaultBatchPhotons: number;
  readonly description: string;
  private readonly gpu: GPU;
  private kernel: any;
  private kernelKey = '';
  private photons = 0;

  constructor(mode: GpuMode, threads: number, description: string) {
    this.name = mode;
    this.threads = threads;
    this.defaultBatchPhotons = mode === 'webgpu' ? 65_536 : 8192;
    this.description = description;
    this.gpu = new GPU({ mode });
  }

  private kernelFor(task: BatchTask): any {
    if (this.kernelKey !== task.kernelKey) {
      this.kernel?.destroy?.();
      this.kernel = this.gpu.createKernel(transportKernelSource() as any, kernelOptions(task.config.constants, task.photons, { singlePrecision: true, asyncLaunch: true, poolSize: this.name === 'webasm' ? this.threads : undefined }) as any);
      this.kernelKey = task.kernelKey;
      this.photons = task.photons;
    }
    if (this.photons !== task.photons) {
      this.kernel.setOutput([task.photons]);
      this.photons = task.photons;
    }
    return this.kernel;
  }

  async runBatch(task: BatchTask): Promise<Float32Array> {
    const kernel = this.kernelFor(task);
    kernel.setRandomSeed(batchSeed32(task.seedKey));
    const rows = await kernel(task.config.layerZ, task.config.props, task.config.wlCdf);
    return flattenRecords(rows, task.photons);
  }

  async close(): Promise<void> {
    this.kernel?.destroy?.();
    this.gpu.destroy?.();
  }
}
