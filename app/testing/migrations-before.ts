import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { getSchemaPaths } from '@/app/lib/db/migrations/schema-paths';

/**
 * A copy of the provider's migration history as it stood before `name` (that migration and every later one left
 * out), for a test that fills a database the old way and then applies the migration. `remove` deletes the copy.
 */
export function migrationsBefore(provider: DatabaseProvider, name: string): { dir: string; remove: () => void } {
  const source = getSchemaPaths(provider).migrationsDir;
  const names = readdirSync(source, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  if (!names.includes(name)) throw new Error(`No migration ${name} in ${source}.`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envelope-migrations-'));
  cpSync(source, dir, { recursive: true });
  for (const later of names.filter((each) => each >= name)) rmSync(path.join(dir, later), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
