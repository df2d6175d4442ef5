import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { alertHistoryQuerySchema } from '@/app/lib/alerts/alert-schemas';
import { listAlertHistory } from '@/app/lib/alerts/list-alert-history';

export const dynamic = 'force-dynamic';

/** `GET /api/alerts/history?rule=&channel=&envelope=&cursor=&limit=` → `{ items, nextCursor }`, newest first. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(alertHistoryQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  return NextResponse.json(await listAlertHistory(query.value), { headers: { 'Cache-Control': 'no-store' } });
}
