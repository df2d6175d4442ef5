import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { auditEntryFilter } from './audit-entry-filter';
import type { AuditQuery } from './audit-schemas';

/** One entry as the API and the Audit page show it. */
export type AuditEntryView = {
  id: number;
  at: string;
  actorKind: string;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  detail: unknown;
  sourceAddress: string | null;
  userAgent: string | null;
};

/** The audit log, newest first; nextCursor continues with older entries. */
export async function listAuditEntries(
  query: AuditQuery,
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const rows = await prisma.auditEntry.findMany({
    where: { ...auditEntryFilter(query), ...(query.cursor !== undefined ? { id: { lt: query.cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({ ...row, at: row.at.toISOString(), detail: row.detail ?? null })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}
