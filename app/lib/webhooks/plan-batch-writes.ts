import { REPEAT_WINDOW_MS } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import {
  applyNotifications,
  dedupeBaseOf,
  type BatchState,
  type EnvelopeRow,
  type Job,
  type NewEvent,
  type RecipientRow,
} from './apply-notifications';
import { deliveryRow, type DeliveryInsert } from './delivery-row';
import type { StoredBatch } from './envelope-writer';
import type { FeedEventDraft } from '@/app/lib/feed/feed-event-data';
import { feedEventsFromTransitions } from '@/app/lib/feed/feed-events-from-transitions';

/** Notifications in one transaction at most (a failed batch is stored again one by one to isolate the culprit). */
export const MAX_BATCH_SIZE = 100;

// What both envelope writers share around their SQL: which rows a batch must read, and which it writes once the
// notifications are applied.

/** The keys a batch reads the stored state by. */
export function batchReadKeys(jobs: Job[]) {
  const times = jobs.map((job) => job.delivery.receivedAt.getTime());
  const signed = jobs.filter((job) => job.webhookId);
  return {
    envelopeIds: [...new Set(jobs.map((job) => job.notification.envelopeId))].sort(),
    // Candidates for "already stored": once-only milestones by key, repeatable ones by time window.
    onceKeys: [...new Set(jobs.map((job) => dedupeBaseOf(job.notification)))],
    from: new Date(Math.min(...times) - REPEAT_WINDOW_MS),
    to: new Date(Math.max(...times) + REPEAT_WINDOW_MS),
    /** Only signed deliveries carry a message id. */
    signed: signed.map((job) => ({ hookId: job.delivery.hookId, webhookId: job.webhookId! })),
  };
}

export type BatchWrites = StoredBatch & {
  deliveries: DeliveryInsert[];
  /** Recipients stored under another key before (e-mail key → order key): renamed before the upserts. */
  renamedRecipients: { envelopeId: string; storedKey: string; key: string }[];
  envelopes: EnvelopeRow[];
  recipients: RecipientRow[];
  events: NewEvent[];
  duplicates: { id: number; count: number; lastAt: Date }[];
  /** The change feed's events for the batch's transitions, written last (after the feed's lock on PostgreSQL). */
  feedEvents: FeedEventDraft[];
};

/** Applies the batch to the state read for it and lists every row to write. */
export function planBatchWrites(state: BatchState, jobs: Job[], now: Date = new Date()): BatchWrites {
  const changes = applyNotifications(state, jobs);
  const recipients = [...changes.changedRecipients].map((key) => state.recipients.get(key)!);
  const feedEvents = feedEventsFromTransitions({
    transitions: changes.transitions,
    envelopeOf: (id) => state.envelopes.get(id),
    recipientNameOf: (envelopeId, recipient) => {
      for (const stored of state.recipients.values()) {
        if (stored.envelopeId !== envelopeId) continue;
        const sameOrder = recipient.order !== null && stored.recipientOrder === recipient.order;
        if (sameOrder || (recipient.email !== null && stored.email === recipient.email)) return stored.name;
      }
      return null;
    },
    recordedAt: now,
  });
  return {
    results: changes.results,
    transitions: changes.transitions,
    deliveries: jobs.map((job, index) => deliveryRow(job, changes.results[index]!)),
    renamedRecipients: recipients.flatMap(({ envelopeId, storedKey, key }) =>
      storedKey && storedKey !== key ? [{ envelopeId, storedKey, key }] : [],
    ),
    envelopes: [...changes.changedEnvelopes].map((id) => state.envelopes.get(id)!),
    recipients,
    events: changes.newEvents,
    duplicates: [...changes.storedDuplicates].map(([id, { count, lastAt }]) => ({ id, count, lastAt })),
    feedEvents,
  };
}
