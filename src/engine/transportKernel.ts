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

/** What a backend's gpu.js mode needs on top of the common options. */
export interface KernelNeeds {
  /** Single-precision floats (the GPU modes; the cpu mode computes in doubles). */
  singlePrecision?: boolean;
  /** Launch returns a promise (webasm, webgpu). */
  asyncLaunch?: boolean;
  /** Worker pool size (webasm). */
  poolSize?: number;
  /** Build for inspection only (the WGSL translation): fixed output, no launch. */
  translateOnly?: boolean;
}

/**
 * gpu.js createKernel options of the transport kernel: one definition for every backend and for the
 * WGSL translation; an adapter only says what its mode needs.
 */
export function kernelOptions(constants: TransportConstants, photons: number, needs: KernelNeeds = {}): Record<string, unknown> {
  return {
    output: [photons],
    constants,
    returnType: `Array(${RECORD_FLOATS})`,
    loopMaxIterations: constants.maxSteps + 1,
    ...(needs.translateOnly ? {} : { dynamicOutput: true }),
    tactic: 'precision',
    ...(needs.singlePrecision ? { precision: 'single' } : {}),
    ...(needs.asyncLaunch ? { asyncMode: true } : {}),
    ...(needs.poolSize !== undefined ? { poolSize: needs.poolSize } : {}),
  };
}
