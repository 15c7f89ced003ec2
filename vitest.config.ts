import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node against real SQLite files and real HTTP servers.
export default defineConfig({
  // Compiles .vue files so renderer component tests can mount them (@vue/test-utils + happy-dom).
  plugins: [vue()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // PINGYI_SEED replays fast-check properties too (tests/support/seed.ts does it for the rest).
    setupFiles: ['tests/support/fast-check-seed.ts'],
  },
});
