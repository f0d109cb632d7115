import { defineConfig } from 'vitest/config';

// Sized for a busy 2-core machine: two test processes at most (in-process engine tests run one
// worker thread), generous timeouts, and CLI tests spawn asynchronously so no worker blocks its event loop.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The webgpu step runs on its own (npm run test:webgpu, vitest.webgpu.config.ts).
    exclude: ['test/webgpu/**', 'node_modules/**'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
