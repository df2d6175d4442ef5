import 'server-only';
import type { Link } from '@opentelemetry/api';
import { uuidV7 } from '@/app/lib/db/sql-values';
import type { Job, JobResult } from './apply-notifications';
import { getEnvelopeWriter } from './envelope-writer';
import { getMetrics } from '@/app/lib/observability/metrics-registry';
import { activeSpanLink, inSpan } from '@/app/lib/observability/in-span';
import { noteNotificationReceived } from './ingest-pressure';

export type IngestResult = JobResult;

const ATTEMPTS = 4;

type Waiting = {
  job: Job;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
  /** The request's span, which the batch's span links to (the batch serves many requests, so it is no one's child). */
  link: Link | null;
};

// Group commit: notifications that arrive while a transaction is running wait for the next one
// and are stored together. One alone is stored at once, so a quiet system adds no delay. A writer may take more than
// one batch at a time (PostgreSQL: while one waits for the database, the next is planned and sent), but an envelope is
// never in two batches at once: its notifications are stored in the order they arrived.
const queue: { ingestWaiting: Waiting[]; drains: number; drainScheduled: boolean; envelopesInFlight: Set<string> } = {
  ingestWaiting: [],
  drains: 0,
  drainScheduled: false,
  envelopesInFlight: new Set(),
};

/**
 * Records one accepted notification: the delivery, the envelope, its recipient and the event.
 * Resolves only after the transaction holding it has committed, so a 200 always means stored.
 * Copies of a milestone are counted on the first event instead of stored again.
 */
export function ingestNotification(options: Omit<Job, 'deliveryId'>): Promise<IngestResult> {
  const job: Job = { ...options, deliveryId: uuidV7(options.delivery.receivedAt.getTime()) };
  noteNotificationReceived();
  return new Promise((resolve, reject) => {
    queue.ingestWaiting.push({ job, resolve, reject, link: activeSpanLink() });
    scheduleDrain();
  });
}

function scheduleDrain(): void {
  if (queue.drainScheduled || queue.drains >= getEnvelopeWriter().concurrentBatches) return;
  queue.drainScheduled = true;
  // Started after the event loop's I/O phase, so every request that arrived with this one
  // joins its batch (on SQLite a whole transaction runs without yielding to I/O).
  setImmediate(() => {
    queue.drainScheduled = false;
    if (queue.ingestWaiting.length === 0 || queue.drains >= getEnvelopeWriter().concurrentBatches) return;
    queue.drains += 1;
    void drain();
  });
}

// On globalThis: the server's webhooks out listen from instrumentation, which Next.js bundles apart from the route
// handlers that store notifications (each bundle has its own copy of this module).
type IngestActivity = { changeListeners: Set<() => void> };
const ACTIVITY_KEY = '__envelopeTrackerIngestActivity';
const activity = ((globalThis as { [ACTIVITY_KEY]?: IngestActivity })[ACTIVITY_KEY] ??= {
  changeListeners: new Set(),
});

/** Calls `listener` after each stored batch that changed an envelope (the server's webhooks out listen). */
export function whenChangesStored(listener: () => void): void {
  activity.changeListeners.add(listener);
}

function notifyChangesStored(): void {
  for (const listener of activity.changeListeners) listener();
}

async function drain(): Promise<void> {
  try {
    for (;;) {
      const batch = takeBatch();
      if (batch.length === 0) break;
      const envelopeIds = new Set(batch.map((waiting) => waiting.job.notification.envelopeId));
      for (const envelopeId of envelopeIds) queue.envelopesInFlight.add(envelopeId);
      try {
        getMetrics().ingestBatchSize.observe(batch.length);
        await storeBatch(batch);
      } finally {
        for (const envelopeId of envelopeIds) queue.envelopesInFlight.delete(envelopeId);
      }
    }
  } finally {
    queue.drains -= 1;
    // What waited for an envelope of this batch goes next.
    if (queue.ingestWaiting.length > 0) scheduleDrain();
  }
}

/** The next batch, in arrival order: the writer's batch size of notifications of envelopes no batch is storing. */
function takeBatch(): Waiting[] {
  const { ingestWaiting, envelopesInFlight } = queue;
  const maxBatchSize = getEnvelopeWriter().maxBatchSize;
  if (envelopesInFlight.size === 0) return ingestWaiting.splice(0, maxBatchSize);
  const batch: Waiting[] = [];
  const left: Waiting[] = [];
  for (const waiting of ingestWaiting) {
    if (batch.length < maxBatchSize && !envelopesInFlight.has(waiting.job.notification.envelopeId)) batch.push(waiting);
    else left.push(waiting);
  }
  queue.ingestWaiting = left;
  return batch;
}

async function storeBatch(batch: Waiting[]): Promise<void> {
  try {
    const results = await inSpan(
      'ingest.batch',
      {
        root: true,
        attributes: { 'ingest.batch.size': batch.length },
        links: batch.flatMap((waiting) => (waiting.link ? [waiting.link] : [])),
      },
      () => runWithRetries(batch.map((waiting) => waiting.job)),
    );
    batch.forEach((waiting, index) => waiting.resolve(results[index]!));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    // One notification must not fail the others: store them one by one to isolate it.
    for (const waiting of batch) await storeBatch([waiting]);
  }
}

async function runWithRetries(jobs: Job[]): Promise<IngestResult[]> {
  const writer = getEnvelopeWriter();
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await inSpan('ingest.commit', { attributes: { 'ingest.attempt': attempt } }, () =>
        writer.storeBatch(jobs),
      );
      // Committed: whoever waits for changes (webhooks out) hears of them after the answers, never in their way.
      if (stored.transitions.length > 0) setImmediate(notifyChangesStored);
      return stored.results;
    } catch (error) {
      // Another instance stored the same event first, or a write conflict: run again.
      if (attempt < ATTEMPTS && writer.isRetryable(error)) continue;
      throw error;
    }
  }
}
