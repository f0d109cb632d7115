import { GPU } from 'gpu.js';
import type { KernelConfig } from '../kernelConfig.js';
import { kernelOptions, transportKernelSource } from '../transportKernel.js';
import { installPhiloxWgsl } from '../random/philoxWgsl.js';
import { streamKeyArgument } from '../random/streamKey.js';

/**
 * Translates the transport kernel to WGSL without a GPU (gpu.js does the JS→WGSL translation before
 * it asks for a device), so CI can check that the kernel stays within the webgpu subset; the shader
 * carries the Philox generator exactly as the webgpu backend runs it.
 */
export function transportKernelWgsl(config: KernelConfig, photons = 1024): string {
  const g = globalThis as { navigator?: unknown };
  const hadNavigator = Object.prototype.hasOwnProperty.call(globalThis, 'navigator');
  const saved = g.navigator;
  const stub = { gpu: { requestAdapter: async () => null } };
  Object.defineProperty(globalThis, 'navigator', { value: stub, configurable: true, writable: true });
  try {
    const gpu = new GPU({ mode: 'webgpu' });
    const shortcut: any = gpu.createKernel(transportKernelSource() as any, kernelOptions(config.constants, photons, { singlePrecision: true, translateOnly: true }) as any);
    const kernel = shortcut.kernel ?? shortcut;
    installPhiloxWgsl(kernel);
    const pending = kernel.build(config.layerZ, config.props, config.wlCdf, streamKeyArgument(1, 0));
    pending?.catch?.(() => undefined);
    return kernel.compiledSource as string;
  } finally {
    if (hadNavigator) Object.defineProperty(globalThis, 'navigator', { value: saved, configurable: true, writable: true });
    else delete g.navigator;
  }
}
