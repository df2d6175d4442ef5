import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/app/lib/db/prisma';
import { generateSigningSecret } from './signing-secret';
import { forgetCachedHook } from './hook-cache';
import type { updateHookInputSchema } from './hook-schemas';

/** Renames a hook, sets or removes its signing secret, or changes its allowed networks or its rate limit. */
export async function updateHook(options: { hookId: string; changes: z.output<typeof updateHookInputSchema> }) {
  const { changes } = options;
  const hook = await prisma.hook.findFirst({ where: { id: options.hookId, revokedAt: null } });
  if (!hook) return null;
  const updated = await prisma.hook.update({
    where: { id: hook.id },
    data: {
      name: changes.name,
      signingSecret: changes.signingSecret === 'generate' ? generateSigningSecret() : changes.signingSecret,
      allowedNetworks: changes.allowedNetworks,
      rateLimitPerSecond: changes.rateLimitPerSecond,
    },
  });
  forgetCachedHook(hook.id);
  return updated;
}
