import type { KernelConfig } from '../kernelConfig.js';

export interface BatchTask {
  batchIndex: number;
  photons: number;
  /** Run seed: the Philox key (src/engine/random/philox.mjs). */
  seed: number;
  /** Global index of the batch's first photon: photon i of the run always draws from stream i. */
  firstPhoton: number;
  config: KernelConfig;
  /** Identifies the compiled kernel (source + constants) so backends can cache it. */
  kernelKey: string;
}

/** The WebGPU adapter a backend runs on (GPUAdapterInfo plus whether it is a software implementation). */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  /** Dawn's fallback adapter or a CPU Vulkan driver (SwiftShader, lavapipe): speeds are not GPU speeds. */
  software: boolean;
}

export interface Backend {
  /** A key of BACKENDS in registry.ts. */
  readonly name: string;
  readonly threads: number;
  /** Photons per batch this backend is built for (a fixed number, so results never depend on threads). */
  readonly defaultBatchPhotons: number;
  readonly description: string;
  /** The WebGPU adapter (webgpu backend only). */
  adapter?: AdapterInfo;
  runBatch(task: BatchTask): Promise<Float32Array>;
  close(): Promise<void>;
}

/** gpu.js returns Array(4) kernels as an array of Float32Array(4) (cpu) or a flat array: make it flat. */
export function flattenRecords(rows: unknown, photons: number): Float32Array {
  if (rows instanceof Float32Array && rows.length === photons * 4) return rows;
  const length = (rows as ArrayLike<unknown> | undefined)?.length;
  if (rows instanceof Float32Array || length !== photons) {
    throw new Error(`the kernel returned ${rows instanceof Float32Array ? rows.length / 4 : length} records for a batch of ${photons} photons`);
  }
  const out = new Float32Array(photons * 4);
  const list = rows as ArrayLike<ArrayLike<number>>;
  for (let i = 0; i < photons; i++) {
    const r = list[i];
    out[i * 4] = r[0];
    out[i * 4 + 1] = r[1];
    out[i * 4 + 2] = r[2];
    out[i * 4 + 3] = r[3];
  }
  return out;
}
