import type { NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import {
  documentsZipFileName,
  exportDocumentsQuerySchema,
  exportDocumentsZip,
} from '@/app/lib/documents/export-documents-zip';
import { describeExportQuery } from '@/app/lib/audit/describe-export-query';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** GET /api/exports/documents?<the home page's filters>&kinds=: the stored files of that view as one ZIP download. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(exportDocumentsQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  const now = new Date();
  const zip = exportDocumentsZip({ query: query.value, now }).getReader();
  await recordAuditEntry({
    request,
    action: 'export.zip',
    detail: describeExportQuery(request.nextUrl.search),
  });
  // Pulled as the download reads: a slow download holds back the reads from the database and the store.
  // No Content-Length: the size is known only at the end.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await zip.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        console.error('Document export failed:', error);
        controller.error(error);
      }
    },
    async cancel(reason) {
      await zip.cancel(reason);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${documentsZipFileName(now)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
