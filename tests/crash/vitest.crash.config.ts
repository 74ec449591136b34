import { defineConfig } from 'vitest/config';

/** `npm run test:crash`: the real `jamun start` killed with SIGKILL mid-open, against each fake. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/crash/**/*.crash.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
