import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { devGoogleServiceAccountPrivateKeyPem } from './simulator/generate/dev-keys/index.ts';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('infra/migrations');
  return {
    test: {
      projects: [
        {
          // Everything that touches the Worker, D1, Queues or connectors runs inside workerd.
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  TUTELA_MODE: 'test',
                  ADMIN_API_TOKEN: 'test-admin-token',
                  // Request logs would bury test output; warnings and errors still show.
                  LOG_LEVEL: 'warn',
                  // The simulator's Entra app secret (simulator/generate/README.md), as a Worker secret for test/integration.
                  SECRET_TEST_M365: 'sim-client-secret',
                  // The simulated Google service account's key (simulator-only, simulator/generate/dev-keys/README.md).
                  SECRET_TEST_GOOGLE_KEY: devGoogleServiceAccountPrivateKeyPem,
                },
              },
            }),
          ],
          test: {
            name: 'workerd',
            include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'connectors/**/*.test.ts', 'adaptive-cards/**/*.test.ts', 'simulator/**/*.test.ts'],
            exclude: ['**/*.node.test.ts', 'node_modules/**'],
            setupFiles: ['./test/setup/apply-migrations.ts'],
          },
        },
        {
          // CLI, benchmarks' helpers and the simulator's HTTP server run in Node 24.
          test: {
            name: 'node',
            include: ['**/*.node.test.ts'],
            exclude: ['node_modules/**'],
            environment: 'node',
          },
        },
      ],
    },
  };
});
