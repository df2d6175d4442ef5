import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toSubscriptionViews, type SubscriptionView } from './subscription-view';

/** Every subscription, oldest first. */
export async function listSubscriptions(): Promise<SubscriptionView[]> {
  const rows = await prisma.subscription.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return toSubscriptionViews(rows);
}
