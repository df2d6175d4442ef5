import type { Hook } from '@/app/generated/prisma/sqlite/client';
import { getPublicUrl } from '@/app/lib/env';
import { hookUrlTemplates } from './hook-urls';

/** A hook as the API shows it: the secret is returned (the owner needs it to sign), never logged. */
export function presentHook(hook: Hook) {
  return {
    id: hook.id,
    name: hook.name,
    origin: hook.origin,
    createdAt: hook.createdAt.toISOString(),
    revokedAt: hook.revokedAt?.toISOString() ?? null,
    signingSecret: hook.signingSecret,
    allowedNetworks: hook.allowedNetworks as string[],
    ...hookUrlTemplates(getPublicUrl(), hook.id),
  };
}
