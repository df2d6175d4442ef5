// Runs before `npm run dev` and `npm start`: checks the configuration and applies pending
// migrations. A non-zero exit keeps the server from starting, with the reason printed.
import { describeAuthConfig, resolveAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { prisma } from '@/app/lib/db/prisma';
import { getEnvironment } from '@/app/lib/env';
import { ensureEnvironmentHooks } from '@/app/lib/hooks/ensure-environment-hooks';
import { runCommand } from './run-command';

runCommand(async () => {
  const environment = getEnvironment();
  // `npm start` passes --production; NODE_ENV is only set by `next start` itself, which runs after this.
  const production = process.argv.includes('--production') || environment.NODE_ENV === 'production';
  const auth = resolveAuthConfig({ environment, production });
  if (auth.mode === 'misconfigured') throw new Error(`Not starting: ${auth.problem}`);
  console.log(describeAuthConfig(auth));
  for (const warning of auth.warnings) console.warn(`Warning: ${warning}`);
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
