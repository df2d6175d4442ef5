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
 * messages have size limits (50 blocks, about 28 KB); a webhook channel posts one request per alert (10 s each at
 * worst), so its message stays well inside one lease.
 */
const ALERTS_PER_MESSAGE: Record<AlertChannelKind, number> = { email: 50, slack: 20, teams: 20, webhook: 10 };

export type AlertSendOptions = Pick<Parameters<typeof sendToAlertChannel>[0], 'smtpTransport'>;

/**
 * Sends the alert messages that are due: each channel's due alerts as one message (up to a size), each daily summary
 * as its own. Every message claims its rows with a lease just before it is sent, so of two instances one sends it, and
 * records the outcome only on the rows it still holds (a row deleted meanwhile, or taken over after the lease ran
 * out, is left alone). A failure is retried on the backoff schedule; after the last attempt the message is marked
 * failed. `shouldContinue` is asked between messages (a shutdown stops the round). Returns the messages sent.
 */
export async function sendDueAlertDeliveries(
  options: { now: Date; shouldContinue?: () => boolean } & AlertSendOptions,
): Promise<number> {
  const { now } = options;
  const due = await prisma.alertDelivery.findMany({
    where: {
      status: 'pending',
      nextAttemptAt: { lte: now },
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
    },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: DUE_PER_ROUND,
    select: { id: true, channelId: true, kind: true, channel: { select: { kind: true } } },
  });
  const messages: number[][] = [];
  const alerts = due.filter((row) => row.kind !== 'digest');
  for (const group of Map.groupBy(alerts, (row) => row.channelId).values()) {
    const perMessage = ALERTS_PER_MESSAGE[group[0]!.channel.kind as AlertChannelKind] ?? 10;
    for (let start = 0; start < group.length; start += perMessage) {
      messages.push(group.slice(start, start + perMessage).map((row) => row.id));
    }
  }
  for (const digest of due.filter((row) => row.kind === 'digest')) messages.push([digest.id]);

  let sent = 0;
  for (const ids of messages) {
    if (options.shouldContinue && !options.shouldContinue()) break;
    if (await sendMessage(ids, options)) sent++;
  }
  return sent;
}

/** Claims these rows and sends them as one message; false when another instance holds them. */
async function sendMessage(ids: number[], options: { now: Date } & AlertSendOptions): Promise<boolean> {
  const { now } = options;
  const owner = newClaimToken();
  await prisma.alertDelivery.updateMany({
    where: { id: { in: ids }, status: 'pending', OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
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
  if (claimed.length === 0) return false;
  const channel = { ...claimed[0]!.channel, kind: claimed[0]!.channel.kind as AlertChannelKind };
  const outcome = await outcomeOf(async () => {
    const digestRow = claimed.find((row) => row.kind === 'digest' && row.digestDate);
    if (digestRow) {
      const digest = await buildAlertDigest({
        deliveryId: digestRow.id,
        channel: digestRow.channel,
        date: digestRow.digestDate!,
        now,
      });
      return sendToAlertChannel({ ...options, channel, digest });
    }
    const notices = claimed.flatMap((row) => (row.alert ? [toAlertNotice(row.id, row.alert, row.alert.rule)] : []));
    return sendToAlertChannel({ ...options, channel, notices });
  });
  await recordOutcome(claimed, owner, outcome, now);
  return true;
}

/** What a send came to; a channel's code (or a digest's query) throwing is a failed attempt, not a stuck lease. */
async function outcomeOf(send: () => Promise<ChannelSendOutcome>): Promise<ChannelSendOutcome> {
  try {
    return await send();
  } catch (error) {
    return { ok: false, durationMs: 0, error: error instanceof Error ? error.message.slice(0, 300) : 'send failed' };
  }
}

async function recordOutcome(
  deliveries: readonly { id: number; attempts: number }[],
  owner: string,
  outcome: ChannelSendOutcome,
  now: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    // The rows still this message's: one deleted with its rule or channel, or taken by another instance, is not.
    const held = new Set(
      (
        await tx.alertDelivery.findMany({
          where: { id: { in: deliveries.map((delivery) => delivery.id) }, leaseOwner: owner },
          select: { id: true },
        })
      ).map((row) => row.id),
    );
    const mine = deliveries.filter((delivery) => held.has(delivery.id));
    await tx.alertAttempt.createMany({
      data: mine.map((delivery) => ({
        deliveryId: delivery.id,
        attemptedAt: now,
        ok: outcome.ok,
        durationMs: outcome.durationMs,
        error: outcome.error,
      })),
    });
    for (const delivery of mine) {
      const attempts = delivery.attempts + 1;
      const retryAt = outcome.ok ? null : nextAlertAttemptAfterFailure(attempts, now);
      await tx.alertDelivery.updateMany({
        where: { id: delivery.id, leaseOwner: owner },
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
