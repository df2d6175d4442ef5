import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { EnvelopeListCursor, EnvelopeOrder } from './envelope-list-order';
import { ENVELOPE_STATUSES } from './lifecycle/envelope-statuses';

const { sql, raw } = Prisma;

// The SQL of the list's orders, for both databases. Each is a total order (the id breaks ties), so a keyset cursor
// (the last row's values) finds exactly where the next page starts.

/** A status's position in the lifecycle's order, as SQL: `CASE "status" WHEN 'sent' THEN 0 … END`. */
export const STATUS_POSITION_SQL = raw(
  `CASE "status" ${ENVELOPE_STATUSES.map((status, position) => {
    // The values come from the lifecycle's own list, never from a request; the check keeps it that way.
    if (!/^[a-z_]+$/.test(status)) throw new Error(`Not a status: ${status}`);
    return `WHEN '${status}' THEN ${position}`;
  }).join(' ')} END`,
);

const direction = (order: EnvelopeOrder) => raw(order.dir === 'asc' ? 'ASC' : 'DESC');
const beyond = (order: EnvelopeOrder) => raw(order.dir === 'asc' ? '>' : '<');

/** Newest (or oldest) activity first. */
export function activityOrderSql(order: EnvelopeOrder): Prisma.Sql {
  return sql`ORDER BY "lastEventAt" ${direction(order)}, "id" ${direction(order)}`;
}

export function afterActivitySql(order: EnvelopeOrder, cursor: EnvelopeListCursor): Prisma.Sql {
  return sql`("lastEventAt", "id") ${beyond(order)} (${cursor.at}, ${cursor.id})`;
}

/** By a time that may be unknown, known times only: the unknown ones come after them (`nullTimeOrderSql`). */
export function timeOrderSql(column: string, order: EnvelopeOrder): Prisma.Sql {
  return sql`ORDER BY ${raw(`"${column}"`)} ${direction(order)}, "id" ${direction(order)}`;
}

export function afterTimeSql(column: string, order: EnvelopeOrder, at: Date, id: string): Prisma.Sql {
  return sql`(${raw(`"${column}"`)}, "id") ${beyond(order)} (${at}, ${id})`;
}

/** The envelopes whose time is unknown, by id alone. */
export function nullTimeOrderSql(order: EnvelopeOrder): Prisma.Sql {
  return sql`ORDER BY "id" ${direction(order)}`;
}

export function afterIdSql(order: EnvelopeOrder, id: string): Prisma.Sql {
  return sql`"id" ${beyond(order)} ${id}`;
}

/** By status in the lifecycle's order (or its reverse), then always newest activity first within a status. */
export function statusOrderSql(order: EnvelopeOrder): Prisma.Sql {
  return sql`ORDER BY ${STATUS_POSITION_SQL} ${direction(order)}, "lastEventAt" DESC, "id" DESC`;
}

export function afterStatusSql(order: EnvelopeOrder, cursor: EnvelopeListCursor): Prisma.Sql {
  const position = typeof cursor.key === 'number' ? cursor.key : 0;
  return sql`(${STATUS_POSITION_SQL} ${beyond(order)} ${position} OR (${STATUS_POSITION_SQL} = ${position} AND ("lastEventAt", "id") < (${cursor.at}, ${cursor.id})))`;
}
