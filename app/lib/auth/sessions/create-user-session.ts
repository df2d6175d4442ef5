import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { readableAddress } from '@/app/lib/webhooks/source-address';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { hashSecret, randomSecret } from '../hash-secret';
import { SESSION_MAX_SECONDS } from './session-settings';

export type NewSession = { token: string; id: string; expiresAt: Date };

/** Starts a session for a user who just proved who they are; the token goes into the cookie, its hash into the table. */
export async function createUserSession({
  userId,
  method,
  sourceAddress,
  userAgent,
  now = new Date(),
  db = prisma,
}: {
  userId: string;
  method: 'password' | 'oidc';
  sourceAddress: string | null;
  userAgent: string | null;
  now?: Date;
  db?: Database;
}): Promise<NewSession> {
  const token = randomSecret();
  const id = hashSecret(token);
  const expiresAt = new Date(now.getTime() + SESSION_MAX_SECONDS * 1000);
  await db.$transaction([
    db.userSession.create({
      data: {
        id,
        userId,
        method,
        createdAt: now,
        lastUsedAt: now,
        expiresAt,
        sourceAddress: readableAddress(sourceAddress),
        userAgent: userAgent?.slice(0, 300) ?? null,
      },
    }),
    db.user.update({ where: { id: userId }, data: { lastSignInAt: now } }),
  ]);
  return { token, id, expiresAt };
}
