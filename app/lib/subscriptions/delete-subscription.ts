import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { subscriptionsChanged } from './subscription-worker';

/** Removes a subscription with its jobs and attempts; false when there was none. */
export async function deleteSubscription(id: string): Promise<boolean> {
  const { count } = await prisma.subscription.deleteMany({ where: { id } });
  subscriptionsChanged();
  return count === 1;
}
