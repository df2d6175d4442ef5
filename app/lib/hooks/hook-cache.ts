import 'server-only';
import type { Hook } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';

// Every notification looks its hook up; a few seconds of caching takes that read off the hot
// path. Changes made in this process apply at once; other instances see them within the TTL.
const TTL_MS = 5_000;
const cache = new Map<string, { hook: Hook | null; expiresAt: number }>();

/** The hook with this id if it exists and is not revoked. */
export async function getActiveHook(hookId: string): Promise<Hook | null> {
  const cached = cache.get(hookId);
  if (cached && cached.expiresAt > Date.now()) return cached.hook;
  const hook = await prisma.hook.findUnique({ where: { id: hookId } });
  const active = hook && !hook.revokedAt ? hook : null;
  if (cache.size > 10_000) cache.clear(); // unknown ids come from outside: keep the map bounded
  cache.set(hookId, { hook: active, expiresAt: Date.now() + TTL_MS });
  return active;
}

export function forgetCachedHook(hookId: string): void {
  cache.delete(hookId);
}
