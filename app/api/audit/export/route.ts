import type { NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { auditQuerySchema } from '@/app/lib/audit/audit-schemas';
import { exportAuditCsv } from '@/app/lib/audit/export-audit-csv';
import { describeExportQuery } from '@/app/lib/audit/describe-export-query';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `GET /api/audit/export?<the same filters>`: the audit log as CSV, newest first. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(auditQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  // Reading the whole log out is itself worth knowing about.
  await recordAuditEntry({
    request,
    action: 'audit.export',
    detail: describeExportQuery(request.nextUrl.search),
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(exportAuditCsv(query.value), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${date}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
