import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'wire/index': 'src/wire/index.ts',
      'locales/index': 'src/locales/index.ts',
      'testing/index': 'src/testing/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    external: ['fast-check', 'neverthrow'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // The bin is no API: it bundles neverthrow, so that `cocreation --version` (and every
    // command) runs whatever the package manager installed beside it.
    noExternal: ['neverthrow'],
  },
]);
