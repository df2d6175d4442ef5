import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { auditQuerySchema } from '@/app/lib/audit/audit-schemas';
import { listAuditEntries } from '@/app/lib/audit/list-audit-entries';

export const dynamic = 'force-dynamic';

/** `GET /api/audit?actor=&action=&target=&from=&to=&cursor=&limit=` → `{ items, nextCursor }`, newest first. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(auditQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  return NextResponse.json(await listAuditEntries(query.value), { headers: { 'Cache-Control': 'no-store' } });
}
