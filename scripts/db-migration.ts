// `npm run db:migration -- <name>`: writes the next migration for SQLite and PostgreSQL from the
// current models. PostgreSQL needs SCRATCH_DATABASE_URL (see README).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  diffMigrationsToModels,
  migrationDirectoryName,
  writeMigration,
} from '@/app/lib/db/migrations/create-migration';
import { derivePostgresqlSchema, POSTGRESQL_SCHEMA_PATH, SQLITE_SCHEMA_PATH } from './derive-postgresql-schema';
import { readFileSync, writeFileSync } from 'node:fs';
import { runCommand } from './run-command';

runCommand(async () => {
  const name = process.argv.slice(2).join(' ');
  const dirName = migrationDirectoryName(name);
  writeFileSync(POSTGRESQL_SCHEMA_PATH, derivePostgresqlSchema(readFileSync(SQLITE_SCHEMA_PATH, 'utf8')));
  const scratchServerUrl = process.env.SCRATCH_DATABASE_URL;
  // Both are computed before either is written, so the two histories never get out of step.
  const sqliteSql = await diffMigrationsToModels({ provider: 'sqlite' });
  const postgresqlSql = await diffMigrationsToModels({ provider: 'postgresql', scratchServerUrl });
  if (!sqliteSql && !postgresqlSql) {
    console.log('The models match the migration history: no migration written.');
    return;
  }
  for (const [provider, sql] of [
    ['sqlite', sqliteSql],
    ['postgresql', postgresqlSql],
  ] as const) {
    const file = writeMigration({ provider, dirName, sql: sql || '-- No change for this provider.\n' });
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  }
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/prisma-generate.ts'], { stdio: 'inherit' });
  console.log('Review both files, then run `npm run db:migrate` (it also runs before `npm run dev` and `npm start`).');
});
