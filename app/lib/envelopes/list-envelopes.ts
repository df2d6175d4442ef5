import 'server-only';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { countEnvelopesByStatus } from './count-envelopes-by-status';
import {
  defaultOrderFor,
  encodeListCursor,
  sortValueOf,
  type EnvelopeListCursor,
  type EnvelopeOrder,
} from './envelope-list-order';
import type { EnvelopeListItem, EnvelopePage } from './envelope-list-schema';
import type { EnvelopeFilters, ListEnvelopesQuery } from './envelope-schemas';
import { envelopeDisplayName } from './envelope-display-name';
import { findEnvelopeIds } from './find-envelope-ids';
import { isFinalStatus } from './lifecycle/envelope-statuses';

// A list item's size must not depend on what senders put in an envelope: the first recipients (recipientCount has
// them all) and the first custom values, cut short; the envelope's page has the rest.
export const LIST_RECIPIENTS = 10;
export const LIST_CUSTOM_VALUES = 10;
export const LIST_CUSTOM_VALUE_CHARS = 200;

const listInclude = {
  recipients: { orderBy: [{ recipientOrder: 'asc' }, { id: 'asc' }], take: LIST_RECIPIENTS },
  documentFetch: { select: { status: true } },
} satisfies Prisma.EnvelopeInclude;

/** Envelopes in the asked order, a page at a time (keyset pagination), with the counts when asked. */
export async function listEnvelopes(query: ListEnvelopesQuery): Promise<EnvelopePage> {
  const order = { sort: query.sort, dir: query.dir };
  const [page, statusCounts] = await Promise.all([
    loadEnvelopePage({ filters: query, order, after: query.cursor, limit: query.limit }),
    query.counts ? countEnvelopesByStatus({ filters: query }) : undefined,
  ]);
  return statusCounts ? { ...page, statusCounts } : page;
}

/**
 * One page of a view: its envelopes, each with recipients and document status, and the cursor to the next. Newest
 * activity first unless `order` says otherwise; `after` must come from a page in the same order.
 */
export async function loadEnvelopePage(options: {
  filters: EnvelopeFilters;
  order?: EnvelopeOrder;
  after?: EnvelopeListCursor;
  limit: number;
  scanWindow?: number;
  /** When "expiring within N days" counts from; the present unless told. */
  now?: Date;
  /** Where to read: the process's client unless told (an export reads in a snapshot, see read-snapshot.ts). */
  db?: Transaction;
}): Promise<{ items: EnvelopeListItem[]; nextCursor: string | null }> {
  const db = options.db ?? prisma;
  const order = options.order ?? defaultOrderFor(options.filters);
  const ids = await findEnvelopeIds({ ...options, db, order, take: options.limit + 1 });
  const pageIds = ids.slice(0, options.limit);
  const rows =
    pageIds.length > 0 ? await db.envelope.findMany({ where: { id: { in: pageIds } }, include: listInclude }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  // An envelope deleted between the two queries is simply left out.
  const page = pageIds.flatMap((id) => byId.get(id) ?? []);
  const last = page.at(-1);
  return {
    items: page.map(toEnvelopeListItem),
    nextCursor:
      ids.length > options.limit && last
        ? encodeListCursor(order, { at: last.lastEventAt, id: last.id, key: sortValueOf(order, last) })
        : null,
  };
}

type EnvelopeRow = Prisma.EnvelopeGetPayload<{ include: { recipients: true } }>;
type ListRow = Prisma.EnvelopeGetPayload<{ include: typeof listInclude }>;

export function toEnvelopeListItem(row: ListRow): EnvelopeListItem {
  const summary = toEnvelopeSummary(row);
  const customValues = Object.entries(summary.customValues)
    .slice(0, LIST_CUSTOM_VALUES)
    .map(([key, value]) => [key, value.slice(0, LIST_CUSTOM_VALUE_CHARS)] as const);
  const open = !isFinalStatus(row.status);
  return {
    ...summary,
    name: envelopeDisplayName({ name: row.name, customValues: summary.customValues, id: row.id }).slice(
      0,
      LIST_CUSTOM_VALUE_CHARS,
    ),
    customValues: Object.fromEntries(customValues),
    documentStatus: row.documentFetch?.status ?? 'none',
    sentAt: row.sentAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    waitingOn:
      open && (row.waitingOnEmail || row.waitingOnName)
        ? { name: row.waitingOnName, email: row.waitingOnEmail, since: row.waitingSince?.toISOString() ?? null }
        : null,
    isTest: row.isTest,
  };
}

export function toEnvelopeSummary(row: EnvelopeRow) {
  return {
    id: row.id,
    hookId: row.hookId,
    status: row.status,
    claimedStatus: row.claimedStatus,
    actionRequired: row.actionRequired,
    customValues: parseStringRecord(row.customValues),
    recipientCount: row.recipientCount,
    signedCount: row.signedCount,
    recipients: row.recipients.map(toRecipient),
    firstSeenAt: row.firstSeenAt.toISOString(),
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    lastEventAt: row.lastEventAt.toISOString(),
    lastAction: row.lastAction,
  };
}

export function toRecipient(row: EnvelopeRow['recipients'][number]) {
  return {
    order: row.recipientOrder,
    email: row.email,
    invitedAt: row.invitedAt?.toISOString() ?? null,
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    openCount: row.openCount,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    rejectedAt: row.rejectedAt?.toISOString() ?? null,
    delegatedAt: row.delegatedAt?.toISOString() ?? null,
  };
}

export type EnvelopeSummary = ReturnType<typeof toEnvelopeSummary>;
