import 'server-only';
import { followUpFinishCallback } from '@/app/lib/reconciliation/follow-up-finish-callback';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { runAfterResponse } from '@/app/lib/signing/run-after-response';
import type { DeliveryRecord } from './delivery-record';
import { ingestNotification, type IngestResult } from './ingest-notification';
import type { Notification } from './parse-notification';

/**
 * Stores a notification, received or replayed, and once the answer is sent asks the signing
 * service about a new finish callback. With a provider that confirms statuses, the finish
 * callback alone never completes the envelope: the confirmation does.
 */
export async function ingestAndFollowUp(options: {
  delivery: DeliveryRecord;
  notification: Notification;
}): Promise<IngestResult> {
  const confirmFinishCallback = getSigningProvider()?.confirmsStatus ?? false;
  const ingest = await ingestNotification({ ...options, confirmFinishCallback });
  if (ingest.isNewFinishCallback) {
    const { envelopeId } = options.notification;
    runAfterResponse(() => followUpFinishCallback({ envelopeId }));
  }
  return ingest;
}
