import type { NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { exportDownload } from '@/app/lib/api/export-download';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { reserveExportDownload } from '@/app/lib/api/reserve-export-download';
import { exportEnvelopesQuerySchema } from '@/app/lib/envelopes/envelope-schemas';
import { exportEnvelopesCsv, exportFileName } from '@/app/lib/envelopes/export-envelopes-csv';

export const dynamic = 'force-dynamic';

/** GET /api/exports/envelopes?<the home page's filters and order>: every envelope of that view as a CSV download. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(exportEnvelopesQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  const now = new Date();
  const { sort, dir, ...filters } = query.value;
  const encoder = new TextEncoder();
  return exportDownload({
    label: 'Envelope export',
    audit: { request, action: 'export.csv' },
    open: () => {
      const rows = exportEnvelopesCsv({ filters, order: { sort, dir }, now });
      return {
        next: async () => {
          const next = await rows.next();
          return next.done ? next : { done: false, value: encoder.encode(next.value) };
        },
        cancel: async () => {
          await rows.return(undefined);
        },
      };
    },
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(now)}"`,
    },
  });
}

/** POST with the same query: reserves room for the page's download (reserve-export-download.ts). */
export async function POST(request: NextRequest) {
  return reserveExportDownload(request, exportEnvelopesQuerySchema);
}
