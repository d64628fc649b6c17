import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The manifest loads codemod code with `require`, which cannot read the .ts sources: hand them over.
    setupFiles: ['__tests__/support/codemod-modules.ts'],
  },
});
