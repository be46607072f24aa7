import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Native kernels share one OpenBLAS thread pool; forks keep each test file in its own
    // process so a crash in one file cannot take the whole run down.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
