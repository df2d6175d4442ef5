import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { csvRow } from '@/app/lib/envelopes/csv';
import { auditEntryFilter } from './audit-entry-filter';
import type { AuditQuery } from './audit-schemas';

const PAGE_ROWS = 1_000;
const HEADER = [
  'time',
  'actor kind',
  'actor',
  'action',
  'target type',
  'target',
  'outcome',
  'detail',
  'source address',
  'user agent',
];

/** The filtered audit log as CSV, newest first, read a thousand rows at a time so any length streams in little memory. */
export function exportAuditCsv(query: Omit<AuditQuery, 'cursor' | 'limit'>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: number | undefined;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(HEADER)));
      }
      const rows = await prisma.auditEntry.findMany({
        where: { ...auditEntryFilter(query), ...(before !== undefined ? { id: { lt: before } } : {}) },
        orderBy: { id: 'desc' },
        take: PAGE_ROWS,
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      before = rows.at(-1)!.id;
      const text = rows
        .map((row) =>
          csvRow([
            row.at.toISOString(),
            row.actorKind,
            row.actor,
            row.action,
            row.targetType,
            row.targetId,
            row.outcome,
            row.detail === null ? null : JSON.stringify(row.detail),
            row.sourceAddress,
            row.userAgent,
          ]),
        )
        .join('');
      controller.enqueue(encoder.encode(text));
    },
  });
}
