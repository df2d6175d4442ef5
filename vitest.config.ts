import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { resolvePostgresqlTestDatabase } from './app/testing/test-database-guard';

const root = path.dirname(new URL(import.meta.url).pathname);
const shared = {
  root,
  resolve: {
    // server-only throws outside React Server Components; tests are trusted server code.
    alias: { '@': root, 'server-only': path.join(root, 'app/testing/empty-module.ts') },
  },
};

const integration = (provider: 'sqlite' | 'postgresql') => ({
  ...shared,
  test: {
    name: `integration-${provider}`,
    include: ['app/**/*.integration.test.ts', 'scripts/**/*.integration.test.ts'],
    environment: 'node',
    globalSetup: ['app/testing/integration-global-setup.ts'],
    setupFiles: ['app/testing/integration-setup.ts'],
    env: { TEST_DATABASE_PROVIDER: provider },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    provide: { databaseProvider: provider },
  },
});

const postgresqlUrl = resolvePostgresqlTestDatabase();

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['app/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      integration('sqlite'),
      ...(postgresqlUrl ? [integration('postgresql')] : []),
    ],
  },
});
