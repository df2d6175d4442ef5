// Runs before `npm run dev` and `npm start`: checks the configuration and applies pending
// migrations. A non-zero exit keeps the server from starting, with the reason printed.
import { describeAuthConfig, resolveAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { prisma } from '@/app/lib/db/prisma';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { ensureFirstAdmin } from '@/app/lib/auth/users/ensure-first-admin';
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
  if (auth.mode === 'accounts') await prepareAccounts(environment, auth.sso);
  if (environment.WEBHOOK_HOOK_IDS) {
    const created = await ensureEnvironmentHooks({ value: environment.WEBHOOK_HOOK_IDS });
    if (created.length > 0) console.log(`Created ${created.length} hook(s) from WEBHOOK_HOOK_IDS.`);
  }
  await prisma.$disconnect();
});

/**
 * The first admin on a fresh database (ADMIN_EMAIL and ADMIN_PASSWORD, or an older installation's DASHBOARD_PASSWORD),
 * and a refusal to start when nobody could ever sign in.
 */
async function prepareAccounts(environment: ReturnType<typeof getEnvironment>, sso: boolean) {
  const outcome = await ensureFirstAdmin({
    adminEmail: environment.ADMIN_EMAIL,
    adminPassword: environment.ADMIN_PASSWORD,
    dashboardPassword: environment.DASHBOARD_PASSWORD,
  });
  if (outcome.created !== null)
    await recordAuditEntry({
      action: 'user.create',
      actor: { kind: 'system', name: 'start-up' },
      target: { type: 'user', id: outcome.email },
      detail: {
        role: 'admin',
        from: outcome.created === 'admin-from-environment' ? 'ADMIN_EMAIL' : 'DASHBOARD_PASSWORD',
      },
    });
  if (outcome.created === 'admin-from-environment')
    console.log(`Created the first admin, ${outcome.email}, from ADMIN_EMAIL and ADMIN_PASSWORD.`);
  if (outcome.created === 'admin-from-dashboard-password')
    console.warn(
      [
        `Notice: sign-in now works per person. The shared DASHBOARD_PASSWORD became the password of the first admin, ${outcome.email}.`,
        '  Sign in with that e-mail and the same password (a sign-in without an e-mail still works for now),',
        '  choose a new password on the Account page, add your colleagues on the Users page,',
        '  then remove DASHBOARD_PASSWORD (and SESSION_SECRET) from the configuration.',
      ].join('\n'),
    );
  if (outcome.created === null && outcome.legacyPasswordDiffers)
    console.warn(
      'Warning: DASHBOARD_PASSWORD is not the password of the admin it once became (one of them was changed). It no longer signs anyone in: sign in with your e-mail and your own password, and remove DASHBOARD_PASSWORD.',
    );
  if (outcome.created === null && outcome.users === 0 && !sso)
    throw new Error(
      'Not starting: nobody can sign in yet. Create the first admin with `npm run user:create -- --email you@example.com --role admin`, or set ADMIN_EMAIL and ADMIN_PASSWORD (12+ characters), or set up company SSO (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). To run without sign-in behind a proxy that guards the app, set DASHBOARD_AUTH=off.',
    );
}
