/**
 * Mutation testing of the core: `npm run mutate` (not in CI: it takes tens of
 * minutes). Narrow it to a folder while working, e.g.
 * `npm run mutate -- --mutate 'src/core/summary/**'`. See CONTRIBUTING.md.
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/vitest.mutation.config.ts' },
  mutate: ['src/core/**/*.ts', '!src/core/i18n/sections/**'],
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants would need a full reload per mutant; skip them.
  ignoreStatic: true,
  // The machine is shared: two workers at most.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 70, break: null },
};
