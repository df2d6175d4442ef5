import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { errorResponse } from './error-response';
import { tooManyExportsResponse } from './export-download';
import { reserveExportSlot } from './export-slots';
import { parseSearchParams } from './parse-search-params';

/**
 * POST on an export's URL: checks the query as its download would (`400`), then takes a slot for the download the
 * page starts next, answered `201 { downloadUrl, expiresAt }` (the same URL with a one-time ticket), or 429 with what
 * to do. A browser shows a refused download only as "Failed"; asked first, the page can show the reason beside the
 * button. GET alone still works as before, for scripts.
 */
export function reserveExportDownload(request: NextRequest, querySchema: z.ZodType): Response {
  const query = parseSearchParams(querySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  const reservation = reserveExportSlot();
  if (!reservation) return tooManyExportsResponse();
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.set('ticket', reservation.ticket);
  return Response.json(
    { downloadUrl: `${request.nextUrl.pathname}?${params}`, expiresAt: reservation.expiresAt.toISOString() },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
