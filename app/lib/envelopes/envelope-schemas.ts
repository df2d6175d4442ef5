import { z } from 'zod';
import { cursorParamSchema } from '@/app/lib/api/cursor';
import { ENVELOPE_STATUSES } from './lifecycle/envelope-statuses';

const dateTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
// A bare date is a whole day in UTC: from its first millisecond, through its last.
const startOfDay = z.iso.date().transform((value) => new Date(`${value}T00:00:00.000Z`));
const endOfDay = z.iso.date().transform((value) => new Date(`${value}T23:59:59.999Z`));

const filterFields = {
  status: z.enum(ENVELOPE_STATUSES, { error: `must be one of ${ENVELOPE_STATUSES.join(', ')}` }).optional(),
  q: z.string().max(200).optional(),
  hook: z.string().max(128).optional(),
  /** On the last activity; a bare date as `to` means through that day. */
  from: startOfDay.or(dateTime).optional(),
  to: endOfDay.or(dateTime).optional(),
};

const fromNotAfterTo = (filters: { from?: Date; to?: Date }) =>
  !filters.from || !filters.to || filters.from <= filters.to;
const fromNotAfterToIssue = { message: 'must not be after to', path: ['from'] };

/** Which envelopes a view shows: the list, its status counts and its CSV export all take these. */
export const envelopeFiltersSchema = z.object(filterFields).refine(fromNotAfterTo, fromNotAfterToIssue);

export const listEnvelopesQuerySchema = z
  .object({
    ...filterFields,
    cursor: cursorParamSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Adds the counts per status (for the summary strip) to the answer. */
    counts: z.stringbool().optional(),
  })
  .refine(fromNotAfterTo, fromNotAfterToIssue);

export type EnvelopeFilters = z.output<typeof envelopeFiltersSchema>;
export type ListEnvelopesQuery = z.output<typeof listEnvelopesQuerySchema>;
