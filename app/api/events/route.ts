import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { feedQuerySchema } from '@/app/lib/feed/feed-query-schema';
import { listFeedEvents } from '@/app/lib/feed/list-feed-events';

export const dynamic = 'force-dynamic';

/** The change feed: `GET /api/events?after=<cursor>&type=<a,b>&envelope=<id>&limit=<n>` → `{ items, nextCursor }`. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(feedQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  return NextResponse.json(await listFeedEvents(query.value), { headers: { 'Cache-Control': 'no-store' } });
}
