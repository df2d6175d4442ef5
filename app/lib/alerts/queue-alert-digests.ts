import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { localDateTime } from '@/app/lib/format/local-day';

/**
 * Queues each channel's daily summary once its local time has come: one per channel and local day across all
 * instances (the unique channel and date refuse a second). A channel set up after today's time starts tomorrow.
 */
export async function queueAlertDigests(options: { now: Date }): Promise<number> {
  const { now } = options;
  const channels = await prisma.alertChannel.findMany({
    where: { digestTime: { not: null }, digestTimeZone: { not: null } },
    select: { id: true, digestTime: true, digestTimeZone: true, createdAt: true },
  });
  let queued = 0;
  for (const channel of channels) {
    const local = localDateTime(now, channel.digestTimeZone!);
    if (local.time < channel.digestTime!) continue;
    const created = localDateTime(channel.createdAt, channel.digestTimeZone!);
    if (created.date === local.date && created.time > channel.digestTime!) continue;
    const exists = await prisma.alertDelivery.findUnique({
      where: { channelId_digestDate: { channelId: channel.id, digestDate: local.date } },
      select: { id: true },
    });
    if (exists) continue;
    try {
      await prisma.alertDelivery.create({
        data: {
          channelId: channel.id,
          kind: 'digest',
          digestDate: local.date,
          nextAttemptAt: now,
          createdAt: now,
        },
      });
      queued++;
    } catch {
      // Another instance queued it a moment ago.
    }
  }
  return queued;
}
