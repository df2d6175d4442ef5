import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { newClaimToken } from '@/app/lib/documents/lease-owner';
import { ALERT_LEASE_MS, MAX_ALERT_ATTEMPTS, nextAlertAttemptAfterFailure } from './alert-delivery-schedule';
import type { AlertChannelKind } from './alert-kinds';
import type { ChannelSendOutcome } from './alert-notice';
import { buildAlertDigest } from './build-alert-digest';
import { sendToAlertChannel } from './channels/send-to-alert-channel';
import { toAlertNotice } from './to-alert-notice';

const DUE_PER_ROUND = 200;
/**
 * Alerts a message carries at most; more due at once for one channel go in the next message. Slack and Teams
 * messages have size limits (50 blocks, about 28 KB), e-mail does not.
 */
const ALERTS_PER_MESSAGE: Record<AlertChannelKind, number> = { email: 50, slack: 20, teams: 20, webhook: 50 };

export type AlertSendOptions = Pick<Parameters<typeof sendToAlertChannel>[0], 'smtpTransport'>;

/**
 * Sends the alert messages that are due: claims them with a lease (so two instances send each once), sends each
 * channel's due alerts as one message and each daily summary as its own, and records every attempt. A failure is
 * retried on the backoff schedule; after the last attempt the message is marked failed. Returns the messages sent.
 */
export async function sendDueAlertDeliveries(options: { now: Date } & AlertSendOptions): Promise<number> {
  const { now } = options;
  const due = await prisma.alertDelivery.findMany({
    where: {
      status: 'pending',
      nextAttemptAt: { lte: now },
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
    },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: DUE_PER_ROUND,
    select: { id: true },
  });
  if (due.length === 0) return 0;
  const owner = newClaimToken();
  await prisma.alertDelivery.updateMany({
    where: {
      id: { in: due.map((row) => row.id) },
      status: 'pending',
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
    },
    data: { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + ALERT_LEASE_MS) },
  });
  const claimed = await prisma.alertDelivery.findMany({
    where: { leaseOwner: owner, status: 'pending' },
    orderBy: { id: 'asc' },
    include: {
      channel: true,
      alert: { include: { rule: { select: { afterMinutes: true, threshold: true, windowMinutes: true } } } },
    },
  });

  let messages = 0;
  const byChannel = Map.groupBy(
    claimed.filter((delivery) => delivery.alert),
    (delivery) => delivery.channelId,
  );
  for (const deliveries of byChannel.values()) {
    const perMessage = ALERTS_PER_MESSAGE[deliveries[0]!.channel.kind as AlertChannelKind] ?? 20;
    for (let start = 0; start < deliveries.length; start += perMessage) {
      const group = deliveries.slice(start, start + perMessage);
      const channel = group[0]!.channel;
      const outcome = await sendSafely({
        ...options,
        channel: { ...channel, kind: channel.kind as AlertChannelKind },
        notices: group.map((delivery) => toAlertNotice(delivery.id, delivery.alert!, delivery.alert!.rule)),
      });
      await recordOutcome(group, outcome, now);
      messages++;
    }
  }
  for (const delivery of claimed.filter((row) => row.kind === 'digest' && row.digestDate)) {
    const digest = await buildAlertDigest({
      deliveryId: delivery.id,
      channel: delivery.channel,
      date: delivery.digestDate!,
      now,
    });
    const outcome = await sendSafely({
      ...options,
      channel: { ...delivery.channel, kind: delivery.channel.kind as AlertChannelKind },
      digest,
    });
    await recordOutcome([delivery], outcome, now);
    messages++;
  }
  return messages;
}

async function sendSafely(input: Parameters<typeof sendToAlertChannel>[0]): Promise<ChannelSendOutcome> {
  try {
    return await sendToAlertChannel(input);
  } catch (error) {
    // A channel's code failing must not leave its messages leased: it counts as a failed attempt.
    return { ok: false, durationMs: 0, error: error instanceof Error ? error.message.slice(0, 300) : 'send failed' };
  }
}

async function recordOutcome(
  deliveries: readonly { id: number; attempts: number }[],
  outcome: ChannelSendOutcome,
  now: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.alertAttempt.createMany({
      data: deliveries.map((delivery) => ({
        deliveryId: delivery.id,
        attemptedAt: now,
        ok: outcome.ok,
        durationMs: outcome.durationMs,
        error: outcome.error,
      })),
    });
    for (const delivery of deliveries) {
      const attempts = delivery.attempts + 1;
      const retryAt = outcome.ok ? null : nextAlertAttemptAfterFailure(attempts, now);
      await tx.alertDelivery.update({
        where: { id: delivery.id },
        data: {
          attempts,
          leaseOwner: null,
          leaseExpiresAt: null,
          lastError: outcome.ok ? null : outcome.error,
          ...(outcome.ok
            ? { status: 'sent', sentAt: now, nextAttemptAt: null }
            : retryAt && attempts < MAX_ALERT_ATTEMPTS
              ? { nextAttemptAt: retryAt }
              : { status: 'failed', nextAttemptAt: null }),
        },
      });
    }
  });
}
