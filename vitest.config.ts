import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript source under the "source" condition, so tests run
// against src without a prior build. Tests run in Vite's server-side (ssr) environment, which
// takes its own resolve conditions.
const conditions = ['source', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
  },
});
