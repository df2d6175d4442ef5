import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

export type ApiTokenSummary = {
  id: string;
  name: string;
  role: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** A user's tokens, live ones first, newest first; the secret itself was shown once and is not kept. */
export async function listApiTokens({ userId }: { userId: string }): Promise<ApiTokenSummary[]> {
  const tokens = await prisma.apiToken.findMany({
    where: { userId },
    orderBy: [{ revokedAt: 'asc' }, { createdAt: 'desc' }],
    take: 200,
  });
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    role: token.role,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  }));
}
