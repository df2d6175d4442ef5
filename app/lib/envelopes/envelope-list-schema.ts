import { z } from 'zod';
import { ENVELOPE_STATUSES } from './lifecycle/envelope-statuses';
import { DOCUMENT_STATUSES, envelopeSummaryFields, isoTime, recipientProgressSchema } from './envelope-summary-schema';

// The answer of GET /api/envelopes. The home page renders it on the server and then polls for it, parsing every
// answer with this schema, so a browser tab and a server from different deploys cannot silently disagree on a field.

export const envelopeListItemSchema = z.object({
  ...envelopeSummaryFields,
  recipients: z.array(recipientProgressSchema),
  /** Where fetching the signed documents stands; "none" before the envelope finished. */
  documentStatus: z.enum(DOCUMENT_STATUSES),
  /** What to call it: its name, else the custom value that names envelopes, else its id. */
  name: z.string(),
  /** When the signing service sent it and when it expires, as the service reports them; null while unknown. */
  sentAt: isoTime.nullable(),
  expiresAt: isoTime.nullable(),
  /** An open envelope's first recipient in signing order who has not signed yet, and since when; else null. */
  waitingOn: z
    .object({ name: z.string().nullable(), email: z.string().nullable(), since: isoTime.nullable() })
    .nullable(),
  /** Made by Setup's "Send a test notification". */
  isTest: z.boolean(),
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
