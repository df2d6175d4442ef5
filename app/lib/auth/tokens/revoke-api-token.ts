import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/**
 * Revokes a token of `userId` (admins may revoke anyone's): it stops working at once, on every instance. False when
 * there is no such token for the caller.
 */
export async function revokeApiToken({
  id,
  userId,
  asAdmin,
  now = new Date(),
}: {
  id: string;
  userId: string;
  asAdmin: boolean;
  now?: Date;
}): Promise<{ name: string; ownerId: string; ownerEmail: string } | null> {
  const token = await prisma.apiToken.findUnique({
    where: { id },
    select: { name: true, userId: true, revokedAt: true, user: { select: { email: true } } },
  });
  if (!token || (token.userId !== userId && !asAdmin)) return null;
  if (!token.revokedAt) await prisma.apiToken.update({ where: { id }, data: { revokedAt: now } });
  return { name: token.name, ownerId: token.userId, ownerEmail: token.user.email };
}
