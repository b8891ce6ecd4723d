import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The repository root, so that test paths and fixtures resolve as from `npm test`.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts', 'test/support/mathjs-setup.ts'],
    // CLI tests spawn the built binary; a slow shared CI box needs headroom.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
