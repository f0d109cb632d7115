import { defineConfig } from 'vitest/config';

// Sized for a busy 2-core machine: two test processes at most (heavy tests run their engine on one
// thread), generous timeouts, and CLI tests spawn asynchronously so no worker blocks its event loop.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
