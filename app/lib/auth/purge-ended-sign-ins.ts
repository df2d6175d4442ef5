import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { purgeOldDevices } from './devices/sign-in-device';
import { OIDC_CHALLENGE_MAX_AGE_MS } from './oidc/begin-oidc-sign-in';
import { SESSION_IDLE_SECONDS } from './sessions/session-settings';
import { purgeSignInThrottle } from './throttle/sign-in-throttle';

/**
 * Removes what can never open anything again: sessions past their end or idle too long, company sign-ins never
 * completed, and failed-sign-in records quiet for a day. Answers how many sessions went.
 */
export async function purgeEndedSignIns({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const { count } = await prisma.userSession.deleteMany({
    where: {
      OR: [{ expiresAt: { lte: now } }, { lastUsedAt: { lt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) } }],
    },
  });
  await prisma.signInChallenge.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - OIDC_CHALLENGE_MAX_AGE_MS) } },
  });
  await purgeSignInThrottle({ now });
  await purgeOldDevices({ now });
  return count;
}
