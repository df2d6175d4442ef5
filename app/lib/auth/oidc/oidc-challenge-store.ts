import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { hashSecret } from '../hash-secret';
import { OIDC_CHALLENGE_MAX_AGE_MS, type OidcChallenge } from './begin-oidc-sign-in';

/** Sign-ins under way at once, across all instances: anonymous starts cannot grow the table without bound. */
const MAX_OPEN_CHALLENGES = 5000;

/**
 * Keeps a challenge until its callback comes, on whichever instance that lands; drops the ones never answered. False
 * when too many sign-ins are under way (someone is starting them by the thousand).
 */
export async function saveOidcChallenge({ challenge }: { challenge: OidcChallenge }): Promise<boolean> {
  await prisma.signInChallenge.deleteMany({
    where: { createdAt: { lt: new Date(challenge.createdAt - OIDC_CHALLENGE_MAX_AGE_MS) } },
  });
  if ((await prisma.signInChallenge.count()) >= MAX_OPEN_CHALLENGES) return false;
  await prisma.signInChallenge.create({
    data: {
      id: hashSecret(challenge.state),
      nonce: challenge.nonce,
      codeVerifier: challenge.codeVerifier,
      next: challenge.next,
      createdAt: new Date(challenge.createdAt),
    },
  });
  return true;
}

/**
 * The challenge of a callback's state, taken once: the row is deleted as it is read, so a replayed callback (the
 * same state again, from anywhere) finds nothing.
 */
export async function takeOidcChallenge({ state }: { state: string }): Promise<OidcChallenge | null> {
  if (!state || state.length > 200) return null;
  const id = hashSecret(state);
  const row = await prisma.signInChallenge.findUnique({ where: { id } });
  if (!row) return null;
  const { count } = await prisma.signInChallenge.deleteMany({ where: { id } });
  if (count !== 1) return null;
  return {
    state,
    nonce: row.nonce,
    codeVerifier: row.codeVerifier,
    next: row.next,
    createdAt: row.createdAt.getTime(),
  };
}
