// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded SQLite file).
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { runCommand } from './run-command';

runCommand(async () => {
  const config = getDatabaseConfig();
  const { applied } = await applyMigrations({ config });
  console.log(
    applied.length === 0
      ? `${describeDatabase(config)}: migrations up to date.`
      : `${describeDatabase(config)}: applied ${applied.length} migration(s): ${applied.join(', ')}`,
  );
});
