import { availableParallelism } from 'node:os';
import { InputError } from '../../errors.js';
import type { Backend } from './backend.js';
import { CpuBackend } from './cpu.js';
import { GpuJsBackend } from './gpujs.js';
import { probeWebGpu } from './webgpuProbe.js';

/**
 * The backends, in one list: the CLI's --backend choices, the BackendName type and the error
 * messages derive from it. Adding a backend: its adapter file and an entry here.
 */
export const BACKENDS = {
  cpu: {
    help: 'gpu.js cpu mode in worker threads (always available)',
    create: async (threads: number): Promise<Backend> => new CpuBackend(threads),
  },
  webasm: {
    help: 'gpu.js webasm mode (WebAssembly) in this thread',
    create: async (threads: number): Promise<Backend> => new GpuJsBackend('webasm', threads, `gpu.js webasm mode (WebAssembly), ${threads} thread(s)`),
  },
  webgpu: {
    help: 'gpu.js webgpu mode on a WebGPU adapter (Dawn)',
    create: async (): Promise<Backend> => {
      const probe = await probeWebGpu();
      if (!probe.available) throw new InputError(`the webgpu backend is not available here: ${probe.reason}. Use --backend cpu.`);
      return new GpuJsBackend('webgpu', 1, `gpu.js webgpu mode on ${probe.adapter || 'a WebGPU adapter'}`);
    },
  },
} as const;

export type ConcreteBackendName = keyof typeof BACKENDS;
/** 'auto' picks webgpu when an adapter exists, else cpu. */
export const BACKEND_NAMES = ['auto', ...(Object.keys(BACKENDS) as ConcreteBackendName[])] as const;
export type BackendName = 'auto' | ConcreteBackendName;

export function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}

/** The one place a backend is made. */
export async function createBackend(name: BackendName, threads?: number): Promise<Backend> {
  const n = threads ?? availableParallelism();
  if (!Number.isInteger(n) || n < 1) throw new InputError(`--threads must be a whole number ≥ 1 (got ${threads})`);
  if (!isBackendName(name)) throw new InputError(`--backend must be one of ${BACKEND_NAMES.join(', ')} (got "${name}")`);
  if (name !== 'auto') return BACKENDS[name].create(n);
  const probe = await probeWebGpu();
  if (probe.available) return new GpuJsBackend('webgpu', 1, `gpu.js webgpu mode on ${probe.adapter || 'a WebGPU adapter'} (auto)`);
  return new CpuBackend(n, `auto: no WebGPU — ${probe.reason}`);
}

export { probeWebGpu };
