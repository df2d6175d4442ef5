import { z } from 'zod';
import type { Hook } from '@/app/generated/prisma/sqlite/client';
import { getEnvironment, getPublicUrl } from '@/app/lib/env';
import { hookUrl, hookUrlTemplates } from './hook-urls';

// A JSON column as stored; a row written by hand or by another tool (e.g. `{}`) reads as "any network".
const storedNetworks = z.array(z.string()).catch([]);

/** A hook as the API shows it: the secret is returned (the owner needs it to sign), never logged. */
export function presentHook(hook: Hook) {
  return {
    id: hook.id,
    name: hook.name,
    origin: hook.origin,
    createdAt: hook.createdAt.toISOString(),
    revokedAt: hook.revokedAt?.toISOString() ?? null,
    signingSecret: hook.signingSecret,
    allowedNetworks: storedNetworks.parse(hook.allowedNetworks),
    /** Null: the default, WEBHOOK_RATE_LIMIT_PER_SECOND. */
    rateLimitPerSecond: hook.rateLimitPerSecond,
    defaultRateLimitPerSecond: getEnvironment().WEBHOOK_RATE_LIMIT_PER_SECOND,
    /** Signed hooks take notifications as a signed POST body to this address, without a query string. */
    url: hookUrl(getPublicUrl(), hook.id),
    ...hookUrlTemplates(getPublicUrl(), hook.id),
  };
}
