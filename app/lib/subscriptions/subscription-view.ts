import 'server-only';
import { parseStringList } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';

/** A subscription as the API and Setup show it: never its keys. */
export type SubscriptionView = {
  id: string;
  url: string;
  types: string[];
  description: string | null;
  createdAt: string;
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  /** Until when the key before the last rotation still signs, if it does. */
  previousSecretUntil: string | null;
  deliveries: { pending: number; delivered: number; failed: number };
};

type SubscriptionRow = NonNullable<Awaited<ReturnType<typeof prisma.subscription.findUnique>>>;

/** The views of these subscriptions, with their jobs counted by state. */
export async function toSubscriptionViews(
  rows: SubscriptionRow[],
  now: Date = new Date(),
): Promise<SubscriptionView[]> {
  if (rows.length === 0) return [];
  const groups = await prisma.subscriptionDelivery.groupBy({
    by: ['subscriptionId', 'status'],
    where: { subscriptionId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  return rows.map((row) => {
    const count = (status: string) =>
      groups.find((group) => group.subscriptionId === row.id && group.status === status)?._count._all ?? 0;
    return {
      id: row.id,
      url: row.url,
      types: parseStringList(row.types),
      description: row.description,
      createdAt: row.createdAt.toISOString(),
      enabled: row.disabledAt === null,
      disabledAt: row.disabledAt?.toISOString() ?? null,
      disabledReason: row.disabledReason,
      failingSince: row.failingSince?.toISOString() ?? null,
      previousSecretUntil:
        row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil.toISOString() : null,
      deliveries: { pending: count('pending'), delivered: count('delivered'), failed: count('failed') },
    };
  });
}
