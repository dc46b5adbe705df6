import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // two cores: keep the worker count low so CLI and browser tests do not starve each other
    maxWorkers: 2,
  },
});
