import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { listSubscriptionAttempts } from '@/app/lib/subscriptions/list-subscription-attempts';
import { notFound } from '@/app/lib/subscriptions/update-subscription';

export const dynamic = 'force-dynamic';

const attemptsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** `GET /api/subscriptions/<id>/attempts?limit=`: the latest requests and what they got back, newest first. */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const query = parseSearchParams(attemptsQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  const items = await listSubscriptionAttempts((await context.params).id, query.value.limit);
  if (!items) {
    const missing = notFound();
    return errorResponse(missing.status, missing.code, missing.message);
  }
  return NextResponse.json({ items }, { headers: { 'Cache-Control': 'no-store' } });
}
