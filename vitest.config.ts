import { defineConfig } from 'vitest/config';

// Unit and component tests. The engine's tests run in node; component tests opt into jsdom with a
// `// @vitest-environment jsdom` comment at the top of the file. Browser journeys live in tests/e2e and run
// under Playwright (`npm run test:e2e`).
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/helpers/setup.ts'],
    testTimeout: 20_000,
  },
});
