import { defineConfig } from 'vitest/config';

/**
 * `npm run test:crash`: the real `jamun start` killed with SIGKILL while a round
 * opens, one file per platform's fake. The two files run side by side (each
 * trial mostly waits on its child process), which halves the wall time.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/crash/**/*.crash.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
