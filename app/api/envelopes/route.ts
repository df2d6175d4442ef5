import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { listEnvelopesQuerySchema } from '@/app/lib/envelopes/envelope-schemas';
import { listEnvelopes } from '@/app/lib/envelopes/list-envelopes';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const query = parseSearchParams(listEnvelopesQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  // The home page polls this: an answer must never come from a cache.
  return NextResponse.json(await listEnvelopes(query.value), { headers: { 'Cache-Control': 'no-store' } });
}
