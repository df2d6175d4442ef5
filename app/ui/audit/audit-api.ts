import { z } from 'zod';
import { listHref } from '@/app/ui/list/list-url';
import { AUDIT_FILTER_KEYS, type AuditFilters } from './audit-filters';

// What the audit API answers, checked in the browser: a proxy or a server updated under an open tab may answer
// something else, and requestJson then says so instead of the page breaking. Kinds and outcomes stay open strings,
// so an entry of a kind this page does not know yet still shows.

export const AUDIT_API_URL = '/api/audit';
export const AUDIT_EXPORT_URL = '/api/audit/export';

/** How many entries one page of the list holds (the server renders the first). */
export const AUDIT_PAGE_SIZE = 50;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  detail: z.unknown(),
  sourceAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** One page of the filtered log; the filters must already hold instants (see withDaysAsInstants). */
export function auditApiUrl(filters: AuditFilters, cursor: string | null): string {
  return listHref(
    AUDIT_API_URL,
    { ...filters, limit: String(AUDIT_PAGE_SIZE) },
    [...AUDIT_FILTER_KEYS, 'limit'],
    cursor,
  );
}

/** The whole filtered log as CSV. */
export function auditExportHref(filters: AuditFilters): string {
  return listHref(AUDIT_EXPORT_URL, filters, AUDIT_FILTER_KEYS);
}
