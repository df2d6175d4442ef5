import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { forgetCachedHook } from './hook-cache';

/** Revoked hooks answer 404; their envelopes and deliveries stay. Returns the hook (by name), or null for an unknown id. */
export async function revokeHook(options: { hookId: string }): Promise<{ name: string } | null> {
  const hook = await prisma.hook.findFirst({ where: { id: options.hookId, revokedAt: null }, select: { name: true } });
  if (!hook) return null;
  const { count } = await prisma.hook.updateMany({
    where: { id: options.hookId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetCachedHook(options.hookId);
  return count > 0 ? hook : null;
}
