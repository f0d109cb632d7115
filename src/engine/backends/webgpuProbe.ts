import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AdapterInfo } from './backend.js';

export interface WebGpuProbe {
  available: boolean;
  reason: string;
  /** One line naming the adapter (vendor, architecture, device, description). */
  adapter?: string;
  adapterInfo?: AdapterInfo;
}

const LIBRARY_DIRS = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib/aarch64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/lib64', '/usr/lib64', '/lib', '/usr/lib', '/usr/local/lib'];

/** Dawn needs the Vulkan loader on Linux; without one it only prints a warning and finds no adapter. */
function vulkanLoaderFound(): boolean {
  if (process.platform !== 'linux') return true;
  const dirs = [...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean), ...LIBRARY_DIRS];
  return dirs.some((d) => existsSync(join(d, 'libvulkan.so.1')));
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|lavapipe|softpipe|software/i;

/** A CPU implementation of WebGPU/Vulkan (Dawn's fallback adapter, SwiftShader, lavapipe): not a GPU. */
function isSoftwareAdapter(info: Record<string, unknown>, adapter: { isFallbackAdapter?: boolean }): boolean {
  if (info.isFallbackAdapter || adapter.isFallbackAdapter) return true;
  return SOFTWARE_RENDERERS.test([info.vendor, info.architecture, info.device, info.description].join(' '));
}

let webGpuProbe: Promise<WebGpuProbe> | undefined;

/** Loads Dawn (the `webgpu` package) and asks for an adapter; gpu.js only looks at navigator.gpu. */
export function probeWebGpu(): Promise<WebGpuProbe> {
  webGpuProbe ??= (async (): Promise<WebGpuProbe> => {
    if (!vulkanLoaderFound()) return { available: false, reason: 'no Vulkan loader (libvulkan.so.1) on this machine' };
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
      const adapterInfo: AdapterInfo = {
        vendor: info.vendor ?? '',
        architecture: info.architecture ?? '',
        device: info.device ?? '',
        description: info.description ?? '',
        isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
        software: isSoftwareAdapter(info, adapter),
      };
      return { available: true, reason: 'ok', adapter: [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' '), adapterInfo };
    } catch (e) {
      const msg = (e as Error).message.split('\n')[0];
      return { available: false, reason: `the webgpu package (Dawn) did not load: ${msg}` };
    }
  })();
  return webGpuProbe;
}
