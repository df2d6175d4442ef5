import 'server-only';
import type { Hook } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { isWellFormedHookId } from './hook-id';

// Every notification looks its hook up; a few seconds of caching takes that read off the hot
// path. Changes made in this process apply at once; other instances see them within the TTL.
const TTL_MS = 5_000;
// Unknown ids come from outside: the cache holds at most this many, dropping the oldest first.
const MAX_ENTRIES = 2_000;
const cache = new Map<string, { hook: Hook | null; expiresAt: number }>();

/**
 * The hook with this id if it exists and is not revoked. An id no hook could have (wrong length or characters) is
 * unknown at once: it never reaches the database nor the cache.
 */
export async function getActiveHook(hookId: string): Promise<Hook | null> {
  if (!isWellFormedHookId(hookId)) return null;
  const cached = cache.get(hookId);
  if (cached && cached.expiresAt > Date.now()) return cached.hook;
  const hook = await prisma.hook.findUnique({ where: { id: hookId } });
  const active = hook && !hook.revokedAt ? hook : null;
  cache.delete(hookId);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(hookId, { hook: active, expiresAt: Date.now() + TTL_MS });
  return active;
}

export function forgetCachedHook(hookId: string): void {
  cache.delete(hookId);
}

/** How many hook ids the cache holds now; tests use it to show it stays bounded. */
export function cachedHookCount(): number {
  return cache.size;
}
