import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import { hashSecret, randomSecret } from '../hash-secret';
import { roleAtLeast, type Role } from '../roles';

export const API_TOKEN_PREFIX = 'etk_';
export const MAX_TOKENS_PER_USER = 50;

export type CreateApiTokenResult =
  | { ok: true; id: string; token: string; name: string; role: Role; expiresAt: string | null }
  | { ok: false; code: 'role_above_own' | 'too_many_tokens'; message: string };

/**
 * A personal API token for `userId`, shown once: `etk_` and 43 random characters. Its role is at most its owner's
 * (and stays capped by the owner's role on every use); without a role it gets the owner's.
 */
export async function createApiToken({
  userId,
  ownerRole,
  name,
  role = ownerRole,
  expiresInDays,
  now = new Date(),
}: {
  userId: string;
  ownerRole: Role;
  name: string;
  role?: Role;
  expiresInDays?: number;
  now?: Date;
}): Promise<CreateApiTokenResult> {
  if (!roleAtLeast(ownerRole, role))
    return {
      ok: false,
      code: 'role_above_own',
      message: `A token can have at most your own role (${ownerRole}). Choose ${ownerRole} or lower.`,
    };
  const live = await prisma.apiToken.count({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (live >= MAX_TOKENS_PER_USER)
    return {
      ok: false,
      code: 'too_many_tokens',
      message: `You have ${MAX_TOKENS_PER_USER} tokens already: revoke the ones no longer in use first.`,
    };
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 24 * 60 * 60 * 1000) : null;
  const id = randomUUID();
  await prisma.apiToken.create({
    data: { id, userId, name, role, hash: hashSecret(token), prefix: token.slice(0, 10), createdAt: now, expiresAt },
  });
  return { ok: true, id, token, name, role, expiresAt: expiresAt?.toISOString() ?? null };
}
