import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { cursorParamSchema } from '@/app/lib/api/cursor';
import { errorResponse } from '@/app/lib/api/error-response';
import { envelopeNotFound } from '@/app/lib/envelopes/envelope-not-found';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { EVENT_PAGE_SIZE, listEnvelopeEvents } from '@/app/lib/envelopes/list-envelope-events';

export const dynamic = 'force-dynamic';

const eventPageQuerySchema = z.object({
  /** The olderEventsCursor of the envelope, or the olderCursor of the previous page (an event id inside). */
  before: cursorParamSchema
    .refine((cursor) => /^[0-9]{1,15}$/.test(cursor.id), 'is not a cursor of a timeline; start again without it')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(EVENT_PAGE_SIZE),
});

/** A page of an envelope's timeline, older than `before`: `{ items (oldest first), olderCursor }`. */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const query = parseSearchParams(eventPageQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  const page = await listEnvelopeEvents({ envelopeId: id, before: query.value.before, limit: query.value.limit });
  if (page.items.length === 0 && !query.value.before) {
    const missing = envelopeNotFound(id);
    return errorResponse(missing.status, missing.code, missing.message);
  }
  return NextResponse.json(page, { headers: { 'Cache-Control': 'no-store' } });
}
