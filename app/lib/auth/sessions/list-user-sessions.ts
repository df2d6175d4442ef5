import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { SESSION_IDLE_SECONDS } from './session-settings';

export type SessionSummary = {
  /** A short public handle (the stored hash's start), never the cookie. */
  id: string;
  current: boolean;
  method: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  sourceAddress: string | null;
  userAgent: string | null;
};

/** A user's live sessions, most recently used first. */
export async function listUserSessions({
  userId,
  currentSessionId,
  now = new Date(),
}: {
  userId: string;
  currentSessionId: string | null;
  now?: Date;
}): Promise<SessionSummary[]> {
  const sessions = await prisma.userSession.findMany({
    where: {
      userId,
      expiresAt: { gt: now },
      lastUsedAt: { gt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) },
    },
    orderBy: { lastUsedAt: 'desc' },
    take: 100,
  });
  return sessions.map((session) => ({
    id: session.id.slice(0, 12),
    current: session.id === currentSessionId,
    method: session.method,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    sourceAddress: session.sourceAddress,
    userAgent: session.userAgent,
  }));
}
