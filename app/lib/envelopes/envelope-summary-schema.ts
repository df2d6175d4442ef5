import { z } from 'zod';
import { ENVELOPE_STATUSES } from './lifecycle/envelope-statuses';

// What the list (GET /api/envelopes) and the detail (GET /api/envelopes/<id>) answers say alike about an
// envelope, written once so the two cannot drift apart.

export const isoTime = z.iso.datetime({ offset: true });

export const DOCUMENT_STATUSES = ['none', 'pending', 'fetching', 'stored', 'failed'] as const;

export const recipientProgressSchema = z.object({
  order: z.number().int().nullable(),
  email: z.string().nullable(),
  invitedAt: isoTime.nullable(),
  firstOpenedAt: isoTime.nullable(),
  openCount: z.number().int(),
  finishedAt: isoTime.nullable(),
  rejectedAt: isoTime.nullable(),
  delegatedAt: isoTime.nullable(),
});

export const envelopeSummaryFields = {
  id: z.string(),
  hookId: z.string(),
  status: z.enum(ENVELOPE_STATUSES),
  /** A final status a notification reported that the signing service has not confirmed yet. */
  claimedStatus: z.enum(ENVELOPE_STATUSES).nullable(),
  actionRequired: z.boolean(),
  customValues: z.record(z.string(), z.string()),
  recipientCount: z.number().int(),
  signedCount: z.number().int(),
  firstSeenAt: isoTime,
  firstOpenedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  lastEventAt: isoTime,
  lastAction: z.string(),
};
