import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const envelope = await getEnvelopeById({ id });
  if (!envelope)
    return errorResponse(404, 'not_found', `No envelope ${id.slice(0, 128)} has been notified to this app.`);
  return NextResponse.json(envelope);
}
