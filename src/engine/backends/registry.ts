import { availableParallelism } from 'node:os';
import { InputError } from '../../errors.js';
import type { Backend } from './backend.js';
import { CpuBackend } from './cpu.js';
import { GpuJsBackend } from './gpujs.js';
import { probeWebGpu, type WebGpuProbe } from './webgpuProbe.js';

function webGpuBackend(probe: WebGpuProbe, note = ''): GpuJsBackend {
  const kind = probe.adapterInfo?.software ? 'software (CPU) adapter' : 'adapter';
  const backend = new GpuJsBackend('webgpu', 1, `gpu.js webgpu mode on ${kind} ${probe.adapter || 'unnamed'}${note}`);
  backend.adapter = probe.adapterInfo;
  return backend;
}

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
    create: async (threads: number): Promise<Backend> =>
      new GpuJsBackend('webasm', threads, `gpu.js webasm mode (WebAssembly), ${threads} thread(s); gpu.js 32-bit PCG streams per batch, not per-photon Philox (docs/random-streams.md)`),
  },
  webgpu: {
    help: 'gpu.js webgpu mode on a WebGPU adapter (Dawn), software adapters included',
    create: async (): Promise<Backend> => {
      const probe = await probeWebGpu();
      if (!probe.available) throw new InputError(`the webgpu backend is not available here: ${probe.reason}. Use --backend cpu.`);
      return webGpuBackend(probe);
    },
  },
} as const;

export type ConcreteBackendName = keyof typeof BACKENDS;
/** 'auto' picks webgpu on a hardware adapter, else cpu (a software adapter only when asked for by name). */
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
  // A hardware adapter only: a software one (SwiftShader, lavapipe) runs only when asked for by name.
  const probe = await probeWebGpu();
  if (probe.available && !probe.adapterInfo?.software) return webGpuBackend(probe, ' (auto)');
  const why = probe.available ? `the only WebGPU adapter is a software one (${probe.adapter}); --backend webgpu runs on it` : `no WebGPU — ${probe.reason}`;
  return new CpuBackend(n, `auto: ${why}`);
}

export { probeWebGpu };
