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
