import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';

/**
 * eSignAnyWhere's error body, `{ Message, ErrorId, SupportId }`: the sandbox answers its API's
 * errors exactly as the real service does, so the `esignanywhere` adapter meets them in tests.
 */
export function sandboxApiError(status: 400 | 401 | 404, errorId: string, message: string) {
  return NextResponse.json(
    { Message: `${errorId} - ${message}`, ErrorId: errorId, SupportId: randomUUID() },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

export function sandboxApiJson(body: unknown) {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
