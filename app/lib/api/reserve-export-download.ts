import 'server-only';
import type { NextRequest } from 'next/server';
import { tooManyExportsResponse } from './export-download';
import { reserveExportSlot } from './export-slots';

/**
 * POST on an export's URL: a slot for the download the page starts next, answered `201 { downloadUrl, expiresAt }`
 * (the same URL with a one-time ticket), or 429 with what to do. A browser shows a refused download only as "Failed";
 * asked first, the page can show the reason beside the button. GET alone still works as before, for scripts.
 */
export function reserveExportDownload(request: NextRequest, options: { limit?: number } = {}): Response {
  const reservation = reserveExportSlot({ limit: options.limit });
  if (!reservation) return tooManyExportsResponse();
  const url = new URL(request.nextUrl.pathname, 'http://localhost');
  for (const [key, value] of request.nextUrl.searchParams) if (key !== 'ticket') url.searchParams.append(key, value);
  url.searchParams.set('ticket', reservation.ticket);
  return Response.json(
    { downloadUrl: `${url.pathname}${url.search}`, expiresAt: reservation.expiresAt.toISOString() },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
