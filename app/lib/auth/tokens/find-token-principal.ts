import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { hashSecret } from '../hash-secret';
import type { Principal } from '../principal';
import { isRole, ROLES, type Role } from '../roles';

const TOKEN_FORMAT = /^etk_[A-Za-z0-9_-]{43}$/;
const TOUCH_AFTER_MS = 60_000;

/**
 * Whom a personal API token acts for, or null when it is unknown, revoked, expired, or its owner is disabled. Its
 * role is the lower of the token's and the owner's today (an owner moved down takes the tokens along).
 */
export async function findTokenPrincipal({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<Principal | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const found = await prisma.apiToken.findUnique({
    where: { hash: hashSecret(token) },
    include: { user: { select: { email: true, role: true, disabled: true } } },
  });
  if (!found || found.revokedAt || found.user.disabled) return null;
  if (found.expiresAt && found.expiresAt <= now) return null;
  if (!isRole(found.role) || !isRole(found.user.role)) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.apiToken.updateMany({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: 'token',
    role: lowerRole(found.role, found.user.role),
    userId: found.userId,
    name: found.user.email,
    sessionId: null,
    tokenId: found.id,
    tokenName: found.name,
  };
}

function lowerRole(a: Role, b: Role): Role {
  return ROLES[Math.min(ROLES.indexOf(a), ROLES.indexOf(b))]!;
}
