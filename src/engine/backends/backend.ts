import type { KernelConfig } from '../kernelConfig.js';

export interface BatchTask {
  batchIndex: number;
  photons: number;
  /** The batch's seed, derived from (run seed, batch index): every batch is an independent stream. */
  seedKey: string;
  config: KernelConfig;
  /** Identifies the compiled kernel (source + constants) so backends can cache it. */
  kernelKey: string;
}

export interface Backend {
  /** A key of BACKENDS in registry.ts. */
  readonly name: string;
  readonly threads: number;
  /** Photons per batch this backend is built for (a fixed number, so results never depend on threads). */
  readonly defaultBatchPhotons: number;
  readonly description: string;
  runBatch(task: BatchTask): Promise<Float32Array>;
  close(): Promise<void>;
}

/** gpu.js returns Array(4) kernels as an array of Float32Array(4) (cpu) or a flat array: make it flat. */
export function flattenRecords(rows: unknown, photons: number): Float32Array {
  if (rows instanceof Float32Array && rows.length === photons * 4) return rows;
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
