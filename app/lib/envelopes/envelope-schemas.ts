import { z } from 'zod';
import {
  cursorFitsOrder,
  ENVELOPE_SORTS,
  listCursorParamSchema,
  resolveEnvelopeOrder,
  SORT_DIRECTIONS,
  type EnvelopeSortKey,
  type SortDirection,
} from './envelope-list-order';
import { ENVELOPE_STATUSES } from './lifecycle/envelope-statuses';

const dateTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
// A bare date is a whole day in UTC: from its first millisecond, through its last. The home page sends the reader's
// own day as two instants instead; a bare date is what a form submitted without JavaScript, or a hand-written URL, has.
const startOfDay = z.iso.date().transform((value) => new Date(`${value}T00:00:00.000Z`));
const endOfDay = z.iso.date().transform((value) => new Date(`${value}T23:59:59.999Z`));

/** The most days "expiring within" looks ahead. */
export const MAX_EXPIRING_WITHIN_DAYS = 366;
/** The most days "quiet for more than" looks back. */
export const MAX_QUIET_FOR_DAYS = 3650;

const filterFields = {
  status: z.enum(ENVELOPE_STATUSES, { error: `must be one of ${ENVELOPE_STATUSES.join(', ')}` }).optional(),
  q: z.string().max(200).optional(),
  hook: z.string().max(128).optional(),
  /** On the last activity; a bare date as `to` means through that day. */
  from: startOfDay.or(dateTime).optional(),
  to: endOfDay.or(dateTime).optional(),
  /** Open envelopes whose deadline falls within this many days from now. */
  expiringWithin: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 day' })
    .max(MAX_EXPIRING_WITHIN_DAYS, { error: `must be at most ${MAX_EXPIRING_WITHIN_DAYS} days` })
    .optional(),
  /** Open envelopes with no notification for more than this many days (0: every open envelope). */
  quietFor: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(0, { error: 'must be 0 days or more' })
    .max(MAX_QUIET_FOR_DAYS, { error: `must be at most ${MAX_QUIET_FOR_DAYS} days` })
    .optional(),
  /** Part of the name or e-mail of the recipient an open envelope waits on, in any case. */
  waitingOn: z.string().trim().max(200).optional(),
  /** Setup's test envelopes are left out unless asked for. */
  tests: z.enum(['include'], { error: 'must be include (or absent, to leave test envelopes out)' }).optional(),
};

// Absent means the view's default order (resolveEnvelopeOrder), which depends on its filters.
const orderFields = {
  sort: z.enum(ENVELOPE_SORTS, { error: `must be one of ${ENVELOPE_SORTS.join(', ')}` }).optional(),
  dir: z.enum(SORT_DIRECTIONS, { error: 'must be asc or desc' }).optional(),
};

/** The query with the order it resolves to in place of what the URL said. */
const withResolvedOrder = <Query extends { sort?: EnvelopeSortKey; dir?: SortDirection; expiringWithin?: number }>(
  query: Query,
) => ({ ...query, ...resolveEnvelopeOrder(query) });

const fromNotAfterTo = (filters: { from?: Date; to?: Date }) =>
  !filters.from || !filters.to || filters.from <= filters.to;
const fromNotAfterToIssue = { message: 'must not be after to', path: ['from'] };

/** Which envelopes a view shows: the list, its status counts and its CSV export all take these. */
export const envelopeFiltersSchema = z.object(filterFields).refine(fromNotAfterTo, fromNotAfterToIssue);

/** The CSV export: a view's filters and its order. */
export const exportEnvelopesQuerySchema = z
  .object({ ...filterFields, ...orderFields })
  .refine(fromNotAfterTo, fromNotAfterToIssue)
  .transform(withResolvedOrder);

export const listEnvelopesQuerySchema = z
  .object({
    ...filterFields,
    ...orderFields,
    cursor: listCursorParamSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Adds the counts per status (for the summary strip) to the answer. */
    counts: z.stringbool().optional(),
  })
  .refine(fromNotAfterTo, fromNotAfterToIssue)
  .transform(withResolvedOrder)
  .refine((query) => !query.cursor || cursorFitsOrder(query.cursor, query), {
    message: 'belongs to another sort order; start again without it',
    path: ['cursor'],
  });

export type EnvelopeFilters = z.output<typeof envelopeFiltersSchema> & {
  /** Only envelopes with stored files (the documents export; not a URL filter). */
  withDocuments?: boolean;
};
export type ExportEnvelopesQuery = z.output<typeof exportEnvelopesQuerySchema>;
export type ListEnvelopesQuery = z.output<typeof listEnvelopesQuerySchema>;
