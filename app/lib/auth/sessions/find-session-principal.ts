import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { hashSecret } from '../hash-secret';
import type { Principal } from '../principal';
import { isRole } from '../roles';
import { SESSION_IDLE_SECONDS, SESSION_TOUCH_AFTER_SECONDS } from './session-settings';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * The person a session cookie belongs to, read from the database on every request, so that a sign-out
 * everywhere, an admin ending the sessions or disabling the user counts at once on every instance. Null for an
 * unknown, ended, idle or expired session, or a disabled user.
 */
export async function findSessionPrincipal({
  token,
  now = new Date(),
  db = prisma,
}: {
  token: string | undefined | null;
  now?: Date;
  db?: Database;
}): Promise<Principal | null> {
  if (!token || !TOKEN_FORMAT.test(token)) return null;
  const id = hashSecret(token);
  const session = await db.userSession.findUnique({
    where: { id },
    select: {
      lastUsedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, role: true, disabled: true, mustChangePassword: true } },
    },
  });
  if (!session || session.user.disabled || !isRole(session.user.role)) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastUsedAt.getTime() > SESSION_IDLE_SECONDS * 1000) {
    await db.userSession.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastUsedAt.getTime() > SESSION_TOUCH_AFTER_SECONDS * 1000) {
    await db.userSession.updateMany({ where: { id }, data: { lastUsedAt: now } });
  }
  return {
    kind: 'session',
    role: session.user.role,
    userId: session.user.id,
    name: session.user.email,
    sessionId: id,
    tokenId: null,
    tokenName: null,
    mustChangePassword: session.user.mustChangePassword,
  };
}
