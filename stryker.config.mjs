// Mutation testing of src/ (issue 8). See contributing/mutation.md for the scores and the mutants
// judged equivalent. `npm run mutation` runs every file; `npm run mutation:ci` the subset CI
// runs within its time budget.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/**/*.ts',
    // Re-exports and types only: nothing to mutate.
    '!src/index.ts',
    '!src/testing/index.ts',
    '!src/wire/index.ts',
    '!src/locales/index.ts',
    '!src/values/brand.ts',
    '!src/settle/settlement.ts',
    // The bin is tested by running the built dist/cli.js in a child process (test/cli.test.ts),
    // which Stryker's in-process mutant switching cannot reach.
    '!src/cli/**',
  ],
  thresholds: { high: 95, low: 90, break: 90 },
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignoreStatic: true,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: build and bench output (.bench holds ~90 MB of generated
  // documents) and other runs' sandboxes, so that mutation runs of different files can run
  // side by side without copying each other.
  ignorePatterns: ['dist', 'coverage', '.bench', '.stryker-tmp*', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
};
