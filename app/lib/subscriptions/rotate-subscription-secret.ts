import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { generateSigningSecret } from '@/app/lib/hooks/signing-secret';
import { SECRET_OVERLAP_MS } from './delivery-schedule';

/**
 * A new key for the subscription, shown this once; the old one keeps signing alongside it for 24 hours (each request
 * carries both signatures), so the receiver can switch without losing a request. Null when there is no such
 * subscription.
 */
export async function rotateSubscriptionSecret(
  id: string,
  now: Date = new Date(),
): Promise<{ secret: string; previousSecretUntil: string } | null> {
  const existing = await prisma.subscription.findUnique({ where: { id }, select: { secret: true } });
  if (!existing) return null;
  const secret = generateSigningSecret();
  const previousSecretUntil = new Date(now.getTime() + SECRET_OVERLAP_MS);
  await prisma.subscription.update({
    where: { id },
    data: { secret, previousSecret: existing.secret, previousSecretUntil },
  });
  return { secret, previousSecretUntil: previousSecretUntil.toISOString() };
}
