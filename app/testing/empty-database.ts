import { rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createScratchPostgresqlDatabase,
  dropScratchPostgresqlDatabase,
} from '@/app/lib/db/scratch-postgresql-database';
import { assertLocalPostgresqlUrl } from './test-database-guard';

/** A brand-new empty database of the given provider, for tests that must start from nothing. */
export async function createEmptyDatabase(provider: 'sqlite' | 'postgresql') {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'envelope-empty-'));
    return {
      url: `file:${path.join(dir, 'empty.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  assertLocalPostgresqlUrl(serverUrl);
  const url = await createScratchPostgresqlDatabase(serverUrl, 'envtest_empty');
  return { url, drop: () => dropScratchPostgresqlDatabase(serverUrl, url, 'envtest_empty') };
}
