import { z } from 'zod';
import { decodeCursor, encodeCursor, type Cursor } from '@/app/lib/api/cursor';
import { ENVELOPE_STATUSES, type EnvelopeStatus } from './lifecycle/envelope-statuses';

// The orders the envelope list, its API and its CSV export can take, and the keyset cursor that walks each of them.
// Ties are broken by id; an unknown sent or expiry time sorts last whichever the direction.

export const ENVELOPE_SORTS = ['activity', 'sent', 'deadline', 'status'] as const;
export type EnvelopeSortKey = (typeof ENVELOPE_SORTS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export type EnvelopeOrder = { sort: EnvelopeSortKey; dir: SortDirection };

/** Newest activity first: the list's order when the URL names none. */
export const DEFAULT_ENVELOPE_ORDER: EnvelopeOrder = { sort: 'activity', dir: 'desc' };

/** "Expiring within N days" asks which deadline comes next: the soonest first, unless the URL names an order. */
export const EXPIRING_ENVELOPE_ORDER: EnvelopeOrder = { sort: 'deadline', dir: 'asc' };

/** The order a view takes when its URL names none. */
export function defaultOrderFor(filters: { expiringWithin?: unknown }): EnvelopeOrder {
  return filters.expiringWithin ? EXPIRING_ENVELOPE_ORDER : DEFAULT_ENVELOPE_ORDER;
}

/** The order a URL asks for: its sort and direction, each falling back to the view's default (a named sort: descending). */
export function resolveEnvelopeOrder(query: {
  sort?: EnvelopeSortKey;
  dir?: SortDirection;
  expiringWithin?: unknown;
}): EnvelopeOrder {
  if (!query.sort) return { ...defaultOrderFor(query), ...(query.dir ? { dir: query.dir } : {}) };
  return { sort: query.sort, dir: query.dir ?? 'desc' };
}

/** The envelope columns a sort reads before the id. */
export const SORT_COLUMNS = { sent: 'sentAt', deadline: 'expiresAt' } as const;

/**
 * Where a page ends: the last envelope's last activity and id, and, for the sorts by time sent, deadline or status,
 * its value there (null for an unknown time), with the order it belongs to.
 */
export type EnvelopeListCursor = Cursor & { order?: EnvelopeOrder; key?: string | number | null };

const isDefaultOrder = (order: EnvelopeOrder) =>
  order.sort === DEFAULT_ENVELOPE_ORDER.sort && order.dir === DEFAULT_ENVELOPE_ORDER.dir;

/** The position of a status in the lifecycle's order (the order lists and filters show them). */
export function statusPosition(status: EnvelopeStatus): number {
  return ENVELOPE_STATUSES.indexOf(status);
}

/** The row's value under the order's sort: what a cursor after it carries. */
export function sortValueOf(
  order: EnvelopeOrder,
  row: { status: EnvelopeStatus; sentAt: Date | null; expiresAt: Date | null },
): string | number | null {
  switch (order.sort) {
    case 'activity':
      return null;
    case 'sent':
      return row.sentAt?.toISOString() ?? null;
    case 'deadline':
      return row.expiresAt?.toISOString() ?? null;
    case 'status':
      return statusPosition(row.status);
  }
}

/**
 * The newest-activity cursor keeps the API's common form (`{t, id}`), so a cursor from before the sorts still works
 * and readers of that form (decodeCursor) keep paging the default order; the others carry their order and value.
 */
export function encodeListCursor(order: EnvelopeOrder, cursor: Cursor & { key: string | number | null }): string {
  if (isDefaultOrder(order)) return encodeCursor(cursor);
  const payload = { t: cursor.at.toISOString(), id: cursor.id, s: order.sort, d: order.dir, k: cursor.key };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

const orderedCursorSchema = z.object({
  t: z.iso.datetime(),
  id: z.string().min(1),
  s: z.enum(ENVELOPE_SORTS),
  d: z.enum(SORT_DIRECTIONS),
  k: z.union([
    z.iso.datetime(),
    z
      .number()
      .int()
      .min(0)
      .max(ENVELOPE_STATUSES.length - 1),
    z.null(),
  ]),
});

export function decodeListCursor(value: string): EnvelopeListCursor | null {
  try {
    const parsed = orderedCursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    if (parsed.success) {
      const { t, id, s, d, k } = parsed.data;
      const keyFits = s === 'status' ? typeof k === 'number' : s === 'activity' ? k === null : typeof k !== 'number';
      return keyFits ? { at: new Date(t), id, order: { sort: s, dir: d }, key: k } : null;
    }
  } catch {
    return null;
  }
  const plain = decodeCursor(value);
  return plain ? { ...plain, order: DEFAULT_ENVELOPE_ORDER, key: null } : null;
}

/** Whether a cursor walks this order (a cursor of another order would skip or repeat envelopes). */
export function cursorFitsOrder(cursor: EnvelopeListCursor, order: EnvelopeOrder): boolean {
  const own = cursor.order ?? DEFAULT_ENVELOPE_ORDER;
  return own.sort === order.sort && own.dir === order.dir;
}

/** The `cursor` query parameter of the envelope list, decoded. */
export const listCursorParamSchema = z.string().transform((value, context) => {
  const decoded = decodeListCursor(value);
  if (!decoded) {
    context.addIssue({ code: 'custom', message: 'is not a cursor from this API; start again without it' });
    return z.NEVER;
  }
  return decoded;
});
