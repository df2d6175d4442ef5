// `npm run hook:create -- "<name>"`: creates a hook and prints its id and the callback URL templates.
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { createHook } from '@/app/lib/hooks/create-hook';
import { hookUrlTemplates } from '@/app/lib/hooks/hook-urls';
import { runCommand } from './run-command';

runCommand(async () => {
  const name = process.argv.slice(2).join(' ').trim();
  if (!name) throw new Error('Name the hook: npm run hook:create -- "Production FintechOS"');
  await applyMigrations({ config: getDatabaseConfig() });
  const hook = await createHook({ name, origin: 'cli' });
  const urls = hookUrlTemplates(getPublicUrl(), hook.id);
  console.log(`Created hook "${hook.name}" in ${describeDatabase(getDatabaseConfig())}.

Hook id: ${hook.id}

WebhookUrl:       ${urls.webhookUrl}
WebhookStatusUrl: ${urls.webhookStatusUrl}

eSignAnyWhere's finish callback (CallbackUrl) and status callback (StatusUpdateCallbackUrl) take the same URL;
its optional workstep event callback (ActivityActionCallbackConfiguration):
${urls.workstepEventUrl}

Add your own parameters (e.g. contract=123&) before envelopeId=...; they come back with every notification.
The URLs use PUBLIC_URL (${getPublicUrl()}); set it to the address the signing service can reach.`);
  await prisma.$disconnect();
});
