import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built binary; a slow shared CI box needs headroom.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
