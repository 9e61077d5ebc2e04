import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  '@': root,
  // lib/data files start with `import 'server-only'`, which throws outside React Server bundles.
  'server-only': path.join(root, 'tests/support/server-only-stub.ts'),
};

export default defineConfig({
  test: {
    // Two test files at a time (TEST_WORKERS), on both projects: Vitest takes one setting for all
    // projects that run together, and its default left one of this machine's two cores idle.
    maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/integration-setup.ts'],
          globalSetup: ['tests/support/reference-template.ts'],
          // Each file gets its own database; PGlite is in-process, so files run in separate forks.
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
