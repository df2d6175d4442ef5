// Runs before `npm run dev` and `npm start`: checks the configuration and applies pending
// migrations. A non-zero exit keeps the server from starting, with the reason printed.
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { getEnvironment } from '@/app/lib/env';
import { runCommand } from './run-command';

runCommand(async () => {
  getEnvironment();
  const config = getDatabaseConfig();
  const { applied } = await applyMigrations({ config });
  if (applied.length > 0) console.log(`Applied migration(s) ${applied.join(', ')} to ${describeDatabase(config)}.`);
  console.log(`Database: ${describeDatabase(config)}, migrations up to date.`);
});
