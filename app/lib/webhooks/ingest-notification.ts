import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { EnvelopeStatus } from '@/app/generated/prisma/sqlite/enums';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import type { DeliveryRecord } from './delivery-record';
import { isRepeatable, laterStatus, REPEAT_WINDOW_MS, statusImpliedBy, TERMINAL_STATUSES } from './envelope-actions';
import type { Notification } from './parse-notification';

export type IngestResult = {
  deliveryId: string;
  duplicate: boolean;
  status: EnvelopeStatus;
  /** True for the first copy of a finish callback: the moment to fetch documents. */
  isNewFinishCallback: boolean;
};

const ATTEMPTS = 4;

/**
 * Records one accepted notification: the delivery, the envelope, its recipient and the event,
 * all in one transaction, so a 200 always means everything is stored. Copies of a milestone are
 * counted on the first event instead of stored again.
 */
export async function ingestNotification(options: {
  delivery: DeliveryRecord;
  notification: Notification;
}): Promise<IngestResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => ingestInTransaction(tx, options.delivery, options.notification), {
        maxWait: 10_000,
        timeout: 15_000,
      });
    } catch (error) {
      // A unique-index conflict means another request stored the same event first: run again and
      // this one becomes its duplicate. Write conflicts and deadlocks are simply retried.
      if (attempt < ATTEMPTS && isRetryable(error)) continue;
      throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && ['P2002', 'P2034'].includes(error.code);
}

export function recipientKeyOf(notification: Pick<Notification, 'recipientOrder' | 'recipientEmail'>): string | null {
  if (notification.recipientOrder !== null) return `order:${notification.recipientOrder}`;
  if (notification.recipientEmail) return `email:${encodeURIComponent(notification.recipientEmail.toLowerCase())}`;
  return null;
}

export function dedupeBaseOf(notification: Notification): string {
  const finish = notification.isFinishCallback && notification.action !== 'envelopeFinished' ? '|finish' : '';
  return `${notification.action}|${recipientKeyOf(notification) ?? '-'}${finish}`;
}

