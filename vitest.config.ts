import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test file runs in its own process, so a crash in one file cannot take the whole
    // run down, and OpenBLAS thread settings do not leak between files.
    pool: 'forks',
    testTimeout: 60_000,
    // The JSON report gives CI the pass and fail counts without parsing text.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
