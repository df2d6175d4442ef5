import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { retryDocumentFetch } from '@/app/lib/documents/retry-document-fetch';
import { runDocumentFetch } from '@/app/lib/documents/run-document-fetch';
import { runAfterResponse } from '@/app/lib/server/run-after-response';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** "Retry now": fetches the envelope's documents right after answering 202. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const result = await retryDocumentFetch({ envelopeId: id });
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  await recordAuditEntry({ request, action: 'document.fetch_retry', target: { type: 'envelope', id } });
  if (result.documentStatus === 'pending') runAfterResponse(() => runDocumentFetch({ envelopeId: id }));
  return NextResponse.json(
    { documentStatus: result.documentStatus },
    { status: 202, headers: { 'Cache-Control': 'no-store' } },
  );
}
