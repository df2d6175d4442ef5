// Runs before `npm run dev` and `npm start`: checks the configuration and applies pending
// migrations. A non-zero exit keeps the server from starting, with the reason printed.
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { prisma } from '@/app/lib/db/prisma';
import { getEnvironment } from '@/app/lib/env';
import { ensureEnvironmentHooks } from '@/app/lib/hooks/ensure-environment-hooks';
import { runCommand } from './run-command';

runCommand(async () => {
  const environment = getEnvironment();
  const config = getDatabaseConfig();
  const { applied } = await applyMigrations({ config });
  if (applied.length > 0) console.log(`Applied migration(s) ${applied.join(', ')} to ${describeDatabase(config)}.`);
  console.log(`Database: ${describeDatabase(config)}, migrations up to date.`);
  if (environment.WEBHOOK_HOOK_IDS) {
    const created = await ensureEnvironmentHooks({ value: environment.WEBHOOK_HOOK_IDS });
    if (created.length > 0) console.log(`Created ${created.length} hook(s) from WEBHOOK_HOOK_IDS.`);
    await prisma.$disconnect();
  }
});
