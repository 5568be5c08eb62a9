/**
 * `npm run fuzz`: the fuzz suite (test/fuzz/*.fuzz.test.ts) with many runs. The same files run
 * in `npm test` with FUZZ_RUNS' default (100 per property); here every property runs
 * FUZZ_RUNS times (default 2,500: over 100,000 runs in total, see contributing/mutation.md).
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// mergeConfig would append to the base's `include` (every test); this suite replaces it.
const { include: _everyTest, ...baseTest } = base.test ?? {};

export default mergeConfig(
  { ...base, test: baseTest },
  defineConfig({
    test: {
      include: ['test/fuzz/**/*.fuzz.test.ts', 'test/hostile.test.ts'],
      env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2500' },
      testTimeout: 1_800_000,
      coverage: { enabled: false },
    },
  }),
);
