import { defineConfig } from 'vitest/config';

/**
 * Node-side test settings every package shares. Workspace packages are
 * resolved to their TypeScript sources through the `source` export condition,
 * so tests never need a build first.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
