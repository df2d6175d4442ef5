import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import {
  applyNotifications,
  dedupeBaseOf,
  recipientMapKey,
  type BatchState,
  type EnvelopeRow,
  type Job,
  type JobResult,
  type RecipientRow,
  type StoredEvent,
} from './apply-notifications';
import { REPEAT_WINDOW_MS } from './envelope-actions';

const { sql, join } = Prisma;

/**
 * Stores a batch of accepted notifications in the given SQLite transaction: a handful of
 * statements whatever the batch size (read the envelopes' state, apply the notifications in
 * memory in arrival order, write every changed row back), which is what makes concurrent webhooks
 * cheap. SQLite has one writer at a time, so nothing needs locking. PostgreSQL has its own
 * version on the driver directly (ingest-batch-on-postgresql.ts).
 */
export async function ingestBatch(tx: Transaction, jobs: Job[]): Promise<JobResult[]> {
  const envelopeIds = [...new Set(jobs.map((job) => job.notification.envelopeId))].sort();
  const state = await loadState(tx, jobs, envelopeIds);
  const changes = applyNotifications(state, jobs);

  await insertDeliveries(tx, jobs, changes.results);
  const envelopes = [...changes.changedEnvelopes].map((id) => state.envelopes.get(id)!);
  if (envelopes.length > 0) await upsertEnvelopes(tx, envelopes);
  const recipients = [...changes.changedRecipients].map((key) => state.recipients.get(key)!);
  for (const recipient of recipients.filter((row) => row.storedKey && row.storedKey !== row.key)) {
    await tx.$executeRaw`
      UPDATE "Recipient" SET "key" = ${recipient.key}
      WHERE "envelopeId" = ${recipient.envelopeId} AND "key" = ${recipient.storedKey}`;
  }
  if (recipients.length > 0) await upsertRecipients(tx, recipients);
  if (changes.newEvents.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "Event" ("envelopeId", "deliveryId", "action", "occurredAt", "recipientEmail", "recipientOrder",
        "isFinishCallback", "customValues", "dedupeKey", "duplicateCount", "lastDuplicateAt")
      VALUES ${join(
        changes.newEvents.map(
          (event) => sql`(${event.envelopeId}, ${event.deliveryId}, ${event.action}, ${event.occurredAt},
            ${event.recipientEmail}, ${event.recipientOrder}, ${event.isFinishCallback},
            ${JSON.stringify(event.customValues)}, ${event.dedupeKey}, ${event.duplicateCount}, ${event.lastDuplicateAt})`,
        ),
      )}`;
  }
  for (const [eventId, duplicates] of changes.storedDuplicates) {
    await tx.$executeRaw`
      UPDATE "Event" SET "duplicateCount" = "duplicateCount" + ${duplicates.count}, "lastDuplicateAt" = ${duplicates.lastAt}
      WHERE "id" = ${eventId}`;
  }
  return changes.results;
}

async function loadState(tx: Transaction, jobs: Job[], envelopeIds: string[]): Promise<BatchState> {
  const ids = join(envelopeIds);
  const times = jobs.map((job) => job.delivery.receivedAt.getTime());
  const from = new Date(Math.min(...times) - REPEAT_WINDOW_MS);
  const to = new Date(Math.max(...times) + REPEAT_WINDOW_MS);
  const onceKeys = join([...new Set(jobs.map((job) => dedupeBaseOf(job.notification)))]);

  const envelopeRows = await tx.$queryRaw<EnvelopeRow[]>`
    SELECT "id", "hookId", "status", "actionRequired", "customValues", "searchText", "recipientCount", "signedCount",
      "firstSeenAt", "firstOpenedAt", "finishedAt", "lastEventAt", "lastAction", "finishCallbackAt", "reconciliation",
      "nextReconcileAt"
    FROM "Envelope" WHERE "id" IN (${ids})`;
  const recipientRows = await tx.$queryRaw<Omit<RecipientRow, 'storedKey'>[]>`
    SELECT "envelopeId", "key", "recipientOrder", "email", "invitedAt", "firstOpenedAt", "openCount", "finishedAt",
      "rejectedAt", "delegatedAt"
    FROM "Recipient" WHERE "envelopeId" IN (${ids})`;
  // Candidates for "already stored": once-only milestones by key, repeatable ones by time window.
  const storedEvents = await tx.$queryRaw<StoredEvent[]>`
    SELECT "id", "envelopeId", "dedupeKey", "occurredAt" FROM "Event"
    WHERE "envelopeId" IN (${ids})
      AND ("dedupeKey" IN (${onceKeys}) OR ("occurredAt" >= ${from} AND "occurredAt" <= ${to}))`;

  return {
    envelopes: new Map(
      envelopeRows.map((row) => [row.id, { ...row, actionRequired: Boolean(row.actionRequired) }] as const),
    ),
    recipients: new Map(
      recipientRows.map((row) => [recipientMapKey(row.envelopeId, row.key), { ...row, storedKey: row.key }] as const),
    ),
    storedEvents,
  };
}

async function insertDeliveries(tx: Transaction, jobs: Job[], results: JobResult[]) {
  await tx.$executeRaw`
    INSERT INTO "Delivery" ("id", "hookId", "receivedAt", "method", "query", "body", "contentType", "headers",
      "sourceAddress", "outcome", "envelopeId", "action", "replayOfId")
    VALUES ${join(
      jobs.map(({ delivery, notification, deliveryId }, index) => {
        const outcome = results[index]!.duplicate ? 'duplicate' : 'accepted';
        return sql`(${deliveryId}, ${delivery.hookId}, ${delivery.receivedAt}, ${delivery.method}, ${delivery.query},
          ${delivery.body}, ${delivery.contentType}, ${JSON.stringify(delivery.headers)}, ${delivery.sourceAddress},
          ${outcome}, ${notification.envelopeId}, ${notification.action},
          ${delivery.replayOfId ?? null})`;
      }),
    )}`;
}

async function upsertEnvelopes(tx: Transaction, envelopes: EnvelopeRow[]) {
  await tx.$executeRaw`
    INSERT INTO "Envelope" ("id", "hookId", "status", "actionRequired", "customValues", "searchText", "recipientCount",
      "signedCount", "firstSeenAt", "firstOpenedAt", "finishedAt", "lastEventAt", "lastAction", "finishCallbackAt",
      "reconciliation", "nextReconcileAt")
    VALUES ${join(
      envelopes.map(
        (row) => sql`(${row.id}, ${row.hookId}, ${row.status}, ${row.actionRequired},
          ${JSON.stringify(row.customValues)}, ${row.searchText}, ${row.recipientCount}, ${row.signedCount},
          ${row.firstSeenAt}, ${row.firstOpenedAt}, ${row.finishedAt}, ${row.lastEventAt}, ${row.lastAction},
          ${row.finishCallbackAt}, ${row.reconciliation},
          ${row.nextReconcileAt})`,
      ),
    )}
    ON CONFLICT ("id") DO UPDATE SET
      "status" = excluded."status", "actionRequired" = excluded."actionRequired",
      "customValues" = excluded."customValues", "searchText" = excluded."searchText",
      "recipientCount" = excluded."recipientCount", "signedCount" = excluded."signedCount",
      "firstOpenedAt" = excluded."firstOpenedAt", "finishedAt" = excluded."finishedAt",
      "lastEventAt" = excluded."lastEventAt", "lastAction" = excluded."lastAction",
      "finishCallbackAt" = excluded."finishCallbackAt", "reconciliation" = excluded."reconciliation",
      "nextReconcileAt" = excluded."nextReconcileAt"`;
}

async function upsertRecipients(tx: Transaction, recipients: RecipientRow[]) {
  await tx.$executeRaw`
    INSERT INTO "Recipient" ("envelopeId", "key", "recipientOrder", "email", "invitedAt", "firstOpenedAt", "openCount",
      "finishedAt", "rejectedAt", "delegatedAt")
    VALUES ${join(
      recipients.map(
        (row) => sql`(${row.envelopeId}, ${row.key}, ${row.recipientOrder}, ${row.email}, ${row.invitedAt},
          ${row.firstOpenedAt}, ${row.openCount}, ${row.finishedAt}, ${row.rejectedAt}, ${row.delegatedAt})`,
      ),
    )}
    ON CONFLICT ("envelopeId", "key") DO UPDATE SET
      "recipientOrder" = excluded."recipientOrder", "email" = excluded."email", "invitedAt" = excluded."invitedAt",
      "firstOpenedAt" = excluded."firstOpenedAt", "openCount" = excluded."openCount",
      "finishedAt" = excluded."finishedAt", "rejectedAt" = excluded."rejectedAt", "delegatedAt" = excluded."delegatedAt"`;
}
