import { availableParallelism } from 'node:os';
import { InputError } from '../../errors.js';
import type { BackendName } from '../types.js';
import type { Backend } from './backend.js';
import { CpuBackend } from './cpu.js';
import { GpuJsBackend } from './gpujs.js';

export interface WebGpuProbe {
  available: boolean;
  reason: string;
  adapter?: string;
}

let webGpuProbe: Promise<WebGpuProbe> | undefined;

/** Loads Dawn (the `webgpu` package) and asks for an adapter; gpu.js only looks at navigator.gpu. */
export function probeWebGpu(): Promise<WebGpuProbe> {
  webGpuProbe ??= (async (): Promise<WebGpuProbe> => {
    try {
      const dawn: any = await import('webgpu');
      const gpu = dawn.create([]);
      Object.assign(globalThis, dawn.globals ?? {});
      if (!(globalThis as any).navigator?.gpu) {
        Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
      }
      const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) return { available: false, reason: 'Dawn loaded but found no WebGPU adapter (no Vulkan driver?)' };
      const info = adapter.info ?? {};
      return { available: true, reason: 'ok', adapter: [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') };
    } catch (e) {
      const msg = (e as Error).message.split('\n')[0];
      return { available: false, reason: `the webgpu package (Dawn) did not load: ${msg}` };
    }
  })();
  return webGpuProbe;
}

export async function createBackend(name: BackendName, threads?: number): Promise<Backend> {
  const n = threads ?? availableParallelism();
  if (!Number.isInteger(n) || n < 1) throw new InputError(`--threads must be a whole number ≥ 1 (got ${threads})`);
  switch (name) {
    case 'cpu':
      return new CpuBackend(n);
    case 'webasm':
      return new GpuJsBackend('webasm', n, `gpu.js webasm mode (WebAssembly), ${n} thread(s)`);
    case 'webgpu': {
      const probe = await probeWebGpu();
      if (!probe.available) throw new InputError(`the webgpu backend is not available here: ${probe.reason}. Use --backend cpu.`);
      return new GpuJsBackend('webgpu', 1, `gpu.js webgpu mode on ${probe.adapter || 'a WebGPU adapter'}`);
    }
    case 'auto': {
      const probe = await probeWebGpu();
      if (probe.available) return new GpuJsBackend('webgpu', 1, `gpu.js webgpu mode on ${probe.adapter || 'a WebGPU adapter'} (auto)`);
      return new CpuBackend(n, `auto: no WebGPU — ${probe.reason}`);
    }
    default:
      throw new InputError(`--backend must be one of auto, cpu, webasm, webgpu (got "${name}")`);
  }
}
