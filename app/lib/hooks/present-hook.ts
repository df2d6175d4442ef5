import type { Hook } from '@/app/generated/prisma/sqlite/client';
import { parseStringList } from '@/app/lib/db/json-columns';
import { getEnvironment, getPublicUrl } from '@/app/lib/env';
import { hookUrl, hookUrlTemplates } from './hook-urls';

/** A hook as the API shows it: the secret is returned (the owner needs it to sign), never logged. */
export function presentHook(hook: Hook) {
  return {
    id: hook.id,
    name: hook.name,
    origin: hook.origin,
    createdAt: hook.createdAt.toISOString(),
    revokedAt: hook.revokedAt?.toISOString() ?? null,
    signingSecret: hook.signingSecret,
    // A stored value that is not a list of strings (e.g. `{}`) is shown as no networks, so the page still opens; the
    // webhook route reads it as no network allowed (parseAllowedNetworks) until the owner saves the list again.
    allowedNetworks: parseStringList(hook.allowedNetworks),
    /** Null: the default, WEBHOOK_RATE_LIMIT_PER_SECOND. */
    rateLimitPerSecond: hook.rateLimitPerSecond,
    defaultRateLimitPerSecond: getEnvironment().WEBHOOK_RATE_LIMIT_PER_SECOND,
    /** Signed hooks take notifications as a signed POST body to this address, without a query string. */
    url: hookUrl(getPublicUrl(), hook.id),
    ...hookUrlTemplates(getPublicUrl(), hook.id),
  };
}
