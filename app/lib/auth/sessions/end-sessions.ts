import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { hashSecret } from '../hash-secret';

/** Signs one browser out: its session row goes, so the cookie opens nothing even if kept. True if there was one. */
export async function endSession({ token, db = prisma }: { token: string; db?: Database }): Promise<boolean> {
  const { count } = await db.userSession.deleteMany({ where: { id: hashSecret(token) } });
  return count > 0;
}

/** Ends every session of a user (sign out everywhere, an admin's revocation, a disabled user); answers how many. */
export async function endUserSessions({
  userId,
  exceptSessionId,
  db = prisma,
}: {
  userId: string;
  /** Keeps the caller's own session (a password change signs out the other browsers). */
  exceptSessionId?: string;
  db?: Database;
}): Promise<number> {
  const { count } = await db.userSession.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return count;
}
