import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { listDeliveriesQuerySchema } from '@/app/lib/deliveries/delivery-schemas';
import { listDeliveries } from '@/app/lib/deliveries/list-deliveries';
import { getUnknownHookRequests } from '@/app/lib/webhooks/unknown-hook-counter';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const query = parseSearchParams(listDeliveriesQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  // Requests to unknown hooks are never stored; this process's count helps spot a wrong hook id.
  const unknownHooks = getUnknownHookRequests();
  return NextResponse.json({
    ...(await listDeliveries(query.value)),
    unknownHookRequests: { count: unknownHooks.count, lastAt: unknownHooks.lastAt?.toISOString() ?? null },
  });
}
