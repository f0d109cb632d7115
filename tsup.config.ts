import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    // The cpu backend's worker, loaded by piscina from next to the bundle (engine/backends/cpu.ts).
    'cpu-worker': 'src/engine/backends/cpu-worker.mjs',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  splitting: true,
  // Dawn's native binding is found relative to its own package: never bundle it.
  external: ['webgpu'],
});
