import { uuidV7 } from '@/app/lib/db/sql-values';
import type { Job } from '@/app/lib/webhooks/apply-notifications';

// A notification as the webhook route hands it to an envelope writer, for tests that drive the writers directly.

export type IngestJobOptions = {
  at?: Date;
  recipientOrder?: number | null;
  recipientEmail?: string | null;
  isFinishCallback?: boolean;
  customValues?: Record<string, string>;
};

export function ingestJob(hookId: string, envelopeId: string, action: string, options: IngestJobOptions = {}): Job {
  const at = options.at ?? new Date();
  return {
    deliveryId: uuidV7(at.getTime()),
    delivery: {
      hookId,
      receivedAt: at,
      method: 'GET',
      query: `envelopeId=${envelopeId}&action=${action}`,
      body: null,
      contentType: null,
      headers: { 'user-agent': 'test' },
      sourceAddress: '127.0.0.1',
    },
    notification: {
      envelopeId,
      action,
      recipientEmail: options.recipientEmail ?? null,
      recipientOrder: options.recipientOrder ?? null,
      isFinishCallback: options.isFinishCallback ?? false,
      customValues: options.customValues ?? {},
      details: null,
      notices: [],
    },
  };
}
