import { defineConfig } from 'vitest/config';

/** The packages as npm would ship them: built `dist`, packed, installed in a project of their own. */
export default defineConfig({
  test: {
    include: ['release/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
