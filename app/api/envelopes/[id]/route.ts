import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { envelopeNotFound } from '@/app/lib/envelopes/envelope-not-found';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';

export const dynamic = 'force-dynamic';

/** One envelope with its timeline, documents and reconciliation; the open detail page polls it. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const envelope = await getEnvelopeById({ id });
  if (!envelope) {
    const missing = envelopeNotFound(id);
    return errorResponse(missing.status, missing.code, missing.message);
  }
  // The page polls this every few seconds; no cache in between may answer with an older state.
  return NextResponse.json(envelope, { headers: { 'Cache-Control': 'no-store' } });
}
