import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { receiveWebhook } from '@/app/lib/webhooks/receive-webhook';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ hookId: string }> };

async function handle(request: Request, context: Context) {
  const { hookId } = await context.params;
  const answer = await receiveWebhook({ hookId, request });
  const headers = { 'Cache-Control': 'no-store', ...('headers' in answer ? answer.headers : {}) };
  return NextResponse.json(answer.body, { status: answer.status, headers });
}

export const GET = handle;
export const POST = handle;

function methodNotAllowed() {
  return errorResponse(405, 'method_not_allowed', 'Send notifications with GET or POST.', { Allow: 'GET, POST' });
}

export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
