import type { NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { exportDownload } from '@/app/lib/api/export-download';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { reserveExportDownload } from '@/app/lib/api/reserve-export-download';
import {
  documentsZipFileName,
  exportDocumentsQuerySchema,
  exportDocumentsZip,
} from '@/app/lib/documents/export-documents-zip';

export const dynamic = 'force-dynamic';

/** GET /api/exports/documents?<the home page's filters>&kinds=: the stored files of that view as one ZIP download. */
export async function GET(request: NextRequest) {
  const query = parseSearchParams(exportDocumentsQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return errorResponse(400, 'invalid_query', query.message);
  const now = new Date();
  // No Content-Length: the size is known only at the end.
  return exportDownload({
    label: 'Document export',
    audit: { request, action: 'export.zip' },
    open: () => {
      const zip = exportDocumentsZip({ query: query.value, now }).getReader();
      return { next: () => zip.read(), cancel: (reason) => zip.cancel(reason) };
    },
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${documentsZipFileName(now)}"`,
    },
  });
}

/** POST with the same query: reserves room for the page's download (reserve-export-download.ts). */
export async function POST(request: NextRequest) {
  return reserveExportDownload(request, exportDocumentsQuerySchema);
}
