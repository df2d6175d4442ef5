import { z } from 'zod';
import { ENVELOPE_STATUSES } from './envelope-schemas';

// The answer of GET /api/envelopes. The home page renders it on the server and then polls for it, parsing every
// answer with this schema, so a browser tab and a server from different deploys cannot silently disagree on a field.

const isoTime = z.iso.datetime({ offset: true });

export const LIST_DOCUMENT_STATUSES = ['none', 'pending', 'fetching', 'stored', 'failed'] as const;

const recipientSchema = z.object({
  order: z.number().int().nullable(),
  email: z.string().nullable(),
  invitedAt: isoTime.nullable(),
  firstOpenedAt: isoTime.nullable(),
  openCount: z.number().int(),
  finishedAt: isoTime.nullable(),
  rejectedAt: isoTime.nullable(),
  delegatedAt: isoTime.nullable(),
});

export const envelopeListItemSchema = z.object({
  id: z.string(),
  hookId: z.string(),
  status: z.enum(ENVELOPE_STATUSES),
  actionRequired: z.boolean(),
  customValues: z.record(z.string(), z.string()),
  recipientCount: z.number().int(),
  signedCount: z.number().int(),
  recipients: z.array(recipientSchema),
  firstSeenAt: isoTime,
  firstOpenedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  lastEventAt: isoTime,
  lastAction: z.string(),
  /** Where fetching the signed documents stands; "none" before the envelope finished. */
  documentStatus: z.enum(LIST_DOCUMENT_STATUSES),
});

export const statusCountsSchema = z.object(
  Object.fromEntries(ENVELOPE_STATUSES.map((status) => [status, z.number().int()])) as Record<
    (typeof ENVELOPE_STATUSES)[number],
    z.ZodNumber
  >,
);

export const envelopePageSchema = z.object({
  items: z.array(envelopeListItemSchema),
  nextCursor: z.string().nullable(),
  /** Present when asked for with counts=true. */
  statusCounts: statusCountsSchema.optional(),
});

export type EnvelopeListItem = z.output<typeof envelopeListItemSchema>;
export type StatusCounts = z.output<typeof statusCountsSchema>;
export type EnvelopePage = z.output<typeof envelopePageSchema>;
