import type { NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { exportEnvelopesQuerySchema } from '@/app/lib/envelopes/envelope-schemas';
import { exportEnvelopesCsv, exportFileName } from '@/app/lib/envelopes/export-envelopes-csv';
import { describeExportQuery } from '@/app/lib/audit/describe-export-query';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** GET /api/exports/envelopes?<the home page's filters and order>: every envelope of that view as a CSV download. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(exportEnvelopesQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  const now = new Date();
  const { sort, dir, ...filters } = query.value;
  const rows = exportEnvelopesCsv({ filters, order: { sort, dir }, now });
  await recordAuditEntry({
    request,
    action: 'export.csv',
    detail: describeExportQuery(request.nextUrl.search),
  });
  const encoder = new TextEncoder();
  // Pulled batch by batch: a slow download holds back the database reads instead of piling rows up in memory.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error('Envelope export failed:', error);
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(now)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
