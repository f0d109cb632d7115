import { defineConfig } from 'vitest/config';

// The webgpu step (npm run test:webgpu): the real kernel on a WebGPU adapter (SwiftShader in CI).
export default defineConfig({
  test: {
    include: ['test/webgpu/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
