import { errorResponse } from '@/app/lib/api/error-response';
import { contentDisposition, matchesIfNoneMatch } from '@/app/lib/documents/content-disposition';
import { getDocumentDownload } from '@/app/lib/documents/get-document-download';
import { DECLARED_LENGTH_HEADER } from '@/app/lib/server/http-server-patches';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; documentId: string }> };

const MAX_ID_LENGTH = 128;

/** A stored signed document or audit trail; `?inline=1` shows it in the browser instead of saving it. */
export async function GET(request: Request, context: Context) {
  const { id, documentId } = await context.params;
  const notFound = () =>
    errorResponse(404, 'not_found', 'No such document for this envelope. Open the envelope to see its documents.');
  if (id.length > MAX_ID_LENGTH || documentId.length > MAX_ID_LENGTH) return notFound();
  const document = await getDocumentDownload({ envelopeId: id, documentId });
  if (!document) return notFound();

  const etag = `"${document.sha256}"`;
  // Private: documents sit behind sign-in. no-cache: reuse only after asking, which the ETag makes cheap.
  const cacheHeaders = { ETag: etag, 'Cache-Control': 'private, no-cache' };
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: cacheHeaders });
  }
  const content = await document.open();
  if (!content) {
    return errorResponse(
      500,
      'document_missing',
      'The document is recorded but its stored file is missing (check DOCUMENT_STORAGE_DIR and its backups).',
    );
  }
  const inline = new URL(request.url).searchParams.get('inline') === '1';
  await recordAuditEntry({
    request,
    action: inline ? 'document.view' : 'document.download',
    target: { type: 'envelope', id },
    detail: { documentId, fileName: document.fileName },
  });
  return new Response(content.body, {
    status: 200,
    headers: {
      ...cacheHeaders,
      'Content-Type': 'application/pdf',
      'Content-Length': String(content.size),
      // Next.js drops Content-Length from route handlers; an HTTP-server patch (http-server-patches.ts) turns this
      // header into Content-Length on the wire. Without it, downloads arrive chunked, with no size.
      [DECLARED_LENGTH_HEADER]: String(content.size),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', document.fileName),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
