import 'server-only';
import { followUpFinishCallback } from '@/app/lib/reconciliation/follow-up-finish-callback';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { runAfterResponse } from '@/app/lib/server/run-after-response';
import type { DeliveryRecord } from './delivery-record';
import { ingestNotification, type IngestResult } from './ingest-notification';
import type { Notification } from './parse-notification';

/**
 * Stores a notification, received or replayed, and once the answer is sent asks the signing
 * service about a new finish callback or another final status. With a provider that confirms
 * statuses, a notification alone never ends the envelope: the confirmation does.
 */
export async function ingestAndFollowUp(options: {
  delivery: DeliveryRecord;
  notification: Notification;
  /** A signed delivery's message id, processed once. */
  webhookId?: string | null;
}): Promise<IngestResult> {
  const confirmFinalStatus = getSigningProvider()?.confirmsStatus ?? false;
  const ingest = await ingestNotification({ ...options, confirmFinalStatus });
  if (ingest.isNewFinishCallback || ingest.awaitsConfirmation) {
    const { envelopeId } = options.notification;
    runAfterResponse(() => followUpFinishCallback({ envelopeId }));
  }
  return ingest;
}
