import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { TransportConstants } from './kernelConfig.js';
import { RECORD_FLOATS } from './records.js';

let cached: string | undefined;

export function transportKernelPath(): string {
  return join(packageRoot(), 'kernels', 'transport.js');
}

/** The transport kernel's text, read from kernels/ so every backend compiles exactly the same source. */
export function transportKernelSource(): string {
  if (cached === undefined) {
    const text = readFileSync(transportKernelPath(), 'utf8');
    // gpu.js wants the text to start at the function itself; the file's header comment stays behind.
    cached = text.slice(text.indexOf('function transport('));
  }
  return cached;
}

export type KernelMode = 'cpu' | 'webasm' | 'webgpu';

/**
 * gpu.js createKernel options of the transport kernel, the same for every backend and for the WGSL
 * translation; only what a mode needs differs (single precision and async launch on webasm/webgpu,
 * a worker pool on webasm). `translateOnly` builds for inspection (fixed output, no launch).
 */
export function kernelOptions(
  constants: TransportConstants,
  photons: number,
  o: { mode: KernelMode; threads?: number; translateOnly?: boolean },
): Record<string, unknown> {
  return {
    output: [photons],
    constants,
    returnType: `Array(${RECORD_FLOATS})`,
    loopMaxIterations: constants.maxSteps + 1,
    ...(o.translateOnly ? {} : { dynamicOutput: true }),
    tactic: 'precision',
    ...(o.mode === 'cpu' ? {} : { precision: 'single' }),
    ...(o.mode === 'cpu' || o.translateOnly ? {} : { asyncMode: true }),
    ...(o.mode === 'webasm' ? { poolSize: o.threads } : {}),
  };
}
