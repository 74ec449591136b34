/**
 * The test run Stryker uses (`npm run mutate`): the core's tests only, which
 * are pure and fast; adapter and CLI tests start servers and processes and
 * would make every mutant cost seconds. (Not merged with vitest.config.ts:
 * merging would append to its `include` rather than replace it.)
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/core/**/*.test.ts'],
    environment: 'node',
    // Stryker switches mutants through a global, so modules can stay loaded
    // between runs: without isolation each mutant costs a test run, not a reload.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