async function lockEnvelope(tx: Transaction, envelopeId: string) {
  // Serialises the notifications of one envelope across connections and app instances. SQLite
  // needs nothing: it has one writer at a time.
  if (getDatabaseProvider() === 'postgresql') {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${envelopeId}, 0))) AS lock`;
  }
}

async function ingestInTransaction(
  tx: Transaction,
  delivery: DeliveryRecord,
  notification: Notification,
): Promise<IngestResult> {
  const { envelopeId, action } = notification;
  const at = delivery.receivedAt;
  await lockEnvelope(tx, envelopeId);

  const envelope = await tx.envelope.findUnique({ where: { id: envelopeId } });
  const base = dedupeBaseOf(notification);
  const repeatable = isRepeatable(action);

  const earlier = envelope
    ? repeatable
      ? await tx.event.findFirst({
          where: {
            envelopeId,
            dedupeKey: { startsWith: `${base}|` },
            occurredAt: {
              gte: new Date(at.getTime() - REPEAT_WINDOW_MS),
              lte: new Date(at.getTime() + REPEAT_WINDOW_MS),
            },
          },
          orderBy: { occurredAt: 'desc' },
          select: { id: true },
        })
      : await tx.event.findUnique({
          where: { envelopeId_dedupeKey: { envelopeId, dedupeKey: base } },
          select: { id: true },
        })
    : null;

  const deliveryRow = await tx.delivery.create({
    data: {
      ...delivery,
      headers: delivery.headers,
      outcome: earlier ? 'duplicate' : 'accepted',
      envelopeId,
      action,
    },
    select: { id: true },
  });

  if (envelope && earlier) {
    await tx.event.update({
      where: { id: earlier.id },
      data: { duplicateCount: { increment: 1 }, lastDuplicateAt: at },
    });
    return { deliveryId: deliveryRow.id, duplicate: true, status: envelope.status, isNewFinishCallback: false };
  }

  const impliedStatus = statusImpliedBy(action, notification.isFinishCallback);
  if (!envelope) {
    await tx.envelope.create({
      data: {
        id: envelopeId,
        hookId: delivery.hookId,
        status: 'sent',
        customValues: {},
        searchText: envelopeId.toLowerCase(),
        firstSeenAt: at,
        lastEventAt: at,
        lastAction: action,
      },
    });
  }

  await tx.event.create({
    data: {
      envelopeId,
      deliveryId: deliveryRow.id,
      action,
      occurredAt: at,
      recipientEmail: notification.recipientEmail,
      recipientOrder: notification.recipientOrder,
      isFinishCallback: notification.isFinishCallback,
      customValues: notification.customValues,
      dedupeKey: repeatable ? `${base}|${at.getTime()}` : base,
    },
  });

  const recipientChange = await recordRecipientProgress(tx, envelopeId, notification, at);

  const current = envelope ?? {
    status: 'sent' as EnvelopeStatus,
    customValues: {},
    lastEventAt: at,
    lastAction: action,
    firstOpenedAt: null,
    finishedAt: null,
    actionRequired: false,
  };
  const status = laterStatus(current.status, impliedStatus);
  const becameTerminal = TERMINAL_STATUSES.includes(status) && !TERMINAL_STATUSES.includes(current.status);
  const customValues = { ...(current.customValues as Record<string, string>), ...notification.customValues };
  // The search text only changes with a new e-mail address or custom value; most notifications bring neither.
  const searchChanged =
    !envelope ||
    recipientChange.emailAdded ||
    Object.entries(notification.customValues).some(
      ([key, value]) => (current.customValues as Record<string, string>)[key] !== value,
    );
  const emails = searchChanged
    ? await tx.recipient.findMany({ where: { envelopeId, email: { not: null } }, select: { email: true } })
    : [];
  const isLatest = at.getTime() >= current.lastEventAt.getTime();

  await tx.envelope.update({
    where: { id: envelopeId },
    data: {
      status,
      actionRequired: nextActionRequired(current.actionRequired, action, status),
      customValues,
      searchText: buildSearchText(
        envelopeId,
        emails.map((row) => row.email!),
        customValues,
      ),
      firstOpenedAt: current.firstOpenedAt ?? (action === 'workstepOpened' ? at : undefined),
      finishedAt: current.finishedAt ?? (becameTerminal ? at : undefined),
      lastEventAt: isLatest ? at : undefined,
      lastAction: isLatest ? action : undefined,
      recipientCount: recipientChange.added ? { increment: 1 } : undefined,
      signedCount: recipientChange.signed ? { increment: 1 } : undefined,
    },
  });

  return {
    deliveryId: deliveryRow.id,
    duplicate: false,
    status,
    isNewFinishCallback: notification.isFinishCallback,
  };
}

function nextActionRequired(current: boolean, action: string, status: EnvelopeStatus): boolean {
  if (TERMINAL_STATUSES.includes(status)) return false;
  if (action === 'workstepDelegatedSenderActionRequired') return true;
  // Any progress after the delegation means the sender has acted.
  if (['sendSignNotification', 'workstepOpened', 'workstepFinished'].includes(action)) return false;
  return current;
}

export function buildSearchText(envelopeId: string, emails: string[], customValues: Record<string, string>): string {
  const values = Object.entries(customValues).map(([key, value]) => `${key}=${value}`);
  return [envelopeId, ...new Set(emails), ...values].join('\n').toLowerCase();
}

/** Updates the recipient's own progress; reports whether a recipient was added or newly signed. */
async function recordRecipientProgress(tx: Transaction, envelopeId: string, notification: Notification, at: Date) {
  const key = recipientKeyOf(notification);
  if (!key) return { added: false, signed: false, emailAdded: false };
  let recipient = await tx.recipient.findUnique({ where: { envelopeId_key: { envelopeId, key } } });
  if (!recipient && notification.recipientOrder !== null && notification.recipientEmail) {
    // Known so far by e-mail only: now that its order is known, it takes the order key.
    const emailKey = recipientKeyOf({ recipientOrder: null, recipientEmail: notification.recipientEmail })!;
    const byEmail = await tx.recipient.findUnique({ where: { envelopeId_key: { envelopeId, key: emailKey } } });
    if (byEmail) recipient = await tx.recipient.update({ where: { id: byEmail.id }, data: { key } });
  }
  const { action } = notification;
  const progress = {
    invitedAt: action === 'sendSignNotification' && !recipient?.invitedAt ? at : undefined,
    firstOpenedAt: action === 'workstepOpened' && !recipient?.firstOpenedAt ? at : undefined,
    finishedAt: action === 'workstepFinished' && !recipient?.finishedAt ? at : undefined,
    rejectedAt: action === 'workstepRejected' && !recipient?.rejectedAt ? at : undefined,
    delegatedAt: action.startsWith('workstepDelegated') && !recipient?.delegatedAt ? at : undefined,
  };
  const opened = action === 'workstepOpened' ? 1 : 0;
  if (!recipient) {
    await tx.recipient.create({
      data: {
        envelopeId,
        key,
        recipientOrder: notification.recipientOrder,
        email: notification.recipientEmail,
        openCount: opened,
        ...progress,
      },
    });
    return { added: true, signed: progress.finishedAt !== undefined, emailAdded: notification.recipientEmail !== null };
  }
  await tx.recipient.update({
    where: { id: recipient.id },
    data: {
      ...progress,
      email: notification.recipientEmail ?? undefined,
      recipientOrder: notification.recipientOrder ?? undefined,
      openCount: opened ? { increment: 1 } : undefined,
    },
  });
  const emailAdded = notification.recipientEmail !== null && notification.recipientEmail !== recipient.email;
  return { added: false, signed: progress.finishedAt !== undefined, emailAdded };
}
