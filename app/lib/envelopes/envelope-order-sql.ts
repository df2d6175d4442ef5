import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { EnvelopeListCursor, EnvelopeOrder } from './envelope-list-order';

const { sql, raw } = Prisma;

// The SQL of the list's orders, for both databases. Each is a total order (the id breaks ties), so a keyset cursor
// (the last row's values) finds exactly where the next page starts.

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
