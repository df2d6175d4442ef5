import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { forgetCachedHook } from './hook-cache';

/** Revoked hooks answer 404; their envelopes and deliveries stay. Returns false for an unknown id. */
export async function revokeHook(options: { hookId: string }): Promise<boolean> {
  const { count } = await prisma.hook.updateMany({
    where: { id: options.hookId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetCachedHook(options.hookId);
  return count > 0;
}
